/**
 * Positioned text: chunks in page coordinates → lines.
 *
 * A chunk is a piece of text that reads on in one font and size on one baseline, split where a
 * horizontal gap is wider than TEXT.columnGapEm, so column gaps and superscripts arrive as separate
 * chunks. The reader builds them from the operator list's glyphs (glyph-chunks.ts); `toChunks`
 * builds them from pdfjs's getTextContent items instead (pages with vertical fonts). Lines group
 * chunks by baseline; small raised chunks (footnote markers) join the line they sit on and are
 * flagged `sup`.
 */
import { lowerRomanValue, toSuperscript } from '../../model/superscript.js';
import { type Box, type Matrix, applyX, applyY } from './geometry.js';
import { TEXT } from './settings.js';

export interface Chunk extends Box {
  text: string;
  baseline: number;
  size: number;
  font: string;
  /** Set by line building: the chunk is a superscript of its line (small and raised). */
  sup: boolean;
  /**
   * Tagged PDF: the marked-content id (`p12R_mc3`) the text was drawn in, which the page's
   * structure tree links to its element (TD, P, Note …); absent in untagged PDFs.
   */
  contentId?: string;
  /** Drawn inside an `/Artifact` marked-content sequence (page furniture in a tagged PDF). */
  artifact?: boolean;
  /**
   * Which text run drew which part of the text (glyph chunks only; dropped once visibility.ts has
   * used them): a hidden run is cut out exactly, by position in the text, not found by its text.
   */
  spans?: RunSpan[];
}

/**
 * Characters `start` … `end` (exclusive) of a chunk's text were drawn by text run `run`, from
 * (`x0`, `y0`), where its first glyph starts on the baseline, to (`x1`, `y1`), where its last glyph
 * ends (page points).
 */
export interface RunSpan {
  run: number;
  start: number;
  end: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Line extends Box {
  /** Chunks left to right. */
  chunks: Chunk[];
  /** Baseline of the line's main (non-superscript) text. */
  baseline: number;
  /** Font size of the line's main text. */
  size: number;
}

/** A pdfjs text-content item: a text item, or (with `includeMarkedContent`) a marked-content begin/end. */
export type RawTextItem = RawText | RawMarkedContent;

/** A pdfjs text item (user space). */
export interface RawText {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** A pdfjs marked-content item: `id` links to the structure tree, `tag` is e.g. `Artifact`, `P`, `Span`. */
export interface RawMarkedContent {
  type: 'beginMarkedContent' | 'beginMarkedContentProps' | 'endMarkedContent';
  id?: string | null;
  tag?: string | null;
}

export interface FontStyle {
  ascent?: number;
  descent?: number;
}

/**
 * Turns pdfjs text-content items into chunks in page coordinates (`view` maps user space to the
 * page). Marked-content items are followed so that each chunk knows its content id and whether it
 * is an artifact.
 */
export function toChunks(items: readonly RawTextItem[], view: Matrix, styles: Record<string, FontStyle | undefined>): Chunk[] {
  const chunks: Chunk[] = [];
  // Marked-content nesting: the innermost id wins; an artifact anywhere up the stack makes the text an artifact.
  const marks: { id: string | null; artifact: boolean }[] = [];
  for (const item of items) {
    if ('type' in item) {
      if (item.type === 'endMarkedContent') marks.pop();
      else {
        const outer = marks[marks.length - 1];
        marks.push({ id: item.id ?? outer?.id ?? null, artifact: item.tag === 'Artifact' || (outer?.artifact ?? false) });
      }
      continue;
    }
    const it = item;
    if (typeof it.str !== 'string' || it.str.trim() === '') continue;
    const t = it.transform;
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || Math.hypot(t[0] ?? 0, t[1] ?? 0);
    if (!(size > 0)) continue;
    const x = t[4] ?? 0;
    const y = t[5] ?? 0;
    // Text placed by a damaged matrix (NaN, Infinity) is shown nowhere.
    if (!t.slice(0, 6).every(Number.isFinite) || !Number.isFinite(it.width)) continue;
    // Direction of the baseline in user space (unit vector), to place the end point.
    const sx = Math.hypot(t[0] ?? 0, t[1] ?? 0) || 1;
    const ux = (t[0] ?? sx) / sx;
    const uy = (t[1] ?? 0) / sx;
    const ex = x + ux * it.width;
    const ey = y + uy * it.width;
    const px0 = applyX(view, x, y);
    const py0 = applyY(view, x, y);
    const px1 = applyX(view, ex, ey);
    const { ascent, descent } = fontExtent(styles[it.fontName]);
    const lead = it.str.length - it.str.trimStart().length;
    const trail = it.str.length - it.str.trimEnd().length;
    let text = it.str.trim();
    // Keep the box honest when pdfjs left spaces at the ends of the string.
    const perChar = it.str.length > 0 ? Math.abs(px1 - px0) / it.str.length : 0;
    const x0 = Math.min(px0, px1) + lead * perChar;
    const x1 = Math.max(px0, px1) - trail * perChar;
    text = text.replace(/\s+/g, ' ');
    chunks.push({
      text,
      x0,
      x1: Math.max(x1, x0),
      y0: py0 - ascent * size,
      y1: py0 + descent * size,
      baseline: py0,
      size,
      font: it.fontName,
      sup: false,
      ...markOf(marks),
    });
  }
  return chunks;
}

/**
 * A font's ascent and descent as shares of the em (both positive), for a text box: from its
 * metrics (pdfjs's `ascent`, and `descent` which is negative), TEXT.emAscent and TEXT.emDescent
 * where it has none, kept within TEXT's bounds (damaged or odd metrics would make boxes that
 * overlap other lines).
 */
export function fontExtent(font: { ascent?: number | null; descent?: number | null } | undefined): { ascent: number; descent: number } {
  return { ascent: clamp(finite(font?.ascent, TEXT.emAscent), TEXT.ascentMin, TEXT.ascentMax), descent: clamp(Math.abs(finite(font?.descent, -TEXT.emDescent)), 0, TEXT.descentMax) };
}

/** Raised text that is nothing but bracketed markers, one or several, one after another or separated by commas: `[12]`, `12)`, `1)2)`, `1),2)`, `[1][2]`, `(1)(2)`. */
const MARKER_GROUP = /^(?:\[\d{1,4}\]|\(?\d{1,4}\))(?:,?(?:\[\d{1,4}\]|\(?\d{1,4}\)))*$/u;

/**
 * Text of a footnote marker: a number (also in brackets, `[25]`, `(25)`, or with a closing parenthesis, `25)`), a Roman numeral (Word's endnotes `ii`; `II`), or a letter
 * label (`a`, `B`, `aa`), or a note symbol (`*`, `††`: notes labelled so, note-letters.ts).
 */
const MARKER = /^\s*(\d{1,4}|\[\d{1,4}\]|\(?\d{1,4}\)|[ivx]{1,6}|[IVX]{1,6}|([a-zA-Z])\2{0,3}|([*†‡§])\3{0,9})\s*$/;

/**
 * Groups chunks into lines by baseline; small raised chunks join the line below them as
 * superscripts, small chunks lowered a little right after a word of the line above join it as
 * subscripts (plain text).
 */
export function buildLines(chunks: readonly Chunk[]): Line[] {
  const lines = clusterByBaseline(chunks).map((g) => makeLine(g));
  const joined = joinSubscriptLines(joinRaisedLines(lines));
  flagWrappedMarkers(joined);
  flagInlineSuperscripts(joined);
  return joined;
}

/** Chunks → groups of chunks on one baseline (within TEXT.lineBaselineShare of the larger size), top to bottom. */
function clusterByBaseline(chunks: readonly Chunk[]): Chunk[][] {
  const sorted = [...chunks].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: Chunk[][] = [];
  let cur: Chunk[] = [];
  let curBase = Number.NaN;
  let curSize = 0;
  for (const c of sorted) {
    if (cur.length > 0 && Math.abs(c.baseline - curBase) <= TEXT.lineBaselineShare * Math.max(curSize, c.size)) {
      cur.push(c);
      if (c.size > curSize) {
        curSize = c.size;
        curBase = c.baseline;
      }
    } else {
      if (cur.length > 0) groups.push(cur);
      cur = [c];
      curBase = c.baseline;
      curSize = c.size;
    }
  }
  if (cur.length > 0) groups.push(cur);
  return groups;
}

/** Lines top to bottom → the lines left once each line of small raised text (superscript, or footnote marker raised higher) has joined the line below it, flagged `sup`. */
function joinRaisedLines(lines: Line[]): Line[] {
  const merged: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1];
    // A subscript of the line above (joinSubscriptLines) is not a superscript of the line below,
    // even where the lines are set so close that it sits within reach of both.
    const above = merged[merged.length - 1];
    if (above !== undefined && isSubscriptOf(l, above)) {
      merged.push(l);
      continue;
    }
    if (next && (isSuperscriptOf(l, next) || isRaisedMarkerOf(l, next))) {
      for (const c of l.chunks) c.sup = true;
      lines[i + 1] = makeLine([...next.chunks, ...l.chunks], next);
      continue;
    }
    merged.push(l);
  }
  return merged;
}

/** Whether line `l` is small text raised by at most TEXT.supRiseEm right next to text of line `below` (not a separate tiny line). */
function isSuperscriptOf(l: Line, below: Line): boolean {
  const rise = below.baseline - l.baseline;
  if (!(l.size <= TEXT.smallShare * below.size && rise > 0 && rise <= TEXT.supRiseEm * below.size)) return false;
  const spans = new Spans(below.chunks, TEXT.supNeighbourEm * below.size);
  return l.chunks.every((c) => spans.overlaps(c.x0, c.x1));
}

/** Whether line `l` is footnote-marker text raised higher than usual (above TEXT.supRiseEm, up to TEXT.markerRiseEm) over `below`, each piece starting where a word of `below` ends. */
function isRaisedMarkerOf(l: Line, below: Line): boolean {
  const rise = below.baseline - l.baseline;
  if (!(l.size <= TEXT.smallShare * below.size && rise > TEXT.supRiseEm * below.size && rise <= TEXT.markerRiseEm * below.size)) return false;
  const ends = new Ends(below.chunks);
  return l.chunks.every((c) => MARKER.test(c.text) && ends.within(c.x0 - TEXT.markerGlueEm * below.size, c.x0 + TEXT.glueSlack));
}

/** Lines → the same with each subscript line (CO₂: small, lowered a little, each chunk starting where one of the line above ends) joined to the line above as plain text. */
function joinSubscriptLines(lines: readonly Line[]): Line[] {
  const joined: Line[] = [];
  for (const l of lines) {
    const above = joined[joined.length - 1];
    if (above !== undefined && isSubscriptOf(l, above)) joined[joined.length - 1] = makeLine([...above.chunks, ...l.chunks], above);
    else joined.push(l);
  }
  return joined;
}

/** Lines → nothing; flags `sup` a footnote marker wrapped alone onto the next line: small marker text right under a line of its own column (joining puts it after the word before it). */
function flagWrappedMarkers(lines: readonly Line[]): void {
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!;
    const above = lines.slice(Math.max(0, i - TEXT.wrappedMarkerLookback), i).reverse().find((p) => p.x0 <= l.x0 + TEXT.wrappedMarkerSlack && p.x1 >= l.x0);
    if (!above || l.size > TEXT.wrappedMarkerShare * above.size || l.baseline - above.baseline > TEXT.wrappedMarkerDropEm * above.size) continue;
    if (l.chunks.every((c) => MARKER.test(c.text))) for (const c of l.chunks) c.sup = true;
  }
}

/** Lines → nothing; flags `sup` the small chunks of a line raised above its main baseline (by TEXT.inlineSupRiseShare of its size). */
function flagInlineSuperscripts(lines: readonly Line[]): void {
  for (const l of lines) {
    for (const c of l.chunks) {
      if (!c.sup && c.size <= TEXT.smallShare * l.size && l.baseline - c.baseline >= TEXT.inlineSupRiseShare * l.size) c.sup = true;
    }
  }
}

/**
 * Whether line `l` is a subscript of line `above`: smaller, lowered by at most TEXT.subscriptDropShare of
 * the line's size, and each of its chunks starting right where a chunk of `above` ends.
 */
function isSubscriptOf(l: Line, above: Line): boolean {
  const drop = l.baseline - above.baseline;
  if (l.size > TEXT.smallShare * above.size || drop <= 0 || drop > TEXT.subscriptDropShare * above.size) return false;
  const ends = new Ends(above.chunks);
  return l.chunks.every((c) => ends.within(c.x0 - TEXT.subscriptGlueEm * above.size, c.x0 + TEXT.glueSlack));
}

/** The right ends (x1) of a line's chunks, sorted: whether one lies in [lo, hi], in log time. */
class Ends {
  private readonly xs: number[];
  constructor(chunks: readonly Box[]) {
    this.xs = chunks.map((c) => c.x1).sort((a, b) => a - b);
  }

  within(lo: number, hi: number): boolean {
    const i = lowerBound(this.xs, lo);
    return i < this.xs.length && this.xs[i]! <= hi;
  }
}

/**
 * The x ranges of a line's chunks, each widened by `margin` on both sides, sorted by start with
 * the running maximum of their ends: whether one overlaps [lo, hi], in log time.
 */
class Spans {
  private readonly starts: number[];
  private readonly maxEnd: number[];
  constructor(chunks: readonly Box[], margin: number) {
    const sorted = chunks.map((c) => [c.x0 - margin, c.x1 + margin] as const).sort((a, b) => a[0] - b[0]);
    this.starts = sorted.map((r) => r[0]);
    let max = -Infinity;
    this.maxEnd = sorted.map((r) => (max = Math.max(max, r[1])));
  }

  overlaps(lo: number, hi: number): boolean {
    // The ranges starting at or before `hi`; one of them must end at or after `lo`.
    const n = upperBound(this.starts, hi);
    return n > 0 && this.maxEnd[n - 1]! >= lo;
  }
}

/** First index whose value is ≥ v (xs sorted ascending). */
function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of values ≤ v (xs sorted ascending). */
function upperBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function makeLine(chunks: Chunk[], main?: Line): Line {
  chunks.sort((a, b) => a.x0 - b.x0);
  let baseline: number;
  let size: number;
  if (main) {
    baseline = main.baseline;
    size = main.size;
  } else {
    // Main text: the size carrying the most characters.
    const bySize = new Map<number, number>();
    for (const c of chunks) {
      const k = Math.round(c.size * 10) / 10;
      bySize.set(k, (bySize.get(k) ?? 0) + c.text.length);
    }
    size = [...bySize.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
    const mains = chunks.filter((c) => Math.abs(c.size - size) < TEXT.mainSizeTolerance);
    baseline = Math.max(...(mains.length > 0 ? mains : chunks).map((c) => c.baseline));
  }
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const c of chunks) {
    x0 = Math.min(x0, c.x0);
    y0 = Math.min(y0, c.y0);
    x1 = Math.max(x1, c.x1);
    y1 = Math.max(y1, c.y1);
  }
  return { chunks, baseline, size, x0, y0, x1, y1 };
}

/**
 * Text of chunks on one line, left to right: a space where the gap is wider than a thin space,
 * superscripts as Unicode superscript characters.
 */
export function joinChunks(chunks: readonly Chunk[]): string {
  let out = '';
  let prev: Chunk | null = null;
  for (const c of chunks) {
    // Raised digits are footnote markers: the page model writes them as Unicode superscripts.
    const text = c.sup ? supText(c.text) : c.text;
    if (prev !== null) {
      const gap = c.x0 - prev.x1;
      const ref = Math.max(Math.min(prev.sup ? prev.size / TEXT.supSizeShare : prev.size, c.sup ? c.size / TEXT.supSizeShare : c.size), 1);
      if (gap > TEXT.spaceGapShare * ref) out += ' ';
    }
    out += text;
    prev = c;
  }
  return out;
}

/**
 * A raised chunk as the page model writes it: digits as Unicode superscript digits (a footnote
 * marker), brackets around them left out (`[12]` and `12)` raised are marker 12); a lower-case Roman numeral up to 39 the same way (`ⁱⁱ` endnote markers, Word's default
 * endnote numbering), as its number.
 */
function supText(text: string): string {
  const t = text.replace(/\s+/g, '');
  // A raised marker in brackets (`[12]`, `(12)`) or with a closing parenthesis (`12)`, ReportLab
  // and German-style notes) is the marker: the brackets are how it is printed. Several raised
  // together (`1)2)`, `1),2)`, `[1][2]`, adversarial review 5's m1, m7, m6) are each a marker, a
  // space between them, so that neither the brackets nor the comma stay in the text and `¹²` is
  // not read as 12.
  if (MARKER_GROUP.test(t)) return [...t.matchAll(/\d{1,4}/gu)].map((m) => toSuperscript(Number(m[0]))).join(' ');
  const roman = lowerRomanValue(t);
  if (roman !== null) return toSuperscript(roman);
  return t.replace(/\d+/g, (d) => toSuperscript(Number(d)));
}

function markOf(marks: readonly { id: string | null; artifact: boolean }[]): { contentId?: string; artifact?: boolean } {
  const m = marks[marks.length - 1];
  if (m === undefined) return {};
  return { ...(m.id !== null ? { contentId: m.id } : {}), ...(m.artifact ? { artifact: true } : {}) };
}

function finite(v: number | null | undefined, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
