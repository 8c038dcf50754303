/**
 * The 2024 annex as a spreadsheet (an .xlsx built with exceljs, the way a ministry might keep the
 * table in Excel) printed to PDF by LibreOffice Calc: title and legend (shaded cells and labels)
 * on the first sheet, one sheet per action line whose header row repeats on every printed page,
 * the `Actielijn N` and goal rows merged across the columns, the Status cell shaded in the
 * status colour, footnote markers as superscript runs, explanation paragraphs and `•` items as
 * lines of the cell, and the notes on a last sheet "Noten". The truth's pages are read back from
 * the PDF (scripts/corpus/locate.ts).
 *
 *   npx tsx scripts/calc-rendition/generate.ts [--out DIR]        # → fixtures/calc-generated/
 *
 * Needs LibreOffice Calc (`soffice`, libreoffice-calc-nogui) and fonts-crosextra-carlito.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { STATUS_LABELS, loadAnnexData, type AnnexData, type RichWord } from '../pdf-rendition/annex-data.js';
import { locateAnnex } from '../corpus/locate.js';

export const CALC_DIR = fileURLToPath(new URL('../../fixtures/calc-generated/', import.meta.url));

export const CALC_VARIANT = {
  name: 'calc-a4-landscape-carlito',
  description:
    'LibreOffice Calc from an .xlsx (exceljs): Carlito 8 pt, A4 landscape, fit to the page width, one sheet per action line with its header row repeated on every page, Status cell shading, legend of shaded cells (in the Status column, labels beside them) on the first sheet, notes on a last sheet "Noten" with superscript numbers, untagged',
  font: { name: 'Carlito', size: 8 },
  palette: ['#4e9a06', '#3465a4', '#75507b', '#f57900', '#cc0000'] as [string, string, string, string, string],
  /** Column widths in Excel character units: Activiteit, Status, Wanneer, Wie, Toelichting. */
  widths: [28, 9, 12, 20, 100],
};

type Rich = ExcelJS.RichText[];

/**
 * LibreOffice does not size the rows of an .xlsx that gives no heights, so each row gets one:
 * its tallest cell's lines, estimated from the text and the column width (a column unit is about
 * 1.35 characters of Carlito 8 pt, less what wrapping wastes: 1.25), at 1.25 × the font size
 * per line. Too tall only leaves space; too short would clip text, which the read-back catches.
 */
function rowHeightPt(cells: Array<{ text: string; width: number }>, sizePt: number): number {
  const lines = Math.max(
    1,
    ...cells.map(({ text, width }) => {
      const perLine = Math.max(4, Math.floor(width * 1.25));
      return text.split('\n').reduce((n, para) => n + Math.max(1, Math.ceil(para.length / perLine)), 0);
    }),
  );
  return Math.ceil(lines * sizePt * 1.25 + 4);
}

const plain = (runs: Rich | null): string => (runs ?? []).map((r) => r.text).join('');

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** A word's runs: its text, with each footnote marker a superscript run (a space before it where the export has one). */
function wordRuns(w: RichWord, font: Partial<ExcelJS.Font>): Rich {
  const runs: Rich = [];
  let last = 0;
  for (const m of w.markers) {
    runs.push({ text: w.text.slice(last, m.at) + (m.spaced ? ' ' : ''), font });
    runs.push({ text: String(m.number), font: { ...font, vertAlign: 'superscript' } });
    last = m.at;
  }
  runs.push({ text: w.text.slice(last), font });
  return runs.filter((r) => r.text !== '');
}

function explanationRuns(a: AnnexData['activities'][number], font: Partial<ExcelJS.Font>): Rich {
  const lines: RichWord[][] = [];
  const prefix: string[] = [];
  for (const b of a.blocks) {
    if (b.type === 'paragraph') {
      lines.push(b.words);
      prefix.push('');
    } else {
      for (const item of b.items) {
        lines.push(item);
        prefix.push('•\u00a0');
      }
    }
  }
  // Lines of one cell (Alt+Enter): a paragraph after an empty line, as a spreadsheet author sets
  // paragraphs apart; a list item on the next line, marked by its bullet.
  const runs: Rich = [];
  lines.forEach((words, i) => {
    if (i > 0) runs.push({ text: prefix[i] === '' ? '\n\n' : '\n', font });
    if (prefix[i] !== '') runs.push({ text: prefix[i]!, font });
    words.forEach((w, k) => {
      if (k > 0) runs.push({ text: ' ', font });
      runs.push(...wordRuns(w, font));
    });
  });
  return runs;
}

/** The workbook of the annex. */
export async function buildXlsx(annex: AnnexData): Promise<Uint8Array> {
  const v = CALC_VARIANT;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'nap-annex calc-rendition generator';
  wb.created = new Date('2024-03-18T12:00:00Z');
  wb.modified = wb.created;
  const font: Partial<ExcelJS.Font> = { name: v.font.name, size: v.font.size };
  const bold = { ...font, bold: true };
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
  const grid: Partial<ExcelJS.Borders> = { top: thin, bottom: thin, left: thin, right: thin };
  const setup = (ws: ExcelJS.Worksheet, titleRow: number): void => {
    ws.columns = v.widths.map((width) => ({ width }));
    ws.pageSetup = {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${titleRow}:${titleRow}`,
    };
    ws.headerFooter = { oddHeader: '', oddFooter: '' };
  };
  annex.actionLines.forEach((line, t) => {
    const ws = wb.addWorksheet(`Actielijn ${line.number}`);
    let r = 1;
    if (t === 0) {
      ws.getCell(r, 1).value = { richText: [{ text: annex.title, font: { ...bold, size: 11 } }] };
      ws.mergeCells(r, 1, r, 5);
      ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
      r += 2;
      // The legend: a shaded cell in the Status column, the label beside it.
      STATUS_LABELS.forEach((label, i) => {
        ws.getCell(r, 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(v.palette[i]!) } };
        ws.getCell(r, 3).value = { richText: [{ text: label, font }] };
        ws.mergeCells(r, 3, r, 5);
        r++;
      });
      r++;
    }
    const headerRow = r;
    setup(ws, headerRow);
    const header = ['Activiteit', 'Status', line.planningHeader, 'Wie', 'Toelichting'];
    header.forEach((h, c) => {
      const cell = ws.getCell(r, c + 1);
      cell.value = { richText: [{ text: h, font: bold }] };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
      cell.border = grid;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    r++;
    for (const [text, isBold] of [[`Actielijn ${line.number}`, true], [line.title, false]] as const) {
      ws.mergeCells(r, 1, r, 5);
      ws.getRow(r).height = rowHeightPt([{ text, width: v.widths.reduce((x, y) => x + y, 0) }], v.font.size);
      const cell = ws.getCell(r, 1);
      cell.value = { richText: [{ text, font: isBold ? bold : font }] };
      cell.border = grid;
      cell.alignment = { wrapText: true, vertical: 'top' };
      r++;
    }
    for (const a of annex.activities.filter((x) => x.actionLine === line.number)) {
      const values: Array<Rich | null> = [[{ text: a.title, font }], null, [{ text: a.planning, font }], [{ text: a.owners, font }], explanationRuns(a, font)];
      values.forEach((runs, c) => {
        const cell = ws.getCell(r, c + 1);
        if (runs) cell.value = { richText: runs };
        cell.border = grid;
        cell.alignment = { wrapText: true, vertical: 'top' };
      });
      ws.getCell(r, 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(v.palette[STATUS_LABELS.indexOf(a.status)]!) } };
      ws.getRow(r).height = rowHeightPt(values.map((runs, c) => ({ text: plain(runs), width: v.widths[c]! })), v.font.size);
      r++;
    }
  });
  const notes = wb.addWorksheet('Noten');
  notes.columns = [{ width: 4 }, { width: 160 }];
  notes.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  notes.headerFooter = { oddHeader: '', oddFooter: '' };
  notes.getCell(1, 1).value = { richText: [{ text: 'Noten', font: bold }] };
  annex.footnotes.forEach((f, i) => {
    notes.getCell(i + 2, 1).value = { richText: [{ text: String(f.number), font: { ...font, vertAlign: 'superscript' } }] };
    notes.getCell(i + 2, 1).alignment = { horizontal: 'right', vertical: 'top' };
    notes.getCell(i + 2, 2).value = { richText: [{ text: f.text, font }] };
    notes.getCell(i + 2, 2).alignment = { wrapText: true, vertical: 'top' };
    notes.getRow(i + 2).height = rowHeightPt([{ text: f.text, width: 160 }], v.font.size);
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function generateCalc(outDir: string): Promise<void> {
  const annex = await loadAnnexData();
  const v = CALC_VARIANT;
  const work = mkdtempSync(join(tmpdir(), 'calc-rendition-'));
  try {
    const xlsx = join(work, `${v.name}.xlsx`);
    writeFileSync(xlsx, await buildXlsx(annex));
    execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, xlsx], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
    const pdf = join(work, `${v.name}.pdf`);
    const bytes = new Uint8Array(readFileSync(pdf));
    const at = await locateAnnex(bytes, annex);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    if (!fonts.includes('Carlito')) throw new Error(`${v.name}: Carlito not embedded:\n${fonts}`);
    const byId = new Map(at.rows.map((r) => [r.id, r]));
    const truth = {
      name: v.name,
      description: v.description,
      generator: 'scripts/calc-rendition/generate.ts',
      producer: execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim(),
      pages: at.pages,
      pageSize: at.pageSize,
      tagged: at.tagged,
      font: { ...v.font, pdfFonts: [...new Set(fonts.split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')))].sort() },
      statusCue: 'shading',
      icon: { kind: 'shading', pdf: { drawnAs: 'cell-fill' } },
      palette: Object.fromEntries(STATUS_LABELS.map((l, i) => [l, v.palette[i]!])),
      legendPlacement: 'page-1',
      footnotePlacement: 'note-list',
      noteNumbering: 'superscript',
      noteHeading: 'Noten',
      repeatedHeaderRows: 1,
      title: annex.title,
      actionLines: annex.actionLines.map((l) => ({ number: l.number, title: l.title, planningHeader: l.planningHeader })),
      activities: annex.activities.map((a) => {
        const r = byId.get(a.id)!;
        if (r.pages.length > 1) throw new Error(`${a.id}: Calc never breaks a row, yet it runs over pages ${r.pages.join(', ')}`);
        return { id: a.id, actionLine: a.actionLine, title: a.title, status: a.status, planning: a.planning, owners: a.owners, footnotes: a.footnotes, page: r.page, pages: r.pages, split: false };
      }),
      footnotes: annex.footnotes.map((f) => ({ number: f.number, text: f.text, page: at.notes.find((n) => n.number === f.number)!.page })),
    };
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `${v.name}.pdf`), bytes);
    writeFileSync(join(outDir, `${v.name}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);
    console.log(`${v.name}: ${truth.pages} pages`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  generateCalc(values.out ?? CALC_DIR).catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
