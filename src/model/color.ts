/**
 * Colours as the readers compare them: `#rrggbb` strings, distances in RGB space (0 … ~441.7),
 * and the one rule for "the same colour to a reader" (text on a background, HTML and PDF alike).
 */

/** `#rrggbb` → [r, g, b] in 0..255; null when the string is not of that form. */
export function parseHexColor(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** Euclidean distance between two `#rrggbb` colours in RGB space (0 … ~441.7); Infinity if unparsable. */
export function colorDistance(a: string, b: string): number {
  const x = parseHexColor(a);
  const y = parseHexColor(b);
  if (!x || !y) return Number.POSITIVE_INFINITY;
  return rgbDistance(x, y);
}

/** Euclidean distance between two RGB triples (0..255 each). */
export function rgbDistance(a: readonly [number, number, number], b: readonly [number, number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/**
 * True when two RGB triples lie within `distance` of each other ({@link rgbDistance} ≤ `distance`),
 * compared in squares: no square root and no `Math.hypot`, which V8 does not inline (the PDF
 * reader asks this for every sample point of every text run).
 */
export function withinRgbDistance(a: readonly [number, number, number], b: readonly [number, number, number], distance: number): boolean {
  const dr = a[0] - b[0];
  const dg = a[1] - b[1];
  const db = a[2] - b[2];
  return dr * dr + dg * dg + db * db <= distance * distance;
}

/**
 * Colours closer than this (RGB distance) are "the same" to a reader: text in such a colour on
 * such a background cannot be seen (WCAG's lowest contrast ratios are far above this).
 */
export const SAME_COLOR_DISTANCE = 24;
