// Scale math for the small SVG charts: a domain that always includes zero, "nice" tick steps
// (1, 2 or 5 × 10^n, so ticks in öre stay round in tkr too) and a linear map onto pixels.

export interface NiceDomain {
  min: number;
  max: number;
  ticks: number[];
}

export function niceStep(span: number, targetTicks: number): number {
  if (!(span > 0) || !(targetTicks > 0)) return 1;
  const raw = span / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
  return factor * magnitude;
}

/** A domain covering every value and zero, widened to whole tick steps. */
export function niceDomain(values: readonly number[], targetTicks = 4): NiceDomain {
  const finite = values.filter((v) => Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  if (lo === hi) return { min: 0, max: 1, ticks: [0, 1] };
  const step = niceStep(hi - lo, targetTicks);
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // Count steps with integers so the ticks do not drift by float error.
  const count = Math.round((max - min) / step);
  for (let i = 0; i <= count; i += 1) ticks.push(min + i * step);
  return { min, max, ticks };
}

export function scaleLinear(domain: readonly [number, number], range: readonly [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0) return () => r0;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** A bar from the zero line to the value: where it starts and how long it is, never negative. */
export function barExtent(value: number, scale: (v: number) => number): { start: number; size: number } {
  const zero = scale(0);
  const end = scale(value);
  return { start: Math.min(zero, end), size: Math.abs(end - zero) };
}

/** Show every n-th category label so that labels (about 7 px a character, 10 px apart) never overlap. */
export function axisLabelStep(categories: readonly string[], plotWidth: number): number {
  const widest = Math.max(1, ...categories.map((c) => c.length)) * 7 + 10;
  const fit = Math.max(1, Math.floor(plotWidth / widest));
  return Math.max(1, Math.ceil(categories.length / fit));
}
