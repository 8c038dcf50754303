/**
 * Opening a PDF with pdfjs-dist for untrusted input, and reading one page's raw material
 * (positioned text chunks, drawn graphics, icon image colours) in one pass. Used by the reader in
 * the main thread and by the page workers alike.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentLoadingTask, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Matrix } from './geometry.js';
import { type ImageData, type ImageMark, walkOperatorList } from './graphics.js';
import { dominantImageColor } from './image-color.js';
import type { PageInput } from './layout.js';
import { type FontStyle, type RawTextItem, toChunks } from './text.js';
import { type FontInfo, textFromOperatorList } from './text-ops.js';

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

/**
 * Starts loading a PDF for untrusted input: no eval (CVE-2024-4367 class), no font faces, no
 * system fonts, no network or XFA; standard fonts and cmaps from the installed pdfjs-dist.
 * `bytes` is copied: pdfjs detaches the buffer it is given and refuses Node Buffers.
 */
export function openPdf(bytes: Uint8Array): PDFDocumentLoadingTask {
  const assets = pdfjsAssets();
  return getDocument({
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
}

/** Where a page's text comes from: the operator list (one pass, default) or pdfjs `getTextContent` as well. */
export type TextSource = 'operator-list' | 'text-content';

/**
 * Reads one page's raw material: text chunks (page points, top-left origin), graphics from the
 * operator list, and the dominant colour of every icon-sized image. Inline image pixels are
 * dropped once their colour is known, so the result is small enough to post between threads.
 *
 * By default the text is taken from the operator list (text-ops.ts), so pdfjs parses the
 * content stream once; pages the port does not reproduce exactly (vertical or Type 3 fonts,
 * right-to-left text) fall back to `getTextContent`. `textSource: 'text-content'` always asks
 * pdfjs for the text content (the two-pass reader, kept for comparison).
 */
export async function readPageInput(page: PDFPageProxy, n: number, textSource: TextSource = 'operator-list'): Promise<PageInput> {
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as Matrix;
  const fontData = (name: string): FontInfo | undefined => {
    try {
      return page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontInfo) : undefined;
    } catch {
      return undefined;
    }
  };
  let text: { items: RawTextItem[]; styles: Record<string, FontStyle> } | null = null;
  let opList: { fnArray: number[]; argsArray: unknown[] };
  if (textSource === 'text-content') {
    const [content, list] = await Promise.all([
      page.getTextContent({ includeMarkedContent: false }),
      page.getOperatorList({ annotationMode: ANNOTATION_MODE_DISABLE }),
    ]);
    text = { items: content.items as RawTextItem[], styles: content.styles as Record<string, FontStyle> };
    opList = list;
  } else {
    opList = await page.getOperatorList({ annotationMode: ANNOTATION_MODE_DISABLE });
    text = textFromOperatorList(opList, page.view, fontData);
    if (text === null) {
      const content = await page.getTextContent({ includeMarkedContent: false });
      text = { items: content.items as RawTextItem[], styles: content.styles as Record<string, FontStyle> };
    }
  }
  const chunks = toChunks(text.items, view, text.styles);
  const graphics = walkOperatorList(opList, view, (name) => fontData(name)?.fontMatrix);
  const imageColors = new Map<ImageMark, string>();
  for (const im of graphics.images) {
    if (im.maskColor !== undefined) continue;
    if (im.box.x1 - im.box.x0 > MAX_ICON_SIDE || im.box.y1 - im.box.y0 > MAX_ICON_SIDE) continue;
    const img = im.inline ?? (im.objId !== undefined ? await imageObject(page, im.objId) : undefined);
    const color = img ? dominantImageColor(img) : null;
    if (color !== null) imageColors.set(im, color);
  }
  for (const im of graphics.images) delete im.inline;
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
