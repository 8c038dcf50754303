/** `compareAnnexes` and `nap-annex diff` on the 2024 annex against edited copies of it. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareAnnexes, EXPLANATION_MAX_EDITS, planningShift, titleSimilarity } from '../src/diff/compare-annexes.js';
import { parsePlanning } from '../src/normalise/planning.js';
import { extractAnnex } from '../src/pipeline.js';
import { EDITS, editedAnnex } from './helpers/edited-annex.js';
import { TEXT_2024, extract2024Pdf, extract2024Text, extractString } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

const original = readFileSync(TEXT_2024, 'utf8');
/** The 2024 export with edits a later annex could have. */
const edited = original
  .replace('Onderzoek naar klachtenprocedures onderwijssector\t\tQ4 2024\t', 'Onderzoek naar klachtenprocedures onderwijssector\t\tQ2 2025\t')
  .replace(/^Podcast alles op tafel\t.*\n/m, '')
  .replace('Invzetten op veilige sport', 'Inzetten op veilige sport')
  .replace(/^(Regionale bezoeken\t.*)$/m, '$1\nNieuwe activiteit evaluatie\t\t2025\tOCW\tNieuw in dit jaar.')
  .replace('Eind februari is de tweede publieksmonitor opgeleverd.', 'Eind februari 2025 is de derde publieksmonitor opgeleverd en besproken.');

describe('compareAnnexes', () => {
  it('finds nothing between the annex and itself', async () => {
    const { annex } = await extract2024Text();
    const diff = compareAnnexes(annex, annex);
    expect([diff.added.length, diff.removed.length, diff.changedCount, diff.matched.length]).toEqual([0, 0, 0, 83]);
  });

  it('finds the added, removed, renamed and changed activities of an edited annex', async () => {
    const { annex: before } = await extract2024Text();
    const { annex: after } = await extractString(edited, 'later.txt');
    const diff = compareAnnexes(before, after);
    expect(diff.added.map((a) => [a.id, a.title])).toEqual([['AL5-13', 'Nieuwe activiteit evaluatie']]);
    expect(diff.removed.map((a) => [a.id, a.title])).toEqual([['AL1-06', 'Podcast alles op tafel']]);
    const changed = diff.matched.filter((m) => m.changes.length > 0);
    expect(changed.map((m) => [m.oldId, m.newId, m.changes.map((c) => c.field)])).toEqual([
      ['AL1-04', 'AL1-04', ['explanation']],
      ['AL3-08', 'AL3-08', ['title']],
      ['AL3-20', 'AL3-20', ['planning']],
    ]);
    expect(changed[1]!.similarity).toBeCloseTo(0.962, 3);
    expect(changed[2]!.changes[0]).toEqual({ field: 'planning', old: 'Q4 2024', new: 'Q2 2025', shift: { startQuarters: 2, endQuarters: 2 } });
    expect(changed[0]!.changes[0]).toMatchObject({ wordsRemoved: 1, wordsAdded: 4 });
    // Ids after the removed row shift: AL1-07 in 2024 is AL1-06 in the edited annex.
    expect(diff.matched.find((m) => m.oldId === 'AL1-07')!.newId).toBe('AL1-06');
  });

  it('reports a status change between two inputs that carry statuses', async () => {
    const html = readFileSync(fileURLToPath(new URL('../fixtures/html-generated/bijlage-1-2024.html', import.meta.url)), 'utf8');
    const { annex: before } = await extractAnnex(new TextEncoder().encode(html), { fileName: 'a.html' });
    const changedHtml = html.replace(
      /(<tr><td>Project SAMEN<\/td><td><span class="icon" style="background-color: )#[0-9a-f]{6}/,
      '$1#1b7837',
    );
    const { annex: after } = await extractAnnex(new TextEncoder().encode(changedHtml), { fileName: 'b.html' });
    const diff = compareAnnexes(before, after);
    expect(diff.matched.filter((m) => m.changes.length > 0).map((m) => [m.newId, m.changes])).toEqual([
      ['AL1-09', [{ field: 'status', old: 'In uitvoering', new: 'Afgerond', oldCode: 'in_progress', newCode: 'completed' }]],
    ]);
  });

  it('counts status transitions, measures planning shifts in quarters, lists owners added and diffs explanations by word (2024 PDF vs an edited copy)', async () => {
    const { annex: before } = await extract2024Pdf();
    const after = editedAnnex(before);
    const diff = compareAnnexes(before, after);
    expect(diff.added.map((a) => [a.id, a.title, a.status])).toEqual([['AL5-13', 'Evaluatie van het NAP', 'In uitvoering']]);
    expect(diff.removed.map((a) => [a.id, a.title])).toEqual([['AL1-06', 'Podcast alles op tafel']]);
    const moved = diff.statusTransitions.filter((t) => t.from.code !== t.to.code).map((t) => `${t.from.label} → ${t.to.label}: ${t.count}`);
    expect(moved).toEqual([
      'In uitvoering → Afgerond: 2',
      'Doorlopend gedurende uitvoering programma → In uitvoering met vertraging: 1',
      'In uitvoering met vertraging → Afgerond: 1',
      'Nog niet begonnen of afgebroken → In uitvoering: 1',
    ]);
    // 82 matched rows (83 minus the removed one), 5 of them with another status.
    expect(diff.statusTransitions.reduce((n, t) => n + t.count, 0)).toBe(82);
    expect(diff.statusTransitions.filter((t) => t.from.code === t.to.code).reduce((n, t) => n + t.count, 0)).toBe(77);
    const change = (oldId: string, field: string) => diff.matched.find((m) => m.oldId === oldId)!.changes.find((c) => c.field === field)!;
    expect(change('AL1-19', 'planning')).toMatchObject({ old: 'Q3-Q4 2023', new: 'Q1-Q2 2024', shift: { startQuarters: 2, endQuarters: 2 } });
    expect(change('AL3-27', 'planning')).toMatchObject({ old: '2024', new: '2024-2025', shift: { startQuarters: 0, endQuarters: 4 } });
    expect(change('AL1-09', 'planning')).toMatchObject({ old: 'Q3 2022-Q3 2024', new: 'Q3 2022-Q1 2025', shift: { startQuarters: 0, endQuarters: 2 } });
    expect(change('AL1-04', 'owners')).toMatchObject({ old: 'OCW', new: 'OCW, VWS', ownersAdded: ['VWS'], ownersRemoved: [] });
    const explanation = change('AL1-04', 'explanation');
    expect([explanation.wordsAdded, explanation.wordsRemoved]).toEqual([6, 0]);
    expect(explanation.words!.filter((p) => p.op === 'added').map((p) => p.text.trim())).toEqual([EDITS.explanation[1].trim()]);
    expect(change('AL3-08', 'title')).toMatchObject({ old: 'Invzetten op veilige sport', new: 'Inzetten op veilige sport' });
    expect(diff.changedCount).toBe(10);
  });

  it('planning shift: open ends and undated plannings are not comparable', () => {
    const p = (text: string) => parsePlanning(text).value;
    expect(planningShift(p('Vanaf 2023'), p('Vanaf Q3 2023'))).toEqual({ startQuarters: 2, endQuarters: null });
    expect(planningShift(p('Q1 2023 en Q1 2024'), p('Q1 2023 en Q4 2024'))).toEqual({ startQuarters: 0, endQuarters: 3 });
    expect(planningShift(p('eind 2024'), p('medio 2025'))).toEqual({ startQuarters: 2, endQuarters: 3 });
    expect(planningShift(p('Doorlopend'), p('2025'))).toBeUndefined();
  });

  it('gives up the word diff of wholly rewritten long explanations (counts only), so its cost stays linear', async () => {
    const { annex } = await extract2024Text();
    const later = structuredClone(annex);
    const words = (prefix: string) => Array.from({ length: 3000 }, (_, i) => `${prefix}${i}`).join(' ');
    const before = structuredClone(annex);
    before.activities[0]!.explanation.text = words('oud');
    later.activities[0]!.explanation.text = words('nieuw');
    const change = compareAnnexes(before, later).matched[0]!.changes.find((c) => c.field === 'explanation')!;
    expect(change.words).toBeUndefined();
    expect([change.wordsRemoved, change.wordsAdded]).toEqual([3000, 3000]);
    expect(EXPLANATION_MAX_EDITS).toBeLessThan(6000);
  });

  it('title similarity ignores case and punctuation', async () => {
    expect(titleSimilarity('Project SAMEN', 'project samen.')).toBe(1);
    expect(titleSimilarity('Veilige kerk', 'Meldpunt Mores')).toBeLessThan(0.5);
  });
});

describe('nap-annex diff', () => {
  it('prints the changes as text, and as CSV, from an input file and an annex.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-diff-'));
    const later = join(dir, 'later.txt');
    writeFileSync(later, edited);
    const out = join(dir, 'out');
    expect((await runCli(['extract', TEXT_2024, '-o', out, '-q', '--format', 'json'])).status).toBe(0);
    const text = await runCli(['diff', join(out, 'annex.json'), later]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('1 added, 1 removed, 3 changed, 79 unchanged');
    expect(text.stdout).toContain('  + AL5-13  Nieuwe activiteit evaluatie');
    expect(text.stdout).toContain('  ~ AL3-20  Onderzoek naar klachtenprocedures onderwijssector\n      planning: Q4 2024 → Q2 2025 (start +2 quarters, end +2 quarters)');
    // The one pair found by title similarity alone is marked as such (the first-time user read a replaced activity as renamed).
    expect(text.stdout).toContain('(1 activity was paired by title similarity alone (--min-similarity), marked below');
    expect(text.stdout).toContain('  ~ AL3-08  Inzetten op veilige sport  (paired by title similarity 0.962: check that it is the same activity)\n      title: Invzetten op veilige sport → Inzetten op veilige sport');
    expect(text.stdout.match(/paired by title similarity \d/g)).toHaveLength(1);
    const csv = await runCli(['diff', TEXT_2024, later, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('change,old_id,new_id,key,title,field,old,new,start_shift_quarters,end_shift_quarters');
    const rows = csv.stdout.split('\n');
    expect(rows.find((r) => r.startsWith('changed,AL3-08,AL3-08,') && r.includes(',title,'))).toMatch(/^changed,AL3-08,AL3-08,al3-[a-z0-9-]+,Inzetten op veilige sport,title,Invzetten op veilige sport,Inzetten op veilige sport,,$/);
    expect(rows.find((r) => r.startsWith('changed,AL3-20,AL3-20,') && r.includes(',planning,'))).toMatch(/,planning,Q4 2024,Q2 2025,2,2$/);
  });

  it('prints status transitions, planning shifts and owners in text and JSON (PDF annex.json vs an edited copy)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-diff-'));
    const { annex } = await extract2024Pdf();
    writeFileSync(join(dir, 'old.json'), JSON.stringify(annex));
    writeFileSync(join(dir, 'new.json'), JSON.stringify(editedAnnex(annex)));
    const text = await runCli(['diff', join(dir, 'old.json'), join(dir, 'new.json')]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('      planning: Q3-Q4 2023 → Q1-Q2 2024 (start +2 quarters, end +2 quarters)');
    expect(text.stdout).toContain('      planning: 2024 → 2024-2025 (start 0 quarters, end +4 quarters)');
    expect(text.stdout).toContain('      owners: OCW → OCW, VWS (+VWS)');
    expect(text.stdout).toContain('status transitions (77 unchanged):\n  In uitvoering → Afgerond: 2\n');
    // The same annex twice: no transition, said in one line.
    expect((await runCli(['diff', join(dir, 'old.json'), join(dir, 'old.json')])).stdout).toContain('status transitions: none (83 unchanged)');
    const json = JSON.parse((await runCli(['diff', join(dir, 'old.json'), join(dir, 'new.json'), '--format', 'json'])).stdout);
    expect(json.statusTransitions.find((t: { from: { code: string }; to: { code: string } }) => t.from.code === 'in_progress' && t.to.code === 'completed').count).toBe(2);
    const shifted = json.matched.find((m: { oldId: string }) => m.oldId === 'AL1-09').changes[0];
    expect(shifted).toMatchObject({ field: 'planning', shift: { startQuarters: 0, endQuarters: 2 } });
  });

  it('white space is never a change: an explanation whose paragraph breaks became spaces, a title with a double space', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-diff-'));
    const { annex } = await extract2024Text();
    const target = annex.activities.find((a) => a.explanation.text.includes('\n\n'))!;
    const later = {
      ...annex,
      activities: annex.activities.map((a) =>
        a.id === target.id ? { ...a, title: a.title.replace(' ', '  '), explanation: { ...a.explanation, text: a.explanation.text.replace(/\n\n/g, ' ') } } : a,
      ),
    };
    writeFileSync(join(dir, 'old.json'), JSON.stringify(annex));
    writeFileSync(join(dir, 'new.json'), JSON.stringify(later));
    const text = await runCli(['diff', join(dir, 'old.json'), join(dir, 'new.json')]);
    expect(text.stdout).toContain('0 added, 0 removed, 0 changed, 83 unchanged');
    expect(compareAnnexes(annex, later).matched.find((m) => m.newId === target.id)).toMatchObject({ changes: [], notes: [] });
  });

  it('names the files given on the command line, with the source of an annex.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-diff-'));
    const out = join(dir, 'out');
    expect((await runCli(['extract', TEXT_2024, '-o', out, '-q', '--format', 'json'])).status).toBe(0);
    const run = await runCli(['diff', join(out, 'annex.json'), TEXT_2024]);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      `old: ${join(out, 'annex.json')} (83 activities, extracted from bijlage-1.txt)`,
      `new: ${TEXT_2024} (83 activities)`,
      '0 added, 0 removed, 0 changed, 83 unchanged',
      '(statuses not compared: an input carries none, e.g. a text export)',
    ]);
  });

  it('refuses to diff against an input that is not an annex (exit 1, its errors on stderr)', async () => {
    const run = await runCli(['diff', TEXT_2024, fileURLToPath(new URL('../fixtures/bad/not-an-annex.pdf', import.meta.url))]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^\S*not-an-annex\.pdf error NAP101 /m);
    expect(run.stderr).toMatch(/not-an-annex\.pdf has no activities; is it a NAP annex\? No diff printed\./);
  });

  it('exits 2 for a JSON file that is not an annex.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-diff-'));
    writeFileSync(join(dir, 'x.json'), '{"hello": 1}');
    const run = await runCli(['diff', join(dir, 'x.json'), TEXT_2024]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error NAP001 JSON input is not an annex.json of this nap-annex version: schemaVersion:');
  });
});
