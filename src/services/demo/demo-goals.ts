// The demo's goals (exempeldata): RUN's goals derive from the six sub-strategies of RUS 2014–2020
// (the seed); the goals' wording, targets, outcomes, activities and assessments are illustrative.
// The stored Kolada values of N01951 (population) are SCB's figures for 2018 and 2024 (DOMAIN.md).
import type { Tx } from '../../db/database.ts';
import {
  insertActivity, insertGoal, insertIndicator, listStrategiesWithIds, setStrategyPeriod, upsertAssessment, upsertOutcomes,
} from '../../db/repositories/goals.ts';
import { upsertKoladaValues } from '../../db/repositories/kolada.ts';
import type { Assessment, Direction } from '../../domain/goals.ts';
import { DEMO_MUNICIPALITIES, DEMO_STRATEGY } from './demo-data.ts';

type DemoIndicator = {
  name: string; unit: string; direction: Direction; koladaKpi: string | null; genderSplit: boolean; baseline: [number, number];
  targets: Record<number, number>; outcomes: Array<{ period: string; total: number; women?: number; men?: number }>;
};
type DemoGoal = {
  title: string; subStrategies: number[]; indicators: DemoIndicator[];
  activities: Array<{ title: string; owner: string; dueDay: string }>; assessments: Array<{ period: string; assessment: Assessment; comment: string }>;
};

export const DEMO_GOALS: readonly DemoGoal[] = [
  {
    title: 'Fler i arbete i hela länet', subStrategies: [1, 5],
    indicators: [{
      name: 'Förvärvsarbetande invånare 20–64 år', unit: '%', direction: 'higher', koladaKpi: 'N00914', genderSplit: true, baseline: [2017, 80.4],
      targets: { 2019: 80.8, 2020: 81.2, 2021: 81.6 }, outcomes: [{ period: '2019-Å', total: 80.9, women: 79.7, men: 82.0 }],
    }],
    activities: [{ title: 'Regional kompetensanalys för näringslivet i inlandet', owner: 'Enheten för näringsliv och innovation', dueDay: '2019-12-31' }],
    assessments: [
      { period: '2019-T1', assessment: 'partly', comment: 'Sysselsättningen ökar i kustkommunerna men inte i inlandet.' },
      { period: '2019-Å', assessment: 'met', comment: 'Målvärdet för 2019 är nått.' },
    ],
  },
  {
    title: 'Högre utbildningsnivå och tryggad kompetensförsörjning', subStrategies: [4],
    indicators: [{
      name: 'Invånare 25–64 år med eftergymnasial utbildning', unit: '%', direction: 'higher', koladaKpi: 'N01982', genderSplit: true, baseline: [2017, 44.1],
      targets: { 2019: 45.0, 2020: 45.5, 2021: 46.0 }, outcomes: [{ period: '2019-Å', total: 44.8, women: 53.6, men: 36.4 }],
    }],
    activities: [{ title: 'Kompetensplattformen: gemensam plan med kommunerna för vuxenutbildning', owner: 'Enheten för samhällsplanering och kompetens', dueDay: '2020-06-30' }],
    assessments: [{ period: '2019-Å', assessment: 'partly', comment: 'Utbildningsnivån stiger, men långsammare än målet; skillnaden mellan kvinnor och män består.' }],
  },
  {
    title: 'Stark samverkan med länets kommuner', subStrategies: [1, 6],
    indicators: [{
      name: 'Möten i samverkansforumen', unit: 'antal', direction: 'higher', koladaKpi: null, genderSplit: false, baseline: [2018, 3],
      targets: { 2019: 4, 2020: 6 }, outcomes: [{ period: '2019-Å', total: 4 }],
    }],
    activities: [{ title: 'Utvärdering av samverkansöverenskommelsen 2019–2022', owner: 'Regional utvecklingsdirektör', dueDay: '2022-12-15' }],
    assessments: [{ period: '2019-Å', assessment: 'met', comment: 'Forumstrukturen är på plats och mötena hölls enligt plan.' }],
  },
];

export async function loadDemoGoals(tx: Tx, tenantId: number, committeeId: number): Promise<void> {
  const rus = (await listStrategiesWithIds(tx, tenantId)).find((s) => s.code === DEMO_STRATEGY.code);
  if (!rus) throw new Error('demo strategy missing');
  await setStrategyPeriod(tx, tenantId, DEMO_STRATEGY.firstYear, rus.id);
  for (const g of DEMO_GOALS) {
    const goalId = await insertGoal(tx, { tenantId, orgId: committeeId, strategyId: rus.id, title: g.title, description: '', subStrategies: g.subStrategies, isExample: true });
    for (const i of g.indicators) {
      const id = await insertIndicator(tx, tenantId, goalId, {
        name: i.name, unit: i.unit, direction: i.direction, koladaKpi: i.koladaKpi, genderSplit: i.genderSplit, baselineYear: i.baseline[0], baselineValue: i.baseline[1],
        targets: Object.entries(i.targets).map(([year, target]) => ({ year: Number(year), target })),
      });
      for (const o of i.outcomes) {
        await upsertOutcomes(tx, tenantId, id, o.period, [
          { gender: 'T', value: o.total }, ...(o.women === undefined ? [] : [{ gender: 'K' as const, value: o.women }]), ...(o.men === undefined ? [] : [{ gender: 'M' as const, value: o.men }]),
        ]);
      }
    }
    for (const a of g.activities) await insertActivity(tx, tenantId, goalId, a);
    for (const a of g.assessments) await upsertAssessment(tx, tenantId, { goalId, ...a });
  }
  const fetchedAt = new Date('2025-03-20T08:00:00Z');
  const county = (year: 2018 | 2024) => DEMO_MUNICIPALITIES.reduce((s, m) => s + (year === 2018 ? m.pop2018 : m.pop2024), 0);
  await upsertKoladaValues(tx, tenantId, [
    ...DEMO_MUNICIPALITIES.flatMap((m) => [
      { kpi: 'N01951', area: m.code, year: 2018, gender: 'T' as const, value: m.pop2018, fetchedAt },
      { kpi: 'N01951', area: m.code, year: 2024, gender: 'T' as const, value: m.pop2024, fetchedAt },
    ]),
    { kpi: 'N01951', area: '0024', year: 2018, gender: 'T', value: county(2018), fetchedAt },
    { kpi: 'N01951', area: '0024', year: 2024, gender: 'T', value: county(2024), fetchedAt },
  ]);
}
