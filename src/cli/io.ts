/**
 * Where a CLI run reads and writes: standard streams and the working folder. `bin.ts` passes the
 * process's own; tests pass buffers, so that most CLI tests run in the test process.
 */
import { isAbsolute, resolve } from 'node:path';

/** Something text can be written to (a process stream, or a buffer in tests). */
export interface TextSink {
  write(chunk: string): unknown;
}

/** The streams and working folder of one CLI run. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** Standard input, read only when an input argument is `-`. */
  stdin: AsyncIterable<Uint8Array | string>;
  /** The folder relative paths and glob patterns are resolved against. */
  cwd: string;
  /** Environment variables (e.g. GITHUB_STEP_SUMMARY for `check`). */
  env: Record<string, string | undefined>;
  /**
   * Keep the reader and pipeline threads after the last input, for the next command run in this
   * process (a host that runs many commands, such as the tests). Default false: a command's last
   * input frees them at once (ExtractOptions.keepWarm); the inputs before it always keep them.
   */
  keepThreads?: boolean;
}

/** The process's own streams and working folder. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
}

/** `path` as the file system should see it: relative paths are taken from `io.cwd`. */
export function resolvePath(io: Pick<CliIo, 'cwd'>, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}
