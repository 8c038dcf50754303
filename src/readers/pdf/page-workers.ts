/**
 * Reading PDF pages in worker threads: each worker opens the same bytes with pdfjs-dist and reads
 * the pages it is given (page n goes to worker n mod k, which balances long and short pages); the
 * page inputs come back in messages and the caller lays them out in page order. Layout stays in
 * the calling thread because a page without a header row takes its columns from the page before.
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
  pages: number[];
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

/**
 * Reads pages 1..pageCount with `workers` threads and hands each page input to `onPage` in page
 * order as soon as it and all pages before it have arrived (a page input is dropped after
 * `onPage`, so memory stays bounded by how far the workers run ahead). Rejects with
 * PageReadError for the lowest page a worker could not read (each worker stops at its first bad
 * page). `signal` aborts (the workers are terminated).
 */
export function readPagesInWorkers(
  bytes: Uint8Array,
  pageCount: number,
  workers: number,
  onPage: (input: PageInput) => void,
  signal?: AbortSignal,
  textSource?: TextSource,
): Promise<void> {
  const spec = workerSpec();
  const waiting = new Map<number, PageInput>();
  let next = 1;
  const threads: Worker[] = [];
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
    signal?.addEventListener('abort', () => finish(new Error('aborted')), { once: true });
    for (let k = 0; k < workers; k++) {
      const pages: number[] = [];
      for (let n = k + 1; n <= pageCount; n += workers) pages.push(n);
      if (pages.length === 0) continue;
      const data: WorkerData = { bytes, pages, textSource };
      const worker = new Worker(spec.script, { workerData: data, eval: spec.eval });
      threads.push(worker);
      running++;
      worker.on('message', (m: WorkerMessage) => {
        if ('done' in m) {
          // Deterministic failure: the lowest page any worker could not read.
          if (--running === 0) finish(errors.sort((a, b) => a.page - b.page)[0]);
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
    if (running === 0) finish();
  });
}
