/**
 * Status icon colour → legend entry. The legend printed on the same page defines what each
 * colour means; an icon takes the status of the legend entry with the nearest colour, provided
 * it is within a tolerance. No colour is hard-coded: a palette never seen before works as long
 * as the page's legend uses it.
 */

import { colourDistance, parseHexColour } from '../model/colour.js';

export { colourDistance, parseHexColour };

/** A colour as printed in messages: `#rrggbb` (lower case), or `unreadable` when it is not a colour (never `#NaNNaNNaN`). */
export function printableColour(colour: string | null | undefined): string {
  const rgb = typeof colour === 'string' ? parseHexColour(colour) : null;
  return rgb ? `#${rgb.map((n) => n.toString(16).padStart(2, '0')).join('')}` : 'unreadable';
}

/**
 * Default tolerance for icon matching, in RGB distance units: about 10% of the colour cube's
 * diagonal. Anti-aliased or re-encoded icons (JPEG, colour profiles) drift by a few units;
 * two legend colours closer than this would be indistinguishable to a reader anyway.
 */
export const DEFAULT_COLOUR_TOLERANCE = 45;

/**
 * Finds the legend entry whose icon colour is nearest to `colour`. Returns it with the distance,
 * or null when no entry has a colour, or the nearest is farther than `tolerance`, or two entries
 * tie (ambiguous: never a guess).
 */
export function nearestLegendEntry<T extends { iconColor: string | null }>(
  colour: string,
  legend: readonly T[],
  tolerance = DEFAULT_COLOUR_TOLERANCE,
): { entry: T; distance: number } | null {
  let best: { entry: T; distance: number } | null = null;
  let tie = false;
  for (const entry of legend) {
    if (entry.iconColor === null) continue;
    const distance = colourDistance(colour, entry.iconColor);
    if (best === null || distance < best.distance) {
      best = { entry, distance };
      tie = false;
    } else if (distance === best.distance && entry.iconColor !== best.entry.iconColor) {
      tie = true;
    }
  }
  if (best === null || tie || best.distance > tolerance) return null;
  return best;
}
