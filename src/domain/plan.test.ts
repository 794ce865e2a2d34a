import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_RANGES, DEFAULT_CATEGORIES } from './category.ts';
import type { PlanLineContext, PlanVersion } from './plan.ts';
import { canEditVersion, validatePlanLineInput } from './plan.ts';
import { fiscalYearFrom, parsePeriod } from './period.ts';
import type { FiscalYear } from './period.ts';

const draft: PlanVersion = { code: 'b2026', name: 'Budget 2026–2028', kind: 'budget', status: 'draft', firstYear: 2026, lastYear: 2028 };
const adopted: PlanVersion = { ...draft, code: 'b2025', name: 'Budget 2025', status: 'adopted' };
const ctx: PlanLineContext = {
  version: draft,
  categories: DEFAULT_CATEGORIES,
  accountRanges: DEFAULT_ACCOUNT_RANGES,
  unitCodes: new Set(['ruf', 'naring']),
};

describe('canEditVersion', () => {
  it('lets drafts be edited and freezes adopted versions with a Swedish reason', () => {
    expect(canEditVersion(draft)).toEqual({ ok: true, value: true });
    expect(canEditVersion(adopted)).toEqual({
      ok: false,
      error: 'Versionen "Budget 2025" är beslutad och kan inte ändras. Skapa en ny version.',
    });
  });
});

describe('validatePlanLineInput', () => {
  it('accepts a valid line and derives the category from the account', () => {
    const r = validatePlanLineInput({ year: 2026, period: '2026-03', unitCode: 'ruf', accountCode: '4011', amountText: '1 234,5', amountUnit: 'tkr', projectCode: ' ' }, ctx);
    expect(r).toEqual({
      ok: true,
      value: { year: 2026, period: '2026-03', unitCode: 'ruf', accountCode: '4011', category: 'personal', projectCode: null, funderCode: null, amountOre: 123450000 },
    });
  });

  it('lets an explicit category win over the account mapping', () => {
    const r = validatePlanLineInput({ year: 2026, unitCode: 'ruf', accountCode: '4011', category: 'bidrag', amountOre: 100 }, ctx);
    expect(r.ok && r.value.category).toBe('bidrag');
  });

  it('reports every field at once, naming the field in Swedish', () => {
    const r = validatePlanLineInput({ year: 2030, period: '2026-13', unitCode: 'okänd', accountCode: '40x1', amountText: '12,345' }, { ...ctx, version: adopted });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = Object.fromEntries(r.error.map((e) => [e.field, e.message]));
    expect(Object.keys(byField).sort()).toEqual(['accountCode', 'amountText', 'period', 'unitCode', 'version', 'year']);
    expect(byField['year']).toBe('År: 2030 ligger utanför versionens år 2026–2028');
    expect(byField['accountCode']).toMatch(/^Konto: /);
    expect(byField['amountText']).toMatch(/^Belopp: Ogiltigt belopp/);
    expect(byField['unitCode']).toBe('Enhet: "okänd" finns inte');
  });

  it('refuses unmapped accounts, unknown categories, missing amounts and periods outside the year', () => {
    const errorsOf = (input: Parameters<typeof validatePlanLineInput>[0]): string[] => {
      const r = validatePlanLineInput(input, ctx);
      return r.ok ? [] : r.error.map((e) => e.message);
    };
    expect(errorsOf({ year: 2026, unitCode: 'ruf', accountCode: '8999', amountOre: 1 })[0]).toMatch(/^Kategori: kontot 8999 hör inte/);
    expect(errorsOf({ year: 2026, unitCode: 'ruf', accountCode: '4011', category: 'x', amountOre: 1 })).toEqual(['Kategori: "x" finns inte']);
    expect(errorsOf({ year: 2026, unitCode: 'ruf', accountCode: '4011' })).toEqual(['Belopp: ange ett belopp']);
    expect(errorsOf({ year: 2026, unitCode: 'ruf', accountCode: '4011', amountOre: 1.5 })).toHaveLength(1);
    expect(errorsOf({ year: 2026, period: '2027-01', unitCode: 'ruf', accountCode: '4011', amountOre: 1 })).toEqual([
      'Period: 2027-01 hör inte till räkenskapsåret 2026',
    ]);
  });

  it('checks periods against a broken fiscal year when one is given', () => {
    const start = parsePeriod('2025-07');
    const end = parsePeriod('2026-06');
    if (!start.ok || !end.ok) throw new Error('setup');
    const fy = fiscalYearFrom(start.value, end.value);
    if (!fy.ok) throw new Error('setup');
    const fiscalYearOf = (_year: number): FiscalYear => fy.value;
    expect(validatePlanLineInput({ year: 2026, period: '2025-09', unitCode: 'ruf', accountCode: '4011', amountOre: 1 }, { ...ctx, fiscalYearOf }).ok).toBe(true);
    expect(validatePlanLineInput({ year: 2026, period: '2026-09', unitCode: 'ruf', accountCode: '4011', amountOre: 1 }, { ...ctx, fiscalYearOf }).ok).toBe(false);
  });
});
