import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous limits: these are hang guards, not speed checks (speed is measured by `npm run bench`).
    // The suite reads dozens of PDFs and starts CLI processes on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
