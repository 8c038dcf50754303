/** Paths and cached extractions of the bundled fixtures, shared by tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractAnnex, type ExtractResult } from '../../src/pipeline.js';
import { cachedPages } from './page-cache.js';

export const TEXT_2024 = fileURLToPath(new URL('../../fixtures/nap-2024/bijlage-1.txt', import.meta.url));
export const PDF_2024 = fileURLToPath(new URL('../../fixtures/nap-2024/bijlage-1-rendition.pdf', import.meta.url));
export const EXPECTED_STATUSES_2024 = fileURLToPath(
  new URL('../../fixtures/nap-2024/bijlage-1-rendition.expected-statuses.json', import.meta.url),
);

/**
 * Freezes a result shared by several tests, deeply: most test files share a worker process
 * (vitest.config.ts), so one test changing it in place would change what tests in other files
 * read; frozen, such a change throws instead.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

let text2024: Promise<ExtractResult> | undefined;

/** The pipeline's result on the 2024 text export (computed once per test worker, frozen). */
export function extract2024Text(): Promise<ExtractResult> {
  text2024 ??= extractAnnex(readFileSync(TEXT_2024), { fileName: 'bijlage-1.txt' }).then(deepFreeze);
  return text2024;
}

/** Runs the pipeline on a string as a text export. */
export function extractString(text: string, fileName = 'test.txt'): Promise<ExtractResult> {
  return extractAnnex(new TextEncoder().encode(text), { fileName });
}

let pdf2024: Promise<ExtractResult> | undefined;

/**
 * The pipeline's result on the 2024 PDF rendition, which carries statuses (computed once per test
 * worker, frozen). The bytes are a Node Buffer, as readFileSync gives them, on purpose: pdfjs
 * refuses Buffers, and annex-2024-pdf.test.ts checks through this that the reader copies.
 */
export function extract2024Pdf(): Promise<ExtractResult> {
  pdf2024 ??= extractAnnex(readFileSync(PDF_2024), { fileName: 'bijlage-1-rendition.pdf' }).then(deepFreeze);
  return pdf2024;
}

const fixtureReads = new Map<string, Promise<ExtractResult>>();

/**
 * The pipeline's result on a committed fixture file (computed once per test worker, frozen): the
 * manifest test and the per-folder tests share it. A PDF's pages come from page-reader threads
 * through the tests' page cache (page-cache.ts: read again whenever the reader's code or the
 * file changes); the layout and everything after it run each time. The 2024 PDF rendition is
 * extract2024Pdf's, read by the threads every time.
 */
export function extractFixture(file: string): Promise<ExtractResult> {
  if (file === PDF_2024) return extract2024Pdf();
  let result = fixtureReads.get(file);
  if (!result) {
    result = extractAnnex(new Uint8Array(readFileSync(file)), { fileName: file.split('/').pop()! }, cachedPages).then(deepFreeze);
    fixtureReads.set(file, result);
  }
  return result;
}
