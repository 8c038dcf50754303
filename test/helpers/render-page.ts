/**
 * Renders a PDF page to pixels with pdfjs-dist and its optional canvas add-on (@napi-rs/canvas),
 * for tests that must tell whether two PDFs look the same (the PDF oracle campaign classifies a
 * changed result as "a reader could see the change" or not). Tests only: the reader never renders.
 *
 * The test process runs src/threads/pdfjs-environment.ts (test/setup), which keeps the add-on
 * from loading and puts placeholders for DOMMatrix, Path2D and ImageData: while a page renders,
 * the real add-on and its classes are put in, and the placeholders back after.
 */
import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { width: number; height: number; data: Uint8ClampedArray } };
}
interface CanvasModule {
  createCanvas(w: number, h: number): Canvas;
  DOMMatrix: unknown;
  Path2D: unknown;
  ImageData: unknown;
}

let real: CanvasModule | undefined;
/** The real @napi-rs/canvas, required past the placeholder module in the require cache. */
function canvasModule(): CanvasModule {
  if (real !== undefined) return real;
  const fromPdfjs = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));
  const path = fromPdfjs.resolve('@napi-rs/canvas');
  const placeholder = fromPdfjs.cache[path];
  delete fromPdfjs.cache[path];
  try {
    real = fromPdfjs(path) as CanvasModule;
  } finally {
    if (placeholder !== undefined) fromPdfjs.cache[path] = placeholder;
  }
  return real;
}

/** RGBA pixels of page `n` at `scale` (1 = 72 dpi). */
export async function renderPage(bytes: Uint8Array, n = 1, scale = 1.5): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const canvas = canvasModule();
  const globals = globalThis as Record<string, unknown>;
  const saved = { DOMMatrix: globals.DOMMatrix, Path2D: globals.Path2D, ImageData: globals.ImageData };
  Object.assign(globals, { DOMMatrix: canvas.DOMMatrix, Path2D: canvas.Path2D, ImageData: canvas.ImageData });
  class CanvasFactory {
    create(width: number, height: number): { canvas: Canvas; context: unknown } {
      const c = canvas.createCanvas(width, height);
      return { canvas: c, context: c.getContext('2d') };
    }
    reset(target: { canvas: Canvas }, width: number, height: number): void {
      target.canvas.width = width;
      target.canvas.height = height;
    }
    destroy(target: { canvas: Canvas | null }): void {
      target.canvas = null;
    }
  }
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0, CanvasFactory } as never);
  try {
    const page = await (await task.promise).getPage(n);
    const viewport = page.getViewport({ scale });
    const target = canvas.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = target.getContext('2d');
    await page.render({ canvasContext: context as never, viewport, canvas: target as never }).promise;
    const img = context.getImageData(0, 0, target.width, target.height);
    return { width: img.width, height: img.height, data: img.data };
  } finally {
    await task.destroy();
    Object.assign(globals, saved);
  }
}

/** How many pixels differ by more than `tolerance` in some channel (Infinity when the sizes differ). */
export function pixelsDiffering(a: { width: number; height: number; data: Uint8ClampedArray }, b: { width: number; height: number; data: Uint8ClampedArray }, tolerance = 48): number {
  if (a.width !== b.width || a.height !== b.height) return Number.POSITIVE_INFINITY;
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i]! - b.data[i]!) > tolerance || Math.abs(a.data[i + 1]! - b.data[i + 1]!) > tolerance || Math.abs(a.data[i + 2]! - b.data[i + 2]!) > tolerance) n++;
  }
  return n;
}
