/**
 * The `nap-annex` command line (commander). Commands: `extract`, `check`, `diff`, `report`, `stack`, `inspect`, `schema`.
 * Every command returns an exit code from ./exit-codes.ts; uncaught errors are mapped there too.
 * `run` takes the streams and working folder as arguments (tests run the CLI in-process);
 * `main` is the process entry.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DIAGNOSTIC_CODES } from '../model/diagnostics.js';
import { InputError, SchemaViolationError } from '../diagnostics/errors.js';
import { parseKamerstukOption } from '../normalise/edition.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_PAGES, DEFAULT_PDF_TIMEOUT_MS } from '../model/limits.js';
import { runCheck } from './check-command.js';
import { EXIT } from './exit-codes.js';
import { runExtract } from './extract-command.js';
import { MAX_SCALE, pageList, scaleOption } from './inspect-command.js';
import { printable } from './printable.js';
import { formatDiagnostic } from './report.js';
import { type CliIo, processIo } from './io.js';
import { writeFailureReason } from './write-failure.js';
import { installSignalHandlers } from './write-output.js';
import { LICENSES, DEFAULT_LICENSE } from '../emit/licenses.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number.');
  return n;
}

function similarity(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n <= 1)) throw new InvalidArgumentError('expected a number above 0 and at most 1.');
  return n;
}

/** `2024-03-18`: a real calendar date. */
function isoDate(value: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. 2024-03-18.');
  }
  return value;
}

/** `27,7,31,6,12` → [27, 7, 31, 6, 12]: activity counts per action line, in order. */
function countList(value: string): number[] {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^\d{1,6}$/.test(p))) {
    throw new InvalidArgumentError('expected activity counts per action line separated by commas, e.g. 27,7,31,6,12.');
  }
  return parts.map(Number);
}

const EXPECT_HELP = 'activity counts per action line, e.g. 27,7,31,6,12; each mismatch is an error (NAP502)';
const MAX_PAGES_HELP = 'refuse PDF inputs with more pages than this (NAP005)';
const WORKERS_HELP = 'threads reading PDF pages (default: a PDF of up to 50 pages is read in the thread that runs the pipeline; a longer one in 1 reader thread, 2 for PDFs of 400+ pages on a machine with more than 2 cores; larger values are capped at 8)';
const TIMEOUT_HELP = 'stop extracting an input (any format) after this many seconds (NAP009)';
const MAX_MEMORY_HELP = 'stop extracting an input when its work needs more than this many MB of heap (NAP010)';

const EXTRACT_EXAMPLES = `
Examples:
  $ nap-annex extract annex.pdf -o out               annex.json, the CSV tables, datapackage.json, annex.xlsx in out/
  $ nap-annex extract 'annexes/*.pdf' -o out         one subfolder of out/ per input
  $ nap-annex extract annex.pdf > annex.json         the JSON to standard output
  $ nap-annex extract annex.pdf -f csv --excel > a.csv   activities.csv for Dutch Excel
  $ cat annex.txt | nap-annex extract - -o out       read standard input

Exit codes: 0 written, 1 error diagnostics (nothing written unless --force), 2 unreadable input,
3 internal error, 64 usage, 73 cannot write the output, 75 another run is writing the folder.`;

const CHECK_EXAMPLES = `
Examples:
  $ nap-annex check annex.pdf
  $ nap-annex check --strict --ignore NAP501 --expect 27,7,31,6,12 'annexes/**/*.pdf'
  $ nap-annex check --format github annex.pdf       annotations in GitHub Actions

Exit codes: 0 clean, 1 findings, 2 unreadable input, 3 internal error, 64 usage.`;

const DIFF_EXAMPLES = `
Examples:
  $ nap-annex diff out-2024/annex.json annex-2025.pdf
  $ nap-annex diff annex-2024.pdf annex-2025.pdf --format csv > changes.csv

Exit codes: 0 compared (whatever changed), 1 an input has error diagnostics (the diff is printed,
but may be wrong there) or no activities (no diff), 2 unreadable input, 64 usage.`;

const REPORT_EXAMPLES = `
Examples:
  $ nap-annex report annex.pdf -o report.html
  $ nap-annex report annex-2025.pdf --compare out-2024/annex.json -o report.html

Exit codes: 0 written, 1 error diagnostics (nothing written unless --force), 2 unreadable input,
3 internal error, 64 usage, 73 cannot write the output, 75 another run is writing the file.`;

const STACK_EXAMPLES = `
Examples:
  $ nap-annex stack out-2023/annex.json out-2024/annex.json annex-2025.pdf -o stacked

Exit codes: 0 written, 1 an edition has error diagnostics (nothing written), 2 unreadable input,
3 internal error, 64 usage, 73 cannot write the output, 75 another run is writing the folder.`;

const INSPECT_EXAMPLES = `
Examples:
  $ nap-annex inspect annex.pdf -o seen                page-01.png … one per page in seen/
  $ nap-annex inspect annex.pdf --pages 3,5-7 -o seen  pages 3, 5, 6 and 7

Exit codes: 0 written (whatever the reading's diagnostics), 2 unreadable input, 3 internal error,
64 usage (also a page the PDF does not have), 73 cannot write the output, 75 another run is writing the folder.`;

/** `34843-109`, `34843 nr. 109` or `kst-34843-109` → `34843-109`. */
function kamerstukOption(value: string): string {
  const kamerstuk = parseKamerstukOption(value);
  if (kamerstuk === null) throw new InvalidArgumentError('expected a Kamerstuk as dossier-number, e.g. 34843-109.');
  return kamerstuk;
}

const EDITION_DATE_HELP = 'date of this edition (YYYY-MM-DD) for source.edition, when the document prints none';
const KAMERSTUK_HELP = 'Kamerstuk this edition was sent with (e.g. 34843-109) for source.edition, when the document prints none';

/** `NAP501,NAP202` → the codes, each one of DIAGNOSTIC_CODES. */
function codeList(value: string): string[] {
  const codes = value.split(',').map((c) => c.trim().toUpperCase()).filter((c) => c !== '');
  const unknown = codes.filter((c) => !(c in DIAGNOSTIC_CODES));
  if (codes.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`expected diagnostic codes separated by commas, e.g. NAP501; unknown: ${unknown.join(', ') || '(none given)'}.`);
  }
  return codes;
}

/** `--license`, shared by extract and stack: the licence datapackage.json names (docs/open-data.md). */
function licenseOption(): Option {
  return new Option('--license <id>', "licence of the data in datapackage.json (SPDX id); CC0-1.0 is the Dutch government's open-data licence").choices(Object.keys(LICENSES)).default(DEFAULT_LICENSE);
}

/** `--expect`, shared by extract, check and report. */
function expectOption(): Option {
  return new Option('--expect <counts>', EXPECT_HELP).argParser(countList);
}

/** The limits of reading one input (ReaderCliOptions), shared by extract, check and report. */
function addReadingOptions(command: Command): void {
  command
    .option('--max-bytes <n>', 'refuse inputs larger than this', positiveInt, DEFAULT_MAX_BYTES)
    .option('--max-pages <n>', MAX_PAGES_HELP, positiveInt, DEFAULT_MAX_PAGES)
    .option('--workers <n>', WORKERS_HELP, positiveInt)
    .option('--timeout <seconds>', TIMEOUT_HELP, positiveInt, DEFAULT_PDF_TIMEOUT_MS / 1000)
    .option('--max-memory <mb>', MAX_MEMORY_HELP, positiveInt, DEFAULT_MAX_MEMORY_MB)
    .option('--edition-date <date>', EDITION_DATE_HELP, isoDate)
    .option('--kamerstuk <kamerstuk>', KAMERSTUK_HELP, kamerstukOption);
}

/** What a command's action hands its exit code to (buildProgram's `run`). */
type RunCommand = (code: Promise<number>) => void;

/** Builds the commander program, one command each from its own function; `run` is called with the exit code of the chosen command. */
export function buildProgram(run: RunCommand, io: CliIo = processIo()): Command {
  const program = new Command('nap-annex')
    // Set before the commands are added: subcommands copy the output settings of their parent.
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .description('Turns the Dutch NAP progress annex (Bijlage 1; PDF, text export or HTML) into validated JSON and CSV.')
    .version(pkg.version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  addExtractCommand(program, run, io);
  addDiffCommand(program, run, io);
  addReportCommand(program, run, io);
  addStackCommand(program, run, io);
  addCheckCommand(program, run, io);
  addInspectCommand(program, run, io);
  addSchemaCommand(program, run, io);
  return program;
}

/** `extract <inputs...>`: annexes to JSON or CSV on stdout, or the output files into a folder (-o) → added to `program`. */
function addExtractCommand(program: Command, run: RunCommand, io: CliIo): void {
  const command = program
    .command('extract')
    .description('Extract annexes: JSON (or with -f csv the activities CSV) to stdout, or annex.json, the CSV tables, datapackage.json and annex.xlsx into a folder (-o); several inputs or a glob: one subfolder each')
    .argument('<inputs...>', "annex files (PDF, text export or HTML), glob patterns (quote them: 'annexes/**/*.pdf'), or - for standard input")
    .option('-o, --output <dir>', 'write the output files into this folder (created if missing); - or no -o: standard output')
    .addOption(new Option('-f, --format <format>', 'with -o: which files to write (default all); to standard output: json (default) or csv (activities.csv only)').choices(['json', 'csv', 'xlsx', 'all']))
    .addOption(new Option('--input-format <format>', 'skip detection and read the input as this format').choices(['text', 'pdf', 'html']))
    .addOption(new Option('--delimiter <char>', 'CSV delimiter').choices([',', ';']).default(','))
    .option('--bom', 'CSV with a UTF-8 byte-order mark: to standard output, or with -o as copies in excel/ (the Data Package\'s CSVs carry none)', false)
    .option('--excel', 'CSV for Dutch Excel (";" delimiter, UTF-8 BOM, CRLF line ends): to standard output, or with -o as copies in excel/', false)
    .option('--no-neutralise-formulas', "keep text cells that start with = + - @ tab CR LF as they are (default: prefix them with '; numbers are never prefixed)")
    .addOption(licenseOption())
    .addOption(expectOption())
    .option('--force', 'write the output even when error diagnostics were found', false)
    .option('--remove-stale', 'several inputs: remove the subfolders of -o that an earlier run wrote and no input of this run writes (default: only list them)')
    .option('-q, --quiet', 'no summary, progress bar or table on stderr', false)
    .option('--verbose', 'list the info diagnostics too (they are always counted)', false)
    .addHelpText('after', EXTRACT_EXAMPLES)
    .action((inputs: string[], options, command: Command) => {
      if (options.excel && options.delimiter === ',' && command.getOptionValueSource('delimiter') === 'cli') {
        command.error("error: --excel writes ';' as the delimiter; drop --delimiter , or --excel.", { exitCode: EXIT.USAGE });
      }
      if (typeof options.output === 'string' && options.output.length > 1 && options.output.startsWith('-')) {
        // `-o -q` would write into a folder named "-q": an option where a folder was meant.
        command.error(`error: -o ${options.output}: a folder name that starts with "-" looks like an option; give the folder (or ./${options.output} if that is really its name).`, { exitCode: EXIT.USAGE });
      }
      const toStdout = options.output === undefined || options.output === '-';
      if (toStdout && options.format === 'all') {
        command.error('error: --format all writes several files (annex.json, the CSV tables, datapackage.json, annex.xlsx): give a folder with -o <dir>.', { exitCode: EXIT.USAGE });
      }
      run(runExtract(inputs, { ...options, output: toStdout ? undefined : options.output, format: options.format ?? (toStdout ? 'json' : 'all') }, io));
    });
  addReadingOptions(command);
}

/** `diff <old> <new>`: what changed between two annexes (diff-command.ts, loaded on demand) → added to `program`. */
function addDiffCommand(program: Command, run: RunCommand, io: CliIo): void {
  program
    .command('diff')
    .description('What changed between two annexes: activities added, removed, and changed status, planning, owners, explanation; exit 0 whatever changed, 1 an input has error diagnostics or no activities, 2 unreadable, 64 usage')
    .argument('<old>', 'the earlier annex (any input format, or an annex.json from extract)')
    .argument('<new>', 'the later annex')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .option('--min-similarity <n>', 'title similarity (0..1) from which two differently spelled titles are the same activity', similarity, 0.8)
    .option('--max-bytes <n>', 'refuse inputs larger than this', positiveInt, DEFAULT_MAX_BYTES)
    .option('--timeout <seconds>', TIMEOUT_HELP, positiveInt, DEFAULT_PDF_TIMEOUT_MS / 1000)
    .option('--max-memory <mb>', MAX_MEMORY_HELP, positiveInt, DEFAULT_MAX_MEMORY_MB)
    .addHelpText('after', DIFF_EXAMPLES)
    // Loaded on demand, like report and stack: what one command needs is not loaded for the others.
    .action((before: string, after: string, options) => run(import('./diff-command.js').then((m) => m.runDiff(before, after, options, io))));
}

/** `report <input>`: the annex as one HTML page (report-command.ts, loaded on demand) → added to `program`. */
function addReportCommand(program: Command, run: RunCommand, io: CliIo): void {
  const command = program
    .command('report')
    .description('The annex as one self-contained HTML page: status per action line, delayed activities, planning timeline, a searchable table, diagnostics; with --compare, what changed')
    .argument('<input>', 'annex file (PDF, text export or HTML), an annex.json from extract, or - for standard input')
    .option('-o, --output <file>', 'write the page to this file (atomically); without it the page goes to stdout')
    .option('--compare <older>', 'an earlier annex (any input format or annex.json): show what changed, as nap-annex diff does')
    .addOption(new Option('--lang <lang>', 'language of the page').choices(['nl', 'en']).default('nl'))
    .option('--date <YYYY-MM-DD>', 'the reference date marked on the timeline (default: the edition\'s date; none when it has none)', isoDate)
    .option('--min-similarity <n>', 'as for diff: title similarity (0..1) from which two differently spelled titles are the same activity', similarity, 0.8)
    .addOption(new Option('--input-format <format>', 'skip detection and read the input as this format').choices(['text', 'pdf', 'html']))
    .addOption(expectOption())
    .option('--force', 'write the page even when error diagnostics were found', false)
    .option('-q, --quiet', 'no summary on stderr', false)
    .option('--verbose', 'list the info diagnostics too, on stderr and on the page (they are always counted)', false)
    .addHelpText('after', REPORT_EXAMPLES)
    .action((input: string, options) => run(import('./report-command.js').then((m) => m.runReport(input, options, pkg.version, io))));
  addReadingOptions(command);
}

/** `stack <inputs...>`: several editions into one long dataset (stack-command.ts, loaded on demand) → added to `program`. */
function addStackCommand(program: Command, run: RunCommand, io: CliIo): void {
  program
    .command('stack')
    .description('Several editions (annex.json, PDF, text export, HTML, mixed) into one long dataset: editions, one row per activity per edition, transitions, first and last edition per activity; CSV and XLSX')
    .argument('<inputs...>', "the editions: files or glob patterns (quote them), in edition order unless every edition has a date")
    .requiredOption('-o, --output <dir>', 'write the tables into this folder (created if missing)')
    .addOption(new Option('-f, --format <format>', 'which files to write').choices(['csv', 'xlsx', 'all']).default('all'))
    .option('--excel', 'also write copies for Dutch Excel (";" delimiter, UTF-8 BOM, CRLF line ends) in excel/', false)
    .option('--min-similarity <n>', 'title similarity (0..1) from which two differently spelled titles are the same activity', similarity, 0.8)
    .option('--max-bytes <n>', 'refuse inputs larger than this', positiveInt, DEFAULT_MAX_BYTES)
    .addOption(licenseOption())
    .option('-q, --quiet', 'no summary on stderr', false)
    .addHelpText('after', STACK_EXAMPLES)
    .action((inputs: string[], options) => run(import('./stack-command.js').then((m) => m.runStack(inputs, options, io))));
}

/** `check <inputs...>`: diagnostics and a verdict per input, for CI → added to `program`. */
function addCheckCommand(program: Command, run: RunCommand, io: CliIo): void {
  const command = program
    .command('check')
    .description('Validate annexes for CI: print diagnostics and a verdict per input, write nothing; exit 0 clean, 1 findings, 2 unreadable, 3 internal error, 64 usage')
    .argument('<inputs...>', "annex files, glob patterns (quote them: 'annexes/**/*.pdf'), or - for standard input")
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', 'warnings fail the check too (exit 1)', false)
    .option('-q, --quiet', 'print only the verdict line of each input', false)
    // check lists every diagnostic already; --verbose is taken as extract and report take it, so that one command line serves all three.
    .option('--verbose', 'accepted as extract takes it; check lists every diagnostic, info included, anyway', false)
    .option('--ignore <codes>', 'diagnostic codes known and accepted (e.g. NAP501): still printed, not counted for the verdict', codeList)
    .addOption(expectOption())
    .addOption(new Option('--input-format <format>', 'skip detection and read every input as this format').choices(['text', 'pdf', 'html']))
    .addHelpText('after', CHECK_EXAMPLES)
    .action((inputs: string[], options) => run(runCheck(inputs, options, io)));
  addReadingOptions(command);
}

/** `inspect <pdf>`: pictures of what the PDF reader saw (inspect-command.ts, loaded on demand) → added to `program`. */
function addInspectCommand(program: Command, run: RunCommand, io: CliIo): void {
  program
    .command('inspect')
    .description("See what the PDF reader saw: one picture per page (-o <dir>, page-01.png …) with the table's columns, the header row, each row and what started it, each cell, each status cue with the legend entry it matched and the colour distance, legend entries, page furniture, notes and note markers drawn over the page and named beside it")
    .argument('<pdf>', 'a PDF rendition of the annex, or - for standard input')
    .requiredOption('-o, --output <dir>', 'write the pictures into this folder (created if missing); pictures of this PDF written there before are replaced')
    .option('--pages <list>', 'the pages to draw, e.g. 3,5-7 (default: all)', pageList)
    .addOption(new Option('-f, --format <format>', 'png: the rendered page (needs the canvas add-on @napi-rs/canvas, an optional dependency of pdfjs-dist; without it SVG is written, and stderr says so); svg: the page model\'s text in place of the rendered page').choices(['png', 'svg']).default('png'))
    .option('--scale <n>', `pixels per point of a PNG picture (2 = 144 dpi; at most ${MAX_SCALE})`, scaleOption, 2)
    .option('--max-bytes <n>', 'refuse inputs larger than this', positiveInt, DEFAULT_MAX_BYTES)
    .option('--max-pages <n>', MAX_PAGES_HELP, positiveInt, DEFAULT_MAX_PAGES)
    .option('--timeout <seconds>', 'stop reading the PDF after this many seconds (NAP009)', positiveInt, DEFAULT_PDF_TIMEOUT_MS / 1000)
    .option('--max-memory <mb>', MAX_MEMORY_HELP, positiveInt, DEFAULT_MAX_MEMORY_MB)
    .option('-q, --quiet', 'no summary on stderr', false)
    .addHelpText('after', INSPECT_EXAMPLES)
    .action((input: string, options) => run(import('./inspect-command.js').then((m) => m.runInspect(input, options, io))));
}

/** `schema`: the JSON Schema of annex.json on stdout → added to `program`. */
function addSchemaCommand(program: Command, run: RunCommand, io: CliIo): void {
  program
    .command('schema')
    .description('Print the JSON Schema of annex.json (generated from the zod schema)')
    .action(() =>
      run(
        import('../schema/json-schema.js').then((m) => {
          io.stdout.write(`${JSON.stringify(m.annexJsonSchema(), null, 2)}\n`);
          return EXIT.OK;
        }),
      ),
    );
}

/**
 * Runs the CLI once with `argv` the user's arguments (`['extract', 'annex.pdf', '-o', 'out']`) and
 * the given streams and working folder; resolves with the exit code. Never calls process.exit.
 */
export async function run(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const full: CliIo = { ...processIo(), ...io };
  let pending: Promise<number> | undefined;
  const program = buildProgram((code) => {
    pending = code;
  }, full);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return pending ? await pending : EXIT.OK;
  } catch (error) {
    return exitCodeFor(error, full);
  }
}

/** Entry point used by bin/nap-annex.js: runs with the process's streams, sets process.exitCode. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  // A SIGTERM or SIGINT leaves every output folder with one complete set (write-output.ts).
  installSignalHandlers();
  // A closed pipe (`nap-annex extract x | head`) is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.OK);
    // Standard output that cannot be written (a full disk, /dev/full): say so, exit 73, no stack trace.
    process.stderr.write(`nap-annex: cannot write to standard output: ${printable(writeFailureReason(error, 'standard output'))}. The output is incomplete.\n`);
    process.exit(EXIT.CANNOT_WRITE);
  });
  // A closed standard error (`extract … 2>&1 | head -1`) loses only the summary: the work and its
  // exit code go on (an unhandled EPIPE would end the process with 1 after the files were written).
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.exitCode = await run(argv);
}

function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT.OK;
    return EXIT.USAGE;
  }
  if (error instanceof InputError) {
    io.stderr.write(`${formatDiagnostic(error.diagnostic)}\n`);
    return EXIT.UNREADABLE;
  }
  if (error instanceof SchemaViolationError) {
    io.stderr.write(`nap-annex: ${printable(error.message).replace(/\\x0a/g, '\n')}\n`);
    return EXIT.INTERNAL;
  }
  io.stderr.write(`nap-annex: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.INTERNAL;
}
