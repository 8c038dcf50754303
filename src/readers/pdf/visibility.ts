/**
 * Only what a reader sees is data: text chunks are checked against how their text was painted
 * (graphics.ts) and invisible text is taken out of them.
 *
 * Invisible is: a render mode that paints nothing (3, 7), no paint (alpha ≈ 0), optional content
 * that is off, clipped away, too small or squeezed to nothing (these the operator walk already
 * knows, `hiddenRuns`); and here: painted in the colour of what lies under it (the rectangle
 * fills drawn before it that hold it, composited over the white page with their alpha and blend
 * mode), or covered by an opaque rectangle fill drawn after it. A chunk may hold visible and invisible runs together
 * (a hidden word inside a cell). A glyph chunk knows which run drew which characters (its spans),
 * so a hidden run's characters are cut out exactly; a chunk from pdfjs's text items (vertical or
 * right-to-left pages) has the hidden run's text cut out where its position says it is. Every
 * hidden run is returned, so the reader reports it (NAP017).
 *
 * Cost: fills are indexed in a grid of GRID_CELL-point cells; each run looks at the fills of the
 * cell holding its centre, at most MAX_CANDIDATES of them, and the grid holds at most FILL_BUDGET
 * entries, so the work is linear in runs + fills (a run beyond either bound is counted in
 * `unchecked`, and reported).
 */
import { SAME_COLOR_DISTANCE, colorDistance } from '../../model/color.js';
import { type Shade, Symbols, WHITE, applyPaint, maskValue, paintCovers, sameShade } from './composite.js';
import type { Box } from './geometry.js';
import type { HiddenReason, HiddenRun, PageGraphics, Paint, TextRun } from './page-graphics.js';
import { BLEND_NORMAL } from './pdfjs-contract.js';
import { DRAWING, ICONS, NUMERIC, VISIBILITY } from './settings.js';
import type { Chunk, RunSpan } from './text.js';

const GRID_CELL = 48;
const MAX_CANDIDATES = 256;
/** Most grid entries one page's fills (or chunks) may take (an item is listed once per cell its box overlaps). */
const FILL_BUDGET = 2_000_000;

/** Text taken out of the page because a reader cannot see it. */
export interface HiddenText {
  text: string;
  reason: HiddenReason;
  box: Box;
}

/** The page's chunks with invisible text removed, what was removed, and runs that could not be checked. */
export interface VisibleText {
  chunks: Chunk[];
  hidden: HiddenText[];
  /**
   * Chunks left out whole because a hidden run inside them could not be located in their text:
   * their visible text is lost too, so the reader reports it as an error.
   */
  inseparable: { text: string; box: Box }[];
  /** Runs not checked against fills: their place held more fills than MAX_CANDIDATES, or the page more than FILL_BUDGET. */
  unchecked: number;
  /** The numbers (TextRun.run) of the hidden runs, where the walker numbered them. */
  hiddenRunIds: ReadonlySet<number>;
}

/**
 * Removes invisible text from one page's chunks (page points, top-left origin). Pure: the input
 * chunks are not changed; chunks that lose text are copies.
 */
export function removeHiddenText(chunks: readonly Chunk[], graphics: PageGraphics): VisibleText {
  const { hiddenRuns, unchecked } = findHiddenRuns(graphics);
  const hiddenIds = new Set<number>();
  for (const run of hiddenRuns) if (run.run !== undefined) hiddenIds.add(run.run);
  if (hiddenRuns.length === 0) return { chunks: [...chunks], hidden: [], inseparable: [], unchecked, hiddenRunIds: hiddenIds };
  const hidden: HiddenText[] = hiddenRuns.map((run) => ({ text: run.text.replace(/\s+/g, ' ').trim(), reason: run.reason, box: run.box }));
  // Glyph chunks say which run drew which characters: their hidden runs are cut out exactly.
  const spanned = new Set<number>();
  for (const c of chunks) for (const s of c.spans ?? []) spanned.add(s.run);
  // The other chunks (pdfjs text items) are matched with the remaining hidden runs by text and
  // position; on a page too large to index, those runs count as unchecked and nothing is cut.
  const unmatched = hiddenRuns.filter((run) => run.run === undefined || !spanned.has(run.run));
  const matched = matchHiddenRuns(chunks, unmatched);
  const out: Chunk[] = [];
  const inseparable: VisibleText['inseparable'] = [];
  chunks.forEach((c, i) => {
    if (c.spans !== undefined) {
      out.push(...cutSpans(c, hiddenIds));
      return;
    }
    if (matched === null) {
      out.push(c);
      return;
    }
    if (matched.dropped.has(i)) return;
    const runs = matched.cuts.get(i);
    if (runs === undefined) {
      out.push(c);
      return;
    }
    const rest = cutRuns(c, runs);
    if (rest === 'inseparable') inseparable.push({ text: c.text, box: c });
    else if (rest !== null) out.push(rest);
  });
  if (matched === null) {
    const unmatchedSet = new Set(unmatched);
    const cut = hidden.filter((_, k) => !unmatchedSet.has(hiddenRuns[k]!));
    return { chunks: out, hidden: cut, inseparable, unchecked: unchecked + unmatched.length, hiddenRunIds: hiddenIds };
  }
  return { chunks: out, hidden, inseparable, unchecked, hiddenRunIds: hiddenIds };
}

/**
 * Matches hidden runs with the chunks (pdfjs text items) that hold them, by text and position:
 * each run takes the chunks that are wholly part of it (pdfjs may split a run into several items,
 * e.g. one per glyph when it is squeezed to no width), or else is to be cut out of the chunk that
 * holds it with other text. Chunks with spans are not matched. Null when the page is too large to
 * index.
 */
function matchHiddenRuns(chunks: readonly Chunk[], hiddenRuns: readonly HiddenRun[]): { cuts: Map<number, HiddenRun[]>; dropped: Set<number> } | null {
  const cuts = new Map<number, HiddenRun[]>();
  const dropped = new Set<number>();
  if (hiddenRuns.length === 0) return { cuts, dropped };
  const index = new Grid<number>();
  let indexed = true;
  chunks.forEach((c, i) => {
    if (indexed && c.spans === undefined) indexed = index.add(c, i);
  });
  if (!indexed) return null;
  for (const run of hiddenRuns) {
    const runText = squeeze(run.text);
    const near = index.near(run.box).filter((i) => overlapArea(chunks[i]!, run.box) > 0);
    // The walker's glyph box and pdfjs's item box differ by the font's ascent and descent.
    const around = grow(run.box, Math.max(VISIBILITY.itemMatchSlack, VISIBILITY.itemMatchShare * (run.box.y1 - run.box.y0)));
    // A part takes its text out of the run's, so a run takes no more chunks than its own text
    // (a visible copy of the same text at the same place stays data).
    let rest = runText;
    let took = false;
    for (const i of near) {
      const t = squeeze(chunks[i]!.text);
      if (dropped.has(i) || t === '' || !holds(around, chunks[i]!, 0)) continue;
      const at = rest.indexOf(t);
      if (at < 0) continue;
      rest = rest.slice(0, at) + rest.slice(at + t.length);
      dropped.add(i);
      took = true;
    }
    if (took) continue;
    let best = -1;
    let bestOverlap = 0;
    for (const i of near) {
      const ov = overlapArea(chunks[i]!, run.box);
      if (ov > bestOverlap && chunks[i]!.text.includes(runText.slice(0, 1))) {
        best = i;
        bestOverlap = ov;
      }
    }
    if (best < 0) continue; // pdfjs made no item of it (e.g. a run of spaces); nothing to take out
    const list = cuts.get(best) ?? [];
    list.push(run);
    cuts.set(best, list);
  }
  return { cuts, dropped };
}

/**
 * A glyph chunk without the characters its hidden runs drew: the visible stretches between them
 * become chunks of their own, each boxed by its glyphs (a gap is left where hidden text was).
 */
function cutSpans(chunk: Chunk, hiddenIds: ReadonlySet<number>): Chunk[] {
  const spans = chunk.spans ?? [];
  if (!spans.some((s) => hiddenIds.has(s.run))) return [chunk];
  const out: Chunk[] = [];
  let kept: RunSpan[] = [];
  const emit = (): void => {
    const first = kept[0];
    const last = kept[kept.length - 1];
    if (first !== undefined && last !== undefined) {
      const text = chunk.text.slice(first.start, last.end).replace(/\s+/g, ' ').trim();
      // Boxed like a chunk: from the first glyph's start to the last glyph's end, ascent above and
      // descent below the baseline where the piece starts (the baseline may be turned).
      const ascent = chunk.baseline - chunk.y0;
      const descent = chunk.y1 - chunk.baseline;
      if (text !== '') {
        out.push({ ...chunk, text, x0: Math.min(first.x0, last.x1), x1: Math.max(first.x0, last.x1), y0: first.y0 - ascent, y1: first.y0 + descent, baseline: first.y0, spans: kept });
      }
    }
    kept = [];
  };
  for (const s of spans) {
    if (hiddenIds.has(s.run)) emit();
    else kept.push(s);
  }
  emit();
  return out;
}

/** The walker's hidden runs plus the visible-looking runs that the page's paints hide (visibility by compositing, composite.ts). */
function findHiddenRuns(graphics: PageGraphics): { hiddenRuns: HiddenRun[]; unchecked: number } {
  const hiddenRuns = [...graphics.hiddenRuns];
  const paints = paintIndex(graphics);
  let unchecked = 0;
  const symbols = new Symbols();
  for (const run of graphics.runs) {
    if (run.text.trim() === '') continue;
    const verdict = paints === null ? 'unchecked' : judgeRun(run, paints, symbols);
    if (verdict === 'unchecked') unchecked++;
    else if (verdict !== null) hiddenRuns.push({ box: run.box, text: run.text, reason: verdict, ...(run.run !== undefined ? { run: run.run } : {}) });
  }
  return { hiddenRuns, unchecked };
}

/** Every paint of a page indexed by where it paints, in drawing order; null when the page has more than FILL_BUDGET grid entries. */
function paintIndex(graphics: PageGraphics): Grid<Paint> | null {
  const items = [...graphics.paints].sort((a, b) => a.order - b.order);
  const grid = new Grid<Paint>();
  for (const p of items) {
    const b = p.clip === null ? p.region.box : intersect(p.region.box, p.clip);
    if (b === null) continue;
    if (!grid.add(b, p)) return null;
  }
  return grid;
}

function intersect(a: Box, b: Box): Box | null {
  const x0 = Math.max(a.x0, b.x0);
  const y0 = Math.max(a.y0, b.y0);
  const x1 = Math.min(a.x1, b.x1);
  const y1 = Math.min(a.y1, b.y1);
  return x1 >= x0 && y1 >= y0 ? { x0, y0, x1, y1 } : null;
}

/** What a point shows of a run: visible, hidden (and why), or undecided (colours not known). */
type PointVerdict = 'visible' | 'undecided' | HiddenReason;

/**
 * Which of a point's candidate paints cover it (1) or not (0), by index, for the point judged
 * now and the one before it (MAX_CANDIDATES each; judgeRun swaps them).
 */
let coverNow = new Uint8Array(MAX_CANDIDATES);
let coverBefore = new Uint8Array(MAX_CANDIDATES);

/**
 * Judges a run by its sample points (walk/text.ts): at each, the paints there are composited
 * with and without the run; the run is hidden when less than VISIBILITY.minVisibleFraction of its points
 * show it (why: the reason most of its hidden points give). A run whose points are undecided
 * stays data. A point's verdict depends only on the run, the paints listed where it lies, which
 * of them cover it and, where a soft mask is involved, the mask's value there; so a point with
 * the same paints and the same coverage as the point before, and no soft mask, takes that
 * point's verdict (most points of a run lie in one grid cell under the same paints).
 */
function judgeRun(run: TextRun, paints: Grid<Paint>, symbols: Symbols): HiddenReason | 'unchecked' | null {
  const pts = run.points;
  if (pts === undefined || pts.length === 0) return null;
  const reasons = new Map<HiddenReason, number>();
  const runMasked = Boolean(run.mask);
  let shown = 0;
  let total = 0;
  let before: readonly Paint[] | null = null;
  let verdict: PointVerdict = 'visible';
  for (let k = 0; k < pts.length; k += 2) {
    const x = pts[k]!;
    const y = pts[k + 1]!;
    const candidates = paints.at(x, y);
    if (candidates.length > MAX_CANDIDATES) return 'unchecked';
    const covers = coverBefore;
    coverBefore = coverNow;
    coverNow = covers;
    let same = candidates === before;
    let masked = runMasked;
    for (let i = 0; i < candidates.length; i++) {
      const p = candidates[i]!;
      const c = paintCovers(p, x, y) ? 1 : 0;
      if (c === 1 && p.mask) masked = true;
      if (c !== coverBefore[i]) same = false;
      covers[i] = c;
    }
    if (!same) verdict = judgePoint(run, candidates, covers, x, y, symbols);
    // A verdict that read a soft mask holds for its own point only.
    before = masked ? null : candidates;
    total++;
    if (verdict === 'visible' || verdict === 'undecided') shown++;
    else reasons.set(verdict, (reasons.get(verdict) ?? 0) + 1);
  }
  if (shown >= VISIBILITY.minVisibleFraction * total) return null;
  return [...reasons].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * One point of a run: the paints under it and over it (`covers[i]`: whether candidate i covers
 * the point, paintCovers), composited without and with the run's paint.
 */
function judgePoint(run: TextRun, candidates: readonly Paint[], covers: Uint8Array, x: number, y: number, symbols: Symbols): PointVerdict {
  let without: Shade = WHITE;
  let withText: Shade[] | null = null;
  let reason: HiddenReason | null = null;
  const textOver = (under: Shade): Shade[] => {
    const maskAt = run.mask ? maskValue(run.mask, x, y) : 1;
    const colors = run.strokeColor !== undefined ? [run.color, run.strokeColor] : [run.color];
    const drawn = colors.map((c) => applyPaint(under, c === 'pattern' ? null : c, run.alpha ?? 1, run.blend ?? BLEND_NORMAL, maskAt, `t${run.order}`, symbols));
    // Drawing the run changed nothing where it was drawn: why.
    if (drawn.every((w) => sameShade(w, under) === true)) {
      reason = run.blend !== undefined && run.blend !== BLEND_NORMAL ? 'blend-mode' : maskAt !== null && maskAt < 1 - DRAWING.opaqueAlpha ? 'soft-mask' : 'background-colour';
    }
    return drawn;
  };
  for (let i = 0; i < candidates.length; i++) {
    const p = candidates[i]!;
    if (withText === null && p.order > run.order) withText = textOver(without);
    if (covers[i] !== 1) continue;
    const opaque = p.image === undefined || p.image.opaque === true;
    const maskAt = !opaque ? null : p.mask ? maskValue(p.mask, x, y) : 1;
    const key = `p${p.order}`;
    without = applyPaint(without, p.color, p.alpha, p.blend, maskAt, key, symbols);
    if (withText !== null) withText = withText.map((w) => applyPaint(w, p.color, p.alpha, p.blend, maskAt, key, symbols));
  }
  const drawn = withText ?? textOver(without);
  const same = drawn.map((w) => sameShade(w, without));
  if (same.some((s) => s === false)) return 'visible';
  if (same.some((s) => s === null)) return 'undecided';
  return reason ?? 'covered';
}

/**
 * Removes status-icon candidates (paths, symbol glyphs, images) that opaque paints drawn after
 * them cover wholly (a rectangle, any path, a thick stroke, an opaque image or stencil mask, a
 * shading, an annotation's appearance); returns how many.
 */
export function removeCoveredMarks(graphics: PageGraphics): number {
  const paints = paintIndex(graphics);
  if (paints === null) return 0;
  // A cover in the mark's own colour changes nothing a reader sees (Word draws some fills twice).
  const coveredAt = (x: number, y: number, order: number, color: string | undefined): boolean => {
    const candidates = paints.at(x, y);
    if (candidates.length > MAX_CANDIDATES) return false;
    return candidates.some(
      (p) =>
        p.order > order &&
        p.alpha >= DRAWING.opaqueAlpha &&
        p.blend === BLEND_NORMAL &&
        p.mask === null &&
        (p.image === undefined || p.image.opaque === true) &&
        paintCovers(p, x, y) &&
        !(color !== undefined && p.color !== null && colorDistance(color, p.color) <= SAME_COLOR_DISTANCE),
    );
  };
  const covered = (box: Box, order: number | undefined, color: string | undefined): boolean => {
    if (order === undefined) return false;
    const inset = (a: number, b: number, t: number): number => a + (b - a) * t;
    return VISIBILITY.coverProbes.every(([tx, ty]) => coveredAt(inset(box.x0, box.x1, tx), inset(box.y0, box.y1, ty), order, color));
  };
  const small = (b: Box): boolean => b.x1 - b.x0 <= ICONS.maxSide && b.y1 - b.y0 <= ICONS.maxSide;
  const before = graphics.shapes.length + graphics.glyphs.length + graphics.images.length;
  graphics.shapes = graphics.shapes.filter((s) => !(s.mode === 'fill' && small(s.box) && covered(s.box, s.order, s.color)));
  graphics.glyphs = graphics.glyphs.filter((g) => !covered(g.box, g.order, g.color));
  graphics.images = graphics.images.filter((im) => !(small(im.box) && covered(im.box, im.order, im.maskColor)));
  return before - (graphics.shapes.length + graphics.glyphs.length + graphics.images.length);
}

/**
 * Cuts hidden runs out of a chunk. Each run's text is looked for in the chunk's text near where
 * its x-position says it starts; the chunk is dropped when nothing visible is left. A run whose
 * text cannot be found there takes the whole chunk (its text is reported as hidden; a reader
 * cannot tell which part was visible, and nothing hidden may pass as data).
 */
function cutRuns(chunk: Chunk, runs: readonly HiddenRun[]): Chunk | null | 'inseparable' {
  let text = chunk.text;
  let x0 = chunk.x0;
  let x1 = chunk.x1;
  const width = Math.max(chunk.x1 - chunk.x0, NUMERIC.minWidth);
  // Right to left, so earlier cut positions stay valid.
  const sorted = [...runs].sort((a, b) => b.box.x0 - a.box.x0);
  for (const run of sorted) {
    const needle = run.text.replace(/\s+/g, ' ').trim();
    if (needle === '') continue;
    const expected = Math.round(((run.box.x0 - chunk.x0) / width) * chunk.text.length);
    const at = nearestOccurrence(text, needle, expected);
    if (at < 0) return 'inseparable';
    text = `${text.slice(0, at)} ${text.slice(at + needle.length)}`;
    if (run.box.x0 <= x0 + VISIBILITY.cutEdgeSlack) x0 = Math.min(Math.max(x0, run.box.x1), x1);
    if (run.box.x1 >= x1 - VISIBILITY.cutEdgeSlack) x1 = Math.max(Math.min(x1, run.box.x0), x0);
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return { ...chunk, text, x0, x1 };
}

/** Start of the occurrence of `needle` in `text` nearest to `expected`; -1 if none. */
function nearestOccurrence(text: string, needle: string, expected: number): number {
  let best = -1;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (best < 0 || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
  }
  return best;
}

function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}

function holds(outer: Box, inner: Box, slack: number): boolean {
  return outer.x0 <= inner.x0 + slack && outer.x1 >= inner.x1 - slack && outer.y0 <= inner.y0 + slack && outer.y1 >= inner.y1 - slack;
}

function grow(b: Box, by: number): Box {
  return { x0: b.x0 - by, y0: b.y0 - by, x1: b.x1 + by, y1: b.y1 + by };
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : w >= 0 && h >= 0 ? NUMERIC.touchingArea : 0;
}

/**
 * A uniform grid over page points: an item is listed in every cell its box overlaps, and found
 * by a point. Items are returned in the order they were added. Boxes far off the page are
 * clamped to a bounded grid, so a huge box costs at most MAX_SPAN² cells.
 */
class Grid<T> {
  private readonly cells = new Map<number, T[]>();
  private entries = 0;
  private static readonly EMPTY: never[] = [];

  /** Lists the item in every cell its box overlaps; false (nothing added) once FILL_BUDGET entries are used. */
  add(box: Box, item: T): boolean {
    const [i0, i1] = span(box.x0, box.x1);
    const [j0, j1] = span(box.y0, box.y1);
    this.entries += (i1 - i0 + 1) * (j1 - j0 + 1);
    if (this.entries > FILL_BUDGET) return false;
    for (let i = i0; i <= i1; i++) {
      for (let j = j0; j <= j1; j++) {
        const k = i * 4096 + j;
        const list = this.cells.get(k);
        if (list === undefined) this.cells.set(k, [item]);
        else list.push(item);
      }
    }
    return true;
  }

  /**
   * The items listed in the cells a box overlaps, each once, in the order they were added (for a
   * box over more than MAX_NEAR_CELLS cells, those of its centre's cell).
   */
  near(box: Box): T[] {
    const [i0, i1] = span(box.x0, box.x1);
    const [j0, j1] = span(box.y0, box.y1);
    if ((i1 - i0 + 1) * (j1 - j0 + 1) > MAX_NEAR_CELLS) return [...this.at((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)];
    const seen = new Set<T>();
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) for (const item of this.cells.get(i * 4096 + j) ?? []) seen.add(item);
    return [...seen];
  }

  /** The items listed in the cell that holds the point (span's cell of a point, without its pair). */
  at(x: number, y: number): readonly T[] {
    return this.cells.get(clampCell(Math.floor(x / GRID_CELL)) * 4096 + clampCell(Math.floor(y / GRID_CELL))) ?? Grid.EMPTY;
  }
}

/** Most grid cells a hidden run's box is looked up in. */
const MAX_NEAR_CELLS = 16;

/** Grid cells 0 … MAX_SPAN-1 along one axis (a page of up to 48 × 64 = 3072 points). */
const MAX_SPAN = 64;

function span(lo: number, hi: number): [number, number] {
  const a = clampCell(Math.floor(lo / GRID_CELL));
  const b = clampCell(Math.floor(hi / GRID_CELL));
  return [Math.min(a, b), Math.max(a, b)];
}

function clampCell(i: number): number {
  return Number.isFinite(i) ? Math.min(MAX_SPAN - 1, Math.max(0, i)) : 0;
}
