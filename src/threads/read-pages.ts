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
import { type PackedPageInput, unpackPage } from './page-wire.js';

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
  // Every reader of this session has the same heap limit, so one pool key.
  const threads = { spec, heapMb: readerHeapMb(options.maxMemoryMb), key: readerPoolKey(options.maxMemoryMb) };
  return new Promise<number>((resolve, reject) => {
    const read = new PageRead(bytes, onPage, options, threads, { resolve, reject });
    read.watchLimits();
    read.start();
  });
}

/** The page-reader threads of one read: their script, the heap limit of each (MB; undefined: Node's default) and their warm-pool key. */
interface ReaderThreads {
  spec: ReturnType<typeof threadScript>;
  heapMb: number | undefined;
  key: string;
}

/** One read of a PDF in page-reader threads (readPagesInWorkers): what its threads share, and the steps that change it. */
class PageRead {
  private readonly claimed = new Int32Array(new SharedArrayBuffer(4));
  private readonly threads: Worker[] = [];
  /** Threads that posted `done` or `fatal`: they wait for the next document. */
  private readonly idle = new Set<Worker>();
  private readonly waiting = new Map<number, PageInput | PackedPageInput>();
  private readonly errors: PageReadError[] = [];
  private pageCount = -1;
  private next = 1;
  private running = 0;
  private settled = false;
  private timer: NodeJS.Timeout | undefined;
  private memoryWatch: NodeJS.Timeout | undefined;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly onPage: (input: PageInput) => void,
    private readonly options: PageSourceOptions,
    private readonly readers: ReaderThreads,
    private readonly promise: { resolve: (pageCount: number) => void; reject: (error: unknown) => void },
  ) {}

  /** Settles the read once: with `error`, else with the page count (PageReadError when a page never came); threads that finished their document are kept warm unless a limit stopped the read. */
  private finish(error?: Error): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    clearInterval(this.memoryWatch);
    // A thread that finished its document waits for the next one: kept warm, unless a limit stopped this read.
    const reuse = this.options.keepWarm !== false && !(error instanceof ReadLimitError);
    for (const t of this.threads) {
      if (reuse && this.idle.has(t)) giveWarmThread(this.readers.key, t);
      else void t.terminate();
    }
    if (error) this.promise.reject(error);
    else if (this.next <= this.pageCount) this.promise.reject(new PageReadError(this.next, 'no reader delivered this page'));
    else this.promise.resolve(this.pageCount);
  }

  /** A page input as posted → handed to `onPage` (runs as objects again) with every page input after it that waited for it, in page order (an error thrown there finishes the read). */
  private deliver(input: PageInput | PackedPageInput): void {
    this.waiting.set(input.number, input);
    for (let ready = this.waiting.get(this.next); ready !== undefined; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.next++;
      try {
        this.onPage(unpackPage(ready));
      } catch (error) {
        this.finish(error as Error);
        return;
      }
    }
  }

  /**
   * Starts one reader: a warm thread if one is idle (unless `fresh`), else a new one. A warm
   * thread that ends before it said a word about this document died idle just as it was taken
   * (its exit was not yet known): the reader starts again on a new thread.
   */
  start(fresh = false): Worker {
    const warm = fresh ? undefined : takeWarmThread(this.readers.key);
    const worker = warm ?? newReaderThread(this.readers);
    let heard = false;
    let replaced = false;
    const replace = (): boolean => {
      if (warm === undefined || heard || this.settled) return false;
      if (!replaced) {
        replaced = true;
        this.threads.splice(this.threads.indexOf(worker), 1);
        this.running--;
        void worker.terminate();
        this.start(true);
      }
      return true;
    };
    worker.postMessage({ bytes: this.bytes, claimed: this.claimed } satisfies OpenMessage);
    this.threads.push(worker);
    this.running++;
    worker.on('message', (m: ReaderMessage) => {
      heard = true;
      this.onMessage(worker, m);
    });
    worker.on('error', (e) => {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ERR_WORKER_OUT_OF_MEMORY' && replace()) return;
      this.finish(code === 'ERR_WORKER_OUT_OF_MEMORY' && this.options.maxMemoryMb !== undefined ? new ReadLimitError('memory', this.options.maxMemoryMb, this.next - 1) : e);
    });
    worker.on('exit', (code) => {
      if (replace()) return;
      if (code !== 0) this.finish(new Error(`page reader exited with code ${code}`));
    });
    return worker;
  }

  /** A reader's message → the read moves on: the document opened (go), failed to open, a reader done, a page's error noted, or a page input delivered. */
  private onMessage(worker: Worker, m: ReaderMessage): void {
    if (this.settled) return;
    if ('opened' in m) {
      if (this.pageCount < 0) this.firstOpened(m.opened);
      if (this.settled) return;
      worker.postMessage({ go: this.pageCount } satisfies GoMessage);
    } else if ('fatal' in m) {
      this.idle.add(worker);
      this.finish(new OpenError(m.fatal.kind, m.fatal.message));
    } else if ('done' in m) {
      this.idle.add(worker);
      // Deterministic failure: the lowest page any reader could not read.
      if (--this.running === 0) this.finish(this.errors.sort((a, b) => a.page - b.page)[0]);
    } else if ('error' in m) {
      this.errors.push(new PageReadError(m.page, m.error));
    } else {
      this.deliver(m.input);
    }
  }

  /** The page count the first reader found → PageLimitError over `maxPages`, else the other readers started (as many as asked or by default, at most MAX_WORKERS and the page count). */
  private firstOpened(count: number): void {
    this.pageCount = count;
    if (this.options.maxPages !== undefined && count > this.options.maxPages) {
      this.finish(new PageLimitError(count));
      return;
    }
    const wanted = this.options.workers ?? defaultWorkerCount(count);
    const readers = Math.max(1, Math.min(wanted, MAX_WORKERS, count));
    for (let k = 1; k < readers; k++) this.start();
  }

  /** Starts the time limit and the memory watch of the options: either finishes the read with ReadLimitError. */
  watchLimits(): void {
    const { timeoutMs, maxMemoryMb } = this.options;
    if (timeoutMs !== undefined) {
      this.timer = setTimeout(() => this.finish(new ReadLimitError('time', timeoutMs, this.next - 1)), timeoutMs);
    }
    if (maxMemoryMb !== undefined) {
      // The work's memory, not the host's: what the process's resident memory grew by since this
      // read started (pdfjs's inflated streams live outside the V8 heap, so a heap limit alone
      // would not stop a decompression bomb). A process already above the limit can still read.
      const limit = maxMemoryMb * 1024 * 1024;
      const before = process.memoryUsage.rss();
      this.memoryWatch = setInterval(() => {
        if (process.memoryUsage.rss() - before > limit) this.finish(new ReadLimitError('memory', maxMemoryMb, this.next - 1));
      }, 50);
    }
  }
}

/** A read's reader threads → a new page-reader thread, its heap bounded (its typed arrays, inflated streams, are watched by PageRead.watchLimits). */
function newReaderThread({ spec, heapMb }: ReaderThreads): Worker {
  return new Worker(spec.script, {
    eval: spec.eval,
    workerData: threadData('page-reader'),
    ...(heapMb !== undefined ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}),
  });
}
