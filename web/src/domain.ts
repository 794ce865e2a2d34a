// The only door from the web app into the shared domain code: pure formatting, amount parsing and
// öre arithmetic. Lint forbids importing anything else from src/ (the web talks to the server over HTTP).
export {
  formatAmountShort,
  formatKr,
  formatKrExact,
  formatNumberSv,
  formatPercent,
  formatTkr,
} from '../../src/domain/format.ts';
export { absOre, ORE_PER_TKR, ore, parseAmount, subOre, sumOre, ZERO_ORE } from '../../src/domain/money.ts';
export type { Ore } from '../../src/domain/money.ts';
export { ANNUAL_HOURS, COST_CATEGORIES, FINANCING_TYPES, PROGRAMMES, STAFF_UPLIFT_PPM, staffHourlyRate, staffUnitCost } from '../../src/domain/projects.ts';
export { agreementOverlaps } from '../../src/domain/agreement.ts';
export { countSv, goalContentsText, parseOutcomeValue } from '../../src/domain/goals.ts';
export { versionKindLabel } from '../../src/domain/plan.ts';
export { TRANSITIONS, statusLabel } from '../../src/domain/workflow.ts';
