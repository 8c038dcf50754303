/**
 * `nap-annex report` without a browser: the view model against the 2024 PDF rendition, escaping of
 * input text, and the command's diagnostics, exit codes and atomic writing, which are extract's.
 * (The page in a real browser: report-browser.test.ts.)
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareAnnexes } from '../src/diff/compare-annexes.js';
import { buildReportModel, OKABE_ITO } from '../src/report/data.js';
import { openEndOf, timelineDomain } from '../src/report/charts.js';
import { escapeHtml, html } from '../src/report/html-template.js';
import { buildReportHtml } from '../src/report/index.js';
import { editedAnnex } from './helpers/edited-annex.js';
import { TEXT_2024, extract2024Pdf, extract2024Text } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

const bad = (name: string) => fileURLToPath(new URL(`../fixtures/bad/${name}`, import.meta.url));

describe('report view model', () => {
  it('2024 PDF: status counts per action line, legend colours, 10 delayed or not started/stopped, 83 activities on the timeline', async () => {
    const { annex } = await extract2024Pdf();
    const model = buildReportModel(annex, { lang: 'nl', annexDate: '2024-03-18' });
    expect(model.hasStatuses).toBe(true);
    expect(model.colorsFromLegend).toBe(true);
    const counts = model.actionLines.map((l) => l.statusCounts.map((c) => c.count));
    expect(counts).toEqual([
      [5, 13, 7, 2, 0],
      [0, 6, 0, 1, 0],
      [6, 12, 10, 1, 2],
      [1, 3, 2, 0, 0],
      [3, 4, 1, 1, 3],
    ]);
    // The legend's own icon colours, as read from the PDF.
    const iconColour = (code: string) => annex.activities.find((a) => a.status?.code === code)!.status!.iconColor;
    for (const s of model.statuses) expect(s.color).toBe(iconColour(s.code));
    expect(model.statuses.map((s) => s.label)).toEqual(annex.legend.map((e) => e.label));
    expect(model.attention.map((a) => a.id)).toEqual(['AL1-02', 'AL1-19', 'AL2-03', 'AL3-02', 'AL3-27', 'AL3-28', 'AL5-03', 'AL5-05', 'AL5-08', 'AL5-12']);
    expect(new Set(model.timeline.map((b) => b.id)).size).toBe(83);
    // Open-ended plannings ("Vanaf 2022") have no end on the timeline.
    expect(model.timeline.find((b) => b.planning === 'Vanaf 2022')).toMatchObject({ start: '2022-01-01', end: null });
  });

  it('text export: no statuses, so the Okabe-Ito palette and no attention list', async () => {
    const { annex } = await extract2024Text();
    const model = buildReportModel(annex, { lang: 'en' });
    expect(model.hasStatuses).toBe(false);
    expect(model.colorsFromLegend).toBe(false);
    expect(model.statuses.map((s) => s.color)).toEqual(Object.values(OKABE_ITO));
    expect(model.attention).toEqual([]);
    expect(model.activities).toHaveLength(83);
  });

  it('--compare is a view of the diff: the same transitions, shifts and changes', async () => {
    const { annex } = await extract2024Pdf();
    const later = editedAnnex(annex);
    const diff = compareAnnexes(annex, later);
    const model = buildReportModel(later, { lang: 'nl', diff, older: annex });
    expect(model.compare!.transitions).toBe(diff.statusTransitions);
    expect(model.compare!.planningShifts.map((p) => [p.id, p.startQuarters, p.endQuarters])).toEqual([
      ['AL1-08', 0, 2],
      ['AL1-18', 2, 2],
      ['AL3-27', 0, 4],
    ]);
    expect(model.compare!.renamed).toEqual([{ oldId: 'AL3-08', newId: 'AL3-08', oldTitle: 'Invzetten op veilige sport', newTitle: 'Inzetten op veilige sport', similarity: 0.962 }]);
    const changes = diff.matched.reduce((n, m) => n + m.changes.length, 0);
    const shown = ['renamed', 'statusChanges', 'planningShifts', 'ownerChanges', 'explanationChanges', 'otherChanges'] as const;
    expect(shown.reduce((n, k) => n + model.compare![k].length, 0)).toBe(changes);
  });
});

describe('report page', () => {
  it('escapes every input text (element content and attributes)', async () => {
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
    expect(html`<p title="${'" onclick="x'}">${'<b>'}</p>`.value).toBe('<p title="&quot; onclick=&quot;x">&lt;b&gt;</p>');
    const { annex } = await extract2024Text();
    const hostile = structuredClone(annex);
    hostile.activities[0]!.title = '<script>alert(1)</script>';
    hostile.activities[0]!.owners.actors = [{ ...hostile.activities[0]!.owners.actors[0]!, canonical: '"><img src=x onerror=alert(2)>' }];
    const page = await buildReportHtml(hostile, { lang: 'nl', annexDate: '2024-03-18', version: 'test' });
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Vega's SVG escapes the axis labels too.
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('is self-contained: a CSP that allows no request, no external URL except plain officielebekendmakingen links', async () => {
    const { annex } = await extract2024Pdf();
    const page = await buildReportHtml(annex, { lang: 'nl', annexDate: '2024-03-18', version: 'test' });
    expect(page.replaceAll('&#39;', "'")).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-`);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/);
    expect(page).not.toMatch(/\bsrc=/);
    const urls = [...page.matchAll(/https?:\/\/[^"'\s<)]+/g)].map((m) => m[0]);
    const hosts = new Set(urls.map((u) => new URL(u).host));
    // The SVG namespace URIs are names, not requests; every other URL is an <a href> from a footnote.
    for (const host of hosts) expect(['www.w3.org', 'zoek.officielebekendmakingen.nl', ...annex.footnotes.flatMap((f) => f.links.flatMap((l) => (l.url ? [new URL(l.url).host] : [])))]).toContain(host);
    expect(hosts).toContain('zoek.officielebekendmakingen.nl');
    expect(Buffer.byteLength(page)).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('nap-annex report (command line)', { timeout: 120_000 }, () => {
  it('writes the page atomically with -o; --lang en; the summary on stderr as extract prints it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-report-'));
    const out = join(dir, 'sub', 'report.html');
    const run = await runCli(['report', TEXT_2024, '-o', out, '--lang', 'en', '--date', '2024-03-18']);
    expect(run.status).toBe(0);
    const extract = await runCli(['extract', TEXT_2024]);
    expect(run.stderr).toBe(`${extract.stderr}wrote ${out}\n`);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('This input carries no statuses');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['report.html']);
  });

  it('bad input: the same diagnostics and exit codes as extract, and no file (unreadable: 2, not an annex: 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-report-'));
    for (const [file, code] of [['truncated.pdf', 2], ['not-an-annex.pdf', 1]] as const) {
      const report = await runCli(['report', bad(file), '-o', join(dir, 'r.html')]);
      const extract = await runCli(['extract', bad(file), '-o', join(dir, 'x')]);
      expect([report.status, extract.status]).toEqual([code, code]);
      expect(report.stderr).toBe(extract.stderr);
      expect(existsSync(join(dir, 'r.html'))).toBe(false);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--force writes the page of an input with errors (exit 1, as extract); an unwritable target is exit 73 and leaves no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-report-'));
    const forced = await runCli(['report', bad('not-an-annex.pdf'), '-o', join(dir, 'r.html'), '--force', '-q']);
    expect(forced.status).toBe(1);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('NAP101');
    writeFileSync(join(dir, 'file'), 'x');
    const blocked = await runCli(['report', TEXT_2024, '-o', join(dir, 'file', 'r.html'), '-q']);
    expect(blocked.status).toBe(73);
    expect(blocked.stderr).toContain('or a folder above it is a file, not a folder. Nothing was written');
    expect(readdirSync(dir).sort()).toEqual(['file', 'r.html']);
  });

  it('--compare with annex.json files; an older input with errors stops the report like extract (exit 1, nothing written)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-report-'));
    const { annex } = await extract2024Pdf();
    writeFileSync(join(dir, 'old.json'), JSON.stringify(annex));
    writeFileSync(join(dir, 'new.json'), JSON.stringify(editedAnnex(annex)));
    const run = await runCli(['report', join(dir, 'new.json'), '--compare', join(dir, 'old.json'), '-q']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Statusovergangen');
    expect(run.stdout).toContain('begin +2 kwartalen, eind +2 kwartalen');
    const stopped = await runCli(['report', join(dir, 'new.json'), '--compare', bad('not-an-annex.pdf'), '-o', join(dir, 'r.html')]);
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toContain('error(s) in');
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
    expect((await runCli(['report', TEXT_2024, '--date', '2024-02-30'])).status).toBe(64);
  });
});

describe('one language, the edition\'s own time', () => {
  it('a Dutch page says everything in Dutch: diagnostics by their code, the diff\'s words, statuses by the page\'s labels; info diagnostics counted, listed with verbose', async () => {
    const { annex } = await extract2024Pdf();
    const later = structuredClone(annex);
    const target = later.activities.find((a) => a.footnotes.length === 0)!;
    target.footnotes = [later.footnotes[0]!.number];
    const diff = compareAnnexes(annex, later);
    const page = await buildReportHtml(later, { lang: 'nl', version: 'test', older: annex, diff });
    // NAP501 in Dutch, by its code, with the value it found; not the English sentence.
    expect(page).toContain('De titel van een actielijn wijkt af van de vaste NAP-titel.');
    expect(page).not.toContain('differs from the NAP title');
    expect(page).toContain('gevonden: Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke norme');
    // The diff's vocabulary: footnote counts in Dutch.
    expect(page).toContain('voetnoten: 0 voetnoten → 1 voetnoot');
    expect(page).not.toMatch(/\b\d+ footnotes?\b/);
    // Info diagnostics: counted, not listed; with verbose listed.
    const infos = annex.diagnostics.filter((d) => d.severity === 'info').length;
    expect(infos).toBeGreaterThan(0);
    expect(page).toContain(`${infos} info-meldingen niet getoond`);
    expect(page.match(/class="sev-info"/g)).toBeNull();
    const verbose = await buildReportHtml(later, { lang: 'nl', version: 'test', older: annex, diff, verbose: true });
    expect(verbose.match(/class="sev-info"/g)).toHaveLength(infos);
  });

  it('names files as given (an absolute path shows as its file name); the reference date is the edition\'s, none without one, never today', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-report-'));
    const { annex } = await extract2024Pdf();
    writeFileSync(join(dir, 'oud.json'), JSON.stringify(annex));
    const dated = structuredClone(annex);
    dated.source.edition = { ...dated.source.edition, date: '2025-03-20', dateFoundBy: 'option' };
    writeFileSync(join(dir, 'nieuw.json'), JSON.stringify(dated));
    const run = await runCli(['report', 'nieuw.json', '--compare', join(dir, 'oud.json'), '-q'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Bron: nieuw.json');
    expect(run.stdout).toContain('vergeleken met oud.json (83 activiteiten)');
    expect(run.stdout).not.toContain(dir);
    expect(run.stdout).toContain('peildatum (datum van deze editie): 20-03-2025');
    const undated = await runCli(['report', 'oud.json', '-q'], { cwd: dir });
    expect(undated.stdout).toContain('geen peildatum: de editie noemt geen datum (geef er een met --date)');
    expect(undated.stdout).not.toContain(new Date().toISOString().slice(0, 10).split('-').reverse().join('-'));
  });

  it('the time axis is the programme as planned (2021 to 2031 in the 2024 annex), open ends stop at the reference date, not at the axis end; full titles on hover', async () => {
    const { annex } = await extract2024Pdf();
    const model = buildReportModel(annex, { lang: 'nl', annexDate: '2024-03-18' });
    const domain = timelineDomain(model.timeline, model.annexDate);
    expect(domain).toEqual({ start: '2021-01-01', end: '2032-01-01' });
    const open = model.timeline.filter((b) => b.start !== null && b.end === null);
    expect(open.map((b) => b.planning)).toContain('Vanaf 2022');
    expect(openEndOf('2022-01-01', domain, '2024-03-18')).toBe('2024-03-18');
    expect(openEndOf('2024-07-01', domain, '2024-03-18')).toBe('2024-10-01');
    const page = await buildReportHtml(annex, { lang: 'nl', annexDate: '2024-03-18', version: 'test' });
    const long = annex.activities.find((a) => a.title.length > 80)!;
    expect(page).toContain(`<title>${escapeHtml(`${long.id} ${long.title}`)}</title>`);
  });
});
