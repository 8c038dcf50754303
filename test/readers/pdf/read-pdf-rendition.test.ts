import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/diagnostics/bag.js';
import type { BodyRow, Page, PageModel } from '../../../src/model/page-model.js';
import { nearestLegendEntry } from '../../../src/status/nearest-legend-entry.js';
import { readPdfCached } from '../../helpers/read-pdf.js';
import { flattenHtml, readExport } from './export-fixture.js';

const FIXTURE = new URL('../../../fixtures/nap-2024/bijlage-1-rendition.pdf', import.meta.url);
const EXPECTED = JSON.parse(
  readFileSync(new URL('../../../fixtures/nap-2024/bijlage-1-rendition.expected-statuses.json', import.meta.url), 'utf8'),
) as { seq: number; actielijn: number; title: string; status: string }[];
const LABELS = [
  'Afgerond',
  'In uitvoering',
  'Doorlopend gedurende uitvoering programma',
  'In uitvoering met vertraging',
  'Nog niet begonnen of afgebroken',
];

/** Activity rows: body rows that are not `Actielijn N`, goal sentences or page-continuations. */
function activityRows(model: PageModel): { page: Page; row: BodyRow }[] {
  const out: { page: Page; row: BodyRow }[] = [];
  for (const page of model.pages) {
    for (const t of page.tables) {
      for (const row of t.rows) {
        const { title = '', actionLine: _, ...others } = row.cells;
        const rest = Object.values(others);
        if (title === '' || /^Actielijn \d+$/.test(title)) continue;
        if (rest.every((c) => c === '') && row.statusCue.kind === 'none') continue;
        out.push({ page, row });
      }
    }
  }
  return out;
}

describe('readPdf on the 2024 rendition', () => {
  let model: PageModel;
  let bag: DiagnosticBag;
  let rows: { page: Page; row: BodyRow }[];
  const exported = readExport();

  beforeAll(async () => {
    bag = new DiagnosticBag('bijlage-1-rendition.pdf');
    // Pages from the tests' page cache (read by page-reader threads whenever the reader's code
    // changes); extract2024Pdf (helpers/fixtures.ts) reads this rendition through the threads in every run.
    model = await readPdfCached(new Uint8Array(readFileSync(FIXTURE)), { diagnostics: bag });
    rows = activityRows(model);
  });

  it('reads 17 pages without diagnostics', () => {
    expect(model.format).toBe('pdf');
    expect(model.pages.map((p) => p.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(bag.items).toEqual([]);
  });

  it('finds the legend on every page: the 5 labels with 5 distinct icon colours', () => {
    for (const page of model.pages) {
      expect(page.legend.map((e) => e.label)).toEqual(LABELS);
      const colors = page.legend.map((e) => e.iconColor);
      expect(colors.every((c) => c !== null && /^#[0-9a-f]{6}$/.test(c))).toBe(true);
      expect(new Set(colors).size).toBe(5);
      for (const e of page.legend) expect(e.location.page).toBe(page.number);
    }
  });

  it('reads the header row of every table block (two blocks on pages 6 and 13)', () => {
    const blocks = model.pages.map((p) => p.tables.length);
    expect(blocks).toEqual([1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1]);
    const headers = model.pages.flatMap((p) => p.tables.map((t) => ({ page: p.number, cells: t.header?.cells })));
    for (const h of headers) {
      const actielijn4 = (h.page === 13 && h === headers.filter((x) => x.page === 13)[1]) || h.page === 14;
      expect(h.cells).toEqual(['Activiteit', 'Status', actielijn4 ? 'Oorspronkelijke planning' : 'Wanneer', 'Wie', 'Toelichting']);
    }
  });

  it('keeps Actielijn and goal rows as body rows, and every row has the 5 printed cells', () => {
    const titles = model.pages.flatMap((p) => p.tables.flatMap((t) => t.rows.map((r) => r.cells.title)));
    expect(titles.filter((t) => /^Actielijn \d$/.test(t ?? '')).length).toBe(19);
    expect(titles).toContain('Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke norme');
    for (const p of model.pages) for (const t of p.tables) for (const r of t.rows) expect(Object.keys(r.cells).sort()).toEqual(['explanation', 'owners', 'planning', 'status', 'title']);
  });

  it('yields the 83 activity titles in document order', () => {
    expect(rows.map((r) => r.row.cells.title)).toEqual(EXPECTED.map((e) => e.title));
  });

  it('maps every activity icon to the expected status with the pipeline\'s colour matching (83/83)', () => {
    const got = rows.map(({ page, row }) => {
      expect(row.statusCue).toMatchObject({ kind: 'icon', shape: 'vector' });
      return row.statusCue.kind === 'icon' ? (nearestLegendEntry(row.statusCue.color, page.legend)?.entry.label ?? null) : null;
    });
    expect(got).toEqual(EXPECTED.map((e) => e.status));
  });

  it('reads Wanneer, Wie and Toelichting as the text export prints them (83 rows)', () => {
    expect(exported.activities).toHaveLength(83);
    rows.forEach(({ row }, i) => {
      const e = exported.activities[i]!;
      expect(row.cells.planning, `row ${i + 1} Wanneer`).toBe(e.wanneer);
      expect(row.cells.owners, `row ${i + 1} Wie`).toBe(e.wie);
      expect(row.cells.explanation!.replace(/\s+/g, ' '), `row ${i + 1} Toelichting`).toBe(flattenHtml(e.toelichting));
    });
  });

  it('joins a line-break hyphen the way the export prints it and marks paragraphs/bullets with \\n', () => {
    const byTitle = new Map(rows.map((r) => [r.row.cells.title, r.row]));
    expect(byTitle.get('Verkenning AI en lhbtqi+ emancipatie')!.cells.explanation).toContain('lhbtqi+-emancipatie');
    const rijk = byTitle.get('Rijksoverheid als werkgever')!.cells.explanation!.split('\n');
    expect(rijk).toHaveLength(7);
    expect(rijk.slice(1).every((l) => l.startsWith('• '))).toBe(true);
    expect(byTitle.get('Innovatie challenge voor startups nr. 2: Tool om online discriminatie te voorkomen')!.cells.explanation).toMatch(
      /kan helpen\.\nDe startup Tilt/,
    );
  });

  it('turns raised small numbers into superscript markers, glued or after a space as printed', () => {
    const dans = rows.find((r) => r.row.cells.title === 'Aanpak grensoverschrijdend gedrag in de danssector')!.row.cells.explanation;
    expect(dans).toContain('mei 2023.¹⁴ Op 15 juni');
    expect(dans).toContain('beleidsreactie¹⁵ naar');
    const monitor = rows.find((r) => r.row.cells.title === 'Publieksmonitor')!.row.cells.explanation;
    expect(monitor).toContain('grensoverschrijdend gedrag . ¹ De');
    const markers = rows.flatMap((r) => r.row.cells.explanation!.match(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g) ?? []);
    expect(markers.length).toBeGreaterThanOrEqual(25);
  });

  it('reads footnote definitions 1..25 with the export texts, each on the page citing it', () => {
    const notes = model.pages.flatMap((p) => p.footnotes.map((f) => ({ ...f, page: p.number })));
    expect(notes.map((f) => f.number)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    for (const f of notes) expect(f.text, `footnote ${f.number}`).toBe(exported.footnotes.get(f.number));
    expect(notes[9]!.text).toBe(
      'Kamerstukken II 2023/24, 28345, nr. 269. Regioplan (2023) Digitale dimensie van geweld tegen vrouwen, Opvolging Algemene Aanbeveling nr. 1 GREVIO.',
    );
    for (const f of notes) expect(f.location.page).toBe(f.page);
  });

  it('puts the title lines in loose text and gives rows page locations with boxes on the page', () => {
    expect(model.pages[0]!.looseText.map((l) => l.text)).toEqual([
      'Bijlage 1.',
      'Voortgang activiteiten Nationaal Actieprogramma Aanpak seksueel grensoverschrijdend gedrag en seksueel geweld (NAP)',
    ]);
    for (const p of model.pages.slice(1)) expect(p.looseText).toEqual([]);
    for (const { page, row } of rows) {
      expect(row.location.page).toBe(page.number);
      const [x0, y0, x1, y1] = row.location.bbox!;
      expect(0 <= x0 && x0 < x1 && x1 <= 842 && 0 <= y0 && y0 < y1 && y1 <= 595).toBe(true);
    }
    // Rows on a page go down the page.
    const ys = model.pages[0]!.tables[0]!.rows.map((r) => r.location.bbox![1]);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });
});
