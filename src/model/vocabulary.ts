/**
 * The annex's own vocabulary, in one place: the status legend labels and their codes (with the
 * textual variants later annexes print), the table's column names and the header texts accepted
 * for them, the `Actielijn N` row, and the headings above a note list (docs/architecture.md,
 * "The input"). Readers, assembly and normalisers all import it from here; it imports nothing
 * outside src/model.
 */
import { withoutFormatChars } from './plain-text.js';

// ---------------------------------------------------------------------------------------------
// Status legend

/** The five status codes of the schema, in legend order. */
export const STATUS_CODES = ['completed', 'in_progress', 'ongoing', 'delayed', 'not_started_or_stopped'] as const;

/** One status code (STATUS_CODES); the schema's `StatusCode` is the same union. */
export type StatusCode = (typeof STATUS_CODES)[number];

/** The five legend labels exactly as the annex prints them, in legend order. */
export const LEGEND_LABELS = [
  'Afgerond',
  'In uitvoering',
  'Doorlopend gedurende uitvoering programma',
  'In uitvoering met vertraging',
  'Nog niet begonnen of afgebroken',
] as const;

/** The five legend labels exactly as the annex prints them, in legend order, with their codes. */
export const STATUS_LEGEND: ReadonlyArray<{ readonly code: StatusCode; readonly label: string }> = STATUS_CODES.map((code, i) => ({ code, label: LEGEND_LABELS[i]! }));

/**
 * Every accepted status label (legend labels first, then synonyms) and its code. Later annexes
 * (and hand-edited exports) print textual variants; the synonyms are the ones that mean the same
 * thing unambiguously. Keys are written naturally; matching goes through {@link statusLabelKey},
 * so case, spacing and punctuation do not matter.
 */
export const STATUS_LABELS: ReadonlyArray<readonly [label: string, code: StatusCode]> = [
  ...STATUS_LEGEND.map((e) => [e.label, e.code] as const),
  // completed
  ['Gereed', 'completed'],
  ['Voltooid', 'completed'],
  ['Klaar', 'completed'],
  ['Afgesloten', 'completed'],
  ['Gerealiseerd', 'completed'],
  // in_progress
  ['Loopt', 'in_progress'],
  ['Lopend', 'in_progress'],
  ['Bezig', 'in_progress'],
  ['Gestart', 'in_progress'],
  ['In gang', 'in_progress'],
  ['Op schema', 'in_progress'],
  // ongoing
  ['Doorlopend', 'ongoing'],
  ['Doorlopend gedurende het programma', 'ongoing'],
  ['Doorlopend gedurende de uitvoering van het programma', 'ongoing'],
  ['Doorlopend gedurende uitvoering van het programma', 'ongoing'],
  ['Continu', 'ongoing'],
  ['Structureel', 'ongoing'],
  // delayed
  ['Vertraagd', 'delayed'],
  ['Vertraging', 'delayed'],
  ['Met vertraging', 'delayed'],
  ['In uitvoering, vertraagd', 'delayed'],
  ['Uitgesteld', 'delayed'],
  // not_started_or_stopped
  ['Nog niet begonnen', 'not_started_or_stopped'],
  ['Nog niet gestart', 'not_started_or_stopped'],
  ['Niet begonnen', 'not_started_or_stopped'],
  ['Niet gestart', 'not_started_or_stopped'],
  ['Nog niet gestart of afgebroken', 'not_started_or_stopped'],
  ['Afgebroken', 'not_started_or_stopped'],
  ['Gestopt', 'not_started_or_stopped'],
  ['Stopgezet', 'not_started_or_stopped'],
  ['Geannuleerd', 'not_started_or_stopped'],
];

/**
 * Case, spacing and punctuation folded away: how printed labels are compared. Plain toLowerCase:
 * Unicode has no Dutch-specific lower-casing (only Turkish, Azeri and Lithuanian differ), and the
 * locale-aware call costs several times as much on every line a reader checks.
 */
export function labelKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The matching key of a status label: format characters removed, Unicode NFC, then
 * {@link labelKey} (lower case, accents kept, every run of characters that are not letters or
 * digits turned into one space, trimmed). `' In  uitvoering (met vertraging).'` →
 * `'in uitvoering met vertraging'`.
 */
export function statusLabelKey(text: string): string {
  return labelKey(withoutFormatChars(text).normalize('NFC'));
}

const STATUS_BY_KEY: ReadonlyMap<string, StatusCode> = new Map(STATUS_LABELS.map(([label, code]) => [statusLabelKey(label), code]));

/**
 * The code of a known status label or synonym (STATUS_LABELS, compared by statusLabelKey), or
 * undefined; for readers that must recognise legend lines without reporting anything.
 */
export function statusCodeOf(text: string): StatusCode | undefined {
  return STATUS_BY_KEY.get(statusLabelKey(text));
}

const LEGEND_KEYS = new Set(LEGEND_LABELS.map(labelKey));

/** True when `text` is one of the five legend labels (case, spacing and punctuation aside). */
export function isLegendLabel(text: string): boolean {
  return LEGEND_KEYS.has(labelKey(text));
}

/**
 * True when `text` is the start of a legend label that wrapped onto the next line
 * (`Doorlopend gedurende uitvoering` of `… programma`): at least one whole word, not a whole label.
 */
export function isLegendLabelStart(text: string): boolean {
  const key = labelKey(text);
  if (key === '' || LEGEND_KEYS.has(key)) return false;
  for (const label of LEGEND_KEYS) if (label.startsWith(`${key} `)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// The activity table

/** Column order of the activity table as the annex prints it (after header recognition). */
export const COLUMNS = ['Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting'] as const;

/**
 * Accepted header texts per column, in COLUMNS order (lower case, spacing collapsed). In
 * Actielijn 4 the Wanneer column is headed `Oorspronkelijke planning`.
 */
export const HEADER_ALIASES: ReadonlyArray<ReadonlyArray<string>> = [
  ['activiteit', 'activiteiten'],
  ['status'],
  ['wanneer', 'oorspronkelijke planning', 'planning'],
  ['wie'],
  ['toelichting'],
];

/** How a header cell is compared with HEADER_ALIASES: format characters removed, spacing collapsed, trimmed, lower case. */
export function headerKey(text: string): string {
  return withoutFormatChars(text).replace(/\s+/g, ' ').trim().toLowerCase();
}

/** True when `text` heads the first column (`Activiteit`, `Activiteiten`): the cell that marks a header row. */
export function isFirstHeaderCell(text: string): boolean {
  return HEADER_ALIASES[0]!.includes(headerKey(text));
}

/** The single words of the accepted header texts (lower case): `oorspronkelijke`, `planning`, `wie` … */
export const HEADER_WORDS: ReadonlySet<string> = new Set(HEADER_ALIASES.flat().flatMap((alias) => alias.split(' ')));

/** A whole header text or one header word, any case (`Toelichting`, `Oorspronkelijke`, `oorspronkelijke planning`). */
const HEADER_TEXT = new RegExp(`^(${[...new Set([...HEADER_ALIASES.flat(), ...HEADER_WORDS])].join('|')})$`, 'i');

/** True when `text` is an accepted header text or one word of one (any case, nothing around it). */
export function isHeaderText(text: string): boolean {
  return HEADER_TEXT.test(text);
}

const ACTION_LINE_ROW = /^actielijn\s+(\d+)$/i;

/**
 * The action-line number of a first cell that reads `Actielijn N`, or null. Unicode format
 * characters (zero-width space, direction marks) are ignored: `Actie\u200blijn 4` is `Actielijn 4`.
 */
export function actionLineNumberOf(cell: string): number | null {
  const m = ACTION_LINE_ROW.exec(withoutFormatChars(cell).trim());
  return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------------------------------------
// Notes

/** Headings Word documents print above endnotes or a note list (case and a colon aside). */
export const NOTES_HEADINGS = ['Noten', 'Eindnoten', 'Voetnoten', 'Bronnen', 'Notes', 'Endnotes'] as const;

/** True when `text` is a notes heading (NOTES_HEADINGS). */
export function isNotesHeading(text: string): boolean {
  const key = labelKey(text);
  return NOTES_HEADINGS.some((h) => labelKey(h) === key);
}

/**
 * Whether `word` (letters) can end a Dutch word as spelled. Dutch spelling ends no word in `v` or
 * `z` (final devoicing: bedrijf / bedrijven, reis / reizen) nor in a doubled consonant (doubling
 * only happens before a vowel: gemeenschap / gemeenschappen), loanwords aside (`watt`, `jazz`), so
 * a line ending in `…bedrijv` or `…gemeenschapp` was broken inside a word. Used to resolve words
 * broken by a narrow column.
 */
export function canEndDutchWord(word: string): boolean {
  return !/(?:[vz]|([bdgkmnprt])\1)$/iu.test(word);
}
