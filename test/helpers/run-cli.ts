/**
 * Runs the CLI for tests. `runCli` runs it in the test process (`run` from src/cli/main.ts with
 * buffers for stdout/stderr/stdin and a working folder); `spawnCli` starts the built CLI
 * (the CLI bundle, built once by test/global-setup.ts) as a real process, for the few
 * tests that need one (exit status of a process, pipes, signals).
 */
import { spawn, spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';
import { TEST_BUNDLE } from '../global-setup.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The CLI bundle built by test/global-setup.ts (what bin/nap-annex.js loads from dist/bundle once built). */
export const CLI_BUNDLE = fileURLToPath(new URL(`../../${TEST_BUNDLE}/cli.js`, import.meta.url));

/** Exit status, stdout and stderr of one CLI run. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `nap-annex <args>` in-process with optional stdin, in the repo root unless `cwd` is given. */
export async function runCli(args: string[], options: { input?: string | Uint8Array; cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const input = options.input === undefined ? [] : [typeof options.input === 'string' ? Buffer.from(options.input) : options.input];
  const status = await run(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from(input),
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, GITHUB_STEP_SUMMARY: '', ...options.env },
    // Like any host that runs many commands in one process: the next test's command takes the threads.
    keepThreads: true,
  });
  return { status, stdout, stderr };
}

/** Runs the built CLI (`node bin/nap-annex.js <args>`) as a child process. */
export function spawnCli(args: string[], options: { input?: string | Uint8Array; cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { ...process.env, GITHUB_STEP_SUMMARY: '', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the built CLI as a child process whose standard error is closed before it writes anything
 * (as `… 2>&1 | head -1` closes it); resolves with the exit status.
 */
export function spawnCliStderrClosed(args: string[], cwd = ROOT): Promise<number | null> {
  const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, GITHUB_STEP_SUMMARY: '' } });
  child.stderr.destroy();
  return new Promise((resolve) => child.on('close', (code) => resolve(code)));
}
