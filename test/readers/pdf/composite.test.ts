/**
 * Compositing at a point (src/readers/pdf/composite.ts) and the regions it tests
 * (src/readers/pdf/regions.ts): blend modes by PDF 32000-1 §11.3.5, soft masks, unknown colours
 * as symbols, and point tests against paths (nonzero and even-odd), strokes, quads and masks.
 */
import { describe, expect, it } from 'vitest';
import { Symbols, WHITE, applyPaint, blend, maskValue, sameShade } from '../../../src/readers/pdf/composite.js';
import type { Paint } from '../../../src/readers/pdf/page-graphics.js';
import { type Region, flattenPath, inRegion, invert, polysBox, strokeSegmentsOf } from '../../../src/readers/pdf/regions.js';

const IDENTITY = [1, 0, 0, 1, 0, 0] as [number, number, number, number, number, number];
const box = (x0: number, y0: number, x1: number, y1: number): Region => ({ kind: 'box', box: { x0, y0, x1, y1 } });
const paint = (region: Region, color: string | null, extra: Partial<Paint> = {}): Paint => ({ order: 0, region, color, alpha: 1, blend: 'source-over', mask: null, clip: null, clips: null, ...extra });

describe('blend modes (per channel, 0 … 255)', () => {
  it.each([
    ['multiply', [128, 128, 128], [255, 0, 128], [128, 0, 64]],
    ['screen', [128, 128, 128], [0, 0, 0], [128, 128, 128]],
    ['lighten', [100, 200, 50], [150, 100, 50], [150, 200, 50]],
    ['darken', [100, 200, 50], [150, 100, 50], [100, 100, 50]],
    ['difference', [200, 50, 0], [0, 0, 0], [200, 50, 0]],
    ['exclusion', [255, 0, 255], [255, 255, 0], [0, 255, 255]],
    ['hard-light', [255, 255, 255], [0, 0, 0], [0, 0, 0]],
    ['overlay', [0, 0, 0], [255, 255, 255], [0, 0, 0]],
    ['color-dodge', [0, 128, 255], [255, 0, 0], [0, 128, 255]],
    ['color-burn', [255, 128, 0], [0, 255, 255], [255, 128, 0]],
    ['soft-light', [0, 255, 64], [128, 128, 255], [0, 255, 128]],
  ] as [string, [number, number, number], [number, number, number], [number, number, number]][])('%s of %o over %o', (mode, b, s, want) => {
    expect(blend(mode, b, s)!.map((v) => Math.round(v))).toEqual(want);
  });

  it('a non-separable mode is not computed', () => {
    expect(blend('luminosity', WHITE, WHITE)).toBeNull();
  });
});

describe('applyPaint and sameShade', () => {
  const s = new Symbols();
  it('opaque normal paint replaces; alpha mixes; alpha 0 changes nothing', () => {
    expect(applyPaint(WHITE, '#000000', 1, 'source-over', 1, 'a', s)).toEqual([0, 0, 0]);
    expect(applyPaint(WHITE, '#000000', 0.5, 'source-over', 1, 'a', s)).toEqual([127.5, 127.5, 127.5]);
    expect(applyPaint(WHITE, '#000000', 0, 'source-over', 1, 'a', s)).toEqual(WHITE);
    expect(applyPaint(WHITE, '#000000', 1, 'source-over', 0, 'a', s)).toEqual(WHITE);
  });

  it('unknown colours are symbols: the same opaque picture over two shades makes them the same; a known and an unknown cannot be compared', () => {
    const pic1 = applyPaint(WHITE, null, 1, 'source-over', 1, 'pic', s);
    const pic2 = applyPaint([0, 0, 0], null, 1, 'source-over', 1, 'pic', s);
    expect(sameShade(pic1, pic2)).toBe(true);
    expect(sameShade(pic1, WHITE)).toBeNull();
    expect(sameShade(applyPaint(pic1, '#000000', 0.5, 'source-over', 1, 'x', s), applyPaint(pic1, '#000000', 0.5, 'source-over', 1, 'x', s))).toBe(true);
    expect(applyPaint(WHITE, '#000000', 1, 'hue', 1, 'h', s)).toMatch(/^\?/);
    expect(applyPaint(WHITE, '#000000', 1, 'source-over', null, 'u', s)).toMatch(/^\?/);
  });
});

describe('soft masks', () => {
  it('luminosity: the group over its backdrop (black by default); alpha: the group coverage', () => {
    const grey = paint(box(0, 0, 10, 10), '#808080');
    expect(maskValue({ subtype: 'Luminosity', backdrop: null, paints: [grey] }, 5, 5)).toBeCloseTo(128 / 255, 2);
    expect(maskValue({ subtype: 'Luminosity', backdrop: null, paints: [grey] }, 20, 20)).toBe(0);
    expect(maskValue({ subtype: 'Luminosity', backdrop: '#ffffff', paints: [] }, 20, 20)).toBe(1);
    expect(maskValue({ subtype: 'Alpha', backdrop: null, paints: [paint(box(0, 0, 10, 10), '#000000', { alpha: 0.5 })] }, 5, 5)).toBe(0.5);
    expect(maskValue({ subtype: 'Luminosity', backdrop: null, paints: [paint(box(0, 0, 10, 10), null)] }, 5, 5)).toBeNull();
  });
});

describe('regions', () => {
  // Two squares, the inner one inside the outer: a ring by even-odd, a full square by nonzero (same direction).
  const squares = [0, 0, 0, 1, 10, 0, 1, 10, 10, 1, 0, 10, 4, 0, 3, 3, 1, 7, 3, 1, 7, 7, 1, 3, 7, 4];
  const flat = flattenPath(squares, IDENTITY)!;
  it('a path by the nonzero and the even-odd rule', () => {
    const nonzero: Region = { kind: 'path', box: polysBox(flat.polys), polys: flat.polys, evenOdd: false };
    const evenOdd: Region = { ...nonzero, evenOdd: true };
    expect([inRegion(nonzero, 5, 5), inRegion(evenOdd, 5, 5), inRegion(evenOdd, 1, 1), inRegion(evenOdd, 11, 5)]).toEqual([true, false, true, false]);
  });

  it('curves are flattened; a stroke covers within half its width of its segments', () => {
    const curve = flattenPath([0, 0, 0, 2, 0, 10, 10, 10, 10, 0], IDENTITY)!;
    expect(curve.polys[0]!.length).toBe(2 + 2 * 8);
    const segs = strokeSegmentsOf(flat.polys, [true, true]);
    const stroke: Region = { kind: 'stroke', box: polysBox(flat.polys, 1), segs, half: 1 };
    expect([inRegion(stroke, 0.5, 5), inRegion(stroke, 5, 5), inRegion(stroke, 3.5, 5), inRegion(stroke, 5, 10.9)]).toEqual([true, false, true, true]);
  });

  it('a quad by its inverse matrix, a stencil mask by its bits (0 paints)', () => {
    const m = [20, 0, 0, 10, 100, 100] as typeof IDENTITY;
    const quad: Region = { kind: 'quad', box: { x0: 100, y0: 100, x1: 120, y1: 110 }, inverse: invert(m)! };
    expect([inRegion(quad, 110, 105), inRegion(quad, 121, 105)]).toEqual([true, false]);
    // 8 × 2 mask: top row paints its left half, bottom row nothing.
    const masked: Region = { ...quad, mask: { width: 8, height: 2, data: [0x0f, 0xff], inverted: false } };
    expect([inRegion(masked, 102, 109), inRegion(masked, 118, 109), inRegion(masked, 102, 101)]).toEqual([true, false, false]);
    expect(inRegion({ ...quad, maskId: 'mask_p0_1' }, 110, 105)).toBe(false);
    expect(invert([0, 0, 0, 0, 1, 1])).toBeNull();
  });

  it('a path too large to test point by point, or with an unknown draw operation, is not flattened', () => {
    expect(flattenPath([9, 1, 2], IDENTITY)).toBeNull();
    const big: number[] = [0, 0, 0];
    for (let i = 0; i < 5000; i++) big.push(1, i, i % 2);
    expect(flattenPath(big, IDENTITY)).toBeNull();
  });
});
