/**
 * CSV output (RFC 4180, via csv-stringify) of the published tables (src/emit/tables.ts):
 * `activities.csv`, one row per activity with flattened columns, `footnotes.csv`, and the long
 * tables. Multi-valued cells are joined with `|` whatever the delimiter, so that no spreadsheet
 * locale reads a list such as `14|15` as a number. Cells a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab, CR or LF) are neutralised with a leading `'`
 * (OWASP CSV-injection guidance; csv-stringify's `escape_formulas`) unless turned off. So are
 * formula characters that follow a `,`, `;` or tab inside a cell (`a;=cmd`): a reader that splits
 * on the other delimiter than the one written would start a cell there (`neutraliseCell`).
 * With `maxCellLength` (Excel: 32,767 characters) longer cells are cut, and each cut is reported.
 */
import { stringify } from 'csv-stringify/sync';
import type { Annex } from '../schema/annex.js';
import { activitiesTable, footnotesTable, LIST_SEPARATOR, tableRecords, type CellValue, type TableSpec } from './tables.js';

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

/** A cell as CSV text: empty for null, `true`/`false`, lists joined with LIST_SEPARATOR (`|`). */
export function csvCell(value: CellValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return String(value);
}

/** Rows of cell values (in the order of `columns`) as CSV text, cells written as by csvCell. */
export function recordsCsv(columns: readonly string[], records: readonly CellValue[][], options: CsvOptions = {}): string {
  return toCsv(columns, records.map((cells) => cells.map(csvCell)), options);
}

/** One published table of `annex` (src/emit/tables.ts) as CSV text. */
export function tableCsv<R>(table: TableSpec<R>, annex: Annex, options: CsvOptions = {}): string {
  const records = tableRecords(table, annex).map((cells) => cells.map(csvCell));
  return toCsv(table.columns.map((c) => c.name), records, options);
}

/** activities.csv as a string. */
export function activitiesCsv(annex: Annex, options: CsvOptions = {}): string {
  return tableCsv(activitiesTable(), annex, options);
}

/** footnotes.csv as a string. */
export function footnotesCsv(annex: Annex, options: CsvOptions = {}): string {
  return tableCsv(footnotesTable(), annex, options);
}

function toCsv(columns: readonly string[], records: unknown[][], options: CsvOptions): string {
  const neutralise = options.neutraliseFormulas ?? true;
  const max = options.maxCellLength;
  if (max !== undefined) {
    records.forEach((record, r) =>
      record.forEach((cell, c) => {
        if (typeof cell === 'string' && cell.length > max) {
          options.onCut?.({ record: r, column: columns[c]!, length: cell.length });
          record[c] = `${cell.slice(0, max - 1)}…`;
        }
      }),
    );
  }
  return stringify(records, csvStringifyOptions(columns, neutralise, options));
}

/** csv-stringify options shared by every CSV nap-annex writes: header, dialect, quoting of line breaks, neutralised cells. */
export function csvStringifyOptions(columns: readonly string[], neutralise: boolean, options: CsvOptions = {}): import('csv-stringify/sync').Options {
  return {
    header: true,
    columns: [...columns],
    delimiter: options.delimiter ?? ',',
    bom: options.bom ?? false,
    record_delimiter: options.recordDelimiter === '\r\n' ? 'windows' : 'unix',
    escape_formulas: neutralise,
    // A line break inside a cell must be quoted whatever the record delimiter: csv-stringify only
    // quotes the record delimiter itself, so with CRLF records a bare LF would end the row for
    // Excel and most readers.
    quoted_match: /[\r\n]/,
    cast: {
      boolean: (v) => String(v),
      string: (v) => (neutralise ? neutraliseCell(v) : v),
    },
  };
}
