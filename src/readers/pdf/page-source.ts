/**
 * Where the PDF reader's pages come from. readPdf (index.ts) lays out pages it is handed; a
 * `PageSource` opens the PDF with pdfjs-dist, reads each page into a `PageInput` (document.ts)
 * and hands them over in page order. The sources live in src/threads/, because pdfjs runs in a
 * thread that the caller can stop: `readPagesInWorkers` (page-reader threads, read-pages.ts) and,
 * inside the pipeline thread, `readPagesHere` (page-reader-thread.ts) for short PDFs. A source
 * fails with one of the errors below, which readPdf turns into diagnostics.
 */
import type { PageInput } from './page-content.js';

/** The limits and choices of one read (all optional; a source that cannot honour one says so in its docs). */
export interface PageSourceOptions {
  /** Reader threads wanted, where the source reads in threads. */
  workers?: number;
  /** Refuse a PDF with more pages than this (PageLimitError), before reading any page. */
  maxPages?: number;
  /** Stop after this many milliseconds (ReadLimitError `time`). */
  timeoutMs?: number;
  /** Stop when the read needs more than this many MB (ReadLimitError `memory`). */
  maxMemoryMb?: number;
  /** Keep threads that finished their document for the next read (default true). */
  keepWarm?: boolean;
}

/**
 * Opens the PDF `bytes`, hands every page's input to `onPage` in page order (an error thrown by
 * `onPage` ends the read and is rethrown) and resolves with the page count. Rejects with
 * OpenError, PageLimitError, ReadLimitError or PageReadError (the lowest page that could not be read).
 */
export type PageSource = (bytes: Uint8Array, onPage: (input: PageInput) => void, options: PageSourceOptions) => Promise<number>;

/** A page that could not be read, with pdfjs's reason. */
export class PageReadError extends Error {
  constructor(readonly page: number, message: string) {
    super(message);
    this.name = 'PageReadError';
  }
}

/** The document did not open; `kind` from pdfjs's exception name. */
export class OpenError extends Error {
  constructor(readonly kind: 'password' | 'invalid' | 'other', message: string) {
    super(message);
    this.name = 'OpenError';
  }
}

/** The PDF has more pages than allowed. */
export class PageLimitError extends Error {
  constructor(readonly pageCount: number) {
    super(`${pageCount} pages`);
    this.name = 'PageLimitError';
  }
}

/** Reading was stopped by the time limit (`kind: 'time'`) or the memory limit (`kind: 'memory'`). */
export class ReadLimitError extends Error {
  constructor(readonly kind: 'time' | 'memory', readonly limit: number, readonly pagesRead: number) {
    super(`${kind} limit ${limit}`);
    this.name = 'ReadLimitError';
  }
}

/** The OpenError kind of an exception pdfjs threw while opening a document. */
export function openErrorKind(error: unknown): OpenError['kind'] {
  const name = (error as Error | undefined)?.name;
  return name === 'PasswordException' ? 'password' : name === 'InvalidPDFException' ? 'invalid' : 'other';
}
