/**
 * XLSX output (exceljs): one sheet per published table that has a sheet name (Activiteiten,
 * Voetnoten, Eigenaren, Citaties, Diagnostiek; src/emit/tables.ts). Cells are typed: integers as
 * numbers, dates as dates (format yyyy-mm-dd), booleans as booleans, lists as text joined with
 * `|`. Text is always a text cell: exceljs makes a formula only from a `{ formula }` value, so a
 * title such as `=HYPERLINK(…)` stays text and nothing runs. Header row frozen, autofilter on,
 * long text wrapped, column widths from the content.
 */
import ExcelJS from 'exceljs';
import type { Annex } from '../schema/annex.js';
import { LIST_SEPARATOR, tableRecords, type CellValue, type ColumnSpec, type TableSpec } from './tables.js';

/** A sheet to write: its name, columns, and rows of cell values in column order. */
export interface SheetData {
  name: string;
  columns: Pick<ColumnSpec<unknown>, 'name' | 'type' | 'long' | 'list'>[];
  records: CellValue[][];
}

/** Widest column (characters) a sheet gets; long text wraps within it. */
const MAX_WIDTH = 60;

/** A cell value as exceljs takes it: Date for a date column, joined text for lists. */
function xlsxValue(value: CellValue, type: ColumnSpec<unknown>['type']): string | number | boolean | Date | null {
  if (value === null) return null;
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  if (type === 'date' && typeof value === 'string') {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  return value as string | number | boolean;
}

/** Adds one sheet to `workbook` with a frozen, filtered header row. */
export function addSheet(workbook: ExcelJS.Workbook, sheet: SheetData): void {
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.name, key: c.name }));
  const widths = sheet.columns.map((c) => c.name.length);
  for (const record of sheet.records) {
    const row = ws.addRow(record.map((v, i) => xlsxValue(v, sheet.columns[i]!.type)));
    record.forEach((v, i) => {
      const column = sheet.columns[i]!;
      const text = v === null ? '' : Array.isArray(v) ? v.join(LIST_SEPARATOR) : String(v);
      widths[i] = Math.max(widths[i]!, Math.min(MAX_WIDTH, text.length));
      const cell = row.getCell(i + 1);
      if (column.type === 'date' && v !== null) cell.numFmt = 'yyyy-mm-dd';
      if (column.long) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  sheet.columns.forEach((_, i) => {
    ws.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(widths[i]!, 8) + 2);
  });
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}

/** The sheets of one annex: every published table with a sheet name. */
export function annexSheets(annex: Annex, tables: TableSpec<any>[]): SheetData[] {
  return tables.filter((t) => t.sheet !== undefined).map((t) => ({ name: t.sheet!, columns: t.columns, records: tableRecords(t, annex) }));
}

/** A workbook of `sheets` as the bytes of an .xlsx file. */
export async function workbookBytes(sheets: SheetData[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'nap-annex';
  // A fixed date: the same annex gives the same workbook metadata on every run.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  for (const sheet of sheets) addSheet(workbook, sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
