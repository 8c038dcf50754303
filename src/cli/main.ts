/**
 * The `nap-annex` command line (commander). Commands: `extract`, `check`, `diff`, `schema`.
 * Every command returns an exit code from ./exit-codes.ts; uncaught errors are mapped there too.
 * `run` takes the streams and working folder as arguments (tests run the CLI in-process);
 * `main` is the process entry.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DIAGNOSTIC_CODES, InputError } from '../model/diagnostics.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_PAGES, DEFAULT_PDF_TIMEOUT_MS, SchemaViolationError } from '../pipeline.js';
import { annexJsonSchema } from '../schema/json-schema.js';
import { runCheck } from './check-command.js';
import { EXIT } from './exit-codes.js';
import { runDiff } from './diff-command.js';
import { runExtract } from './extract-command.js';
import { printable } from './printable.js';
import { formatDiagnostic } from './report.js';
import { type CliIo, processIo } from './io.js';

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
const TIMEOUT_HELP = 'stop reading a PDF after this many seconds (NAP009)';
const MAX_MEMORY_HELP = 'stop reading a PDF when nap-annex uses more than this many MB (NAP010)';

const EXTRACT_EXAMPLES = `
Examples:
  $ nap-annex extract annex.pdf -o out               annex.json, activities.csv, footnotes.csv in out/
  $ nap-annex extract annex.pdf > annex.json         the JSON to standard output
  $ nap-annex extract annex.pdf -f csv --excel > a.csv   activities.csv for Dutch Excel
  $ cat annex.txt | nap-annex extract - -o out       read standard input

Exit codes: 0 written, 1 error diagnostics (nothing written unless --force), 2 unreadable input,
3 internal error, 64 usage, 73 cannot write the output.`;

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

/** `NAP501,NAP202` → the codes, each one of DIAGNOSTIC_CODES. */
function codeList(value: string): string[] {
  const codes = value.split(',').map((c) => c.trim().toUpperCase()).filter((c) => c !== '');
  const unknown = codes.filter((c) => !(c in DIAGNOSTIC_CODES));
  if (codes.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`expected diagnostic codes separated by commas, e.g. NAP501; unknown: ${unknown.join(', ') || '(none given)'}.`);
  }
  return codes;
}

/** Builds the commander program; `run` is called with the exit code of the chosen command. */
export function buildProgram(run: (code: Promise<number>) => void, io: CliIo = processIo()): Command {
  const program = new Command('nap-annex')
    // Set before the commands are added: subcommands copy the output settings of their parent.
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .description('Turns the Dutch NAP progress annex (Bijlage 1; PDF, text export or HTML) into validated JSON and CSV.')
    .version(pkg.version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('extract')
    .description('Extract one annex: JSON (or with -f csv the activities CSV) to stdout, or annex.json + activities.csv + footnotes.csv into a folder (-o)')
    .argument('<input>', 'annex file (PDF, text export or HTML), or - for standard input')
    .option('-o, --output <dir>', 'write the output files into this folder (created if missing); - or no -o: standard output')
    .addOption(new Option('-f, --format <format>', 'with -o: which files to write (default all); to standard output: json (default) or csv (activities.csv only)').choices(['json', 'csv', 'all']))
    .addOption(new Option('--input-format <format>', 'skip detection and read the input as this format').choices(['text', 'pdf', 'html']))
    .addOption(new Option('--delimiter <char>', 'CSV delimiter').choices([',', ';']).default(','))
    .option('--bom', 'start CSV files with a UTF-8 byte-order mark', false)
    .option('--excel', 'CSV for Dutch Excel: ";" delimiter, UTF-8 BOM, CRLF line ends', false)
    .option('--no-neutralise-formulas', "keep CSV cells that start with = + - @ tab CR LF as they are (default: prefix them with ')")
    .option('--max-bytes <n>', 'refuse inputs larger than this', positiveInt, DEFAULT_MAX_BYTES)
    .option('--max-pages <n>', MAX_PAGES_HELP, positiveInt, DEFAULT_MAX_PAGES)
    .option('--expect <counts>', EXPECT_HELP, countList)
    .option('--workers <n>', WORKERS_HELP, positiveInt)
    .option('--timeout <seconds>', TIMEOUT_HELP, positiveInt, DEFAULT_PDF_TIMEOUT_MS / 1000)
    .option('--max-memory <mb>', MAX_MEMORY_HELP, positiveInt, DEFAULT_MAX_MEMORY_MB)
    .option('--force', 'write the output even when error diagnostics were found', false)
    .option('-q, --quiet', 'no summary on stderr', false)
    .addHelpText('after', EXTRACT_EXAMPLES)
    .action((input: string, options, command: Command) => {
      if (options.excel && options.delimiter === ',' && command.getOptionValueSource('delimiter') === 'cli') {
        command.error("error: --excel writes ';' as the delimiter; drop --delimiter , or --excel.", { exitCode: EXIT.USAGE });
      }
      const toStdout = options.output === undefined || options.output === '-';
      if (toStdout && options.format === 'all') {
        command.error('error: --format all writes three files (annex.json, activities.csv, footnotes.csv): give a folder with -o <dir>.', { exitCode: EXIT.USAGE });
      }
      run(runExtract(input, { ...options, output: toStdout ? undefined : options.output, format: options.format ?? (toStdout ? 'json' : 'all') }, io));
    });

  program
    .command('diff')
    .description('What changed between two annexes: activities added, removed, and changed status, planning, owners, explanation; exit 0 whatever changed, 1 an input has error diagnostics or no activities, 2 unreadable, 64 usage')
    .argument('<old>', 'the earlier annex (any input format, or an annex.json from extract)')
    .argument('<new>', 'the later annex')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .option('--min-similarity <n>', 'title similarity (0..1) from which two differently spelled titles are the same activity', similarity, 0.8)
    .option('--max-bytes <n>', 'refuse inputs larger than this', positiveInt, DEFAULT_MAX_BYTES)
    .addHelpText('after', DIFF_EXAMPLES)
    .action((before: string, after: string, options) => run(runDiff(before, after, options, io)));

  program
    .command('check')
    .description('Validate annexes for CI: print diagnostics and a verdict per input, write nothing; exit 0 clean, 1 findings, 2 unreadable, 3 internal error, 64 usage')
    .argument('<inputs...>', "annex files, glob patterns (quote them: 'annexes/**/*.pdf'), or - for standard input")
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', 'warnings fail the check too (exit 1)', false)
    .option('--ignore <codes>', 'diagnostic codes known and accepted (e.g. NAP501): still printed, not counted for the verdict', codeList)
    .option('--expect <counts>', EXPECT_HELP, countList)
    .addOption(new Option('--input-format <format>', 'skip detection and read every input as this format').choices(['text', 'pdf', 'html']))
    .option('--max-bytes <n>', 'refuse inputs larger than this', positiveInt, DEFAULT_MAX_BYTES)
    .option('--max-pages <n>', MAX_PAGES_HELP, positiveInt, DEFAULT_MAX_PAGES)
    .option('--workers <n>', WORKERS_HELP, positiveInt)
    .option('--timeout <seconds>', TIMEOUT_HELP, positiveInt, DEFAULT_PDF_TIMEOUT_MS / 1000)
    .option('--max-memory <mb>', MAX_MEMORY_HELP, positiveInt, DEFAULT_MAX_MEMORY_MB)
    .addHelpText('after', CHECK_EXAMPLES)
    .action((inputs: string[], options) => run(runCheck(inputs, options, io)));

  program
    .command('schema')
    .description('Print the JSON Schema of annex.json (generated from the zod schema)')
    .action(() => {
      io.stdout.write(`${JSON.stringify(annexJsonSchema(), null, 2)}\n`);
      run(Promise.resolve(EXIT.OK));
    });

  return program;
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
  // A closed pipe (`nap-annex extract x | head`) is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.OK);
    throw error;
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
