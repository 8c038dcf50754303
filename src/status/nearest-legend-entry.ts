/**
 * Step 4 of the status rule: the legend entry an icon colour means. The legend in force where
 * the row is printed (step 2), restricted to entries of the cue's family (step 1), defines what
 * each colour means; an icon takes the entry with the nearest colour (step 3), provided it is
 * within the tolerance. A palette never seen before works as long as the legend uses it.
 */
import { DEFAULT_COLOR_TOLERANCE, colorDistance } from './color-distance.js';

/**
 * Finds the legend entry whose icon colour is nearest to `colour`. Returns it with the distance,
 * or null when no entry has a colour, or the nearest is farther than `tolerance`, or two entries
 * with different labels tie, whether their colours differ or are the same (a legend that prints
 * two statuses in one colour cannot tell them apart: adversarial review 5's i6 read five white
 * entries and gave every row the first; ambiguous: never a guess).
 */
export function nearestLegendEntry<T extends { iconColor: string | null; label?: string }>(
  color: string,
  legend: readonly T[],
  tolerance = DEFAULT_COLOR_TOLERANCE,
): { entry: T; distance: number } | null {
  let best: { entry: T; distance: number } | null = null;
  let tie = false;
  for (const entry of legend) {
    if (entry.iconColor === null) continue;
    const distance = colorDistance(color, entry.iconColor);
    if (best === null || distance < best.distance) {
      best = { entry, distance };
      tie = false;
    } else if (distance === best.distance && (entry.iconColor !== best.entry.iconColor || (entry.label !== undefined && entry.label !== best.entry.label))) {
      tie = true;
    }
  }
  if (best === null || tie || best.distance > tolerance) return null;
  return best;
}
