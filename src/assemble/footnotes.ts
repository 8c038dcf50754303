/**
 * Footnote reattachment: finds the markers (Unicode superscript digits) in every cell of every
 * activity, removes them from the text, records the numbers on the row, and checks them against
 * the footnote definitions collected from the page bottoms.
 *
 * Marker forms in the 2024 annex: after a space (`ontvangen. ¹⁶`), glued to a word
 * (`beleidsreactie¹⁵`) or to a full stop (`2023.¹⁴`), multi-digit (`¹⁰`, `²⁵`).
 */
import { locationOf } from '../model/diagnostics.js';
import { type DiagnosticBag } from '../diagnostics/bag.js';
import type { FootnoteDefinition } from '../model/page-model.js';
import { fromSuperscript, SUPERSCRIPT_RUN } from '../model/superscript.js';
import { clip } from '../model/plain-text.js';
import { COLUMNS } from '../model/vocabulary.js';
import type { AssembledRow } from './rows.js';

/** A footnote definition and the activity ids that cite it, in document order. */
export interface AttachedFootnote extends FootnoteDefinition {
  citedBy: string[];
}

/** An assembled row with markers removed from its cells and their numbers recorded. */
export interface RowWithFootnotes extends AssembledRow {
  footnotes: number[];
}

const COLUMN_NAMES = { title: COLUMNS[0], status: COLUMNS[1], planning: COLUMNS[2], owners: COLUMNS[3], explanation: COLUMNS[4] } as const;

/** Highest footnote number accepted; markers above it (or 0) are kept in the text and reported (NAP204). */
export const MAX_FOOTNOTE_NUMBER = 9999;

/** True for a number a footnote can have: 1 … MAX_FOOTNOTE_NUMBER. */
export function isFootnoteNumber(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_FOOTNOTE_NUMBER;
}

/** Markers with the white space before them: `gedrag . ¹ De` → `gedrag . De`. Global: for `replace`. */
export const MARKER_WITH_SPACE = /[ \t\u00a0]*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g;

/** A unit of length, area or volume written right before `²`/`³`: `m²`, `km²`, `cm³`. */
const UNIT_BEFORE = /(?<![\p{L}\p{N}])(?:m|cm|mm|dm|km)$/u;

/**
 * True when the superscript run at `index` of `text` is `²` or `³` glued to a unit (`m²`, `km³`):
 * an exponent, not a footnote marker.
 */
export function isUnitExponent(text: string, index: number, run: string): boolean {
  return (run === '²' || run === '³') && UNIT_BEFORE.test(text.slice(Math.max(0, index - 3), index));
}

/**
 * Removes footnote markers from `text`. Returns the clean text and the marker numbers in order.
 * A superscript run that is not a valid footnote number (`⁰`, or over MAX_FOOTNOTE_NUMBER) is
 * not a marker: it stays in the text as printed. Neither is `²`/`³` right after a unit (`m²`).
 */
export function stripMarkers(text: string): { text: string; numbers: number[] } {
  const numbers: number[] = [];
  const clean = text.replace(MARKER_WITH_SPACE, (m, digits: string, offset: number) => {
    if (m === digits && isUnitExponent(text, offset, digits)) return m;
    const n = fromSuperscript(digits);
    if (!isFootnoteNumber(n)) return m;
    numbers.push(n);
    return '';
  });
  return { text: clean, numbers };
}

/**
 * Attaches footnotes to rows. Reports NAP201 (marker cites an undefined footnote), NAP202
 * (footnote never cited) and NAP203 (footnote number defined twice; the first definition is kept
 * and the second quoted in the message).
 */
export function attachFootnotes(
  rows: AssembledRow[],
  definitions: FootnoteDefinition[],
  diagnostics: DiagnosticBag,
): { rows: RowWithFootnotes[]; footnotes: AttachedFootnote[] } {
  const byNumber = footnotesByNumber(definitions, diagnostics);
  const withFootnotes = rows.map((row): RowWithFootnotes => {
    const numbers: number[] = [];
    const cells = { ...row.cells };
    for (const key of Object.keys(cells) as (keyof typeof cells)[]) {
      const stripped = stripMarkers(cells[key]);
      cells[key] = stripped.text;
      numbers.push(...stripped.numbers);
      for (const match of stripped.text.matchAll(SUPERSCRIPT_RUN)) {
        const invalid = match[0];
        if (isUnitExponent(stripped.text, match.index, invalid)) continue;
        diagnostics.report(
          'NAP204',
          `Superscript "${clip(invalid, 12)}" in the ${COLUMN_NAMES[key]} cell of ${row.id} "${clip(row.cells.title)}" is not a valid footnote number (1 to ${MAX_FOOTNOTE_NUMBER}); it was kept in the text as printed. Correct the marker in the input.`,
          { ...locationOf(row.location, row.id), field: COLUMN_NAMES[key] },
          { actual: invalid, expected: `1 to ${MAX_FOOTNOTE_NUMBER}` },
        );
      }
    }
    for (const n of numbers) {
      const footnote = byNumber.get(n);
      if (!footnote) {
        diagnostics.report(
          'NAP201',
          `Footnote marker ${n} in ${row.id} "${clip(row.cells.title)}" cites a footnote that is not defined. Add footnote ${n} at the bottom of the page, or remove the marker.`,
          locationOf(row.location, row.id),
          { actual: n, expected: [...byNumber.keys()].sort((a, b) => a - b) },
        );
      } else if (!footnote.citedBy.includes(row.id)) {
        footnote.citedBy.push(row.id);
      }
    }
    return { ...row, cells, footnotes: [...new Set(numbers)] };
  });

  const footnotes = [...byNumber.values()].sort((a, b) => a.number - b.number);
  const uncited = footnotes.filter((f) => f.citedBy.length === 0);
  // Without any row (no table: NAP101) no note can be cited: one NAP202 for all of them.
  if (rows.length === 0 && uncited.length > 1) {
    const first = uncited[0]!;
    diagnostics.report('NAP202', `${uncited.length} footnotes (${noteName(first)} to ${noteName(uncited.at(-1)!)}) are cited by no row: the input has no table rows.`, locationOf(first.location), { actual: uncited.length });
    return { rows: withFootnotes, footnotes };
  }
  for (const f of uncited) {
    diagnostics.report(
      'NAP202',
      `Footnote ${noteName(f)} ("${clip(f.text)}") is never cited by a marker in the table. Add its marker to the row it belongs to, or remove the footnote.`,
      locationOf(f.location),
      { actual: f.number },
    );
  }
  return { rows: withFootnotes, footnotes };
}

/** How a message names a note: its number, and the label it was printed with where that differs (`9 (printed 3 on page 6)`). */
export function noteName(f: Pick<FootnoteDefinition, 'number' | 'label' | 'location'>): string {
  return f.label !== undefined && f.label !== String(f.number) ? `${f.number} (printed ${f.label} on page ${f.location.page})` : String(f.number);
}

/**
 * The footnote definitions by number, each once: NAP204 for an invalid number (left out), NAP205
 * for a definition without text (kept), NAP203 for a number defined again (the first is kept).
 */
function footnotesByNumber(definitions: readonly FootnoteDefinition[], diagnostics: DiagnosticBag): Map<number, AttachedFootnote> {
  const byNumber = new Map<number, AttachedFootnote>();
  for (const def of definitions) {
    if (!isFootnoteNumber(def.number)) {
      diagnostics.report(
        'NAP204',
        `Footnote definition numbered ${def.number > MAX_FOOTNOTE_NUMBER ? `over ${MAX_FOOTNOTE_NUMBER}` : def.number} is not a valid footnote number (1 to ${MAX_FOOTNOTE_NUMBER}): "${clip(def.text)}". It is not in the output; correct its number in the input.`,
        locationOf(def.location),
        { actual: def.number, expected: `1 to ${MAX_FOOTNOTE_NUMBER}` },
      );
      continue;
    }
    if (def.text.trim() === '') {
      diagnostics.report(
        'NAP205',
        `Footnote ${def.number} is defined without text; it is kept, empty. Check whether its text was lost from the input.`,
        locationOf(def.location),
        { actual: def.number },
      );
    }
    const first = byNumber.get(def.number);
    if (first) {
      diagnostics.report(
        'NAP203',
        `Footnote ${def.number} is defined twice: on page ${first.location.page} ("${clip(first.text)}") and on page ${def.location.page} ("${clip(def.text)}"). The first is kept; renumber one of them.`,
        locationOf(def.location),
        { actual: def.number },
      );
      continue;
    }
    byNumber.set(def.number, { ...def, citedBy: [] });
  }
  return byNumber;
}
