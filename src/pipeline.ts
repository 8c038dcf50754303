/**
 * The pipeline, one direction: read → page model → assemble rows → attach footnotes →
 * normalise → validate. Diagnostics from every stage are collected in one DiagnosticBag.
 */
import { attachFootnotes } from './assemble/footnotes.js';
import { assembleRows } from './assemble/rows.js';
import { DiagnosticBag, InputError, type Diagnostic } from './model/diagnostics.js';
import type { InputFormat, PageModel } from './model/page-model.js';
import { normaliseAnnex } from './normalise/normalise-annex.js';
import { detectFormat } from './readers/detect-format.js';
import { readHtml } from './readers/html-reader.js';
import { readPdf } from './readers/pdf/index.js';
import { readText } from './readers/text-reader.js';
import { annexSchema, type Annex } from './schema/annex.js';

/** Default input size limit: 50 MiB (the 2024 annex is 0.1 MB as text, 0.35 MB as PDF). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Options of one extraction. */
export interface ExtractOptions {
  /** Name used in the output's `source.fileName` and in every diagnostic location. */
  fileName: string;
  /** Force a reader; by default the format is detected from the bytes. */
  format?: InputFormat;
  /** Refuse inputs larger than this many bytes (NAP002). Default DEFAULT_MAX_BYTES. */
  maxBytes?: number;
  /** Refuse PDFs with more pages than this (NAP005). Default DEFAULT_MAX_PAGES. */
  maxPages?: number;
  /** Stop reading a PDF after this many milliseconds (NAP009). Default DEFAULT_PDF_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** Default PDF page limit: 2000 pages (the 2024 annex has 17). */
export const DEFAULT_MAX_PAGES = 2000;

/** Default PDF time limit: 120 s (the 2024 annex reads in well under a second). */
export const DEFAULT_PDF_TIMEOUT_MS = 120_000;

/** The result of one extraction: the validated annex (diagnostics included in it). */
export interface ExtractResult {
  annex: Annex;
  diagnostics: Diagnostic[];
}

/**
 * Thrown when the annex built from the input does not satisfy the schema: a defect in
 * nap-annex, not in the input (exit code 3). Nothing is written.
 */
export class SchemaViolationError extends Error {
  constructor(readonly issues: string[]) {
    super(`Output failed schema validation (a nap-annex defect, please report it):\n${issues.join('\n')}`);
    this.name = 'SchemaViolationError';
  }
}

/**
 * Runs the whole pipeline on the bytes of one input.
 * Throws InputError (exit 2) when the input cannot be read at all, SchemaViolationError (exit 3)
 * when the output would not validate. Every other problem is a diagnostic in the result.
 */
export async function extractAnnex(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractResult> {
  const diagnostics = new DiagnosticBag(options.fileName);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new InputError(
      diagnostics.report('NAP002', `Input is ${bytes.byteLength} bytes, over the limit of ${maxBytes} bytes. Raise --max-bytes if this file is genuine.`),
    );
  }
  const format = options.format ?? detectFormat(bytes);
  const model = await readPageModel(bytes, format, diagnostics, options);
  const assembled = assembleRows(model, diagnostics);
  const { rows, footnotes } = attachFootnotes(assembled.rows, assembled.footnotes, diagnostics);
  const built = normaliseAnnex({ fileName: options.fileName, bytes, format, assembled, rows, footnotes }, diagnostics);
  const parsed = annexSchema.safeParse({ ...built, diagnostics: diagnostics.items });
  if (!parsed.success) {
    throw new SchemaViolationError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return { annex: parsed.data, diagnostics: diagnostics.items };
}

async function readPageModel(bytes: Uint8Array, format: InputFormat, diagnostics: DiagnosticBag, options: ExtractOptions): Promise<PageModel> {
  switch (format) {
    case 'pdf':
      return readPdf(bytes, {
        diagnostics,
        maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
        timeoutMs: options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS,
      });
    case 'text':
      return readText(bytes, diagnostics);
    case 'html':
      return readHtml(bytes, diagnostics);
  }
}
