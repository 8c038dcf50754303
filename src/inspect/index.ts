/**
 * `nap-annex inspect`: see what the PDF reader saw. Reads a PDF into the page model (readPdf, pages
 * from the given page source) and makes one picture per chosen page: the page rendered by
 * pdfjs-dist with the canvas add-on, with the table's columns, the header row, each row (and what
 * started it), each cell, each status cue (the legend entry it matched and the colour distance),
 * the legend entries, page furniture, note definitions and note markers drawn over it and named in
 * a margin (overlay.ts, drawing.ts, render-png.ts). Without the add-on, an SVG per page with the
 * page model's text in place of the rendered page (render-svg.ts). Nothing is written here: the
 * caller gets the files.
 */
import { DiagnosticBag } from '../diagnostics/bag.js';
import type { Diagnostic } from '../schema/diagnostic.js';
import { type ReadPdfOptions, readPdf } from '../readers/pdf/index.js';
import { type CanvasLoad, loadCanvas } from './canvas.js';
import { type Drawing, layoutDrawing } from './drawing.js';
import { type PageOverlay, pageOverlays } from './overlay.js';
import { renderPngs } from './render-png.js';
import { renderSvg } from './render-svg.js';

export { RenderError } from './render-png.js';
export { type OverlayBox, type OverlayKind, type PageOverlay, OVERLAY_KINDS, pageOverlays, statusLabel } from './overlay.js';
export { type Drawing, type Instruction, KIND_STYLE, LAYOUT, layoutDrawing } from './drawing.js';

/** Options of inspectPdf. */
export interface InspectOptions extends Omit<ReadPdfOptions, 'diagnostics'> {
  /** Name of the input in diagnostics. */
  fileName: string;
  /** The 1-based pages to draw, in any order; all pages when absent. */
  pages?: readonly number[];
  /** `png` (default; SVG when the canvas add-on cannot be loaded) or `svg`. */
  format?: 'png' | 'svg';
  /** Pixels per point of a PNG picture (2 = 144 dpi). Default 2. */
  scale?: number;
  /** Loads the canvas add-on (canvas.ts loadCanvas; tests give one that fails). */
  loadCanvas?: () => CanvasLoad;
}

/** One picture: its file name (`page-07.png`) and content. */
export interface InspectFile {
  name: string;
  content: Uint8Array | string;
}

/** What inspectPdf made. */
export interface InspectResult {
  pageCount: number;
  /** The pictures, in page order. */
  files: InspectFile[];
  /** The drawing of each picture, in page order (what was drawn, in points). */
  drawings: Drawing[];
  overlays: PageOverlay[];
  /** Why PNG pictures were asked for and SVG ones made (the add-on could not be loaded), or null. */
  fallback: string | null;
  /** The reader's diagnostics (inspect draws the reading whatever they say). */
  diagnostics: Diagnostic[];
}

/** Pages asked for that the PDF does not have. */
export class MissingPagesError extends Error {
  constructor(
    readonly missing: readonly number[],
    readonly pageCount: number,
  ) {
    super(`the PDF has ${pageCount} page${pageCount === 1 ? '' : 's'}; it has no page ${missing.join(', ')}`);
    this.name = 'MissingPagesError';
  }
}

/** `page-07.png`: the page number padded to the digits of the page count (at least two), so that names sort in page order. */
export function pictureName(page: number, pageCount: number, format: 'png' | 'svg'): string {
  return `page-${String(page).padStart(Math.max(2, String(pageCount).length), '0')}.${format}`;
}

/**
 * Reads `bytes` as a PDF and makes the pictures of the chosen pages. Throws InputError (exit 2)
 * when the PDF cannot be read (readPdf), MissingPagesError when a chosen page does not exist,
 * RenderError when pdfjs-dist cannot render a page.
 */
export async function inspectPdf(bytes: Uint8Array, options: InspectOptions): Promise<InspectResult> {
  const diagnostics = new DiagnosticBag(options.fileName);
  const { fileName: _, pages: chosen, format: asked = 'png', scale = 2, loadCanvas: load = loadCanvas, ...reading } = options;
  const model = await readPdf(bytes, { ...reading, diagnostics });
  const pageCount = model.pages.length;
  const missing = (chosen ?? []).filter((p) => p < 1 || p > pageCount);
  if (missing.length > 0) throw new MissingPagesError(missing, pageCount);
  const pages = chosen === undefined ? undefined : [...new Set(chosen)].sort((a, b) => a - b);
  const overlays = pageOverlays(model, pages);
  const canvas = asked === 'png' ? load() : null;
  const fallback = canvas !== null && 'error' in canvas ? canvas.error : null;
  if (canvas !== null && 'canvas' in canvas) {
    const rendered = await renderPngs(bytes, overlays.map((o) => ({ page: o.page, drawing: (size) => layoutDrawing(o, size) })), scale, canvas.canvas);
    return {
      pageCount,
      files: rendered.map((r) => ({ name: pictureName(r.drawing.page, pageCount, 'png'), content: r.png })),
      drawings: rendered.map((r) => r.drawing),
      overlays,
      fallback: null,
      diagnostics: diagnostics.items,
    };
  }
  const drawings = overlays.map((o) => layoutDrawing(o, o.size ?? sizeFromBoxes(o)));
  return {
    pageCount,
    files: drawings.map((d, i) => ({ name: pictureName(d.page, pageCount, 'svg'), content: renderSvg(d, overlays[i]!.boxes) })),
    drawings,
    overlays,
    fallback,
    diagnostics: diagnostics.items,
  };
}

/** A page size that holds every box (a page model without sizes: not from readPdf). */
function sizeFromBoxes(o: PageOverlay): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const b of o.boxes) {
    width = Math.max(width, b.bbox[2]);
    height = Math.max(height, b.bbox[3]);
  }
  return { width: width + 20, height: height + 20 };
}
