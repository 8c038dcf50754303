/**
 * The neutral page model: what every reader (text export, PDF, HTML) produces and the only
 * thing the later pipeline stages see. Only readers know an input format.
 *
 * Conventions
 * - Page numbers are 1-based, in document order.
 * - `line` is the 1-based line number in a text input; PDF input has none.
 * - `bbox` is `[x0, y0, x1, y1]` in PDF points (1/72 inch), origin top-left of the page,
 *   y growing downwards (already flipped from PDF user space by the PDF reader).
 * - Footnote markers in cell text are always Unicode superscript digits (`¹`, `¹⁰`): the text
 *   export prints them that way; the PDF reader converts superscripts it detects by size/rise.
 */
import { type ColumnKey, PRINTED_COLUMN_KEYS } from './vocabulary.js';

export type { ColumnKey } from './vocabulary.js';

/** The formats an annex is read from, one reader each. */
export const INPUT_FORMATS = ['text', 'pdf', 'html'] as const;

/** Which reader produced a page model. */
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** `[x0, y0, x1, y1]` in PDF points, origin top-left. */
export type BBox = readonly [number, number, number, number];

/** Where something sits in the source: page, and line for text input, box for PDF. */
export interface SourceLocation {
  page: number;
  line?: number;
  bbox?: BBox;
}

/** A box on one page: where a value, or one part of a value that a page end broke, was printed (PDF input). */
export interface PagedBox {
  page: number;
  bbox: BBox;
}

/**
 * How a coloured status cue was drawn: a mark in the Status cell (`vector` path or inline shape,
 * `glyph` such as ● or a Wingdings character, `image`), or the cell's own background `shading`.
 */
export type CueShape = 'vector' | 'glyph' | 'image' | 'shading';

/**
 * How a row's Status cell showed its status.
 * - `icon`: something coloured was drawn in the Status cell (or the cell was shaded); `color` is `#rrggbb`.
 * - `text`: the cell holds words (e.g. a later annex prints `In uitvoering`).
 * - `none`: the cell is empty (the text export always: it lost the icons).
 */
export type StatusCue =
  | { kind: 'icon'; color: string; shape: CueShape }
  | { kind: 'text'; text: string }
  | { kind: 'none' };

/** One entry of the status legend printed on a page: the label and its icon colour, if any. */
export interface LegendEntry {
  label: string;
  /** `#rrggbb` of the legend icon; null when the input carries no icons (text export). */
  iconColor: string | null;
  /** How the legend's icon is drawn; a cue is read with entries of its own family (shading, or a mark: src/status/cue-family.ts). */
  iconShape?: CueShape;
  location: SourceLocation;
}

/** The table header row: cell texts as printed, left to right, and the column each one names. */
export interface HeaderRow {
  cells: string[];
  /** The column key of each cell (vocabulary.ts headerColumnKeys); null for a cell that names no column. */
  keys: (ColumnKey | null)[];
  location: SourceLocation;
}

/** A row's cells by column key; a column the row does not have is absent. */
export type RowCells = Partial<Record<ColumnKey, string>>;

/** How a cell's text meets its row's ends (BodyRow.lineEnds), in PDF points. */
export interface LineEnds {
  room: number;
  lead: number;
  /** The last line is one long word filling the column: a page end may have broken it (PDF input, readers/pdf/word-breaks.ts). */
  brokenWord?: boolean;
}

/**
 * One body row of the activity table, its cells by column key (Activiteit `title`, `status`,
 * Wanneer or Oorspronkelijke planning `planning`, Wie `owners`, Toelichting `explanation`, and a
 * merged first column Actielijn `actionLine` where the layout has one). Cell text is as printed;
 * Toelichting may hold HTML (text/HTML input) or `\n` line breaks where a reader saw a new
 * paragraph or bullet (PDF input).
 */
export interface BodyRow {
  cells: RowCells;
  /** Text in cells under no known column (more cells than the header names), left to right. */
  unplaced?: string[];
  /** How many cells the row printed (a text export's tab-separated cells, an HTML row's `<td>`s). */
  printedCells?: number;
  statusCue: StatusCue;
  location: SourceLocation;
  /** Where each cell's text lies on the page (PDF input): for provenance. */
  cellBoxes?: Partial<Record<ColumnKey, BBox>>;
  /** Where the status cue was seen (PDF input): the mark, or the shaded Status cell. */
  statusBox?: BBox;
  /**
   * Footnote markers the reader saw in the row's cells (PDF input): each raised chunk as the cell
   * text writes it (`¹`, `¹⁰`) and its box, in reading order. For inspect; assembly does not use it.
   */
  markers?: { text: string; bbox: BBox }[];
  /** What the page showed that started this row (PDF input: `ruling`, `partRuling`, `gap`, `aligned`, `cue`, `vocabulary`, `tag`; `table-top` for the first row under a header row or at the top of the page). */
  startedBy?: string[];
  /**
   * Columns whose cell this row shares with a row above (a cell merged vertically over both, PDF
   * input: no ruling under it where the other columns have one). The cell's text is in the row
   * where the cell starts; assembly reports the merge (NAP123).
   */
  mergedAbove?: ColumnKey[];
  /**
   * How each cell's text meets the row's ends (PDF input, points): `room`, the room left on the
   * cell's last line up to the column's right edge (where the page's fullest line of that column
   * ends); `lead`, the width of the first word of its first line and the space after it. Where a
   * page end broke the row, the part on the next page opens a new paragraph when its first word
   * would have fitted on the last line before (assemble/page-break.ts).
   */
  lineEnds?: Partial<Record<ColumnKey, LineEnds>>;
  /**
   * The row continues the last row of the previous page (a table row broken by a page end):
   * `true` or `false` when the reader knows (a tagged PDF's structure tree), absent when it does
   * not and assembly decides from the cells.
   */
  continued?: boolean;
}

/**
 * A row's cells from its printed cells, left to right, and the header's column keys (a header row's
 * `keys`; without a header, the five printed columns in order): each cell under its key, and the
 * text of cells under no key as `unplaced`.
 */
export function keyedCells(printed: readonly string[], keys: readonly (ColumnKey | null)[] | null): Pick<BodyRow, 'cells' | 'unplaced' | 'printedCells'> {
  const byPosition = keys ?? PRINTED_COLUMN_KEYS;
  const cells: RowCells = {};
  const unplaced: string[] = [];
  printed.forEach((text, i) => {
    const key = byPosition[i];
    if (key === undefined || key === null) {
      if (text.trim() !== '') unplaced.push(text);
    } else cells[key] = text;
  });
  return { cells, printedCells: printed.length, ...(unplaced.length > 0 ? { unplaced } : {}) };
}

/** A header row and the body rows under it, in reading order. A page can hold several. */
export interface TableBlock {
  /** null when body rows appear before any header row of the document. */
  header: HeaderRow | null;
  /**
   * The page prints no header row above these rows: they continue the table whose header row
   * (`header`) was printed on an earlier page.
   */
  inheritedHeader?: boolean;
  /** The table's columns on this page (PDF input): key and x extent in PDF points, left to right. */
  columns?: { key: ColumnKey | null; x0: number; x1: number }[];
  rows: BodyRow[];
}

/** A footnote definition found at the bottom of a page: `¹⁰ Kamerstukken II …`. */
export interface FootnoteDefinition {
  number: number;
  /**
   * The label as printed, where the document's note numbers are not its printed labels: numbering
   * that restarts on each page (assemble/note-numbering.ts numbers the notes through and keeps the
   * printed label here). Absent when the label is the number.
   */
  label?: string;
  text: string;
  location: SourceLocation;
  /**
   * The part of a note that a page end broke off (PDF input): the lines at the top of a page's
   * notes before any label, the last note of an earlier page running on (Word continues a long
   * footnote at the foot of the next page). `number` is the note the reader expects it continues;
   * assembly joins it to the note before it in document order (assemble/note-continuation.ts).
   */
  continued?: true;
  /** Where the note runs on after its first part, once joined (PDF input), in page order. */
  continuedOn?: SourceLocation[];
}

/**
 * Text on a page that is neither legend, table nor footnote. `kind` says what a reader recognised
 * it as: `page-number`, `running` (a running header or footer repeated on pages) and
 * `notes-heading` (`Noten`, `Eindnoten` above a note list), `legend-heading` (`Legenda` above
 * the status legend) and `contents` (a table of contents: its heading and its entries with a dot
 * leader and a page number) are furniture and dropped by assembly; `text` (the default) is
 * anything else, such as the document title, and is reported when assembly cannot place it.
 */
export interface LooseText {
  text: string;
  location: SourceLocation;
  kind?: 'page-number' | 'running' | 'notes-heading' | 'legend-heading' | 'contents' | 'text';
}

/** One page of the source. */
export interface Page {
  number: number;
  /** The page's width and height as shown (PDF input: points, after /Rotate); absent for text and HTML. */
  size?: { width: number; height: number };
  legend: LegendEntry[];
  tables: TableBlock[];
  footnotes: FootnoteDefinition[];
  looseText: LooseText[];
}

/** The whole input as pages. */
export interface PageModel {
  format: InputFormat;
  pages: Page[];
}
