/**
 * Small geometry helpers for the PDF reader: 2-D affine matrices in PDF order
 * `[a, b, c, d, e, f]` (a point `(x, y)` maps to `(a·x + c·y + e, b·x + d·y + f)`) and
 * axis-aligned boxes in page coordinates (points, origin top-left, y down).
 */

export type Matrix = [number, number, number, number, number, number];

/** Axis-aligned box `{x0, y0, x1, y1}` with x0 ≤ x1 and y0 ≤ y1 (top-left origin). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The matrix that first applies `inner`, then `outer` (`outer ∘ inner`). */
export function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

export function applyX(m: Matrix, x: number, y: number): number {
  return m[0] * x + m[2] * y + m[4];
}

export function applyY(m: Matrix, x: number, y: number): number {
  return m[1] * x + m[3] * y + m[5];
}

/** The box covering the image of the rectangle `[x0, y0, x1, y1]` under `m`. */
export function transformRect(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  const xs = [applyX(m, x0, y0), applyX(m, x1, y0), applyX(m, x0, y1), applyX(m, x1, y1)];
  const ys = [applyY(m, x0, y0), applyY(m, x1, y0), applyY(m, x0, y1), applyY(m, x1, y1)];
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

export function width(b: Box): number {
  return b.x1 - b.x0;
}

export function height(b: Box): number {
  return b.y1 - b.y0;
}

export function union(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** Length of the overlap of the intervals [a0, a1] and [b0, b1] (0 when disjoint). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Rounds to 2 decimals, for stable locations in the page model. */
export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

export function toBBox(b: Box): readonly [number, number, number, number] {
  return [round2(b.x0), round2(b.y0), round2(b.x1), round2(b.y1)] as const;
}

/** True when every coordinate of the box is a finite number (a damaged matrix gives NaN or Infinity). */
export function isFiniteBox(b: Box): boolean {
  return Number.isFinite(b.x0) && Number.isFinite(b.y0) && Number.isFinite(b.x1) && Number.isFinite(b.y1);
}
