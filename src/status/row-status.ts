/**
 * Step 6 of the status rule: the status of a row, from how its Status cell showed it.
 *
 * - Words (`StatusCue` kind `text`): the label's code (step 5), NAP302 when it is no label.
 * - An icon or a shaded cell (kind `icon`): the legend in force where the row is printed (step 2,
 *   given to the row by assembly), restricted to entries of the cue's family (step 1); the entry
 *   with the nearest colour (steps 3 and 4) gives the code; NAP303 when none is near enough,
 *   never a guess.
 * - Nothing: an absent status; NAP304 when the input carries icons elsewhere (its status is
 *   lost), else one NAP301 for the whole input (a text export lost every icon).
 */
import { locationOf } from '../model/diagnostics.js';
import type { DiagnosticBag } from '../diagnostics/bag.js';
import type { CueShape, LegendEntry, SourceLocation, StatusCue } from '../model/page-model.js';
import { type StatusCode, statusCodeOf } from '../model/vocabulary.js';
import type { Activity, Status } from '../schema/annex.js';
import { sameCueFamily } from './cue-family.js';
import { DEFAULT_COLOR_TOLERANCE, printableColor } from './color-distance.js';
import { nearestLegendEntry } from './nearest-legend-entry.js';
import { normaliseStatusLabel } from './status-label.js';

/** What the status rule needs of an assembled row. */
export interface RowStatusInput {
  /** The activity id (`AL3-09`), for messages. */
  id: string;
  cells: { title: string };
  statusCue: StatusCue;
  /** The legend in force where the row is printed (legend-scope.ts). */
  legend: readonly LegendEntry[];
  location: SourceLocation;
}

/** A row's status and how it was found (`absent` when the row has none). */
export interface RowStatus {
  status: Status | null;
  foundBy: Activity['statusFoundBy'];
}

/**
 * The status of one row. `inputHasIcons` is cue-family.ts `hasStatusCues` of the whole input.
 * Reports NAP302, NAP303 and NAP304 (see the module doc) at the row's Status cell.
 */
export function statusOfRow(row: RowStatusInput, inputHasIcons: boolean, diagnostics: DiagnosticBag): RowStatus {
  const cue = row.statusCue;
  const where = locationOf(row.location, row.id);
  if (cue.kind === 'text') {
    const { value: code, problems } = normaliseStatusLabel(cue.text);
    for (const p of problems) diagnostics.report(p.code, `${row.id}: ${p.message}`, { ...where, field: 'Status' }, { actual: p.actual, expected: p.expected });
    if (code === null) return { status: null, foundBy: 'absent' };
    return { status: { code, label: cue.text, foundBy: 'text', iconColor: null }, foundBy: 'text' };
  }
  if (cue.kind === 'icon') {
    const { entries, match, code } = readIconCue(cue, row.legend);
    if (!match || !code) {
      const what = cue.shape === 'shading' ? 'Status cell shading' : 'Status icon colour';
      const legend = entries.length > 0 ? `the legend in force (${legendColors(entries)})` : row.legend.length > 0 ? `the legend in force, whose icons are of another kind (${legendColors(row.legend)})` : 'no legend: none is printed';
      diagnostics.report('NAP303', `${what} ${printableColor(cue.color)} in ${row.id} matches no entry of ${legend}; status left empty. Check the icon and the legend in the source.`, { ...where, field: 'Status' }, {
        actual: cue.color.toLowerCase(),
        expected: entries.flatMap((e) => (e.iconColor ? [e.iconColor.toLowerCase()] : [])),
      });
      return { status: null, foundBy: 'absent' };
    }
    return { status: { code, label: match.entry.label, foundBy: 'icon', iconColor: cue.color.toLowerCase() }, foundBy: 'icon' };
  }
  if (inputHasIcons) {
    diagnostics.report('NAP304', `No status icon in the Status cell of ${row.id} "${row.cells.title}"; status left empty. Check the row's Status cell in the source.`, { ...where, field: 'Status' });
  }
  return { status: null, foundBy: 'absent' };
}

/** How one icon status cue reads against the legend in force (readIconCue). */
export interface IconCueReading {
  /** The legend entries of the cue's own family (step 1): the ones it is matched with. */
  entries: LegendEntry[];
  /** The entry it matches and the colour distance (RGB units), or null (NAP303: none within the tolerance, or a tie). */
  match: { entry: LegendEntry; distance: number } | null;
  /** The status code of the matched entry's label; null without a match, or for a label that is no status. */
  code: StatusCode | null;
  /** The nearest entry of its family whatever the tolerance (to show why a cue matched nothing); null when no entry has a colour, or two tie. */
  nearest: { entry: LegendEntry; distance: number } | null;
}

/**
 * Reads an icon cue (its `#rrggbb` colour and how it is drawn) with the legend in force where its
 * row is printed: the entries of its own family (shading with a shaded legend, a mark with
 * marks), the nearest within `tolerance` (step 4) and that entry's status code. The one reading
 * statusOfRow and `nap-annex inspect` (the label drawn at each cue) share.
 */
export function readIconCue(cue: { color: string; shape: CueShape }, legend: readonly LegendEntry[], tolerance = DEFAULT_COLOR_TOLERANCE): IconCueReading {
  const entries = legend.filter((e) => sameCueFamily(e.iconShape, cue.shape));
  const match = nearestLegendEntry(cue.color, entries, tolerance);
  return {
    entries,
    match,
    code: match ? (statusCodeOf(match.entry.label) ?? null) : null,
    nearest: match ?? nearestLegendEntry(cue.color, entries, Number.POSITIVE_INFINITY),
  };
}

/**
 * NAP301, once for an input without status cues (a text export loses the icons) whose rows have
 * no status: `absent` of `total` activities. A status is never guessed from the text.
 */
export function reportNoStatusCues(absent: number, total: number, diagnostics: DiagnosticBag): void {
  if (absent === 0) return;
  diagnostics.report(
    'NAP301',
    `The input carries no status icons (a text export loses them): status is null for ${absent} of ${total} activities. Read the PDF as published to get statuses.`,
    {},
    { actual: absent, note: 'A status is never guessed from the text.' },
  );
}

function legendColors(legend: readonly LegendEntry[]): string {
  return legend.map((e) => `${e.label} ${e.iconColor === null ? 'no icon' : printableColor(e.iconColor)}`).join(', ');
}
