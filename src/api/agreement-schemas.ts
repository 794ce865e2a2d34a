// Request and response schemas of the collaboration agreement (validation, types and OpenAPI).
import { Type } from 'typebox';
import { Money, Year } from './schemas.ts';

const OrgCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$' });
export const AgreementParams = Type.Object({ orgCode: OrgCode, id: Type.Integer({ minimum: 1 }) });
export const AgreementYearParams = Type.Object({ orgCode: OrgCode, id: Type.Integer({ minimum: 1 }), year: Year });
export const AgreementItemParams = Type.Object({ orgCode: OrgCode, id: Type.Integer({ minimum: 1 }), itemId: Type.Integer({ minimum: 1 }) });
export const AgreementMunicipalityParams = Type.Object({ orgCode: OrgCode, id: Type.Integer({ minimum: 1 }), code: Type.String({ pattern: '^[0-9]{4}$' }) });

const KeySource = Type.Union([Type.Literal('entered'), Type.Literal('csv'), Type.Literal('kolada')]);
const YearTotal = Type.Object({ year: Type.Integer(), totalOre: Money });

export const AgreementSummary = Type.Object({
  id: Type.Integer(), name: Type.String(), firstYear: Type.Integer(), lastYear: Type.Integer(),
  upliftPercent: Type.Number(), keySource: KeySource, isExample: Type.Boolean(), totals: Type.Array(YearTotal),
});

export const Contribution = Type.Object({
  municipalityCode: Type.String(), name: Type.String(), population: Type.Integer(), amountOre: Money,
});

export const ContributionsQuery = Type.Object({ year: Year });

export const AgreementDetail = Type.Object({
  id: Type.Integer(), name: Type.String(), description: Type.String(), firstYear: Type.Integer(), lastYear: Type.Integer(),
  upliftPercent: Type.Number(), isExample: Type.Boolean(), canEdit: Type.Boolean(),
  parties: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  years: Type.Array(Type.Object({
    year: Type.Integer(), totalOre: Money, keySource: Type.Union([KeySource, Type.Null()]),
    contributions: Type.Union([Type.Array(Contribution), Type.Null()]), problems: Type.Array(Type.String()),
  })),
  forums: Type.Array(Type.Object({
    id: Type.Integer(), name: Type.String(), kind: Type.Union([Type.Literal('politicians'), Type.Literal('officials')]),
    meetings: Type.Array(Type.Object({ id: Type.Integer(), day: Type.String(), subject: Type.String(), notes: Type.String() })),
  })),
  followups: Type.Array(Type.Object({
    id: Type.Integer(), period: Type.String(), label: Type.String(), municipalityCode: Type.Union([Type.String(), Type.Null()]), text: Type.String(),
  })),
  evaluation: Type.Union([Type.Object({ day: Type.String(), text: Type.String() }), Type.Null()]),
});

export const CreateAgreementBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  firstYear: Year,
  lastYear: Year,
  firstYearTotalOre: Type.Integer({ minimum: 0, description: 'Första årets totalbelopp i öre' }),
  upliftPercent: Type.String({ pattern: '^[0-9]{1,2}([.,][0-9]{1,4})?$', description: 'Årlig uppräkning i procent, t.ex. "2" eller "1,5"' }),
  municipalityCodes: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{4}$' }), { minItems: 1, maxItems: 400 })),
}, { additionalProperties: false });

export const UpdateAgreementBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  firstYear: Year,
  lastYear: Year,
  upliftPercent: Type.String({ pattern: '^[0-9]{1,2}([.,][0-9]{1,4})?$', description: 'Årlig uppräkning i procent, t.ex. "2" eller "1,5"' }),
  municipalityCodes: Type.Array(Type.String({ pattern: '^[0-9]{4}$' }), { minItems: 1, maxItems: 400, description: 'Parterna (kommunkoder)' }),
  firstYearTotalOre: Type.Optional(Type.Integer({
    minimum: 0, description: 'Första årets totalbelopp i öre: räknar om alla års belopp med uppräkningen. Utan det behåller åren som finns kvar sina belopp (en ändrad uppräkning räknar om dem från första årets).',
  })),
}, { additionalProperties: false });

export const Municipality = Type.Object({ code: Type.String(), name: Type.String() });

export const YearTotalBody = Type.Object({ totalOre: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });

export const KeyBody = Type.Object({
  entries: Type.Array(Type.Object({
    municipalityCode: Type.String({ pattern: '^[0-9]{4}$' }), population: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 400 }),
}, { additionalProperties: false });

export const KeyCsvBody = Type.Object({ csv: Type.String({ minLength: 1, maxLength: 500_000 }) }, { additionalProperties: false });

export const ForumBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }), kind: Type.Union([Type.Literal('politicians'), Type.Literal('officials')]),
}, { additionalProperties: false });

export const MeetingBody = Type.Object({
  forumId: Type.Integer({ minimum: 1 }), day: Type.String({ minLength: 1, maxLength: 10 }),
  subject: Type.String({ minLength: 1, maxLength: 300 }), notes: Type.Optional(Type.String({ maxLength: 4000 })),
}, { additionalProperties: false });

export const FollowupBody = Type.Object({
  period: Type.String({ minLength: 1, maxLength: 10 }), municipalityCode: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{4}$' }), Type.Null()])),
  text: Type.String({ minLength: 1, maxLength: 4000 }),
}, { additionalProperties: false });

export const EvaluationBody = Type.Object({
  day: Type.String({ minLength: 1, maxLength: 10 }), text: Type.String({ minLength: 1, maxLength: 20_000 }),
}, { additionalProperties: false });

export const ExportQuery = Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) });
export const ReportQuery = Type.Object({ format: Type.Union([Type.Literal('html'), Type.Literal('xlsx')], { default: 'html' }) });
export const Created = Type.Object({ id: Type.Integer() });
