/**
 * CSV output (RFC 4180, via csv-stringify) of the published tables (src/emit/tables.ts):
 * `activities.csv`, one row per activity with flattened columns, `footnotes.csv`, and the long
 * tables. Multi-valued cells are joined with `|` whatever the delimiter, so that no spreadsheet
 * locale reads a list such as `14|15` as a number. Cells a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab, CR or LF) are neutralised with a leading `'`
 * (OWASP CSV-injection guidance; csv-stringify's `escape_formulas`) unless turned off.
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
  return stringify(records, {
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
      // escape_formulas covers = + - @ tab CR; OWASP also lists a leading line feed.
      string: (v) => (neutralise && v.startsWith('\n') ? `'${v}` : v),
    },
  });
}
