/**
 * Reading PDF pages in page-reader threads (page-reader-thread.ts): the page source
 * (readers/pdf/page-source.ts) the PDF reader uses unless the pipeline thread reads a short PDF
 * itself. pdfjs-dist runs only in those threads, never in the calling thread, so the caller stays
 * free to enforce the time and memory limits: a page that makes pdfjs spin (millions of
 * operators) or inflate (a decompression bomb) is stopped by terminating its thread, which no
 * promise race inside one thread can do. Page inputs are handed to the caller in page order;
 * layout stays in the calling thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PageInput } from '../readers/pdf/page-content.js';
import { OpenError, PageLimitError, PageReadError, type PageSourceOptions, ReadLimitError } from '../readers/pdf/page-source.js';
import type { GoMessage, OpenMessage, ReaderMessage } from './page-reader-thread.js';
import { giveWarmThread, takeWarmThread } from './pool.js';
import { threadData, threadScript } from './thread-script.js';

/**
 * Most V8 heap one reader thread may use (MB), whatever --max-memory allows: a reader holds one
 * page's operator list and text at a time plus the document's caches (a 1000-page annex needs far
 * less); a page whose drawing needs more is crafted (forms nested to paint millions of times).
 */
export const READER_HEAP_MB = 320;

/** Most reader threads a caller may ask for; more only costs memory (about 110 MB each). */
export const MAX_WORKERS = 8;

/**
 * From this many pages on, two reader threads are used by default, on a machine with more than 2
 * cores (on 2 cores a second reader cost 100 MB and 17% more CPU for 4% less wall time at 1000
 * pages; docs/benchmarks.md); otherwise one.
 */
export const WORKER_PAGE_THRESHOLD = 400;

/**
 * Reader threads by default: 2 for PDFs of `threshold` pages or more (default
 * WORKER_PAGE_THRESHOLD) on a machine with more than 2 cores (`cores`, default
 * `availableParallelism()`), else 1.
 */
export function defaultWorkerCount(pageCount: number, threshold = WORKER_PAGE_THRESHOLD, cores: number = availableParallelism()): number {
  return pageCount >= threshold && cores > 2 ? 2 : 1;
}

/** The heap limit (MB) of each reader thread for a read allowed `maxMemoryMb`, or undefined (Node's default). */
function readerHeapMb(maxMemoryMb: number | undefined): number | undefined {
  return maxMemoryMb !== undefined ? Math.min(maxMemoryMb, READER_HEAP_MB) : undefined;
}

/** The warm-thread pool key of the reader threads of a read allowed `maxMemoryMb` (script and heap limit). */
export function readerPoolKey(maxMemoryMb?: number): string {
  return `page-reader ${String(threadScript('page-reader').script)} heap=${readerHeapMb(maxMemoryMb) ?? 'default'}`;
}

/**
 * A PageSource (readers/pdf/page-source.ts): opens the PDF in page-reader threads and hands
 * every page input to `onPage` in page order, as soon as it and all pages before it have arrived (a page input is dropped after `onPage`, so memory
 * stays bounded by how far the readers run ahead). Resolves with the page count. Rejects with
 * OpenError, PageLimitError, ReadLimitError, or PageReadError for the lowest page a reader could
 * not read (each reader stops at its first bad page; pages are claimed in increasing order, so
 * every page below a claimed one was claimed). When it settles, every thread that finished its
 * document is kept warm for the next read (pool.ts); the others are terminated. A warm
 * thread that ends before it answered is replaced by a new one.
 */
export function readPagesInWorkers(bytes: Uint8Array, onPage: (input: PageInput) => void, options: PageSourceOptions): Promise<number> {
  const spec = threadScript('page-reader');
  const claimed = new Int32Array(new SharedArrayBuffer(4));
  const threads: Worker[] = [];
  /** Threads that posted `done` or `fatal`: they wait for the next document. */
  const idle = new Set<Worker>();
  // Every reader of this session has the same heap limit, so one pool key.
  const heapMb = readerHeapMb(options.maxMemoryMb);
  const key = readerPoolKey(options.maxMemoryMb);
  const waiting = new Map<number, PageInput>();
  const errors: PageReadError[] = [];
  let pageCount = -1;
  let next = 1;
  let running = 0;
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  let memoryWatch: NodeJS.Timeout | undefined;

  return new Promise<number>((resolve, reject) => {
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(memoryWatch);
      // A thread that finished its document waits for the next one: kept warm, unless a limit stopped this read.
      const reuse = options.keepWarm !== false && !(error instanceof ReadLimitError);
      for (const t of threads) {
        if (reuse && idle.has(t)) giveWarmThread(key, t);
        else void t.terminate();
      }
      if (error) reject(error);
      else if (next <= pageCount) reject(new PageReadError(next, 'no reader delivered this page'));
      else resolve(pageCount);
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
    /**
     * Starts one reader: a warm thread if one is idle (unless `fresh`), else a new one. A warm
     * thread that ends before it said a word about this document died idle just as it was taken
     * (its exit was not yet known): the reader starts again on a new thread.
     */
    const start = (fresh = false): Worker => {
      const warm = fresh ? undefined : takeWarmThread(key);
      const worker =
        warm ??
        new Worker(spec.script, {
          eval: spec.eval,
          workerData: threadData('page-reader'),
          // Each reader's own heap is bounded; its typed arrays (inflated streams) are watched below.
          ...(heapMb !== undefined ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}),
        });
      let heard = false;
      let replaced = false;
      const replace = (): boolean => {
        if (warm === undefined || heard || settled) return false;
        if (!replaced) {
          replaced = true;
          threads.splice(threads.indexOf(worker), 1);
          running--;
          void worker.terminate();
          start(true);
        }
        return true;
      };
      worker.postMessage({ bytes, claimed } satisfies OpenMessage);
      threads.push(worker);
      running++;
      worker.on('message', (m: ReaderMessage) => {
        heard = true;
        if (settled) return;
        if ('opened' in m) {
          if (pageCount < 0) firstOpened(m.opened);
          if (settled) return;
          worker.postMessage({ go: pageCount } satisfies GoMessage);
        } else if ('fatal' in m) {
          idle.add(worker);
          finish(new OpenError(m.fatal.kind, m.fatal.message));
        } else if ('done' in m) {
          idle.add(worker);
          // Deterministic failure: the lowest page any reader could not read.
          if (--running === 0) finish(errors.sort((a, b) => a.page - b.page)[0]);
        } else if ('error' in m) {
          errors.push(new PageReadError(m.page, m.error));
        } else {
          deliver(m.input);
        }
      });
      worker.on('error', (e) => {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ERR_WORKER_OUT_OF_MEMORY' && replace()) return;
        finish(code === 'ERR_WORKER_OUT_OF_MEMORY' && options.maxMemoryMb !== undefined ? new ReadLimitError('memory', options.maxMemoryMb, next - 1) : e);
      });
      worker.on('exit', (code) => {
        if (replace()) return;
        if (code !== 0) finish(new Error(`page reader exited with code ${code}`));
      });
      return worker;
    };
    const firstOpened = (count: number): void => {
      pageCount = count;
      if (options.maxPages !== undefined && count > options.maxPages) {
        finish(new PageLimitError(count));
        return;
      }
      const wanted = options.workers ?? defaultWorkerCount(count);
      const readers = Math.max(1, Math.min(wanted, MAX_WORKERS, count));
      for (let k = 1; k < readers; k++) start();
    };

    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => finish(new ReadLimitError('time', options.timeoutMs!, next - 1)), options.timeoutMs);
    }
    if (options.maxMemoryMb !== undefined) {
      // The work's memory, not the host's: what the process's resident memory grew by since this
      // read started (pdfjs's inflated streams live outside the V8 heap, so a heap limit alone
      // would not stop a decompression bomb). A process already above the limit can still read.
      const limit = options.maxMemoryMb * 1024 * 1024;
      const before = process.memoryUsage.rss();
      memoryWatch = setInterval(() => {
        if (process.memoryUsage.rss() - before > limit) finish(new ReadLimitError('memory', options.maxMemoryMb!, next - 1));
      }, 50);
    }
    start();
  });
}
