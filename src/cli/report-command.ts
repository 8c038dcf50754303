/**
 * `nap-annex report <input> [--compare <older>] [-o report.html] [--lang nl|en] [--date YYYY-MM-DD]`:
 * the annex as one self-contained HTML page (see src/report/). Each input is an annex in any
 * format, or an annex.json written by `extract`. Diagnostics, the error gate (`--force`) and exit
 * codes are extract's own (summariseAndGate); the page is written by the writer every command
 * uses (writeSingleFile: locked, replaced whole, kill-safe); without `-o` it goes to stdout.
 */
import { compareAnnexes } from '../diff/compare-annexes.js';
import { buildReportHtml } from '../report/index.js';
import type { Lang } from '../report/labels.js';
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Annex } from '../schema/annex.js';
import { exitCodeAfterWriting, summariseAndGate } from './extract-command.js';
import { type CliIo, processIo, resolvePath } from './io.js';
import { loadAnnex } from './load-annex.js';
import { type ReaderCliOptions, extractOptionsFrom } from './reader-options.js';
import { writeSingleFile } from './write-output.js';

/** Parsed options of `report`. */
export interface ReportCommandOptions extends ReaderCliOptions {
  output?: string;
  compare?: string;
  lang: Lang;
  date?: string;
  minSimilarity: number;
  force: boolean;
  quiet: boolean;
  /** List info diagnostics (stderr and page); they are always counted. */
  verbose?: boolean;
}

/** Runs `report`; returns the exit code. Lets InputError and SchemaViolationError through, as extract does. */
export async function runReport(input: string, options: ReportCommandOptions, version: string, io: CliIo = processIo()): Promise<number> {
  const { annex, name, diagnostics } = await load(input, options, io);
  const stop = summariseAndGate(annex, name, options, diagnostics, io.stderr);
  if (stop !== undefined) return stop;
  let older: Annex | undefined;
  if (options.compare !== undefined) {
    const loaded = await load(options.compare, options, io);
    const olderStop = summariseAndGate(loaded.annex, loaded.name, options, loaded.diagnostics, io.stderr);
    if (olderStop !== undefined) return olderStop;
    older = loaded.annex;
  }
  const diff = older ? compareAnnexes(older, annex, { minSimilarity: options.minSimilarity }) : undefined;
  if (diff && older) {
    // The file names as given on the command line, as `diff` shows them.
    diff.old.fileName = options.compare!;
    diff.new.fileName = name;
  }
  const page = await buildReportHtml(annex, {
    lang: options.lang,
    version,
    sourceName: name,
    ...(options.verbose ? { verbose: true } : {}),
    ...(options.date ? { annexDate: options.date } : {}),
    ...(older ? { older } : {}),
    ...(diff ? { diff } : {}),
  });
  if (options.output === undefined) {
    io.stdout.write(page);
  } else {
    const failed = writeSingleFile(resolvePath(io, options.output), page, options.quiet, io.stderr, options.output);
    if (failed !== undefined) return failed;
  }
  const older_ = older ? exitCodeAfterWriting(older) : 0;
  return Math.max(exitCodeAfterWriting(annex), older_);
}

async function load(path: string, options: ReportCommandOptions, io: CliIo): Promise<{ annex: Annex; name: string; diagnostics: Diagnostic[] }> {
  const { fileName: _, ...extract } = extractOptionsFrom(path, options);
  const loaded = await loadAnnex(path, { ...extract, maxBytes: options.maxBytes }, io);
  return { annex: loaded.annex, name: loaded.path, diagnostics: loaded.diagnostics };
}
