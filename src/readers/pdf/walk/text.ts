/**
 * Operator handlers for text: the text object and text state (BT/ET, Tf, Tc, Tw, Tz, TL, Ts, Tr,
 * Tm, Td, TD, T*) and `showText`, which advances the pen over a run of glyphs, decides whether
 * the run can be seen by what the walk knows (render mode, paint, optional content, clip, size),
 * records the run, its symbol glyphs (possible status icons), and hands every glyph, placed on
 * the page, to the chunker (glyph-chunks.ts).
 *
 * pdfjs facts (pdfjs-contract.ts): `showText` arguments are glyph objects (`unicode`, `width` in
 * glyph space, `isSpace`) and numbers (TJ offsets, thousandths of an em); fonts in `commonObjs`
 * carry `fontMatrix`, `ascent`, `descent` and `vertical`. The text colour is the fill colour in
 * force at `showText`.
 */
import { type Matrix, applyX, applyY, compose, isFiniteBox, transformRect, union } from '../geometry.js';
import { glyphText } from '../glyph-chunks.js';
import type { HiddenReason } from '../page-graphics.js';
import { FILL_OPS, type FontFacts, OPS, type OperatorList, STROKE_OPS, glyphFacts, showTextGlyphs, toUnicodeMap } from '../pdfjs-contract.js';
import { isSymbolChar } from '../symbols.js';
import { fontExtent } from '../text.js';
import { DRAWING, TEXT, VISIBILITY } from '../settings.js';
import { type OpHandler, type WalkState, isMatrixLike, num, toMatrix } from './state.js';

/**
 * The font matrix of a font that gives none: glyph space is 1000 units per unit of text space
 * (ISO 32000-1 §9.2.4, "for all font types except Type 3"). A fact of the PDF format, not a
 * tolerance (test/unit/architecture.test.ts exempts it by name).
 */
const DEFAULT_FONT_MATRIX = [0.001, 0, 0, 0.001, 0, 0] as const;
/** A glyph whose text is only whitespace moves the pen; it is not text. */
const WHITESPACE = /^\s+$/u;

/**
 * U+00AD SOFT HYPHEN, a format character: invisible in text, so glyphText drops it. A glyph that
 * maps to it and advances the pen is drawn, though: a printed hyphen, read as U+002D (adversarial
 * review 6: `mutool convert` and a ToUnicode entry <2D> → U+00AD made `2023-2025` read `2023 2025`
 * and `non-binair` `non binair`). A hyphen at a line end is then decided as every one is
 * (line-end-hyphens.ts).
 */
const SOFT_HYPHEN = '\u00ad';

/** One glyph of a run along the baseline, in text space (x only; y is the baseline). */
interface Placed {
  text: string;
  x0: number;
  x1: number;
}

/** A run's glyphs measured: its advance, text, glyphs for the chunker and symbol glyphs. */
interface Measured {
  x: number;
  text: string;
  placed: Placed[];
  symbols: { x0: number; x1: number; char: string }[] | null;
  /** Centres of the run's non-space glyphs along the baseline (text space). */
  centres: number[];
  /** How many of its non-space glyphs paint something (a Type3 glyph may paint nothing). */
  painting: number;
  /** How many of its glyphs its font's /ToUnicode map leaves out (read as raw codes or controls). */
  unmapped: number;
}

/** Whether a Type3 glyph procedure paints anything (a path, an image, text, a shading). */
const paintsCache = new WeakMap<OperatorList, boolean>();
function procPaints(proc: OperatorList | undefined): boolean {
  if (proc === undefined || proc === null || typeof proc !== 'object' || !proc.fnArray) return true;
  let known = paintsCache.get(proc);
  if (known === undefined) {
    known = false;
    const { fnArray, argsArray } = proc;
    for (let i = 0; i < fnArray.length && !known; i++) {
      const fn = fnArray[i]!;
      if (fn === OPS.constructPath) {
        const op = (argsArray[i] as unknown[] | null)?.[0];
        known = typeof op === 'number' && (FILL_OPS.has(op) || STROKE_OPS.has(op));
      } else known = PAINTING_OPS.has(fn);
    }
    paintsCache.set(proc, known);
  }
  return known;
}
const PAINTING_OPS: ReadonlySet<number> = new Set([OPS.showText, OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintSolidColorImageMask, OPS.shadingFill, OPS.paintFormXObjectBegin]);

/** Advances over a run's glyphs (text space), collecting its text, placed glyphs and symbol glyphs. */
function measure(w: WalkState, glyphs: readonly unknown[], advScale: number, placing: boolean, font: FontFacts): Measured {
  const gs = w.gs;
  const size = gs.fontSize;
  const placed: Placed[] = [];
  const centres: number[] = [];
  const procs = font.isType3Font === true ? font.charProcOperatorList : undefined;
  const mapped = toUnicodeMap(font);
  let unmapped = 0;
  let painting = 0;
  let x = 0;
  let text = '';
  let symbols: Measured['symbols'] = null;
  for (const el of glyphs) {
    const g = glyphFacts(el);
    if (typeof g === 'number') {
      x -= (g * size) / 1000;
      continue;
    }
    if (g === null) continue;
    const wd = g.width * advScale;
    const u = g.unicode;
    const space = u === '' ? g.isSpace : WHITESPACE.test(u);
    text += space && u === '' ? ' ' : u;
    if (u.length > 0 && u.charCodeAt(0) >= 0x2190 && isSymbolChar(u)) (symbols ??= []).push({ x0: x, x1: x + wd, char: u });
    // A soft hyphen the font draws with a width is a printed hyphen (`mutool convert` maps every hyphen glyph to U+00AD): see SOFT_HYPHEN.
    if (placing) placed.push({ text: space ? ' ' : glyphText(u === SOFT_HYPHEN && wd > 0 ? '-' : u), x0: x, x1: x + wd });
    // Not in the font's map, and read as the raw code (a composite font's glyph number) or as a control: the map is damaged.
    if (mapped !== null && g.originalCharCode !== null && !mapped(g.originalCharCode) && (u === '' || UNREADABLE.test(u) || (font.composite === true && u === String.fromCharCode(g.originalCharCode)))) unmapped++;
    if (!space && u !== '') {
      centres.push(x + wd / 2);
      if (procs === undefined || procPaints(g.operatorListId === null ? undefined : procs[g.operatorListId])) painting++;
    }
    x += wd + (g.isSpace ? gs.wordSpacing : 0) + gs.charSpacing;
  }
  if (mapped !== null) {
    const u = (w.out.unmapped ??= { glyphs: 0, of: 0, box: null });
    u.glyphs += unmapped;
    u.of += glyphs.length;
  }
  return { x, text, placed, symbols, centres, painting, unmapped };
}

/** Characters a glyph reads as when its font's mapping fails: controls, U+FFFD, private use. */
const UNREADABLE = /^[\p{Cc}\uFFFD\p{Co}]+$/u;

/**
 * Points of a run's glyphs on the page (glyph centres at three heights; at most VISIBILITY.maxRunPoints
 * glyphs, evenly spread) and how many of them the clip leaves visible; the visible ones are kept.
 */
function samplePoints(w: WalkState, trm: Matrix, m: Measured, hScale: number): { points: Float64Array; share: number } {
  const n = m.centres.length;
  if (n === 0) return { points: new Float64Array(0), share: 1 };
  const step = Math.max(1, n / VISIBILITY.maxRunPoints);
  const y = w.curY + w.gs.rise;
  const size = w.gs.fontSize;
  const kept: number[] = [];
  let total = 0;
  for (let k = 0; k < n; k += step) {
    const tx = w.curX + m.centres[Math.floor(k)]! * hScale;
    for (const h of VISIBILITY.sampleHeights) {
      const ty = y + h * size;
      const px = applyX(trm, tx, ty);
      const py = applyY(trm, tx, ty);
      total++;
      if (w.inClip(px, py)) kept.push(px, py);
    }
  }
  return { points: Float64Array.from(kept), share: kept.length / 2 / total };
}

/**
 * Why a run cannot be seen, from what the walk knows at `showText`; null when nothing says so.
 * Render modes 0–2 and 4–6 paint (fill, stroke or both); 3 and 7 paint nothing.
 */
function hiddenReason(w: WalkState, box: ReturnType<typeof transformRect>, trm: Matrix, m: Measured, hScale: number, paint: { fill: boolean; stroke: boolean }, clipShare: number): HiddenReason | null {
  const gs = w.gs;
  const mode = gs.renderMode & 7;
  if (w.annotationDepth > 0) return 'annotation';
  if (mode === 3 || mode === 7) return 'render-mode';
  if (!paint.fill && !paint.stroke) return 'transparent';
  if (w.ocOff) return 'optional-content';
  if (w.visibleFraction(box) < VISIBILITY.minVisibleFraction || clipShare < VISIBILITY.minVisibleFraction) return 'clipped';
  if (m.centres.length > 0 && m.painting === 0) return 'empty-glyph';
  // Size along the text's own axes (rotation aside): glyph height and advance per character.
  const height = gs.fontSize * Math.hypot(trm[2], trm[3]);
  const chars = m.text.replace(/\s+/g, '').length;
  const width = Math.abs(m.x * hScale) * Math.hypot(trm[0], trm[1]);
  if (height < VISIBILITY.minTextSize || (chars > 0 && width / chars < VISIBILITY.minAdvance)) return 'tiny';
  return null;
}

/** Which paints a run's render mode applies and whether each has paint (a colour or pattern, alpha over DRAWING.noPaintAlpha). */
function runPaint(w: WalkState): { fill: boolean; stroke: boolean } {
  const gs = w.gs;
  const mode = gs.renderMode & 7;
  const strokes = mode === 1 || mode === 2 || mode === 5 || mode === 6;
  const fills = mode === 0 || mode === 2 || mode === 4 || mode === 6;
  return {
    fill: fills && (gs.fill !== null || gs.fillPattern) && gs.fillAlpha * gs.groupAlpha > DRAWING.noPaintAlpha,
    stroke: strokes && (gs.stroke !== null || gs.strokePattern) && gs.strokeAlpha * gs.groupAlpha > DRAWING.noPaintAlpha,
  };
}

/**
 * Advances over a showText run, records it (visible: a TextRun and its symbol glyphs; hidden: a
 * HiddenRun) and hands every glyph to the chunker; returns the x advance in text space.
 */
function showText(w: WalkState, glyphs: readonly unknown[]): number {
  const gs = w.gs;
  const size = gs.fontSize;
  const font = w.fontFacts();
  if (size === 0) return zeroSize(w, glyphs, font);
  const fm = font.fontMatrix ?? DEFAULT_FONT_MATRIX;
  const hScale = gs.hScale * gs.fontDirection;
  const trm = compose(gs.ctm, w.textMatrix);
  const chunker = w.chunker;
  const placing = chunker !== undefined && w.maskDepth === 0;
  if (placing && font.vertical === true) chunker.vertical = true;
  const m = measure(w, glyphs, size * (fm[0] ?? DEFAULT_FONT_MATRIX[0]), placing, font);
  const advance = m.x * hScale;
  const ty0 = w.curY + gs.rise;
  const box = transformRect(trm, w.curX, ty0 - TEXT.emDescent * size, w.curX + advance, ty0 + TEXT.emAscent * size);
  if (m.unmapped > 0 && w.out.unmapped !== undefined && w.out.unmapped.box === null && isFiniteBox(box)) w.out.unmapped.box = box;
  // A run placed by a damaged matrix (NaN, Infinity) is drawn nowhere; a soft mask's text is not drawn.
  if (!isFiniteBox(box) || w.maskDepth > 0) return advance;
  const mode = gs.renderMode & 7;
  if (mode >= 4) w.textClip = w.textClip === null ? box : union(w.textClip, box);
  const paint = runPaint(w);
  const sampled = samplePoints(w, trm, m, hScale);
  const reason = hiddenReason(w, box, trm, m, hScale, paint, sampled.share);
  const run = w.runCount++;
  if (placing) placeGlyphs(w, m.placed, trm, hScale, font, reason !== null, run);
  if (reason !== null) {
    if (m.text.trim() !== '') w.out.hiddenRuns.push({ box, text: m.text, reason, run });
    return advance;
  }
  recordRun(w, box, trm, m, hScale, paint, run, sampled.points);
  return advance;
}

/** Text at font size 0 draws nothing: its run is hidden (`tiny`), at the pen's place, and the pen moves by the spacing only. */
function zeroSize(w: WalkState, glyphs: readonly unknown[], font: FontFacts): number {
  const m = measure(w, glyphs, 0, false, font);
  const advance = m.x * w.gs.hScale * w.gs.fontDirection;
  const trm = compose(w.gs.ctm, w.textMatrix);
  const y = w.curY + w.gs.rise;
  const box = transformRect(trm, w.curX, y, w.curX + advance, y);
  if (!isFiniteBox(box) || w.maskDepth > 0 || w.ocOff) return advance;
  const run = w.runCount++;
  if (m.text.trim() !== '') w.out.hiddenRuns.push({ box, text: m.text, reason: w.annotationDepth > 0 ? 'annotation' : 'tiny', run });
  return advance;
}

/** A visible run: its TextRun (colour by paint: a pattern's colours are not known) and its symbol glyphs. */
function recordRun(w: WalkState, box: ReturnType<typeof transformRect>, trm: Matrix, m: Measured, hScale: number, paint: { fill: boolean; stroke: boolean }, run: number, points: Float64Array): void {
  const gs = w.gs;
  const size = gs.fontSize;
  // A pattern's colours are not known: `pattern` never equals a background.
  const color = paint.fill ? (gs.fill ?? 'pattern') : (gs.stroke ?? 'pattern');
  const strokeColor = paint.fill && paint.stroke ? (gs.stroke ?? 'pattern') : undefined;
  const runOrder = w.order++;
  const alpha = (paint.fill ? gs.fillAlpha : gs.strokeAlpha) * gs.groupAlpha;
  w.out.runs.push({ box, color, text: m.text, order: runOrder, run, ...(strokeColor !== undefined ? { strokeColor } : {}), ...w.mark, alpha, blend: gs.blend, mask: gs.mask, points });
  if (m.symbols === null) return;
  for (const s of m.symbols) {
    // Glyph box in text space: advance horizontally, roughly the em box vertically.
    const tx0 = w.curX + s.x0 * hScale;
    const tx1 = w.curX + s.x1 * hScale;
    const ty = w.curY + gs.rise;
    const gbox = transformRect(trm, tx0, ty - TEXT.emDescent * size, tx1, ty + TEXT.emAscent * size);
    w.out.glyphs.push({ box: gbox, color, char: s.char, order: runOrder, ...w.mark });
  }
}

/** Hands one run's glyphs to the chunker, placed on the page (text-space x → page points). */
function placeGlyphs(w: WalkState, placed: readonly Placed[], trm: Matrix, hScale: number, font: FontFacts, hidden: boolean, run: number): void {
  const chunker = w.chunker;
  if (chunker === undefined || !trm.every(Number.isFinite)) return;
  const gs = w.gs;
  const scaleX = Math.hypot(trm[0], trm[1]);
  const scaleY = Math.hypot(trm[2], trm[3]);
  const em = gs.fontSize * scaleX;
  const height = gs.fontSize * scaleY;
  if (!(em > 0 && height > 0)) return;
  const dir = hScale < 0 ? -1 : 1;
  const ux = (dir * trm[0]) / scaleX;
  const uy = (dir * trm[1]) / scaleX;
  const { ascent, descent } = fontExtent(font);
  const y = w.curY + gs.rise;
  const name = gs.font ?? '';
  for (const p of placed) {
    if (p.text === ' ') {
      chunker.space((Math.abs(p.x1 - p.x0) * scaleX) / em);
      continue;
    }
    if (p.text === '') continue;
    const tx0 = w.curX + p.x0 * hScale;
    const tx1 = w.curX + p.x1 * hScale;
    chunker.glyph(
      { text: p.text, font: name, x0: applyX(trm, tx0, y), y0: applyY(trm, tx0, y), x1: applyX(trm, tx1, y), y1: applyY(trm, tx1, y), ux, uy, em, height, ascent, descent },
      w.mark,
      hidden,
      run,
    );
  }
}

/** A text-positioning or text-showing operator outside BT … ET is malformed content (counted, and read as pdfjs renders it). */
function outsideText(w: WalkState): void {
  if (!w.inText) w.textOutside++;
}

function showTextOp(w: WalkState, args: unknown[] | null, fn: number): void {
  outsideText(w);
  // pdfjs folds `'`, `"` and TJ into showText; the others are handled defensively.
  if (fn === OPS.nextLineShowText || fn === OPS.nextLineSetSpacingShowText) w.moveText(0, w.gs.leading);
  const glyphs = showTextGlyphs(fn, args);
  if (glyphs !== null) w.curX += showText(w, glyphs);
}

function setTextMatrix(w: WalkState, args: unknown[] | null): void {
  outsideText(w);
  const m = args?.[0];
  const mm = isMatrixLike(m) ? m : args;
  if (isMatrixLike(mm)) w.textMatrix = toMatrix(mm);
  w.lineX = w.lineY = w.curX = w.curY = 0;
}

/** The text-object and text-state operators and their handlers. */
export const textHandlers: [number, OpHandler][] = [
  [OPS.beginText, (w) => {
    w.inText = true;
    w.textMatrix = [1, 0, 0, 1, 0, 0];
    w.lineX = w.lineY = w.curX = w.curY = 0;
    w.textClip = null;
  }],
  [OPS.endText, (w) => {
    w.inText = false;
    if (w.textClip !== null) w.clipToPageBox(w.textClip);
    w.textClip = null;
  }],
  [OPS.setFont, (w, args) => w.setFont(args?.[0], args?.[1])],
  [OPS.setCharSpacing, (w, args) => void (w.gs.charSpacing = num(args?.[0]))],
  [OPS.setWordSpacing, (w, args) => void (w.gs.wordSpacing = num(args?.[0]))],
  [OPS.setHScale, (w, args) => void (w.gs.hScale = num(args?.[0], 100) / 100)],
  [OPS.setLeading, (w, args) => void (w.gs.leading = -num(args?.[0]))],
  [OPS.setTextRise, (w, args) => void (w.gs.rise = num(args?.[0]))],
  [OPS.setTextRenderingMode, (w, args) => void (w.gs.renderMode = num(args?.[0]))],
  [OPS.setTextMatrix, setTextMatrix],
  [OPS.moveText, (w, args) => {
    outsideText(w);
    w.moveText(num(args?.[0]), num(args?.[1]));
  }],
  [OPS.setLeadingMoveText, (w, args) => {
    outsideText(w);
    w.gs.leading = num(args?.[1]);
    w.moveText(num(args?.[0]), num(args?.[1]));
  }],
  [OPS.nextLine, (w) => {
    outsideText(w);
    w.moveText(0, w.gs.leading);
  }],
  [OPS.showText, showTextOp],
  [OPS.showSpacedText, showTextOp],
  [OPS.nextLineShowText, showTextOp],
  [OPS.nextLineSetSpacingShowText, showTextOp],
];
