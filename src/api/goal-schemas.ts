// Request and response schemas of strategy, goals, indicators, follow-up and Kolada.
import { Type } from 'typebox';
import { Money, Year } from './schemas.ts';

const OrgCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$' });
export const IdParams = Type.Object({ orgCode: OrgCode, id: Type.Integer({ minimum: 1 }) });
/** A follow-up period in the path: ÅÅÅÅ-T1…T3, ÅÅÅÅ-D or ÅÅÅÅ-Å (URL-encoded). */
export const PeriodParams = Type.Object({ orgCode: OrgCode, id: Type.Integer({ minimum: 1 }), period: Type.String({ minLength: 1, maxLength: 10 }) });
export const WithContentsQuery = Type.Object({
  withContents: Type.Optional(Type.Boolean({ description: 'Bekräftar att det som hänger under (indikatorer, aktiviteter, bedömningar, utfall) tas bort med' })),
});
export const KpiParams = Type.Object({ orgCode: OrgCode, kpi: Type.String({ maxLength: 10 }) });
export const YearQuery = Type.Object({ year: Year });
export const OptionalYearQuery = Type.Object({ year: Type.Optional(Year) });

// Null first: with type coercion on, Ajv would otherwise turn a null into "" or 0 through the first branch.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);
const Direction = Type.Union([Type.Literal('higher'), Type.Literal('lower')]);
const AssessmentCode = Type.Union([Type.Literal('met'), Type.Literal('partly'), Type.Literal('not')]);
const Gender = Type.Union([Type.Literal('T'), Type.Literal('K'), Type.Literal('M')]);
const KoladaValue = Type.Object({ kpi: Type.String(), area: Type.String(), year: Type.Integer(), gender: Gender, value: Nullable(Type.Number()), fetchedAt: Type.String() });

export const Strategies = Type.Object({
  strategies: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), firstYear: Type.Integer(), lastYear: Type.Integer(),
    subStrategies: Type.Array(Type.Object({ number: Type.Integer(), name: Type.String() })),
  })),
  periods: Type.Array(Type.Object({ fromYear: Type.Integer(), strategyCode: Type.String() })),
  current: Nullable(Type.String()),
});

export const NewStrategyBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40 }), name: Type.String({ minLength: 1, maxLength: 200 }), firstYear: Year, lastYear: Year,
  subStrategies: Type.Array(Type.String({ maxLength: 300 }), { minItems: 1, maxItems: 20 }),
}, { additionalProperties: false });

export const AdoptStrategyBody = Type.Object({ strategyCode: Type.String({ minLength: 1, maxLength: 40 }), fromYear: Year }, { additionalProperties: false });

export const Goal = Type.Object({
  id: Type.Integer(), title: Type.String(), description: Type.String(), isExample: Type.Boolean(), strategyCode: Type.String(),
  subStrategies: Type.Array(Type.Integer()), subStrategyNames: Type.Array(Type.String()),
  indicators: Type.Array(Type.Object({
    id: Type.Integer(), name: Type.String(), unit: Type.String(), direction: Direction, koladaKpi: Nullable(Type.String()), genderSplit: Type.Boolean(),
    baselineYear: Nullable(Type.Integer()), baselineValue: Nullable(Type.Number()),
    targets: Type.Array(Type.Object({ year: Type.Integer(), target: Type.Number() })),
    targetThisYear: Nullable(Type.Number()),
    latestOutcome: Nullable(Type.Object({ period: Type.String(), total: Nullable(Type.Number()), women: Nullable(Type.Number()), men: Nullable(Type.Number()) })),
    progress: Type.Union([Type.Literal('reached'), Type.Literal('not-reached'), Type.Literal('no-target'), Type.Literal('no-outcome')]),
    progressLabel: Type.String(),
    kolada: Type.Array(KoladaValue),
    outcomes: Type.Array(Type.Object({ period: Type.String(), total: Nullable(Type.Number()), women: Nullable(Type.Number()), men: Nullable(Type.Number()) })),
  })),
  activities: Type.Array(Type.Object({
    id: Type.Integer(), title: Type.String(), owner: Type.String(), dueDay: Type.String(), done: Type.Boolean(), doneBy: Nullable(Type.String()), doneAt: Nullable(Type.String()),
  })),
  assessments: Type.Array(Type.Object({ period: Type.String(), assessment: AssessmentCode, label: Type.String(), comment: Type.String() })),
});

export const NewGoalBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }), description: Type.Optional(Type.String({ maxLength: 4000 })),
  strategyCode: Type.String({ minLength: 1, maxLength: 40 }), subStrategies: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 20 }),
}, { additionalProperties: false });

export const NewIndicatorBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 300 }), unit: Type.String({ minLength: 1, maxLength: 40 }), direction: Direction,
  koladaKpi: Nullable(Type.String({ maxLength: 10 })), genderSplit: Type.Boolean(),
  baselineYear: Nullable(Year), baselineValue: Nullable(Type.Number()),
  // One target per year, for any range of years (Year's bounds hold at most 301).
  targets: Type.Array(Type.Object({ year: Year, target: Type.Number() }, { additionalProperties: false }), { maxItems: 301 }),
}, { additionalProperties: false });
/** The same fields as a new indicator: an update replaces them all, targets included. */
export const IndicatorBody = NewIndicatorBody;
/** The same fields as a new goal: an update replaces them all, the linked sub-strategies included. */
export const GoalBody = NewGoalBody;

export const NewActivityBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }), owner: Type.String({ minLength: 1, maxLength: 200 }), dueDay: Type.String({ minLength: 1, maxLength: 10 }),
}, { additionalProperties: false });

export const ActivityBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }), owner: Type.String({ minLength: 1, maxLength: 200 }), dueDay: Type.String({ minLength: 1, maxLength: 10 }), done: Type.Boolean(),
}, { additionalProperties: false });

export const ActivityDoneBody = Type.Object({ done: Type.Boolean() }, { additionalProperties: false });

export const AssessmentBody = Type.Object({
  period: Type.String({ minLength: 1, maxLength: 10 }), assessment: AssessmentCode, comment: Type.String({ maxLength: 4000 }),
}, { additionalProperties: false });

export const OutcomeBody = Type.Object({
  period: Type.String({ minLength: 1, maxLength: 10 }), total: Type.Number(), women: Type.Optional(Nullable(Type.Number())), men: Type.Optional(Nullable(Type.Number())),
}, { additionalProperties: false });

export const KoladaFetchBody = Type.Object({ kpi: Type.String({ minLength: 1, maxLength: 10 }), years: Type.Array(Year, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false });
export const KoladaFetchResult = Type.Object({ ok: Type.Boolean(), message: Type.String(), stored: Type.Integer() });
export const KoladaStored = Type.Object({
  values: Type.Array(KoladaValue),
  fetches: Type.Array(Type.Object({ at: Type.String(), ok: Type.Boolean(), message: Type.String() })),
});

export const FeatureTables = Type.Object({
  year: Type.Integer(),
  goals: Type.Array(Type.Object({
    goal: Type.String(), subStrategies: Type.Array(Type.String()), isExample: Type.Boolean(),
    assessment: Nullable(Type.Object({ period: Type.String(), label: Type.String(), comment: Type.String() })),
    indicators: Type.Array(Type.Object({
      name: Type.String(), unit: Type.String(), baseline: Type.String(), target: Nullable(Type.Number()), outcome: Nullable(Type.Number()), outcomePeriod: Nullable(Type.String()),
      women: Nullable(Type.Number()), men: Nullable(Type.Number()), progress: Type.String(), source: Type.String(),
    })),
  })),
  contributions: Nullable(Type.Object({
    agreement: Type.Object({ id: Type.Integer(), name: Type.String(), firstYear: Type.Integer(), lastYear: Type.Integer(), isExample: Type.Boolean() }),
    year: Type.Integer(), totalOre: Money,
    rows: Type.Array(Type.Object({ municipalityCode: Type.String(), name: Type.String(), population: Type.Integer(), amountOre: Money })),
  })),
  projects: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), programme: Type.String(), status: Type.String(), statusLabel: Type.String(), period: Type.String(),
    isExample: Type.Boolean(), costOre: Money, funders: Type.Array(Type.Object({ funder: Type.String(), name: Type.String(), type: Type.String(), typeName: Type.String(), amountOre: Money })),
  })),
});
