/**
 * The page input as it crosses threads (src/threads/page-wire.ts): text runs, shapes and rulings in
 * columns, and back as the same objects, their properties in the same order. The reads through page-reader threads (warm-threads, workers and every reader
 * test) check whole pages end to end; here the edge cases.
 */
import { describe, expect, it } from 'vitest';
import type { PageInput } from '../../src/readers/pdf/page-content.js';
import type { Ruling, RunPaint, Shape } from '../../src/readers/pdf/page-graphics.js';
import { packPage, packRulings, packRuns, packShapes, unpackPage, unpackRulings, unpackRuns, unpackShapes } from '../../src/threads/page-wire.js';

const runs: RunPaint[] = [
  { box: { x0: 1, y0: 2, x1: 3, y1: 4 }, color: '#000000' },
  { box: { x0: -0, y0: Number.NaN, x1: Number.POSITIVE_INFINITY, y1: 5.000000000000001 }, color: 'pattern' },
];

/** Shapes as the walk writes them (walk/paths.ts): without marked content, with a content id, an artifact, both. */
const shapes: Shape[] = [
  { box: { x0: 28.5, y0: 66, x1: 813.7, y1: 81 }, color: '#f3f6fa', mode: 'fill', order: 1, opaque: true, alpha: 1, multiply: false, rect: true },
  { box: { x0: -0, y0: 66, x1: 813.7, y1: Number.NaN }, color: '#c7d2df', mode: 'stroke', order: 2, opaque: false, alpha: 0.5, multiply: true, rect: false, contentId: 'p3R_mc0' },
  { box: { x0: 1, y0: 2, x1: 3, y1: 4 }, color: '#000000', mode: 'fill', order: 7, opaque: false, alpha: 1, multiply: false, rect: true, artifact: true },
  { box: { x0: 1, y0: 2, x1: 3, y1: 4 }, color: '#000000', mode: 'fill', order: 8, opaque: true, alpha: 1, multiply: false, rect: false, contentId: 'p3R_mc1', artifact: true },
];

const rulings: Ruling[] = [
  { box: { x0: 28.9, y0: 66, x1: 813.4, y1: 66.75 }, orientation: 'h' },
  { box: { x0: 813, y0: 66.4, x1: 813.75, y1: -0 }, orientation: 'v' },
];

const page = (r: RunPaint[], s: Shape[] = shapes, l: Ruling[] = rulings): PageInput =>
  ({ number: 3, size: { width: 595, height: 842 }, chunks: [], graphics: { shapes: s, rulings: l, glyphs: [], images: [], runs: r, hiddenRuns: [], hiddenMarks: 0, paints: [] }, imageColors: new Map(), structure: null }) as unknown as PageInput;

/** The object's own property names, and those of every object in it, in order. */
const keyOrder = (v: unknown): unknown => (Array.isArray(v) ? v.map(keyOrder) : v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && !(v instanceof Map) ? Object.entries(v).map(([k, x]) => [k, keyOrder(x)]) : null);

describe('text runs in columns', () => {
  it('come back as the same runs (-0, NaN and Infinity kept)', () => {
    const packed = packRuns(runs)!;
    expect(packed.boxes).toBeInstanceOf(Float64Array);
    const back = unpackRuns(structuredClone(packed));
    expect(back).toStrictEqual(runs);
    expect(Object.is(back[1]!.box.x0, -0)).toBe(true);
  });

  it('a page crosses with its runs, shapes and rulings in columns and comes back equal, its properties in their order; a page without any too', () => {
    for (const input of [page(runs), page([], [], [])]) {
      const posted = structuredClone(packPage(input));
      expect(Array.isArray(posted.graphics.runs)).toBe(false);
      expect(Array.isArray(posted.graphics.shapes)).toBe(false);
      expect(Array.isArray(posted.graphics.rulings)).toBe(false);
      const back = unpackPage(posted);
      expect(back).toStrictEqual(input);
      expect(keyOrder(back)).toStrictEqual(keyOrder(input));
    }
  });

  it('a run that is not exactly a plain box and a colour: the runs cross as they are', () => {
    for (const odd of [{ ...runs[0]!, text: 'x' }, { ...runs[0]!, box: { ...runs[0]!.box, extra: 1 } }, { box: runs[0]!.box, color: 1 }] as unknown as RunPaint[]) {
      expect(packRuns([odd])).toBeNull();
      const input = page([odd]);
      const posted = structuredClone(packPage(input));
      expect(posted.graphics.runs).toStrictEqual([odd]);
      expect(unpackPage(posted)).toStrictEqual(input);
    }
  });
});

describe('shapes and rulings in columns', () => {
  it('come back as the same shapes and rulings, marked content, -0 and NaN kept, properties in the walk order', () => {
    const backShapes = unpackShapes(structuredClone(packShapes(shapes)!));
    expect(backShapes).toStrictEqual(shapes);
    expect(keyOrder(backShapes)).toStrictEqual(keyOrder(shapes));
    expect(Object.is(backShapes[1]!.box.x0, -0)).toBe(true);
    const backRulings = unpackRulings(structuredClone(packRulings(rulings)!));
    expect(backRulings).toStrictEqual(rulings);
    expect(Object.is(backRulings[1]!.box.y1, -0)).toBe(true);
  });

  it('a shape or ruling not of the form the walk writes: that list crosses as it is', () => {
    const s = shapes[0]!;
    const oddShapes = [
      { ...s, extra: 1 },
      { color: s.color, box: s.box, mode: s.mode, order: s.order, opaque: s.opaque, alpha: s.alpha, multiply: s.multiply, rect: s.rect },
      { ...s, mode: 'both' },
      { ...s, artifact: false },
      { ...s, artifact: true, contentId: 'x' },
      { ...s, contentId: 3 },
      { ...s, alpha: '1' },
    ] as unknown as Shape[];
    for (const odd of oddShapes) {
      expect(packShapes([shapes[1]!, odd])).toBeNull();
      const input = page(runs, [odd]);
      const posted = structuredClone(packPage(input));
      expect(posted.graphics.shapes).toStrictEqual([odd]);
      expect(Array.isArray(posted.graphics.rulings)).toBe(false);
      expect(unpackPage(posted)).toStrictEqual(input);
    }
    for (const odd of [{ ...rulings[0]!, orientation: 'x' }, { orientation: 'h', box: rulings[0]!.box }, { ...rulings[0]!, order: 1 }] as unknown as Ruling[]) {
      expect(packRulings([odd])).toBeNull();
      const input = page(runs, shapes, [odd]);
      const posted = structuredClone(packPage(input));
      expect(posted.graphics.rulings).toStrictEqual([odd]);
      expect(unpackPage(posted)).toStrictEqual(input);
    }
  });
});
