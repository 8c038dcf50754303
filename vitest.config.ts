import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { TEST_BUNDLE } from './test/global-setup.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
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
