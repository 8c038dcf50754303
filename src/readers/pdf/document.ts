/**
 * Opening a PDF with pdfjs-dist for untrusted input, and reading one page's raw material
 * (positioned text chunks, drawn graphics, icon image colours) in one pass. Used by the reader in
 * the main thread and by the page workers alike.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Matrix } from './geometry.js';
import { GlyphChunker } from './glyph-chunks.js';
import { type ImageData, type ImageMark, type OptionalContentVisible, walkOperatorList } from './graphics.js';
import type { PageGraphicsInput } from './page-graphics.js';
import { BudgetCounter, budgetMessage } from './page-budget.js';
import { AnnotationMode, type FontFacts, ImageKind, OPS, type OperatorList, contentId, contentIdPrefix, fontFacts, objectStore, stencilMask, watchOperatorListChunks } from './pdfjs-contract.js';
import type { Region } from './regions.js';
import { dominantImageColor } from './image-color.js';
import { keepOcrTextLayer } from './ocr-layer.js';
import type { PageInput } from './page-content.js';
import { type StructNode, readStructure } from './structure.js';
import { takeWarnings } from './pdfjs-warnings.js';
import { ICONS } from './settings.js';
import { mapSymbolFontText } from './symbols.js';
import { type FontStyle, type RawTextItem, toChunks } from './text.js';
import { removeCoveredMarks, removeHiddenText } from './visibility.js';

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
    // Lenient, as viewers read: a broken operator or missing resource is skipped and the rest of
    // the page is read; pdfjs announces every skip as a warning (pdfjs-warnings.ts), which the
    // reader reports, so nothing is skipped silently.
    stopAtErrors: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    // Fonts come with their /ToUnicode maps, so that glyphs the map leaves out can be counted (pdfjs-contract.ts toUnicodeMap).
    fontExtraProperties: true,
    disableAutoFetch: true,
    disableStream: true,
    standardFontDataUrl: assets.fonts,
    cMapUrl: assets.cmaps,
    cMapPacked: true,
    wasmUrl: assets.wasm,
    iccUrl: assets.iccs,
    verbosity: 1, // WARNINGS: caught by pdfjs-warnings.ts in the page worker
  });
}

/**
 * Where a page's text chunks come from: the glyphs of the one walk over the operator list
 * (glyph-chunks.ts, the default), or pdfjs's `getTextContent` items (a second parse of the
 * page; used for vertical fonts, and by tests to compare the two).
 */
export type TextSource = 'operator-list' | 'text-content';

/**
 * Reads one page's raw material in one parse of its content: text chunks (page points,
 * top-left origin) and graphics from one walk over the operator list (graphics.ts,
 * glyph-chunks.ts), the dominant colour of every icon-sized image, and the structure tree of a
 * tagged PDF. Text a reader cannot see is taken out of the chunks (visibility.ts) and listed in
 * `visibility`. `ocVisible` says whether an optional-content group is on (optionalContentOf).
 * Inline image pixels are dropped once their colour is known, so the result is small
 * enough to post between threads.
 */
export async function readPageInput(
  page: PDFPageProxy,
  n: number,
  ocVisible: OptionalContentVisible = () => true,
  textSource: TextSource = 'operator-list',
): Promise<PageInput> {
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as Matrix;
  const [opList, tree] = await Promise.all([watchOperatorList(page), page.getStructTree().catch(() => null)]);
  const fontData = (name: string): FontFacts | undefined => {
    try {
      return page.commonObjs.has(name) ? fontFacts(page.commonObjs.get(name)) : undefined;
    } catch {
      return undefined;
    }
  };
  const baseFontName = (name: string): string => fontData(name)?.name ?? name;
  const pageObjId = contentIdPrefix(page.ref, n);
  const chunker = new GlyphChunker(viewport.width, viewport.height);
  const graphics = walkOperatorList(opList, view, fontData, (mcid) => contentId(pageObjId, mcid), ocVisible, chunker, viewport);
  let drawn = chunker.chunks();
  // Vertical fonts and right-to-left script: pdfjs's own text items place and order them. Also on request (tests compare the two).
  const fromItems = chunker.vertical || chunker.rightToLeft || textSource === 'text-content';
  if (fromItems) {
    const content = await page.getTextContent({ includeMarkedContent: true });
    drawn = toChunks(content.items as RawTextItem[], view, content.styles as Record<string, FontStyle>);
  }
  const chunks = drawn.map((c) => {
    const text = mapSymbolFontText(c.text, baseFontName(c.font)).replace(/\s+/g, ' ');
    if (text === c.text) return c;
    // Spans count characters: they hold only while the mapping keeps the length.
    const { spans, ...rest } = c;
    return text.length === c.text.length && spans !== undefined ? { ...rest, text, spans } : { ...rest, text };
  });
  const imageColors = await readImagePixels(page, graphics.images);
  await fetchStencilMasks(page, graphics);
  const coveredMarks = removeCoveredMarks(graphics);
  for (const im of graphics.images) delete im.inline;
  // A scanned page's OCR text layer (invisible text over the page image) is read as its text.
  const ocrRuns = keepOcrTextLayer(graphics, { width: viewport.width, height: viewport.height });
  const visible = removeHiddenText(chunks, graphics);
  // The spans, paints and the runs' text, order, paint and sample points served visibility; the
  // page input crosses threads without them: of a run the layout reads its box and colour (RunPaint).
  for (const c of visible.chunks) delete c.spans;
  graphics.paints = [];
  const posted: PageGraphicsInput = { ...graphics, runs: graphics.runs.map((r) => ({ box: r.box, color: r.color })) };
  // pdfjs's text items leave out what lies outside the page without a word; the chunker lists it
  // (not the glyphs of runs found invisible for another reason: those are reported as such).
  const offPage = !fromItems
    ? chunker.offPage
        .filter((p) => p.text.trim() !== '' && !p.runs.some((r) => visible.hiddenRunIds.has(r)))
        .map((p) => ({ text: p.text.trim(), box: p.box, reason: 'off-page' as const }))
    : [];
  return {
    number: n,
    size: { width: viewport.width, height: viewport.height },
    ...(ocrRuns > 0 ? { ocrRuns } : {}),
    chunks: visible.chunks,
    graphics: posted,
    imageColors,
    structure: readStructure(tree as StructNode | null),
    warnings: takeWarnings(),
    visibility: { hidden: [...visible.hidden, ...offPage], inseparable: visible.inseparable, unchecked: visible.unchecked, hiddenMarks: graphics.hiddenMarks, coveredMarks },
  };
}

/**
 * The page's operator list (annotations included), counted chunk by chunk while pdfjs builds it:
 * a page over the budget (page-budget.ts) is refused at once (the promise rejects with the
 * budget's message; the caller destroys the document, which stops pdfjs). pdfjs parses in a
 * chain of promise callbacks, so the count runs in its chunk callback, not on a timer.
 */
function watchOperatorList(page: PDFPageProxy): Promise<OperatorList> {
  const started = performance.now();
  const counter = new BudgetCounter({ save: OPS.save, restore: OPS.restore, showText: OPS.showText, constructPath: OPS.constructPath, paintFormXObjectBegin: OPS.paintFormXObjectBegin });
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (err: unknown, list?: OperatorList): void => {
      if (done) return;
      done = true;
      stop?.();
      if (list !== undefined) resolve(list);
      else reject(err);
    };
    const check = (list: OperatorList): void => {
      const over = counter.update(list.fnArray, list.argsArray, performance.now() - started);
      if (over !== null) finish(new Error(budgetMessage(over)));
    };
    const pending = page.getOperatorList({ annotationMode: AnnotationMode.ENABLE });
    const stop = watchOperatorListChunks(page, check);
    pending.then(
      (list) => {
        check(list);
        finish(null, list);
      },
      (err: unknown) => finish(err),
    );
  });
}

/**
 * Whether optional content is visible, from the document's default optional-content
 * configuration (what a viewer shows on opening). Content whose group is off is hidden.
 */
export async function optionalContentOf(doc: PDFDocumentProxy): Promise<OptionalContentVisible> {
  const config = await doc.getOptionalContentConfig().catch(() => null);
  if (config === null) return () => true;
  return (group) => {
    try {
      return config.isVisible(group as Parameters<typeof config.isVisible>[0]);
    } catch {
      return true;
    }
  };
}

/**
 * One look at each image's pixels: the dominant colour of an icon-sized one (a possible status
 * icon), and whether it is opaque (a cover, visibility.ts) for the first MAX_OPACITY_CHECKS.
 * Stencil masks are neither: their fill colour paints only their set pixels.
 */
async function readImagePixels(page: PDFPageProxy, images: readonly ImageMark[]): Promise<Map<ImageMark, string>> {
  const imageColors = new Map<ImageMark, string>();
  let opacityChecks = 0;
  for (const im of images) {
    if (im.maskColor !== undefined) continue;
    const iconSized = im.box.x1 - im.box.x0 <= ICONS.maxSide && im.box.y1 - im.box.y0 <= ICONS.maxSide;
    const checkOpacity = opacityChecks < MAX_OPACITY_CHECKS;
    if (!iconSized && !checkOpacity) continue;
    opacityChecks++;
    const img = im.inline ?? (im.objId !== undefined ? await imageObject(page, im.objId) : undefined);
    if (img === undefined) continue;
    const color = iconSized ? dominantImageColor(img) : null;
    if (color !== null) imageColors.set(im, color);
    if (checkOpacity && isOpaque(img)) im.opaque = true;
  }
  return imageColors;
}

/** Fetches the bits of stencil masks pdfjs published as objects (pdfjs-contract.ts `stencilMask`), for the visibility pass; at most MAX_OPACITY_CHECKS. */
async function fetchStencilMasks(page: PDFPageProxy, graphics: { paints: { region: Region }[] }): Promise<void> {
  let fetched = 0;
  for (const p of graphics.paints) {
    const r = p.region;
    if (r.kind !== 'quad' || r.maskId === undefined || fetched >= MAX_OPACITY_CHECKS) continue;
    fetched++;
    const bits = stencilMask(await imageObject(page, r.maskId));
    if (bits !== null && typeof bits !== 'string') {
      r.mask = bits;
      delete r.maskId;
    }
  }
}

/** Most images per page whose pixels are read to tell whether they are opaque. */
const MAX_OPACITY_CHECKS = 64;

/** True when pdfjs's image data has no transparent pixel (gray 1 bpp, RGB; RGBA with every alpha 255). */
function isOpaque(img: ImageData): boolean {
  if (img.kind === ImageKind.GRAYSCALE_1BPP || img.kind === ImageKind.RGB_24BPP) return true;
  if (img.kind !== ImageKind.RGBA_32BPP || img.data === undefined) return false;
  const d = img.data;
  for (let i = 3; i < d.length; i += 4) if (d[i] !== 255) return false;
  return true;
}

/**
 * The decoded image `id` of a page, once pdfjs has it. pdfjs answers for every image it was asked
 * to paint, decoded or not (null when decoding failed), so there is no timer here: a timer made the
 * result depend on the machine's load (an icon lost under load, NAP304); an image that never comes
 * is bounded by the read's own time limit (NAP009).
 */
function imageObject(page: PDFPageProxy, id: string): Promise<ImageData | undefined> {
  const objs = (objectStore(id) === 'common' ? page.commonObjs : page.objs) as unknown as {
    has(id: string): boolean;
    get(id: string, cb?: (v: unknown) => void): unknown;
  };
  if (objs.has(id)) return Promise.resolve((objs.get(id) as ImageData | null) ?? undefined);
  return new Promise((resolve) => {
    objs.get(id, (v) => resolve((v as ImageData | null) ?? undefined));
  });
}
