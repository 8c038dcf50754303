import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Two tiers (docs/testing.md), as two vitest projects; every test file belongs to exactly one:
 * - `quick` (`npm test`): every `test/**\/*.test.ts` except the full tier's; no program outside
 *   Node (no Chromium, LibreOffice, weasyprint, Ghostscript, OCR, no corpus regeneration), small
 *   fuzz and kill counts; line coverage with thresholds.
 * - `full`: the files named `*.full.test.ts`, which need other programs, regenerate the corpus or
 *   start processes of the shipped bundle by the dozen (docs/testing.md); a missing program fails them. `npm run test:all` runs both projects in mode `all`, which also
 *   gives every property test its full count and the kill test its full kill count
 *   (NAP_TEST_TIER=all, read by test/helpers/fuzz.ts and the kill test).
 */
const FULL_TIER = 'test/**/*.full.test.ts';

export default defineConfig(({ mode }) => {
  // The projects' configs are evaluated again, in mode `test`: the root's mode decides, through the
  // environment of vitest's main process (which its test processes inherit).
  if (mode === 'all') process.env.NAP_TEST_TIER = 'all';
  const tier = process.env.NAP_TEST_TIER === 'all' ? 'all' : 'quick';
  return {
    resolve: {
      // Threads (page readers, the pipeline thread) start from the bundles the global setup builds,
      // not from source: from source each new thread would load tsx and transpile the reader or the
      // pipeline again, about a second of CPU. The thread code of src/threads/ names its script
      // through `./thread-script.js`; the tests give it test/helpers/thread-script.ts instead.
      alias: [{ find: /^\.\/thread-script\.js$/, replacement: fileURLToPath(new URL('test/helpers/thread-script.ts', import.meta.url)) }],
    },
    test: {
      globalSetup: ['test/global-setup.ts'],
      // Transformed modules are kept between runs (node_modules/.experimental-vitest-cache/, found by
      // each file's content and this configuration; `npx vitest --clearCache` empties it): vitest's
      // main process then transforms only what changed, and the test processes import faster
      // (npm test 87 → 82 s of CPU with it warm, the same tests and the same coverage).
      experimental: { fsModuleCache: true },
      // Test files share worker processes (isolate: false): a fresh process and module graph per
      // file cost about 0.65 s of CPU each, and a warm PDF reader thread (src/threads/pool.ts)
      // serves the next file. Shared results in test/helpers/fixtures.ts are frozen, and this setup
      // file puts back what pdfjs-dist's core-js replaces when a test loads pdfjs-dist itself.
      isolate: false,
      setupFiles: ['test/setup/native-array-push.ts'],
      // Vitest's default is one worker fewer than the cores: a single worker on 2 cores, while the
      // main process mostly waits. Two at least.
      maxWorkers: Math.max(2, availableParallelism() - 1),
      env: { NAP_TEST_TIER: tier },
      // Generous limits: these are hang guards, not speed checks (speed is measured by `npm run bench`).
      testTimeout: 120_000,
      hookTimeout: 180_000,
      projects: [
        { extends: true, test: { name: 'quick', include: ['test/**/*.test.ts'], exclude: [FULL_TIER] } },
        { extends: true, test: { name: 'full', include: [FULL_TIER] } },
      ],
      // Line coverage of the quick tier (`npm test`). Code that runs only inside worker threads or
      // child processes is not counted. The thresholds are the figures measured when the tiers were
      // introduced, rounded down: a change that lowers coverage fails `npm test` (raise them when
      // coverage rises; docs/testing.md keeps the current figure).
      coverage: {
        provider: 'v8',
        include: ['src/**'],
        reporter: ['text-summary'],
        reportOnFailure: true,
        thresholds: { lines: 95, statements: 92.5, branches: 82.7, functions: 94.4 },
      },
    },
  };
});
