/**
 * Walks a pdfjs operator list once and collects what the layout stage needs from the drawing:
 * filled/stroked path boxes with their colour (status icons, cell backgrounds), ruling lines
 * (table borders), symbol glyphs with their fill colour (icons drawn as `●`, icon fonts) and
 * image placements (icons drawn as small images); and it places every glyph a `showText` draws
 * on the page and hands it to a GlyphChunker (glyph-chunks.ts), which builds the page's text
 * chunks, so the page's content is parsed once.
 *
 * pdfjs-dist ≥ 5.3 facts relied on (see pdf.mjs, CanvasGraphics):
 * - `constructPath` args are `[paintOp, [Float32Array of draw ops + coords] | [null], minMax]`
 *   with draw ops moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4;
 *   `minMax` is `[minX, minY, maxX, maxY]` in the current user space.
 * - Colours arrive as `setFillRGBColor` / `setStrokeRGBColor` with a `#rrggbb` string
 *   (the worker converts every colour space); patterns arrive as `setFillColorN`.
 * - The text colour is the fill colour current at `showText`.
 * - `showText` args are `[glyphs]`: numbers (TJ offsets, thousandths of an em) and glyph objects
 *   with `unicode`, `width` (glyph space) and `isSpace`; fonts in `commonObjs` carry
 *   `fontMatrix`, `ascent`, `descent` and `vertical` (checked by pdfjs-version.test.ts's pin).
 * Save/restore, `transform`, form XObjects and the text state are tracked here.
 */
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type Box, type Matrix, applyX, applyY, compose, isFiniteBox, overlap, transformRect, union } from './geometry.js';
import { type GlyphChunker, glyphText } from './glyph-chunks.js';
import { isSymbolChar } from './symbols.js';
import { fontExtent } from './text.js';

/**
 * Where a mark was drawn in a tagged PDF: the marked-content id (`p12R_mc3`) that the structure
 * tree links to an element, and whether it is an `/Artifact` (page furniture, borders, shading).
 */
export interface MarkedContent {
  contentId?: string;
  artifact?: boolean;
}

/** A painted path: its box in page coordinates and its paint colour. */
export interface Shape extends MarkedContent {
  box: Box;
  color: string;
  mode: 'fill' | 'stroke';
  /** Position in drawing order among all marks and text runs of the page (later paints over earlier). */
  order: number;
  /** Painted fully opaque (alpha ≥ 0.99, normal blending, no soft mask) and one solid rectangle: hides what lies under it. */
  opaque: boolean;
  /** The effective alpha it was painted with (fill alpha × enclosing transparency groups' alpha). */
  alpha: number;
  /** Blended by multiplying (`Multiply`, `Darken`): darkens what lies under it instead of covering it. */
  multiply: boolean;
  /** The path is one axis-aligned rectangle (not a frame, a ring or a set of separate borders). */
  rect: boolean;
}

/** A thin horizontal or vertical line (a stroked segment or a thin filled rectangle). */
export interface Ruling {
  box: Box;
  orientation: 'h' | 'v';
}

/** A symbol glyph (Unicode category So or private use) drawn as text, with its fill colour. */
export interface GlyphMark extends MarkedContent {
  box: Box;
  /** Position in drawing order (that of its run; see Shape.order). */
  order?: number;
  color: string;
  char: string;
}

/** Image pixels as pdfjs delivers them (`kind`: 1 gray 1bpp, 2 RGB, 3 RGBA). */
export interface ImageData {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** An image placed on the page: an XObject (by pdfjs object id), inline data, or a stencil mask. */
export interface ImageMark extends MarkedContent {
  box: Box;
  /** Position in drawing order (see Shape.order). */
  order?: number;
  objId?: string;
  inline?: ImageData;
  /** For stencil masks the fill colour paints the image. */
  maskColor?: string;
  /** Set by the reader when the image's pixels are all opaque: it hides what lies under it. */
  opaque?: boolean;
}

/** A text run (one showText) with the fill colour it was painted in. */
export interface TextRun extends MarkedContent {
  box: Box;
  color: string;
  /** The run's text (the glyphs' Unicode values, spaces included). */
  text: string;
  /** Position in drawing order (see Shape.order). */
  order: number;
  /** The outline colour when the run is stroked too (render mode 1, 2, 5, 6). */
  strokeColor?: string;
  /** The run's number on its page (every drawn showText, visible or hidden, in drawing order): chunks name it in their spans. */
  run?: number;
}

/**
 * Why text drawn on a page cannot be seen: an invisible render mode (3 or 7), no paint (alpha
 * ≈ 0 or a pattern the reader does not see through), optional content that is off, clipped away,
 * painted in the colour of what lies under it, covered by an opaque fill drawn later, too
 * small to read, or placed outside the page.
 */
export type HiddenReason = 'render-mode' | 'transparent' | 'optional-content' | 'clipped' | 'background-colour' | 'covered' | 'tiny' | 'off-page';

/** A text run that cannot be seen, and why. */
export interface HiddenRun {
  box: Box;
  text: string;
  reason: HiddenReason;
  /** The run's number (TextRun.run), when the walker numbered it. */
  run?: number;
}

export interface PageGraphics {
  shapes: Shape[];
  rulings: Ruling[];
  glyphs: GlyphMark[];
  images: ImageMark[];
  /** Every text run the walker saw painted (colour, box, text): glyph icon colours, and visibility.ts. */
  runs: TextRun[];
  /** Text runs the walker already knows are invisible (render mode, no paint, optional content off, clipped away). */
  hiddenRuns: HiddenRun[];
  /** Marks (paths, symbol glyphs, images) left out because optional content is off or a clip removes them. */
  hiddenMarks: number;
}

interface GState {
  ctm: Matrix;
  fill: string | null;
  stroke: string | null;
  fillAlpha: number;
  strokeAlpha: number;
  lineWidth: number;
  font: string | null;
  fontSize: number;
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  renderMode: number;
  /** The clipping region's bounding box in page coordinates; null = the whole page. */
  clip: Box | null;
  /** Blend mode Normal (or Compatible): an opaque fill hides what lies under it. */
  blendNormal: boolean;
  /** A soft mask is in force: fills may be partly transparent. */
  softMask: boolean;
  /** Product of the alphas of the enclosing transparency groups (a group is composited with the alpha in force where it is painted). */
  groupAlpha: number;
  /** The fill is a pattern or shading: painted, in colours the walker does not know. */
  fillPattern: boolean;
  /** The stroke is a pattern or shading. */
  strokePattern: boolean;
  /** Blend mode multiplies (Multiply, Darken). */
  multiply: boolean;
}

interface GlyphLike {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

/** What the walker needs to know about a font (pdfjs's font object, by its id `g_d0_f1`). */
export interface FontFacts {
  /** Glyph space → text space, e.g. `[0.001, 0, 0, 0.001, 0, 0]`. */
  fontMatrix?: readonly number[];
  /** Ascent and descent as shares of the em (descent negative), for text boxes. */
  ascent?: number;
  descent?: number;
  /** A vertical (top-to-bottom) font: its glyphs advance down, not right. */
  vertical?: boolean;
}

/** Looks a font up by its pdfjs id; undefined when pdfjs has not published it. */
export type FontLookup = (fontRefName: string) => FontFacts | undefined;

/** Maps a marked-content id (MCID) of this page to the content id the structure tree uses. */
export type ContentIdOf = (mcid: number) => string;

/**
 * Whether an optional-content group or membership dictionary (pdfjs's `{type: 'OCG', id}` /
 * `{type: 'OCMD', …}`) is visible in the document's default configuration.
 */
export type OptionalContentVisible = (group: unknown) => boolean;

const MAX_RULING_THICKNESS = 2.5;
/** Text less tall than this (PDF points, the glyph height along the text's axis) cannot be read. */
export const MIN_TEXT_SIZE = 2;
/** Text whose characters advance less than this (points each, e.g. `0 Tz`) is squeezed to nothing. */
const MIN_ADVANCE = 0.5;
/** Text of which the clip leaves less than this share (by area) visible is clipped away. */
const MIN_VISIBLE_FRACTION = 0.25;
const DEFAULT_FONT_MATRIX = [0.001, 0, 0, 0.001, 0, 0] as const;
const NO_FONT: FontFacts = {};
/** A glyph whose text is only whitespace moves the pen; it is not text. */
const WHITESPACE = /^\s+$/u;

function isFiniteMatrix(m: Matrix): boolean {
  return m.every(Number.isFinite);
}


/**
 * Collects shapes, rulings, symbol glyphs and images from one page's operator list.
 * `base` maps PDF user space to page coordinates (top-left origin), e.g. the viewport transform.
 */
export function walkOperatorList(
  opList: { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> },
  base: Matrix,
  fontOf: FontLookup,
  contentIdOf: ContentIdOf = (mcid) => `mc${mcid}`,
  ocVisible: OptionalContentVisible = () => true,
  chunker?: GlyphChunker,
): PageGraphics {
  const out: PageGraphics = { shapes: [], rulings: [], glyphs: [], images: [], runs: [], hiddenRuns: [], hiddenMarks: 0 };
  // Marked-content nesting (BMC/BDC … EMC), innermost last; `mark` is what new marks carry,
  // `ocOff` whether an enclosing optional-content group is off.
  const marks: { mark: MarkedContent; ocOff: boolean }[] = [];
  let mark: MarkedContent = {};
  let ocOff = false;
  let order = 0;
  /** Number of the next drawn text run (TextRun.run). */
  let runCount = 0;
  let pendingClip = false;
  // Transparency groups open (true for a soft mask's group) and how many masks enclose the walk.
  const groups: boolean[] = [];
  let maskDepth = 0;
  // Text render modes 4–7 add the glyphs to the clip at the end of the text object.
  let textClip: Box | null = null;
  let gs: GState = {
    ctm: base,
    fill: '#000000',
    stroke: '#000000',
    fillAlpha: 1,
    strokeAlpha: 1,
    lineWidth: 1,
    font: null,
    fontSize: 0,
    fontDirection: 1,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    renderMode: 0,
    clip: null,
    blendNormal: true,
    softMask: false,
    groupAlpha: 1,
    fillPattern: false,
    strokePattern: false,
    multiply: false,
  };
  const stack: GState[] = [];
  // Text object state (not part of the graphics state).
  let textMatrix: Matrix = [1, 0, 0, 1, 0, 0];
  let lineX = 0;
  let lineY = 0;
  let curX = 0;
  let curY = 0;
  const fontCache = new Map<string, FontFacts>();

  const fontFacts = (): FontFacts => {
    const name = gs.font;
    if (name === null) return NO_FONT;
    let f = fontCache.get(name);
    if (f === undefined) {
      f = fontOf(name) ?? NO_FONT;
      fontCache.set(name, f);
    }
    return f;
  };

  const setFont = (name: unknown, size: unknown): void => {
    gs.font = typeof name === 'string' ? name : null;
    let s = typeof size === 'number' ? size : 0;
    gs.fontDirection = s < 0 ? -1 : 1;
    if (s < 0) s = -s;
    gs.fontSize = s;
  };

  const moveText = (x: number, y: number): void => {
    lineX += x;
    lineY += y;
    curX = lineX;
    curY = lineY;
  };

  const fnArray = opList.fnArray;
  const argsArray = opList.argsArray;
  const n = fnArray.length;
  for (let i = 0; i < n; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(gs);
        gs = { ...gs };
        break;
      case OPS.beginGroup: {
        stack.push(gs);
        gs = { ...gs };
        // A soft mask's group is a mask, not drawing: nothing in it is seen (pdfjs lists it inline).
        const group = args?.[0] as { smask?: unknown; matrix?: unknown; bbox?: unknown } | undefined;
        const isMask = group?.smask !== undefined && group.smask !== null && group.smask !== false;
        groups.push(isMask);
        if (isMask) maskDepth++;
        // A transparency group is composited with the alpha in force where it is painted.
        gs.groupAlpha *= gs.fillAlpha;
        gs.fillAlpha = 1;
        gs.strokeAlpha = 1;
        // The group's /BBox (in the form's space: its matrix follows in paintFormXObjectBegin) clips it.
        if (isMatrixLike(group?.bbox, 4)) {
          const m = isMatrixLike(group?.matrix) ? compose(gs.ctm, toMatrix(group.matrix)) : gs.ctm;
          const b = group.bbox;
          clipToPageBox(transformRect(m, num(b[0]), num(b[1]), num(b[2]), num(b[3])));
        }
        break;
      }
      case OPS.endGroup: {
        if (groups.pop()) maskDepth--;
        const prev = stack.pop();
        if (prev) gs = prev;
        break;
      }
      case OPS.restore:
      case OPS.paintFormXObjectEnd: {
        const prev = stack.pop();
        if (prev) gs = prev;
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push(gs);
        gs = { ...gs };
        const m = args?.[0];
        if (isMatrixLike(m)) gs.ctm = compose(gs.ctm, toMatrix(m));
        // The form's /BBox clips what it draws.
        if (isMatrixLike(args?.[1], 4)) clipToBox(args[1] as ArrayLike<number>);
        break;
      }
      case OPS.transform:
        if (args && args.length >= 6) gs.ctm = compose(gs.ctm, toMatrix(args));
        break;
      case OPS.beginMarkedContent:
      case OPS.beginMarkedContentProps: {
        const tag = args?.[0];
        const tagName = typeof tag === 'string' ? tag : (tag as { name?: unknown } | null)?.name;
        const mcid = fn === OPS.beginMarkedContentProps ? args?.[1] : undefined;
        marks.push({ mark, ocOff });
        chunker?.end();
        if (tagName === 'OC' && fn === OPS.beginMarkedContentProps && args?.[1] != null && !ocVisible(args[1])) ocOff = true;
        mark = {
          ...(typeof mcid === 'number' && Number.isInteger(mcid) ? { contentId: contentIdOf(mcid) } : mark.contentId !== undefined ? { contentId: mark.contentId } : {}),
          ...(tagName === 'Artifact' || mark.artifact ? { artifact: true } : {}),
        };
        break;
      }
      case OPS.endMarkedContent: {
        chunker?.end();
        const outer = marks.pop();
        mark = outer?.mark ?? {};
        ocOff = outer?.ocOff ?? false;
        break;
      }
      case OPS.clip:
      case OPS.eoClip:
        pendingClip = true;
        break;
      case OPS.setFillRGBColor:
        gs.fill = typeof args?.[0] === 'string' ? normaliseColor(args[0]) : null;
        gs.fillPattern = false;
        break;
      case OPS.setStrokeRGBColor:
        gs.stroke = typeof args?.[0] === 'string' ? normaliseColor(args[0]) : null;
        gs.strokePattern = false;
        break;
      case OPS.setFillColorN:
        gs.fill = null;
        gs.fillPattern = true;
        break;
      case OPS.setFillTransparent:
        gs.fill = null;
        gs.fillPattern = false;
        break;
      case OPS.setStrokeColorN:
        gs.stroke = null;
        gs.strokePattern = true;
        break;
      case OPS.setStrokeTransparent:
        gs.stroke = null;
        gs.strokePattern = false;
        break;
      case OPS.setLineWidth:
        gs.lineWidth = typeof args?.[0] === 'number' ? args[0] : gs.lineWidth;
        break;
      case OPS.setGState:
        for (const entry of (args?.[0] as unknown[] | undefined) ?? []) {
          if (!Array.isArray(entry)) continue;
          const [key, value] = entry as [unknown, unknown];
          if (key === 'ca' && typeof value === 'number') gs.fillAlpha = value;
          else if (key === 'CA' && typeof value === 'number') gs.strokeAlpha = value;
          else if (key === 'LW' && typeof value === 'number') gs.lineWidth = value;
          else if (key === 'BM') {
            gs.blendNormal = value === 'source-over';
            gs.multiply = value === 'multiply' || value === 'darken';
          }
          else if (key === 'SMask') gs.softMask = value === true;
          else if (key === 'Font' && Array.isArray(value)) setFont(value[0], value[1]);
        }
        break;
      case OPS.constructPath:
        if (args) {
          if (pendingClip) clipTo(args[2] as ArrayLike<number> | null | undefined);
          if (maskDepth > 0) {
            // a soft mask's shape: not drawn
          } else if (ocOff || isClippedAway(pathBox(args[2] as ArrayLike<number> | null | undefined))) {
            if (isPaintOp(args[0])) out.hiddenMarks++;
          } else handlePath(args, gs, out, mark, order++);
        }
        pendingClip = false;
        break;
      // --- text state ---
      case OPS.beginText:
        textMatrix = [1, 0, 0, 1, 0, 0];
        lineX = lineY = curX = curY = 0;
        textClip = null;
        break;
      case OPS.endText:
        if (textClip !== null) clipToPageBox(textClip);
        textClip = null;
        break;
      case OPS.setFont:
        setFont(args?.[0], args?.[1]);
        break;
      case OPS.setCharSpacing:
        gs.charSpacing = num(args?.[0]);
        break;
      case OPS.setWordSpacing:
        gs.wordSpacing = num(args?.[0]);
        break;
      case OPS.setHScale:
        gs.hScale = num(args?.[0], 100) / 100;
        break;
      case OPS.setLeading:
        gs.leading = -num(args?.[0]);
        break;
      case OPS.setTextRise:
        gs.rise = num(args?.[0]);
        break;
      case OPS.setTextRenderingMode:
        gs.renderMode = num(args?.[0]);
        break;
      case OPS.setTextMatrix: {
        const m = args?.[0];
        const mm = isMatrixLike(m) ? m : args;
        if (isMatrixLike(mm)) textMatrix = toMatrix(mm);
        lineX = lineY = curX = curY = 0;
        break;
      }
      case OPS.moveText:
        moveText(num(args?.[0]), num(args?.[1]));
        break;
      case OPS.setLeadingMoveText:
        gs.leading = num(args?.[1]);
        moveText(num(args?.[0]), num(args?.[1]));
        break;
      case OPS.nextLine:
        moveText(0, gs.leading);
        break;
      case OPS.showText:
      case OPS.showSpacedText:
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText: {
        // pdfjs folds the last three into showText; handled defensively.
        if (fn === OPS.nextLineShowText || fn === OPS.nextLineSetSpacingShowText) moveText(0, gs.leading);
        const glyphs = args?.[fn === OPS.nextLineSetSpacingShowText ? 2 : 0];
        if (Array.isArray(glyphs)) curX += showText(glyphs as (GlyphLike | number)[]);
        break;
      }
      // --- images ---
      case OPS.paintImageXObject: {
        const id = args?.[0];
        if (typeof id === 'string') pushImage({ box: unitBox(gs.ctm), objId: id, ...mark });
        break;
      }
      case OPS.paintInlineImageXObject: {
        const img = args?.[0] as ImageData | undefined;
        if (img && typeof img.width === 'number') pushImage({ box: unitBox(gs.ctm), inline: img, ...mark });
        break;
      }
      case OPS.paintImageMaskXObject:
      case OPS.paintSolidColorImageMask:
        if (gs.fill !== null && gs.fillAlpha > 0.05) pushImage({ box: unitBox(gs.ctm), maskColor: gs.fill, ...mark });
        break;
      default:
        break;
    }
  }
  return out;

  function pushImage(im: ImageMark): void {
    if (maskDepth > 0) return; // a soft mask's image: not drawn
    if (ocOff || isClippedAway(im.box)) out.hiddenMarks++;
    else out.images.push({ ...im, order: order++ });
  }

  /** Clips to a rectangle given in the current user space (`[x0, y0, x1, y1]`, e.g. a form's /BBox). */
  function clipToBox(b: ArrayLike<number>): void {
    clipToPageBox(transformRect(gs.ctm, num(b[0]), num(b[1]), num(b[2]), num(b[3])));
  }

  /** The clip becomes its intersection with a box in page coordinates. */
  function clipToPageBox(box: Box): void {
    if (!isFiniteBox(box)) return;
    const c = gs.clip;
    gs.clip = c === null ? box : { x0: Math.max(c.x0, box.x0), y0: Math.max(c.y0, box.y0), x1: Math.min(c.x1, box.x1), y1: Math.min(c.y1, box.y1) };
  }

  /** The current path's box (pdfjs minMax, user space) in page coordinates, or null. */
  function pathBox(minMax: ArrayLike<number> | null | undefined): Box | null {
    if (!minMax || minMax.length < 4) return null;
    const [x0, y0, x1, y1] = [minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!];
    if (!(x1 >= x0 && y1 >= y0)) return null;
    return transformRect(gs.ctm, x0, y0, x1, y1);
  }

  /** `W n`: the clip becomes the intersection of the current clip and the path's box. */
  function clipTo(minMax: ArrayLike<number> | null | undefined): void {
    const box = pathBox(minMax);
    if (box !== null) clipToPageBox(box);
  }

  /** How much of a box (by area) the clip leaves visible, 0 … 1; 1 without a clip. */
  function visibleFraction(box: Box): number {
    const c = gs.clip;
    if (c === null) return 1;
    const area = (box.x1 - box.x0) * (box.y1 - box.y0);
    if (!(area > 0)) return isClippedAway(box) ? 0 : 1;
    return (overlap(c.x0, c.x1, box.x0, box.x1) * overlap(c.y0, c.y1, box.y0, box.y1)) / area;
  }

  /**
   * True when `box` lies wholly outside the clip (a line's box may have no height: only lying
   * outside counts, by more than 0.01 pt).
   */
  function isClippedAway(box: Box | null): boolean {
    const c = gs.clip;
    if (c === null || box === null) return false;
    return box.x1 < c.x0 - 0.01 || box.x0 > c.x1 + 0.01 || box.y1 < c.y0 - 0.01 || box.y0 > c.y1 + 0.01 || c.x1 < c.x0 || c.y1 < c.y0;
  }

  /**
   * Advances over a showText run, records symbol glyphs and hands every glyph to the chunker;
   * returns the x advance in text space.
   */
  function showText(glyphs: (GlyphLike | number)[]): number {
    const size = gs.fontSize;
    if (size === 0) return 0;
    const font = fontFacts();
    const fm = font.fontMatrix ?? DEFAULT_FONT_MATRIX;
    const advScale = size * (fm[0] ?? 0.001);
    const spacingDir = -1;
    const hScale = gs.hScale * gs.fontDirection;
    const trm = compose(gs.ctm, textMatrix);
    const placing = chunker !== undefined && maskDepth === 0;
    if (placing && font.vertical === true) chunker.vertical = true;
    // Glyph starts and ends along the baseline, in text space (x only; y is the baseline).
    const placed: { text: string; x0: number; x1: number }[] = [];
    let x = 0;
    let text = '';
    let symbols: { x0: number; x1: number; char: string }[] | null = null;
    for (const g of glyphs) {
      if (typeof g === 'number') {
        x += (spacingDir * g * size) / 1000;
        continue;
      }
      if (g === null || typeof g !== 'object') continue;
      const w = (g.width ?? 0) * advScale;
      const u = g.unicode ?? '';
      const space = u === '' ? g.isSpace === true : WHITESPACE.test(u);
      text += space && u === '' ? ' ' : u;
      if (u.length > 0 && u.charCodeAt(0) >= 0x2190 && isSymbolChar(u)) {
        (symbols ??= []).push({ x0: x, x1: x + w, char: u });
      }
      if (placing) placed.push({ text: space ? ' ' : glyphText(u), x0: x, x1: x + w });
      x += w + (g.isSpace ? gs.wordSpacing : 0) + gs.charSpacing;
    }
    const ty0 = curY + gs.rise;
    const box = transformRect(trm, curX, ty0 - 0.2 * size, curX + x * hScale, ty0 + 0.8 * size);
    // A run placed by a damaged matrix (NaN, Infinity) is drawn nowhere.
    if (!isFiniteBox(box)) return x * hScale;
    if (maskDepth > 0) return x * hScale; // a soft mask's text: not drawn
    // Modes 0–2 and 4–6 paint (fill, stroke or both; 4–6 also clip); 3 and 7 paint nothing.
    const mode = gs.renderMode & 7;
    if (mode >= 4) textClip = textClip === null ? box : union(textClip, box);
    const strokes = mode === 1 || mode === 2 || mode === 5 || mode === 6;
    const fills = mode === 0 || mode === 2 || mode === 4 || mode === 6;
    const fillPaint = fills && (gs.fill !== null || gs.fillPattern) && gs.fillAlpha * gs.groupAlpha > 0.05;
    const strokePaint = strokes && (gs.stroke !== null || gs.strokePattern) && gs.strokeAlpha * gs.groupAlpha > 0.05;
    // Size along the text's own axes (rotation aside): glyph height and advance per character.
    const height = size * Math.hypot(trm[2], trm[3]);
    const chars = text.replace(/\s+/g, '').length;
    const width = Math.abs(x * hScale) * Math.hypot(trm[0], trm[1]);
    const reason: HiddenReason | null =
      mode === 3 || mode === 7
        ? 'render-mode'
        : !fillPaint && !strokePaint
          ? 'transparent'
          : ocOff
            ? 'optional-content'
            : visibleFraction(box) < MIN_VISIBLE_FRACTION
              ? 'clipped'
              : height < MIN_TEXT_SIZE || (chars > 0 && width / chars < MIN_ADVANCE)
                ? 'tiny'
                : null;
    const run = runCount++;
    if (placing) placeGlyphs(placed, trm, hScale, font, reason !== null, run);
    if (reason !== null) {
      if (text.trim() !== '') out.hiddenRuns.push({ box, text, reason, run });
      return x * hScale;
    }
    // A pattern's colours are not known: `pattern` never equals a background.
    const color = fillPaint ? (gs.fill ?? 'pattern') : (gs.stroke ?? 'pattern');
    const strokeColor = fillPaint && strokePaint ? (gs.stroke ?? 'pattern') : undefined;
    const runOrder = order++;
    out.runs.push({ box, color, text, order: runOrder, run, ...(strokeColor !== undefined ? { strokeColor } : {}), ...mark });
    if (symbols !== null) {
      for (const s of symbols) {
        // Glyph box in text space: advance horizontally, roughly the em box vertically.
        const tx0 = curX + s.x0 * hScale;
        const tx1 = curX + s.x1 * hScale;
        const ty = curY + gs.rise;
        const gbox = transformRect(trm, tx0, ty - 0.2 * size, tx1, ty + 0.8 * size);
        out.glyphs.push({ box: gbox, color, char: s.char, order: runOrder, ...mark });
      }
    }
    return x * hScale;
  }

  /** Hands one run's glyphs to the chunker, placed on the page (text-space x → page points). */
  function placeGlyphs(placed: readonly { text: string; x0: number; x1: number }[], trm: Matrix, hScale: number, font: FontFacts, hidden: boolean, run: number): void {
    if (chunker === undefined || !isFiniteMatrix(trm)) return;
    const scaleX = Math.hypot(trm[0], trm[1]);
    const scaleY = Math.hypot(trm[2], trm[3]);
    const em = gs.fontSize * scaleX;
    const height = gs.fontSize * scaleY;
    if (!(em > 0 && height > 0)) return;
    const dir = hScale < 0 ? -1 : 1;
    const ux = (dir * trm[0]) / scaleX;
    const uy = (dir * trm[1]) / scaleX;
    const { ascent, descent } = fontExtent(font);
    const y = curY + gs.rise;
    const name = gs.font ?? '';
    for (const p of placed) {
      if (p.text === ' ') {
        chunker.space((Math.abs(p.x1 - p.x0) * scaleX) / em);
        continue;
      }
      if (p.text === '') continue;
      const tx0 = curX + p.x0 * hScale;
      const tx1 = curX + p.x1 * hScale;
      chunker.glyph(
        { text: p.text, font: name, x0: applyX(trm, tx0, y), y0: applyY(trm, tx0, y), x1: applyX(trm, tx1, y), y1: applyY(trm, tx1, y), ux, uy, em, height, ascent, descent },
        mark,
        hidden,
        run,
      );
    }
  }
}

function isPaintOp(op: unknown): boolean {
  return op !== OPS.endPath && typeof op === 'number';
}

function handlePath(args: unknown[], gs: GState, out: PageGraphics, mark: MarkedContent, order: number): void {
  const paintOp = args[0];
  const data = args[1] as unknown[] | undefined;
  const minMax = args[2] as ArrayLike<number> | null | undefined;
  const isFill =
    paintOp === OPS.fill ||
    paintOp === OPS.eoFill ||
    paintOp === OPS.fillStroke ||
    paintOp === OPS.eoFillStroke ||
    paintOp === OPS.closeFillStroke ||
    paintOp === OPS.closeEOFillStroke;
  const isStroke =
    paintOp === OPS.stroke ||
    paintOp === OPS.closeStroke ||
    paintOp === OPS.fillStroke ||
    paintOp === OPS.eoFillStroke ||
    paintOp === OPS.closeFillStroke ||
    paintOp === OPS.closeEOFillStroke;
  if (!isFill && !isStroke) return;
  if (!minMax || minMax.length < 4) return;
  const [mx0, my0, mx1, my1] = [minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!];
  if (!(mx1 >= mx0 && my1 >= my0)) return;
  const fillAlpha = gs.fillAlpha * gs.groupAlpha;
  if (isFill && gs.fill !== null && fillAlpha > 0.05) {
    const box = clipped(transformRect(gs.ctm, mx0, my0, mx1, my1), gs.clip);
    if (!isFiniteBox(box)) return;
    const buf = data?.[0];
    const rect = buf !== null && typeof buf === 'object' && 'length' in (buf as object) && isOneRectangle(buf as ArrayLike<number>, gs.ctm);
    const opaque = rect && fillAlpha >= 0.99 && gs.blendNormal && !gs.softMask;
    out.shapes.push({ box, color: gs.fill, mode: 'fill', order, opaque, alpha: fillAlpha, multiply: gs.multiply, rect, ...mark });
    const w = box.x1 - box.x0;
    const h = box.y1 - box.y0;
    if (h <= MAX_RULING_THICKNESS && w >= 3 * Math.max(h, 0.5)) out.rulings.push({ box, orientation: 'h' });
    else if (w <= MAX_RULING_THICKNESS && h >= 3 * Math.max(w, 0.5)) out.rulings.push({ box, orientation: 'v' });
  }
  if (isStroke && gs.stroke !== null && gs.strokeAlpha * gs.groupAlpha > 0.05) {
    const lw = Math.max(gs.lineWidth, 0) / 2;
    const box = clipped(transformRect(gs.ctm, mx0 - lw, my0 - lw, mx1 + lw, my1 + lw), gs.clip);
    if (!isFiniteBox(box)) return;
    out.shapes.push({ box, color: gs.stroke, mode: 'stroke', order, opaque: false, alpha: gs.strokeAlpha * gs.groupAlpha, multiply: gs.multiply, rect: false, ...mark });
    const buf = data?.[0];
    if (buf && typeof buf === 'object' && 'length' in buf) strokeSegments(buf as ArrayLike<number>, gs, out);
  }
}

/** A box cut to the clip (a box the clip leaves nothing of keeps zero size at the clip's edge). */
function clipped(box: Box, clip: Box | null): Box {
  if (clip === null) return box;
  const x0 = Math.max(box.x0, clip.x0);
  const y0 = Math.max(box.y0, clip.y0);
  return { x0, y0, x1: Math.max(x0, Math.min(box.x1, clip.x1)), y1: Math.max(y0, Math.min(box.y1, clip.y1)) };
}

/**
 * True when a pdfjs path buffer (draw ops moveTo 0, lineTo 1, closePath 4 with coordinates) is
 * one axis-aligned rectangle in page space: one moveTo, three or four lineTo, an optional
 * closePath. A frame, a ring or several border lines in one path are not.
 */
function isOneRectangle(buf: ArrayLike<number>, ctm: Matrix): boolean {
  if (buf.length > 20) return false;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < buf.length; ) {
    const op = buf[i++];
    if (op === 0 || op === 1) {
      if (op === 0 && xs.length > 0) return false;
      const px = buf[i++]!;
      const py = buf[i++]!;
      xs.push(applyX(ctm, px, py));
      ys.push(applyY(ctm, px, py));
    } else if (op === 4) {
      if (i !== buf.length) return false;
    } else return false;
  }
  if (xs.length < 4 || xs.length > 5) return false;
  // Every edge horizontal or vertical.
  for (let k = 0; k < 4; k++) {
    const a = k;
    const b = (k + 1) % 4;
    const dx = Math.abs(xs[a]! - xs[b]!);
    const dy = Math.abs(ys[a]! - ys[b]!);
    if (dx > 0.01 && dy > 0.01) return false;
  }
  return true;
}

/** Axis-aligned straight segments of a stroked path become rulings. */
function strokeSegments(buf: ArrayLike<number>, gs: GState, out: PageGraphics): void {
  if (buf.length > 2000) return; // a chart or drawing, not table borders
  const m = gs.ctm;
  const half = Math.max(gs.lineWidth * Math.hypot(m[0], m[1]), 0.1) / 2;
  let sx = 0;
  let sy = 0;
  let px = 0;
  let py = 0;
  const seg = (x0: number, y0: number, x1: number, y1: number): void => {
    const ax = applyX(m, x0, y0);
    const ay = applyY(m, x0, y0);
    const bx = applyX(m, x1, y1);
    const by = applyY(m, x1, y1);
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) > 2) {
      const y = (ay + by) / 2;
      out.rulings.push({ box: { x0: Math.min(ax, bx), y0: y - half, x1: Math.max(ax, bx), y1: y + half }, orientation: 'h' });
    } else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) > 2) {
      const x = (ax + bx) / 2;
      out.rulings.push({ box: { x0: x - half, y0: Math.min(ay, by), x1: x + half, y1: Math.max(ay, by) }, orientation: 'v' });
    }
  };
  for (let i = 0; i < buf.length; ) {
    const op = buf[i++];
    if (op === 0) {
      sx = px = buf[i++]!;
      sy = py = buf[i++]!;
    } else if (op === 1) {
      const x = buf[i++]!;
      const y = buf[i++]!;
      seg(px, py, x, y);
      px = x;
      py = y;
    } else if (op === 2) {
      px = buf[i + 4]!;
      py = buf[i + 5]!;
      i += 6;
    } else if (op === 3) {
      px = buf[i + 2]!;
      py = buf[i + 3]!;
      i += 4;
    } else if (op === 4) {
      seg(px, py, sx, sy);
      px = sx;
      py = sy;
    } else {
      return; // unknown op: stop rather than misread coordinates
    }
  }
}

function unitBox(ctm: Matrix): Box {
  return transformRect(ctm, 0, 0, 1, 1);
}

function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function isMatrixLike(v: unknown, length = 6): v is ArrayLike<number> {
  return (
    v !== null &&
    typeof v === 'object' &&
    'length' in v &&
    (v as ArrayLike<unknown>).length >= length &&
    typeof (v as ArrayLike<unknown>)[0] === 'number'
  );
}

function toMatrix(v: ArrayLike<unknown>): Matrix {
  return [num(v[0], 1), num(v[1]), num(v[2]), num(v[3], 1), num(v[4]), num(v[5])];
}

/** `#RGB`/`#RRGGBB` in any case → lower-case `#rrggbb`; anything else is returned unchanged. */
export function normaliseColor(c: string): string {
  const s = c.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  if (/^#[0-9a-f]{3}$/.test(s)) return `#${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}`;
  return s;
}
