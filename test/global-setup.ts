/**
 * Vitest global setup: builds the shipped bundles once (esbuild, about a second), so that CLI
 * tests that spawn `bin/nap-annex.js` and every PDF read (worker threads) run compiled code
 * instead of transpiling the reader in each worker; and the test children that tests start as
 * processes (output-set-child.ts). Threads started by the code under test (page readers, the
 * pipeline thread) run these bundles too (test/helpers/thread-script.ts, vitest.config.ts). Both test projects (the quick and the full
 * tier) name this setup; it builds once per vitest run.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Where the tests' bundles go (relative to the repository root); vitest.config.ts and test/helpers/run-cli.ts use it. */
export const TEST_BUNDLE = 'dist/test-bundle';

export default async function setup(): Promise<void> {
  // Each project calls its global setup in vitest's main process: the second one finds this mark.
  if (process.env.NAP_TEST_BUNDLE_BUILT === TEST_BUNDLE) return;
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-bundles.mjs', import.meta.url)), TEST_BUNDLE], { stdio: 'inherit' });
  // Child processes of tests, started with plain node (tsx would transpile them again in each child).
  await build({
    absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
    entryPoints: { 'output-set-child': 'test/adversarial/output-set-child.ts' },
    outdir: TEST_BUNDLE,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  process.env.NAP_TEST_BUNDLE_BUILT = TEST_BUNDLE;
}
