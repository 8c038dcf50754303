/**
 * XLSX output (exceljs): one sheet per published table that has a sheet name (Activiteiten,
 * Voetnoten, Eigenaren, Citaties, Diagnostiek; src/emit/tables.ts), or the stack's sheets. Cells
 * are typed by their column: integers and numbers as numbers, dates as dates (format yyyy-mm-dd),
 * booleans as booleans, lists as text joined with `|`. Text is always a text cell: exceljs makes a
 * formula only from a `{ formula }` value, so a title such as `=HYPERLINK(…)` stays text and
 * nothing runs. Text longer than Excel's cell limit (EXCEL_MAX_CELL, 32,767 characters) is cut
 * as in CSV, and each cut is reported to the caller (NAP601). Header row frozen, autofilter on,
 * long text wrapped, column widths from the content.
 *
 * The same sheets give the same bytes on every run: the workbook's dates are fixed, and the zip
 * entries (which exceljs stamps with the time of writing) are stamped with XLSX_ENTRY_DATE.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Annex } from '../schema/annex.js';
import { EXCEL_MAX_CELL } from './csv.js';
import { checkCell, LIST_SEPARATOR, tableRecords, type CellValue, type ColumnShape, type TableSpec } from './tables.js';

/** A sheet to write: its name, columns, and rows of cell values in column order. */
export interface SheetData {
  name: string;
  columns: ColumnShape[];
  records: CellValue[][];
}

/** One text cell cut at EXCEL_MAX_CELL: the sheet, the 0-based record index, the column, the original length. */
export interface SheetCut {
  sheet: string;
  record: number;
  column: string;
  length: number;
}

/**
 * The date in every zip entry and in the workbook's properties: fixed, so that the same annex
 * gives byte-identical workbooks (the zip format stores a modification time per entry).
 */
export const XLSX_ENTRY_DATE = new Date(Date.UTC(2000, 0, 1));

/** Widest column (characters) a sheet gets; long text wraps within it. */
const MAX_WIDTH = 60;

/** A cell value as exceljs takes it (Date for a date column, joined text for lists), cut at EXCEL_MAX_CELL. */
function xlsxValue(value: CellValue, column: ColumnShape, onCut: (length: number) => void): string | number | boolean | Date | null {
  checkCell(value, column);
  if (value === null) return null;
  if (column.type === 'date' && typeof value === 'string') {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  const text = Array.isArray(value) ? (value as readonly (string | number)[]).join(LIST_SEPARATOR) : value;
  if (typeof text === 'string' && text.length > EXCEL_MAX_CELL) {
    onCut(text.length);
    return `${text.slice(0, EXCEL_MAX_CELL - 1)}…`;
  }
  return text as string | number | boolean;
}

/** Adds one sheet to `workbook` with a frozen, filtered header row; reports each cut text cell to `onCut`. */
export function addSheet(workbook: ExcelJS.Workbook, sheet: SheetData, onCut: (cut: SheetCut) => void = () => undefined): void {
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.name, key: c.name }));
  const widths = sheet.columns.map((c) => c.name.length);
  sheet.records.forEach((record, r) => {
    const row = ws.addRow(record.map((v, i) => xlsxValue(v, sheet.columns[i]!, (length) => onCut({ sheet: sheet.name, record: r, column: sheet.columns[i]!.name, length }))));
    record.forEach((v, i) => {
      const column = sheet.columns[i]!;
      const text = v === null ? '' : Array.isArray(v) ? (v as readonly (string | number)[]).join(LIST_SEPARATOR) : String(v);
      widths[i] = Math.max(widths[i]!, Math.min(MAX_WIDTH, text.length));
      const cell = row.getCell(i + 1);
      if (column.type === 'date' && v !== null) cell.numFmt = 'yyyy-mm-dd';
      if (column.long) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
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

/**
 * A workbook of `sheets` as the bytes of an .xlsx file; each text cell cut at EXCEL_MAX_CELL is
 * passed to `onCut` (the caller reports NAP601). Byte-identical for the same sheets.
 */
export async function workbookBytes(sheets: SheetData[], onCut?: (cut: SheetCut) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'nap-annex';
  workbook.created = XLSX_ENTRY_DATE;
  workbook.modified = XLSX_ENTRY_DATE;
  for (const sheet of sheets) addSheet(workbook, sheet, onCut);
  const written = await workbook.xlsx.writeBuffer();
  // exceljs stamps each zip entry with the time of writing: stamp them with the fixed date instead.
  const zip = await JSZip.loadAsync(written as ArrayBuffer);
  for (const entry of Object.values(zip.files)) entry.date = XLSX_ENTRY_DATE;
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'DOS' });
}
