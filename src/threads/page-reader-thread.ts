/**
 * The PDF page-reader thread: its protocol, its job loop and its entry. Started by
 * readPagesInWorkers (read-pages.ts) with workerData `{ thread: 'page-reader' }`; the loop
 * (servePageReader) also runs on a MessageChannel in tests.
 *
 * Protocol: every reader is sent the bytes (`OpenMessage`), opens them and posts `opened` (page
 * count) or `fatal` (the document does not open: password, damage). The caller checks the page
 * count against the limit after the first `opened`, starts the remaining readers, and sends each
 * `go`; readers then take the next unread page from a shared counter (so readers stay close
 * together in page order) and post each page input (its text runs in columns: page-wire.ts), then
 * `done`. A reader that posted `done` or
 * `fatal` waits for the next document: the caller keeps it warm for the next read (pool.ts)
 * unless the read was stopped by a limit.
 *
 * pdfjs-dist is loaded by loadPdfReader (pdfjs-environment.ts, imported first): without the native
 * canvas add-on and with V8's own Array.prototype.push.
 *
 * `readPagesHere` reads a document the same way in the calling thread, for a thread that its own
 * caller can stop (the pipeline thread, pipeline-thread.ts).
 */
import { type PdfReader, loadPdfReader } from './pdfjs-environment.js';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageInput } from '../readers/pdf/page-content.js';
import { OpenError, PageLimitError, PageReadError, type PageSourceOptions, openErrorKind } from '../readers/pdf/page-source.js';
import { takeWarnings } from '../readers/pdf/pdfjs-warnings.js';
import { threadData } from './thread-script.js';
import { type PackedPageInput, packPage } from './page-wire.js';

/** Message from a page reader. */
export type ReaderMessage =
  | { opened: number }
  | { fatal: { kind: OpenError['kind']; message: string } }
  | { page: number; input: PageInput | PackedPageInput }
  | { page: number; error: string }
  | { done: true };

/** Message to a page reader: read pages 1..pageCount from the shared counter. */
export interface GoMessage {
  go: number;
}

/** A document for a page reader to read. */
export interface OpenMessage {
  bytes: Uint8Array;
  /** Shared counter of pages handed out (Int32Array over a SharedArrayBuffer, one element). */
  claimed: Int32Array;
}

/** Takes the next page number from a shared counter (1-based). */
export function claimPage(claimed: Int32Array): number {
  return Atomics.add(claimed, 0, 1) + 1;
}

/** An open document and its loading task (destroy the task to free it). */
interface OpenDocument {
  doc: PDFDocumentProxy;
  task: PDFDocumentLoadingTask;
}

/**
 * Opens `bytes` in this thread with the reader's options (document.ts openPdf). Rejects with
 * OpenError when the document does not open (its loading task destroyed). Warnings pdfjs raised
 * before, after the last page of another document, belong to none of this one's pages and are
 * dropped.
 */
async function openHere(reader: PdfReader, bytes: Uint8Array): Promise<OpenDocument> {
  takeWarnings();
  const task = reader.openPdf(bytes);
  try {
    return { doc: await task.promise, task };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw new OpenError(openErrorKind(err), (err as Error)?.message ?? String(err));
  }
}

/**
 * Serves documents sent on `port` (a reader thread's parentPort), one after another, for as long
 * as the port is open. Every failure is posted (`fatal` for a document that does not open, `error`
 * for a page), never thrown.
 */
export function servePageReader(port: Pick<MessagePort, 'on' | 'postMessage'>): void {
  const post = (m: ReaderMessage): void => port.postMessage(m);
  const inbox: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  port.on('message', (m: unknown) => {
    const waiter = waiters.shift();
    if (waiter) waiter(m);
    else inbox.push(m);
  });
  const nextMessage = (): Promise<unknown> => (inbox.length > 0 ? Promise.resolve(inbox.shift()) : new Promise((resolve) => waiters.push(resolve)));

  /** Reads one document: posts `opened` or `fatal`, then, after `go`, page inputs and `done`. */
  const readDocument = async ({ bytes, claimed }: OpenMessage): Promise<void> => {
    const reader = await loadPdfReader();
    let opened: OpenDocument;
    try {
      opened = await openHere(reader, bytes);
    } catch (err) {
      const { kind, message } = err as OpenError;
      post({ fatal: { kind, message } });
      return;
    }
    const { doc, task } = opened;
    post({ opened: doc.numPages });
    const pageCount = ((await nextMessage()) as GoMessage).go;
    const ocVisible = await reader.optionalContentOf(doc);
    try {
      for (let n = claimPage(claimed); n <= pageCount; n = claimPage(claimed)) {
        try {
          const page = await doc.getPage(n);
          post({ page: n, input: packPage(await reader.readPageInput(page, n, ocVisible)) });
          page.cleanup();
        } catch (err) {
          post({ page: n, error: (err as Error)?.message ?? String(err) });
          break;
        }
      }
    } finally {
      await task.destroy().catch(() => undefined);
      post({ done: true });
    }
  };

  void (async () => {
    for (;;) await readDocument((await nextMessage()) as OpenMessage);
  })();
}

/**
 * A PageSource (readers/pdf/page-source.ts) that reads the document in this thread, page after
 * page, loading pdfjs-dist here first. It enforces the page limit (`maxPages`) but no time or
 * memory limit: use it only in a thread that its caller stops (the pipeline thread, whose caller
 * extractAnnexLimited enforces both). `maxPagesHere`: a document with more pages is not read here
 * but handed to `otherwise` (another source, e.g. page-reader threads), after it was opened here.
 */
export async function readPagesHere(
  bytes: Uint8Array,
  onPage: (input: PageInput) => void,
  options: PageSourceOptions,
  maxPagesHere = Infinity,
  otherwise?: (bytes: Uint8Array, onPage: (input: PageInput) => void, options: PageSourceOptions) => Promise<number>,
): Promise<number> {
  const reader = await loadPdfReader();
  const { doc, task } = await openHere(reader, bytes);
  try {
    const pageCount = doc.numPages;
    if (options.maxPages !== undefined && pageCount > options.maxPages) throw new PageLimitError(pageCount);
    if (pageCount > maxPagesHere && otherwise) {
      await task.destroy().catch(() => undefined);
      return await otherwise(bytes, onPage, options);
    }
    const ocVisible = await reader.optionalContentOf(doc);
    for (let n = 1; n <= pageCount; n++) {
      let input: PageInput;
      try {
        const page = await doc.getPage(n);
        input = await reader.readPageInput(page, n, ocVisible);
        page.cleanup();
      } catch (err) {
        throw new PageReadError(n, (err as Error)?.message ?? String(err));
      }
      onPage(input);
    }
    return pageCount;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

// The entry: started as a page-reader thread, load pdfjs at once (the first document need not wait for it) and serve.
if ((workerData as { thread?: string } | null)?.thread === threadData('page-reader').thread) {
  void loadPdfReader();
  servePageReader(parentPort!);
}
