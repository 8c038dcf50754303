/** Small measures of a page's lines: body size, line pitch, boxes, page-number furniture. */
import { type Box, union } from './geometry.js';
import { LAYOUT, TEXT } from './settings.js';
import { type Chunk, type Line, joinChunks } from './text.js';

/** A page number as printed in a header or footer: `7`, `- 7 -`, `Pagina 7`, `7 van 17`, `page 7/17`. */
export const PAGE_NUMBER = /^(?:[-–]\s*)?(?:(?:pagina|page|blz\.?)\s*)?\d{1,4}(?:\s*(?:\/|van|of)\s*\d{1,4})?(?:\s*[-–])?$/i;

/** True for a line that is page furniture (a page number). */
export function isFurniture(l: Line): boolean {
  return PAGE_NUMBER.test(joinChunks(l.chunks).trim());
}

/**
 * The most common baseline distance between consecutive lines (PDF points): the body line pitch.
 * Distances from LAYOUT.pitchMinEm to LAYOUT.pitchMaxEm of the lower line's size count (single
 * to double line spacing); without any, LAYOUT.defaultPitchEm of the body size.
 */
export function estimatePitch(lines: readonly Line[], bodySize: number): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i]!.baseline - lines[i - 1]!.baseline;
    const s = lines[i]!.size;
    if (d >= LAYOUT.pitchMinEm * s && d <= LAYOUT.pitchMaxEm * s) {
      const k = Math.round(d * 4) / 4;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  let best = LAYOUT.defaultPitchEm * bodySize;
  let n = 0;
  for (const [k, v] of counts) if (v > n || (v === n && k < best)) [best, n] = [k, v];
  return best;
}

/** The font size (PDF points) that most characters of the page use: the body size. */
export function dominantSize(chunks: readonly Chunk[]): number {
  const m = new Map<number, number>();
  for (const c of chunks) {
    const k = Math.round(c.size * 10) / 10;
    m.set(k, (m.get(k) ?? 0) + c.text.length);
  }
  let best = 10;
  let n = -1;
  for (const [k, v] of m) if (v > n) [best, n] = [k, v];
  return best;
}

/** The box of a line. */
export function lineBox(l: Line): Box {
  return { x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1 };
}

/** The union box of `chunks` (at least one). */
export function boxOf(chunks: readonly Box[]): Box {
  return chunks.map((c) => ({ x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 })).reduce(union);
}

/** Vertical centre of a box. */
export function centerY(b: Box): number {
  return (b.y0 + b.y1) / 2;
}

/** True when a line's text has a gap wider than a column gap (TEXT.columnGapEm) between two of its chunks: cells side by side. */
export function hasColumnGap(l: Line): boolean {
  const chunks = [...l.chunks].sort((a, b) => a.x0 - b.x0);
  return chunks.some((c, i) => i > 0 && c.x0 - chunks[i - 1]!.x1 > TEXT.columnGapEm * c.size);
}
