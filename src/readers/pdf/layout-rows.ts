/**
 * Body rows of the activity table: fragments of lines cut at the column bounds, rows started at
 * the first column's line starts and at horizontal rulings, cells joined in reading order
 * (hyphenation at line ends, paragraphs and bullets kept as `\n`), and each row's status icon.
 */

import { type BBox, type BodyRow, type ColumnKey, type StatusCue, keyedCells } from '../../model/page-model.js';
import { BULLET_START, joinWrapped, joinWrappedLines } from '../../model/wrapped-text.js';
import { dashListItems } from './dash-lists.js';
import { type Box, toBBox, union } from './geometry.js';
import type { RunPaint, Shape } from './graphics.js';
import type { PageStructure, TaggedRow } from './structure.js';
import { type Fragment, type RowStarts, rowStarts } from './row-starts.js';
import { LAYOUT, TEXT } from './settings.js';
import { type Columns, columnOf } from './layout-header.js';
import { type Icon, isNearWhite, pickIcon, runColorAt, withoutBackgrounds } from './layout-icons.js';
import { boxOf, centerY } from './layout-lines.js';
import { joinMergedCells } from './merged-cells.js';
import { stripSymbolChars } from './symbols.js';
import { type Chunk, type Line, joinChunks } from './text.js';
import { markLineEndHyphen } from './line-end-hyphens.js';
import { BROKEN_WORD_LINE, POSSIBLE_WORD_BREAK } from './word-breaks.js';




/** A horizontal band of fragments that forms one body row, and the TR it belongs to in a tagged PDF. */
interface RowGroup {
  frags: Fragment[];
  top: number;
  bottom: number;
  tagged: TaggedRow | null;
  /** The signals that started the row (row-starts.ts), `table-top` for the first row under a header row or at the page's top. */
  startedBy: string[];
}

/** What buildRows needs besides the lines: columns, rulings, marks, shading and the page's tags. */
export interface RowContext {
  cols: Columns;
  rulings: readonly { box: Box }[];
  /** The page's vertical rulings (cells' sides: merged-cells.ts). */
  vRulings?: readonly { box: Box }[];
  /** The segment's horizontal rulings that do not cross the table (row-starts.ts `partRuling`). */
  partRulings?: readonly { box: Box }[];
  pitch: number;
  icons: readonly Icon[];
  runs: readonly RunPaint[];
  /** Filled shapes of the page (cell shading candidates). */
  fills: readonly Shape[];
  regionBottom: number;
  pageNumber: number;
  /** The page's structure tree, or null (untagged). */
  structure: PageStructure | null;
  /** Earlier pages showed the table's cells centred in their rows (row-starts.ts). */
  centredBefore?: boolean;
}

/** Body rows of a segment, and where the tags and the geometry disagree about them. */
export interface BuiltRows {
  rows: BodyRow[];
  /** The tagged row (TR) of each row, null where the row has no tagged content. */
  tagged: (TaggedRow | null)[];
  /** Rows the structure tree has where the geometry sees a different split. */
  disagreements: { bbox: BBox; tagRows: number; geometryRows: number }[];
  /** Rows whose Status cell holds more than one status mark (two rows read as one?). */
  crowded: { bbox: BBox; marks: number }[];
  /** The table's cells are centred in their rows (row-starts.ts RowStarts.centred), for the next segment. */
  centred: boolean;
  /** Row starts the page cannot confirm (row-starts.ts RowStarts.uncertain, NAP124). */
  uncertain: BBox[];
}

/**
 * Body rows of one table segment: lines cut into fragments at the column bounds. Untagged: a new
 * row at each first-column line start after a gap and at each horizontal ruling. Tagged: one row
 * per TR of the structure tree (geometry still computed, and every disagreement returned). Cells
 * joined in reading order; the row's status cue from the mark or shading in its Status cell.
 */
export function buildRows(body: readonly Line[], ctx: RowContext): BuiltRows {
  const { cols, pitch } = ctx;
  const ncol = cols.bounds.length;
  // Split every line into per-column fragments.
  const perLine: Fragment[][] = body.map((l) => lineFragments(l, cols));
  const all = perLine.flat();
  const starts = rowStarts(body, perLine, { cols, rulings: ctx.rulings, ...(ctx.partRulings ? { partRulings: ctx.partRulings } : {}), icons: ctx.icons, structure: ctx.structure, pitch, ...(ctx.centredBefore ? { centredBefore: true } : {}) });
  const groups = groupsFromStarts(body, perLine, starts, pitch, ctx.rulings);
  // A cell merged over several rows (no ruling under it where the others have one) belongs to its top row.
  const mergedColumns = joinMergedCells(groups, cols.bounds, ctx.rulings, pitch, ctx.vRulings);
  const disagreements = starts.disagreements;
  const crowded: BuiltRows['crowded'] = [];

  // The right edge of each column's text on this page: where a line that is full ends.
  const rightEdges: number[] = Array.from({ length: ncol }, () => -Infinity);
  // Text running past its column's bound belongs to a merged cell (an `Actielijn N` row), not to the column.
  for (const f of all) if (f.box.x1 <= (cols.bounds[f.col + 1] ?? Infinity) + 1) rightEdges[f.col] = Math.max(rightEdges[f.col]!, f.box.x1);
  const fullLineEdges = fullLineEdgesOf(all, ncol);
  const rows: BodyRow[] = [];
  const tagged: (TaggedRow | null)[] = [];
  groups.forEach((group, idx) => {
    const { frags } = group;
    if (frags.length === 0) return;
    const cells: string[] = [];
    for (let c = 0; c < ncol; c++) {
      const fs = frags.filter((f) => f.col === c);
      cells.push(joinFragments(fs, pitch, c === cols.statusIndex, { left: cols.bounds[c]!, rightEdge: rightEdges[c] ?? Infinity, lists: cols.keys[c] === 'explanation' }));
    }
    let box = frags.map((f) => f.box).reduce(union);
    const top = idx === 0 ? Math.min(group.top, box.y0) : group.top;
    const bottom = Math.min(group.bottom, ctx.regionBottom + pitch);
    const cue = statusCueOf(group, cells, { top, bottom }, ctx);
    if (cue.box) box = union(box, cue.box);
    if (cue.marks > 1) crowded.push({ bbox: toBBox(box), marks: cue.marks });
    rows.push({
      ...keyedCells(cells, cols.keys),
      cellBoxes: cellBoxesOf(frags, cols.keys),
      lineEnds: lineEndsOf(frags, cols.keys, fullLineEdges, cols.bounds),
      statusCue: cue.cue,
      ...(cue.box !== null ? { statusBox: toBBox(cue.box) } : {}),
      ...markersOf(frags),
      startedBy: group.startedBy,
      ...mergedAbove(mergedColumns[idx] ?? [], cols.keys),
      location: { page: ctx.pageNumber, bbox: toBBox(box) },
    });
    tagged.push(group.tagged);
  });
  return { rows, tagged, disagreements, crowded, centred: starts.centred, uncertain: starts.uncertain };
}

/** The `mergedAbove` field of a row from the indices of the columns whose cell it shares with a row above. */
function mergedAbove(columns: readonly number[], keys: readonly (ColumnKey | null)[]): Pick<BodyRow, 'mergedAbove'> {
  const merged = columns.map((c) => keys[c]).filter((k): k is ColumnKey => k !== null && k !== undefined);
  return merged.length > 0 ? { mergedAbove: merged } : {};
}

/**
 * A line cut into the parts that fall in each column, by where each chunk starts (chunkColumn) —
 * except a chunk in another font that touches the one before it (within LAYOUT.touchEm): that is
 * the same text drawn in another font (a ligature a re-writer moved into a font of its own:
 * `preven|tie`), and stays in its column even where a merged cell (a goal row) runs across the
 * column bounds.
 */
function lineFragments(l: Line, cols: Columns): Fragment[] {
  const byCol = new Map<number, Chunk[]>();
  let prev: { chunk: Chunk; col: number } | null = null;
  for (const c of l.chunks) {
    let k = chunkColumn(c, cols.bounds);
    if (prev !== null && k > prev.col && c.font !== prev.chunk.font && c.x0 - prev.chunk.x1 <= LAYOUT.touchEm * c.size) k = prev.col;
    const list = byCol.get(k);
    if (list) list.push(c);
    else byCol.set(k, [c]);
    prev = { chunk: c, col: k };
  }
  return [...byCol.entries()].map(([col, chunks]) => ({ col, chunks, baseline: ownBaseline(chunks) ?? l.baseline, size: l.size, box: boxOf(chunks) }));
}

/**
 * The column of a chunk (`bounds`: the columns' left edges, PDF points): the one it starts in, or
 * the next one when it runs over that one bound only, most of it lies past it, and it starts in
 * the right half of the column it starts in. A cell set flush right (a Wanneer column, hold-out 7)
 * starts its text wider than its header left of the header's column bound, which the header's
 * left edge gives; a chunk that starts where its column does, or runs over several bounds (a goal
 * merged across the table), stays where it starts.
 */
export function chunkColumn(c: Chunk, bounds: readonly number[]): number {
  const k = columnOf(c.x0, bounds);
  const next = bounds[k + 1];
  if (next === undefined || c.x1 <= next) return k;
  const after = bounds[k + 2];
  const over = next - c.x0;
  return (after === undefined || c.x1 <= after) && c.x1 - next > over && over * 2 < next - bounds[k]! ? k + 1 : k;
}

/**
 * The baseline of a fragment's own text (its first chunk that is not a raised marker), or null:
 * a line gathers chunks whose baselines differ by up to TEXT.lineBaselineShare, and a cell's lines
 * must be measured on their own (LaTeX centres a title's lines between the Toelichting's, 1.5 pt
 * apart: latex-generated/latex-a4-centred-lmroman AL1-11 read a paragraph gap there).
 */
function ownBaseline(chunks: readonly Chunk[]): number | null {
  return chunks.find((c) => !c.sup)?.baseline ?? null;
}

/** The names of the signals that voted for a row start (what inspect shows and provenance keeps). */
function startSignals(v: RowStarts['votes'][number]): string[] {
  const names = (['ruling', 'partRuling', 'vocabulary', 'gap', 'aligned', 'cue'] as const).filter((k) => v[k]);
  return v.tag === 'new' ? [...names, 'tag'] : names;
}

/** A superscript digit: a raised chunk written with one is a footnote marker. */
const MARKER_DIGIT = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/u;

/** The footnote markers of a row's fragments: raised chunks written as superscript digits (joinChunks), with their boxes. */
function markersOf(frags: readonly Fragment[]): Pick<BodyRow, 'markers'> {
  const markers: NonNullable<BodyRow['markers']> = [];
  for (const f of frags) {
    for (const c of f.chunks) {
      if (!c.sup) continue;
      const text = joinChunks([c]);
      if (MARKER_DIGIT.test(text)) markers.push({ text, bbox: toBBox(c) });
    }
  }
  return markers.length > 0 ? { markers } : {};
}

/** The box of each keyed cell's text (PDF points): the union of its fragments. */
function cellBoxesOf(frags: readonly Fragment[], keys: readonly (ColumnKey | null)[]): NonNullable<BodyRow['cellBoxes']> {
  const boxes: Partial<Record<ColumnKey, Box>> = {};
  for (const f of frags) {
    const key = keys[f.col];
    if (key === undefined || key === null) continue;
    const b = boxes[key];
    boxes[key] = b === undefined ? f.box : union(b, f.box);
  }
  const out: NonNullable<BodyRow['cellBoxes']> = {};
  for (const [k, b] of Object.entries(boxes) as [ColumnKey, Box][]) out[k] = toBBox(b);
  return out;
}

/**
 * Where a full line of each column ends on this page (points): the rightmost line end, leaving out
 * lines that stick out further than LAYOUT.lineOverflowEm past the next one (a long unbreakable
 * word or URL running out of the last column, which no column bound stops: adversarial review 3's
 * k1 and k3, where it made other rows' last lines look short).
 */
export function fullLineEdgesOf(frags: readonly Fragment[], ncol: number): number[] {
  const ends: number[][] = Array.from({ length: ncol }, () => []);
  for (const f of frags) ends[f.col]?.push(f.box.x1);
  return ends.map((xs, c) => {
    const sorted = xs.sort((a, b) => b - a);
    const size = frags.find((f) => f.col === c)?.size ?? 0;
    let i = 0;
    while (i + 1 < sorted.length && sorted[i]! - sorted[i + 1]! > LAYOUT.lineOverflowEm * size) i++;
    return sorted[i] ?? -Infinity;
  });
}

/**
 * How each keyed cell's text meets the row's ends (BodyRow.lineEnds, points): the room left on its
 * last line up to `rightEdges` (where the column's full lines end on this page: fullLineEdgesOf) and the width of its first
 * line's first word and the space after it (the first chunk's width shared out by character, the
 * space LAYOUT.spaceEm wide).
 */
function lineEndsOf(frags: readonly Fragment[], keys: readonly (ColumnKey | null)[], rightEdges: readonly number[], bounds: readonly number[]): NonNullable<BodyRow['lineEnds']> {
  const out: NonNullable<BodyRow['lineEnds']> = {};
  keys.forEach((key, c) => {
    if (key === null || key === undefined) return;
    const fs = frags.filter((f) => f.col === c && f.chunks.length > 0);
    if (fs.length === 0) return;
    const first = fs.reduce((a, b) => (b.baseline < a.baseline ? b : a));
    const last = fs.reduce((a, b) => (b.baseline > a.baseline ? b : a));
    const room = Math.max(0, rightEdges[c]! - last.box.x1);
    out[key] = { room, lead: firstWordWidth(first.chunks) + LAYOUT.spaceEm * first.size };
    if (endsInBrokenWord(last, room, { left: bounds[c]!, rightEdge: rightEdges[c]! })) out[key].brokenWord = true;
  });
  return out;
}

/**
 * Whether a cell's last line may end in a word a page end broke at the column's edge (the next
 * line on the next page): one run of text ending in three letters or more (BROKEN_WORD_LINE) that
 * fills its line as mayBreakWord asks, with less than LAYOUT.pageEndBrokenWordRoomEm left (the
 * next page's first character is not known here). Resolved in word-breaks.ts.
 */
function endsInBrokenWord(last: Fragment, room: number, column: { left: number; rightEdge: number }): boolean {
  if (!BROKEN_WORD_LINE.test(joinChunks(last.chunks).trim())) return false;
  return room < LAYOUT.pageEndBrokenWordRoomEm * last.size && fillsColumn(last, column);
}

/**
 * The width of the first word of a line's chunks (points): from the first chunk's left to the
 * first space, shared out by character inside the chunk that holds it; a chunk that touches the
 * one before (within TEXT.wordGapEm) continues the word (a ligature drawn in a font of its own:
 * `fl` + `exibele` in rewritten/cairo-shading-a4-landscape-calibri).
 */
function firstWordWidth(chunks: readonly Chunk[]): number {
  const sorted = [...chunks].sort((a, b) => a.x0 - b.x0);
  const x0 = sorted[0]!.x0;
  let end = x0;
  for (const [i, c] of sorted.entries()) {
    if (i > 0 && c.x0 - end > TEXT.wordGapEm * c.size) break;
    const text = i === 0 ? c.text.trimStart() : c.text;
    const space = text.search(/\s/u);
    if (space < 0) {
      end = c.x1;
      continue;
    }
    const chars = [...c.text].length;
    const before = [...c.text.slice(0, c.text.length - text.length + space)].length;
    end = c.x0 + ((c.x1 - c.x0) * before) / Math.max(1, chars);
    break;
  }
  return end - x0;
}

/**
 * The rows of a segment from the votes of rowStarts: each row runs from a starting line to the
 * line before the next one; its vertical range (for its status mark and shading) from the ruling
 * above its first line, or halfway between that line and the line above (the first row:
 * LAYOUT.rowTopMarginPitch above its text), to the next row's top (the last row: to the ruling
 * under its last line, if any).
 */
function groupsFromStarts(body: readonly Line[], perLine: readonly Fragment[][], starts: RowStarts, pitch: number, rulings: RowContext['rulings']): RowGroup[] {
  const groups: RowGroup[] = [];
  body.forEach((line, i) => {
    if (starts.votes[i]!.start || groups.length === 0) {
      const above = body[i - 1];
      const top = above === undefined ? line.y0 - LAYOUT.rowTopMarginPitch * pitch : (starts.votes[i]!.rulingY ?? (above.y1 + line.y0) / 2);
      const last = groups[groups.length - 1];
      if (last) last.bottom = top;
      groups.push({ frags: [], top, bottom: Infinity, tagged: null, startedBy: i === 0 ? ['table-top'] : startSignals(starts.votes[i]!) });
    }
    const group = groups[groups.length - 1]!;
    group.frags.push(...perLine[i]!);
    group.tagged ??= starts.tagged[i] ?? null;
  });
  // The last row ends at the ruling under its last line, where the table has one.
  const last = groups[groups.length - 1];
  const lastLine = body[body.length - 1];
  if (last && lastLine) {
    for (const r of rulings) {
      const y = (r.box.y0 + r.box.y1) / 2;
      if (y > lastLine.baseline && y < last.bottom) last.bottom = y;
    }
  }
  return groups.filter((g) => g.frags.length > 0);
}

/**
 * The status cue of a row: the largest mark (path, symbol glyph, image) in its Status cell, a
 * glyph in a font without a symbol mapping (1–2 characters coloured by their text run), else the
 * cell's own background shading (a fill confined to the Status column, not near-white), else the
 * cell's words (a later annex may print the status), else none.
 */
function statusCueOf(group: RowGroup, cells: string[], range: { top: number; bottom: number }, ctx: RowContext): { cue: StatusCue; box: Box | null; marks: number } {
  const { cols } = ctx;
  const sLeft = cols.bounds[cols.statusIndex] ?? -Infinity;
  const sRight = cols.bounds[cols.statusIndex + 1] ?? Infinity;
  const candidates = ctx.icons.filter((ic) => {
    const cx = (ic.box.x0 + ic.box.x1) / 2;
    const cy = centerY(ic.box);
    return cx >= sLeft && cx < sRight && cy >= range.top && cy < range.bottom;
  });
  let statusText = cells[cols.statusIndex] ?? '';
  const statusChunks = group.frags.filter((f) => f.col === cols.statusIndex).flatMap((f) => f.chunks);
  if (statusText !== '' && statusText.replace(/\s+/g, '').length <= 2 && statusChunks.length > 0) {
    const gbox = boxOf(statusChunks);
    const color = runColorAt(ctx.runs, gbox);
    if (color !== null) candidates.push({ box: gbox, color, shape: 'glyph' });
    statusText = '';
    cells[cols.statusIndex] = '';
  }
  // A fill round another candidate is the cell's background, not the mark (withoutBackgrounds).
  const marksOnly = withoutBackgrounds(candidates);
  if (marksOnly.length < candidates.length) candidates.splice(0, candidates.length, ...marksOnly);
  const icon = pickIcon(candidates);
  const marks = separateMarks(candidates);
  if (icon) {
    if (cols.statusIndex < cells.length && !/\p{L}/u.test(statusText)) cells[cols.statusIndex] = '';
    return { cue: { kind: 'icon', color: icon.color, shape: icon.shape }, box: icon.box, marks };
  }
  const shading = cellShading(ctx.fills, sLeft, sRight, range);
  if (shading) return { cue: { kind: 'icon', color: shading.color, shape: 'shading' }, box: shading.box, marks };
  if (/\p{L}/u.test(statusText)) return { cue: { kind: 'text', text: statusText }, box: null, marks };
  return { cue: { kind: 'none' }, box: null, marks };
}

/**
 * How many status marks the candidates are: marks one above the other, further apart than the
 * taller of the two, are separate marks; overlapping shapes (a dot and its ring) are one. A row
 * whose Status cell holds two marks was most likely read from two rows.
 */
function separateMarks(candidates: readonly Icon[]): number {
  const sorted = [...candidates].sort((a, b) => centerY(a.box) - centerY(b.box));
  let marks = 0;
  let last: Icon | null = null;
  for (const c of sorted) {
    const h = Math.max(c.box.y1 - c.box.y0, last ? last.box.y1 - last.box.y0 : 0);
    if (last === null || centerY(c.box) - centerY(last.box) > h) marks++;
    last = c;
  }
  return marks;
}

/**
 * The Status cell's background: the fill that covers most of the column's width and of the row's
 * height while staying inside the column, is not near-white, and is not repeated beside the
 * column in the same row (a shaded row or table is not a status). Null when there is none.
 */
function cellShading(fills: readonly Shape[], left: number, right: number, range: { top: number; bottom: number }): Shape | null {
  if (!Number.isFinite(left) || !Number.isFinite(right)) return null;
  const width = right - left;
  let best: Shape | null = null;
  let bestCover = 0;
  for (const f of fills) {
    if (f.box.x0 < left - LAYOUT.shadingOverhangShare * width || f.box.x1 > right + LAYOUT.shadingOverhangShare * width) continue;
    if (f.box.x1 - f.box.x0 < LAYOUT.shadingMinWidthShare * width) continue;
    const h = Math.min(f.box.y1, range.bottom) - Math.max(f.box.y0, range.top);
    const rowHeight = Math.min(range.bottom - range.top, f.box.y1 - f.box.y0);
    if (!(h > LAYOUT.shadingMinHeightShare * rowHeight) || isNearWhite(f.color)) continue;
    if (h > bestCover) [best, bestCover] = [f, h];
  }
  // A row shaded as a whole (each cell painted alike, as browsers print a shaded row) has no status shading.
  const wholeRow = best !== null && fills.some((f) => f !== best && f.color === best!.color && (f.box.x1 <= left + LAYOUT.edgeSlack || f.box.x0 >= right - LAYOUT.edgeSlack) && f.box.y0 < best!.box.y1 && f.box.y1 > best!.box.y0);
  return wholeRow ? null : best;
}

/**
 * Joins a cell's line fragments in reading order (joinWrapped). A word longer than the column is
 * broken by the line end without a hyphen: a fragment that is one word reaching the column's
 * right edge (the widest line of the column on this page), followed by a line that starts with a
 * lower-case letter, is joined with POSSIBLE_WORD_BREAK instead of a space. Closing punctuation that
 * starts a line follows a space when the line before holds more than one word (joinWrapped's
 * `spaceBefore`). A line-end hyphen inside a word, which joinWrapped keeps, is marked
 * (LINE_END_HYPHEN, line-end-hyphens.ts): the document decides later whether TeX hyphenated there.
 */
function joinFragments(fs: readonly Fragment[], pitch: number, isStatus: boolean, column: { left: number; rightEdge: number; lists?: boolean }): string {
  if (fs.length === 0) return '';
  const sorted = [...fs].sort((a, b) => a.baseline - b.baseline);
  // The cell's own line pitch where it has lines enough to show one, when tighter than the
  // table's: chromium-a5-three-headers-carlito's Toelichting lines are 9.375 pt apart on average
  // (printed as 9 and 9.75), the table's pitch is 9.75, which hid a paragraph's 1.875 pt.
  const linePitch = Math.min(pitch, cellPitch(sorted) ?? pitch);
  let out = '';
  let prev: { fragment: Fragment; text: string } | null = null;
  const list = listIndent();
  /** Whether a paragraph gap stands between line `f` and line `above` of the cell. */
  const paragraphGap = (f: Fragment, above: Fragment): boolean => f.baseline - above.baseline - linePitch > LAYOUT.paragraphGapEm * f.size;
  const gapBefore = (i: number): boolean => i > 0 && paragraphGap(sorted[i]!, sorted[i - 1]!);
  // Dash-bulleted lists only in the Toelichting: a title, Wanneer or Wie holds none (adversarial review 5's d5, d6, n6).
  const dashItems = column.lists === true ? dashListItems(sorted, { text: (f) => joinChunks([...f.chunks].sort((a, b) => a.x0 - b.x0)), paragraphBefore: gapBefore, fillsColumn: (f) => fillsColumn(f, column) }) : new Set<Fragment>();
  for (const f of sorted) {
    let chunks = [...f.chunks].sort((a, b) => a.x0 - b.x0);
    if (isStatus) chunks = chunks.map((c) => ({ ...c, text: stripSymbolChars(c.text) })).filter((c) => c.text !== '');
    if (chunks.length === 0) continue;
    // A dash bullet is written as the page model's bullet, `•`, as a symbol font's bullet is.
    if (dashItems.has(f)) chunks[0] = { ...chunks[0]!, text: chunks[0]!.text.replace(/^(\s*)[–—-]/u, '$1•') };
    const text = joinChunks(chunks).trim();
    const endsList = list.endsList(chunks, text, f.size);
    if (prev !== null && mayBreakWord(prev.fragment, prev.text, text, chunks[0]!, column)) out += POSSIBLE_WORD_BREAK + text;
    else {
      const paragraph = endsList || (prev !== null && paragraphGap(f, prev.fragment));
      // A line before that holds more than one word wrapped at a space, not inside a word.
      out = markLineEndHyphen(out, text, joinWrapped(out, text, paragraph, prev !== null && /\s/u.test(prev.text)));
    }
    prev = { fragment: f, text };
  }
  return out;
}

/**
 * Follows a cell's bulleted list line by line: where each item's text starts (x, points: the chunk
 * after a bullet printed as a chunk of its own) and whether the list hangs its wrapped lines under
 * that text (a line after a bullet line starting there, within LAYOUT.listIndentEm). In a list that
 * hangs, a line starting left of the item's text by more than that ends the list: it is a
 * paragraph of its own, which LibreOffice prints right under the last item with no space before
 * it (the word-generated renditions' AL3-18: `Voor de zomer van 2024 …` under the bullet, not under
 * the item's text). `endsList` is called once per line, top to bottom.
 */
function listIndent(): { endsList: (chunks: readonly Chunk[], text: string, size: number) => boolean } {
  let itemTextX: number | null = null;
  let hangs = false;
  return {
    endsList(chunks, text, size) {
      const tolerance = LAYOUT.listIndentEm * size;
      if (BULLET_START.test(text)) {
        itemTextX = chunks.length > 1 && BULLET_START.test(chunks[0]!.text.trim()) && [...chunks[0]!.text.trim()].length === 1 ? chunks[1]!.x0 : null;
        return false;
      }
      if (itemTextX === null) return false;
      const x0 = chunks[0]!.x0;
      if (Math.abs(x0 - itemTextX) <= tolerance) hangs = true;
      else if (hangs && x0 < itemTextX - tolerance) {
        itemTextX = null;
        hangs = false;
        return true;
      }
      return false;
    },
  };
}

/**
 * A cell's line pitch (points): the mean of the distances between its consecutive lines that are
 * no larger than their median; null when the cell has fewer than LAYOUT.cellPitchMinGaps gaps to
 * tell it from.
 * `sorted`: the cell's fragments by baseline.
 */
function cellPitch(sorted: readonly Fragment[]): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]!.baseline - sorted[i - 1]!.baseline;
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length < LAYOUT.cellPitchMinGaps) return null;
  gaps.sort((a, b) => a - b);
  // The mean of the gaps up to the median: a browser rounds line positions to its pixel grid, so
  // a pitch of 9.375 pt prints as gaps of 9 and 9.75; paragraph gaps lie above the median.
  const median = gaps[Math.floor((gaps.length - 1) / 2)]!;
  const lines = gaps.filter((g) => g <= median);
  return lines.reduce((sum, g) => sum + g, 0) / lines.length;
}

/**
 * Whether the line `text` (fragment `f`) may end in a word broken because it did not fit the
 * column, `next` being the line after it and `nextFirst` its first chunk. A word broken by the
 * line end fills its line: at least three quarters of the column's text width, and so far that the
 * first character of the next line would not have fitted after it (if it would have, the line
 * wrapped at a space before the next word).
 */
function mayBreakWord(f: Fragment, text: string, next: string, nextFirst: Chunk, column: { left: number; rightEdge: number }): boolean {
  if (!BROKEN_WORD_LINE.test(text) || !/^\p{Ll}/u.test(next)) return false;
  if (column.rightEdge - f.box.x1 >= charWidth(nextFirst)) return false;
  return fillsColumn(f, column);
}

/** Whether a line reaches at least LAYOUT.brokenWordFillShare of its column's text width, as a word broken by the line end does. */
function fillsColumn(f: Fragment, column: { left: number; rightEdge: number }): boolean {
  return f.box.x1 >= column.left + LAYOUT.brokenWordFillShare * (column.rightEdge - column.left);
}

/**
 * An estimate of the width of a chunk's first character (points): the average width of its
 * characters, and at least half an em (a short chunk such as `n.` averages in its punctuation).
 */
function charWidth(c: Chunk): number {
  return Math.max((c.x1 - c.x0) / Math.max(1, [...c.text].length), LAYOUT.minCharWidthEm * c.size);
}

/** Joins the lines of one cell (see joinWrappedLines in the model). */
export const joinLineTexts = joinWrappedLines;


