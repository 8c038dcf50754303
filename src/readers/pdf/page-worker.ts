/**
 * Worker thread entry: for each document it is sent (`OpenMessage`), opens the PDF bytes and posts
 * `opened` (or `fatal`); after the caller's `go`, takes pages one by one from the shared counter,
 * reads each with readPageInput and posts the page input back, then `done`; then waits for the
 * next document. See page-workers.ts.
 *
 * pdfjs-dist is loaded here with `import()`, after the two modules that must run before it (a
 * bundler hoists static imports of an external package above all bundled code, so a static
 * import could not be ordered after them): no-canvas.ts keeps its native canvas add-on from
 * loading, native-array-push.ts saves V8's Array.prototype.push, which pdfjs-dist's core-js
 * replaces with a slower one. pdf.worker.mjs, the part of pdfjs-dist that parses pages (its "fake
 * worker" in this thread), is loaded here too rather than on the first getDocument: it registers
 * itself as `globalThis.pdfjsWorker`, which getDocument then uses. Then the native push is put back.
 */
import '../../workers/no-canvas.js';
import { isNativeArrayPush, restoreNativeArrayPush } from '../../workers/native-array-push.js';
import { parentPort, workerData } from 'node:worker_threads';
import { capturePdfjsWarnings } from './pdfjs-warnings.js';
import { type GoMessage, type OpenMessage, type WorkerMessage, claimPage } from './page-workers.js';

const { openPdf, optionalContentOf, readPageInput } = await import('./document.js');
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
restoreNativeArrayPush();

const port = parentPort!;
const post = (m: WorkerMessage): void => port.postMessage(m);
capturePdfjsWarnings();

/** Reads one document: posts `opened` or `fatal`, then, after `go`, page inputs and `done`. */
async function readDocument({ bytes, claimed, reportArrayPush }: OpenMessage, nextMessage: () => Promise<unknown>): Promise<void> {
  const task = openPdf(bytes);
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as Error)?.name;
    const kind = name === 'PasswordException' ? 'password' : name === 'InvalidPDFException' ? 'invalid' : 'other';
    post({ fatal: { kind, message: (err as Error)?.message ?? String(err) } });
  }
  if (doc) {
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
    return;
  }
  await task.destroy().catch(() => undefined);
}

// One document after another, as the caller sends them (a thread may be kept warm for the next
// input: src/workers/warm-threads.ts). The first may come as workerData.
const inbox: unknown[] = [];
const waiters: ((m: unknown) => void)[] = [];
port.on('message', (m: unknown) => {
  const waiter = waiters.shift();
  if (waiter) waiter(m);
  else inbox.push(m);
});
const nextMessage = (): Promise<unknown> => (inbox.length > 0 ? Promise.resolve(inbox.shift()) : new Promise((resolve) => waiters.push(resolve)));
void (async () => {
  const first = workerData as OpenMessage | undefined;
  if (first?.bytes) await readDocument(first, nextMessage);
  for (;;) await readDocument((await nextMessage()) as OpenMessage, nextMessage);
})();
