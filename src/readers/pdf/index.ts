/**
 * PDF reader: bytes of a PDF rendition of the annex → the neutral page model.
 *
 * Per page it takes the text content and the operator list from pdfjs-dist once, turns them into
 * positioned lines and drawn graphics, and lays the page out (see layout.ts). The input is
 * untrusted: no eval, no font loading, no network; errors map to diagnostics.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, InvalidPDFException } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type DiagnosticBag, type DiagnosticCode, type DiagnosticLocation, InputError } from '../../model/diagnostics.js';
import type { PageModel } from '../../model/page-model.js';
import type { Matrix } from './geometry.js';
import { type ImageData, type ImageMark, walkOperatorList } from './graphics.js';
import { dominantImageColor } from './image-color.js';
import { type Columns, layoutPage } from './layout.js';
import { type FontStyle, type RawTextItem, toChunks } from './text.js';

export interface ReadPdfOptions {
  diagnostics: DiagnosticBag;
  /** Refuse PDFs with more pages than this (NAP005). */
  maxPages?: number;
  /** Give up after this many milliseconds (NAP009). */
  timeoutMs?: number;
}

/** pdfjs `AnnotationMode.DISABLE` (not exported by the legacy build's index). */
const ANNOTATION_MODE_DISABLE = 0;
/** Images larger than this (points, either side) are never status icons; their pixels are not read. */
const MAX_ICON_SIDE = 40;

let assetDirs: { fonts: string; cmaps: string; wasm: string; iccs: string } | null = null;
function pdfjsAssets(): { fonts: string; cmaps: string; wasm: string; iccs: string } {
  if (assetDirs === null) {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const dir = (name: string): string => join(root, name) + '/';
    assetDirs = { fonts: dir('standard_fonts'), cmaps: dir('cmaps'), wasm: dir('wasm'), iccs: dir('iccs') };
  }
  return assetDirs;
}

/** Reads a PDF rendition of the annex into the page model; throws `InputError` for unreadable input. */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions): Promise<PageModel> {
  const { diagnostics } = options;
  const fail = (code: DiagnosticCode, message: string, location: DiagnosticLocation = {}): never => {
    throw new InputError(diagnostics.report(code, message, location));
  };

  checkEnvelope(bytes, fail);

  const assets = pdfjsAssets();
  const task = getDocument({
    // A copy as a plain Uint8Array: pdfjs takes ownership of (detaches) it and refuses Buffers.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: true,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    standardFontDataUrl: assets.fonts,
    cMapUrl: assets.cmaps,
    cMapPacked: true,
    wasmUrl: assets.wasm,
    iccUrl: assets.iccs,
    verbosity: 0,
  });

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
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await withDeadline(doc.getPage(n));
        const input = await withDeadline(readPage(page, n));
        const { page: laidOut, columns: next } = layoutPage(input, columns);
        columns = next;
        model.pages.push(laidOut);
        page.cleanup();
      } catch (err) {
        if (err instanceof InputError) throw err;
        if (timedOut) return fail('NAP009', `Reading the PDF took longer than ${options.timeoutMs} ms (stopped at page ${n}). Check the file, or raise the time limit if it is a genuine, very large annex.`, { page: n });
        return fail('NAP004', `Page ${n} of the PDF is damaged (${(err as Error)?.message ?? String(err)}). Download the file again.`, { page: n });
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

async function readPage(page: PDFPageProxy, n: number) {
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as Matrix;
  const [text, opList] = await Promise.all([
    page.getTextContent({ includeMarkedContent: false }),
    page.getOperatorList({ annotationMode: ANNOTATION_MODE_DISABLE }),
  ]);
  const chunks = toChunks(text.items as RawTextItem[], view, text.styles as Record<string, FontStyle>);
  const graphics = walkOperatorList(opList, view, (name) => {
    try {
      const font = page.commonObjs.has(name) ? (page.commonObjs.get(name) as { fontMatrix?: number[] }) : undefined;
      return font?.fontMatrix;
    } catch {
      return undefined;
    }
  });
  const imageColors = new Map<ImageMark, string>();
  for (const im of graphics.images) {
    if (im.maskColor !== undefined) continue;
    if (im.box.x1 - im.box.x0 > MAX_ICON_SIDE || im.box.y1 - im.box.y0 > MAX_ICON_SIDE) continue;
    const img = im.inline ?? (im.objId !== undefined ? await imageObject(page, im.objId) : undefined);
    const color = img ? dominantImageColor(img) : null;
    if (color !== null) imageColors.set(im, color);
  }
  return { number: n, chunks, graphics, imageColors };
}

function imageObject(page: PDFPageProxy, id: string): Promise<ImageData | undefined> {
  const objs = (id.startsWith('g_') ? page.commonObjs : page.objs) as unknown as {
    has(id: string): boolean;
    get(id: string, cb?: (v: unknown) => void): unknown;
  };
  if (objs.has(id)) return Promise.resolve(objs.get(id) as ImageData);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(undefined), 1000);
    objs.get(id, (v) => {
      clearTimeout(t);
      resolve(v as ImageData);
    });
  });
}
