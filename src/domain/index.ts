// The public API of the domain core. Import from here, or from a module directly; both are stable.
export * from './result.ts';
export * from './rounding.ts';
export * from './money.ts';
export * from './rate.ts';
export * from './allocate.ts';
export * from './format.ts';
export * from './period.ts';
export * from './category.ts';
export * from './organisation.ts';
export * from './plan.ts';
export * from './summary.ts';
export * from './multi-year.ts';
export * from './result-history.ts';
export * from './contributions.ts';
