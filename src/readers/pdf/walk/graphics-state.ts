/**
 * Operator handlers for the graphics state: save and restore, transparency groups and form
 * XObjects (which also clip to their /BBox), the transformation matrix, clipping paths, colours,
 * line width and `gs` parameter dictionaries; and marked content (tags, artifacts, optional content).
 */
import { compose, transformRect } from '../geometry.js';
import { BLEND_DARKENING, BLEND_NORMAL, OPS, formArgs, gStateEntries, groupArgs, isClosingRestore, markedContentArgs } from '../pdfjs-contract.js';
import { type OpHandler, type WalkState, initialState, isMatrixLike, num, toMatrix } from './state.js';

/** A transparency group (also a soft mask's group, which pdfjs lists inline where the mask is set). */
function beginGroup(w: WalkState, args: unknown[] | null): void {
  w.save();
  const gs = w.gs;
  const group = groupArgs(args);
  // A soft mask's group is a mask, not drawing: nothing in it is seen.
  w.groups.push(group.isMask);
  if (group.isMask) {
    w.maskDepth++;
    w.maskBuilds.push({ subtype: group.maskSubtype, backdrop: group.maskBackdrop, paints: [] });
  }
  // A transparency group is composited with the alpha in force where it is painted.
  gs.groupAlpha *= gs.fillAlpha;
  gs.fillAlpha = 1;
  gs.strokeAlpha = 1;
  // The group's /BBox (in the form's space: its matrix follows in paintFormXObjectBegin) clips it.
  if (group.bbox !== null) {
    const m = group.matrix !== null ? compose(gs.ctm, toMatrix(group.matrix)) : gs.ctm;
    const b = group.bbox;
    w.clipToPageBox(transformRect(m, num(b[0]), num(b[1]), num(b[2]), num(b[3])));
  }
}

function endGroup(w: WalkState): void {
  if (w.groups.pop()) {
    w.maskDepth--;
    w.lastMask = w.maskBuilds.pop() ?? null;
  }
  w.restore();
}

function beginForm(w: WalkState, args: unknown[] | null): void {
  w.save();
  const { matrix, bbox } = formArgs(args);
  if (matrix !== null) w.gs.ctm = compose(w.gs.ctm, toMatrix(matrix));
  // The form's /BBox clips what it draws.
  if (bbox !== null) w.clipToBox(bbox);
}

function transform(w: WalkState, args: unknown[] | null): void {
  if (args && args.length >= 6) w.gs.ctm = compose(w.gs.ctm, toMatrix(args));
}

/** BMC/BDC: a new marked-content sequence; its content id (MCID) and artifact-ness go to what is drawn in it. */
function beginMarkedContent(w: WalkState, args: unknown[] | null, fn: number): void {
  const { tag, mcid, optionalContent } = markedContentArgs(fn, args);
  w.marks.push({ mark: w.mark, ocOff: w.ocOff });
  w.chunker?.end();
  if (optionalContent !== undefined && !w.ocVisible(optionalContent)) w.ocOff = true;
  const mark = w.mark;
  w.mark = {
    ...(mcid !== null ? { contentId: w.contentIdOf(mcid) } : mark.contentId !== undefined ? { contentId: mark.contentId } : {}),
    ...(tag === 'Artifact' || mark.artifact ? { artifact: true } : {}),
  };
}

function endMarkedContent(w: WalkState): void {
  w.chunker?.end();
  const outer = w.marks.pop();
  w.mark = outer?.mark ?? {};
  w.ocOff = outer?.ocOff ?? false;
}

/**
 * An annotation's appearance: `[id, rect, transform, matrix, hasOwnCanvas]` (pdfjs
 * src/core/annotation.js); drawn from the page's base state, clipped to `rect`, in the space
 * `transform × matrix` maps (as CanvasGraphics.beginAnnotation does).
 */
function beginAnnotation(w: WalkState, args: unknown[] | null): void {
  w.save();
  w.annotationDepth++;
  w.gs = initialState(w.base);
  const [, rect, t, m] = args ?? [];
  if (isMatrixLike(rect, 4)) w.clipToBox(rect);
  if (isMatrixLike(t)) w.gs.ctm = compose(w.gs.ctm, toMatrix(t));
  if (isMatrixLike(m)) w.gs.ctm = compose(w.gs.ctm, toMatrix(m));
}

/** `gs`: the entries of an ExtGState the walk tracks (alpha, line width, blend mode, soft mask, font). */
function setGState(w: WalkState, args: unknown[] | null): void {
  const gs = w.gs;
  for (const entry of gStateEntries(args)) {
    if (entry.key === 'ca') gs.fillAlpha = entry.value;
    else if (entry.key === 'CA') gs.strokeAlpha = entry.value;
    else if (entry.key === 'LW') gs.lineWidth = entry.value;
    else if (entry.key === 'BM') {
      gs.blendNormal = entry.value === BLEND_NORMAL;
      gs.multiply = BLEND_DARKENING.has(entry.value);
      gs.blend = entry.value === '' ? BLEND_NORMAL : entry.value;
    } else if (entry.key === 'SMask') {
      gs.softMask = entry.value;
      // pdfjs lists the mask's group just before the `gs` that sets it.
      gs.mask = entry.value ? w.lastMask : null;
    }
    else if (entry.key === 'Font') w.setFont(entry.value[0], entry.value[1]);
  }
}

/** `#RGB`/`#RRGGBB` in any case → lower-case `#rrggbb`; anything else is returned unchanged. */
export function normaliseColor(c: string): string {
  const s = c.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  if (/^#[0-9a-f]{3}$/.test(s)) return `#${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}`;
  return s;
}

/**
 * Colours arrive as `setFillRGBColor` / `setStrokeRGBColor` with a `#rrggbb` string (pdfjs's
 * worker converts every colour space); patterns and shadings as `setFillColorN`.
 */
const colorHandlers: [number, OpHandler][] = [
  [OPS.setFillRGBColor, (w, args) => {
    w.gs.fill = typeof args?.[0] === 'string' ? normaliseColor(args[0]) : null;
    w.gs.fillPattern = false;
  }],
  [OPS.setStrokeRGBColor, (w, args) => {
    w.gs.stroke = typeof args?.[0] === 'string' ? normaliseColor(args[0]) : null;
    w.gs.strokePattern = false;
  }],
  [OPS.setFillColorN, (w) => {
    w.gs.fill = null;
    w.gs.fillPattern = true;
  }],
  [OPS.setFillTransparent, (w) => {
    w.gs.fill = null;
    w.gs.fillPattern = false;
  }],
  [OPS.setStrokeColorN, (w) => {
    w.gs.stroke = null;
    w.gs.strokePattern = true;
  }],
  [OPS.setStrokeTransparent, (w) => {
    w.gs.stroke = null;
    w.gs.strokePattern = false;
  }],
];

/** The graphics-state and marked-content operators and their handlers. */
export const graphicsStateHandlers: [number, OpHandler][] = [
  [OPS.save, (w) => w.save()],
  [OPS.restore, (w, args) => {
    if (isClosingRestore(args)) w.closedByPdfjs++;
    w.restore();
  }],
  [OPS.beginGroup, beginGroup],
  [OPS.endGroup, endGroup],
  [OPS.paintFormXObjectBegin, beginForm],
  [OPS.paintFormXObjectEnd, (w) => w.restore()],
  [OPS.transform, transform],
  [OPS.beginMarkedContent, beginMarkedContent],
  [OPS.beginMarkedContentProps, beginMarkedContent],
  [OPS.endMarkedContent, endMarkedContent],
  [OPS.clip, (w) => {
    w.pendingClip = true;
    w.pendingEvenOdd = false;
  }],
  [OPS.eoClip, (w) => {
    w.pendingClip = true;
    w.pendingEvenOdd = true;
  }],
  // Annotation appearances (the reader asks pdfjs for them): drawn over the page, never its data.
  [OPS.beginAnnotation, beginAnnotation],
  [OPS.endAnnotation, (w) => {
    w.annotationDepth = Math.max(0, w.annotationDepth - 1);
    w.restore();
  }],
  [OPS.setLineWidth, (w, args) => void (w.gs.lineWidth = typeof args?.[0] === 'number' ? args[0] : w.gs.lineWidth)],
  [OPS.setGState, setGState],
  ...colorHandlers,
];
