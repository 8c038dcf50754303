import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { TEST_BUNDLE } from './test/global-setup.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Test files share worker processes (isolate: false): a fresh process and module graph per
    // file cost about 0.65 s of CPU each, and a warm PDF reader thread (src/workers/warm-threads.ts)
    // serves the next file. Shared results in test/helpers/fixtures.ts are frozen, and this setup
    // file puts back what pdfjs-dist's core-js replaces when a test loads pdfjs-dist itself.
    isolate: false,
    setupFiles: ['test/setup/native-array-push.ts'],
    // Vitest's default is one worker fewer than the cores: a single worker on 2 cores, while the
    // main process mostly waits. Two at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
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
    coverage: { provider: 'v8', include: ['src/**'], reporter: ['text-summary'], reportOnFailure: true },
  },
});
