/**
 * Worker thread entry: opens the PDF bytes it is given, takes pages one by one from the shared
 * counter, reads each with readPageInput and posts the page input back; see page-workers.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPdf, readPageInput } from './document.js';
import { type WorkerData, type WorkerMessage, claimPage } from './page-workers.js';

const { bytes, pageCount, claimed, textSource } = workerData as WorkerData;
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
const task = openPdf(bytes);
try {
  const doc = await task.promise;
  for (let n = claimPage(claimed); n <= pageCount; n = claimPage(claimed)) {
    try {
      const page = await doc.getPage(n);
      post({ page: n, input: await readPageInput(page, n, textSource) });
      page.cleanup();
    } catch (err) {
      post({ page: n, error: (err as Error)?.message ?? String(err) });
      break;
    }
  }
} catch (err) {
  // The document did not open here: report the page this worker would have read next.
  const n = claimPage(claimed);
  if (n <= pageCount) post({ page: n, error: (err as Error)?.message ?? String(err) });
} finally {
  post({ done: true });
  await task.destroy().catch(() => undefined);
}
