/**
 * The files `extract -o <dir>` writes for one annex, as one set for the writer (output-set.ts):
 *
 * | name | with `-f` | what |
 * | --- | --- | --- |
 * | `annex.json` | json, all | the whole annex |
 * | `<table>.csv` (six) | csv, all | the published tables (tables.ts): UTF-8 without BOM, `--delimiter`, LF |
 * | `datapackage.json` | csv, all | the Data Package describing those six files, with bytes and hash; installed last |
 * | `excel/<table>.csv` (six) | csv, all, with `--excel` or `--bom` | copies for spreadsheets: with a BOM (`--excel`: `;` and CRLF), text cut at 32,767 characters |
 * | `annex.xlsx` | xlsx, all | the sheets, text cut at 32,767 characters |
 *
 * Every cut (XLSX, or the Excel copies) is a NAP601 warning: `excelCuts` finds them before any
 * file is made, so that the caller adds them to the annex's diagnostics and annex.json,
 * diagnostics.csv and the Diagnostiek sheet all carry them.
 */
import type { Annex } from '../schema/annex.js';
import { EXCEL_MAX_CELL, tableCsv, type CsvOptions } from './csv.js';
import { annexPackageMeta, DEFAULT_LICENSE, packageDescriptor } from './datapackage.js';
import { annexJson } from './json.js';
import type { SetFile } from './output-set.js';
import { annexTables, LIST_SEPARATOR, tableRecords, type TableSpec } from './tables.js';

/** What `extract -o` was asked to write. */
export interface AnnexSetOptions {
  format: 'json' | 'csv' | 'xlsx' | 'all';
  /** Delimiter of the package CSVs (and of the `--bom` copies). */
  delimiter: ',' | ';';
  /** Also write `excel/` copies for Dutch Excel: `;`, BOM, CRLF. */
  excel: boolean;
  /** Also write `excel/` copies with a BOM (in `delimiter`). */
  bom: boolean;
  neutraliseFormulas: boolean;
  /** SPDX id of the package's licence (datapackage.ts LICENSES); default CC0-1.0. */
  license?: string;
}

/** The folder of the spreadsheet copies inside an output folder. */
export const EXCEL_DIR = 'excel';

/** The package manifest, installed after every other file of the set. */
export const MANIFEST = 'datapackage.json';

/** Every name an `extract` folder may hold (the writer removes those a new set does not have). */
export function annexSetNames(): string[] {
  const tables = annexTables().map((t) => `${t.name}.csv`);
  return ['annex.json', ...tables, MANIFEST, ...tables.map((t) => `${EXCEL_DIR}/${t}`), 'annex.xlsx'];
}

/** The dialect of the package CSVs. */
export function packageCsvOptions(options: AnnexSetOptions): CsvOptions {
  return { delimiter: options.delimiter, recordDelimiter: '\n', neutraliseFormulas: options.neutraliseFormulas };
}

/** The dialect of the spreadsheet copies (`excel/`), or null when none are written. */
export function spreadsheetCsvOptions(options: Pick<AnnexSetOptions, 'excel' | 'bom' | 'delimiter' | 'neutraliseFormulas'>): CsvOptions | null {
  if (!options.excel && !options.bom) return null;
  return {
    delimiter: options.excel ? ';' : options.delimiter,
    bom: true,
    recordDelimiter: options.excel ? '\r\n' : '\n',
    neutraliseFormulas: options.neutraliseFormulas,
    maxCellLength: EXCEL_MAX_CELL,
  };
}

const wantsCsv = (o: AnnexSetOptions): boolean => o.format === 'csv' || o.format === 'all';
const wantsXlsx = (o: AnnexSetOptions): boolean => o.format === 'xlsx' || o.format === 'all';

/** One cell that a file of the set will cut at EXCEL_MAX_CELL characters. */
export interface ExcelCut {
  /** The file: `annex.xlsx` (sheet …) or `excel/activities.csv`. */
  file: string;
  /** The row: an activity id, `footnote 3`, or the row number. */
  row: string;
  column: string;
  length: number;
}

/**
 * The cells that annex.xlsx and the `excel/` copies will cut (Excel holds at most EXCEL_MAX_CELL
 * characters in a cell), in file order; empty when none is written.
 */
export function excelCuts(annex: Annex, options: AnnexSetOptions): ExcelCut[] {
  const cuts: ExcelCut[] = [];
  const tables = annexTables();
  const rowName = (table: TableSpec<any>, r: number): string =>
    table.name === 'activities' ? annex.activities[r]!.id : table.name === 'footnotes' ? `footnote ${annex.footnotes[r]!.number}` : `row ${r + 1}`;
  const sheetCsv = spreadsheetCsvOptions(options);
  if (wantsCsv(options) && sheetCsv) {
    for (const table of tables) {
      tableCsv(table, annex, { ...sheetCsv, onCut: ({ record, column, length }) => cuts.push({ file: `${EXCEL_DIR}/${table.name}.csv`, row: rowName(table, record), column, length }) });
    }
  }
  if (wantsXlsx(options)) {
    for (const table of tables.filter((t) => t.sheet !== undefined)) {
      tableRecords(table, annex).forEach((record, r) =>
        record.forEach((value, c) => {
          const text = Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
          if (typeof text === 'string' && text.length > EXCEL_MAX_CELL) cuts.push({ file: `annex.xlsx (sheet ${table.sheet})`, row: rowName(table, r), column: table.columns[c]!.name, length: text.length });
        }),
      );
    }
  }
  return cuts;
}

/** The sentence of the NAP601 diagnostic of one cut. */
export function excelCutReason(cut: ExcelCut): string {
  return `${cut.file}, ${cut.row}, column ${cut.column}: ${cut.length} characters cut to ${EXCEL_MAX_CELL} (Excel's cell limit); the whole text is in annex.json and the package CSVs.`;
}

/**
 * The files of one annex's set, in the order they are installed (the manifest last). Contents are
 * made here: the package CSVs must be measured for the manifest. Call after the NAP601
 * diagnostics of excelCuts were added to `annex`.
 */
export async function annexSetFiles(annex: Annex, options: AnnexSetOptions): Promise<SetFile[]> {
  const files: SetFile[] = [];
  const tables = annexTables();
  if (options.format === 'json' || options.format === 'all') files.push({ name: 'annex.json', content: annexJson(annex) });
  if (wantsCsv(options)) {
    const csv = packageCsvOptions(options);
    const packaged = tables.map((table) => ({ table, path: `${table.name}.csv`, content: tableCsv(table, annex, csv) }));
    for (const p of packaged) files.push({ name: p.path, content: p.content });
    const sheetCsv = spreadsheetCsvOptions(options);
    if (sheetCsv) for (const table of tables) files.push({ name: `${EXCEL_DIR}/${table.name}.csv`, content: tableCsv(table, annex, sheetCsv) });
    const descriptor = packageDescriptor(annexPackageMeta(annex, options.license ?? DEFAULT_LICENSE), packaged, csv);
    files.push({ name: MANIFEST, content: `${JSON.stringify(descriptor, null, 2)}\n` });
  }
  if (wantsXlsx(options)) {
    // exceljs is large: loaded only when a workbook is written.
    const { annexSheets, workbookBytes } = await import('./xlsx.js');
    files.push({ name: 'annex.xlsx', content: await workbookBytes(annexSheets(annex, tables)) });
  }
  return files;
}
