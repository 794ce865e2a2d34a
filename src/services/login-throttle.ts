// Rate-limits sign-in: after too many failures for one username or from one address within a
// window, further attempts are refused until the window has passed, so passwords cannot be guessed
// at speed. Kept in the process's memory: with several app servers each limits on its own, which
// still bounds guessing (documented in docs/decisions/0004-security-basics.md).
/** Keys are `kind:value`; each kind has its own limit (an address is shared by many users behind NAT). */
export type ThrottleOptions = { readonly maxFailures: Readonly<Record<string, number>>; readonly windowMs: number };

export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailures: { user: 5, address: 50 }, windowMs: 15 * 60_000 };

export class LoginThrottle {
  readonly #options: ThrottleOptions;
  readonly #failures = new Map<string, number[]>();

  constructor(options: ThrottleOptions = DEFAULT_THROTTLE) {
    this.#options = options;
  }

  /** Milliseconds until `keys` may try again, or 0 when they may now. */
  retryAfterMs(keys: readonly string[], now: number): number {
    let wait = 0;
    for (const key of keys) {
      const max = this.#options.maxFailures[key.split(':')[0] ?? ''] ?? 5;
      const recent = this.#recent(key, now);
      if (recent.length >= max) {
        const oldest = recent[recent.length - max] ?? now;
        wait = Math.max(wait, oldest + this.#options.windowMs - now);
      }
    }
    return wait;
  }

  recordFailure(keys: readonly string[], now: number): void {
    for (const key of keys) this.#failures.set(key, [...this.#recent(key, now), now]);
    if (this.#failures.size > 10_000) this.#prune(now);
  }

  recordSuccess(keys: readonly string[]): void {
    for (const key of keys) this.#failures.delete(key);
  }

  #recent(key: string, now: number): number[] {
    return (this.#failures.get(key) ?? []).filter((t) => now - t < this.#options.windowMs);
  }

  #prune(now: number): void {
    for (const key of [...this.#failures.keys()]) {
      if (this.#recent(key, now).length === 0) this.#failures.delete(key);
    }
  }
}
