// The demo region, built from the seed document (../shared/seed/underlag-plan-och-budget-RUN.txt)
// and DOMAIN.md. What the seed states is kept exactly: the 2018 revenue shares (region and
// municipalities just over 50 %, kultursamverkan 22 %, project funding 21 %, fees 5 %,
// Länsstyrelsen 1 %), staff, external grants and owner contributions as the largest costs, a 2018
// result of +3 tkr, ten years with two deficit years covered from earlier surplus (one with an
// action package), and rising costs of the political organisation in 2019. Every amount the seed
// does not give is illustrative (exempeldata) and marked so in the product.
import type { Category } from '../../domain/category.ts';

export const DEMO_REGION = { code: 'RVB', name: 'Region Västerbotten' } as const;
export const DEMO_COMMITTEE = { code: 'RUN', name: 'Regionala utvecklingsnämnden' } as const;

export type DemoOrg = { code: string; name: string; kind: 'committee' | 'administration' | 'unit'; parent: string };

export const DEMO_ORGS: readonly DemoOrg[] = [
  { code: 'RUN', name: 'Regionala utvecklingsnämnden', kind: 'committee', parent: 'RVB' },
  { code: 'RUF', name: 'Regionala utvecklingsförvaltningen', kind: 'administration', parent: 'RUN' },
  { code: 'RUF-LED', name: 'Ledning och administration', kind: 'unit', parent: 'RUF' },
  { code: 'RUF-NAR', name: 'Näringsliv och innovation', kind: 'unit', parent: 'RUF' },
  { code: 'RUF-KUL', name: 'Kultur', kind: 'unit', parent: 'RUF' },
  { code: 'RUF-SAM', name: 'Samhällsplanering och kompetens', kind: 'unit', parent: 'RUF' },
  { code: 'RUN-POL', name: 'Politisk organisation', kind: 'unit', parent: 'RUN' },
];

/** Unit shares (weights) per account: how an account's yearly amount is spread over the units. */
type UnitWeights = Readonly<Record<string, number>>;
const STAFF: UnitWeights = { 'RUF-LED': 20, 'RUF-NAR': 35, 'RUF-KUL': 20, 'RUF-SAM': 25 };
const OVERHEAD: UnitWeights = { 'RUF-LED': 40, 'RUF-NAR': 30, 'RUF-KUL': 15, 'RUF-SAM': 15 };

export type DemoAccount = { code: string; name: string; units: UnitWeights; tkr2018: number; tkr2020: number };

/**
 * A Region-Bas-like chart (illustrative account numbers; DEFAULT_ACCOUNT_RANGES maps them to the
 * categories). `tkr2018` is the 2018 actual, `tkr2020` the budget proposal for 2020.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { code: '3010', name: 'Konferensavgifter', units: { 'RUF-KUL': 30, 'RUF-NAR': 40, 'RUF-SAM': 30 }, tkr2018: 2_950, tkr2020: 3_100 },
  { code: '3020', name: 'Seminarieavgifter', units: { 'RUF-NAR': 50, 'RUF-SAM': 50 }, tkr2018: 1_970, tkr2020: 2_000 },
  { code: '3510', name: 'Regionbidrag (budgetram)', units: { 'RUF-LED': 1 }, tkr2018: 31_290, tkr2020: 32_550 },
  { code: '3560', name: 'Kommunbidrag enligt samverkansöverenskommelsen', units: { 'RUF-LED': 1 }, tkr2018: 18_500, tkr2020: 19_250 },
  { code: '3610', name: 'Statsbidrag Kulturrådet, kultursamverkansmodellen', units: { 'RUF-KUL': 1 }, tkr2018: 21_648, tkr2020: 22_500 },
  { code: '3660', name: 'Bidrag från Länsstyrelsen, överförda uppdrag', units: { 'RUF-SAM': 1 }, tkr2018: 984, tkr2020: 1_020 },
  { code: '3710', name: 'EU-bidrag till projekt', units: { 'RUF-NAR': 60, 'RUF-SAM': 40 }, tkr2018: 10_330, tkr2020: 10_800 },
  { code: '3720', name: 'Statliga projektmedel (Tillväxtverket, Vinnova m.fl.)', units: { 'RUF-NAR': 60, 'RUF-SAM': 40 }, tkr2018: 6_200, tkr2020: 6_400 },
  { code: '3730', name: 'Projektfinansiering från kommuner och SKL', units: { 'RUF-NAR': 50, 'RUF-SAM': 50 }, tkr2018: 4_134, tkr2020: 4_300 },
  { code: '3990', name: 'Övriga intäkter', units: { 'RUF-LED': 1 }, tkr2018: 394, tkr2020: 400 },
  { code: '4010', name: 'Löner tillsvidareanställda', units: STAFF, tkr2018: 24_000, tkr2020: 25_400 },
  { code: '4020', name: 'Löner visstidsanställda', units: STAFF, tkr2018: 2_700, tkr2020: 2_600 },
  { code: '4510', name: 'Sociala avgifter (PO-pålägg)', units: STAFF, tkr2018: 11_695, tkr2020: 12_656 },
  { code: '5010', name: 'Lokalhyror', units: { 'RUF-LED': 1 }, tkr2018: 4_300, tkr2020: 4_450 },
  { code: '5810', name: 'Resor och logi', units: OVERHEAD, tkr2018: 2_100, tkr2020: 2_150 },
  { code: '6410', name: 'Konsulttjänster', units: OVERHEAD, tkr2018: 4_652, tkr2020: 4_300 },
  { code: '6550', name: 'IT-tjänster', units: OVERHEAD, tkr2018: 2_800, tkr2020: 2_950 },
  { code: '7010', name: 'Arvoden till förtroendevalda', units: { 'RUN-POL': 1 }, tkr2018: 1_640, tkr2020: 1_900 },
  { code: '7020', name: 'Sociala avgifter på arvoden', units: { 'RUN-POL': 1 }, tkr2018: 510, tkr2020: 600 },
  { code: '7310', name: 'Bidrag till organisationer', units: { 'RUF-KUL': 60, 'RUF-NAR': 40 }, tkr2018: 9_800, tkr2020: 10_100 },
  { code: '7320', name: 'Projektbidrag till externa parter', units: { 'RUF-NAR': 70, 'RUF-SAM': 30 }, tkr2018: 17_400, tkr2020: 17_900 },
  { code: '7410', name: 'Ägaranslag (bolag och stiftelser)', units: { 'RUF-LED': 1 }, tkr2018: 16_800, tkr2020: 17_300 },
];

/** The account that absorbs the difference so that each year's actual result is exactly as listed. */
export const BALANCING_ACCOUNT = '6410';

/**
 * Results 2009–2018 in tkr: balanced every year but two; 2011 covered from earlier surplus,
 * 2015 reduced by an action package and covered likewise; 2018 +3 tkr (the seed).
 */
export const DEMO_RESULTS_TKR: Readonly<Record<number, number>> = {
  2009: 412, 2010: 268, 2011: -1_240, 2012: 185, 2013: 96, 2014: 310, 2015: -860, 2016: 142, 2017: 57, 2018: 3,
};
export const DEMO_OPENING_SURPLUS = { year: 2009, tkr: 1_800 } as const;
export const DEMO_RESULT_NOTES = [
  { year: 2011, actionPackage: false, note: 'Underskottet täcktes av tidigare års balanserade överskott.' },
  { year: 2015, actionPackage: true, note: 'Åtgärdspaket inom verksamheten minskade underskottet; resten täcktes av balanserat överskott.' },
] as const;

/** Volume index of each year against 2018, in per mille: the operation grew about 2 % a year. */
export const DEMO_VOLUME_PER_MILLE: Readonly<Record<number, number>> = {
  2009: 838, 2010: 855, 2011: 872, 2012: 889, 2013: 906, 2014: 924, 2015: 942, 2016: 961, 2017: 980, 2018: 1_000,
};

/** Budget 2019 (adopted) and forecast 2019: the forecast shows the political organisation rising. */
export const DEMO_2019 = { budgetPerMille: 1_020, politicalForecastPerMille: 1_180 } as const;

/** PO-pålägg for regions (SKR), per year; 2021 is SKR's figure, the others illustrative. */
export const DEMO_PO_PERCENT: Readonly<Record<number, string>> = {
  2018: '43.80', 2019: '44.50', 2020: '45.20', 2021: '46.15', 2022: '46.15',
};

/** Frames (net cost the region finances) per year, in tkr: the region's contribution of the year. */
export const DEMO_FRAME_2020_TKR = 32_550;
export const DEMO_COST_UPLIFT_PERCENT = '2.0';
export const DEMO_SCENARIOS = [
  { code: '0', name: 'Uppräkning 0 %', percent: '0' },
  { code: '1.5', name: 'Uppräkning 1,5 %', percent: '1.5' },
  { code: '3', name: 'Uppräkning 3 %', percent: '3' },
] as const;

export const DEMO_MUNICIPALITIES: ReadonlyArray<{ code: string; name: string; pop2018: number; pop2024: number }> = [
  { code: '2401', name: 'Nordmaling', pop2018: 7_118, pop2024: 6_942 },
  { code: '2403', name: 'Bjurholm', pop2018: 2_450, pop2024: 2_359 },
  { code: '2404', name: 'Vindeln', pop2018: 5_436, pop2024: 5_417 },
  { code: '2409', name: 'Robertsfors', pop2018: 6_762, pop2024: 6_690 },
  { code: '2417', name: 'Norsjö', pop2018: 4_094, pop2024: 3_968 },
  { code: '2418', name: 'Malå', pop2018: 3_122, pop2024: 2_962 },
  { code: '2421', name: 'Storuman', pop2018: 5_912, pop2024: 5_577 },
  { code: '2422', name: 'Sorsele', pop2018: 2_522, pop2024: 2_357 },
  { code: '2425', name: 'Dorotea', pop2018: 2_568, pop2024: 2_294 },
  { code: '2460', name: 'Vännäs', pop2018: 8_785, pop2024: 9_132 },
  { code: '2462', name: 'Vilhelmina', pop2018: 6_752, pop2024: 6_229 },
  { code: '2463', name: 'Åsele', pop2018: 2_819, pop2024: 2_694 },
  { code: '2480', name: 'Umeå', pop2018: 127_119, pop2024: 134_249 },
  { code: '2481', name: 'Lycksele', pop2018: 12_228, pop2024: 12_118 },
  { code: '2482', name: 'Skellefteå', pop2018: 72_467, pop2024: 78_150 },
];

export const DEMO_STRATEGY = {
  code: 'RUS-2014-2020',
  name: 'Regional utvecklingsstrategi för Västerbottens län 2014–2020',
  firstYear: 2014,
  lastYear: 2020,
  subStrategies: [
    'Utveckla samhällen som inkluderar och utvecklar människor',
    'Skapa strukturer för innovation',
    'Främja miljödriven utveckling',
    'Bidra till investeringar i utbildning och kompetens',
    'Stödja platsbaserad näringslivsutveckling',
    'Skapa en tillgänglig och utåtriktad region',
  ],
} as const;

export const DEMO_PASSWORD = 'ramplan-demo';
export const DEMO_USERS = [
  { username: 'ekonom', displayName: 'Eva Ekonom (förvaltningsekonom)', role: 'committee-controller', org: 'RUN' },
  { username: 'ledamot', displayName: 'Leif Ledamot (ledamot i nämnden)', role: 'reader', org: 'RUN' },
  { username: 'regionekonom', displayName: 'Rut Regionekonom (regionens ekonomistab)', role: 'region-controller', org: 'RVB' },
  { username: 'admin', displayName: 'Ada Administratör', role: 'admin', org: 'RVB' },
] as const;

export type DemoCategories = readonly Category[];
