/** Issue 9 item 5: CSV safe in every dialect; Excel's cell limit; diff CSV neutralised like extract. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
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

describe('--excel cuts cells at 32,767 characters (NAP601)', () => {
  it('a 41,999-character Toelichting: cut in activities.csv with a warning, whole in annex.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-excel-'));
    const long = 'woord '.repeat(7000).slice(0, 41_999).trim();
    const input = join(dir, 'long.txt');
    writeFileSync(input, minText().replace('Toelichting 1a.¹', `${long}¹`));
    const run = await runCli(['extract', input, '-o', join(dir, 'out'), '--excel']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`warning NAP601 activities.csv, AL1-01, column explanation: ${long.length} characters cut to 32767 (Excel's cell limit, --excel); the whole text is in annex.json.`);
    const rows = parse(readFileSync(join(dir, 'out', 'activities.csv'), 'utf8'), { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
    expect(rows[0]!.explanation).toHaveLength(32_767);
    expect(rows[0]!.explanation!.endsWith('…')).toBe(true);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'annex.json'), 'utf8'));
    expect(json.activities[0].explanation.text).toBe(long);
    expect(json.diagnostics.map((d: { code: string }) => d.code)).toContain('NAP601');
  });
});

describe('diff --format csv neutralises like extract', () => {
  it('a title starting with a line feed, and one with ;= inside', async () => {
    const diff = {
      added: [{ id: 'AL1-01', title: '\n=evil', status: null }],
      removed: [{ id: 'AL1-02', title: 'x;=cmd' }],
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
