/**
 * Worker thread entry: opens the PDF bytes it is given, reads its pages one by one with
 * readPageInput and posts each page input back; see page-workers.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPdf, readPageInput } from './document.js';
import type { WorkerData, WorkerMessage } from './page-workers.js';

const { bytes, pages, textSource } = workerData as WorkerData;
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
const task = openPdf(bytes);
try {
  const doc = await task.promise;
  for (const n of pages) {
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
  post({ page: pages[0] ?? 1, error: (err as Error)?.message ?? String(err) });
} finally {
  post({ done: true });
  await task.destroy().catch(() => undefined);
}
