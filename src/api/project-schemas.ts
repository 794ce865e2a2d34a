// Request and response schemas of externally financed projects (validation, types and OpenAPI).
import { Type } from 'typebox';
import { Money, Year } from './schemas.ts';

const OrgCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$' });
const ProjectCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' });
export const ProjectParams = Type.Object({ orgCode: OrgCode, code: ProjectCode });

export const ProjectStatus = Type.Union([Type.Literal('planerat'), Type.Literal('ansokt'), Type.Literal('beviljat'), Type.Literal('avslutat')]);
export const FlatRate = Type.Union([Type.Literal('none'), Type.Literal('15'), Type.Literal('40')]);
const CostCategory = Type.Union(['externa-tjanster', 'resor', 'utrustning', 'investeringar', 'ovriga', 'in-natura'].map((c) => Type.Literal(c)), {
  description: 'EU-kostnadskategori; in-natura är värdet av bidrag i annat än pengar (ingen kostnad i nämndens bokföring)',
});
export const FinancingType = Type.Union([Type.Literal('eu'), Type.Literal('public-cash'), Type.Literal('public-in-kind'), Type.Literal('private'), Type.Literal('income')], {
  description: 'Finansieringstyp: eu = EU-stöd, public-cash = offentlig kontant medfinansiering, public-in-kind = offentlig medfinansiering i annat än pengar (bidrag in natura), private = privat finansiering, income = projektintäkter',
});
const ByType = Type.Object({ eu: Money, 'public-cash': Money, 'public-in-kind': Money, private: Money, income: Money });
const Issue = Type.Object({ field: Type.String(), message: Type.String() });

export const ProjectListItem = Type.Object({
  code: Type.String(), name: Type.String(), programme: Type.String(), status: ProjectStatus, statusLabel: Type.String(),
  startPeriod: Type.String(), endPeriod: Type.String(), totalCostOre: Money, financingOre: Money, issueCount: Type.Integer(), isExample: Type.Boolean(),
});

const StaffRow = Type.Object({
  role: Type.String({ minLength: 1, maxLength: 100 }), year: Year, monthlySalaryOre: Type.Integer({ minimum: 0 }), hours: Type.Integer({ minimum: 0, maximum: 1720 }),
}, { additionalProperties: false });
const CostRow = Type.Object({ year: Year, category: CostCategory, amountOre: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
const FinancingRow = Type.Object({
  funder: Type.String({ minLength: 1, maxLength: 40 }),
  type: Type.Optional(FinancingType),
  year: Year, amountOre: Type.Integer({ minimum: 0 }),
}, { additionalProperties: false, description: 'En rad i finansieringsplanen; utan type får raden finansiärens standardtyp (EU-fond: eu, privat: private, övriga: public-cash)' });

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  programme: Type.String({ minLength: 1, maxLength: 100 }),
  status: ProjectStatus,
  startPeriod: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }),
  endPeriod: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }),
  flatRate: FlatRate,
  claimIntervalMonths: Type.Integer({ minimum: 1, maximum: 6 }),
  paymentLagDays: Type.Integer({ minimum: 0, maximum: 365, default: 80 }),
  staff: Type.Array(StaffRow, { maxItems: 200 }),
  costs: Type.Array(CostRow, { maxItems: 200 }),
  financing: Type.Array(FinancingRow, { maxItems: 200 }),
  staffUpliftPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 10, description: 'Årlig uppräkning av personalens enhetskostnad (2,4 om den utelämnas för ett nytt projekt; oförändrad vid sparande)' })),
  maxShares: Type.Optional(Type.Array(Type.Object({
    funder: Type.String({ minLength: 1, maxLength: 40 }), maxSharePercent: Type.Number({ minimum: 0, maximum: 100 }),
  }, { additionalProperties: false }), { maxItems: 20, description: 'Projektets egna högsta andelar per finansiär; övriga har sitt standardvärde' })),
};

export const CreateProjectBody = Type.Object({ code: ProjectCode, ...fields }, { additionalProperties: false });
export const UpdateProjectBody = Type.Object({ revision: Type.Integer({ minimum: 1 }), ...fields }, { additionalProperties: false });

export const ProjectDetail = Type.Object({
  code: Type.String(), name: Type.String(), programme: Type.String(), status: ProjectStatus, statusLabel: Type.String(),
  startPeriod: Type.String(), endPeriod: Type.String(), flatRate: FlatRate, flatRateLabel: Type.String(),
  claimIntervalMonths: Type.Integer(), paymentLagDays: Type.Integer(), revision: Type.Integer(), isExample: Type.Boolean(), canEdit: Type.Boolean(),
  staffUpliftPercent: Type.Number(),
  funderShares: Type.Array(Type.Object({
    funder: Type.String(), name: Type.String(), maxSharePercent: Type.Number(), defaultPercent: Type.Number(), ceilingPercent: Type.Number(), own: Type.Boolean(),
  })),
  staff: Type.Array(Type.Object({ role: Type.String(), year: Type.Integer(), monthlySalaryOre: Money, hours: Type.Integer(), hourlyRateOre: Money, costOre: Money })),
  costs: Type.Array(Type.Object({ year: Type.Integer(), category: Type.String(), categoryName: Type.String(), amountOre: Money })),
  financing: Type.Array(Type.Object({ funder: Type.String(), funderName: Type.String(), type: FinancingType, typeName: Type.String(), year: Type.Integer(), amountOre: Money })),
  years: Type.Array(Type.Object({
    year: Type.Integer(), staffOre: Money, directOtherOre: Money, flatRateOre: Money, totalOre: Money, financingOre: Money,
    inKindCostOre: Money, cashCostOre: Money, byType: ByType,
    externalOre: Type.Integer({ description: 'Pengar utifrån: alla finansiärer utom nämnden själv, bidrag in natura oräknade' }),
  })),
  issues: Type.Array(Issue),
  cashFlow: Type.Object({
    months: Type.Array(Type.Object({ period: Type.String(), costOre: Money, externalShareOre: Money, claimedOre: Money, paidOre: Money, preFinancedOre: Money })),
    claims: Type.Array(Type.Object({ number: Type.Integer(), fromPeriod: Type.String(), toPeriod: Type.String(), amountOre: Money, claimDay: Type.String(), paymentDay: Type.String() })),
    maxPreFinancedOre: Money,
    maxPreFinancedPeriod: Type.Union([Type.String(), Type.Null()]),
  }),
});

export const Funders = Type.Array(Type.Object({
  code: Type.String(), name: Type.String(), maxSharePercent: Type.Number(), ceilingPercent: Type.Number(), external: Type.Boolean(),
  sector: Type.Union([Type.Literal('eu'), Type.Literal('public'), Type.Literal('private'), Type.Literal('own')]),
  financingTypes: Type.Array(FinancingType, { description: 'De finansieringstyper finansiären kan ge; den första är standard' }),
}));
export const FinancingTypes = Type.Array(Type.Object({ code: FinancingType, name: Type.String(), short: Type.String(), cash: Type.Boolean() }));

export const PlanFeedQuery = Type.Object({ firstYear: Year, lastYear: Year });
export const PlanFeed = Type.Object({
  years: Type.Array(Type.Object({
    year: Type.Integer(), revenueOre: Money, costOre: Money,
    flags: Type.Array(Type.Object({ project: Type.String(), message: Type.String(), amountOre: Money })),
  })),
});

export const ApplyBody = Type.Object({ version: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,39}$' }) }, { additionalProperties: false });
