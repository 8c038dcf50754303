/**
 * readPdf with its pages read in page-reader threads (readPagesInWorkers), as the pipeline reads
 * a PDF outside the pipeline thread: what the reader tests call.
 */
import type { PageModel } from '../../src/model/page-model.js';
import { type ReadPdfOptions, readPdf as readPdfFrom } from '../../src/readers/pdf/index.js';
import { readPagesInWorkers } from '../../src/threads/read-pages.js';

/** Reads `bytes` with readPdf, pages from page-reader threads. */
export function readPdf(bytes: Uint8Array, options: Omit<ReadPdfOptions, 'readPages'>): Promise<PageModel> {
  return readPdfFrom(bytes, { ...options, readPages: readPagesInWorkers });
}
