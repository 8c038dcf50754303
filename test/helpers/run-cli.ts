/** Runs the CLI from source (node --import tsx) as a child process, the way a user runs it. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
/** tsx's loader by absolute URL, so that runs with another working folder still find it. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Exit status, stdout and stderr of one CLI run. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `nap-annex <args>` with optional stdin, in the repo root unless `cwd` is given. */
export function runCli(args: string[], options: { input?: string | Uint8Array; cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, ['--import', TSX, ENTRY, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { ...process.env, GITHUB_STEP_SUMMARY: '', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
