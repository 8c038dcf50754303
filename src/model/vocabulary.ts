/**
 * The annex's own vocabulary, in one place: the status legend labels and their codes (with the
 * textual variants later annexes print), the table's column names and the header texts accepted
 * for them, the `Actielijn N` row, and the headings above a note list (docs/architecture.md,
 * "The input"). Readers, assembly and normalisers all import it from here; it imports nothing
 * outside src/model.
 */
import { RememberedText, foldText, withoutFormatChars } from './plain-text.js';

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
 * Case, spacing and punctuation folded away: how printed labels are compared. The text folded
 * (plain-text.ts foldText: format characters removed, NFC, lower case, accents kept), then every
 * run of characters that are not letters or digits one space, trimmed.
 * `' In  uitvoering (met vertraging).'` → `'in uitvoering met vertraging'`.
 */
export function labelKey(text: string): string {
  return LABEL_KEYS.of(text);
}

const LABEL_KEYS = new RememberedText((text) => foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim());

/** The matching key of a status label: its {@link labelKey}. */
export function statusLabelKey(text: string): string {
  return labelKey(text);
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

/**
 * True when `text` has more than `n` ASCII letters and digits: then its labelKey or headerKey,
 * which keeps each of them, is longer than `n` characters. Cheaper than folding the text: the
 * readers ask every line of every page whether it is a label or a header, and most are long.
 */
function longerThan(text: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lower = code | 0x20;
    if ((lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      if (++count > n) return true;
    }
  }
  return false;
}

/** The length of the longest legend label's key: a text with more letters and digits is none. */
const LONGEST_LEGEND_KEY = Math.max(...[...LEGEND_KEYS].map((k) => k.length));

/** True when `text` is one of the five legend labels (case, spacing and punctuation aside). */
export function isLegendLabel(text: string): boolean {
  return !longerThan(text, LONGEST_LEGEND_KEY) && LEGEND_KEYS.has(labelKey(text));
}

/**
 * True when `text` is the start of a legend label that wrapped onto the next line
 * (`Doorlopend gedurende uitvoering` of `… programma`): at least one whole word, not a whole label.
 */
export function isLegendLabelStart(text: string): boolean {
  if (longerThan(text, LONGEST_LEGEND_KEY)) return false;
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

/**
 * The keys of the activity table's columns, as the data names them: the five printed columns, a
 * merged first column `Actielijn` that some layouts add (each row's action line), and a `Nr.`
 * column numbering the rows (`1.1`, `1.2` …: hold-out 7), whose numbers are checked against the
 * activities' own (NAP125).
 */
export const COLUMN_KEYS = ['actionLine', 'title', 'status', 'planning', 'owners', 'explanation', 'number'] as const;

/** One column key (COLUMN_KEYS). */
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** The keys of the five printed columns, in COLUMNS order. */
export const PRINTED_COLUMN_KEYS: readonly ColumnKey[] = ['title', 'status', 'planning', 'owners', 'explanation'];

/** The column each key stands for, as the annex names it (for messages): `Activiteit`, `Wanneer` … */
export const COLUMN_NAMES: Readonly<Record<ColumnKey, string>> = {
  actionLine: 'Actielijn',
  title: COLUMNS[0],
  status: COLUMNS[1],
  planning: COLUMNS[2],
  owners: COLUMNS[3],
  explanation: COLUMNS[4],
  number: 'Nr.',
};

/** Accepted header texts per column key (lower case, spacing collapsed): HEADER_ALIASES, and `Actielijn`. */
export const COLUMN_ALIASES: Readonly<Record<ColumnKey, ReadonlyArray<string>>> = {
  actionLine: ['actielijn', 'actielijnen'],
  title: HEADER_ALIASES[0]!,
  status: HEADER_ALIASES[1]!,
  planning: HEADER_ALIASES[2]!,
  owners: HEADER_ALIASES[3]!,
  explanation: HEADER_ALIASES[4]!,
  number: ['nr.', 'nr', 'nummer', 'no.', '#'],
};

const KEY_BY_ALIAS: ReadonlyMap<string, ColumnKey> = new Map(COLUMN_KEYS.flatMap((k) => COLUMN_ALIASES[k].map((a) => [a, k] as const)));

/** The column key a header cell names (COLUMN_ALIASES, compared by headerKey), or null. */
export function columnKeyOf(headerText: string): ColumnKey | null {
  return KEY_BY_ALIAS.get(headerKey(headerText)) ?? null;
}

/**
 * The column key of each cell of a header row, left to right: the key its text names, in any
 * order and beside columns the annex does not have. A cell whose text names no column (or a
 * column already named) has no key (null) — except in a header of exactly the five printed
 * columns, where it takes the key of its position when no other cell names that (`Door wie` in
 * the Wie position is read as Wie, and assembly reports the unknown header, NAP103).
 */
export function headerColumnKeys(cells: readonly string[]): (ColumnKey | null)[] {
  const seen = new Set<ColumnKey>();
  const keys = cells.map((c) => {
    const k = columnKeyOf(c);
    if (k === null || seen.has(k)) return null;
    seen.add(k);
    return k;
  });
  if (cells.length === PRINTED_COLUMN_KEYS.length) {
    keys.forEach((k, i) => {
      const positional = PRINTED_COLUMN_KEYS[i]!;
      if (k === null && !seen.has(positional)) {
        keys[i] = positional;
        seen.add(positional);
      }
    });
  }
  return keys;
}

/** How a header cell is compared with HEADER_ALIASES: the text folded (plain-text.ts foldText). */
export function headerKey(text: string): string {
  return foldText(text);
}

/** True when `text` heads the first column (`Activiteit`, `Activiteiten`): the cell that marks a header row. */
export function isFirstHeaderCell(text: string): boolean {
  return !longerThan(text, LONGEST_FIRST_HEADER) && HEADER_ALIASES[0]!.includes(headerKey(text));
}

/** The length of the longest first-column header (`activiteiten`). */
const LONGEST_FIRST_HEADER = Math.max(...HEADER_ALIASES[0]!.map((a) => a.length));

/**
 * True when a row's cells mark it as the table's header row: `Activiteit` first, or second after a
 * merged first column `Actielijn`; or `Activiteit` in any place among at least
 * HEADER_MIN_NAMED_CELLS cells that each name a column (columns in another order: `Status |
 * Activiteit | Wanneer | …`).
 */
export function startsHeaderRow(cells: readonly string[]): boolean {
  const first = cells[0] ?? '';
  if (isFirstHeaderCell(first) || (columnKeyOf(first) === 'actionLine' && isFirstHeaderCell(cells[1] ?? ''))) return true;
  return cells.some(isFirstHeaderCell) && new Set(cells.map(columnKeyOf).filter((k) => k !== null)).size >= HEADER_MIN_NAMED_CELLS;
}

/** Cells that must each name a different column where `Activiteit` is not the header row's first cell. */
const HEADER_MIN_NAMED_CELLS = 3;

/** The single words of the accepted header texts (lower case): `oorspronkelijke`, `planning`, `wie` … */
export const HEADER_WORDS: ReadonlySet<string> = new Set(Object.values(COLUMN_ALIASES).flat().flatMap((alias) => alias.split(' ')));

/** A whole header text or one header word, any case (`Toelichting`, `Oorspronkelijke`, `oorspronkelijke planning`). */
const HEADER_TEXT = new RegExp(`^(${[...new Set([...Object.values(COLUMN_ALIASES).flat(), ...HEADER_WORDS])].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`, 'i');

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

/** Headings printed above a status legend (case and a colon aside): `Legenda`, as the annex family prints it. */
export const LEGEND_HEADINGS = ['Legenda', 'Statuslegenda', 'Legenda status', 'Legend'] as const;

const LEGEND_HEADING_KEYS: ReadonlySet<string> = new Set(LEGEND_HEADINGS.map(labelKey));

/** True when `text` is a legend heading (LEGEND_HEADINGS). */
export function isLegendHeading(text: string): boolean {
  return LEGEND_HEADING_KEYS.has(labelKey(text));
}

/** Headings of a table of contents on the annex's first page (case and a colon aside): hold-out 7 prints `Inhoud`. */
export const CONTENTS_HEADINGS = ['Inhoud', 'Inhoudsopgave', 'Inhoudstafel', 'Contents'] as const;

const CONTENTS_HEADING_KEYS: ReadonlySet<string> = new Set(CONTENTS_HEADINGS.map(labelKey));

/**
 * An entry of a table of contents: text, a leader of at least four dots (periods, middle dots,
 * ellipses or underscores, spaced or not) and a page number (`Actielijn 1 Er zijn … . . . . 2`).
 */
const CONTENTS_ENTRY = /^\S.*?(?:[.·…_]\s?){4,}\s*\d{1,4}$/u;

/** True when `text` is a table-of-contents heading (CONTENTS_HEADINGS) or entry (a dot leader and a page number). */
export function isContentsLine(text: string): boolean {
  return CONTENTS_HEADING_KEYS.has(labelKey(text)) || CONTENTS_ENTRY.test(text.trim());
}

/** Headings Word documents print above endnotes or a note list (case and a colon aside). */
export const NOTES_HEADINGS = ['Noten', 'Eindnoten', 'Voetnoten', 'Bronnen', 'Notes', 'Endnotes'] as const;

const NOTES_HEADING_KEYS: ReadonlySet<string> = new Set(NOTES_HEADINGS.map(labelKey));

/**
 * A notes heading that names what its notes belong to: `Noten bij actielijn 3`, `Voetnoten bij
 * Actielijn 2:` (notes after each action line's table, the ReportLab rendition), `Noten van deze
 * bijlage`; at most four words after the heading word.
 */
const QUALIFIED_NOTES_HEADING = /^(\S+) (?:bij|van|voor|to|for) (?:\S+ ?){1,4}$/u;

/** True when `text` is a notes heading (NOTES_HEADINGS), alone or with what its notes belong to (QUALIFIED_NOTES_HEADING). */
export function isNotesHeading(text: string): boolean {
  const key = labelKey(text);
  if (NOTES_HEADING_KEYS.has(key)) return true;
  const qualified = QUALIFIED_NOTES_HEADING.exec(key);
  return qualified !== null && NOTES_HEADING_KEYS.has(qualified[1]!);
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
