/**
 * The whole pipeline under a time and a memory limit that are enforced by terminating the work,
 * not by checks inside loops that a slow stage might never reach: `extractAnnexLimited` runs
 * `extractAnnex` in a worker thread, terminates it when `timeoutMs` passes (NAP009), and gives it
 * a V8 heap of `maxMemoryMb` (worker `resourceLimits`), so the limit measures the work itself,
 * not the host process (NAP010). The CLI's `extract` and `check` read every input this way.
 * Library users who want the limits call this instead of `extractAnnex`.
 *
 * One exception, for start-up's sake: a small text export read with the default limits
 * (readsInCallingThread) cannot come near them, so it is read in the calling thread,
 * without the second start-up a thread costs (docs/benchmarks.md, "One thread or two").
 */
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { DiagnosticBag } from '../diagnostics/bag.js';
import { InputError, SchemaViolationError } from '../diagnostics/errors.js';
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_PDF_TIMEOUT_MS } from '../model/limits.js';
import { detectFormat } from '../readers/detect-format.js';
import type { ExtractOptions, ExtractResult } from '../pipeline.js';
import type { ThreadJob, ThreadReply } from './pipeline-thread.js';
import { giveWarmThread, takeWarmThread } from './pool.js';
import { threadData, threadScript } from './thread-script.js';

/**
 * Most young-generation heap of the pipeline thread (MB; less for a smaller --max-memory). 64 MB
 * let short-lived objects pile up: at 1000 pages the process peaked 40 MB higher (391–407 MB
 * against 350–366 MB) for no less CPU, at 17 and 204 pages 10–20 MB higher (docs/benchmarks.md).
 */
export const PIPELINE_YOUNG_MB = 16;

/** How often the resident memory of the process is compared with the memory limit (ms). */
export const MEMORY_CHECK_MS = 50;

/**
 * Largest text export read in the calling thread (bytes): 256 KiB, four times the 2024 annex as a
 * text export (65 KB). The text reader and the stages after it are linear in the input, and the
 * crafted text inputs of `npm run bench:adversarial`, up to 1 MB, finish within 3.3 s and 250 MB at
 * a load of 10; a quarter of that size stays far from the default limits. An HTML page is never
 * read in the calling thread: checking its style rules against every element is not linear
 * (adversarial review 5: 213 KB of `:has()` rules and nested elements took 265 s of CPU).
 */
export const IN_THREAD_MAX_BYTES = 256 * 1024;

/**
 * Whether `extractAnnexLimited` reads `bytes` in the calling thread: a text export (as detected,
 * or as `options.format` forces) of at most IN_THREAD_MAX_BYTES, read with a time limit and a
 * memory limit no tighter than the defaults (120 s, 2048 MB), which it cannot reach. A PDF, an HTML
 * page, a larger input, or a tighter limit given by the caller is read in a pipeline thread, which
 * the limit stops.
 */
export function readsInCallingThread(bytes: Uint8Array, options: Pick<ExtractOptions, 'format' | 'timeoutMs' | 'maxMemoryMb'>): boolean {
  if (bytes.byteLength > IN_THREAD_MAX_BYTES) return false;
  if ((options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS) < DEFAULT_PDF_TIMEOUT_MS) return false;
  if ((options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB) < DEFAULT_MAX_MEMORY_MB) return false;
  return (options.format ?? detectFormat(bytes)) === 'text';
}

/** The warm-thread pool key of pipeline threads with a `maxMemoryMb` heap (script and limit). */
export function pipelinePoolKey(maxMemoryMb: number = DEFAULT_MAX_MEMORY_MB): string {
  return `pipeline ${String(threadScript('pipeline').script)} heap=${maxMemoryMb}`;
}

/**
 * Runs the pipeline on `bytes` in a worker thread (a small text export under the default limits
 * in the calling thread: readsInCallingThread). Resolves like `extractAnnex`; rejects with the
 * same InputError / SchemaViolationError, with InputError NAP009 when `options.timeoutMs`
 * (default 120 s) passes and NAP010 when the work needs more than `options.maxMemoryMb` (default
 * 2048 MB): more heap than that, or the process's resident memory grown by more than that since
 * the job started (memory outside the heap: a short PDF is read in the pipeline thread, and a
 * decompression bomb inflates into buffers; pipeline-thread.ts), and with the DataCloneError of options that cannot be copied to a thread. A
 * thread that gave a result or an InputError is kept warm for the next call with the same memory
 * limit (pool.ts); one stopped by a limit or failing otherwise is terminated.
 * A warm thread that ends before it answered is replaced by a new one, which runs the job.
 */
export async function extractAnnexLimited(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractResult> {
  if (readsInCallingThread(bytes, options)) {
    // Loaded here only: a PDF's caller never runs the pipeline itself.
    const { extractAnnex } = await import('../pipeline.js');
    return extractAnnex(bytes, options);
  }
  return extractInThread(bytes, options);
}

/** extractAnnexLimited's work in a pipeline thread, which the limits stop. */
function extractInThread(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  const spec = threadScript('pipeline');
  return new Promise<ExtractResult>((resolve, reject) => {
    const key = pipelinePoolKey(maxMemoryMb);
    let worker: Worker;
    let settled = false;
    /**
     * Settles once. A thread that gave a result or an input error (the input's fault) is kept warm
     * for the next input; one that failed (an internal error, a schema violation, a limit) or that
     * is not to be kept is terminated. `outcome` is given the thread's end (resolved at once for a
     * thread kept warm).
     */
    const settle = (outcome: (ended: Promise<unknown>) => void, healthy = false): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(memoryWatch);
      let ended: Promise<unknown> = Promise.resolve();
      if (healthy && options.keepWarm !== false) giveWarmThread(key, worker);
      else ended = worker.terminate();
      outcome(ended);
    };
    const timer = setTimeout(() => {
      settle(() => reject(limitError(options.fileName, 'NAP009', timeoutMs)));
    }, timeoutMs);
    const memoryFail = (): InputError => limitError(options.fileName, 'NAP010', maxMemoryMb);
    // The work's memory, not the host's: what the process's resident memory grew by since the job
    // started (checked every MEMORY_CHECK_MS; a process already above the limit can still work).
    const rssBefore = process.memoryUsage.rss();
    const memoryWatch = setInterval(() => {
      if (process.memoryUsage.rss() - rssBefore > maxMemoryMb * 1024 * 1024) settle(() => reject(memoryFail()));
    }, MEMORY_CHECK_MS);
    /**
     * Sends the job to a warm thread if one is idle (unless `fresh`), else to a new one. A warm
     * thread that ends before it answered died idle just as it was taken (its exit was not yet
     * known): the job goes to a new thread. Running out of memory is the job's own doing.
     */
    const launch = (fresh: boolean): void => {
      const warm = fresh ? undefined : takeWarmThread(key);
      const thread = warm ?? newPipelineThread(spec, maxMemoryMb);
      worker = thread;
      const retry = (): boolean => {
        if (warm === undefined || settled || worker !== thread) return false;
        void thread.terminate();
        launch(true);
        return true;
      };
      thread.on('message', (reply: ThreadReply) => {
        if (worker !== thread) return;
        settle((ended) => answer(reply, ended, resolve, reject), 'packed' in reply || 'inputError' in reply);
      });
      thread.on('error', (error: NodeJS.ErrnoException) => {
        if (worker !== thread || (error.code !== 'ERR_WORKER_OUT_OF_MEMORY' && retry())) return;
        settle(() =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memoryFail() : error,
          ),
        );
      });
      thread.on('exit', (code) => {
        if (retry()) return;
        if (worker === thread) settle(() => reject(new Error(`the extraction thread exited with code ${code} before it answered`)));
      });
      try {
        thread.postMessage({ bytes, options } satisfies ThreadJob);
      } catch (error) {
        // Options that cannot be copied to a thread (a function, an AbortSignal): a caller's error, thrown before any work.
        settle(() => reject(error));
      }
    };
    launch(false);
  });
}

/** A limit that stopped the work (NAP009: `limit` ms; NAP010: `limit` MB) → its InputError, the limit as `expected`, as the PDF reader gives it. */
function limitError(fileName: string, code: 'NAP009' | 'NAP010', limit: number): InputError {
  const message =
    code === 'NAP009'
      ? `Extracting the input took longer than the time limit of ${limit / 1000} s (--timeout); it was stopped. Check the file (it may be crafted to be slow), or raise --timeout if it is a genuine, very large annex.`
      : `Extracting the input needed more than ${limit} MB of memory (--max-memory); it was stopped. Check the file (it may be crafted to inflate), or raise --max-memory if it is a genuine, very large annex.`;
  return new InputError(new DiagnosticBag(fileName).report(code, message, {}, { expected: limit }));
}

/** The pipeline thread's script and a memory limit (MB) → a new pipeline thread with that V8 heap, its young generation at most PIPELINE_YOUNG_MB. */
function newPipelineThread(spec: ReturnType<typeof threadScript>, maxMemoryMb: number): Worker {
  return new Worker(spec.script, {
    eval: spec.eval,
    workerData: threadData('pipeline'),
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: Math.min(PIPELINE_YOUNG_MB, Math.max(8, Math.floor(maxMemoryMb / 8))) },
  });
}

/**
 * A thread's reply → the job settled: resolved with its result, or rejected with the input error,
 * schema violation or internal error it reports. A result is built again (`v8.deserialize`) once
 * the thread has `ended`, so that a terminated thread's heap is gone by then.
 */
function answer(reply: ThreadReply, ended: Promise<unknown>, resolve: (result: ExtractResult) => void, reject: (error: unknown) => void): void {
  if ('packed' in reply) {
    const unpack = (): void => {
      try {
        resolve(deserialize(reply.packed) as ExtractResult);
      } catch (error) {
        reject(error);
      }
    };
    void ended.then(unpack, unpack);
  } else if ('inputError' in reply) reject(new InputError(reply.inputError));
  else if ('schemaIssues' in reply) reject(new SchemaViolationError(reply.schemaIssues));
  else reject(Object.assign(new Error(reply.internal.message), { stack: reply.internal.stack }));
}
