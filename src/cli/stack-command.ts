/**
 * `nap-annex stack <inputs...> -o <dir>`: several editions of the annex (annex.json files, PDFs,
 * text exports, HTML, mixed; globs allowed) into one long dataset: editions.csv,
 * edition_activities.csv, transitions.csv, activities.csv and stack.xlsx (src/stack/*). Exit 0;
 * 1 when an input has error diagnostics (its rows are still stacked, and its errors printed);
 * 2 when an input cannot be read (nothing written); 64 for fewer than two editions; 73 when the
 * output cannot be written.
 */
import { join } from 'node:path';
import { recordsCsv, type CsvOptions } from '../emit/csv.js';
import { writeFilesAtomically, type OutputFile } from '../emit/write-atomic.js';
import { stackEditions } from '../stack/stack-editions.js';
import { stackTables } from '../stack/stack-tables.js';
import { loadAnnex } from './load-annex.js';
import { EXIT } from './exit-codes.js';
import { expandInputs } from './expand-inputs.js';
import { type CliIo, processIo, resolvePath } from './io.js';
import { printable } from './printable.js';
import { formatDiagnostic } from './report.js';

/** Parsed options of `stack`. */
export interface StackCommandOptions {
  output: string;
  format: 'csv' | 'xlsx' | 'all';
  excel: boolean;
  minSimilarity: number;
  maxBytes: number;
  quiet: boolean;
}

/** Runs `stack`; returns the exit code. Lets InputError through (exit 2), before anything is written. */
export async function runStack(inputs: string[], options: StackCommandOptions, io: CliIo = processIo()): Promise<number> {
  const paths: string[] = [];
  for (const e of await expandInputs(inputs, io)) {
    if (e.kind === 'unmatched') throw e.error;
    paths.push(e.path);
  }
  if (paths.length < 2) {
    io.stderr.write('nap-annex stack: give at least two editions (files or glob patterns).\n');
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
  const tables = stackTables(stack);
  const csv: CsvOptions = options.excel ? { delimiter: ';', bom: true, recordDelimiter: '\r\n' } : {};
  const files: OutputFile[] = [];
  const output = resolvePath(io, options.output);
  if (options.format !== 'xlsx') {
    for (const t of tables) files.push({ path: join(output, `${t.file}.csv`), content: () => recordsCsv(t.columns.map((c) => c.name), t.records, csv) });
  }
  if (options.format !== 'csv') {
    const { workbookBytes } = await import('../emit/xlsx.js'); // exceljs: only when a workbook is written
    files.push({ path: join(output, 'stack.xlsx'), content: await workbookBytes(tables) });
  }
  try {
    await writeFilesAtomically(files);
  } catch (error) {
    io.stderr.write(`nap-annex: cannot write the output (${printable((error as Error).message)}). Nothing was written. Choose another folder with -o, or fix its permissions.\n`);
    return EXIT.CANNOT_WRITE;
  }
  if (!options.quiet) {
    const lines = stack.editions.map((e) => `  edition ${e.edition}: ${e.label} (${e.date ?? 'no date'}${e.kamerstuk ? `, Kamerstuk ${e.kamerstuk}` : ''}), ${e.activities} activities`);
    const kinds = (k: string) => stack.transitions.filter((t) => t.kind === k).length;
    lines.push(`${stack.rows.length} rows, ${stack.activities.length} activities, ${stack.transitions.length} transitions (${kinds('added')} added, ${kinds('removed')} removed, ${kinds('changed')} changed)`);
    lines.push(`wrote ${files.map((f) => f.path).join(', ')}`);
    io.stderr.write(`${lines.map(printable).join('\n')}\n`);
  }
  return code;
}
