/**
 * Diff by meaning: the real 2024 annex (its PDF rendition, statuses from the icons)
 * against a 2025 edition as a text export (test/helpers/edition-2025.ts: statuses written in
 * words, some only with another label). `diff`, `report --compare` and `stack` share one
 * comparison and must agree; status changes are exactly the transition matrix's off-diagonal
 * cells; a planning change always changes a range; white space and respellings are never changes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffCsv } from '../src/cli/diff-command.js';
import { compareAnnexes, type AnnexDiff } from '../src/diff/compare-annexes.js';
import { buildReportModel } from '../src/report/data.js';
import type { Annex } from '../src/schema/annex.js';
import { annexJson } from '../src/emit/json.js';
import { stackEditions } from '../src/stack/stack-editions.js';
import { EDITS_2025, edition2025Text } from './helpers/edition-2025.js';
import { extract2024Pdf, extractString } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

let before: Annex;
let after: Annex;
let diff: AnnexDiff;
beforeAll(async () => {
  before = (await extract2024Pdf()).annex;
  after = (await extractString(edition2025Text(), 'bijlage-1-2025.txt')).annex;
  diff = compareAnnexes(before, after);
}, 120_000);

const offDiagonal = (d: AnnexDiff): number => d.statusTransitions.filter((t) => t.from.code !== t.to.code).reduce((n, t) => n + t.count, 0);

describe('2024 PDF → 2025 text export', () => {
  it('the 2025 export carries its statuses in words, as printed', () => {
    expect(after.activities.every((a) => a.status?.foundBy === 'text')).toBe(true);
    expect(after.activities.find((a) => a.title === 'Website Route naar RI&E')!.status).toMatchObject({ code: 'completed', label: 'afgerond' });
  });

  it('status changes by code: 7, exactly the off-diagonal of the transition matrix; 7 changed labels are notes', () => {
    const statusChanges = diff.matched.flatMap((m) => m.changes.filter((c) => c.field === 'status'));
    expect(statusChanges).toHaveLength(EDITS_2025.statusChanges.length);
    expect(offDiagonal(diff)).toBe(statusChanges.length);
    expect(statusChanges.every((c) => c.oldCode !== c.newCode)).toBe(true);
    const labels = diff.matched.flatMap((m) => m.notes.filter((n) => n.field === 'status').map((n) => `${n.old} → ${n.new}`));
    expect(labels).toEqual([
      'In uitvoering → in uitvoering',
      'Afgerond → Gereed',
      'In uitvoering met vertraging → Vertraagd',
      'Afgerond → afgerond',
      'Doorlopend gedurende uitvoering programma → Doorlopend',
      'In uitvoering met vertraging → Met vertraging',
      'Nog niet begonnen of afgebroken → Nog niet begonnen',
    ]);
    // 82 activities carry a status on both sides (83 minus the removed one); 75 kept theirs.
    expect(diff.statusTransitions.reduce((n, t) => n + t.count, 0)).toBe(82);
    expect(82 - offDiagonal(diff)).toBe(75);
  });

  it('no planning change without a changed range; a respelled planning (2023- 2025 → 2023-2025) is a note', () => {
    const oldById = new Map(before.activities.map((a) => [a.id, a]));
    const newById = new Map(after.activities.map((a) => [a.id, a]));
    const planning = diff.matched.filter((m) => m.changes.some((c) => c.field === 'planning'));
    expect(planning.map((m) => m.title)).toEqual(['Project SAMEN', 'Aanscherpen beroepscode zorg en welzijn', 'Onderzoek naar klachtenprocedures onderwijssector', 'Regionale bezoeken']);
    for (const m of planning) {
      const ranges = (a: Annex['activities'][number]) => JSON.stringify(a.planning.ranges.map((r) => [r.start, r.end, r.openEnded]));
      expect(ranges(oldById.get(m.oldId)!), m.title).not.toBe(ranges(newById.get(m.newId)!));
    }
    expect(planning.map((m) => m.changes.find((c) => c.field === 'planning')!.shift)).toEqual([
      { startQuarters: 0, endQuarters: 2 },
      { startQuarters: 2, endQuarters: 2 },
      { startQuarters: 2, endQuarters: 2 },
      { startQuarters: 0, endQuarters: -4 },
    ]);
    expect(diff.matched.flatMap((m) => m.notes.filter((n) => n.field !== 'status').map((n) => [m.title, n.field, n.old, n.new]))).toEqual([
      ['Publiekscommunicatie', 'planning', '2023- 2025', '2023-2025'],
      ['Jaarlijkse conferentie NAP', 'owners', 'OCW, SZW, JenV, en VWS', 'VWS, OCW, SZW en JenV'],
    ]);
  });

  it('owners by canonical set, text by words: the re-spaced explanation is no change', () => {
    const changed = diff.matched.filter((m) => m.changes.length > 0);
    expect(changed.find((m) => m.title === 'Publieksmonitor')!.changes.map((c) => [c.field, c.ownersAdded ?? c.wordsAdded])).toEqual([
      ['owners', ['VWS']],
      ['explanation', 6],
    ]);
    expect(diff.matched.find((m) => m.title === EDITS_2025.explanationSpacing)).toMatchObject({ changes: [], notes: [] });
    expect([diff.added.length, diff.removed.length, diff.changedCount, diff.notedCount]).toEqual([1, 1, 10, 8]);
  });

  it('report --compare and stack show the same comparison: the same changes, status changes and shifts', () => {
    const model = buildReportModel(after, { lang: 'nl', diff, older: before });
    const c = model.compare!;
    expect(c.statusChanges).toHaveLength(offDiagonal(diff));
    expect(c.planningShifts.map((p) => [p.id, p.endQuarters])).toEqual(diff.matched.flatMap((m) => m.changes.filter((x) => x.field === 'planning').map((x) => [m.newId, x.shift!.endQuarters])));
    expect(c.notes).toHaveLength(diff.matched.reduce((n, m) => n + m.notes.length, 0));
    // The page names statuses by the page's labels for their codes (the legend's in Dutch), not the printed variants.
    expect(c.statusChanges.find((s) => s.title === 'Veilige kerk')).toMatchObject({ from: 'In uitvoering', to: 'In uitvoering met vertraging' });
    const stack = stackEditions([
      { label: '2024', annex: before },
      { label: '2025', annex: after },
    ]);
    const changed = stack.transitions.filter((t) => t.kind === 'changed');
    expect(changed).toHaveLength(diff.changedCount);
    expect(changed.filter((t) => t.fromStatus !== t.toStatus)).toHaveLength(offDiagonal(diff));
    expect(changed.filter((t) => t.changedFields.includes('planning')).map((t) => t.planningShiftQuarters)).toEqual([2, 2, 2, -4]);
    expect(stack.transitions.filter((t) => t.kind !== 'changed').map((t) => t.kind)).toEqual(['removed', 'added']);
  });

  it('diff -f csv: the shifts are numbers (-4 stays -4), notes are rows of their own', () => {
    const rows = parse(diffCsv(diff), { columns: true }) as Record<string, string>[];
    const shifts = rows.filter((r) => r.change === 'changed' && r.field === 'planning');
    expect(shifts.map((r) => r.end_shift_quarters)).toEqual(['2', '2', '2', '-4']);
    for (const r of rows) for (const v of [r.start_shift_quarters!, r.end_shift_quarters!]) if (v !== '') expect(Number.isInteger(Number(v)), v).toBe(true);
    expect(rows.filter((r) => r.change === 'note')).toHaveLength(9);
  });

  it('nap-annex diff prints the same, as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-2025-'));
    writeFileSync(join(dir, 'bijlage-1-2025.txt'), edition2025Text());
    // The 2024 rendition's annex as `extract` writes it (the shared result: the CLI reading the PDF itself is annex-2024-pdf.test.ts's).
    writeFileSync(join(dir, 'annex-2024.json'), annexJson(before));
    const run = await runCli(['diff', join(dir, 'annex-2024.json'), join(dir, 'bijlage-1-2025.txt')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1 added, 1 removed, 10 changed, 72 unchanged (8 printed differently); 21 renumbered');
    expect(run.stdout).toContain('status transitions (75 unchanged):');
    expect(run.stdout).toContain('  = AL3-01  status label: Afgerond → afgerond');
    // The count and the list agree: the 8 unchanged activities printed differently are listed; a
    // changed one (AL5-12, its planning) keeps its same-meaning note under its changes.
    const listed = run.stdout.split('printed differently, same meaning (not changes):\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(new Set(listed.map((l) => l.trim().split(/\s+/)[1])).size).toBe(8);
    expect(listed.some((l) => l.includes('AL5-12'))).toBe(false);
    expect(run.stdout).toContain('      = status label: Nog niet begonnen of afgebroken → Nog niet begonnen (same meaning)');
    expect(run.stdout).not.toMatch(/planning: 2023- 2025 → 2023-2025/);
    expect(readFileSync(join(dir, 'bijlage-1-2025.txt'), 'utf8')).toContain('Website Route naar RI&E\tafgerond\t');
  });
});
