/**
 * PDF reader: bytes of a PDF rendition of the annex → the neutral page model.
 *
 * Per page it takes the text content and the operator list from pdfjs-dist once, turns them into
 * positioned lines and drawn graphics, and lays the page out (see layout.ts). The input is
 * untrusted: no eval, no font loading, no network; errors map to diagnostics.
 */
import { InvalidPDFException } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type DiagnosticBag, type DiagnosticCode, type DiagnosticLocation, InputError } from '../../model/diagnostics.js';
import type { PageModel } from '../../model/page-model.js';
import { type TextSource, openPdf, readPageInput } from './document.js';
import { type Columns, type PageInput, layoutPage } from './layout.js';
import { PageReadError, defaultWorkerCount, readPagesInWorkers } from './page-workers.js';

/** From this many pages on, pages are read in worker threads (below it, starting them costs more than it saves). */
export const WORKER_PAGE_THRESHOLD = 40;

export interface ReadPdfOptions {
  diagnostics: DiagnosticBag;
  /** Refuse PDFs with more pages than this (NAP005). */
  maxPages?: number;
  /** Give up after this many milliseconds (NAP009). */
  timeoutMs?: number;
  /**
   * Threads reading pages: default one per core (at most 4) for PDFs of WORKER_PAGE_THRESHOLD
   * pages or more, 1 below. 1 reads in the calling thread only; k > 1 reads in the calling
   * thread and k - 1 worker threads.
   */
  workers?: number;
  /**
   * Where page text comes from: `operator-list` (default: one pass over each content stream) or
   * `text-content` (pdfjs getTextContent as well; the two-pass reader, for comparison).
   */
  textSource?: TextSource;
}

/** Reads a PDF rendition of the annex into the page model; throws `InputError` for unreadable input. */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions): Promise<PageModel> {
  const { diagnostics } = options;
  const fail = (code: DiagnosticCode, message: string, location: DiagnosticLocation = {}): never => {
    throw new InputError(diagnostics.report(code, message, location));
  };

  checkEnvelope(bytes, fail);

  const task = openPdf(bytes);

  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const deadline =
    options.timeoutMs !== undefined
      ? new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            timedOut = true;
            reject(new Error('timeout'));
          }, options.timeoutMs);
        })
      : null;
  const withDeadline = <T>(p: Promise<T>): Promise<T> => (deadline ? Promise.race([p, deadline]) : p);

  try {
    let doc: PDFDocumentProxy;
    try {
      doc = await withDeadline(task.promise);
    } catch (err) {
      if (timedOut) return fail('NAP009', `Reading the PDF took longer than ${options.timeoutMs} ms; it was stopped. Check the file, or raise the time limit if it is a genuine, very large annex.`);
      if ((err as Error)?.name === "PasswordException") {
        return fail('NAP003', 'The PDF is encrypted or password protected, so its text cannot be read. Ask for an unprotected copy, or remove the protection (e.g. `qpdf --decrypt`) and try again.');
      }
      if (err instanceof InvalidPDFException) return fail('NAP004', `The PDF is damaged (${(err as Error).message}); no page could be read. Download the file again.`);
      return fail('NAP004', `The PDF could not be opened (${(err as Error)?.message ?? String(err)}). Download the file again.`);
    }
    if (options.maxPages !== undefined && doc.numPages > options.maxPages) {
      return fail('NAP005', `The PDF has ${doc.numPages} pages, more than the limit of ${options.maxPages}. Raise --max-pages if this is a genuine annex.`);
    }

    const model: PageModel = { format: 'pdf', pages: [] };
    let columns: Columns | null = null;
    // Layout runs in page order as page inputs arrive: a page without a header row takes its
    // columns from the page before.
    const layout = (input: PageInput): void => {
      const { page: laidOut, columns: next } = layoutPage(input, columns);
      columns = next;
      model.pages.push(laidOut);
    };
    const workers = options.workers ?? (doc.numPages >= WORKER_PAGE_THRESHOLD ? defaultWorkerCount() : 1);
    if (workers > 1) {
      const abort = new AbortController();
      const pageCount = doc.numPages;
      // This thread reads pages too (its document is open): `workers - 1` threads are started.
      const readHere = async (n: number): Promise<PageInput> => {
        const page = await doc.getPage(n);
        const input = await readPageInput(page, n, options.textSource);
        page.cleanup();
        return input;
      };
      try {
        await withDeadline(readPagesInWorkers(bytes, pageCount, workers, layout, abort.signal, options.textSource, readHere));
      } catch (err) {
        abort.abort();
        if (timedOut) return fail('NAP009', `Reading the PDF took longer than ${options.timeoutMs} ms; it was stopped. Check the file, or raise the time limit if it is a genuine, very large annex.`);
        const page = err instanceof PageReadError ? err.page : undefined;
        return fail('NAP004', `${page ? `Page ${page} of the PDF` : 'The PDF'} is damaged (${(err as Error).message}). Download the file again.`, page ? { page } : {});
      }
    } else {
      for (let n = 1; n <= doc.numPages; n++) {
        let input: PageInput;
        try {
          const page = await withDeadline(doc.getPage(n));
          input = await withDeadline(readPageInput(page, n, options.textSource));
          page.cleanup();
        } catch (err) {
          if (timedOut) return fail('NAP009', `Reading the PDF took longer than ${options.timeoutMs} ms (stopped at page ${n}). Check the file, or raise the time limit if it is a genuine, very large annex.`, { page: n });
          return fail('NAP004', `Page ${n} of the PDF is damaged (${(err as Error)?.message ?? String(err)}). Download the file again.`, { page: n });
        }
        layout(input);
      }
    }

    for (const p of model.pages) {
      const rowsWithIcons = p.tables.some((t) => t.rows.some((r) => r.statusCue.kind === 'icon'));
      if (rowsWithIcons && p.legend.length === 0) {
        diagnostics.report('NAP109', `Page ${p.number} has status icons but no legend with icons; their colours cannot be read as statuses. Check that the legend is printed on the page.`, { page: p.number });
      }
    }
    return model;
  } finally {
    if (timer) clearTimeout(timer);
    await task.destroy().catch(() => undefined);
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
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

