/**
 * The pipeline thread: what extractAnnexLimited (limited-pipeline.ts) runs in a thread it can stop.
 * Its protocol, its job loop and its entry; started with workerData `{ thread: 'pipeline' }`. The
 * loop (servePipeline) also runs on a MessageChannel in tests.
 *
 * It runs `extractAnnex` on each job it is sent (bytes and options) and posts back the result or
 * the error, as plain data. pdfjs-environment.ts is imported first, for PDF input: the PDF reader
 * may load pdfjs-dist in this thread.
 */
import './pdfjs-environment.js';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../model/diagnostics.js';
import { extractAnnex, SchemaViolationError, type ExtractOptions } from '../pipeline.js';
import { threadData } from './thread-script.js';

/** What the thread posts back: exactly one of these. */
export type ThreadReply =
  | { result: Awaited<ReturnType<typeof extractAnnex>> }
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
      reply = { result: await extractAnnex(bytes, options) };
    } catch (error) {
      if (error instanceof InputError) reply = { inputError: error.diagnostic };
      else if (error instanceof SchemaViolationError) reply = { schemaIssues: error.issues };
      else reply = { internal: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } };
    }
    port.postMessage(reply);
  };
  // One job after another: the caller may keep this thread warm for its next input (pool.ts) and
  // sends each job as a message.
  let queue = Promise.resolve();
  port.on('message', (job: ThreadJob) => {
    queue = queue.then(() => runJob(job));
  });
}

// The entry: started as the pipeline thread, serve.
if ((workerData as { thread?: string } | null)?.thread === threadData('pipeline').thread) servePipeline(parentPort!);
