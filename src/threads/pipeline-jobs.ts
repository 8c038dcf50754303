/**
 * The job loop of `extractAnnexLimited`'s thread (limited-pipeline.ts; started by
 * pipeline-thread.ts, and by tests on a MessageChannel): runs `extractAnnex` on each job it is sent
 * (bytes and options) and posts back the result or the error, as plain data.
 */
import type { MessagePort } from 'node:worker_threads';
import { InputError } from '../model/diagnostics.js';
import { extractAnnex, SchemaViolationError, type ExtractOptions } from '../pipeline.js';

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
 * Serves the jobs sent on `port` (a worker's parentPort), one after another, each answered by one
 * ThreadReply; `first` is a job given as workerData. Errors are posted, never thrown.
 */
export function servePipeline(port: Pick<MessagePort, 'on' | 'postMessage'>, first?: ThreadJob): void {
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
  // One job after another: the caller may keep this thread warm for its next input
  // (pool.ts) and sends each job as a message.
  let queue = Promise.resolve();
  port.on('message', (job: ThreadJob) => {
    queue = queue.then(() => runJob(job));
  });
  if (first?.bytes) queue = queue.then(() => runJob(first));
}
