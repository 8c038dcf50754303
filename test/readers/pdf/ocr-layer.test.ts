/** The OCR text layer of a scanned page (ocr-layer.ts): read as text only over a page image, only on a page without visible text. */
import { describe, expect, it } from 'vitest';
import { keepOcrTextLayer } from '../../../src/readers/pdf/ocr-layer.js';
import type { HiddenRun, PageGraphics, TextRun } from '../../../src/readers/pdf/page-graphics.js';

const PAGE = { width: 595, height: 842 };
const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });
const run = (n: number, text: string, y: number): TextRun => ({ run: n, text, box: box(60, y - 8, 200, y), color: '#000000', order: n });
const hidden = (n: number, text: string, y: number, reason: HiddenRun['reason'] = 'render-mode'): HiddenRun => ({ run: n, text, box: box(60, y - 8, 200, y), reason });
const graphics = (runs: TextRun[], hiddenRuns: HiddenRun[], images: PageGraphics['images']): PageGraphics =>
  ({ shapes: [], rulings: [], glyphs: [], images, runs, hiddenRuns, hiddenMarks: 0, paints: [] }) as unknown as PageGraphics;
const scan = [{ box: box(0, 0, 595, 842), order: 0 }];

describe('the OCR text layer of a scanned page', () => {
  it('reads invisible text over a page image as the page text', () => {
    const g = graphics([run(1, 'Publiekscommunicatie', 100), run(2, 'Allen', 120)], [hidden(1, 'Publiekscommunicatie', 100), hidden(2, 'Allen', 120)], scan);
    expect(keepOcrTextLayer(g, PAGE)).toBe(2);
    expect(g.hiddenRuns).toEqual([]);
  });

  it('keeps text hidden for another reason, and invisible text beside no image', () => {
    const g = graphics([run(1, 'a', 100), run(2, 'b', 120)], [hidden(1, 'a', 100, 'clipped'), hidden(2, 'b', 120)], [{ box: box(0, 0, 595, 110), order: 0 }]);
    expect(keepOcrTextLayer(g, PAGE)).toBe(0);
    const onHalf = graphics([run(1, 'a', 100), run(2, 'b', 500)], [hidden(1, 'a', 100), hidden(2, 'b', 500)], [{ box: box(0, 0, 595, 430), order: 0 }]);
    expect(keepOcrTextLayer(onHalf, PAGE)).toBe(1);
    expect(onHalf.hiddenRuns.map((h) => h.text)).toEqual(['b']);
  });

  it('does not read invisible text on a page that shows text of its own (hidden text, not OCR)', () => {
    const g = graphics([run(1, 'Zichtbaar', 100), run(2, 'Verborgen', 120)], [hidden(2, 'Verborgen', 120)], scan);
    expect(keepOcrTextLayer(g, PAGE)).toBe(0);
    expect(g.hiddenRuns).toHaveLength(1);
  });
});
