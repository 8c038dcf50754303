/**
 * Worker thread entry: opens the PDF bytes it is given and posts `opened` (or `fatal`); after the
 * caller's `go`, takes pages one by one from the shared counter, reads each with readPageInput
 * and posts the page input back, then `done`. See page-workers.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPdf, optionalContentOf, readPageInput } from './document.js';
import { capturePdfjsWarnings } from './pdfjs-warnings.js';
import { type GoMessage, type WorkerData, type WorkerMessage, claimPage } from './page-workers.js';

const { bytes, claimed } = workerData as WorkerData;
const port = parentPort!;
const post = (m: WorkerMessage): void => port.postMessage(m);
capturePdfjsWarnings();
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
  const pageCount = await new Promise<number>((resolve) => port.once('message', (m: GoMessage) => resolve(m.go)));
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
    post({ done: true });
  }
}
await task.destroy().catch(() => undefined);
port.close();
