/**
 * `nap-annex extract <input> [-o dir] [--format json|csv|all]`: runs the pipeline on one input;
 * writes annex.json / activities.csv / footnotes.csv into the folder (atomically), or the JSON to
 * stdout without `-o`. The summary goes to stderr.
 */
import { join } from 'node:path';
import { activitiesCsv, footnotesCsv, type CsvOptions } from '../emit/csv.js';
import { annexJson } from '../emit/json.js';
import { writeFilesAtomically, type OutputFile } from '../emit/write-atomic.js';
import { extractAnnex } from '../pipeline.js';
import { EXIT } from './exit-codes.js';
import { type CliIo, processIo, resolvePath } from './io.js';
import { printable } from './printable.js';
import { readInput } from './read-input.js';
import { type ReaderCliOptions, extractOptionsFrom } from './reader-options.js';
import { countBySeverity, formatSummary } from './report.js';

/** Parsed options of `extract`. */
export interface ExtractCommandOptions extends ReaderCliOptions {
  /** The folder to write into; undefined: standard output (main.ts maps `-o -` to undefined). */
  output?: string;
  /** `all` only with `output` (main.ts refuses it for standard output). */
  format: 'json' | 'csv' | 'all';
  delimiter: ',' | ';';
  bom: boolean;
  excel: boolean;
  neutraliseFormulas: boolean;
  force: boolean;
  quiet: boolean;
}

/** Runs `extract`; returns the exit code. Lets InputError and SchemaViolationError through. */
export async function runExtract(input: string, options: ExtractCommandOptions, io: CliIo = processIo()): Promise<number> {
  const { name, bytes } = await readInput(input, options.maxBytes, io);
  const { annex } = await extractAnnex(bytes, extractOptionsFrom(name, options));
  if (!options.quiet) io.stderr.write(`${formatSummary(annex)}\n`);
  const counts = countBySeverity(annex.diagnostics);
  if (counts.error > 0 && !options.force) {
    io.stderr.write(`nap-annex: ${counts.error} error(s) in ${printable(name)}; nothing written. Fix the input, or use --force to write the output anyway.\n`);
    return EXIT.FINDINGS;
  }
  const csv: CsvOptions = {
    delimiter: options.excel ? ';' : options.delimiter,
    bom: options.excel || options.bom,
    recordDelimiter: options.excel ? '\r\n' : '\n',
    neutraliseFormulas: options.neutraliseFormulas,
  };
  if (options.output === undefined) {
    // Without -o: the JSON, or with --format csv the activities CSV, to stdout.
    io.stdout.write(options.format === 'csv' ? activitiesCsv(annex, csv) : annexJson(annex));
    if (options.format === 'csv' && !options.quiet) io.stderr.write('nap-annex: printed activities.csv only; footnotes.csv is written with -o <dir>.\n');
  } else {
    const files: OutputFile[] = [];
    if (options.format !== 'csv') files.push({ path: join(resolvePath(io, options.output), 'annex.json'), content: () => annexJson(annex) });
    if (options.format !== 'json') {
      files.push({ path: join(resolvePath(io, options.output), 'activities.csv'), content: () => activitiesCsv(annex, csv) });
      files.push({ path: join(resolvePath(io, options.output), 'footnotes.csv'), content: () => footnotesCsv(annex, csv) });
    }
    try {
      await writeFilesAtomically(files);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      const reason = e.code === 'EEXIST' || e.code === 'ENOTDIR' ? `${options.output} or a folder above it is a file, not a folder` : e.message;
      io.stderr.write(`nap-annex: cannot write the output (${printable(reason)}). Nothing was written; existing files in ${printable(options.output)} are unchanged. Choose another folder with -o, or fix its permissions.\n`);
      return EXIT.CANNOT_WRITE;
    }
    if (!options.quiet) io.stderr.write(`wrote ${files.map((f) => printable(f.path)).join(', ')}\n`);
  }
  return counts.error > 0 ? EXIT.FINDINGS : EXIT.OK;
}
