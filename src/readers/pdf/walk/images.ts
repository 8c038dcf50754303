/**
 * Operator handlers for images: an image XObject (by pdfjs object id), an inline image, or a
 * stencil mask (painted in the fill colour) placed in the unit square of the current matrix.
 */
import { type Box, type Matrix, transformRect } from '../geometry.js';
import type { ImageData } from '../page-graphics.js';
import { OPS } from '../pdfjs-contract.js';
import type { OpHandler } from './state.js';

function unitBox(ctm: Matrix): Box {
  return transformRect(ctm, 0, 0, 1, 1);
}

/** The image operators and their handlers. */
export const imageHandlers: [number, OpHandler][] = [
  [OPS.paintImageXObject, (w, args) => {
    const id = args?.[0];
    if (typeof id === 'string') w.pushImage({ box: unitBox(w.gs.ctm), objId: id, ...w.mark });
  }],
  [OPS.paintInlineImageXObject, (w, args) => {
    const img = args?.[0] as ImageData | undefined;
    if (img && typeof img.width === 'number') w.pushImage({ box: unitBox(w.gs.ctm), inline: img, ...w.mark });
  }],
  ...[OPS.paintImageMaskXObject, OPS.paintSolidColorImageMask].map((op): [number, OpHandler] => [op, (w) => {
    if (w.gs.fill !== null && w.gs.fillAlpha > 0.05) w.pushImage({ box: unitBox(w.gs.ctm), maskColor: w.gs.fill, ...w.mark });
  }]),
];
