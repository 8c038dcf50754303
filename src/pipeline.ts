/**
 * The pipeline, one direction: read → page model → assemble rows → attach footnotes →
 * normalise → validate. Diagnostics from every stage are collected in one DiagnosticBag; each
 * stage reports into the bag of its own stage (`bag.stage('assemble')`), so that every diagnostic
 * names the stage that found it.
 */
import { attachFootnotes } from './assemble/footnotes.js';
import { joinContinuedNotes } from './assemble/note-continuation.js';
import { resolvePageNumbering } from './assemble/note-numbering.js';
import { assembleRows } from './assemble/rows.js';
import { DiagnosticBag } from './diagnostics/bag.js';
import { InputError, SchemaViolationError } from './diagnostics/errors.js';
import type { Diagnostic } from './schema/diagnostic.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_PAGES, DEFAULT_PDF_TIMEOUT_MS } from './model/limits.js';
import type { InputFormat, PageModel } from './model/page-model.js';
import type { PageSource } from './readers/pdf/page-source.js';
import { explanationHasHtml } from './normalise/explanation-blocks.js';
import { normaliseAnnex } from './normalise/normalise-annex.js';
import { detectFormat } from './readers/detect-format.js';
import { readText } from './readers/text-reader.js';
import { annexSchema, type Annex } from './schema/annex.js';

// The defaults and the defect error live in src/model/ so that a thread that only starts the
// pipeline (the command line's) need not load it; they are the pipeline's, and exported here.
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_PAGES, DEFAULT_PDF_TIMEOUT_MS } from './model/limits.js';
export { SchemaViolationError } from './diagnostics/errors.js';

/** Options of one extraction. */
export interface ExtractOptions {
  /** Name used in the output's `source.fileName` and in every diagnostic location. */
  fileName: string;
  /** Force a reader; by default the format is detected from the bytes. */
  format?: InputFormat;
  /** Refuse inputs larger than this many bytes (NAP002). Default DEFAULT_MAX_BYTES. */
  maxBytes?: number;
  /**
   * Refuse PDF inputs with more pages than this (NAP005), before reading any page.
   * Default DEFAULT_MAX_PAGES. Used by the PDF reader; text input has no real pages.
   */
  maxPages?: number;
  /**
   * Expected activity count per action line, in order (index 0 = Actielijn 1), e.g.
   * `[27, 7, 31, 6, 12]`. Every mismatch is a NAP502 error naming the action line.
   */
  expect?: readonly number[];
  /** Stop reading a PDF after this many milliseconds (NAP009). Default DEFAULT_PDF_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Threads reading PDF pages; default 2 for PDFs of 400+ pages on a machine with more than 2 cores, else 1 (at most 8). */
  workers?: number;
  /** Stop reading a PDF when the process uses more than this many MB (NAP010). Default DEFAULT_MAX_MEMORY_MB. */
  maxMemoryMb?: number;
  /** Edition date (ISO YYYY-MM-DD) for `source.edition` when the document prints none. */
  editionDate?: string;
  /** Kamerstuk (`34843-109`) for `source.edition` when the document prints none. */
  kamerstuk?: string;
  /**
   * Keep the PDF reader thread (and, in extractAnnexLimited, the pipeline thread) for the next
   * input, for up to 10 s (src/threads/pool.ts). Default true; false frees their memory at
   * once, which a caller reading its last input wants (a 1000-page read leaves a few hundred MB).
   */
  keepWarm?: boolean;
}

/**
 * The result of one extraction: the validated annex (its diagnostics name the file by its base
 * name, like `source.fileName`) and the same diagnostics with the name as given in
 * `fileName` (for a terminal, where the path as typed helps).
 */
export interface ExtractResult {
  annex: Annex;
  diagnostics: Diagnostic[];
}

/**
 * Runs the whole pipeline on the bytes of one input. A PDF's pages come from `readPages`
 * (readers/pdf/page-source.ts), by default page-reader threads (src/threads/read-pages.ts).
 * Throws InputError (exit 2) when the input cannot be read at all, SchemaViolationError (exit 3)
 * when the output would not validate. Every other problem is a diagnostic in the result.
 */
export async function extractAnnex(bytes: Uint8Array, options: ExtractOptions, readPages?: PageSource): Promise<ExtractResult> {
  const bag = new DiagnosticBag(options.fileName, 'input');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new InputError(
      bag.report('NAP002', `Input is ${bytes.byteLength} bytes, larger than the limit of ${maxBytes} bytes. Raise --max-bytes if this file is genuine.`, {}, { actual: bytes.byteLength, expected: maxBytes }),
    );
  }
  const detected = detectFormat(bytes);
  const format = options.format ?? detected;
  const reader = bag.stage(`reader:${format}`);
  let model: PageModel;
  try {
    model = await readPageModel(bytes, format, reader, options, readPages);
  } catch (error) {
    // A forced format that the bytes contradict is the likelier cause: say so.
    if (error instanceof InputError && format !== detected) {
      error.diagnostic.reason += ` The input looks like ${detected.toUpperCase()}, but was read as ${format.toUpperCase()} (--input-format); drop --input-format to read it as ${detected.toUpperCase()}.`;
    }
    throw error;
  }
  checkRowCount(model, reader);
  // Notes numbered per page: each marker resolved with its own page's notes before rows join across pages.
  const assembled = assembleRows(resolvePageNumbering(joinContinuedNotes(model, bag.stage('footnotes')), bag.stage('footnotes')), bag.stage('assemble'));
  const { rows, footnotes } = attachFootnotes(assembled.rows, assembled.footnotes, bag.stage('footnotes'));
  const edition = {
    ...(options.editionDate !== undefined ? { editionDate: options.editionDate } : {}),
    ...(options.kamerstuk !== undefined ? { kamerstuk: options.kamerstuk } : {}),
  };
  // The HTML parser (htmlparser2) only when some Toelichting has markup: a PDF rarely has.
  const parseHtml = rows.some((r) => explanationHasHtml(r.cells.explanation)) ? (await import('./normalise/explanation.js')).parseExplanationHtml : undefined;
  const built = normaliseAnnex({ fileName: options.fileName, bytes, format, assembled, rows, footnotes, edition, parseHtml }, bag.stage('normalise'));
  if (options.expect) checkExpectedCounts(built.actionLines, options.expect, bag.stage('validate'));
  // Published output names the file by its base name only: no local folder leaks into annex.json.
  const published = bag.items.map((d) =>
    d.file !== undefined ? { ...d, file: built.source.fileName } : d,
  );
  const parsed = annexSchema.safeParse({ ...built, diagnostics: published });
  if (!parsed.success) {
    throw new SchemaViolationError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return { annex: parsed.data, diagnostics: bag.items };
}

/**
 * Most table rows an input may have: the NAP annex has about 100 activities; 200 times that is no
 * annex but a crafted or mistaken input, and building, validating and writing it would take
 * seconds and hundreds of MB for nothing.
 */
export const MAX_TABLE_ROWS = 20_000;

/** Throws InputError (NAP025) when the page model holds more than MAX_TABLE_ROWS table rows. */
function checkRowCount(model: PageModel, diagnostics: DiagnosticBag): void {
  let rows = 0;
  for (const page of model.pages) for (const table of page.tables) rows += table.rows.length;
  if (rows <= MAX_TABLE_ROWS) return;
  throw new InputError(
    diagnostics.report(
      'NAP025',
      `The input has ${rows} table rows, more than the ${MAX_TABLE_ROWS} any NAP annex could have (it has about 100 activities); it was not processed further. Check that this is the annex.`,
      {},
      { actual: rows, expected: MAX_TABLE_ROWS },
    ),
  );
}

async function readPageModel(bytes: Uint8Array, format: InputFormat, diagnostics: DiagnosticBag, options: ExtractOptions, readPages: PageSource | undefined): Promise<PageModel> {
  switch (format) {
    case 'pdf': {
      // Loaded on demand: pdfjs-dist takes a noticeable share of start-up for text and HTML input.
      const { readPdf } = await import('./readers/pdf/index.js');
      return readPdf(bytes, {
        diagnostics,
        readPages: readPages ?? (await import('./threads/read-pages.js')).readPagesInWorkers,
        maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
        timeoutMs: options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS,
        maxMemoryMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB,
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
        ...(options.keepWarm !== undefined ? { keepWarm: options.keepWarm } : {}),
      });
    }
    case 'text':
      return readText(bytes, diagnostics);
    case 'html': {
      // Loaded on demand: the HTML reader is needed for HTML input only.
      const { readHtml } = await import('./readers/html-reader.js');
      return readHtml(bytes, diagnostics);
    }
  }
}

/**
 * Compares activity counts per action line with the expected counts (NAP502, one error per
 * mismatch): a missing action line counts as 0 activities; an action line beyond the expected
 * list is reported too, since the expectation says there should be none.
 */
export function checkExpectedCounts(
  actionLines: ReadonlyArray<{ number: number; activityCount: number; location: { page: number; line: number | null } }>,
  expected: readonly number[],
  diagnostics: DiagnosticBag,
): void {
  const given = expected.join(',');
  const numbers = new Set<number>([...expected.map((_, i) => i + 1), ...actionLines.map((a) => a.number)]);
  for (const number of [...numbers].sort((a, b) => a - b)) {
    const actionLine = actionLines.find((a) => a.number === number);
    const found = actionLine?.activityCount ?? 0;
    const want = expected[number - 1] ?? 0;
    if (found === want) continue;
    const where = actionLine ? { page: actionLine.location.page, ...(actionLine.location.line !== null ? { line: actionLine.location.line } : {}) } : {};
    const what = actionLine ? `${found} activit${found === 1 ? 'y' : 'ies'}` : 'no activities (the action line is missing)';
    if (number > expected.length) {
      diagnostics.report(
        'NAP502',
        `Actielijn ${number}: --expect ${given} gives no count for it (${expected.length} count${expected.length === 1 ? '' : 's'}), found ${what}. ` +
          'Give one count per action line, in order.',
        where,
        { actual: found, expected: 0 },
      );
      continue;
    }
    diagnostics.report(
      'NAP502',
      `Actielijn ${number}: expected ${want} activit${want === 1 ? 'y' : 'ies'} (--expect ${given}), found ${what}. ` +
        'Check for rows that were lost or split (see the other diagnostics), or correct --expect if the annex changed.',
      where,
      { actual: found, expected: want },
    );
  }
}
