import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { PDFJS_CHECKED_VERSION } from '../../../src/readers/pdf/pdfjs-version.js';

it('the installed pdfjs-dist is the version the reader was checked against', () => {
  const installed = (createRequire(import.meta.url)('pdfjs-dist/package.json') as { version: string }).version;
  // On a deliberate upgrade: run the PDF reader tests on every fixture, then update PDFJS_CHECKED_VERSION.
  expect(installed).toBe(PDFJS_CHECKED_VERSION);
});
