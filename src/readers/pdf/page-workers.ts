/**
 * Reading PDF pages in worker threads: each worker opens the same bytes with pdfjs-dist and takes
 * the next unread page from a shared counter (so readers stay close together in page order and
 * few page inputs wait for an earlier page); the page inputs come back in messages and the caller
 * lays them out in page order. The calling thread can be one of the readers (`local`): it has
 * pdfjs loaded and the document open anyway, and every worker thread costs a whole pdfjs
 * instance of memory. Layout stays in the calling thread because a page without a header row
 * takes its columns from the page before.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TextSource } from './document.js';
import type { PageInput } from './layout.js';

/** A page that a worker could not read, with pdfjs's reason. */
export class PageReadError extends Error {
  constructor(readonly page: number, message: string) {
    super(message);
    this.name = 'PageReadError';
  }
}

/** Number of page workers to use by default: one per core, at most 4. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Message from a page worker. */
export type WorkerMessage = { page: number; input: PageInput } | { page: number; error: string } | { done: true };

/** Data a page worker starts with. */
export interface WorkerData {
  bytes: Uint8Array;
  pageCount: number;
  /** Shared counter of pages handed out (Int32Array over a SharedArrayBuffer, one element). */
  claimed: Int32Array;
  textSource?: TextSource;
}

/**
 * The worker to start. From the compiled package it is page-worker.js. From source (tests, tsx)
 * it is TypeScript, and module hooks of the parent thread do not reach workers on Node 20, so a
 * small CommonJS bootstrap registers tsx in the worker before importing page-worker.ts.
 */
function workerSpec(): { script: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { script: new URL('./page-worker.js', import.meta.url), eval: false };
  const entry = new URL('./page-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}); })` +
    `.catch((e) => { const port = require('node:worker_threads').parentPort; ` +
    `port.postMessage({ page: 0, error: String(e && e.stack || e) }); port.postMessage({ done: true }); });`;
  return { script: bootstrap, eval: true };
}

/** Takes the next page number from a shared counter (1-based). */
export function claimPage(claimed: Int32Array): number {
  return Atomics.add(claimed, 0, 1) + 1;
}

/**
 * Reads pages 1..pageCount with `workers` readers and hands each page input to `onPage` in page
 * order as soon as it and all pages before it have arrived (a page input is dropped after
 * `onPage`, so memory stays bounded by how far the readers run ahead). With `local`, the calling
 * thread is one of the readers and `workers - 1` threads are started. Rejects with
 * PageReadError for the lowest page a reader could not read (each reader stops at its first bad
 * page; pages are claimed in increasing order, so every page below a claimed one was claimed).
 * `signal` aborts (the workers are terminated).
 */
export function readPagesInWorkers(
  bytes: Uint8Array,
  pageCount: number,
  workers: number,
  onPage: (input: PageInput) => void,
  signal?: AbortSignal,
  textSource?: TextSource,
  local?: (page: number) => Promise<PageInput>,
): Promise<void> {
  const spec = workerSpec();
  const waiting = new Map<number, PageInput>();
  let next = 1;
  const threads: Worker[] = [];
  const claimed = new Int32Array(new SharedArrayBuffer(4));
  return new Promise<void>((resolve, reject) => {
    let running = 0;
    let settled = false;
    const errors: PageReadError[] = [];
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const t of threads) void t.terminate();
      if (error) reject(error);
      else if (next <= pageCount) reject(new PageReadError(next, 'no worker delivered this page'));
      else resolve();
    };
    const deliver = (input: PageInput): void => {
      waiting.set(input.number, input);
      for (let ready = waiting.get(next); ready !== undefined; ready = waiting.get(next)) {
        waiting.delete(next);
        next++;
        try {
          onPage(ready);
        } catch (error) {
          finish(error as Error);
          return;
        }
      }
    };
    const readerDone = (): void => {
      // Deterministic failure: the lowest page any reader could not read.
      if (--running === 0) finish(errors.sort((a, b) => a.page - b.page)[0]);
    };
    signal?.addEventListener('abort', () => finish(new Error('aborted')), { once: true });
    const threadCount = Math.min(local ? workers - 1 : workers, pageCount);
    for (let k = 0; k < threadCount; k++) {
      const data: WorkerData = { bytes, pageCount, claimed, textSource };
      const worker = new Worker(spec.script, { workerData: data, eval: spec.eval });
      threads.push(worker);
      running++;
      worker.on('message', (m: WorkerMessage) => {
        if ('done' in m) {
          readerDone();
        } else if ('error' in m) {
          errors.push(new PageReadError(m.page, m.error));
        } else if (!settled) {
          deliver(m.input);
        }
      });
      worker.on('error', (e) => finish(e));
      worker.on('exit', (code) => {
        if (code !== 0) finish(new Error(`page worker exited with code ${code}`));
      });
    }
    if (local) {
      running++;
      void (async () => {
        for (let n = claimPage(claimed); n <= pageCount && !settled; n = claimPage(claimed)) {
          let input: PageInput;
          try {
            input = await local(n);
          } catch (err) {
            errors.push(new PageReadError(n, (err as Error)?.message ?? String(err)));
            break;
          }
          if (!settled) deliver(input);
        }
        readerDone();
      })();
    }
    if (running === 0) finish();
  });
}
