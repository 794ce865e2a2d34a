import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { demoUnderlagInput } from '../fixtures/demo-input.ts';
import { reportTables } from '../report-model.ts';
import type { ReportTable } from '../report-model.ts';
import { buildUnderlagModel } from '../underlag-model.ts';
import { MONEY_FORMAT_KR, MONEY_FORMAT_TKR, PERCENT_FORMAT, renderXlsx, sheetNames } from './render-xlsx.ts';

const report = buildUnderlagModel(demoUnderlagInput());

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('renderXlsx', async () => {
  const wb = await readBack(await renderXlsx(report));
  const tables = reportTables(report);

  it('has a sheet about the document and one sheet per table, names unique and at most 31 characters', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Om dokumentet');
    expect(names.slice(1)).toEqual(sheetNames(tables));
    expect(names.length).toBe(tables.length + 1);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });

  it('stores numbers as numbers with formats, and the revenue table sums to the document total', () => {
    const ws = wb.getWorksheet('T3 Intäkter 2018');
    if (!ws) throw new Error('no revenue sheet');
    expect(ws.getRow(2).getCell(2).value).toBe('Belopp, tkr');
    expect(ws.getRow(2).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const amounts: number[] = [];
    for (let r = 3; r <= 9; r++) {
      const cell = ws.getRow(r).getCell(2);
      expect(typeof cell.value).toBe('number');
      expect(cell.numFmt).toBe(MONEY_FORMAT_TKR);
      expect(ws.getRow(r).getCell(3).numFmt).toBe(PERCENT_FORMAT);
      amounts.push(cell.value as number);
    }
    const total = ws.getRow(10);
    expect(total.getCell(1).value).toBe('Summa intäkter');
    expect(total.getCell(2).value).toBe(98_400_000);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(98_400_000);
    expect(ws.getRow(3).getCell(3).value).toBeCloseTo(0.318, 10);
  });

  it('writes every numeric cell of every table as a number equal to the model', () => {
    tables.forEach((t: ReportTable, i) => {
      const ws = wb.worksheets[i + 1];
      if (!ws) throw new Error(`sheet ${String(i)}`);
      t.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
        const v = ws.getRow(r + 3).getCell(c + 1).value;
        if (cell.kind === 'money') expect(v).toBe(cell.ore / 100);
        else if (cell.kind === 'integer') expect(v).toBe(cell.value);
        else if (cell.kind === 'percent') expect(v).toBeCloseTo(cell.value / 100, 12);
        else if (cell.kind === 'empty') expect(v).toBeNull();
        else expect(v).toBe(cell.text);
      }));
    });
  });

  it('shows municipal contributions in kronor summing to the total', () => {
    const ws = wb.worksheets.find((w) => w.name.includes('Kommunbidrag'));
    if (!ws) throw new Error('no contributions sheet');
    let sum = 0;
    for (let r = 3; r <= 17; r++) sum += ws.getRow(r).getCell(5).value as number;
    expect(ws.getRow(18).getCell(5).value).toBe(19_250_000);
    expect(sum).toBe(19_250_000);
    expect(ws.getRow(3).getCell(5).numFmt).toBe(MONEY_FORMAT_KR);
  });

  it('makes sheet names unique after shortening', () => {
    const t = (number: number, shortName: string): ReportTable => ({ id: 'x', number, caption: 'c', shortName, columns: [], rows: [], note: null });
    expect(sheetNames([t(1, 'a'.repeat(40)), t(2, 'Intäkter: [2018]/*?'), t(1, 'a'.repeat(40))])).toEqual([
      `T1 ${'a'.repeat(28)}`, 'T2 Intäkter 2018', `T1 ${'a'.repeat(26)}~2`,
    ]);
  });
});
