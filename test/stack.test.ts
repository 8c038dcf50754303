/** `stack`: the 2024 text export, the 2024 PDF rendition and an edited copy as a third edition. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { stackEditions } from '../src/stack/stack-editions.js';
import type { Annex } from '../src/schema/annex.js';
import { annexJson } from '../src/emit/json.js';
import { PDF_2024, TEXT_2024, extract2024Pdf, extract2024Text } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

let dir: string;
let pdfAnnex: Annex;
/** The PDF's annex.json with four edits a 2025 edition could have. */
function editedCopy(pdf: Annex): Annex {
  const e = structuredClone(pdf);
  e.source.fileName = 'bijlage-1-2025.json';
  // 1. Podcast alles op tafel (AL1-06) removed: AL1-07 … AL1-27 move up one.
  e.activities = e.activities.filter((a) => a.title !== 'Podcast alles op tafel');
  e.activities.forEach((a) => {
    if (a.actionLine === 1) {
      a.sequence = e.activities.filter((x) => x.actionLine === 1).indexOf(a) + 1;
      a.id = `AL1-${String(a.sequence).padStart(2, '0')}`;
    }
  });
  // 2. Project SAMEN completed.
  const samen = e.activities.find((a) => a.title === 'Project SAMEN')!;
  samen.status = { code: 'completed', label: 'Afgerond', foundBy: 'icon', iconColor: '#1b7837' };
  // 3. Onderzoek naar klachtenprocedures onderwijssector: Q4 2024 → Q2 2025 (+2 quarters).
  const klacht = e.activities.find((a) => a.title === 'Onderzoek naar klachtenprocedures onderwijssector')!;
  klacht.planning = { text: 'Q2 2025', kind: 'dated', ranges: [{ start: '2025-04-01', end: '2025-06-30', startPrecision: 'quarter', endPrecision: 'quarter', openEnded: false }] };
  // 4. A new activity at the end of Actielijn 5.
  const last = e.activities.filter((a) => a.actionLine === 5).at(-1)!;
  e.activities.push({ ...structuredClone(last), id: 'AL5-13', sequence: 13, key: 'al5-nieuwe-activiteit-evaluatie', title: 'Nieuwe activiteit evaluatie', footnotes: [] });
  e.actionLines[0]!.activityCount = 26;
  e.actionLines[4]!.activityCount = 13;
  e.footnotes = e.footnotes.map((f) => ({ ...f, citedBy: f.citedBy.filter((id) => e.activities.some((a) => a.id === id)) }));
  return e;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nap-stack-'));
  // The rendition's annex.json as extract writes it, from the result the other tests share (read once per test worker).
  pdfAnnex = JSON.parse(annexJson((await extract2024Pdf()).annex)) as Annex;
  writeFileSync(join(dir, 'edited.json'), JSON.stringify(editedCopy(pdfAnnex)));
}, 120_000);

describe('stack', () => {
  it('text export + PDF rendition + edited copy: 83 + 83 + 83 rows, transitions exactly the edits', async () => {
    const out = join(dir, 'stack');
    const run = await runCli(['stack', TEXT_2024, PDF_2024, join(dir, 'edited.json'), '-o', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('249 rows, 84 activities, 4 transitions (1 added, 1 removed, 2 changed)');
    // None of the three is dated: the order is the command line's, and stack says so (the first-time user stacked 2025 before 2024).
    expect(run.stderr).toContain('warning: 3 of 3 editions have no edition date, so the editions are stacked in the order given (the first is the oldest)');
    const read = (name: string) => parse(readFileSync(join(out, name)), { columns: true }) as Record<string, string>[];
    const rows = read('edition_activities.csv');
    expect(rows).toHaveLength(83 + 83 + 83);
    expect(rows.filter((r) => r.edition === '1').every((r) => r.status_code === '')).toBe(true);
    expect(rows.filter((r) => r.edition === '2' && r.status_code !== '')).toHaveLength(83);
    expect(read('editions.csv').map((e) => [e.edition, e.source_file, e.format, e.activities])).toEqual([
      ['1', 'bijlage-1.txt', 'text', '83'],
      ['2', 'bijlage-1-rendition.pdf', 'pdf', '83'],
      ['3', 'bijlage-1-2025.json', 'pdf', '83'],
    ]);
    expect(read('transitions.csv').map((t) => [t.kind, t.key, t.from_edition, t.to_edition, t.from_id, t.to_id, t.from_status, t.to_status, t.planning_shift_quarters])).toEqual([
      ['changed', 'al1-project-samen', '2', '3', 'AL1-09', 'AL1-08', 'in_progress', 'completed', '0'],
      ['changed', 'al3-onderzoek-naar-klachtenprocedures-onderwijssector', '2', '3', 'AL3-20', 'AL3-20', 'in_progress', 'in_progress', '2'],
      ['removed', 'al1-podcast-alles-op-tafel', '2', '3', 'AL1-06', '', 'in_progress', '', ''],
      ['added', 'al5-nieuwe-activiteit-evaluatie', '2', '3', '', 'AL5-13', '', 'not_started_or_stopped', ''],
    ]);
    const activities = read('activities.csv');
    expect(activities).toHaveLength(84);
    expect(activities.find((a) => a.key === 'al1-podcast-alles-op-tafel')).toMatchObject({ first_edition: '1', last_edition: '2', editions: '2' });
    expect(activities.find((a) => a.key === 'al5-nieuwe-activiteit-evaluatie')).toMatchObject({ first_edition: '3', last_edition: '3', editions: '1' });
    expect(activities.filter((a) => a.editions === '3')).toHaveLength(82);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'stack.xlsx'));
    expect(workbook.worksheets.map((w) => [w.name, w.rowCount])).toEqual([
      ['Edities', 4],
      ['Activiteiten per editie', 250],
      ['Overgangen', 5],
      ['Activiteiten', 85],
    ]);
    expect(workbook.getWorksheet('Activiteiten per editie')!.getRow(2).getCell(10).type).toBe(ExcelJS.ValueType.Date);
  }, 240_000);

  it('orders editions by date when every edition has one, and keeps the first key of a renamed activity', async () => {
    const { annex } = await extract2024Text();
    const later = structuredClone(annex);
    later.source.edition = { ...later.source.edition, date: '2025-03-20' };
    const earlier = structuredClone(annex);
    earlier.source.edition = { ...earlier.source.edition, date: '2024-03-18' };
    const renamed = later.activities.find((a) => a.title === 'Invzetten op veilige sport')!;
    renamed.title = 'Inzetten op veilige sport';
    renamed.key = 'al3-inzetten-op-veilige-sport';
    const stack = stackEditions([
      { label: '2025', annex: later },
      { label: '2024', annex: earlier },
    ]);
    expect(stack.editions.map((e) => e.label)).toEqual(['2024', '2025']);
    expect(stack.transitions.map((t) => [t.kind, t.key, t.titleChanged])).toEqual([['changed', 'al3-invzetten-op-veilige-sport', true]]);
    expect(stack.rows.filter((r) => r.title === 'Inzetten op veilige sport').map((r) => [r.key, r.activityKey])).toEqual([
      ['al3-invzetten-op-veilige-sport', 'al3-inzetten-op-veilige-sport'],
    ]);
  });

  it('needs two editions (64) and an output folder (64)', async () => {
    expect((await runCli(['stack', TEXT_2024, '-o', join(dir, 'x')])).status).toBe(64);
    const twice = await runCli(['stack', TEXT_2024, TEXT_2024, '-o', join(dir, 'twice')]);
    expect([twice.status, twice.stderr]).toEqual([64, 'nap-annex stack: give at least two editions (files or glob patterns) (2 were named, but they are one file).\n']);
  });
});
