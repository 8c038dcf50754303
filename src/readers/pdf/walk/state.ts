/**
 * The state of one walk over a page's operator list (graphics.ts): the graphics state and its
 * stack, the text object, marked content, transparency groups and the clip, and what has been
 * collected so far. The operator handlers (walk/*.ts) read and change it; the helpers here are
 * the ones several handlers share (the clip, drawing order, images, fonts).
 */
import { type Box, type Matrix, isFiniteBox, overlap, transformRect } from '../geometry.js';
import type { GlyphChunker } from '../glyph-chunks.js';
import type { ContentIdOf, FontLookup, ImageMark, MarkedContent, OptionalContentVisible, PageGraphics, Paint, SoftMask } from '../page-graphics.js';
import { BLEND_NORMAL, type FontFacts } from '../pdfjs-contract.js';
import { type Region, inRegion } from '../regions.js';
import { DRAWING } from '../settings.js';

/** The graphics state the walk tracks (PDF 32000-1 §8.4), plus the text state parameters (§9.3). */
export interface GState {
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
  /** The blend mode by pdfjs's name (`source-over`, `screen`, …). */
  blend: string;
  /** The clip's parts that are not rectangles (paths, glyph outlines), each intersected with the clip box; null: none. */
  clips: readonly Region[] | null;
  /** The soft mask in force (its group's paints), or null. */
  mask: SoftMask | null;
}

const NO_FONT: FontFacts = {};

/** The graphics state at the start of a page: `base` maps user space to page coordinates. */
export function initialState(base: Matrix): GState {
  return {
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
    blend: BLEND_NORMAL,
    clips: null,
    mask: null,
  };
}

/** One walk's state; see the module comment. */
export class WalkState {
  readonly out: PageGraphics = { shapes: [], rulings: [], glyphs: [], images: [], runs: [], hiddenRuns: [], hiddenMarks: 0, paints: [] };
  gs: GState;
  readonly stack: GState[] = [];
  /** Marked-content nesting (BMC/BDC … EMC), innermost last, with what was in force outside it. */
  readonly marks: { mark: MarkedContent; ocOff: boolean }[] = [];
  /** What new marks carry (content id, artifact). */
  mark: MarkedContent = {};
  /** An enclosing optional-content group is off. */
  ocOff = false;
  /** Position of the next mark or run in drawing order. */
  order = 0;
  /** Number of the next drawn text run (TextRun.run). */
  runCount = 0;
  /** A `W`/`W*` was seen: the next path clips. */
  pendingClip = false;
  /** The pending clip is by the even-odd rule (`W*`). */
  pendingEvenOdd = false;
  /** Soft masks whose groups are being walked, innermost last: their paints make the mask. */
  readonly maskBuilds: SoftMask[] = [];
  /** The soft mask whose group ended last: a `gs` with SMask that follows sets it. */
  lastMask: SoftMask | null = null;
  /** Depth of annotation appearances (beginAnnotation … endAnnotation) around the walk. */
  annotationDepth = 0;
  /** Inside a text object (BT without its ET yet). */
  inText = false;
  /** Saved graphics states pdfjs closed because the content left them open (restore with no arguments). */
  closedByPdfjs = 0;
  /** Text operators (Td, Tm, T*, Tj …) met outside a text object: malformed content. */
  textOutside = 0;
  /** Transparency groups open (true for a soft mask's group). */
  readonly groups: boolean[] = [];
  /** How many soft masks' groups enclose the walk: nothing drawn in them is seen. */
  maskDepth = 0;
  /** Text render modes 4–7 add the glyphs to the clip at the end of the text object. */
  textClip: Box | null = null;
  // The text object (not part of the graphics state).
  textMatrix: Matrix = [1, 0, 0, 1, 0, 0];
  lineX = 0;
  lineY = 0;
  curX = 0;
  curY = 0;
  private readonly fontCache = new Map<string, FontFacts>();

  constructor(
    readonly base: Matrix,
    private readonly fontOf: FontLookup,
    readonly contentIdOf: ContentIdOf,
    readonly ocVisible: OptionalContentVisible,
    readonly chunker: GlyphChunker | undefined,
    /** The page's box in page coordinates (0 … width, 0 … height), when known: what lies wholly outside it is not seen. */
    readonly page: Box | null = null,
  ) {
    this.gs = initialState(base);
  }

  /** Pushes a copy of the graphics state (q, a group, a form). */
  save(): void {
    this.stack.push(this.gs);
    this.gs = { ...this.gs };
  }

  /** Pops the graphics state (Q, a group's or a form's end); an unbalanced pop keeps the state. */
  restore(): void {
    const prev = this.stack.pop();
    if (prev) this.gs = prev;
  }

  /** The current font's facts (cached per walk). */
  fontFacts(): FontFacts {
    const name = this.gs.font;
    if (name === null) return NO_FONT;
    let f = this.fontCache.get(name);
    if (f === undefined) {
      f = this.fontOf(name) ?? NO_FONT;
      this.fontCache.set(name, f);
    }
    return f;
  }

  /** `Tf` (or a `Font` entry of `gs`): a negative size mirrors the text. */
  setFont(name: unknown, size: unknown): void {
    const gs = this.gs;
    gs.font = typeof name === 'string' ? name : null;
    let s = typeof size === 'number' ? size : 0;
    gs.fontDirection = s < 0 ? -1 : 1;
    if (s < 0) s = -s;
    gs.fontSize = s;
  }

  /** `Td` and friends: a new line start, offset from the current one (text space). */
  moveText(x: number, y: number): void {
    this.lineX += x;
    this.lineY += y;
    this.curX = this.lineX;
    this.curY = this.lineY;
  }

  /**
   * An image placed on the page: listed in drawing order, or counted as hidden (optional content
   * off, clipped away, in an annotation); `region` is where it paints (null: not known well
   * enough to cover anything), in `color` for a stencil mask (an image's colours are its pixels').
   */
  pushImage(im: ImageMark, region: Region | null, color: string | null = null): void {
    const paint = (order: number, placed?: ImageMark): void => {
      if (region !== null) this.addPaint(region, color, color === null ? placed : undefined, order);
    };
    if (this.maskDepth > 0) {
      paint(this.order, im); // a soft mask's image: not drawn, but it makes the mask
      return;
    }
    if (this.ocOff || this.isClippedAway(im.box)) this.out.hiddenMarks++;
    else if (this.annotationDepth > 0) {
      // An annotation's picture covers what lies under it, but is no status icon of the page.
      this.out.hiddenMarks++;
      paint(this.order++, im);
    } else {
      const placed = { ...im, order: this.order++ };
      this.out.images.push(placed);
      paint(placed.order, placed);
    }
  }

  /**
   * Something painted in the current graphics state (colour null: not known): listed for the
   * visibility pass, or for the soft mask whose group is being walked. Nothing in optional content
   * that is off is painted.
   */
  addPaint(region: Region, color: string | null, image?: ImageMark, order = this.order, alpha = this.gs.fillAlpha * this.gs.groupAlpha): void {
    if (this.ocOff) return;
    const gs = this.gs;
    const p: Paint = { order, region, color, alpha, blend: gs.blend, mask: gs.mask, clip: gs.clip, clips: gs.clips, ...(image !== undefined ? { image } : {}) };
    const build = this.maskBuilds[this.maskBuilds.length - 1];
    (build !== undefined ? build.paints : this.out.paints).push(p);
  }

  /** True when the page point lies inside the clip (its box and its non-rectangular parts). */
  inClip(x: number, y: number): boolean {
    const c = this.gs.clip;
    if (c !== null && (x < c.x0 || x > c.x1 || y < c.y0 || y > c.y1)) return false;
    for (const r of this.gs.clips ?? []) if (!inRegion(r, x, y)) return false;
    return true;
  }

  /** Clips to a rectangle given in the current user space (`[x0, y0, x1, y1]`, e.g. a form's /BBox). */
  clipToBox(b: ArrayLike<number>): void {
    this.clipToPageBox(transformRect(this.gs.ctm, num(b[0]), num(b[1]), num(b[2]), num(b[3])));
  }

  /** The clip becomes its intersection with a box in page coordinates. */
  clipToPageBox(box: Box): void {
    if (!isFiniteBox(box)) return;
    const c = this.gs.clip;
    this.gs.clip = c === null ? box : { x0: Math.max(c.x0, box.x0), y0: Math.max(c.y0, box.y0), x1: Math.min(c.x1, box.x1), y1: Math.min(c.y1, box.y1) };
  }

  /** The current path's box (pdfjs minMax, user space) in page coordinates, or null. */
  pathBox(minMax: ArrayLike<number> | null): Box | null {
    if (!minMax || minMax.length < 4) return null;
    const [x0, y0, x1, y1] = [minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!];
    if (!(x1 >= x0 && y1 >= y0)) return null;
    return transformRect(this.gs.ctm, x0, y0, x1, y1);
  }

  /** `W n`: the clip becomes the intersection of the current clip and the path's box. */
  clipTo(minMax: ArrayLike<number> | null): void {
    const box = this.pathBox(minMax);
    if (box !== null) this.clipToPageBox(box);
  }

  /** How much of a box (by area) the clip leaves visible, 0 … 1; 1 without a clip. */
  visibleFraction(box: Box): number {
    const c = this.gs.clip;
    if (c === null) return 1;
    const area = (box.x1 - box.x0) * (box.y1 - box.y0);
    if (!(area > 0)) return this.isClippedAway(box) ? 0 : 1;
    return (overlap(c.x0, c.x1, box.x0, box.x1) * overlap(c.y0, c.y1, box.y0, box.y1)) / area;
  }

  /**
   * True when `box` lies wholly outside the clip (a line's box may have no height: only lying
   * outside counts, by more than DRAWING.clipTolerance).
   */
  isClippedAway(box: Box | null): boolean {
    const c = this.gs.clip;
    if (c === null || box === null) return false;
    const tol = DRAWING.clipTolerance;
    return box.x1 < c.x0 - tol || box.x0 > c.x1 + tol || box.y1 < c.y0 - tol || box.y0 > c.y1 + tol || c.x1 < c.x0 || c.y1 < c.y0;
  }
}

/** A finite number, or `fallback`. */
export function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** True when `v` is array-like with at least `length` entries and a number first. */
export function isMatrixLike(v: unknown, length = 6): v is ArrayLike<number> {
  return v !== null && typeof v === 'object' && 'length' in v && (v as ArrayLike<unknown>).length >= length && typeof (v as ArrayLike<unknown>)[0] === 'number';
}

/** An array-like of six numbers as a matrix (missing or non-finite entries from the identity). */
export function toMatrix(v: ArrayLike<unknown>): Matrix {
  return [num(v[0], 1), num(v[1]), num(v[2]), num(v[3], 1), num(v[4]), num(v[5])];
}

/** A handler of one or more operators: the walk's state, the operator's arguments, its code. */
export type OpHandler = (w: WalkState, args: unknown[] | null, fn: number) => void;
