/**
 * Worker-thread entry of `extractAnnexLimited` (pipeline-limited.ts): runs `extractAnnex` on the
 * bytes it is given and posts back the result or the error, as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from './model/diagnostics.js';
import { extractAnnex, SchemaViolationError, type ExtractOptions } from './pipeline.js';

/** What the thread posts back: exactly one of these. */
export type ThreadReply =
  | { result: Awaited<ReturnType<typeof extractAnnex>> }
  | { inputError: InputError['diagnostic'] }
  | { schemaIssues: string[] }
  | { internal: { message: string; stack: string | undefined } };

const { bytes, options } = workerData as { bytes: Uint8Array; options: ExtractOptions };
let reply: ThreadReply;
try {
  reply = { result: await extractAnnex(bytes, options) };
} catch (error) {
  if (error instanceof InputError) reply = { inputError: error.diagnostic };
  else if (error instanceof SchemaViolationError) reply = { schemaIssues: error.issues };
  else reply = { internal: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } };
}
parentPort!.postMessage(reply);
