import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { TEST_BUNDLE } from './test/global-setup.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // PDF pages are read by the worker built by the global setup (see src/readers/pdf/page-workers.ts).
    env: { NAP_ANNEX_PAGE_WORKER: fileURLToPath(new URL(`${TEST_BUNDLE}/page-worker.js`, import.meta.url)) },
    // Generous limits: these are hang guards, not speed checks (speed is measured by `npm run bench`).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    coverage: { provider: 'v8', include: ['src/**'], reporter: ['text-summary'], reportOnFailure: true },
  },
});
