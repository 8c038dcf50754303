/**
 * The page input as it crosses threads (src/threads/page-wire.ts): text runs in columns, and back
 * as the same runs. The reads through page-reader threads (warm-threads, workers and every reader
 * test) check whole pages end to end; here the edge cases.
 */
import { describe, expect, it } from 'vitest';
import type { PageInput } from '../../src/readers/pdf/page-content.js';
import type { RunPaint } from '../../src/readers/pdf/page-graphics.js';
import { packPage, packRuns, unpackPage, unpackRuns } from '../../src/threads/page-wire.js';

const runs: RunPaint[] = [
  { box: { x0: 1, y0: 2, x1: 3, y1: 4 }, color: '#000000' },
  { box: { x0: -0, y0: Number.NaN, x1: Number.POSITIVE_INFINITY, y1: 5.000000000000001 }, color: 'pattern' },
];

const page = (r: RunPaint[]): PageInput =>
  ({ number: 3, size: { width: 595, height: 842 }, chunks: [], graphics: { shapes: [], rulings: [], glyphs: [], images: [], runs: r, hiddenRuns: [], hiddenMarks: 0, paints: [] }, imageColors: new Map(), structure: null }) as unknown as PageInput;

describe('text runs in columns', () => {
  it('come back as the same runs (-0, NaN and Infinity kept)', () => {
    const packed = packRuns(runs)!;
    expect(packed.boxes).toBeInstanceOf(Float64Array);
    const back = unpackRuns(structuredClone(packed));
    expect(back).toStrictEqual(runs);
    expect(Object.is(back[1]!.box.x0, -0)).toBe(true);
  });

  it('a page crosses with its runs in columns and comes back equal, its properties in their order; a page without runs too', () => {
    for (const input of [page(runs), page([])]) {
      const posted = structuredClone(packPage(input));
      expect(Array.isArray(posted.graphics.runs)).toBe(false);
      const back = unpackPage(posted);
      expect(back).toStrictEqual(input);
      expect(Object.keys(back.graphics)).toEqual(Object.keys(input.graphics));
    }
  });

  it('a run that is not exactly a plain box and a colour: the page crosses as it is', () => {
    for (const odd of [{ ...runs[0]!, text: 'x' }, { ...runs[0]!, box: { ...runs[0]!.box, extra: 1 } }, { box: runs[0]!.box, color: 1 }] as unknown as RunPaint[]) {
      expect(packRuns([odd])).toBeNull();
      const input = page([odd]);
      expect(packPage(input)).toBe(input);
      expect(unpackPage(structuredClone(input))).toStrictEqual(input);
    }
  });
});
