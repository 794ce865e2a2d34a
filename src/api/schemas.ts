// Request and response schemas, declared once: Fastify validates and serialises with them, the
// route handlers get their types from them, and @fastify/swagger publishes them as OpenAPI.
import { Type, type Static } from 'typebox';

export const ErrorBody = Type.Object({
  error: Type.String({ description: 'Stabil felkod' }),
  message: Type.String({ description: 'Meddelande på svenska' }),
  field: Type.Optional(Type.String()),
  problems: Type.Optional(Type.Array(Type.String(), { description: 'Varje problem för sig, t.ex. en fils rader ("Rad 3: …")' })),
}, { $id: 'Error' });

export const Health = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('embedded'), Type.Literal('external')]),
  demo: Type.Boolean({ description: 'Demoläge: demoanvändarna finns och får visas på inloggningssidan' }),
});

export const Role = Type.Union([
  Type.Literal('admin'), Type.Literal('region-controller'), Type.Literal('committee-controller'),
  Type.Literal('writer'), Type.Literal('reader'), Type.Literal('municipality'),
]);

export const SessionUser = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  demo: Type.Boolean(),
  roles: Type.Array(Type.Object({ orgCode: Type.String(), role: Role, roleName: Type.String() })),
});

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
}, { additionalProperties: false });

export const OrgKind = Type.Union([Type.Literal('region'), Type.Literal('committee'), Type.Literal('administration'), Type.Literal('unit')]);

export const Organisation = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: OrgKind,
  parentCode: Type.Union([Type.String(), Type.Null()]),
  canEdit: Type.Boolean(),
  role: Role,
  permissions: Type.Array(Type.String(), { description: 'Vad användaren får göra här (src/domain/access.ts)' }),
});

export const OrgParams = Type.Object({ orgCode: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$' }) });
export const VersionParams = Type.Object({
  orgCode: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$' }),
  versionCode: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,39}$' }),
});
export const LineParams = Type.Object({
  orgCode: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$' }),
  versionCode: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,39}$' }),
  id: Type.Integer({ minimum: 1 }),
});

export const Year = Type.Integer({ minimum: 1900, maximum: 2200, description: 'Räkenskapsår' });
export const Money = Type.Integer({ description: 'Belopp i öre' });

export const VersionKind = Type.Union([Type.Literal('actual'), Type.Literal('budget'), Type.Literal('forecast'), Type.Literal('scenario')]);
export const VersionStatus = Type.Union([Type.Literal('draft'), Type.Literal('review'), Type.Literal('submitted'), Type.Literal('adopted')]);

export const Version = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: VersionKind,
  status: VersionStatus,
  firstYear: Type.Integer(),
  lastYear: Type.Integer(),
  isExample: Type.Boolean(),
  adoptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const CategoryAmount = Type.Object({
  category: Type.String(),
  name: Type.String(),
  amountOre: Money,
  sharePercent: Type.Number(),
});

export const SummaryQuery = Type.Object({ year: Year, version: Type.String({ default: 'actual', pattern: '^[a-z0-9][a-z0-9._-]{0,39}$' }) });

export const Summary = Type.Object({
  org: Type.Object({ code: Type.String(), name: Type.String() }),
  year: Type.Integer(),
  version: Type.Object({ code: Type.String(), name: Type.String(), kind: VersionKind, status: VersionStatus }),
  revenue: Type.Array(CategoryAmount),
  costs: Type.Array(CategoryAmount),
  totalRevenueOre: Money,
  totalCostOre: Money,
  resultOre: Money,
  netCostOre: Money,
  frameOre: Type.Union([Money, Type.Null()]),
  inBalance: Type.Boolean(),
  balanceReasons: Type.Array(Type.Object({ code: Type.String(), message: Type.String(), amountOre: Money })),
  isExample: Type.Boolean(),
});

export const PlanLine = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  period: Type.Union([Type.String(), Type.Null()]),
  unitCode: Type.String(),
  unitName: Type.String(),
  accountCode: Type.String(),
  accountName: Type.String(),
  category: Type.String(),
  categoryName: Type.String(),
  kind: Type.Union([Type.Literal('revenue'), Type.Literal('cost')]),
  amountOre: Money,
  revision: Type.Integer(),
  projectCode: Type.Union([Type.String(), Type.Null()]),
  funderCode: Type.Union([Type.String(), Type.Null()]),
});

export const LinesQuery = Type.Object({ year: Year });

export const LinesResponse = Type.Object({
  version: Type.Object({
    code: Type.String(), name: Type.String(), kind: VersionKind, status: VersionStatus, editable: Type.Boolean(),
  }),
  lines: Type.Array(PlanLine),
});

export const UpdateLineBody = Type.Object({
  amountOre: Money,
  revision: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });

export const CreateLineBody = Type.Object({
  year: Year,
  period: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }), Type.Null()])),
  unitCode: Type.String({ minLength: 1, maxLength: 32 }),
  accountCode: Type.String({ pattern: '^[0-9]{1,10}$' }),
  amountOre: Money,
  projectCode: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  funderCode: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
}, { additionalProperties: false });

export const DeleteLineQuery = Type.Object({ revision: Type.Integer({ minimum: 1 }) });

export const ConflictBody = Type.Object({
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  current: Type.Optional(PlanLine),
});

const YearAmount = Type.Object({ year: Type.Integer(), amountOre: Money });

export const PlanQuery = Type.Object({
  version: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,39}$' }),
  scenario: Type.Optional(Type.String({ maxLength: 40 })),
});

const PlanTotals = Type.Object({
  year: Type.Integer(),
  revenueOre: Money,
  costOre: Money,
  resultOre: Money,
  netCostOre: Money,
  frameOre: Type.Union([Money, Type.Null()]),
  inBalance: Type.Boolean(),
});

export const PlanResponse = Type.Object({
  version: Type.Object({ code: Type.String(), name: Type.String(), status: VersionStatus }),
  baseYear: Type.Integer(),
  years: Type.Array(Type.Integer()),
  scenarios: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), upliftPercent: Type.Number() })),
  scenario: Type.String(),
  rows: Type.Array(Type.Object({
    category: Type.String(), name: Type.String(), kind: Type.Union([Type.Literal('revenue'), Type.Literal('cost')]),
    amounts: Type.Array(YearAmount),
  })),
  totals: Type.Array(PlanTotals),
  comparison: Type.Array(Type.Object({
    scenario: Type.String(), name: Type.String(),
    results: Type.Array(Type.Object({ year: Type.Integer(), resultOre: Money, netCostOre: Money, frameOre: Type.Union([Money, Type.Null()]), inBalance: Type.Boolean() })),
  })),
  isExample: Type.Boolean(),
});

export const ResultsResponse = Type.Object({
  rows: Type.Array(Type.Object({
    year: Type.Integer(),
    resultOre: Money,
    coveredFromSurplusOre: Money,
    accumulatedSurplusOre: Money,
    uncoveredDeficitOre: Money,
    restoreByYear: Type.Union([Type.Integer(), Type.Null()]),
    actionPackage: Type.Boolean(),
    note: Type.Union([Type.String(), Type.Null()]),
  })),
  isExample: Type.Boolean(),
});

export type SummaryBody = Static<typeof Summary>;
export type PlanLineBody = Static<typeof PlanLine>;
