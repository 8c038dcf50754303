/**
 * Operator handlers for paths: `constructPath` (pdfjs folds a path's construction and its paint
 * operator into one op; pdfjs-contract.ts `pathArgs`) becomes a filled or stroked shape with its
 * box and colour, thin ones rulings; a clipping path narrows the clip to its box.
 */
import { type Box, type Matrix, applyX, applyY, isFiniteBox, overlap, transformRect, union } from '../geometry.js';
import type { MarkedContent, PageGraphics } from '../page-graphics.js';
import { DRAW_OP_COORDS, DrawOp, EVEN_ODD_OPS, FILL_OPS, OPS, type PathArgs, STROKE_OPS, pathArgs } from '../pdfjs-contract.js';
import { type Region, flattenPath, polysBox, strokeSegmentsOf } from '../regions.js';
import { DRAWING } from '../settings.js';
import type { GState, OpHandler, WalkState } from './state.js';

function constructPath(w: WalkState, args: unknown[] | null): void {
  if (args) {
    const path = pathArgs(args);
    const paints = path.paintOp !== null && path.paintOp !== OPS.endPath;
    if (w.maskDepth > 0) {
      // a soft mask's shape: not drawn, but it makes the mask
      if (paints) addPathPaints(w, path, w.order);
    } else if (w.ocOff || w.isClippedAway(w.pathBox(path.minMax))) {
      if (paints) w.out.hiddenMarks++;
    } else if (w.annotationDepth > 0) {
      // An annotation's appearance covers what lies under it, but draws no table.
      if (paints) {
        w.out.hiddenMarks++;
        addPathPaints(w, path, w.order++);
      }
    } else {
      const order = w.order++;
      paintPath(path.paintOp, path.path, path.minMax, w.gs, w.out, w.mark, order, w.page);
      if (paints) addPathPaints(w, path, order);
    }
    // The clip a `W`/`W*` asks for takes effect after the path is painted: the paint itself is
    // not cut by it (ISO 32000-1 §8.5.4; pdfjs's canvas clips after the fill or stroke too).
    if (w.pendingClip) clipWithPath(w, path);
  }
  w.pendingClip = false;
}

/** `W n` (or `W f` … after its paint): the clip's box narrows to the path's box; a path that is not one rectangle also becomes a clip region. */
function clipWithPath(w: WalkState, path: PathArgs): void {
  w.clipTo(path.minMax);
  if (path.path === null || isOneRectangle(path.path, w.gs.ctm)) return;
  const flat = flattenPath(path.path, w.gs.ctm);
  // A path too large to test point by point clips by its box only.
  if (flat === null) return;
  const region: Region = { kind: 'path', box: polysBox(flat.polys), polys: flat.polys, evenOdd: w.pendingEvenOdd };
  w.gs.clips = [...(w.gs.clips ?? []), region];
}

/** The fill and stroke a path paints, for the visibility pass (region by shape; colour null for a pattern). */
function addPathPaints(w: WalkState, path: PathArgs, order: number): void {
  const gs = w.gs;
  const op = path.paintOp!;
  const buf = path.path;
  if (buf === null) return;
  const rect = isOneRectangle(buf, gs.ctm);
  const flat = flattenPath(buf, gs.ctm);
  if (flat === null || flat.polys.length === 0) return;
  if (FILL_OPS.has(op) && (gs.fill !== null || gs.fillPattern)) {
    const box = polysBox(flat.polys);
    const region: Region = rect ? { kind: 'box', box } : { kind: 'path', box, polys: flat.polys, evenOdd: EVEN_ODD_OPS.has(op) };
    w.addPaint(region, gs.fill, undefined, order);
  }
  if (STROKE_OPS.has(op) && (gs.stroke !== null || gs.strokePattern)) {
    const m = gs.ctm;
    const half = Math.max(gs.lineWidth * Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])), DRAWING.minStrokeWidth) / 2;
    const closed = flat.closed.map((c) => c || op === OPS.closeStroke || op === OPS.closeFillStroke || op === OPS.closeEOFillStroke);
    const region: Region = { kind: 'stroke', box: polysBox(flat.polys, half), segs: strokeSegmentsOf(flat.polys, closed), half };
    w.addPaint(region, gs.stroke, undefined, order, gs.strokeAlpha * gs.groupAlpha);
  }
}

/**
 * A painted path: a fill and/or a stroke shape (boxed, cut to the clip), and rulings. A fill of
 * several subpaths is read subpath by subpath where that is what is seen (fillParts).
 */
function paintPath(paintOp: number | null, buf: ArrayLike<number> | null, minMax: ArrayLike<number> | null, gs: GState, out: PageGraphics, mark: MarkedContent, order: number, page: Box | null): void {
  const isFill = paintOp !== null && FILL_OPS.has(paintOp);
  const isStroke = paintOp !== null && STROKE_OPS.has(paintOp);
  if (!isFill && !isStroke) return;
  if (minMax === null) return;
  const [mx0, my0, mx1, my1] = [minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!];
  if (!(mx1 >= mx0 && my1 >= my0)) return;
  const fillAlpha = gs.fillAlpha * gs.groupAlpha;
  if (isFill && gs.fill !== null && fillAlpha > DRAWING.noPaintAlpha) {
    const box = clipped(transformRect(gs.ctm, mx0, my0, mx1, my1), gs.clip);
    if (!isFiniteBox(box)) return;
    const rect = buf !== null && isOneRectangle(buf, gs.ctm);
    const parts = rect || buf === null ? null : fillParts(buf, gs, page);
    for (const part of parts ?? [{ box, rect }]) {
      const opaque = part.rect && fillAlpha >= DRAWING.opaqueAlpha && gs.blendNormal && !gs.softMask;
      out.shapes.push({ box: part.box, color: gs.fill, mode: 'fill', order, opaque, alpha: fillAlpha, multiply: gs.multiply, rect: part.rect, ...mark });
      const w = part.box.x1 - part.box.x0;
      const h = part.box.y1 - part.box.y0;
      if (h <= DRAWING.maxRulingThickness && w >= DRAWING.rulingMinAspect * Math.max(h, DRAWING.rulingMinThickness)) out.rulings.push({ box: part.box, orientation: 'h' });
      else if (w <= DRAWING.maxRulingThickness && h >= DRAWING.rulingMinAspect * Math.max(w, DRAWING.rulingMinThickness)) out.rulings.push({ box: part.box, orientation: 'v' });
    }
  }
  if (isStroke && gs.stroke !== null && gs.strokeAlpha * gs.groupAlpha > DRAWING.noPaintAlpha) {
    const lw = Math.max(gs.lineWidth, 0) / 2;
    const box = clipped(transformRect(gs.ctm, mx0 - lw, my0 - lw, mx1 + lw, my1 + lw), gs.clip);
    if (!isFiniteBox(box)) return;
    out.shapes.push({ box, color: gs.stroke, mode: 'stroke', order, opaque: false, alpha: gs.strokeAlpha * gs.groupAlpha, multiply: gs.multiply, rect: false, ...mark });
    if (buf !== null) strokeSegments(buf, gs, out);
  }
}

/** A box cut to the clip (a box the clip leaves nothing of keeps zero size at the clip's edge). */
function clipped(box: Box, clip: Box | null): Box {
  if (clip === null) return box;
  const x0 = Math.max(box.x0, clip.x0);
  const y0 = Math.max(box.y0, clip.y0);
  return { x0, y0, x1: Math.max(x0, Math.min(box.x1, clip.x1)), y1: Math.max(y0, Math.min(box.y1, clip.y1)) };
}

/**
 * What a fill of several subpaths paints, where one box for the whole path would misread it:
 * - subpaths wholly outside the page or the clip paint nothing and add nothing to the box (e.g. a
 *   rectangle left in the path by a clip whose `n` is missing: pdfjs and poppler then fill it
 *   with the next path, off the page);
 * - subpaths that are all axis-aligned rectangles, no two overlapping, are each a shape of its own
 *   (and a ruling where thin): a fill paints each of them whatever its rule, as if each were filled
 *   on its own (two cell borders in one `f`). Rectangles that overlap (a frame, a ring) stay one
 *   shape: the even-odd rule or their winding may leave a hole.
 * Null when the path is read as one box, as before: one subpath, more than
 * DRAWING.maxSplitSubpaths, or every subpath seen and not all disjoint rectangles.
 */
function fillParts(buf: ArrayLike<number>, gs: GState, page: Box | null): { box: Box; rect: boolean }[] | null {
  const subs = subpathsOf(buf, gs.ctm, DRAWING.maxSplitSubpaths);
  if (subs === null || subs.length < 2) return null;
  const view = intersect(gs.clip, page);
  const tol = DRAWING.clipTolerance;
  const seen = view === null ? subs : subs.filter((s) => !(s.box.x1 < view.x0 - tol || s.box.x0 > view.x1 + tol || s.box.y1 < view.y0 - tol || s.box.y0 > view.y1 + tol));
  if (seen.length === 0) return null;
  if (seen.every((s) => s.rect) && pairwiseApart(seen.map((s) => s.box))) return seen.map((s) => ({ box: clipped(s.box, gs.clip), rect: true }));
  if (seen.length === subs.length) return null;
  return [{ box: clipped(seen.map((s) => s.box).reduce(union), gs.clip), rect: false }];
}

/** The intersection of two boxes, either of which may be absent (null: no bound). */
function intersect(a: Box | null, b: Box | null): Box | null {
  if (a === null || b === null) return a ?? b;
  return { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
}

/** True when no two boxes overlap by more than DRAWING.rectangleEdgeTolerance both ways (touching is apart). Quadratic: for at most DRAWING.maxSplitSubpaths boxes. */
function pairwiseApart(boxes: readonly Box[]): boolean {
  const tol = DRAWING.rectangleEdgeTolerance;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (overlap(a.x0, a.x1, b.x0, b.x1) > tol && overlap(a.y0, a.y1, b.y0, b.y1) > tol) return false;
    }
  }
  return true;
}

/**
 * The subpaths of a path buffer (pdfjs DrawOp codes and coordinates, user space): each one's box
 * in page space (from its points and curve control points, which bound the curve) and whether it
 * is one axis-aligned rectangle (four corners, straight edges). Null past `max` subpaths or on an
 * unknown draw op. Linear in the buffer.
 */
function subpathsOf(buf: ArrayLike<number>, ctm: Matrix, max: number): { box: Box; rect: boolean }[] | null {
  const out: { box: Box; rect: boolean }[] = [];
  let xs: number[] = [];
  let ys: number[] = [];
  let curved = false;
  let [sx, sy] = [0, 0];
  const flush = (): void => {
    if (xs.length > 0) {
      const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
      out.push({ box, rect: !curved && isRectangle(xs, ys) });
    }
    xs = [];
    ys = [];
    curved = false;
  };
  const point = (x: number, y: number): void => {
    xs.push(applyX(ctm, x, y));
    ys.push(applyY(ctm, x, y));
  };
  for (let i = 0; i < buf.length; ) {
    const op = buf[i++];
    const n = DRAW_OP_COORDS[op!];
    if (n === undefined) return null;
    if (op === DrawOp.moveTo) {
      flush();
      [sx, sy] = [buf[i]!, buf[i + 1]!];
    } else if (xs.length === 0 && op !== DrawOp.closePath) point(sx, sy); // drawing on after a closePath starts at the subpath's start
    for (let k = 0; k < n; k += 2) point(buf[i + k]!, buf[i + k + 1]!);
    if (op === DrawOp.curveTo || op === DrawOp.quadraticCurveTo) curved = true;
    i += n;
    if (op === DrawOp.closePath) flush();
    if (out.length > max) return null;
  }
  flush();
  return out.length > max ? null : out;
}

/**
 * True when a path buffer (moveTo, lineTo, closePath with coordinates) is one axis-aligned
 * rectangle in page space: one moveTo, three or four lineTo, an optional closePath. A frame, a
 * ring or several border lines in one path are not.
 */
function isOneRectangle(buf: ArrayLike<number>, ctm: Matrix): boolean {
  if (buf.length > 20) return false;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < buf.length; ) {
    const op = buf[i++];
    if (op === DrawOp.moveTo || op === DrawOp.lineTo) {
      if (op === DrawOp.moveTo && xs.length > 0) return false;
      const px = buf[i++]!;
      const py = buf[i++]!;
      xs.push(applyX(ctm, px, py));
      ys.push(applyY(ctm, px, py));
    } else if (op === DrawOp.closePath) {
      if (i !== buf.length) return false;
    } else return false;
  }
  return isRectangle(xs, ys);
}

/** True when four (or five, the last closing) page-space points are the corners of an axis-aligned rectangle: every edge horizontal or vertical. */
function isRectangle(xs: readonly number[], ys: readonly number[]): boolean {
  if (xs.length < 4 || xs.length > 5) return false;
  for (let k = 0; k < 4; k++) {
    const a = k;
    const b = (k + 1) % 4;
    const dx = Math.abs(xs[a]! - xs[b]!);
    const dy = Math.abs(ys[a]! - ys[b]!);
    if (dx > DRAWING.rectangleEdgeTolerance && dy > DRAWING.rectangleEdgeTolerance) return false;
  }
  return true;
}

/** Axis-aligned straight segments of a stroked path become rulings. */
function strokeSegments(buf: ArrayLike<number>, gs: GState, out: PageGraphics): void {
  if (buf.length > DRAWING.strokeMaxRulingPath) return; // a chart or drawing, not table borders
  const m = gs.ctm;
  const half = Math.max(gs.lineWidth * Math.hypot(m[0], m[1]), DRAWING.strokeMinRulingWidth) / 2;
  const seg = (x0: number, y0: number, x1: number, y1: number): void => {
    const ax = applyX(m, x0, y0);
    const ay = applyY(m, x0, y0);
    const bx = applyX(m, x1, y1);
    const by = applyY(m, x1, y1);
    if (Math.abs(ay - by) < DRAWING.strokeStraightTolerance && Math.abs(ax - bx) > DRAWING.strokeMinLength) {
      const y = (ay + by) / 2;
      out.rulings.push({ box: { x0: Math.min(ax, bx), y0: y - half, x1: Math.max(ax, bx), y1: y + half }, orientation: 'h' });
    } else if (Math.abs(ax - bx) < DRAWING.strokeStraightTolerance && Math.abs(ay - by) > DRAWING.strokeMinLength) {
      const x = (ax + bx) / 2;
      out.rulings.push({ box: { x0: x - half, y0: Math.min(ay, by), x1: x + half, y1: Math.max(ay, by) }, orientation: 'v' });
    }
  };
  let [sx, sy, px, py] = [0, 0, 0, 0];
  for (let i = 0; i < buf.length; ) {
    const op = buf[i++];
    if (op === DrawOp.moveTo) {
      sx = px = buf[i++]!;
      sy = py = buf[i++]!;
    } else if (op === DrawOp.lineTo) {
      const x = buf[i++]!;
      const y = buf[i++]!;
      seg(px, py, x, y);
      px = x;
      py = y;
    } else if (op === DrawOp.curveTo) {
      px = buf[i + 4]!;
      py = buf[i + 5]!;
      i += 6;
    } else if (op === DrawOp.quadraticCurveTo) {
      px = buf[i + 2]!;
      py = buf[i + 3]!;
      i += 4;
    } else if (op === DrawOp.closePath) {
      seg(px, py, sx, sy);
      px = sx;
      py = sy;
    } else {
      return; // unknown op: stop rather than misread coordinates
    }
  }
}

/** The path operator and its handler. */
export const pathHandlers: [number, OpHandler][] = [[OPS.constructPath, constructPath]];
