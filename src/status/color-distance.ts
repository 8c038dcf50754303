/**
 * Step 3 of the status rule: how far a status icon's colour is from a legend icon's colour, and
 * how far it may be and still mean that entry.
 *
 * Distance is Euclidean in RGB space (0 … ~441.7) between `#rrggbb` colours, the same measure the
 * readers' visibility checks use (src/model/colour.ts). No colour is built in: the legend printed
 * in the document says what each colour means.
 */
import { colorDistance, parseHexColor } from '../model/color.js';

export { colorDistance };

/**
 * Tolerance for matching an icon to a legend entry, in RGB distance units: about 10% of the
 * colour cube's diagonal. Anti-aliased or re-encoded icons (JPEG, colour profiles) drift by a few
 * units; two legend colours closer than this would be indistinguishable to a reader anyway.
 */
export const DEFAULT_COLOR_TOLERANCE = 45;

/** A colour as printed in messages: `#rrggbb` (lower case), or `unreadable` when it is not a colour (never `#NaNNaNNaN`). */
export function printableColor(color: string | null | undefined): string {
  const rgb = typeof color === 'string' ? parseHexColor(color) : null;
  return rgb ? `#${rgb.map((n) => n.toString(16).padStart(2, '0')).join('')}` : 'unreadable';
}
