/**
 * Provenance in annex.json: where each activity's values and each footnote were printed (PDF
 * input), carried from the page model through assembly (a row a page end broke keeps the boxes of
 * both parts) and normalisation; null for text and HTML input; one line per value in annex.json;
 * an annex.json written before provenance existed still loads.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { assembleRows } from '../src/assemble/rows.js';
import { annexJson, annexJsonPieces } from '../src/emit/json.js';
import { DiagnosticBag } from '../src/diagnostics/bag.js';
import { type BodyRow, type Page, type PageModel, keyedCells } from '../src/model/page-model.js';
import { PRINTED_COLUMN_KEYS } from '../src/model/vocabulary.js';
import { type SourceBox, annexSchema } from '../src/schema/annex.js';
import { extract2024Pdf, extract2024Text, extractFixture } from './helpers/fixtures.js';

const WINGDINGS = fileURLToPath(new URL('../fixtures/word-generated/wingdings-a4-landscape-calibri.pdf', import.meta.url));

/** True when box `inner` lies within `outer` (both [x0, y0, x1, y1]). */
const within = (inner: SourceBox, outer: SourceBox): boolean =>
  inner.page === outer.page && inner.bbox[0] >= outer.bbox[0] && inner.bbox[1] >= outer.bbox[1] && inner.bbox[2] <= outer.bbox[2] && inner.bbox[3] <= outer.bbox[3];

describe('provenance of the 2024 rendition', () => {
  it('AL1-01: the title, Wanneer, Wie, Toelichting and status cue lie within the row on page 1', async () => {
    const { annex } = await extract2024Pdf();
    const a = annex.activities.find((x) => x.id === 'AL1-01')!;
    expect(a.title).toBe('Publiekscommunicatie');
    const p = a.provenance!;
    expect(p.row).toHaveLength(1);
    expect(p.row[0]!.page).toBe(1);
    for (const key of ['title', 'status', 'planning', 'owners', 'explanation'] as const) {
      expect(p[key], key).toHaveLength(1);
      expect(within(p[key][0]!, p.row[0]!), key).toBe(true);
    }
    // The columns left to right: Activiteit, Status (the icon), Wanneer, Wie, Toelichting.
    const x0 = (['title', 'status', 'planning', 'owners', 'explanation'] as const).map((k) => p[k][0]!.bbox[0]);
    expect([...x0].sort((m, n) => m - n)).toEqual(x0);
    // The status icon is small and square (the rendition draws 7.5 pt discs).
    const [ix0, iy0, ix1, iy1] = p.status[0]!.bbox;
    expect(ix1 - ix0).toBeCloseTo(iy1 - iy0, 1);
    expect(ix1 - ix0).toBeLessThan(12);
  });

  it('gives every activity and footnote boxes on its pages, every cell within its row', async () => {
    const { annex } = await extract2024Pdf();
    expect(annex.activities).toHaveLength(83);
    let cells = 0;
    for (const a of annex.activities) {
      const p = a.provenance!;
      expect(p.row.map((r) => r.page), a.id).toEqual([a.location.page]);
      for (const key of ['title', 'status', 'planning', 'owners', 'explanation'] as const) {
        for (const box of p[key]) {
          expect(p.row.some((r) => within(box, r)), `${a.id} ${key}`).toBe(true);
          cells++;
        }
      }
    }
    // Every activity of the rendition has all five (its statuses are all icons): 83 × 5.
    expect(cells).toBe(415);
    expect(annex.footnotes).toHaveLength(25);
    for (const f of annex.footnotes) expect(f.provenance?.map((b) => b.page)).toEqual([f.location.page]);
    expect(annex.footnotes[0]!.provenance).toEqual([{ page: 1, bbox: [28.5, 473.75, 252.5, 482.15] }]);
  });
});

describe('a row broken by a page end (NAP108) keeps the boxes of both parts', () => {
  it('Word rendition, Wingdings icons: each joined activity has its row on two consecutive pages', async () => {
    const { annex } = await extractFixture(WINGDINGS);
    const joined = annex.diagnostics.filter((d) => d.code === 'NAP108').map((d) => d.row!);
    expect(joined.length).toBeGreaterThan(0);
    for (const id of joined) {
      const a = annex.activities.find((x) => x.id === id)!;
      const p = a.provenance!;
      const pages = p.row.map((r) => r.page);
      expect(pages, id).toEqual([a.location.page, a.location.page + 1]);
      // Every part of a cell lies within the row part on its page; the status cue is one icon.
      for (const key of ['title', 'planning', 'owners', 'explanation'] as const) {
        for (const box of p[key]) expect(p.row.some((r) => within(box, r)), `${id} ${key}`).toBe(true);
      }
      expect(p.status, id).toHaveLength(1);
      // What the page end broke: at least one cell has a part on each page.
      const split = (['title', 'planning', 'owners', 'explanation'] as const).filter((k) => new Set(p[k].map((b) => b.page)).size === 2);
      expect(split.length, id).toBeGreaterThan(0);
    }
  });

  it('assembly: the status box is the one of the part whose cue gives the status', () => {
    const HEADER = { cells: ['Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting'], keys: [...PRINTED_COLUMN_KEYS], location: { page: 1 } };
    const row = (page: number, cells: string[], y: number, cue: BodyRow['statusCue'], statusBox?: [number, number, number, number]): BodyRow => ({
      ...keyedCells(cells, null),
      statusCue: cue,
      ...(statusBox ? { statusBox } : {}),
      // As the reader gives them: a box for each cell with text.
      cellBoxes: { ...(cells[0] !== '' ? { title: [10, y, 90, y + 8] as const } : {}), explanation: [300, y, 500, y + 20], ...(cue.kind === 'text' ? { status: [100, y, 140, y + 8] as const } : {}) },
      location: { page, bbox: [10, y, 500, y + 20] },
    });
    const page = (number: number, rows: BodyRow[]): Page => ({ number, legend: [], tables: [{ header: HEADER, rows }], footnotes: [], looseText: [] });
    const assemble = (first: BodyRow, second: BodyRow) => {
      const model: PageModel = { format: 'pdf', pages: [page(1, [row(1, ['Actielijn 1', '', '', '', ''], 50, { kind: 'none' }), row(1, ['Doel', '', '', '', ''], 60, { kind: 'none' }), first]), page(2, [second])] };
      return assembleRows(model, new DiagnosticBag('a.pdf')).rows;
    };
    // The cue is in the part on the next page only: its box is the status box.
    const [late] = assemble(row(1, ['Titel', '', '2024', 'OCW', 'Begin'], 100, { kind: 'none' }), row(2, ['', '', '', '', 'vervolg'], 30, { kind: 'icon', color: '#ff0000', shape: 'vector' }, [110, 35, 118, 43]));
    expect(late!.sources!.status).toEqual([{ page: 2, bbox: [110, 35, 118, 43] }]);
    expect(late!.sources!.row.map((b) => b.page)).toEqual([1, 2]);
    expect(late!.sources!.title).toEqual([{ page: 1, bbox: [10, 100, 90, 108] }]); // the second part's Activiteit cell is empty
    expect(late!.sources!.explanation.map((b) => b.page)).toEqual([1, 2]);
    // A status in words broken by the page end: both parts of the words.
    const [words] = assemble(
      row(1, ['Titel', 'Doorlopend gedurende', '2024', 'OCW', 'Begin'], 100, { kind: 'text', text: 'Doorlopend gedurende' }),
      row(2, ['', 'uitvoering programma', '', '', 'vervolg'], 30, { kind: 'text', text: 'uitvoering programma' }),
    );
    expect(words!.statusCue).toEqual({ kind: 'text', text: 'Doorlopend gedurende uitvoering programma' });
    expect(words!.sources!.status).toEqual([{ page: 1, bbox: [100, 100, 140, 108] }, { page: 2, bbox: [100, 30, 140, 38] }]);
    // An icon in the first part: a second icon on the next page is not what gave the status.
    const [first] = assemble(
      row(1, ['Titel', '', '2024', 'OCW', 'Begin'], 100, { kind: 'icon', color: '#ff0000', shape: 'vector' }, [110, 102, 118, 110]),
      row(2, ['', '', '', '', 'vervolg'], 30, { kind: 'icon', color: '#ff0000', shape: 'vector' }, [110, 35, 118, 43]),
    );
    expect(first!.sources!.status).toEqual([{ page: 1, bbox: [110, 102, 118, 110] }]);
  });
});

describe('provenance of text input, and in annex.json', () => {
  it('is null for every activity and footnote of the text export (its location gives page and line)', async () => {
    const { annex } = await extract2024Text();
    expect(annex.activities.every((a) => a.provenance === null && a.location.line !== null)).toBe(true);
    expect(annex.footnotes.every((f) => f.provenance === null)).toBe(true);
  });

  it('annex.json writes each provenance on one line, and reads back as the same annex', async () => {
    const { annex } = await extract2024Pdf();
    const text = annexJson(annex);
    const lines = text.split('\n').filter((l) => l.trimStart().startsWith('"provenance": '));
    expect(lines).toHaveLength(83 + 25);
    for (const l of lines) expect(() => JSON.parse(`{${l.replace(/,$/, '')}}`) as unknown).not.toThrow();
    expect(JSON.parse(text)).toEqual(annex);
    // Everything else is pretty-printed as before: the location object spans lines.
    expect(text).toContain('"location": {\n        "page": 1,\n        "line": null\n      },\n      "provenance": {"row":[{"page":1,"bbox":[32.25,130.46,806.99,192.84]}],');
  });

  it('annex.json in pieces (extract to standard output) joins to exactly the text of annex.json: PDF, text export and HTML input, in one piece and in many', async () => {
    const annexes = [(await extract2024Pdf()).annex, (await extract2024Text()).annex, (await extractFixture(fileURLToPath(new URL('../fixtures/html-generated/bijlage-1-2024.html', import.meta.url)))).annex];
    const pdf = annexes[0]!;
    // An empty list and a property left out as JSON leaves it out.
    annexes.push({ ...pdf, footnotes: [], extra: undefined } as typeof pdf);
    for (const annex of annexes) {
      expect([...annexJsonPieces(annex)].join('')).toBe(annexJson(annex));
      // Pieces of 16 KiB: the PDF's annex (about 300 KB of JSON) in many, each element of an array whole.
      const pieces = [...annexJsonPieces(annex, 16_384)];
      expect(pieces.join('')).toBe(annexJson(annex));
      if (annex === pdf) expect(pieces.length).toBeGreaterThan(10);
    }
  });

  it('an annex.json without provenance (written before it existed) reads as provenance null', async () => {
    const { annex } = await extract2024Pdf();
    const old = JSON.parse(annexJson(annex)) as { activities: Record<string, unknown>[]; footnotes: Record<string, unknown>[] };
    for (const o of [...old.activities, ...old.footnotes]) delete o.provenance;
    const read = annexSchema.parse(old);
    expect(read.activities.every((a) => a.provenance === null)).toBe(true);
    expect(read.footnotes.every((f) => f.provenance === null)).toBe(true);
  });
});
