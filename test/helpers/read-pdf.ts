/**
 * readPdf with its pages read in page-reader threads (readPagesInWorkers), as the pipeline reads
 * a PDF outside the pipeline thread: what the reader tests call. `readPdfCached` takes the pages
 * from the tests' page cache (page-cache.ts), for tests of what comes after the pages.
 */
import type { PageModel } from '../../src/model/page-model.js';
import { type ReadPdfOptions, readPdf as readPdfFrom } from '../../src/readers/pdf/index.js';
import { readPagesInWorkers } from '../../src/threads/read-pages.js';
import { cachedPages } from './page-cache.js';

/** Reads `bytes` with readPdf, pages from page-reader threads. */
export function readPdf(bytes: Uint8Array, options: Omit<ReadPdfOptions, 'readPages'>): Promise<PageModel> {
  return readPdfFrom(bytes, { ...options, readPages: readPagesInWorkers });
}

/** Reads `bytes` with readPdf, pages from the tests' page cache (read by page-reader threads when the cache has none for this reader's code). */
export function readPdfCached(bytes: Uint8Array, options: Omit<ReadPdfOptions, 'readPages'>): Promise<PageModel> {
  return readPdfFrom(bytes, { ...options, readPages: cachedPages });
}
