/**
 * Vitest global setup: builds the shipped bundles once (esbuild, about a second; not at all when
 * they were built from the same inputs, bundleStamp), so that CLI
 * tests that spawn `bin/nap-annex.js` and every PDF read (worker threads) run compiled code
 * instead of transpiling the reader in each worker; and the test children that tests start as
 * processes (output-set-child.ts). Threads started by the code under test (page readers, the
 * pipeline thread) run these bundles too (test/helpers/thread-script.ts, vitest.config.ts). Both test projects (the quick and the full
 * tier) name this setup; it builds once per vitest run.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Where the tests' bundles go (relative to the repository root); vitest.config.ts and test/helpers/run-cli.ts use it. */
export const TEST_BUNDLE = 'dist/test-bundle';

/** What the tests' bundles are built from, besides every file under src/: a change to any of them builds the bundles again. */
const BUNDLE_INPUTS = ['scripts/build-bundles.mjs', 'scripts/bundle-externals.mjs', 'test/global-setup.ts', 'test/adversarial/output-set-child.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** The bundles that must exist (the built command line, the threads and the test child). */
const BUNDLE_OUTPUTS = ['cli.js', 'page-reader-thread.js', 'pipeline-thread.js', 'output-set-child.js'];

/**
 * The SHA-256 of the bundles' inputs (paths and contents, as scripts/build-stamp.mjs hashes
 * dist's), and whether the bundles in TEST_BUNDLE were built from them: then building them again
 * would write the same files (esbuild is deterministic) and costs about 1.5 s of CPU.
 */
function bundleStamp(root: string): { hash: string; current: boolean } {
  const hash = createHash('sha256');
  const src = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  for (const file of [...src.sort(), ...BUNDLE_INPUTS.map((f) => join(root, f))]) hash.update(`\0${relative(root, file)}\0`).update(existsSync(file) ? readFileSync(file) : '(missing)');
  const digest = hash.digest('hex');
  const stamp = join(root, TEST_BUNDLE, '.build-inputs');
  const current = existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest && BUNDLE_OUTPUTS.every((f) => existsSync(join(root, TEST_BUNDLE, f)));
  return { hash: digest, current };
}

export default async function setup(): Promise<void> {
  // Each project calls its global setup in vitest's main process: the second one finds this mark.
  if (process.env.NAP_TEST_BUNDLE_BUILT === TEST_BUNDLE) return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const stamp = bundleStamp(root);
  if (stamp.current) {
    process.env.NAP_TEST_BUNDLE_BUILT = TEST_BUNDLE;
    return;
  }
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
  writeFileSync(join(root, TEST_BUNDLE, '.build-inputs'), `${stamp.hash}\n`);
  process.env.NAP_TEST_BUNDLE_BUILT = TEST_BUNDLE;
}
