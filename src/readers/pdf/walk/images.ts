/**
 * Operator handlers for images and other area paints: an image XObject (by pdfjs object id), an
 * inline image, or a stencil mask (painted in the fill colour, where its bits say) placed in the
 * unit square of the current matrix; and a shading (`sh`), which paints the whole clip.
 */
import { type Box, type Matrix, transformRect } from '../geometry.js';
import type { ImageData } from '../page-graphics.js';
import { OPS, stencilMask } from '../pdfjs-contract.js';
import { type Region, type StencilBits, invert } from '../regions.js';
import { DRAWING, NUMERIC } from '../settings.js';
import type { OpHandler, WalkState } from './state.js';

function unitBox(ctm: Matrix): Box {
  return transformRect(ctm, 0, 0, 1, 1);
}

/** The unit square of the current matrix as a region (an image's place), or a box when the matrix is singular. */
function unitRegion(w: WalkState, mask?: StencilBits | string): Region {
  const box = unitBox(w.gs.ctm);
  const inverse = invert(w.gs.ctm);
  if (inverse === null) return { kind: 'box', box };
  return { kind: 'quad', box, inverse, ...(typeof mask === 'string' ? { maskId: mask } : mask !== undefined ? { mask } : {}) };
}

/**
 * A stencil mask's bits as pdfjs passes them (pdfjs-contract.ts `stencilMask`): inline, or the
 * id of an object in `page.objs` that the reader fetches after the walk (document.ts).
 */
function maskBits(img: unknown): StencilBits | string | undefined {
  const m = stencilMask(img);
  return m === null ? undefined : m;
}

function paintMask(w: WalkState, args: unknown[] | null, fn: number): void {
  const gs = w.gs;
  if (gs.fill === null || gs.fillAlpha <= DRAWING.noPaintAlpha) return;
  const bits = fn === OPS.paintImageMaskXObject ? maskBits(args?.[0]) : undefined;
  const region = unitRegion(w, bits);
  // A mask whose bits are not known paints somewhere in its box: it is no cover.
  const cover = fn === OPS.paintSolidColorImageMask || bits !== undefined;
  w.pushImage({ box: region.box, maskColor: gs.fill, ...w.mark }, cover ? region : null, gs.fill);
}

/** `sh`: a shading painted over the whole clip (colours not known to the reader). */
function shadingFill(w: WalkState): void {
  const c = w.gs.clip;
  const box = c ?? { x0: -NUMERIC.unbounded, y0: -NUMERIC.unbounded, x1: NUMERIC.unbounded, y1: NUMERIC.unbounded };
  if (w.maskDepth > 0) w.addPaint({ kind: 'box', box }, null);
  else if (!w.ocOff && !w.isClippedAway(box)) w.addPaint({ kind: 'box', box }, null, undefined, w.order++);
}

/** The image and shading operators and their handlers. */
export const imageHandlers: [number, OpHandler][] = [
  [OPS.paintImageXObject, (w, args) => {
    const id = args?.[0];
    if (typeof id === 'string') w.pushImage({ box: unitBox(w.gs.ctm), objId: id, ...w.mark }, unitRegion(w));
  }],
  [OPS.paintInlineImageXObject, (w, args) => {
    const img = args?.[0] as ImageData | undefined;
    if (img && typeof img.width === 'number') w.pushImage({ box: unitBox(w.gs.ctm), inline: img, ...w.mark }, unitRegion(w));
  }],
  [OPS.paintImageMaskXObject, paintMask],
  [OPS.paintSolidColorImageMask, paintMask],
  [OPS.shadingFill, shadingFill],
];
