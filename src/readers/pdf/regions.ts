/**
 * Painted and clipping regions of a page, as the visibility pass tests them point by point: a
 * box, a path (flattened to polygons, filled by the nonzero or even-odd rule), a stroke (its
 * segments and half the line width), or an image's quad (with a stencil mask's bits). Page
 * coordinates: PDF points, origin top-left, y down.
 */
import { type Box, type Matrix, applyX, applyY } from './geometry.js';
import { DrawOp } from './pdfjs-contract.js';
import { DRAWING, NUMERIC } from './settings.js';

/** Where a paint or a clip applies. `test` says whether a page point lies in it. */
export type Region =
  | { kind: 'box'; box: Box }
  | { kind: 'path'; box: Box; polys: Float64Array[]; evenOdd: boolean }
  | { kind: 'stroke'; box: Box; segs: Float64Array; half: number }
  | { kind: 'quad'; box: Box; inverse: Matrix; mask?: StencilBits; maskId?: string };

/** A stencil mask's bits: 1 bit per pixel, rows padded to bytes, row 0 at the top. */
export interface StencilBits {
  width: number;
  height: number;
  data: ArrayLike<number>;
  /** The mask paints where its bit is 1 (pdfjs has applied a /Decode [1 0]). */
  inverted: boolean;
}

/**
 * A path buffer (pdfjs DrawOp codes and coordinates, user space) as polylines in page space
 * (`[x, y, …]`; curves in DRAWING.curveSteps steps), each with whether a closePath ended it. Null past
 * DRAWING.maxRegionSegments.
 */
export function flattenPath(buf: ArrayLike<number>, ctm: Matrix): { polys: Float64Array[]; closed: boolean[] } | null {
  const polys: Float64Array[] = [];
  const closed: boolean[] = [];
  let cur: number[] = [];
  let segments = 0;
  let [px, py, sx, sy] = [0, 0, 0, 0];
  const point = (x: number, y: number): void => {
    cur.push(applyX(ctm, x, y), applyY(ctm, x, y));
    px = x;
    py = y;
    segments++;
  };
  const close = (isClosed = false): void => {
    if (cur.length >= 4) {
      polys.push(Float64Array.from(cur));
      closed.push(isClosed);
    }
    cur = [];
  };
  for (let i = 0; i < buf.length; ) {
    const op = buf[i++];
    if (op === DrawOp.moveTo) {
      close();
      sx = buf[i]!;
      sy = buf[i + 1]!;
      point(sx, sy);
      i += 2;
    } else if (op === DrawOp.lineTo) {
      point(buf[i]!, buf[i + 1]!);
      i += 2;
    } else if (op === DrawOp.curveTo || op === DrawOp.quadraticCurveTo) {
      const cubic = op === DrawOp.curveTo;
      const [x0, y0] = [px, py];
      const c = Array.from({ length: cubic ? 6 : 4 }, (_, k) => buf[i + k]!);
      i += c.length;
      for (let s = 1; s <= DRAWING.curveSteps; s++) {
        const t = s / DRAWING.curveSteps;
        const u = 1 - t;
        if (cubic) point(u * u * u * x0 + 3 * u * u * t * c[0]! + 3 * u * t * t * c[2]! + t * t * t * c[4]!, u * u * u * y0 + 3 * u * u * t * c[1]! + 3 * u * t * t * c[3]! + t * t * t * c[5]!);
        else point(u * u * x0 + 2 * u * t * c[0]! + t * t * c[2]!, u * u * y0 + 2 * u * t * c[1]! + t * t * c[3]!);
      }
    } else if (op === DrawOp.closePath) {
      close(true);
      px = sx;
      py = sy;
    } else return null;
    if (segments > DRAWING.maxRegionSegments) return null;
  }
  close();
  return { polys, closed };
}

/** The segments a stroke of these polylines paints, as `[x0, y0, x1, y1, …]` (a closed one back to its start). */
export function strokeSegmentsOf(polys: readonly Float64Array[], closed: readonly boolean[]): Float64Array {
  const out: number[] = [];
  polys.forEach((p, i) => {
    const end = closed[i] ? p.length : p.length - 2;
    for (let k = 0; k < end; k += 2) {
      const j = (k + 2) % p.length;
      out.push(p[k]!, p[k + 1]!, p[j]!, p[j + 1]!);
    }
  });
  return Float64Array.from(out);
}

/** The box of polylines (page space). */
export function polysBox(polys: readonly Float64Array[], grow = 0): Box {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polys) {
    for (let k = 0; k < p.length; k += 2) {
      x0 = Math.min(x0, p[k]!);
      x1 = Math.max(x1, p[k]!);
      y0 = Math.min(y0, p[k + 1]!);
      y1 = Math.max(y1, p[k + 1]!);
    }
  }
  return { x0: x0 - grow, y0: y0 - grow, x1: x1 + grow, y1: y1 + grow };
}

/** True when the page point (x, y) lies in the region. */
export function inRegion(r: Region, x: number, y: number): boolean {
  const b = r.box;
  if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) return false;
  if (r.kind === 'box') return true;
  if (r.kind === 'path') return inPolygons(r.polys, r.evenOdd, x, y);
  if (r.kind === 'stroke') return nearSegments(r.segs, r.half, x, y);
  const u = applyX(r.inverse, x, y);
  const v = applyY(r.inverse, x, y);
  if (u < 0 || u > 1 || v < 0 || v > 1) return false;
  const m = r.mask;
  // A mask whose bits were never fetched paints somewhere in its box: it covers no point for sure.
  if (m === undefined) return r.maskId === undefined;
  // Image space: row 0 at the top (v = 1), as PDF images are laid out.
  const col = Math.min(m.width - 1, Math.floor(u * m.width));
  const row = Math.min(m.height - 1, Math.floor((1 - v) * m.height));
  const rowBytes = (m.width + 7) >> 3;
  const bit = ((m.data[row * rowBytes + (col >> 3)] ?? 0) >> (7 - (col & 7))) & 1;
  // A stencil mask paints where its sample is 0 (Decode [0 1]); pdfjs passes `inverted` for [1 0].
  return (bit === 0) !== m.inverted;
}

/** Winding test of a point against polygons (nonzero or even-odd rule). */
function inPolygons(polys: readonly Float64Array[], evenOdd: boolean, x: number, y: number): boolean {
  let winding = 0;
  let crossings = 0;
  for (const p of polys) {
    const n = p.length;
    for (let k = 0; k < n; k += 2) {
      const x0 = p[k]!;
      const y0 = p[k + 1]!;
      const x1 = p[(k + 2) % n]!;
      const y1 = p[(k + 3) % n]!;
      if (y0 <= y) {
        if (y1 > y && cross(x0, y0, x1, y1, x, y) > 0) {
          winding++;
          crossings++;
        }
      } else if (y1 <= y && cross(x0, y0, x1, y1, x, y) < 0) {
        winding--;
        crossings++;
      }
    }
  }
  return evenOdd ? crossings % 2 === 1 : winding !== 0;
}

function cross(x0: number, y0: number, x1: number, y1: number, x: number, y: number): number {
  return (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0);
}

/** True when the point lies within `half` of a segment (round joins and caps). */
function nearSegments(segs: Float64Array, half: number, x: number, y: number): boolean {
  const h2 = half * half;
  for (let k = 0; k < segs.length; k += 4) {
    const [ax, ay, bx, by] = [segs[k]!, segs[k + 1]!, segs[k + 2]!, segs[k + 3]!];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
    const ex = ax + t * dx - x;
    const ey = ay + t * dy - y;
    if (ex * ex + ey * ey <= h2) return true;
  }
  return false;
}

/** The inverse of an affine matrix, or null when it is singular. */
export function invert(m: Matrix): Matrix | null {
  const det = m[0] * m[3] - m[1] * m[2];
  if (!(Math.abs(det) > NUMERIC.singularDeterminant)) return null;
  return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2] * m[5] - m[3] * m[4]) / det, (m[1] * m[4] - m[0] * m[5]) / det];
}
