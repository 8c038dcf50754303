/**
 * The `nap-annex` command line (commander). Commands: `extract`, `check`, `diff`, `report`, `schema`.
 * Every command returns an exit code from ./exit-codes.ts; uncaught errors are mapped there too.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DIAGNOSTIC_CODES, InputError } from '../model/diagnostics.js';
import { parseKamerstukOption } from '../normalise/edition.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_PAGES, DEFAULT_PDF_TIMEOUT_MS, SchemaViolationError } from '../pipeline.js';
import { annexJsonSchema } from '../schema/json-schema.js';
import { runCheck } from './check-command.js';
import { EXIT } from './exit-codes.js';
import { runDiff } from './diff-command.js';
import { runExtract } from './extract-command.js';
import { runReport } from './report-command.js';
import { runStack } from './stack-command.js';
import { printable } from './printable.js';
import { formatDiagnostic } from './report.js';
import { writeFailureReason } from './write-failure.js';

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
const WORKERS_HELP = 'threads reading PDF pages (default: 2 for PDFs of 400+ pages, else 1; larger values are capped at 8)';
const TIMEOUT_HELP = 'stop extracting an input (any format) after this many seconds (NAP009)';
const MAX_MEMORY_HELP = 'stop extracting an input when its work needs more than this many MB of heap (NAP010)';

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

/** Builds the commander program; `run` is called with the exit code of the chosen command. */
export function buildProgram(run: (code: Promise<number>) => void): Command {
  const program = new Command('nap-annex')
    .description('Turns the Dutch NAP progress annex (Bijlage 1; PDF, text export or HTML) into validated JSON and CSV.')
    .version(pkg.version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('extract')
    .description('Extract annexes: JSON (or with -f csv the activities CSV) to stdout, or annex.json, the CSV tables, datapackage.json and annex.xlsx into a folder (-o); several inputs or a glob: one subfolder each')
    .argument('<inputs...>', "annex files (PDF, text export or HTML), glob patterns (quote them: 'annexes/**/*.pdf'), or - for standard input")
    .option('-o, --output <dir>', 'write the output files into this folder (created if missing)')
    .addOption(new Option('-f, --format <format>', 'which files to write with -o').choices(['json', 'csv', 'xlsx', 'all']).default('all'))
    .addOption(new Option('--input-format <format>', 'skip detection and read the input as this format').choices(['text', 'pdf', 'html']))
    .addOption(new Option('--delimiter <char>', 'CSV delimiter').choices([',', ';']).default(','))
    .option('--bom', 'start CSV files with a UTF-8 byte-order mark', false)
    .addOption(new Option('--excel', 'CSV for Dutch Excel: ";" delimiter, UTF-8 BOM, CRLF line ends').default(false).conflicts('delimiter'))
    .option('--no-neutralise-formulas', "keep CSV cells that start with = + - @ tab CR LF as they are (default: prefix them with ')")
    .addOption(expectOption())
    .option('--force', 'write the output even when error diagnostics were found', false)
    .option('-q, --quiet', 'no summary, progress bar or table on stderr', false)
    .action((inputs: string[], options) => run(runExtract(inputs, options)));
  addReadingOptions(program.commands.at(-1)!);

  program
    .command('diff')
    .description('What changed between two annexes: activities added, removed, and changed status, planning, owners, explanation')
    .argument('<old>', 'the earlier annex (any input format, or an annex.json from extract)')
    .argument('<new>', 'the later annex')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .option('--min-similarity <n>', 'title similarity (0..1) from which two differently spelled titles are the same activity', similarity, 0.8)
    .option('--max-bytes <n>', 'refuse inputs larger than this', positiveInt, DEFAULT_MAX_BYTES)
    .option('--timeout <seconds>', TIMEOUT_HELP, positiveInt, DEFAULT_PDF_TIMEOUT_MS / 1000)
    .option('--max-memory <mb>', MAX_MEMORY_HELP, positiveInt, DEFAULT_MAX_MEMORY_MB)
    .action((before: string, after: string, options) => run(runDiff(before, after, options)));

  program
    .command('report')
    .description('The annex as one self-contained HTML page: status per action line, delayed activities, planning timeline, a searchable table, diagnostics; with --compare, what changed')
    .argument('<input>', 'annex file (PDF, text export or HTML), an annex.json from extract, or - for standard input')
    .option('-o, --output <file>', 'write the page to this file (atomically); without it the page goes to stdout')
    .option('--compare <older>', 'an earlier annex (any input format or annex.json): show what changed, as nap-annex diff does')
    .addOption(new Option('--lang <lang>', 'language of the page').choices(['nl', 'en']).default('nl'))
    .option('--date <YYYY-MM-DD>', 'the reference date marked on the timeline (default: today)', isoDate)
    .option('--min-similarity <n>', 'as for diff: title similarity (0..1) from which two differently spelled titles are the same activity', similarity, 0.8)
    .addOption(new Option('--input-format <format>', 'skip detection and read the input as this format').choices(['text', 'pdf', 'html']))
    .addOption(expectOption())
    .option('--force', 'write the page even when error diagnostics were found', false)
    .option('-q, --quiet', 'no summary on stderr', false)
    .action((input: string, options) => run(runReport(input, options, pkg.version)));
  addReadingOptions(program.commands.at(-1)!);

  program
    .command('stack')
    .description('Several editions (annex.json, PDF, text export, HTML, mixed) into one long dataset: editions, one row per activity per edition, transitions, first and last edition per activity; CSV and XLSX')
    .argument('<inputs...>', "the editions: files or glob patterns (quote them), in edition order unless every edition has a date")
    .requiredOption('-o, --output <dir>', 'write the tables into this folder (created if missing)')
    .addOption(new Option('-f, --format <format>', 'which files to write').choices(['csv', 'xlsx', 'all']).default('all'))
    .option('--excel', 'CSV for Dutch Excel: ";" delimiter, UTF-8 BOM, CRLF line ends', false)
    .option('--min-similarity <n>', 'title similarity (0..1) from which two differently spelled titles are the same activity', similarity, 0.8)
    .option('--max-bytes <n>', 'refuse inputs larger than this', positiveInt, DEFAULT_MAX_BYTES)
    .option('-q, --quiet', 'no summary on stderr', false)
    .action((inputs: string[], options) => run(runStack(inputs, options)));

  program
    .command('check')
    .description('Validate annexes for CI: print diagnostics and a verdict per input, write nothing; exit 0 clean, 1 findings, 2 unreadable, 3 internal error, 64 usage')
    .argument('<inputs...>', "annex files, glob patterns (quote them: 'annexes/**/*.pdf'), or - for standard input")
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', 'warnings fail the check too (exit 1)', false)
    .option('-q, --quiet', 'print only the verdict line of each input', false)
    .option('--ignore <codes>', 'diagnostic codes known and accepted (e.g. NAP501): still printed, not counted for the verdict', codeList)
    .addOption(expectOption())
    .addOption(new Option('--input-format <format>', 'skip detection and read every input as this format').choices(['text', 'pdf', 'html']))
    .action((inputs: string[], options) => run(runCheck(inputs, options)));
  addReadingOptions(program.commands.at(-1)!);

  program
    .command('schema')
    .description('Print the JSON Schema of annex.json (generated from the zod schema)')
    .action(() => {
      process.stdout.write(`${JSON.stringify(annexJsonSchema(), null, 2)}\n`);
      run(Promise.resolve(EXIT.OK));
    });

  return program;
}

/** Entry point used by bin/nap-annex.js: parses argv, runs, sets process.exitCode. */
export async function main(argv: string[] = process.argv): Promise<void> {
  let pending: Promise<number> | undefined;
  const program = buildProgram((code) => {
    pending = code;
  });
  // A closed pipe (`nap-annex extract x | head`) is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.OK);
    // Standard output that cannot be written (a full disk, /dev/full): say so, exit 73, no stack trace.
    process.stderr.write(`nap-annex: cannot write to standard output: ${printable(writeFailureReason(error, 'standard output'))}. The output is incomplete.\n`);
    process.exit(EXIT.CANNOT_WRITE);
  });
  try {
    await program.parseAsync(argv);
    process.exitCode = pending ? await pending : EXIT.OK;
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT.OK;
    return EXIT.USAGE;
  }
  if (error instanceof InputError) {
    process.stderr.write(`${formatDiagnostic(error.diagnostic)}\n`);
    return EXIT.UNREADABLE;
  }
  if (error instanceof SchemaViolationError) {
    process.stderr.write(`nap-annex: ${printable(error.message).replace(/\\x0a/g, '\n')}\n`);
    return EXIT.INTERNAL;
  }
  process.stderr.write(`nap-annex: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.INTERNAL;
}
