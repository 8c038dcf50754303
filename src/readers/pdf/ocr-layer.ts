/**
 * The text layer an OCR program lays over a scanned page. OCR programs (ocrmypdf, Tesseract,
 * Acrobat's "Recognise text") keep the page image as the page and add what they read as text in
 * the invisible render mode 3, placed over the words of the image: what a reader sees is the image,
 * and the invisible text is the machine's reading of it. Such text is data (with a diagnostic that
 * it came from OCR), where invisible text on any other page is hidden text (NAP017).
 *
 * A page is OCR'd when it draws no visible text at all and images cover at least
 * LAYOUT.ocrImageShare of it; then every run hidden only by its render mode whose centre lies on
 * one of those images is kept.
 */
import type { Box } from './geometry.js';
import type { PageGraphics } from './page-graphics.js';
import { LAYOUT } from './settings.js';

/**
 * Takes the runs of an OCR text layer out of `graphics.hiddenRuns` (so they read as text) and
 * returns how many it took. `page` is the page's size in PDF points. Linear in runs × large images
 * (a scanned page has one image, or a few strips).
 */
export function keepOcrTextLayer(graphics: PageGraphics, page: { width: number; height: number }): number {
  const area = page.width * page.height;
  if (!(area > 0) || graphics.hiddenRuns.length === 0) return 0;
  // Visible text on the page: not a scan.
  const hiddenIds = new Set(graphics.hiddenRuns.map((h) => h.run));
  if (graphics.runs.some((r) => r.text.trim() !== '' && !hiddenIds.has(r.run))) return 0;
  const large = graphics.images.filter((im) => boxArea(im.box) >= LAYOUT.ocrImageMinShare * area);
  if (large.reduce((sum, im) => sum + boxArea(im.box), 0) < LAYOUT.ocrImageShare * area) return 0;
  const onImage = (b: Box): boolean => {
    const cx = (b.x0 + b.x1) / 2;
    const cy = (b.y0 + b.y1) / 2;
    return large.some((im) => cx >= im.box.x0 && cx <= im.box.x1 && cy >= im.box.y0 && cy <= im.box.y1);
  };
  const before = graphics.hiddenRuns.length;
  graphics.hiddenRuns = graphics.hiddenRuns.filter((h) => !(h.reason === 'render-mode' && onImage(h.box)));
  return before - graphics.hiddenRuns.length;
}

function boxArea(b: Box): number {
  return Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
}
