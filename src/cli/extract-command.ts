/**
 * `nap-annex extract <inputs...> [-o dir] [--format json|csv|xlsx|all]`: runs the pipeline on
 * one input and writes its files into the folder as one output set (kill-safe, locked while
 * written: docs/output-folder.md), or the JSON to stdout without `-o`; or, for several inputs or
 * a glob pattern, runs them in parallel (up to the number of cores), each into its own subfolder
 * of `-o` (an output set each), with a progress bar on a terminal and a final table. The summary
 * goes to stderr.
 */
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { dataPackage } from '../emit/datapackage.js';
import { tableCsv, activitiesCsv, footnotesCsv, EXCEL_MAX_CELL, type CsvOptions } from '../emit/csv.js';
import { annexJson } from '../emit/json.js';
import { annexTables } from '../emit/tables.js';
import { writeFilesAtomically, type OutputFile } from '../emit/write-atomic.js';
import { DiagnosticBag, InputError, type Diagnostic } from '../model/diagnostics.js';
import { baseName } from '../normalise/normalise-annex.js';
import { SchemaViolationError } from '../pipeline.js';
import { extractAnnexLimited as extractAnnex } from '../threads/limited-pipeline.js';
import { OutputLockedError, writeOutputSet, type SetFile } from '../emit/output-set.js';
import { writeFailureReason } from './write-failure.js';
import type { Annex } from '../schema/annex.js';
import { worstExit } from './check-command.js';
import { EXIT } from './exit-codes.js';
import { expandInputs } from './expand-inputs.js';
import { type CliIo, type TextSink, processIo, resolvePath } from './io.js';
import { startProgress } from './progress.js';
import { printable } from './printable.js';
import { readInput } from './read-input.js';
import { type ReaderCliOptions, extractOptionsFrom, keepThreads } from './reader-options.js';
import { countBySeverity, formatDiagnostic, formatSummary } from './report.js';

/** Parsed options of `extract`. */
export interface ExtractCommandOptions extends ReaderCliOptions {
  /** The folder to write into; undefined: standard output (main.ts maps `-o -` to undefined). */
  output?: string;
  /** `all` only with `output` (main.ts refuses it for standard output). */
  format: 'json' | 'csv' | 'xlsx' | 'all';
  delimiter: ',' | ';';
  bom: boolean;
  excel: boolean;
  neutraliseFormulas: boolean;
  force: boolean;
  quiet: boolean;
}

/**
 * Excel cuts cells at EXCEL_MAX_CELL characters: with --excel the CSV cells are cut there by us
 * instead, each with a NAP601 warning (added to the annex's diagnostics before anything is
 * written, so annex.json records it too, and printed unless --quiet).
 */
function reportExcelCuts(annex: Annex, csv: CsvOptions, quiet: boolean, stderr: TextSink = process.stderr): void {
  const cuts: string[] = [];
  const probe = (file: string, name: (record: number) => string): CsvOptions => ({
    ...csv,
    maxCellLength: EXCEL_MAX_CELL,
    onCut: ({ record, column, length }) => cuts.push(`${file}, ${name(record)}, column ${column}: ${length} characters cut to ${EXCEL_MAX_CELL} (Excel's cell limit, --excel); the whole text is in annex.json.`),
  });
  activitiesCsv(annex, probe('activities.csv', (r) => annex.activities[r]!.id));
  footnotesCsv(annex, probe('footnotes.csv', (r) => `footnote ${annex.footnotes[r]!.number}`));
  for (const message of cuts) {
    const d = new DiagnosticBag(annex.source.fileName, 'emit').report('NAP601', message);
    annex.diagnostics.push(d as Annex['diagnostics'][number]);
    if (!quiet) stderr.write(`${formatDiagnostic(d)}\n`);
  }
}

/** The CSV dialect chosen by the options. */
function csvOptions(options: ExtractCommandOptions): CsvOptions {
  return {
    delimiter: options.excel ? ';' : options.delimiter,
    bom: options.excel || options.bom,
    recordDelimiter: options.excel ? '\r\n' : '\n',
    neutraliseFormulas: options.neutraliseFormulas,
    // Excel cuts cells at EXCEL_MAX_CELL characters: with --excel we cut them, reported (reportExcelCuts).
    ...(options.excel ? { maxCellLength: EXCEL_MAX_CELL } : {}),
  };
}

/**
 * The files `extract -o <dir>` writes for `annex`: annex.json (json, all); every table as CSV and
 * datapackage.json (csv, all); annex.xlsx (xlsx, all). Contents are made when written.
 */
export async function outputFiles(annex: Annex, dir: string, options: ExtractCommandOptions): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const csv = csvOptions(options);
  const tables = annexTables();
  if (options.format === 'json' || options.format === 'all') files.push({ path: join(dir, 'annex.json'), content: () => annexJson(annex) });
  if (options.format === 'csv' || options.format === 'all') {
    for (const table of tables) files.push({ path: join(dir, `${table.name}.csv`), content: () => tableCsv(table, annex, csv) });
    files.push({ path: join(dir, 'datapackage.json'), content: () => `${JSON.stringify(dataPackage(annex, tables, csv), null, 2)}\n` });
  }
  if (options.format === 'xlsx' || options.format === 'all') {
    // exceljs is large: loaded only when a workbook is written.
    const { annexSheets, workbookBytes } = await import('../emit/xlsx.js');
    files.push({ path: join(dir, 'annex.xlsx'), content: await workbookBytes(annexSheets(annex, tables)) });
  }
  return files;
}

/** Why an output set was not written: another run holds the folder's lock (LOCKED), or writing failed (CANNOT_WRITE, with the reason). */
interface SetWriteFailure {
  exitCode: typeof EXIT.LOCKED | typeof EXIT.CANNOT_WRITE;
  message: string;
}

/**
 * Writes the files of one extract into `folder` as one output set (output-set.ts: the complete old
 * or the complete new set survives a kill; a second run into the folder is refused while this one
 * holds its lock). Returns why it failed (nothing of this run written, the old set unchanged), or null.
 */
async function writeSet(files: readonly OutputFile[], folder: string): Promise<SetWriteFailure | null> {
  const set: SetFile[] = files.map((f) => ({ name: basename(f.path), content: f.content }));
  try {
    await writeOutputSet(folder, set);
    return null;
  } catch (error) {
    if (error instanceof OutputLockedError) return { exitCode: EXIT.LOCKED, message: error.message };
    return { exitCode: EXIT.CANNOT_WRITE, message: writeFailureReason(error, folder) };
  }
}

/**
 * Writes the files of one extract into `folder` as one output set (writeSet) and says so on
 * stderr. Returns EXIT.LOCKED or EXIT.CANNOT_WRITE after a failure, else undefined.
 */
export async function writeOutputFolder(files: OutputFile[], folder: string, quiet: boolean, stderr: TextSink = process.stderr): Promise<number | undefined> {
  const failure = await writeSet(files, folder);
  if (failure?.exitCode === EXIT.LOCKED) {
    stderr.write(`nap-annex: ${printable(failure.message)} Nothing was written.\n`);
    return EXIT.LOCKED;
  }
  if (failure) {
    stderr.write(`nap-annex: cannot write the output: ${printable(failure.message)}. Nothing was written; the files in ${printable(folder)} are unchanged.\n`);
    return EXIT.CANNOT_WRITE;
  }
  if (!quiet) stderr.write(`wrote ${files.map((f) => printable(f.path)).join(', ')}\n`);
  return undefined;
}

/**
 * The steps every command that writes an annex's output shares (`extract`, `report`): prints the
 * summary and every diagnostic to stderr (unless quiet); with error diagnostics and no `force`,
 * says that nothing is written and returns EXIT.FINDINGS; otherwise returns undefined (go on).
 */
export function summariseAndGate(
  annex: Annex,
  name: string,
  options: { quiet: boolean; force: boolean },
  diagnostics: readonly Diagnostic[] = annex.diagnostics,
  stderr: TextSink = process.stderr,
): number | undefined {
  if (!options.quiet) stderr.write(`${formatSummary(annex, name, [...diagnostics])}\n`);
  const counts = countBySeverity(annex.diagnostics);
  if (counts.error > 0 && !options.force) {
    stderr.write(`nap-annex: ${counts.error} error(s) in ${printable(name)}; nothing written. Fix the input, or use --force to write the output anyway.\n`);
    return EXIT.FINDINGS;
  }
  return undefined;
}

/** Exit code after the output was written: FINDINGS when it was forced past error diagnostics, else OK. */
export function exitCodeAfterWriting(annex: Annex): number {
  return countBySeverity(annex.diagnostics).error > 0 ? EXIT.FINDINGS : EXIT.OK;
}

/**
 * Writes `files` atomically into `folder` (see write-atomic.ts) and reports it on stderr. Returns
 * EXIT.CANNOT_WRITE after a failure (nothing written, existing files unchanged), else undefined.
 */
export async function writeOutputs(files: OutputFile[], folder: string, quiet: boolean, stderr: TextSink = process.stderr): Promise<number | undefined> {
  try {
    await writeFilesAtomically(files);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const reason = e.code === 'EEXIST' || e.code === 'ENOTDIR' ? `${folder} or a folder above it is a file, not a folder` : e.message;
    stderr.write(`nap-annex: cannot write the output (${printable(reason)}). Nothing was written; existing files in ${printable(folder)} are unchanged. Choose another folder with -o, or fix its permissions.\n`);
    return EXIT.CANNOT_WRITE;
  }
  if (!quiet) stderr.write(`wrote ${files.map((f) => printable(f.path)).join(', ')}\n`);
  return undefined;
}

/**
 * Runs `extract`; returns the exit code. One plain file argument: the single-input behaviour
 * (InputError and SchemaViolationError are let through to the caller). Several arguments or a
 * glob pattern: every input into its own subfolder of `-o`, each failure kept to its input.
 */
export async function runExtract(inputs: string[], options: ExtractCommandOptions, io: CliIo = processIo()): Promise<number> {
  if (inputs.length === 1 && (inputs[0] === '-' || !isDynamicPattern(inputs[0]!))) return extractSingle(inputs[0]!, options, io);
  if (options.output === undefined) {
    io.stderr.write('nap-annex extract: several inputs (or a glob pattern) need -o <dir>: each input is written into its own subfolder of it.\n');
    return EXIT.USAGE;
  }
  if (inputs.includes('-')) {
    io.stderr.write('nap-annex extract: standard input (-) can only be read on its own, not with other inputs.\n');
    return EXIT.USAGE;
  }
  return extractMany(inputs, resolvePath(io, options.output), options, io);
}

async function extractSingle(input: string, options: ExtractCommandOptions, io: CliIo): Promise<number> {
  if (options.format === 'xlsx' && options.output === undefined) {
    io.stderr.write('nap-annex extract: --format xlsx needs -o <dir> (a workbook is not written to the terminal).\n');
    return EXIT.USAGE;
  }
  const { name, bytes } = await readInput(input, options.maxBytes, io);
  const { annex, diagnostics } = await extractAnnex(bytes, extractOptionsFrom(name, options, keepThreads(io, false)));
  const stop = summariseAndGate(annex, name, options, diagnostics, io.stderr);
  if (stop !== undefined) return stop;
  if (options.excel && options.format !== 'json') reportExcelCuts(annex, csvOptions(options), options.quiet, io.stderr);
  if (options.output === undefined) {
    // Without -o: the JSON, or with --format csv the activities CSV, to stdout.
    io.stdout.write(options.format === 'csv' ? activitiesCsv(annex, csvOptions(options)) : annexJson(annex));
    if (options.format === 'csv' && !options.quiet) io.stderr.write('nap-annex: printed activities.csv only; footnotes.csv and the other tables are written with -o <dir>.\n');
  } else {
    const files = await outputFiles(annex, resolvePath(io, options.output), options);
    const failed = await writeOutputFolder(files, resolvePath(io, options.output), options.quiet, io.stderr);
    if (failed !== undefined) return failed;
  }
  return exitCodeAfterWriting(annex);
}

/** The outcome of one input of a multi-input extract: one line of the final table. */
export interface ExtractOutcome {
  input: string;
  folder: string | null;
  format: string | null;
  pages: number | null;
  activities: number | null;
  counts: { error: number; warning: number; info: number };
  exitCode: number;
  /** Diagnostics worth showing after the table (errors, or why the input was not read). */
  problems: Diagnostic[];
  note?: string;
}

/**
 * Subfolder names for `paths`: the file's base name without its extension (characters other than
 * letters, digits, `.`, `_` and `-` as `_`). Inputs whose names would be the same (ignoring case)
 * get the names of their parent folders in front, as many as tell them apart
 * (`annexes/2024/bijlage-1.pdf`, `annexes/2025/bijlage-1.pdf` → `2024-bijlage-1`, `2025-bijlage-1`),
 * so adding an input never gives another input's folder to it; when the folders do not tell them
 * apart either, `-2`, `-3` … follow in input order.
 */
export function subfolderNames(paths: readonly string[]): string[] {
  const clean = (part: string): string => part.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '_');
  const stems = paths.map((path) => clean(baseName(path).replace(/\.[^.]*$/, '')) || 'input');
  const parents = paths.map((path) => path.split(/[\\/]+/).slice(0, -1).filter((p) => p !== '' && p !== '.' && p !== '..').map(clean));
  const key = (name: string): string => name.toLowerCase();
  const names = [...stems];
  const groups = new Map<string, number[]>();
  stems.forEach((stem, i) => groups.set(key(stem), [...(groups.get(key(stem)) ?? []), i]));
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const depth = Math.max(...members.map((i) => parents[i]!.length));
    for (let k = 1; k <= depth; k++) {
      const tried = members.map((i) => [...parents[i]!.slice(-k), stems[i]!].join('-'));
      if (new Set(tried.map(key)).size === tried.length) {
        members.forEach((i, j) => (names[i] = tried[j]!));
        break;
      }
    }
  }
  const taken = new Set<string>();
  return names.map((base) => {
    let name = base;
    for (let n = 2; taken.has(key(name)); n++) name = `${base}-${n}`;
    taken.add(key(name));
    return name;
  });
}

async function extractMany(inputs: string[], output: string, options: ExtractCommandOptions, io: CliIo): Promise<number> {
  const expanded = await expandInputs(inputs, io);
  const paths = expanded.flatMap((e) => (e.kind === 'input' ? [e.path] : []));
  const folders = subfolderNames(paths);
  const outcomes: ExtractOutcome[] = expanded.flatMap((e) =>
    e.kind === 'unmatched'
      ? [{ input: e.pattern, folder: null, format: null, pages: null, activities: null, counts: { error: 1, warning: 0, info: 0 }, exitCode: EXIT.UNREADABLE, problems: [e.error.diagnostic] }]
      : [],
  );
  const progress = startProgress(paths.length, !options.quiet, io.stderr);
  const results: ExtractOutcome[] = new Array(paths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      progress.started(paths[i]!);
      // The threads of this input serve the next one; after the last, their memory is freed at once.
      results[i] = await extractInto(paths[i]!, join(output, folders[i]!), options, io, keepThreads(io, next < paths.length));
      progress.finished(paths[i]!, results[i]!.pages ?? 0);
    }
  };
  const lanes = Math.max(1, Math.min(availableParallelism(), paths.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  progress.stop();
  outcomes.push(...results);
  if (!options.quiet) io.stderr.write(outcomeTable(outcomes));
  return outcomes.reduce((worst, o) => worstExit(worst, o.exitCode), EXIT.OK as number);
}

/** Extracts one input into `dir`; never throws: every failure becomes the outcome's exit code and problems. */
async function extractInto(path: string, dir: string, options: ExtractCommandOptions, io: CliIo, keepWarm: boolean): Promise<ExtractOutcome> {
  const base = { input: path, folder: null, format: null, pages: null, activities: null, counts: { error: 0, warning: 0, info: 0 }, problems: [] as Diagnostic[] };
  try {
    const { name, bytes } = await readInput(path, options.maxBytes, io);
    const { annex, diagnostics } = await extractAnnex(bytes, extractOptionsFrom(name, options, keepWarm));
    const counts = countBySeverity(annex.diagnostics);
    const outcome: ExtractOutcome = {
      ...base,
      format: annex.source.format,
      pages: annex.source.pageCount,
      activities: annex.activities.length,
      counts,
      exitCode: counts.error > 0 ? EXIT.FINDINGS : EXIT.OK,
      problems: diagnostics.filter((d) => d.severity === 'error'),
    };
    if (counts.error > 0 && !options.force) return { ...outcome, note: 'errors: nothing written (--force writes anyway)' };
    // The same output set as a single input's folder (kill-safe, locked while written).
    const failure = await writeSet(await outputFiles(annex, dir, options), dir);
    if (failure) return { ...outcome, exitCode: failure.exitCode, note: `${failure.exitCode === EXIT.LOCKED ? 'locked' : 'cannot write'}: ${failure.message}` };
    return { ...outcome, folder: dir };
  } catch (error) {
    if (error instanceof InputError) return { ...base, counts: { error: 1, warning: 0, info: 0 }, exitCode: EXIT.UNREADABLE, problems: [error.diagnostic] };
    const message = error instanceof SchemaViolationError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { ...base, exitCode: EXIT.INTERNAL, note: `internal error: ${message.split('\n')[0]}` };
  }
}

/** The final table of a multi-input extract, then the problems of the inputs that had any. */
export function outcomeTable(outcomes: readonly ExtractOutcome[]): string {
  const header = ['input', 'format', 'pages', 'activities', 'errors', 'warnings', 'exit', 'written to'];
  const rows = outcomes.map((o) => [
    o.input,
    o.format ?? '-',
    o.pages === null ? '-' : String(o.pages),
    o.activities === null ? '-' : String(o.activities),
    String(o.counts.error),
    String(o.counts.warning),
    String(o.exitCode),
    o.folder ?? o.note ?? 'nothing written',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = new Set([2, 3, 4, 5, 6]);
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  const worst = outcomes.reduce((w, o) => worstExit(w, o.exitCode), EXIT.OK as number);
  const written = outcomes.filter((o) => o.folder !== null).length;
  const lines = [line(header), ...rows.map(line), `${outcomes.length} input${outcomes.length === 1 ? '' : 's'}: ${written} written, ${outcomes.length - written} not written; exit ${worst}`];
  for (const o of outcomes) for (const d of o.problems) lines.push(formatDiagnostic(d));
  return `${lines.map(printable).join('\n')}\n`;
}
