/**
 * `nap-annex extract <input> [-o dir] [--format json|csv|all]`: runs the pipeline on one input;
 * writes annex.json / activities.csv / footnotes.csv into the folder (atomically), or the JSON to
 * stdout without `-o`. The summary goes to stderr.
 */
import { join } from 'node:path';
import { activitiesCsv, EXCEL_MAX_CELL, footnotesCsv, type CsvOptions } from '../emit/csv.js';
import type { Annex } from '../schema/annex.js';
import { annexJson } from '../emit/json.js';
import { OutputLockedError, writeOutputSet, type SetFile } from '../emit/output-set.js';
import { writeFailureReason } from './write-failure.js';
import { extractAnnexLimited as extractAnnex } from '../pipeline-limited.js';
import { EXIT } from './exit-codes.js';
import { printable } from './printable.js';
import { readInput } from './read-input.js';
import { type ReaderCliOptions, extractOptionsFrom } from './reader-options.js';
import { countBySeverity, formatDiagnostic, formatSummary } from './report.js';

/** Parsed options of `extract`. */
export interface ExtractCommandOptions extends ReaderCliOptions {
  output?: string;
  format: 'json' | 'csv' | 'all';
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
function reportExcelCuts(annex: Annex, csv: CsvOptions, quiet: boolean): void {
  const cuts: string[] = [];
  const probe = (file: string, name: (record: number) => string): CsvOptions => ({
    ...csv,
    maxCellLength: EXCEL_MAX_CELL,
    onCut: ({ record, column, length }) => cuts.push(`${file}, ${name(record)}, column ${column}: ${length} characters cut to ${EXCEL_MAX_CELL} (Excel's cell limit, --excel); the whole text is in annex.json.`),
  });
  activitiesCsv(annex, probe('activities.csv', (r) => annex.activities[r]!.id));
  footnotesCsv(annex, probe('footnotes.csv', (r) => `footnote ${annex.footnotes[r]!.number}`));
  for (const message of cuts) {
    const d = { code: 'NAP601' as const, severity: 'warning' as const, message, location: { file: annex.source.fileName } };
    annex.diagnostics.push(d);
    if (!quiet) process.stderr.write(`${formatDiagnostic(d)}\n`);
  }
  csv.maxCellLength = EXCEL_MAX_CELL;
}

/** Runs `extract`; returns the exit code. Lets InputError and SchemaViolationError through. */
export async function runExtract(input: string, options: ExtractCommandOptions): Promise<number> {
  const { name, bytes } = await readInput(input, options.maxBytes);
  const { annex } = await extractAnnex(bytes, extractOptionsFrom(name, options));
  if (!options.quiet) process.stderr.write(`${formatSummary(annex)}\n`);
  const counts = countBySeverity(annex.diagnostics);
  if (counts.error > 0 && !options.force) {
    process.stderr.write(`nap-annex: ${counts.error} error(s) in ${printable(name)}; nothing written. Fix the input, or use --force to write the output anyway.\n`);
    return EXIT.FINDINGS;
  }
  const csv: CsvOptions = {
    delimiter: options.excel ? ';' : options.delimiter,
    bom: options.excel || options.bom,
    recordDelimiter: options.excel ? '\r\n' : '\n',
    neutraliseFormulas: options.neutraliseFormulas,
  };
  if (options.excel && options.format !== 'json') reportExcelCuts(annex, csv, options.quiet);
  if (options.output === undefined) {
    // Without -o: the JSON, or with --format csv the activities CSV, to stdout.
    process.stdout.write(options.format === 'csv' ? activitiesCsv(annex, csv) : annexJson(annex));
  } else {
    const files: SetFile[] = [];
    if (options.format !== 'csv') files.push({ name: 'annex.json', content: () => annexJson(annex) });
    if (options.format !== 'json') {
      files.push({ name: 'activities.csv', content: () => activitiesCsv(annex, csv) });
      files.push({ name: 'footnotes.csv', content: () => footnotesCsv(annex, csv) });
    }
    try {
      await writeOutputSet(options.output, files);
    } catch (error) {
      if (error instanceof OutputLockedError) {
        process.stderr.write(`nap-annex: ${printable(error.message)} Nothing was written.\n`);
        return EXIT.LOCKED;
      }
      process.stderr.write(`nap-annex: cannot write the output: ${printable(writeFailureReason(error, options.output))}. Nothing was written; the files in ${printable(options.output)} are unchanged.\n`);
      return EXIT.CANNOT_WRITE;
    }
    if (!options.quiet) process.stderr.write(`wrote ${files.map((f) => printable(join(options.output!, f.name))).join(', ')}\n`);
  }
  return counts.error > 0 ? EXIT.FINDINGS : EXIT.OK;
}
