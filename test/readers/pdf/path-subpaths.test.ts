/**
 * A filled path of several subpaths, read as it is seen (walk/paths.ts fillParts): disjoint
 * rectangles in one fill are shapes and rulings of their own (two cell borders filled by one `f`),
 * a subpath wholly off the page adds nothing to the shape's box (a rectangle left in the path by a
 * clip whose `n` is missing), and a clip takes effect after the paint of its own path (ISO 32000-1
 * §8.5.4). On the 2024 rendition: the dropped operators the PDF oracle campaign found reading other
 * data from a page that renders as the original now read the original's data (with row-starts.ts's
 * part of a ruling and merged-cells.ts's cell sides for the border segments).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/diagnostics/bag.js';
import type { PageModel } from '../../../src/model/page-model.js';
import { openPdf, readPageInput } from '../../../src/readers/pdf/document.js';
import type { PageGraphicsInput as PageGraphics } from '../../../src/readers/pdf/graphics.js';
import { mutate, operatorSpans, pageExcerpt } from '../../helpers/pdf-mutations.js';
import { readPdf } from '../../helpers/read-pdf.js';
import { buildPdf, circle } from './mini-pdf.js';

/** The page's graphics as the reading thread walks them (A4 landscape: page y = 595 − PDF y). */
async function graphicsOf(content: string): Promise<PageGraphics> {
  const task = openPdf(buildPdf([{ content }]));
  try {
    return (await readPageInput(await (await task.promise).getPage(1), 1)).graphics;
  } finally {
    await task.destroy();
  }
}

const round = (b: { x0: number; y0: number; x1: number; y1: number }): number[] => [b.x0, b.y0, b.x1, b.y1].map((v) => Math.round(v * 100) / 100);
const shapes = (g: PageGraphics): { box: number[]; rect: boolean }[] => g.shapes.map((s) => ({ box: round(s.box), rect: s.rect }));
const rulings = (g: PageGraphics): [string, number[]][] => g.rulings.map((r) => [r.orientation, round(r.box)]);

describe('a fill of several subpaths', () => {
  it('reads two disjoint rectangles in one fill (a row border and a cell border) as two shapes and two rulings, as two fills would be', async () => {
    const one = await graphicsOf('0 0 1 rg 100 300 200 1 re 299 250 1 50 re f');
    const two = await graphicsOf('0 0 1 rg 100 300 200 1 re f 299 250 1 50 re f');
    expect(shapes(one)).toEqual([
      { box: [100, 294, 300, 295], rect: true },
      { box: [299, 295, 300, 345], rect: true },
    ]);
    expect(rulings(one)).toEqual([
      ['h', [100, 294, 300, 295]],
      ['v', [299, 295, 300, 345]],
    ]);
    expect(shapes(two)).toEqual(shapes(one));
    expect(rulings(two)).toEqual(rulings(one));
  });

  it('keeps overlapping rectangles (a frame filled even-odd) one shape with one box, and no ruling', async () => {
    const g = await graphicsOf('0 0 1 rg 100 300 200 100 re 101 301 198 98 re f*');
    expect(shapes(g)).toEqual([{ box: [100, 195, 300, 295], rect: false }]);
    expect(rulings(g)).toEqual([]);
  });

  it('leaves out of the box a subpath wholly off the page: a circle filled together with a rectangle below the page', async () => {
    const g = await graphicsOf(`0 0 1 rg 1000 -500 20 20 re ${circle(420, 300, 5)} f`);
    expect(shapes(g)).toEqual([{ box: [415, 290, 425, 300], rect: false }]);
  });

  it('reads a status circle whose clip lost its `n` (the clip\'s rectangle then fills with the circle, off the page) as the circle', async () => {
    // As the 2024 rendition draws its marks: `re W* n q <scale> cm … f Q`, here without the `n`.
    const circleOps = `q 3.125 0 0 3.125 400 300 cm 0 0 1 rg 11 6 m ${circle(6, 6, 5).replace(/^[^m]*m /, '')} f Q`;
    const dropped = await graphicsOf(`q 400 300 37.5 37.5 re W* ${circleOps} Q`);
    const whole = await graphicsOf(`q 400 300 37.5 37.5 re W* n ${circleOps} Q`);
    expect(shapes(whole)).toEqual([{ box: [403.13, 260.63, 434.38, 291.88], rect: false }]);
    expect(shapes(dropped)).toEqual(shapes(whole));
  });

  it('clips after the paint of the clipping path itself: `W S` strokes its whole width', async () => {
    const g = await graphicsOf('q 0 0 1 RG 10 w 100 300 50 50 re W S 0 0 1 rg 90 290 5 5 re f Q');
    // The stroke reaches 5 pt outside its rectangle; the fill after it lies outside the new clip (hidden, no shape).
    expect(shapes(g)).toEqual([{ box: [95, 240, 155, 300], rect: false }]);
    expect(g.hiddenMarks).toBe(1);
  });
});

/** Rows, header, legend and notes of a page model: what a user takes away. */
function data(model: PageModel): unknown {
  return model.pages.map((p) => ({
    legend: p.legend.map((l) => [l.label, l.iconColor]),
    rows: p.tables.flatMap((t) => t.rows.map((r) => [r.cells, r.statusCue.kind, r.statusCue.kind === 'icon' ? r.statusCue.color : null])),
    footnotes: p.footnotes.map((f) => [f.number, f.text]),
  }));
}

async function read(bytes: Uint8Array): Promise<{ data: unknown; errors: string[] }> {
  const bag = new DiagnosticBag('excerpt.pdf', 'reader:pdf');
  const model = await readPdf(bytes, { diagnostics: bag });
  return { data: data(model), errors: bag.items.filter((d) => d.severity === 'error').map((d) => d.code) };
}

describe('the 2024 rendition, page 2, with one drawing operator dropped (the oracle campaign\'s cases that render as the original)', async () => {
  const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../fixtures/nap-2024/bijlage-1-rendition.pdf', import.meta.url))));
  const excerpt = await pageExcerpt(bytes, 2);
  const spans = operatorSpans(excerpt.content);
  const opText = (k: number): string => excerpt.content.slice(spans[k]![0], spans[k]![1]);
  /** The index of the operator after the one that reads `text` (`f` after its `re`), or of that one. */
  const at = (text: string, after = 0): number => spans.findIndex((_, k) => k >= after && opText(k - after) === text);
  const CASES = [
    { name: 'the `f` of one border segment (it fills with the next cell\'s border)', ops: ['0 871 200 1 re', '199 872 1 103 re', '261 872 1 103 re', '262 871 95 1 re', '262 974 95 1 re', '357 1101 115 1 re'].map((t) => at(t, 1)) },
    { name: 'one segment of the border under the goal row (the Activiteit or the Toelichting cell\'s)', ops: [at('0 804 200 1 re'), at('471 804 576 1 re')] },
    { name: 'the `n` after a status circle\'s clip', ops: [at('821.875 715.625 37.5 37.5 re', 2)] },
  ];

  it('finds each operator in the excerpt', () => {
    expect(CASES.flatMap((c) => c.ops.map(opText))).toEqual(['f', 'f', 'f', 'f', 'f', 'f', '0 804 200 1 re', '471 804 576 1 re', 'n']);
  });

  it.each(CASES)('$name: the same rows, status marks and notes as the unmutated page, no error', async ({ ops }) => {
    const original = await read(excerpt.pdf);
    expect(original.errors).toEqual([]);
    expect((original.data as { rows: unknown[] }[])[0]!.rows).toHaveLength(6);
    for (const op of ops) expect(await read(await mutate(excerpt, spans, { kind: 'drop', op }))).toEqual(original);
  });
});
