// Plan versions and plan lines. Every step of the yearly cycle (actuals, proposal, adopted budget,
// forecast, scenario) is a version of the same plan; an adopted version is a public record and is
// frozen forever (arkivlagen), so a change makes a new version.
import type { AccountRange, Category, CategoryCode } from './category.ts';
import { categoryForAccount, findCategory } from './category.ts';
import type { Ore } from './money.ts';
import { ore, parseAmount } from './money.ts';
import type { FiscalYear, Period } from './period.ts';
import { calendarFiscalYear, fiscalYearContains, parsePeriod } from './period.ts';
import type { Rate } from './rate.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { isEditableStatus, statusLabel, type WorkflowStatus } from './workflow.ts';

export type VersionKind = 'actual' | 'budget' | 'forecast' | 'scenario';
export type VersionStatus = WorkflowStatus;
export type PlanVersion = {
  readonly code: string;
  readonly name: string;
  readonly kind: VersionKind;
  readonly status: VersionStatus;
  readonly firstYear: number;
  readonly lastYear: number;
};

export function versionKindLabel(kind: VersionKind): string {
  switch (kind) {
    case 'actual':
      return 'Utfall';
    case 'budget':
      return 'Budget';
    case 'forecast':
      return 'Prognos';
    case 'scenario':
      return 'Scenario';
  }
}

export function versionStatusLabel(status: VersionStatus): string {
  return statusLabel(status);
}

export function canEditVersion(v: PlanVersion): Result<true> {
  if (isEditableStatus(v.status)) return ok(true);
  if (v.status === 'adopted') return err(`Versionen "${v.name}" är beslutad och kan inte ändras. Skapa en ny version.`);
  return err(`Versionen "${v.name}" är inlämnad och kan inte ändras. Den måste återremitteras till utkast först.`);
}

/** The net cost a committee may have in a year, set by the region, with the uplift for later years. */
export type Frame = { readonly year: number; readonly amountOre: Ore; readonly upliftRate: Rate };

/**
 * One amount in a version. Amounts are positive for both revenue and cost (the category's kind says
 * which side it is on); SIE's credit-negative convention is translated at the SIE edge. A negative
 * amount is allowed and means a reduction (a correction, a refund).
 * `period` null means the line is for the whole year.
 */
export type PlanLine = {
  readonly year: number;
  readonly period: Period | null;
  readonly unitCode: string;
  readonly accountCode: string;
  readonly category: CategoryCode;
  readonly projectCode: string | null;
  readonly funderCode: string | null;
  readonly amountOre: Ore;
};

/** A plan line as typed by a person or read from a file row, before validation. */
export type PlanLineInput = {
  readonly year: number;
  readonly period?: string | null | undefined;
  readonly unitCode: string;
  readonly accountCode: string;
  /** When absent the category is derived from the account by the ranges; when given it wins. */
  readonly category?: string | null | undefined;
  readonly projectCode?: string | null | undefined;
  readonly funderCode?: string | null | undefined;
  /** Either an amount in öre (from a program) … */
  readonly amountOre?: number | undefined;
  /** … or text a person typed, in `amountUnit` (default kr). */
  readonly amountText?: string | undefined;
  readonly amountUnit?: 'kr' | 'tkr' | undefined;
};

export type PlanLineField = keyof PlanLineInput | 'version';
export type FieldError = { readonly field: PlanLineField; readonly message: string };

export type PlanLineContext = {
  readonly version: PlanVersion;
  readonly categories: readonly Category[];
  readonly accountRanges?: readonly AccountRange[] | undefined;
  /** Known unit codes; when absent any non-empty code is accepted. */
  readonly unitCodes?: ReadonlySet<string> | undefined;
  /** The fiscal year a label denotes; default the calendar year. */
  readonly fiscalYearOf?: ((year: number) => FiscalYear) | undefined;
};

function optionalCode(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/**
 * Validates one plan line against its version and the organisation's set-up. Returns every problem at
 * once, each naming its field in Swedish (e.g. "År: …", "Konto: …"), so a form can mark all fields
 * and a file import can report them with the line number.
 */
export function validatePlanLineInput(input: PlanLineInput, ctx: PlanLineContext): Result<PlanLine, readonly FieldError[]> {
  const errors: FieldError[] = [];
  const add = (field: PlanLineField, message: string): void => {
    errors.push({ field, message });
  };

  const editable = canEditVersion(ctx.version);
  if (!editable.ok) add('version', editable.error);

  const { version } = ctx;
  if (!Number.isInteger(input.year)) {
    add('year', `År: "${String(input.year)}" är inget år`);
  } else if (input.year < version.firstYear || input.year > version.lastYear) {
    add('year', `År: ${String(input.year)} ligger utanför versionens år ${String(version.firstYear)}–${String(version.lastYear)}`);
  }

  let period: Period | null = null;
  const periodText = optionalCode(input.period);
  if (periodText !== null) {
    const p = parsePeriod(periodText);
    if (!p.ok) {
      add('period', `Period: ${p.error}`);
    } else {
      period = p.value;
      const fy = (ctx.fiscalYearOf ?? calendarFiscalYear)(input.year);
      if (Number.isInteger(input.year) && !fiscalYearContains(fy, period)) {
        add('period', `Period: ${period} hör inte till räkenskapsåret ${String(input.year)}`);
      }
    }
  }

  const unitCode = input.unitCode.trim();
  if (unitCode === '') add('unitCode', 'Enhet: ange en enhet');
  else if (ctx.unitCodes && !ctx.unitCodes.has(unitCode)) add('unitCode', `Enhet: "${unitCode}" finns inte`);

  const accountCode = input.accountCode.trim();
  if (!/^\d+$/.test(accountCode)) add('accountCode', `Konto: "${input.accountCode}" är inget kontonummer (endast siffror)`);

  let category: CategoryCode | undefined;
  const categoryText = optionalCode(input.category);
  if (categoryText !== null) {
    if (findCategory(ctx.categories, categoryText)) category = categoryText;
    else add('category', `Kategori: "${categoryText}" finns inte`);
  } else if (/^\d+$/.test(accountCode)) {
    category = categoryForAccount(accountCode, ctx.accountRanges ?? []);
    if (category === undefined) add('category', `Kategori: kontot ${accountCode} hör inte till någon kategori; ange kategori eller lägg till ett kontointervall`);
    else if (!findCategory(ctx.categories, category)) {
      add('category', `Kategori: kontot ${accountCode} pekar på den okända kategorin "${category}"`);
      category = undefined;
    }
  }

  let amountOre: Ore | undefined;
  if (input.amountOre !== undefined && input.amountText !== undefined) {
    add('amountOre', 'Belopp: ange beloppet en gång, antingen i öre eller som text');
  } else if (input.amountOre !== undefined) {
    if (Number.isSafeInteger(input.amountOre)) amountOre = ore(input.amountOre);
    else add('amountOre', `Belopp: ${String(input.amountOre)} är inget helt antal öre`);
  } else if (input.amountText !== undefined) {
    const parsed = parseAmount(input.amountText, input.amountUnit ?? 'kr');
    if (parsed.ok) amountOre = parsed.value;
    else add('amountText', `Belopp: ${parsed.error}`);
  } else {
    add('amountOre', 'Belopp: ange ett belopp');
  }

  if (errors.length > 0 || category === undefined || amountOre === undefined) return err(errors);
  return ok({
    year: input.year,
    period,
    unitCode,
    accountCode,
    category,
    projectCode: optionalCode(input.projectCode),
    funderCode: optionalCode(input.funderCode),
    amountOre,
  });
}
