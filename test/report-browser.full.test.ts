/**
 * `nap-annex report` in a real browser: Debian's chromium (/usr/bin/chromium) driven by
 * puppeteer-core, every request other than the page itself blocked and recorded. Reads the numbers
 * the page shows and compares them with the annex and with `compareAnnexes` (what `diff` prints).
 *
 * Full tier (`npm run test:all`): without /usr/bin/chromium these tests fail (apt-get install -y
 * chromium). NAP_UPDATE_SCREENSHOTS=1 writes the screenshots to docs/ (report-2024.png, report-compare.png); otherwise to a temporary folder.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAnnexes } from '../src/diff/compare-annexes.js';
import { buildReportHtml } from '../src/report/index.js';
import type { Annex } from '../src/schema/annex.js';
import { editedAnnex } from './helpers/edited-annex.js';
import { extract2024Pdf } from './helpers/fixtures.js';
import { requireProgram } from './helpers/programs.js';
import { runCli } from './helpers/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));

/** A page opened with all network access blocked: the requests it tried, console errors, load time. */
interface Opened {
  page: Page;
  blocked: string[];
  errors: string[];
  /** Navigation start to the end of the load event (the page's own Navigation Timing), ms. */
  loadMs: number;
}

describe('nap-annex report in chromium', () => {
  let browser: Browser;
  let dir: string;
  let annex: Annex;
  let later: Annex;
  const files = { pdf: '', compare: '', text: '' };

  beforeAll(async () => {
    requireProgram(CHROMIUM, ['--version'], 'chromium');
    dir = mkdtempSync(join(tmpdir(), 'nap-report-'));
    annex = (await extract2024Pdf()).annex;
    later = editedAnnex(annex);
    writeFileSync(join(dir, 'bijlage-1-2024.json'), JSON.stringify(annex));
    writeFileSync(join(dir, 'bijlage-1-2025-bewerkt.json'), JSON.stringify(later));
    files.pdf = join(dir, 'report-2024.html');
    files.compare = join(dir, 'report-compare.html');
    files.text = join(dir, 'report-text.html');
    // Paths as a user types them (they are shown on the page and in the screenshots).
    const runs: [string[], string, string | undefined][] = [
      [['fixtures/nap-2024/bijlage-1-rendition.pdf', '--date', '2024-03-18'], files.pdf, undefined],
      [['bijlage-1-2025-bewerkt.json', '--compare', 'bijlage-1-2024.json', '--date', '2025-03-18'], files.compare, dir],
      [['fixtures/nap-2024/bijlage-1.txt', '--date', '2024-03-18'], files.text, undefined],
    ];
    for (const [args, out, cwd] of runs) {
      const run = await runCli(['report', ...args, '-o', out, '-q'], cwd ? { cwd } : {});
      expect(run.status, run.stderr).toBe(0);
    }
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string): Promise<Opened> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 1400 });
    const url = pathToFileURL(file).href;
    const blocked: string[] = [];
    const errors: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === url) void request.continue();
      else {
        blocked.push(request.url());
        void request.abort();
      }
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') errors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${(error as Error).message}`));
    await page.goto(url, { waitUntil: 'load' });
    const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation' as never)[0] as unknown as { loadEventEnd: number }).loadEventEnd);
    return { page, blocked, errors, loadMs };
  }

  /** Screenshot of 1200 × 1400 pixels from the top of `selector` (default: the top of the page). */
  async function screenshot(page: Page, name: string, selector?: string): Promise<void> {
    const target = process.env.NAP_UPDATE_SCREENSHOTS === '1' ? join(DOCS, name) : join(dir, name);
    const y = selector ? await page.$eval(selector, (e) => Math.max(0, e.getBoundingClientRect().top + (globalThis as unknown as { scrollY: number }).scrollY - 16)) : 0;
    await page.screenshot({ path: target as `${string}.png`, clip: { x: 0, y, width: 1200, height: 1400 } });
    expect(statSync(target).size).toBeGreaterThan(10_000);
  }

  const visibleCount = (page: Page): Promise<number> => page.$$eval('#activity-table tbody.activity', (groups) => groups.filter((g) => !g.hasAttribute('hidden')).length);

  it('2024 PDF: no request, no console error, under 2 MB; the counts per action line are the annex\'s', async () => {
    const { page, blocked, errors, loadMs } = await open(files.pdf);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    const bytes = statSync(files.pdf).size;
    console.info(`report-2024.html: ${bytes} bytes, load event after ${loadMs.toFixed(0)} ms`);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);

    // The table of counts, and the chart's own marks (aria-labels written by vega), per action line and status.
    const table = await page.$$eval('#status-counts td[data-status]', (cells) =>
      cells.map((c) => `${c.closest('tr')!.getAttribute('data-action-line')} ${c.getAttribute('data-status')} ${c.textContent}`),
    );
    const expected = annex.actionLines.flatMap((l) =>
      ['completed', 'in_progress', 'ongoing', 'delayed', 'not_started_or_stopped'].map((code) => `${l.number} ${code} ${annex.activities.filter((a) => a.actionLine === l.number && a.status?.code === code).length}`),
    );
    expect(table).toEqual(expected);
    expect(table.filter((t) => t.startsWith('3 '))).toEqual(['3 completed 6', '3 in_progress 12', '3 ongoing 10', '3 delayed 1', '3 not_started_or_stopped 2']);
    const marks = await page.$$eval('#status-chart path[aria-label]', (paths) => paths.map((p) => p.getAttribute('aria-label')));
    expect(marks.filter((m) => m!.startsWith('Actielijn 3,'))).toEqual([
      'Actielijn 3, Afgerond: 6',
      'Actielijn 3, In uitvoering: 12',
      'Actielijn 3, Doorlopend gedurende uitvoering programma: 10',
      'Actielijn 3, In uitvoering met vertraging: 1',
      'Actielijn 3, Nog niet begonnen of afgebroken: 2',
    ]);
    // Every segment shows its count as text.
    const segmentTexts = await page.$$eval('#status-chart text', (texts) => texts.map((t) => t.textContent));
    for (const m of marks) expect(segmentTexts).toContain(m!.split(': ')[1]);

    // Timeline: one row per activity, 83 in all, each bar labelled with its planning.
    const rows = await page.$$eval('figure.timeline path[aria-label]', (paths) => [...new Set(paths.map((p) => p.getAttribute('aria-label')!.split(' ')[0]))]);
    expect(rows).toHaveLength(83);
    expect(rows).toEqual(annex.activities.map((a) => a.id));
    expect(await page.$eval('#timeline-count', (e) => e.textContent)).toBe('83');

    // Delayed and not started or stopped: the annex has 5 + 5.
    const attention = await page.$$eval('#attention tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-status')));
    expect(attention).toHaveLength(annex.activities.filter((a) => a.status?.code === 'delayed' || a.status?.code === 'not_started_or_stopped').length);

    // Diagnostics with their page.
    expect(await page.$eval('#diagnostics tr[data-code="NAP501"]', (tr) => tr.textContent)).toContain('pagina 6');
    await screenshot(page, 'report-2024.png');
    await page.close();
  });

  it('2024 PDF: 83 rows; filtering by status and owner, and searching a word of an explanation', async () => {
    const { page } = await open(files.pdf);
    expect(await visibleCount(page)).toBe(83);
    await page.select('#filter-status', 'completed');
    const completed = annex.activities.filter((a) => a.status?.code === 'completed').length;
    expect(completed).toBe(15);
    expect(await visibleCount(page)).toBe(completed);
    expect(await page.$eval('#filter-count', (e) => e.textContent)).toBe(String(completed));
    await page.select('#filter-status', '');
    await page.select('#filter-owner', 'VWS');
    expect(await visibleCount(page)).toBe(annex.activities.filter((a) => a.owners.actors.some((x) => x.canonical === 'VWS')).length);
    await page.select('#filter-owner', '');
    // "Verinorm" occurs only in the explanation of AL3-09 (not in its title).
    await page.type('#filter-search', 'verinorm');
    const shown = await page.$$eval('#activity-table tbody.activity', (groups) => groups.filter((g) => !g.hasAttribute('hidden')).map((g) => g.getAttribute('data-id')));
    expect(shown).toEqual(annex.activities.filter((a) => /verinorm/i.test(a.explanation.text)).map((a) => a.id));
    expect(shown).toEqual(['AL3-09']);
    expect(annex.activities.find((a) => a.id === 'AL3-09')!.title).not.toMatch(/verinorm/i);
    // The row opens to its explanation and its footnotes, with citations linked to officielebekendmakingen.
    await page.click('button[aria-controls="detail-AL3-09"]');
    const detail = await page.$eval('#detail-AL3-09', (tr) => ({ hidden: tr.hasAttribute('hidden'), text: tr.textContent, links: [...tr.querySelectorAll('a')].map((a) => a.getAttribute('href')) }));
    expect(detail.hidden).toBe(false);
    expect(detail.text).toContain('Verinorm bracht het onderzoek');
    const cited = annex.activities.find((a) => a.id === 'AL3-09')!.footnotes.flatMap((n) => annex.footnotes.find((f) => f.number === n)!.citations.map((c) => c.url));
    expect(cited.length).toBeGreaterThan(0);
    for (const url of cited) expect(detail.links).toContain(url);
    await page.close();
  });

  it('--compare: every change of the diff is on the page (added, removed, renamed, transitions, planning shift in quarters, owners, word diff)', async () => {
    const { page, blocked, errors } = await open(files.compare);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    const diff = compareAnnexes(annex, later);
    const counts = await page.$$eval('#compare-counts [data-count]', (spans) => Object.fromEntries(spans.map((s) => [s.getAttribute('data-count'), Number(s.textContent!.split(': ')[1])])));
    expect(counts).toEqual({ added: 1, removed: 1, renamed: 1, changed: diff.changedCount, unchanged: diff.matched.length - diff.changedCount });
    expect(await page.$eval('#compare li[data-id="AL5-13"]', (e) => e.textContent)).toContain('Evaluatie van het NAP');
    expect(await page.$eval('#removed + ul', (e) => e.textContent)).toContain('Podcast alles op tafel');
    // The transition matrix: every cell equals the diff's count.
    const cells = await page.$$eval('#transitions td', (tds) => tds.map((td) => `${td.getAttribute('data-from')}>${td.getAttribute('data-to')}=${td.textContent}`));
    expect(cells).toHaveLength(25);
    for (const t of diff.statusTransitions) expect(cells).toContain(`${t.from.code}>${t.to.code}=${t.count}`);
    expect(cells).toContain('in_progress>completed=2');
    expect(await page.$eval('#transition-list', (e) => e.textContent)).toContain('In uitvoering → Afgerond: 2');
    // Each field change is in its section, under the new id.
    const sections: Record<string, string> = { status: '#status-changes', planning: '#planning-shifts', owners: '#owner-changes', explanation: '.explanation-change', title: '#renamed + ul li', footnotes: '#other-changes', actionLine: '#other-changes' };
    for (const m of diff.matched) {
      for (const c of m.changes) {
        const selector = c.field === 'explanation' || c.field === 'title' ? `${sections[c.field]}[data-id="${m.newId}"]` : `${sections[c.field]} tr[data-id="${m.newId}"]`;
        expect(await page.$(selector), `${c.field} of ${m.newId}`).not.toBeNull();
      }
    }
    const shifts = await page.$$eval('#planning-shifts tr[data-id]', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent).join(' | ')));
    // AL1-19 of 2024 is AL1-18 in the edited annex (AL1-06 was removed).
    expect(shifts).toEqual([
      'AL1-08 | Project SAMEN | Q3 2022-Q3 2024 | Q3 2022-Q1 2025 | begin ±0 kwartalen, eind +2 kwartalen',
      'AL1-18 | Aanscherpen beroepscode zorg en welzijn | Q3-Q4 2023 | Q1-Q2 2024 | begin +2 kwartalen, eind +2 kwartalen',
      'AL3-27 | WODC-onderzoek Omgang met seksueel misbruik en aangiftebereidheid binnen religieuze gemeenschappen | 2024 | 2024-2025 | begin ±0 kwartalen, eind +4 kwartalen',
    ]);
    expect(await page.$eval('#owner-changes tr[data-id="AL1-04"] ins', (e) => e.textContent)).toBe('VWS');
    expect(await page.$eval('.explanation-change[data-id="AL1-04"] ins', (e) => e.textContent)).toContain('In 2025 volgt de derde publieksmonitor.');
    await screenshot(page, 'report-compare.png', '#compare');
    await page.close();
  });

  it('text export: says plainly that there are no statuses instead of drawing empty charts; timeline and table still there', async () => {
    const { page, blocked, errors } = await open(files.text);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.$eval('#no-statuses', (e) => e.textContent)).toContain('Deze invoer bevat geen statussen');
    expect(await page.$('#status-chart')).toBeNull();
    expect(await page.$('#filter-status')).toBeNull();
    expect(await page.$('#attention')).toBeNull();
    expect(await visibleCount(page)).toBe(83);
    expect(await page.$eval('#timeline-count', (e) => e.textContent)).toBe('83');
    await page.close();
  });

  it('input text is never markup: hostile titles and owners stay text, and still nothing is requested', async () => {
    const hostile = structuredClone(annex);
    hostile.activities[0]!.title = '<img src="https://example.invalid/x.png" onerror="console.error(1)">';
    hostile.activities[1]!.owners.text = '"><script>console.error(2)</script>';
    hostile.actionLines[0]!.title = '</style><link rel="stylesheet" href="https://example.invalid/a.css">';
    const file = join(dir, 'hostile.html');
    writeFileSync(file, await buildReportHtml(hostile, { lang: 'en', annexDate: '2024-03-18', version: 'test' }));
    const { page, blocked, errors } = await open(file);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.$eval('tbody.activity[data-id="AL1-01"] button', (e) => e.textContent)).toBe(hostile.activities[0]!.title);
    expect(readFileSync(file, 'utf8')).not.toContain('<img src="https://example.invalid');
    await page.close();
  });
});
