import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

const MIN = 60_000;

describe('LoginThrottle', () => {
  it('refuses a username after five failures within the window, until the oldest leaves it', () => {
    const t = new LoginThrottle({ maxFailures: { user: 5, address: 50 }, windowMs: 15 * MIN });
    const keys = ['user:ekonom', 'address:10.0.0.1'];
    for (let i = 0; i < 4; i++) t.recordFailure(keys, i * MIN);
    expect(t.retryAfterMs(keys, 4 * MIN)).toBe(0);
    t.recordFailure(keys, 4 * MIN);
    expect(t.retryAfterMs(keys, 5 * MIN)).toBe(10 * MIN);
    expect(t.retryAfterMs(keys, 15 * MIN)).toBe(0);
  });

  it('limits an address more loosely than a username, and success clears the username', () => {
    const t = new LoginThrottle({ maxFailures: { user: 5, address: 8 }, windowMs: 15 * MIN });
    for (let i = 0; i < 8; i++) t.recordFailure([`user:u${i}`, 'address:a'], 0);
    expect(t.retryAfterMs(['user:ny', 'address:a'], 1)).toBeGreaterThan(0);
    expect(t.retryAfterMs(['user:ny', 'address:b'], 1)).toBe(0);
    for (let i = 0; i < 5; i++) t.recordFailure(['user:x'], 0);
    t.recordSuccess(['user:x']);
    expect(t.retryAfterMs(['user:x'], 1)).toBe(0);
  });
});
