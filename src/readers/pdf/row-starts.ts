/**
 * Where the body rows of a table segment start: each body line is voted on by the signals a page
 * gives, and the votes are kept so that a picture of the page (inspect) and a diagnostic can show
 * them. The page-break rule (a row broken by a page end) is assembly's; this file decides rows
 * within one page.
 *
 * Signals, for body line i after line i-1:
 * - `ruling`: a horizontal ruling crossing the Activiteit column lies between the two lines.
 * - `partRuling`: a horizontal ruling that runs across part of the table (over at least one
 *   column bound, not far enough to be a `ruling`) lies between the two lines: a row border with
 *   a piece missing (one cell's segment of a border drawn cell by cell).
 * - `vocabulary`: line i reads `Actielijn N` (in the Activiteit or a merged Actielijn column), or
 *   line i-1 does in the Activiteit column (the goal row follows the band).
 * - `gap`: line i's Activiteit text starts more than LAYOUT.rowGapPitch line pitches below the
 *   Activiteit text above it.
 * - `aligned`: a cell that is printed top-aligned and never holds a paragraph break (Wanneer, Wie,
 *   a Status in words) starts a new block on line i, beside text in the Activiteit column: the
 *   first lines of a row's cells are printed side by side.
 * - `cue`: a status mark in the Status column sits on line i, beside text in the Activiteit column;
 *   only where the segment's marks are printed at the top of their cells (on at least
 *   LAYOUT.cueTopShare of the lines that carry one, another signal starts a row too).
 * - `tag`: the structure tree puts the two lines in different table rows (TR), or in the same one.
 *
 * How they vote: in a table ruled between its rows (a ruling lies between some two body lines),
 * the rulings decide what is seen (a part of a ruling where the Activiteit or a top-aligned
 * column starts a new block, too); otherwise any of vocabulary, gap, aligned and cue starts a
 * row. The tags decide where what is seen says nothing (an unruled table whose lines are evenly
 * spaced); where the tags and what is seen disagree, what is seen wins and the disagreement is
 * returned with the box of both lines (NAP120), never a silent merge.
 */
import type { BBox } from '../../model/page-model.js';
import { actionLineNumberOf } from '../../model/vocabulary.js';
import { type Box, toBBox, union } from './geometry.js';
import type { Columns } from './layout-header.js';
import { type Icon, withoutBackgrounds } from './layout-icons.js';
import { LAYOUT } from './settings.js';
import type { PageStructure, TaggedRow } from './structure.js';
import { type Chunk, type Line, joinChunks } from './text.js';

/** The part of one line that falls in one column. */
export interface Fragment {
  col: number;
  chunks: Chunk[];
  baseline: number;
  size: number;
  box: Box;
}

/** The signals for one body line (see the file's comment) and the decision. */
export interface RowStartVote {
  ruling: boolean;
  /** Where the ruling between this line and the one above lies (y, PDF points), when there is one (or the part of one, when that started the row). */
  rulingY?: number;
  partRuling: boolean;
  vocabulary: boolean;
  gap: boolean;
  aligned: boolean;
  cue: boolean;
  /** What the tags say: a new TR, the same TR, or nothing (untagged text). */
  tag: 'new' | 'same' | null;
  /** The line starts a row. */
  start: boolean;
}

/** What rowStarts reads besides the lines: columns, rulings crossing the table (and the segment's other horizontal rulings), marks, tags, pitch. */
export interface RowStartContext {
  cols: Columns;
  rulings: readonly { box: Box }[];
  /** The segment's horizontal rulings that do not cross the table (`partRuling` reads those that cross a column bound). */
  partRulings?: readonly { box: Box }[];
  icons: readonly Icon[];
  structure: PageStructure | null;
  pitch: number;
  /** Earlier pages showed the table's cells centred in their rows (RowStarts.centred), for a segment too short to show it. */
  centredBefore?: boolean;
}

/** A place where the tags and what the page shows disagree about a row boundary. */
export interface RowDisagreement {
  bbox: BBox;
  tagRows: number;
  geometryRows: number;
}

/** The votes for each body line, the TR of each line (null when untagged), and the disagreements. */
export interface RowStarts {
  votes: RowStartVote[];
  tagged: (TaggedRow | null)[];
  disagreements: RowDisagreement[];
  /** The cells are centred in their rows: shown by this segment, else carried from `centredBefore`. */
  centred: boolean;
  /**
   * Row starts the page cannot confirm (NAP124): in an unruled segment whose cells are centred, a
   * row started at its title while the Toelichting ran on from the line above without a gap; the
   * box of both lines.
   */
  uncertain: BBox[];
}

/** Columns whose cells are top-aligned single blocks: a new block there starts a row. */
const ALIGNED_KEYS = new Set(['planning', 'owners', 'status']);

/**
 * Votes on every body line of a segment (`lines` top to bottom, `perLine` their fragments).
 * Linear in the fragments plus n log n in the rulings and marks.
 */
export function rowStarts(lines: readonly Line[], perLine: readonly Fragment[][], ctx: RowStartContext): RowStarts {
  const { cols } = ctx;
  const titleCol = Math.max(0, cols.keys.indexOf('title'));
  const actionLineCol = cols.keys.indexOf('actionLine');
  const alignedCols = cols.keys.flatMap((k, i) => (k !== null && ALIGNED_KEYS.has(k) ? [i] : []));
  const sLeft = cols.bounds[cols.statusIndex] ?? -Infinity;
  const sRight = cols.bounds[cols.statusIndex + 1] ?? Infinity;
  // The marks of the Status column, its cells' backgrounds left out (withoutBackgrounds).
  const cueYs = withoutBackgrounds(ctx.icons.filter((ic) => centreX(ic.box) >= sLeft && centreX(ic.box) < sRight)).map((ic) => centreY(ic.box)).sort((a, b) => a - b);
  const tagOf = (frags: readonly Fragment[]): TaggedRow | null => {
    if (ctx.structure === null) return null;
    for (const f of frags) {
      for (const c of f.chunks) {
        const t = c.contentId !== undefined ? ctx.structure.rowOf.get(c.contentId) : undefined;
        if (t !== undefined) return t;
      }
    }
    return null;
  };
  const tagged = perLine.map(tagOf);
  const rulingBetween = rulingsBetween(lines, ctx);
  const signals = lineSignals(lines, perLine, ctx, rulingBetween, cueYs, titleCol, actionLineCol, alignedCols);
  const hasTitle = perLine.map((fs) => fs.some((f) => f.col === titleCol && textOf(f) !== ''));
  const { ruled, centred } = howRowsAreMarked(signals, hasTitle, ctx.centredBefore === true);
  const votes: RowStartVote[] = [];
  const disagreements: RowDisagreement[] = [];
  const uncertain: BBox[] = [];
  const explanationCol = cols.keys.indexOf('explanation');
  // Whether the row being read has shown Activiteit text yet (since its first line).
  let titleInRow = false;
  signals.forEach((s, i) => {
    if (i === 0) {
      votes.push({ ...s, tag: null, start: true });
      titleInRow = hasTitle[0]!;
      return;
    }
    // In a ruled table the rulings decide, unless a row's first lines are printed side by side
    // beside its status mark where a ruling is missing, or a part of a ruling is drawn where the
    // Activiteit or a top-aligned column starts a new block (one cell's border segment missing).
    // Where the cells are centred in their rows, either needs a row above that already showed its
    // Activiteit text, and the first lines side by side start a row only after a gap in the
    // Activiteit column (a centred multi-line title has the mark beside its middle line).
    const afterTitle = !centred || titleInRow;
    const byPart = ruled && s.partRuling && (s.gap || s.aligned) && afterTitle;
    // Unruled, a row whose cells are centred starts only at a new block of Activiteit text after
    // the row's own (its Wanneer, Wie and mark start halfway down the row, its Toelichting above).
    const seen = ruled
      ? s.ruling || s.vocabulary || (s.aligned && s.cue && afterTitle && (s.gap || !centred)) || byPart
      : s.vocabulary || (centred ? s.gap && titleInRow : s.gap || s.aligned || s.cue);
    const [a, b] = [tagged[i - 1], tagged[i]];
    const tag = a && b ? (a.table === b.table && a.index === b.index ? 'same' : 'new') : null;
    // What is seen decides where it says anything; the tags decide an unruled, evenly spaced table.
    const seenSaysSomething = ruled || seen;
    const start = seenSaysSomething ? seen : tag === 'new';
    if (tag !== null && seenSaysSomething && (tag === 'new') !== seen) {
      disagreements.push({
        bbox: toBBox(union(lineBoxOf(lines[i - 1]!), lineBoxOf(lines[i]!))),
        tagRows: tag === 'new' ? 2 : 1,
        geometryRows: seen ? 2 : 1,
      });
    }
    // A row started by the part of a ruling begins at it, as at a whole one.
    const partY = byPart && !(s.ruling || s.vocabulary || (s.aligned && s.cue)) ? rulingBetween(i)?.y : undefined;
    if (start && !ruled && centred && !s.vocabulary && toelichtingRunsOn(perLine, i, explanationCol, lines, ctx.pitch)) {
      uncertain.push(toBBox(union(lineBoxOf(lines[i - 1]!), lineBoxOf(lines[i]!))));
    }
    votes.push({ ...s, ...(partY !== undefined ? { rulingY: partY } : {}), tag, start });
    titleInRow = (titleInRow && !start) || hasTitle[i]!;
  });
  return { votes, tagged, disagreements, centred, uncertain };
}

/**
 * What a segment's signals say about the table as a whole (row-starts.ts votes with it): whether
 * its status marks sit at the top of their cells (else their `cue` votes are withdrawn, in
 * `signals`), whether it is ruled between its rows, and whether its cells are centred in their
 * rows (`hasTitle`: which lines hold Activiteit text; `centredBefore`: earlier pages showed it).
 */
function howRowsAreMarked(signals: Omit<RowStartVote, 'tag' | 'start'>[], hasTitle: readonly boolean[], centredBefore: boolean): { ruled: boolean; centred: boolean } {
  // Status marks printed at the top of their cell mark row starts; marks centred in their cell do
  // not. They are taken as printed at the top when, on most lines that carry one, another signal
  // starts a row too.
  // (The first line starts a row whatever else it shows.)
  const cueLines = signals.filter((s) => s.cue);
  const cuesAtTop = cueLines.length > 0 && cueLines.filter((s) => s === signals[0] || s.ruling || s.vocabulary || s.gap || s.aligned).length >= LAYOUT.cueTopShare * cueLines.length;
  if (!cuesAtTop) for (const s of signals) s.cue = false;
  // Ruled between rows: rulings separate at least half as many lines as there are rows (a table
  // with a rule only between its action lines is not ruled between its rows). The rows are
  // counted by their status marks, one per row, where the marks are row-start signals; else by
  // the lines the other signals start (in a table whose cells are centred in their rows, a row's
  // title and its mark line each give a signal).
  const rulings = signals.filter((s) => s.ruling).length;
  // Marks known to be centred in their rows (earlier pages showed it) count rows as well.
  // Where the marks are not row-start signals (centred in their cells), the rows are still no more
  // than the marks: a table whose centred cells give each row two signals (its title and its mark
  // line) is ruled when rulings separate half its marks (adversarial review 4's H7, WeasyPrint).
  const starts = signals.filter((s) => s.vocabulary || s.gap || s.aligned || s.cue).length;
  const marks = centredBefore ? cueLines.length : signals.filter((s) => s.cue).length;
  const others = marks > 0 ? marks : cueLines.length > 0 ? Math.min(cueLines.length, starts) : starts;
  const ruled = rulings > 0 && rulings >= LAYOUT.ruledShare * others;
  // Cells centred in their ruled rows (LaTeX's m{} columns): the marks do not sit on the first
  // line under a ruling; the title, mark, Wanneer and Wie are printed side by side halfway down
  // the row, below the first lines of its Toelichting.
  // Shown when at least three quarters of the marks (LAYOUT.cueTopShare) sit below their row's
  // top, not centred when as many sit on a row's first line; a segment in between (a mark beside
  // a merged cell whose ruling is missing), or too short to tell, keeps what earlier pages showed.
  const atRuling = cueLines.filter((s) => s === signals[0] || s.ruling || s.vocabulary).length;
  // A mark below its row's top: the row's first line, under a ruling, holds no Activiteit text
  // (the Toelichting starts above the centred title). A table ruled only in part, whose rows
  // start at their titles elsewhere, shows no such mark (adversarial w9-title-unruled).
  let bandTop = 0;
  let below = 0;
  signals.forEach((s, i) => {
    if (s.ruling || s.vocabulary) bandTop = i;
    if (s.cue && i > bandTop && !hasTitle[bandTop]!) below++;
  });
  const shows = ruled && rulings >= LAYOUT.centredMinRows && cueLines.length > 0;
  const centred = shows && below >= LAYOUT.cueTopShare * cueLines.length ? true : shows && atRuling >= LAYOUT.cueTopShare * cueLines.length ? false : centredBefore;
  return { ruled, centred };
}

/**
 * The ruling between line i-1 and line i (its y): a whole one (crossing the table), or else a
 * part of one that runs over an inner column bound (a cell's underline or a footnote separator
 * stays inside one column). n log n in the rulings, then log n per line.
 */
function rulingsBetween(lines: readonly Line[], ctx: RowStartContext): (i: number) => { y: number; part: boolean } | undefined {
  const middles = (rs: readonly { box: Box }[]): number[] => rs.map((r) => (r.box.y0 + r.box.y1) / 2).sort((a, b) => a - b);
  const inner = ctx.cols.bounds.slice(1);
  const slack = LAYOUT.edgeSlack;
  const ruleYs = middles(ctx.rulings);
  const partYs = middles((ctx.partRulings ?? []).filter((r) => inner.some((x) => r.box.x0 < x - slack && r.box.x1 > x + slack)));
  /** The y of a ruling (of `ys`, sorted) between line i-1 and line i, or undefined. */
  const between = (ys: readonly number[], i: number): number | undefined => {
    const from = lines[i - 1]!.baseline;
    const to = lines[i]!.y0 + LAYOUT.rulingAboveLineEm * lines[i]!.size;
    const k = lowerBound(ys, from);
    return k < ys.length && ys[k]! > from && ys[k]! < to ? ys[k] : undefined;
  };
  return (i) => {
    const y = between(ruleYs, i);
    if (y !== undefined) return { y, part: false };
    const p = between(partYs, i);
    return p === undefined ? undefined : { y: p, part: true };
  };
}

/** The signals of what is seen, for each body line (the first line's are all false but `vocabulary` and `cue`). */
function lineSignals(
  lines: readonly Line[],
  perLine: readonly Fragment[][],
  ctx: RowStartContext,
  rulingBetween: (i: number) => { y: number; part: boolean } | undefined,
  cueYs: readonly number[],
  titleCol: number,
  actionLineCol: number,
  alignedCols: readonly number[],
): Omit<RowStartVote, 'tag' | 'start'>[] {
  const { pitch } = ctx;
  const fragIn = (i: number, col: number): Fragment | undefined => perLine[i]?.find((f) => f.col === col);
  const out: Omit<RowStartVote, 'tag' | 'start'>[] = [];
  // The baseline of each column's last text, and the last Activiteit text: a column's own flow,
  // which lines of other columns set at other baselines do not interrupt.
  const lastBaseline = new Map<number, number>();
  let lastTitle: Fragment | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const title = fragIn(i, titleCol);
    const band = actionLineNumberOf(textOf(title)) !== null || (actionLineCol >= 0 && actionLineNumberOf(textOf(fragIn(i, actionLineCol))) !== null);
    const newBlock = (c: number): boolean => {
      const f = fragIn(i, c);
      if (f === undefined || textOf(f) === '') return false;
      const before = lastBaseline.get(c);
      return before === undefined || line.baseline - before > LAYOUT.rowGapPitch * pitch;
    };
    const hasTitle = title !== undefined;
    const cue = hasTitle && hasValueWithin(cueYs, line.y0 - LAYOUT.cueLineMarginEm * line.size, line.y1 + LAYOUT.cueLineMarginEm * line.size);
    if (i === 0) out.push({ ruling: false, partRuling: false, vocabulary: band, gap: false, aligned: false, cue });
    else {
      const afterBand = lastTitle !== undefined && actionLineNumberOf(textOf(lastTitle)) !== null;
      const rule = rulingBetween(i);
      out.push({
        ruling: rule !== undefined && !rule.part,
        partRuling: rule?.part === true,
        ...(rule !== undefined && !rule.part ? { rulingY: rule.y } : {}),
        vocabulary: band || afterBand,
        gap: hasTitle && newBlock(titleCol),
        aligned: hasTitle && alignedCols.some(newBlock),
        cue,
      });
    }
    for (const f of perLine[i]!) lastBaseline.set(f.col, line.baseline);
    if (title !== undefined) lastTitle = title;
  }
  return out;
}

/**
 * Whether the Toelichting column has text on line i and on the line before it, a line's pitch
 * apart (LAYOUT.rowGapPitch): its text runs on across a row start.
 */
function toelichtingRunsOn(perLine: readonly Fragment[][], i: number, col: number, lines: readonly Line[], pitch: number): boolean {
  if (col < 0) return false;
  const at = (k: number): boolean => perLine[k]?.some((f) => f.col === col && textOf(f) !== '') === true;
  if (!at(i)) return false;
  for (let k = i - 1; k >= 0; k--) {
    if (lines[i]!.baseline - lines[k]!.baseline > LAYOUT.rowGapPitch * pitch) return false;
    if (at(k)) return true;
  }
  return false;
}

function textOf(f: Fragment | undefined): string {
  return f === undefined ? '' : joinChunks(f.chunks).trim();
}

function lineBoxOf(l: Line): Box {
  return { x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1 };
}

function centreX(b: Box): number {
  return (b.x0 + b.x1) / 2;
}

function centreY(b: Box): number {
  return (b.y0 + b.y1) / 2;
}

/** Whether sorted `xs` holds a value in [lo, hi]. */
function hasValueWithin(xs: readonly number[], lo: number, hi: number): boolean {
  const k = lowerBound(xs, lo);
  return k < xs.length && xs[k]! <= hi;
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
