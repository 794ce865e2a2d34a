// The SIE library's public API: pure code over bytes and streams (docs/DESIGN.md, Architecture).
// Callers open files; nothing here touches the file system, a database or the clock.
export { parseSie, parseSieBatch } from './parse.ts';
export type { ChecksumState, SieBatchVisitor, SieReadOptions, SieReadSummary, SieTransBatch, SieType, SieVisitor } from './parse.ts';
export { readSieModel } from './read.ts';
export { isSie5, parseAnySie, parseAnySieBatch } from './read-any.ts';
export { parseSie5, parseSie5Batch, parseDecimalOre } from './sie5-read.ts';
export type { SieInput, SieReadResult } from './read.ts';
export { writeSie, modelRecords } from './write.ts';
export type { SieWriteOptions, SieWriteResult, SieWriteType } from './write.ts';
export { createSieEncoder } from './encode.ts';
export type { SieEncoder, SieEncoderOptions, SieReplacement } from './encode.ts';
export { emptyModel, emptyCompany, createModelBuilder } from './model.ts';
export type {
  SieAccount, SieBalance, SieCompany, SieDimension, SieFiscalYear, SieModel, SieObject, SieObjectBalance,
  SiePeriodAmount, SieVoucher, SieVoucherRow,
} from './model.ts';
export { NO_OBJECTS, counts } from './records.ts';
export type {
  AccountType, BalanceRecord, ObjectBalanceRecord, ObjectRef, PeriodRecord, SieChartRecord, SieHeaderRecord,
  SieLabel, SieRecord, TransRecord, VoucherEndRecord, VoucherRecord,
} from './records.ts';
export type { ProblemLevel, SieProblem } from './problems.ts';
export type { SieEncoding } from './encoding.ts';
export { encodingName } from './encoding.ts';
export type { Sie5Summary } from './sie5.ts';
export { generateSie4E } from './generate.ts';
export type { GenerateOptions } from './generate.ts';
