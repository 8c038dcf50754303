/**
 * The status rule: how a row's Status cell becomes a status. One file per step, in the order
 * they run:
 *
 * 1. `cue-family.ts` — whether the input carries status cues at all, and which legend entries a
 *    cue may be read with (shading with shading, marks with marks).
 * 2. `legend-scope.ts` — which printed legend is in force where a row is printed (assembly gives
 *    each row its legend; NAP109 when the legend is missing or incomplete).
 * 3. `color-distance.ts` — how far apart two colours are, and the tolerance for a match.
 * 4. `nearest-legend-entry.ts` — the legend entry an icon colour means: the nearest within the
 *    tolerance, none on a tie.
 * 5. `status-label.ts` — a status printed in words → its code (NAP302 for an unknown label).
 * 6. `row-status.ts` — the status of a row from its cue, words or icon (NAP301, NAP303, NAP304);
 *    `readIconCue` reads one icon cue against the legend in force (also for `inspect`).
 *
 * What comes before is the readers': they detect a cue on the page (the colour of what is drawn
 * in the Status cell: `src/readers/pdf/layout-icons.ts`, the HTML reader's `statusCue`) and
 * print it into the page model (`StatusCue`, `LegendEntry`); they import nothing from here.
 * The labels, their synonyms and codes are the annex's vocabulary (`src/model/vocabulary.ts`).
 */
export { hasStatusCues, sameCueFamily } from './cue-family.js';
export { type Legend, checkLegends, legendInForce, legendsOf } from './legend-scope.js';
export { DEFAULT_COLOR_TOLERANCE, colorDistance, printableColor } from './color-distance.js';
export { nearestLegendEntry } from './nearest-legend-entry.js';
export { type StatusLabelProblem, normaliseStatusLabel } from './status-label.js';
export { type IconCueReading, type RowStatus, type RowStatusInput, readIconCue, reportNoStatusCues, statusOfRow } from './row-status.js';
