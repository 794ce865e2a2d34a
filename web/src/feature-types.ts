// Shapes of the API of the collaboration agreement, projects and goals (src/api/*-schemas.ts).
// Money is integer öre in every field ending in `Ore`.
import type { Ore } from './domain.ts';

export type KeySource = 'entered' | 'csv' | 'kolada';

export interface AgreementSummary {
  id: number;
  name: string;
  firstYear: number;
  lastYear: number;
  upliftPercent: number;
  keySource: KeySource;
  isExample: boolean;
  totals: { year: number; totalOre: Ore }[];
}

export interface Contribution {
  municipalityCode: string;
  name: string;
  population: number;
  amountOre: Ore;
}

export interface AgreementDetail {
  id: number;
  name: string;
  description: string;
  firstYear: number;
  lastYear: number;
  upliftPercent: number;
  isExample: boolean;
  canEdit: boolean;
  parties: { code: string; name: string }[];
  years: { year: number; totalOre: Ore; keySource: KeySource | null; contributions: Contribution[] | null; problems: string[] }[];
  forums: { id: number; name: string; kind: 'politicians' | 'officials'; meetings: { id: number; day: string; subject: string; notes: string }[] }[];
  followups: { id: number; period: string; label: string; municipalityCode: string | null; text: string }[];
  evaluation: { day: string; text: string } | null;
}
