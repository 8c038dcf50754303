/**
 * The pipeline thread: what extractAnnexLimited (limited-pipeline.ts) runs in a thread it can stop.
 * Its protocol, its job loop and its entry; started with workerData `{ thread: 'pipeline' }`. The
 * loop (servePipeline) also runs on a MessageChannel in tests.
 *
 * It runs `extractAnnex` on each job it is sent (bytes and options) and posts back the result or
 * the error, as plain data. A PDF of at most SHORT_PDF_PAGES pages is read in this thread: its
 * caller stops it at the time and memory limits as it would stop a page-reader thread, and one
 * thread costs less than two (no second start-up, no page copied between threads). A longer PDF,
 * or a read that asks for a number of reader threads, goes to page-reader threads (read-pages.ts);
 * when its bytes tell its length (page-count-hint.ts), without pdfjs-dist loaded here.
 * pdfjs-environment.ts is imported first, before anything loads pdfjs-dist.
 */
import './pdfjs-environment.js';
import { serialize } from 'node:v8';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { InputError, SchemaViolationError } from '../diagnostics/errors.js';
import { extractAnnex, type ExtractOptions } from '../pipeline.js';
import type { PageInput } from '../readers/pdf/page-content.js';
import type { PageSourceOptions } from '../readers/pdf/page-source.js';
import { pageCountHint } from './page-count-hint.js';
import { readPagesHere } from './page-reader-thread.js';
import { readPagesInWorkers } from './read-pages.js';
import { threadData } from './thread-script.js';

/**
 * PDFs of at most this many pages are read in the pipeline thread itself (measured:
 * docs/benchmarks.md, "One thread or two"); longer ones in page-reader threads.
 */
export const SHORT_PDF_PAGES = 50;

/**
 * The pipeline thread's page source: this thread for a PDF of at most SHORT_PDF_PAGES pages,
 * page-reader threads for a longer one or when `options.workers` asks for reader threads. A PDF
 * whose bytes say it is longer (page-count-hint.ts) goes to page-reader threads at once, without
 * loading pdfjs-dist here; otherwise pdfjs-dist opens it here to count its pages.
 */
export function readPagesInPipelineThread(bytes: Uint8Array, onPage: (input: PageInput) => void, options: PageSourceOptions): Promise<number> {
  if (options.workers !== undefined || (pageCountHint(bytes) ?? 0) > SHORT_PDF_PAGES) return readPagesInWorkers(bytes, onPage, options);
  return readPagesHere(bytes, onPage, options, SHORT_PDF_PAGES, readPagesInWorkers);
}

/**
 * What the thread posts back: exactly one of these. A result comes serialised (`packed`: the
 * ExtractResult as `v8.serialize` writes it, the structured clone postMessage would make) in a
 * buffer handed over without a copy, so that the caller can let this thread's heap go before it
 * builds the annex again (`v8.deserialize`): at 1000 pages the two no longer add up at the peak.
 */
export type ThreadReply =
  | { packed: Uint8Array }
  | { inputError: InputError['diagnostic'] }
  | { schemaIssues: string[] }
  | { internal: { message: string; stack: string | undefined } };

/** One input for the thread: the bytes and the options of extractAnnex. */
export interface ThreadJob {
  bytes: Uint8Array;
  options: ExtractOptions;
}

/**
 * Serves the jobs sent on `port` (the thread's parentPort), one after another, each answered by
 * one ThreadReply. Errors are posted, never thrown.
 */
export function servePipeline(port: Pick<MessagePort, 'on' | 'postMessage'>): void {
  /** Runs one job and posts its reply. */
  const runJob = async ({ bytes, options }: ThreadJob): Promise<void> => {
    let reply: ThreadReply;
    try {
      reply = { packed: ownBuffer(serialize(await extractAnnex(bytes, options, readPagesInPipelineThread))) };
    } catch (error) {
      if (error instanceof InputError) reply = { inputError: error.diagnostic };
      else if (error instanceof SchemaViolationError) reply = { schemaIssues: error.issues };
      else reply = { internal: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } };
    }
    port.postMessage(reply, 'packed' in reply ? [reply.packed.buffer as ArrayBuffer] : []);
  };
  // One job after another: the caller may keep this thread warm for its next input (pool.ts) and
  // sends each job as a message.
  let queue = Promise.resolve();
  port.on('message', (job: ThreadJob) => {
    queue = queue.then(() => runJob(job));
  });
}

/** `bytes` in a buffer of their own (whole, so that it can be handed over), copied only when they share one. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

// The entry: started as the pipeline thread, serve.
if ((workerData as { thread?: string } | null)?.thread === threadData('pipeline').thread) servePipeline(parentPort!);
