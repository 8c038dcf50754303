/**
 * `nap-annex extract <inputs...> [-o dir] [--format json|csv|xlsx|all]`: runs the pipeline on
 * one input and writes its files into the folder as one set (plain files, replaced as a whole,
 * kill-safe, locked while written: docs/output-folder.md), or the JSON to stdout without `-o`;
 * or, for several inputs or a glob pattern, runs them in parallel (up to the number of cores),
 * each into its own subfolder of `-o` named by its edition or its path (batch-names.ts), with a
 * progress bar on a terminal, a final table and the stale folders of earlier runs. The summary
 * goes to stderr.
 */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import type { AnnexSetOptions, ExcelCut } from '../emit/annex-set.js';
import type { CsvOptions } from '../emit/csv.js';
import { annexJsonPieces } from '../emit/json.js';
import { recoverOutputFolder } from '../emit/output-set.js';
import { DiagnosticBag } from '../diagnostics/bag.js';
import { InputError, SchemaViolationError } from '../diagnostics/errors.js';
import { type Diagnostic } from '../schema/diagnostic.js';
import { extractAnnexLimited as extractAnnex } from '../threads/limited-pipeline.js';
import type { Annex } from '../schema/annex.js';
import type { BatchInput } from './batch-names.js';
import { worstExit } from './check-command.js';
import { EXIT } from './exit-codes.js';
import { expandInputs } from './expand-inputs.js';
import { type CliIo, type TextSink, processIo, resolvePath } from './io.js';
import { startProgress } from './progress.js';
import { printable } from './printable.js';
import { readInput } from './read-input.js';
import { type ReaderCliOptions, extractOptionsFrom, keepThreads } from './reader-options.js';
import { countBySeverity, formatDiagnostic, formatSummary } from './report.js';
import { writeOutputFolder, writeSet } from './write-output.js';

/**
 * The output set's and the CSV writer's modules, loaded by a run that writes them (batch-names.ts,
 * which names a batch's folders, needs the set's names): `extract` of one input to standard output
 * as JSON loads none of them, nor the tables, the schema and zod they bring (docs/benchmarks.md).
 */
const annexSet = (): Promise<typeof import('../emit/annex-set.js')> => import('../emit/annex-set.js');
const csvWriter = (): Promise<typeof import('../emit/csv.js')> => import('../emit/csv.js');

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
  /** List info diagnostics too (they are always counted). */
  verbose?: boolean;
  /** SPDX id of datapackage.json's licence (default CC0-1.0). */
  license?: string;
  /** Batch: remove the stale folders of earlier runs instead of only listing them. */
  removeStale?: boolean;
}

/** The set options of `extract -o` from the command's options. */
function setOptions(options: ExtractCommandOptions): AnnexSetOptions {
  return {
    format: options.format,
    delimiter: options.delimiter,
    excel: options.excel,
    bom: options.bom,
    neutraliseFormulas: options.neutraliseFormulas,
    ...(options.license ? { license: options.license } : {}),
  };
}

/**
 * Adds a NAP601 warning to the annex for every cell that Excel's limit of 32,767 characters cuts
 * in the files to be written (`cuts`), before anything is made, so that annex.json and the
 * diagnostics table record them; prints each unless quiet.
 */
async function reportCuts(annex: Annex, cuts: readonly ExcelCut[], quiet: boolean, stderr: TextSink, shown: string): Promise<void> {
  if (cuts.length === 0) return;
  const [{ excelCutReason }, { EXCEL_MAX_CELL }] = await Promise.all([annexSet(), csvWriter()]);
  for (const cut of cuts) {
    const d = new DiagnosticBag(annex.source.fileName, 'emit').report('NAP601', excelCutReason(cut), {}, { actual: cut.length, expected: EXCEL_MAX_CELL });
    annex.diagnostics.push(d as Annex['diagnostics'][number]);
    // On the terminal the input is named as given, like its other diagnostics.
    if (!quiet) stderr.write(`${formatDiagnostic({ ...d, file: shown })}\n`);
  }
}

/** The CSV dialect of `extract -f csv` to standard output: the spreadsheet dialect with --excel or --bom, else the package's. */
async function stdoutCsvOptions(options: ExtractCommandOptions): Promise<CsvOptions> {
  const { spreadsheetCsvOptions } = await annexSet();
  return spreadsheetCsvOptions(options) ?? { delimiter: options.delimiter, neutraliseFormulas: options.neutraliseFormulas };
}

/**
 * The steps every command that writes an annex's output shares (`extract`, `report`): prints the
 * summary and the errors and warnings to stderr (unless quiet; info diagnostics only with
 * `verbose`); with error diagnostics and no `force`, says that nothing is written and returns
 * EXIT.FINDINGS; otherwise returns undefined (go on).
 */
export function summariseAndGate(
  annex: Annex,
  name: string,
  options: { quiet: boolean; force: boolean; verbose?: boolean },
  diagnostics: readonly Diagnostic[] = annex.diagnostics,
  stderr: TextSink = process.stderr,
): number | undefined {
  if (!options.quiet) stderr.write(`${formatSummary(annex, name, [...diagnostics], options.verbose === true)}\n`);
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

/** The files of `annex`'s set; adds a NAP601 warning for every cell Excel's limit cuts in them first (printed unless quiet). */
async function setFiles(annex: Annex, options: ExtractCommandOptions, stderr: TextSink, shown: string) {
  const set = setOptions(options);
  const { annexSetFiles, excelCuts } = await annexSet();
  await reportCuts(annex, excelCuts(annex, set), options.quiet, stderr, shown);
  return annexSetFiles(annex, set);
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
  if (options.output === undefined) {
    // Without -o: the JSON, or with --format csv the activities CSV, to stdout.
    if (options.format === 'csv') {
      const csv = await stdoutCsvOptions(options);
      const { activitiesCsv } = await csvWriter();
      const cuts: ExcelCut[] = [];
      const text = activitiesCsv(annex, { ...csv, onCut: ({ record, column, length }) => cuts.push({ file: 'activities.csv', row: annex.activities[record]!.id, column, length }) });
      await reportCuts(annex, cuts, options.quiet, io.stderr, name);
      io.stdout.write(text);
      if (!options.quiet) io.stderr.write('nap-annex: printed activities.csv only; footnotes.csv and the other tables are written with -o <dir>.\n');
    } else {
      // In pieces, so that the whole text and the copies writing it makes are never held at once.
      for (const piece of annexJsonPieces(annex)) io.stdout.write(piece);
    }
  } else {
    const folder = resolvePath(io, options.output);
    const files = await setFiles(annex, options, io.stderr, name);
    const { annexSetNames, MANIFEST } = await annexSet();
    const failed = writeOutputFolder(folder, files, { owned: annexSetNames(), last: [MANIFEST] }, options.quiet, io.stderr, options.output);
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

/** One input of a batch after extraction: its outcome so far, and the annex to write (null when nothing is to be written). */
interface Extracted {
  outcome: ExtractOutcome;
  annex: Annex | null;
  name: BatchInput;
}

async function extractMany(inputs: string[], output: string, options: ExtractCommandOptions, io: CliIo): Promise<number> {
  const expanded = await expandInputs(inputs, io);
  const matched = expanded.flatMap((e) => (e.kind === 'input' ? [e] : []));
  const outcomes: ExtractOutcome[] = expanded.flatMap((e) =>
    e.kind === 'unmatched'
      ? [{ input: e.pattern, folder: null, format: null, pages: null, activities: null, counts: { error: 1, warning: 0, info: 0 }, exitCode: EXIT.UNREADABLE, problems: [e.error.diagnostic] }]
      : [],
  );
  const progress = startProgress(matched.length, !options.quiet, io.stderr);
  const results: Extracted[] = new Array(matched.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < matched.length) {
      const i = next++;
      const { path, base } = matched[i]!;
      progress.started(path);
      // The threads of this input serve the next one; after the last, their memory is freed at once.
      results[i] = await extractOne(path, base, options, io, keepThreads(io, next < matched.length));
      progress.finished(path, results[i]!.outcome.pages ?? 0);
    }
  };
  const lanes = Math.max(1, Math.min(availableParallelism(), matched.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  progress.stop();
  // Names are given when every input's edition is known: two inputs of one edition are told apart (batch-names.ts).
  const [{ batchFolderNames, staleFolders }, { annexSetNames, MANIFEST }] = await Promise.all([import('./batch-names.js'), annexSet()]);
  const names = batchFolderNames(results.map((r) => r.name), output, io.cwd);
  for (const [i, r] of results.entries()) {
    if (r.annex !== null) {
      const folder = join(output, names[i]!);
      const files = await setFiles(r.annex, { ...options, quiet: true }, io.stderr, r.outcome.input);
      r.outcome.counts = countBySeverity(r.annex.diagnostics); // with the NAP601 warnings of cut cells
      const failure = writeSet(folder, files, { owned: annexSetNames(), last: [MANIFEST] });
      if (failure) Object.assign(r.outcome, { exitCode: failure.exitCode, note: `${failure.exitCode === EXIT.LOCKED ? 'locked' : 'cannot write'}: ${failure.message}` });
      else r.outcome.folder = join(options.output ?? output, names[i]!); // as given on the command line
      r.annex = null; // written: its memory can go
    }
    outcomes.push(r.outcome);
  }
  const stale = staleFolders(output, new Set(names));
  const removed: string[] = [];
  if (options.removeStale) {
    for (const name of stale) {
      if (recoverOutputFolder(join(output, name)) === 'locked') continue;
      rmSync(join(output, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  if (!options.quiet) {
    io.stderr.write(outcomeTable(outcomes));
    for (const name of stale) {
      const shown = printable(join(options.output ?? output, name));
      io.stderr.write(removed.includes(name) ? `removed stale folder ${shown} (no input of this run)\n` : `stale folder ${shown}: no input of this run is written there (an earlier run's); --remove-stale removes it\n`);
    }
  }
  return outcomes.reduce((worst, o) => worstExit(worst, o.exitCode), EXIT.OK as number);
}

/** Extracts one input of a batch; never throws: every failure becomes the outcome's exit code and problems. */
async function extractOne(path: string, base: string | null, options: ExtractCommandOptions, io: CliIo, keepWarm: boolean): Promise<Extracted> {
  const name: BatchInput = { path, base, edition: null, fileName: null, sha256: null };
  const outcome: ExtractOutcome = { input: path, folder: null, format: null, pages: null, activities: null, counts: { error: 0, warning: 0, info: 0 }, exitCode: EXIT.OK, problems: [] };
  try {
    const { name: shown, bytes } = await readInput(path, options.maxBytes, io);
    const { annex, diagnostics } = await extractAnnex(bytes, extractOptionsFrom(shown, options, keepWarm));
    Object.assign(name, { edition: annex.source.edition, fileName: annex.source.fileName, sha256: annex.source.sha256 });
    const counts = countBySeverity(annex.diagnostics);
    Object.assign(outcome, {
      format: annex.source.format,
      pages: annex.source.pageCount,
      activities: annex.activities.length,
      counts,
      exitCode: counts.error > 0 ? EXIT.FINDINGS : EXIT.OK,
      problems: diagnostics.filter((d) => d.severity === 'error'),
    });
    if (counts.error > 0 && !options.force) return { outcome: { ...outcome, note: 'errors: nothing written (--force writes anyway)' }, annex: null, name };
    return { outcome, annex, name };
  } catch (error) {
    if (error instanceof InputError) return { outcome: { ...outcome, counts: { error: 1, warning: 0, info: 0 }, exitCode: EXIT.UNREADABLE, problems: [error.diagnostic] }, annex: null, name };
    const message = error instanceof SchemaViolationError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { outcome: { ...outcome, exitCode: EXIT.INTERNAL, note: `internal error: ${message.split('\n')[0]}` }, annex: null, name };
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
