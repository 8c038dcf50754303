/**
 * PDF reader: bytes of a PDF rendition of the annex → the neutral page model.
 *
 * pdfjs-dist reads the pages in worker threads (text content with marked content, one walk over
 * each page's operator list for paths, colours and images, the structure tree; see document.ts); this thread lays the pages out in order (layout.ts)
 * and enforces the page, time and memory limits by terminating the readers. The input is
 * untrusted: no eval, no font loading, no network; every failure maps to a diagnostic.
 */
import { type DiagnosticBag, type DiagnosticCode, type DiagnosticLocation, InputError } from '../../model/diagnostics.js';
import type { PageModel } from '../../model/page-model.js';
import { type Carried, type PageInput, layoutPage } from './layout.js';
import { resolveWordBreaks, wordsOutsideBreaks } from './layout-rows.js';
import { CleanTextTally, cleanText } from '../../model/clean-text.js';
import { OpenError, PageLimitError, PageReadError, ReadLimitError, readPagesInWorkers } from './page-workers.js';

/**
 * From this many pages on, two reader threads are used by default. Measured on a 2-core machine
 * (README, Speed and memory): at 200 pages a second reader does not pay for its start and memory,
 * at 1000 pages it reads 1.3× faster.
 */
export const WORKER_PAGE_THRESHOLD = 400;

/** Options of readPdf. */
export interface ReadPdfOptions {
  diagnostics: DiagnosticBag;
  /** Refuse PDFs with more pages than this (NAP005), before reading any page. */
  maxPages?: number;
  /** Stop after this many milliseconds (NAP009); the reader threads are terminated. */
  timeoutMs?: number;
  /** Stop when the process's resident memory exceeds this many MB (NAP010), e.g. a decompression bomb. */
  maxMemoryMb?: number;
  /**
   * Reader threads: default 2 for PDFs of WORKER_PAGE_THRESHOLD pages or more, else 1; at most
   * MAX_WORKERS (8) and the page count.
   */
  workers?: number;
}

/**
 * Reads a PDF rendition of the annex into the page model. Throws InputError for unreadable input:
 * NAP001 empty, NAP008 not a PDF, NAP004 truncated or damaged (with the page), NAP003 encrypted,
 * NAP005 over the page limit, NAP009 over the time limit, NAP010 over the memory limit. Legend
 * scope and missing legends are assembly's (a page without a legend uses the one in force).
 */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions): Promise<PageModel> {
  const { diagnostics } = options;
  const fail = (code: DiagnosticCode, message: string, location: DiagnosticLocation = {}): never => {
    throw new InputError(diagnostics.report(code, message, location));
  };
  checkEnvelope(bytes, fail);

  const model: PageModel = { format: 'pdf', pages: [] };
  let carried: Carried = { columns: null, lastTagged: null };
  // Layout runs in page order as page inputs arrive: a page without a header row takes its
  // columns from the page before, a tagged page its previous page's last row.
  // One clean-text rule for every reader: controls, bidi controls, unmapped private-use characters
  // (symbol-font glyphs were mapped in the reader thread) and non-characters never reach the data.
  const tally = new CleanTextTally();
  const layout = (input: PageInput): void => {
    for (const c of input.chunks) c.text = cleanText(c.text, tally, { page: input.number });
    const result = layoutPage(input, carried);
    carried = result.carried;
    model.pages.push(result.page);
    for (const f of result.findings) {
      if (f.kind === 'duplicate') {
        diagnostics.report('NAP121', `Text drawn twice at the same place on page ${input.number} ("${f.text.slice(0, 60)}"; fake bold, or hidden duplicate text) was read once.`, { page: input.number });
        continue;
      }
      diagnostics.report(
        'NAP120',
        f.tagRows > 1
          ? `The PDF's tags put ${f.tagRows} table rows (TR) where its layout shows one row; the tags were followed. Check the row on page ${input.number}.`
          : `The PDF's tags make one table row (TR) of what its layout shows as ${f.geometryRows} rows; the tags were followed. Check the row on page ${input.number}.`,
        { page: input.number },
      );
    }
  };
  try {
    await readPagesInWorkers(bytes, layout, {
      workerThreshold: WORKER_PAGE_THRESHOLD,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.maxMemoryMb !== undefined ? { maxMemoryMb: options.maxMemoryMb } : {}),
    });
  } catch (err) {
    if (err instanceof OpenError) {
      if (err.kind === 'password') {
        return fail('NAP003', 'The PDF is encrypted or password protected, so its text cannot be read. Ask for an unprotected copy, or remove the protection (e.g. `qpdf --decrypt`) and try again.');
      }
      return fail('NAP004', `The PDF ${err.kind === 'invalid' ? 'is damaged' : 'could not be opened'} (${err.message}); no page could be read. Download the file again.`);
    }
    if (err instanceof PageLimitError) {
      return fail('NAP005', `The PDF has ${err.pageCount} pages, more than the limit of ${options.maxPages}. Raise --max-pages if this is a genuine annex.`);
    }
    if (err instanceof ReadLimitError) {
      const at = err.pagesRead + 1;
      return err.kind === 'time'
        ? fail('NAP009', `Reading the PDF took longer than ${err.limit} ms; it was stopped at page ${at}. Check the file (a page may hold millions of drawing operations), or raise --timeout if it is a genuine, very large annex.`, { page: at })
        : fail('NAP010', `Reading the PDF needed more than ${err.limit} MB of memory; it was stopped at page ${at}. The file may hold a compressed stream that inflates enormously; check it, or raise --max-memory if it is a genuine, very large annex.`, { page: at });
    }
    if (err instanceof PageReadError) {
      return fail('NAP004', `Page ${err.page} of the PDF is damaged (${err.message}). Download the file again.`, { page: err.page });
    }
    throw err;
  }

  tally.report(diagnostics);
  resolveDocumentWordBreaks(model);
  return model;
}

/**
 * Resolves the possible mid-word breaks the layout marked in cells (resolveWordBreaks) against
 * the words the whole document prints.
 */
function resolveDocumentWordBreaks(model: PageModel): void {
  const known = new Set<string>();
  const add = (text: string): void => {
    for (const w of wordsOutsideBreaks(text)) known.add(w);
  };
  for (const page of model.pages) {
    for (const table of page.tables) for (const row of table.rows) for (const cell of row.cells) add(cell);
    for (const f of page.footnotes) add(f.text);
  }
  for (const page of model.pages) {
    for (const table of page.tables) for (const row of table.rows) row.cells = row.cells.map((c) => resolveWordBreaks(c, known));
  }
}

/** Cheap checks before pdfjs: a PDF header, and an end-of-file marker (a truncated file has none). */
function checkEnvelope(bytes: Uint8Array, fail: (code: DiagnosticCode, message: string) => never): void {
  if (bytes.length === 0) fail('NAP001', 'Input is empty (0 bytes).');
  const head = latin1(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) fail('NAP008', 'Not a PDF file (no %PDF- header). Give the annex as PDF, text export or HTML.');
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) fail('NAP004', 'The PDF is truncated (no %%EOF marker at its end); it was probably cut off while downloading. Download the file again.');
}

function latin1(b: Uint8Array): string {
  return new TextDecoder('latin1').decode(b);
}

