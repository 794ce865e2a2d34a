// Convenience over parseAnySie for small files and tests: the whole file (SIE 1–4 or SIE 5) as one SieModel.
import type { SieModel } from './model.ts';
import { createModelBuilder } from './model.ts';
import { checkPeriodBalances, createDuplicateWatch } from './model-checks.ts';
import type { SieReadOptions, SieReadSummary } from './parse.ts';
import { parseAnySie } from './read-any.ts';

export type SieReadResult = SieReadSummary & { readonly model: SieModel };

export type SieInput = Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export async function readSieModel(input: SieInput, options: SieReadOptions = {}): Promise<SieReadResult> {
  const builder = createModelBuilder();
  const duplicates = createDuplicateWatch();
  const source = input instanceof Uint8Array ? [input] : input;
  const summary = await parseAnySie(source, (r) => {
    builder.visit(r);
    duplicates.visit(r);
  }, options);
  const model = builder.finish(summary.sieType);
  if (summary.format === 'refused') return { ...summary, model };
  const extra = [...duplicates.problems(), ...checkPeriodBalances(model)];
  const problems = [...summary.problems, ...extra].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ...summary, problems, model };
}
