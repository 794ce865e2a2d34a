// Timing helpers. The machine is shared and noisy, so every figure is a median over many runs, and a
// figure and its floor are sampled interleaved (one run of each per round, in rotating order): a burst
// of load from a neighbour then slows both, not only whichever happened to run at the time.

/** The median of the samples (the mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? Number.NaN) + hi) / 2;
}

export type Samples<K extends string> = Record<K, number[]>;

/**
 * Runs each task `warmup` times unmeasured, then `runs` rounds of one measured run of every task,
 * rotating which goes first. Returns the milliseconds of each run per task.
 */
export async function sampleInterleaved<K extends string>(
  tasks: Readonly<Record<K, () => unknown>>,
  options: { readonly runs: number; readonly warmup: number },
): Promise<Samples<K>> {
  const names = Object.keys(tasks) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Samples<K>;
  for (let round = 0; round < options.warmup + options.runs; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      if (name === undefined) continue;
      const start = performance.now();
      await tasks[name]();
      const ms = performance.now() - start;
      if (round >= options.warmup) samples[name].push(ms);
    }
  }
  return samples;
}

/** Milliseconds of one run of `task` (for setup steps that are too slow to repeat). */
export async function timeOnce<T>(task: () => Promise<T>): Promise<{ readonly ms: number; readonly value: T }> {
  const start = performance.now();
  const value = await task();
  return { ms: performance.now() - start, value };
}
