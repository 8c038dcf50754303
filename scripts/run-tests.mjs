/**
 * `npm test` and `npm run test:all` (docs/testing.md): the type check (`tsc -b
 * tsconfig.check.json`) and vitest at the same time, instead of one after the other. On the
 * project's 2-core machine vitest's main process mostly waits for its two workers, and the type
 * check of a fresh clone (no tsbuildinfo yet: about 12 s of CPU) then costs little wall time; the
 * CPU is the same.
 *
 * Usage: `node scripts/run-tests.mjs quick|all [vitest arguments…]`: `quick` is vitest project
 * `quick` with line coverage, `all` both projects in mode `all`; further arguments go to vitest
 * (`npm test -- test/csv.test.ts`). The type check's output is held back and printed after
 * vitest's, so the two do not interleave. Exit status: the type check's when it failed (1 or 2,
 * tsc's own), else vitest's; a child killed by a signal counts as a failure (1).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const [tier, ...rest] = process.argv.slice(2);
const VITEST_ARGS = { quick: ['run', '--project', 'quick', '--coverage'], all: ['run', '--mode', 'all'] };
if (!Object.hasOwn(VITEST_ARGS, tier ?? '')) {
  process.stderr.write('usage: node scripts/run-tests.mjs quick|all [vitest arguments…]\n');
  process.exit(64);
}

/** Runs `node <script> <args>` in the repository root; resolves with its exit status (1 when a signal ended it). */
function run(script, args, stdio) {
  const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      output.push(Buffer.from(`${script}: ${error.message}\n`));
      resolve({ status: 1, output });
    });
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

const typeCheck = run(require.resolve('typescript/bin/tsc'), ['-b', 'tsconfig.check.json'], ['ignore', 'pipe', 'pipe']);
/** vitest's command (its package exports only package.json besides its modules). */
const VITEST = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const tests = run(VITEST, [...VITEST_ARGS[tier], ...rest], 'inherit');
const [checked, tested] = await Promise.all([typeCheck, tests]);
for (const chunk of checked.output) process.stdout.write(chunk);
if (checked.status !== 0) process.stderr.write(`\nThe type check (tsc -b tsconfig.check.json) failed: exit ${checked.status}.\n`);
process.exitCode = checked.status !== 0 ? checked.status : tested.status;
