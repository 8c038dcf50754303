/**
 * The PDF page reader's job loop, run by page-reader-thread.ts in a reader thread (and by tests on a
 * MessageChannel): for each document it is sent (`OpenMessage`), opens the PDF bytes and posts
 * `opened` (or `fatal`); after the caller's `go`, takes pages one by one from the shared counter,
 * reads each with readPageInput and posts the page input back, then `done`; then waits for the
 * next document (a thread is kept warm for the next read: pool.ts). See
 * read-pages.ts for the protocol. The caller of servePageReader loads pdf.worker.mjs first.
 */
import type { MessagePort } from 'node:worker_threads';
import { isNativeArrayPush } from './native-array-push.js';
import { openPdf, optionalContentOf, readPageInput } from '../readers/pdf/document.js';
import { type GoMessage, type OpenMessage, type WorkerMessage, claimPage } from './read-pages.js';
import { takeWarnings } from '../readers/pdf/pdfjs-warnings.js';

/**
 * Serves documents sent on `port` (a worker's parentPort), one after another, for as long as the
 * port is open; `first` is a document given as workerData. Every failure is posted (`fatal` for a
 * document that does not open, `error` for a page), never thrown.
 */
export function servePageReader(port: Pick<MessagePort, 'on' | 'postMessage'>, first?: OpenMessage): void {
  const post = (m: WorkerMessage): void => port.postMessage(m);
  const inbox: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  port.on('message', (m: unknown) => {
    const waiter = waiters.shift();
    if (waiter) waiter(m);
    else inbox.push(m);
  });
  const nextMessage = (): Promise<unknown> => (inbox.length > 0 ? Promise.resolve(inbox.shift()) : new Promise((resolve) => waiters.push(resolve)));

  /** Reads one document: posts `opened` or `fatal`, then, after `go`, page inputs and `done`. */
  const readDocument = async ({ bytes, claimed, reportArrayPush }: OpenMessage): Promise<void> => {
    // Warnings pdfjs raised after the last page of the document before belong to none of this one's pages.
    takeWarnings();
    const task = openPdf(bytes);
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      const name = (err as Error)?.name;
      const kind = name === 'PasswordException' ? 'password' : name === 'InvalidPDFException' ? 'invalid' : 'other';
      await task.destroy().catch(() => undefined);
      post({ fatal: { kind, message: (err as Error)?.message ?? String(err) } });
      return;
    }
    post({ opened: doc.numPages });
    const pageCount = ((await nextMessage()) as GoMessage).go;
    const ocVisible = await optionalContentOf(doc);
    try {
      for (let n = claimPage(claimed); n <= pageCount; n = claimPage(claimed)) {
        try {
          const page = await doc.getPage(n);
          post({ page: n, input: await readPageInput(page, n, ocVisible) });
          page.cleanup();
        } catch (err) {
          post({ page: n, error: (err as Error)?.message ?? String(err) });
          break;
        }
      }
    } finally {
      await task.destroy().catch(() => undefined);
      post(reportArrayPush ? { done: true, nativeArrayPush: isNativeArrayPush() } : { done: true });
    }
  };

  void (async () => {
    if (first?.bytes) await readDocument(first);
    for (;;) await readDocument((await nextMessage()) as OpenMessage);
  })();
}
