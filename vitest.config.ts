import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { TEST_BUNDLE } from './test/global-setup.js';

/**
 * Test files that change the test process itself, so each runs in a fresh one: pdfjs-dist loaded
 * in the test process replaces Array.prototype.push (core-js; see page-worker-environment.test.ts),
 * and limits.test.ts fills 300 MB to check a limit that measures the read, not the process.
 */
const ISOLATED = ['test/word-generated.test.ts', 'test/pdf-generated.test.ts', 'test/readers/pdf/symbol-glyphs.test.ts', 'test/readers/pdf/limits.test.ts'];

/** Settings of both projects. */
const common = {
  // PDF pages are read by the worker built by the global setup (see src/readers/pdf/page-workers.ts),
  // and the CLI's pipeline thread is the built one too (src/pipeline-limited.ts): from source each
  // thread would load tsx and transpile the pipeline again, about 1 s of CPU per CLI input.
  env: {
    NAP_ANNEX_PAGE_WORKER: fileURLToPath(new URL(`${TEST_BUNDLE}/page-worker.js`, import.meta.url)),
    NAP_ANNEX_PIPELINE_THREAD: fileURLToPath(new URL(`${TEST_BUNDLE}/pipeline-thread.js`, import.meta.url)),
  },
  // Generous limits: these are hang guards, not speed checks (speed is measured by `npm run bench`).
  testTimeout: 120_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    // Vitest's default is one worker fewer than the cores: a single worker on 2 cores, while the
    // main process mostly waits. Two at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    coverage: { provider: 'v8', include: ['src/**'], reporter: ['text-summary'], reportOnFailure: true },
    projects: [
      { test: { name: 'isolated', include: ISOLATED, ...common } },
      // The rest share worker processes (isolate: false): a fresh process and module graph per
      // file cost about 0.65 s of CPU each. Shared results in test/helpers/fixtures.ts are frozen.
      { test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false, ...common } },
    ],
  },
});
