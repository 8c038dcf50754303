/**
 * Renders a PDF page to pixels with pdfjs-dist and its optional canvas add-on (@napi-rs/canvas),
 * for tests that must tell whether two PDFs look the same (the PDF oracle campaign classifies a
 * changed result as "a reader could see the change" or not). Tests only: the reader never renders.
 */
import { createRequire } from 'node:module';
import { openPdf } from '../../src/readers/pdf/document.js';

const canvasModule = createRequire(import.meta.url)('@napi-rs/canvas') as {
  createCanvas(w: number, h: number): { getContext(kind: '2d'): unknown; data(): Buffer } & { width: number; height: number };
};

/** RGBA pixels of page `n` at `scale` (1 = 72 dpi). */
export async function renderPage(bytes: Uint8Array, n = 1, scale = 1.5): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const task = openPdf(bytes);
  try {
    const page = await (await task.promise).getPage(n);
    const viewport = page.getViewport({ scale });
    const canvas = canvasModule.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d') as { getImageData(x: number, y: number, w: number, h: number): { width: number; height: number; data: Uint8ClampedArray } };
    await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
    const img = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: img.width, height: img.height, data: img.data };
  } finally {
    await task.destroy();
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
