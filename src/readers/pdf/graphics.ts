/**
 * Walks a pdfjs operator list once and collects what the layout stage needs from the drawing:
 * filled/stroked path boxes with their colour (status icons, cell backgrounds), ruling lines
 * (table borders), symbol glyphs with their fill colour (icons drawn as `●`, icon fonts) and
 * image placements (icons drawn as small images); and it places every glyph a `showText` draws
 * on the page and hands it to a GlyphChunker (glyph-chunks.ts), which builds the page's text
 * chunks, so the page's content is parsed once.
 *
 * The walk is a dispatch table from pdfjs operator codes to small handlers, one file per kind:
 * walk/graphics-state.ts (save/restore, groups, forms, matrix, clip, colours, `gs`, marked
 * content), walk/text.ts (text state and `showText`), walk/paths.ts (`constructPath`),
 * walk/images.ts; they share the walk's state (walk/state.ts). Operators without a handler
 * (shading fills, Type3 glyph metrics, …) change nothing the reader tracks. What pdfjs passes
 * with each operator is read through pdfjs-contract.ts.
 */
import type { Matrix } from './geometry.js';
import type { GlyphChunker } from './glyph-chunks.js';
import type { ContentIdOf, FontLookup, OptionalContentVisible, PageGraphics } from './page-graphics.js';
import type { OperatorList } from './pdfjs-contract.js';
import { graphicsStateHandlers } from './walk/graphics-state.js';
import { imageHandlers } from './walk/images.js';
import { pathHandlers } from './walk/paths.js';
import { type OpHandler, WalkState } from './walk/state.js';
import { textHandlers } from './walk/text.js';

export type {
  ContentIdOf,
  FontLookup,
  GlyphMark,
  HiddenReason,
  HiddenRun,
  ImageData,
  ImageMark,
  MarkedContent,
  OptionalContentVisible,
  PageGraphics,
  PageGraphicsInput,
  Ruling,
  RunPaint,
  Shape,
  TextRun,
} from './page-graphics.js';
export type { FontFacts } from './pdfjs-contract.js';
export { normaliseColor } from './walk/graphics-state.js';

/** Handlers by pdfjs operator code (OPS values are small integers). */
const HANDLERS: (OpHandler | undefined)[] = [];
for (const [op, handler] of [...graphicsStateHandlers, ...textHandlers, ...pathHandlers, ...imageHandlers]) {
  if (HANDLERS[op] !== undefined) throw new Error(`two handlers for pdfjs operator ${op}`);
  HANDLERS[op] = handler;
}

/**
 * Collects shapes, rulings, symbol glyphs and images from one page's operator list, and hands
 * its glyphs to `chunker`. `base` maps PDF user space to page coordinates (top-left origin), e.g.
 * the viewport transform; `fontOf` looks fonts up by pdfjs id; `contentIdOf` names marked
 * content as the structure tree does; `ocVisible` says whether optional content is on; `page` is
 * the page's size in PDF points (what `base` maps the page's box to), when known.
 */
export function walkOperatorList(
  opList: OperatorList,
  base: Matrix,
  fontOf: FontLookup,
  contentIdOf: ContentIdOf = (mcid) => `mc${mcid}`,
  ocVisible: OptionalContentVisible = () => true,
  chunker?: GlyphChunker,
  page?: { width: number; height: number },
): PageGraphics {
  const w = new WalkState(base, fontOf, contentIdOf, ocVisible, chunker, page ? { x0: 0, y0: 0, x1: page.width, y1: page.height } : null);
  const { fnArray, argsArray } = opList;
  const n = fnArray.length;
  for (let i = 0; i < n; i++) {
    const fn = fnArray[i]!;
    HANDLERS[fn]?.(w, argsArray[i] as unknown[] | null, fn);
  }
  w.out.unfinished = unfinished(w);
  return w.out;
}

/** What the content left open at its end (a truncated content stream leaves something open), and text operators outside a text object. */
function unfinished(w: WalkState): string[] {
  const open: string[] = [];
  if (w.closedByPdfjs > 0) open.push(`${w.closedByPdfjs} saved graphics state${w.closedByPdfjs === 1 ? '' : 's'} (q without Q)`);
  if (w.inText) open.push('a text object (BT without ET)');
  if (w.textOutside > 0) open.push(`${w.textOutside} text operator${w.textOutside === 1 ? '' : 's'} outside a text object (no BT)`);
  if (w.marks.length > 0) open.push(`${w.marks.length} marked-content sequence${w.marks.length === 1 ? '' : 's'} (BDC/BMC without EMC)`);
  return open;
}
