/**
 * CSV output (RFC 4180, via csv-stringify) of the published tables (src/emit/tables.ts):
 * `activities.csv`, one row per activity with flattened columns, `footnotes.csv`, the long
 * tables, the stack's tables and `diff -f csv`. Cells are written by their column's type: numbers
 * and booleans as such (`-3`, `true`), dates as `YYYY-MM-DD`, lists joined with `|` whatever the
 * delimiter (so that no spreadsheet locale reads `14|15` as a number). Only text cells (`string`
 * columns, lists included) that a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, tab, CR or LF) are neutralised with a leading `'` (OWASP CSV-injection guidance)
 * unless turned off; so are formula characters that follow a `,`, `;` or tab inside a text cell
 * (`a;=cmd`): a reader that splits on the other delimiter than the one written would start a cell
 * there (`neutraliseCell`). A number is never prefixed: `-3` stays a number. With
 * `maxCellLength` (Excel: 32,767 characters) longer text cells are cut, and each cut is reported.
 */
import { stringify } from 'csv-stringify/sync';
import type { Annex } from '../schema/annex.js';
import { activitiesTable, checkCell, footnotesTable, LIST_SEPARATOR, tableRecords, type CellValue, type ColumnShape, type TableSpec } from './tables.js';

/** CSV dialect options. Defaults: `,` delimiter, no BOM, LF records, formulas neutralised. */
export interface CsvOptions {
  delimiter?: ',' | ';' | '\t';
  /** Prefix the file with a UTF-8 byte-order mark (Dutch Excel needs it to read UTF-8). */
  bom?: boolean;
  /** Record separator; Excel is happiest with CRLF. */
  recordDelimiter?: '\n' | '\r\n';
  /** Neutralise formula-like cells (default true). */
  neutraliseFormulas?: boolean;
  /** Cut cells longer than this many characters (Excel's limit is EXCEL_MAX_CELL); each cut is passed to `onCut`. */
  maxCellLength?: number;
  /** Called once per cut cell: 0-based record index, column name, original length. */
  onCut?: (cut: { record: number; column: string; length: number }) => void;
}

/** Excel's limit on the characters in one cell (Microsoft, "Excel specifications and limits"). */
export const EXCEL_MAX_CELL = 32_767;

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection), and a leading line feed. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A formula character after a delimiter (and any quotes): the start of a cell for a reader using that delimiter. */
const FORMULA_AFTER_DELIMITER = /([,;\t]"*)(?=[=+\-@\t])|([\r\n]"*)(?=[=+\-@])/g;

/**
 * One cell made safe for spreadsheets in every dialect: a `'` before a leading formula character
 * (`=`, `+`, `-`, `@`, tab, CR, LF) and after every `,`, `;` or tab (and quotes) that a formula
 * character or tab follows, and after every line break that a formula character follows (a reader
 * using the other delimiter does not see the quotes, so a line break ends its record there): so
 * that neither a `,` nor a `;` reader sees a cell starting with a formula.
 * `neutraliseCell('a;=1+1')` → `"a;'=1+1"`. Used by every CSV nap-annex writes (extract, diff). Pure, linear.
 */
export function neutraliseCell(value: string): string {
  const inner = value.replace(FORMULA_AFTER_DELIMITER, "$1$2'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

/** Column names of activities.csv, in order. */
export const ACTIVITY_COLUMNS = activitiesTable().columns.map((c) => c.name);

/** Column names of footnotes.csv, in order. */
export const FOOTNOTE_COLUMNS = footnotesTable().columns.map((c) => c.name);

/** A cell as CSV text, by its column's type: empty for null, `true`/`false`, numbers as JavaScript writes them, lists joined with LIST_SEPARATOR (`|`). Checks the type (checkCell). */
export function csvCell(value: CellValue, column: ColumnShape): string {
  checkCell(value, column);
  if (value === null) return '';
  if (Array.isArray(value)) return (value as readonly (string | number)[]).join(LIST_SEPARATOR);
  return String(value);
}

/** Rows of cell values (in the order of `columns`) as CSV text, each cell written by its column's type. */
export function recordsCsv(columns: readonly ColumnShape[], records: readonly CellValue[][], options: CsvOptions = {}): string {
  const neutralise = options.neutraliseFormulas ?? true;
  const max = options.maxCellLength;
  const text = columns.map((c) => c.type === 'string' || c.list === true);
  const rows = records.map((record, r) =>
    record.map((value, c) => {
      const written = csvCell(value, columns[c]!);
      if (!text[c]) return written;
      // Neutralised first, then cut: the `'` prefixes count towards the limit, and cutting only shortens the end.
      const cell = neutralise ? neutraliseCell(written) : written;
      if (max === undefined || cell.length <= max) return cell;
      options.onCut?.({ record: r, column: columns[c]!.name, length: written.length });
      return `${cell.slice(0, max - 1)}…`;
    }),
  );
  return stringify(rows, csvStringifyOptions(columns.map((c) => c.name), options));
}

/** One published table (src/emit/tables.ts) of `source` (an annex, or a stack) as CSV text. */
export function tableCsv<R, S>(table: TableSpec<R, S>, source: S, options: CsvOptions = {}): string {
  return recordsCsv(table.columns, tableRecords(table, source), options);
}

/** activities.csv as a string. */
export function activitiesCsv(annex: Annex, options: CsvOptions = {}): string {
  return tableCsv(activitiesTable(), annex, options);
}

/** footnotes.csv as a string. */
export function footnotesCsv(annex: Annex, options: CsvOptions = {}): string {
  return tableCsv(footnotesTable(), annex, options);
}

/**
 * csv-stringify options of every CSV nap-annex writes: header, dialect, quoting of line breaks.
 * Cells arrive as text already written by their column's type (recordsCsv), so csv-stringify's
 * own `escape_formulas` stays off: it cannot tell a text cell from a number.
 */
function csvStringifyOptions(columns: readonly string[], options: CsvOptions = {}): import('csv-stringify/sync').Options {
  return {
    header: true,
    columns: [...columns],
    delimiter: options.delimiter ?? ',',
    bom: options.bom ?? false,
    record_delimiter: options.recordDelimiter === '\r\n' ? 'windows' : 'unix',
    escape_formulas: false,
    // A line break inside a cell must be quoted whatever the record delimiter: csv-stringify only
    // quotes the record delimiter itself, so with CRLF records a bare LF would end the row for
    // Excel and most readers.
    quoted_match: /[\r\n]/,
  };
}
