/** CSV safe in every dialect; Excel's cell limit; diff CSV neutralised like extract. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { diffCsv } from '../../src/cli/diff-command.js';
import { activitiesCsv, neutraliseCell } from '../../src/emit/csv.js';
import { runCli } from '../helpers/run-cli.js';
import { extractFixture, minText } from './helpers.js';

const FORMULA = /^[=+\-@\t\r\n]/;

/** Every cell a reader splitting on `delimiter` sees (quotes honoured as RFC 4180 says). */
function cellsAs(csv: string, delimiter: string): string[] {
  return (parse(csv, { delimiter, relax_quotes: true, relax_column_count: true, bom: true }) as string[][]).flat();
}

describe('neutraliseCell', () => {
  it.each([
    ['a;=1+1', "a;'=1+1"],
    ['a,=1+1', "a,'=1+1"],
    ['x;+31', "x;'+31"],
    ['x,-2', "x,'-2"],
    ['x,@SUM(A1)', "x,'@SUM(A1)"],
    ['x\t=1', "x\t'=1"],
    ['x,"=1', "x,\"'=1"],
    ['=1;=2', "'=1;'=2"],
    ['2023-2025', '2023-2025'],
    ['OCW, SZW en VWS', 'OCW, SZW en VWS'],
    ['\nregel', "'\nregel"],
  ])('%j → %j', (value, safe) => {
    expect(neutraliseCell(value)).toBe(safe);
  });
});

describe('no reader with , or ; sees a formula', () => {
  it('14 crafted cells, written with either delimiter, read with either delimiter', async () => {
    const crafted = ['a;=HYPERLINK("http://x")', 'b,=1+1', 'c;+31', 'd,-2', 'e;@SUM(A1)', 'f,@x', 'g;-h', 'i,+j', 'k;=l', 'm,=n', 'o;"=p"', 'q,"+r"', 's\t=t', 'u;\t-v'];
    const { annex } = await extractFixture('min.txt', minText());
    const evil = structuredClone(annex);
    const cells = crafted.length;
    evil.activities.forEach((a, i) => {
      a.title = crafted[i % cells]!;
      a.owners.text = crafted[(i + 5) % cells]!;
      a.explanation.text = crafted.join(' ');
    });
    for (const written of [',', ';'] as const) {
      const csv = activitiesCsv(evil, { delimiter: written });
      for (const read of [',', ';']) expect(cellsAs(csv, read).filter((c) => FORMULA.test(c))).toEqual([]);
      // The same data reads back, a ' before each neutralised formula character.
      const rows = parse(csv, { columns: true, delimiter: written }) as Record<string, string>[];
      expect(rows.map((r) => r.title)).toEqual(evil.activities.map((a) => neutraliseCell(a.title)));
    }
  });
});

describe('Excel cuts cells at 32,767 characters: the excel/ copies and annex.xlsx alike (NAP601)', () => {
  it('a 41,999-character Toelichting: cut in excel/activities.csv and in annex.xlsx, each with a warning; whole in annex.json and the package CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-excel-'));
    const long = 'woord '.repeat(7000).slice(0, 41_999).trim();
    const input = join(dir, 'long.txt');
    writeFileSync(input, minText().replace('Toelichting 1a.¹', `${long}¹`));
    const run = await runCli(['extract', input, '-o', join(dir, 'out'), '--excel']);
    expect(run.status).toBe(0);
    const reason = (file: string) => `warning NAP601 ${file}, AL1-01, column explanation: ${long.length} characters cut to 32767 (Excel's cell limit); the whole text is in annex.json and the package CSVs.`;
    expect(run.stderr).toContain(reason('excel/activities.csv'));
    expect(run.stderr).toContain(reason('annex.xlsx (sheet Activiteiten)'));
    const rows = parse(readFileSync(join(dir, 'out', 'excel', 'activities.csv'), 'utf8'), { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
    expect(rows[0]!.explanation).toHaveLength(32_767);
    expect(rows[0]!.explanation!.endsWith('…')).toBe(true);
    const whole = parse(readFileSync(join(dir, 'out', 'activities.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(whole[0]!.explanation).toBe(long);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'out', 'annex.xlsx'));
    const sheet = workbook.getWorksheet('Activiteiten')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = String(sheet.getRow(2).getCell(header.indexOf('explanation') + 1).value);
    expect([cell.length, cell.endsWith('…')]).toEqual([32_767, true]);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'annex.json'), 'utf8'));
    expect(json.activities[0].explanation.text).toBe(long);
    expect(json.diagnostics.filter((d: { code: string }) => d.code === 'NAP601')).toHaveLength(2);
    // The workbook's own Diagnostiek sheet lists both cuts too.
    expect(workbook.getWorksheet('Diagnostiek')!.getColumn(2).values.filter((v) => v === 'NAP601')).toHaveLength(2);
  });

  it('annex.xlsx alone (-f xlsx) cuts and reports too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-excel-'));
    const input = join(dir, 'long.txt');
    writeFileSync(input, minText().replace('Toelichting 1a.¹', `${'x'.repeat(40_000)}¹`));
    const run = await runCli(['extract', input, '-o', join(dir, 'out'), '-f', 'xlsx']);
    expect(run.status).toBe(0);
    expect(run.stderr.split('\n').filter((l) => l.includes('NAP601'))).toEqual([
      `${input} warning NAP601 annex.xlsx (sheet Activiteiten), AL1-01, column explanation: 40000 characters cut to 32767 (Excel's cell limit); the whole text is in annex.json and the package CSVs.`,
    ]);
  });
});

describe('diff --format csv neutralises like extract', () => {
  it('a title starting with a line feed, and one with ;= inside', async () => {
    const diff = {
      added: [{ id: 'AL1-01', key: 'al1-evil', title: '\n=evil', status: null }],
      removed: [{ id: 'AL1-02', key: 'al1-x-cmd', title: 'x;=cmd' }],
      matched: [],
      changedCount: 0,
      statusTransitions: [],
      renumbered: [],
    } as unknown as Parameters<typeof diffCsv>[0];
    const csv = diffCsv(diff);
    for (const read of [',', ';']) expect(cellsAs(csv, read).filter((c) => FORMULA.test(c))).toEqual([]);
    expect((parse(csv, { columns: true }) as Record<string, string>[]).map((r) => r.title)).toEqual(["'\n'=evil", "x;'=cmd"]);
  });
});
