/**
 * `nap-annex stack <inputs...> -o <dir>`: several editions of the annex (annex.json files, PDFs,
 * text exports, HTML, mixed; globs allowed) into one long dataset: editions.csv,
 * edition_activities.csv, transitions.csv, activities.csv with their datapackage.json, and
 * stack.xlsx (src/stack/*), written as one set by the writer every command uses
 * (src/emit/output-set.ts); with --excel, copies for Dutch Excel in excel/. Exit 0; 1 when an
 * input has error diagnostics (its rows are still stacked, and its errors printed); 2 when an
 * input cannot be read (nothing written); 64 for fewer than two editions; 73 when the output
 * cannot be written; 75 when another run writes the folder.
 */
import { EXCEL_DIR, MANIFEST, spreadsheetCsvOptions } from '../emit/annex-set.js';
import { EXCEL_MAX_CELL, tableCsv } from '../emit/csv.js';
import { annexSources, DEFAULT_LICENSE, packageDescriptor } from '../emit/datapackage.js';
import type { SetFile } from '../emit/output-set.js';
import { tableRecords } from '../emit/tables.js';
import { stackEditions } from '../stack/stack-editions.js';
import { stackTableSpecs } from '../stack/stack-tables.js';
import { loadAnnex } from './load-annex.js';
import { EXIT } from './exit-codes.js';
import { expandInputs } from './expand-inputs.js';
import { type CliIo, processIo, resolvePath } from './io.js';
import { printable } from './printable.js';
import { formatDiagnostic } from './report.js';
import { writeOutputFolder } from './write-output.js';

/** Parsed options of `stack`. */
export interface StackCommandOptions {
  output: string;
  format: 'csv' | 'xlsx' | 'all';
  excel: boolean;
  minSimilarity: number;
  maxBytes: number;
  quiet: boolean;
  /** SPDX id of datapackage.json's licence (default CC0-1.0). */
  license?: string;
}

/** Every name a stack folder may hold. */
export function stackSetNames(): string[] {
  const csv = stackTableSpecs().map((t) => `${t.name}.csv`);
  return [...csv, MANIFEST, ...csv.map((c) => `${EXCEL_DIR}/${c}`), 'stack.xlsx'];
}

/** Runs `stack`; returns the exit code. Lets InputError through (exit 2), before anything is written. */
export async function runStack(inputs: string[], options: StackCommandOptions, io: CliIo = processIo()): Promise<number> {
  const paths: string[] = [];
  for (const e of await expandInputs(inputs, io)) {
    if (e.kind === 'unmatched') throw e.error;
    paths.push(e.path);
  }
  if (paths.length < 2) {
    // expandInputs gives each file once: the same file named twice is one edition.
    const named = inputs.length >= 2 ? ` (${inputs.length} were named, but they are ${paths.length === 1 ? 'one file' : 'no file'})` : '';
    io.stderr.write(`nap-annex stack: give at least two editions (files or glob patterns)${named}.\n`);
    return EXIT.USAGE;
  }
  const loaded = [];
  for (const path of paths) loaded.push(await loadAnnex(path, { maxBytes: options.maxBytes }, io));
  let code: number = EXIT.OK;
  for (const { path, annex } of loaded) {
    const errors = annex.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) continue;
    code = EXIT.FINDINGS;
    for (const d of errors) io.stderr.write(`${formatDiagnostic({ ...d, file: path })}\n`);
  }
  const stack = stackEditions(loaded.map((l) => ({ label: l.path, annex: l.annex })), options.minSimilarity);
  const tables = stackTableSpecs();
  const files: SetFile[] = [];
  const warnings: string[] = [];
  if (options.format !== 'xlsx') {
    const packaged = tables.map((table) => ({ table, path: `${table.name}.csv`, content: tableCsv(table, stack, {}) }));
    for (const p of packaged) files.push({ name: p.path, content: p.content });
    const sheetCsv = spreadsheetCsvOptions({ excel: options.excel, bom: false, delimiter: ',', neutraliseFormulas: true });
    if (sheetCsv) {
      for (const table of tables) {
        const file = `${EXCEL_DIR}/${table.name}.csv`;
        files.push({ name: file, content: tableCsv(table, stack, { ...sheetCsv, onCut: ({ record, column, length }) => warnings.push(`${file}, row ${record + 1}, column ${column}: ${length} characters cut to ${EXCEL_MAX_CELL} (Excel's cell limit)`) }) });
      }
    }
    const sources = loaded.flatMap((l) => annexSources(l.annex));
    const descriptor = packageDescriptor(
      {
        name: 'nap-annex-stack',
        title: 'NAP progress annex, every edition',
        description: `Every edition of the progress annex (Bijlage 1) of the Dutch Nationaal Actieprogramma Aanpak seksueel grensoverschrijdend gedrag en seksueel geweld (NAP) in one dataset, written by nap-annex stack from ${stack.editions.length} editions.`,
        description_nl: `Alle edities van de voortgangsbijlage (Bijlage 1) van het Nationaal Actieprogramma Aanpak seksueel grensoverschrijdend gedrag en seksueel geweld (NAP) in één dataset, geschreven door nap-annex stack uit ${stack.editions.length} edities.`,
        keywords: ['NAP', 'seksueel grensoverschrijdend gedrag', 'Tweede Kamer'],
        license: options.license ?? DEFAULT_LICENSE,
        sources,
      },
      packaged,
      {},
    );
    files.push({ name: MANIFEST, content: `${JSON.stringify(descriptor, null, 2)}\n` });
  }
  if (options.format !== 'csv') {
    const { workbookBytes } = await import('../emit/xlsx.js'); // exceljs: only when a workbook is written
    const sheets = tables.map((t) => ({ name: t.sheet, columns: t.columns, records: tableRecords(t, stack) }));
    files.push({ name: 'stack.xlsx', content: await workbookBytes(sheets, (cut) => warnings.push(`stack.xlsx (sheet ${cut.sheet}), row ${cut.record + 1}, column ${cut.column}: ${cut.length} characters cut to ${EXCEL_MAX_CELL} (Excel's cell limit)`)) });
  }
  // Without a date on every edition the order is the command line's: an analyst must know, or the transitions run backwards.
  const undated = stack.editions.filter((e) => e.date === null).length;
  if (undated > 0) io.stderr.write(`${printable(`${options.output} warning: ${undated} of ${stack.editions.length} editions have no edition date, so the editions are stacked in the order given (the first is the oldest) and each transition runs from one to the next in that order. Give them oldest first, or date them (nap-annex extract --edition-date YYYY-MM-DD, then stack the annex.json files).`)}
`);
  // NAP601, as extract reports it; the stack has no annex.json to record it in.
  for (const w of warnings) io.stderr.write(`${printable(`${options.output} warning NAP601 ${w}; the whole text is in the inputs' annex.json and the package CSVs.`)}\n`);
  if (!options.quiet) {
    const lines = stack.editions.map((e) => `  edition ${e.edition}: ${e.label} (${e.date ?? 'no date'}${e.kamerstuk ? `, Kamerstuk ${e.kamerstuk}` : ''}), ${e.activities} activities`);
    const kinds = (k: string) => stack.transitions.filter((t) => t.kind === k).length;
    lines.push(`${stack.rows.length} rows, ${stack.activities.length} activities, ${stack.transitions.length} transitions (${kinds('added')} added, ${kinds('removed')} removed, ${kinds('changed')} changed)`);
    io.stderr.write(`${lines.map(printable).join('\n')}\n`);
  }
  const failed = writeOutputFolder(resolvePath(io, options.output), files, { owned: stackSetNames(), last: [MANIFEST] }, options.quiet, io.stderr, options.output);
  return failed ?? code;
}
