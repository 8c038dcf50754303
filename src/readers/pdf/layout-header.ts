/**
 * Header rows of the activity table: lines that carry the known column titles (`Activiteit` …
 * `Toelichting`), possibly wrapped over lines above/below or mid-word in a narrow column
 * (`Statu` / `s`); the columns they define, refined by vertical rulings.
 */
import { foldText } from '../../model/plain-text.js';
import type { HeaderRow } from '../../model/page-model.js';
import { type Box, overlap, toBBox, union } from './geometry.js';
import { lineBox } from './layout-lines.js';
import { LAYOUT } from './settings.js';
import { type Chunk, type Line, joinChunks } from './text.js';
import { type ColumnKey, HEADER_WORDS, columnKeyOf, headerColumnKeys, isHeaderText, startsHeaderRow } from '../../model/vocabulary.js';

/** Column layout carried from page to page for pages without a header row. */
export interface Columns {
  /** Left boundary of each column (x, page points); column i spans [bounds[i], bounds[i+1]). */
  bounds: number[];
  /** The column key of each column (vocabulary.ts headerColumnKeys). */
  keys: (ColumnKey | null)[];
  /** Index of the Status column (1 when the header names none). */
  statusIndex: number;
}


/**
 * True for the line that carries the header row: it holds `Activiteit` as its first cell, or as
 * its second after a first column `Actielijn`, and at least three header words (or their starts)
 * in all, with at most one cell that is neither. A group heading over header words on the line
 * `below` (groupHeadings: `Uitvoering` over `Wanneer` and `Wie`) counts as the header words under it.
 */
export function isHeaderAnchor(l: Line, below?: Line): boolean {
  const cells = lineCells(l);
  const words = cells.map(cellWord);
  if (!startsHeaderRow(words)) return false;
  if (namesColumns(words)) return true;
  const groups = groupHeadings(cells, l, below);
  return groups.size > 0 && namesColumns(cells.flatMap((cs, i) => groups.get(i)?.map((c) => c.text.trim()) ?? [cellWord(cs)]));
}

/** The text of a header line's cell: a word drawn in two fonts arrives as touching chunks, its pieces joined. */
function cellWord(cs: readonly Chunk[]): string {
  return cs.map((c) => c.text.trim()).join('');
}

/** True when at least three of a header line's cell texts are header words, and all but one are header words or their starts. */
function namesColumns(words: readonly string[]): boolean {
  const known = words.filter((w) => isHeaderText(w)).length;
  // A header cell wrapped mid-word in a narrow column (`Statu` / `s`) leaves a word start here.
  const started = words.filter((w) => !isHeaderText(w) && isHeaderWordStart(w)).length;
  return known >= 3 && known + started >= words.length - 1;
}

/**
 * The group headings of a header line (its cells `cells`, of line `l`) over the header line
 * `below`: a cell that is no header word, with at least two chunks of `below` that each are one
 * between its neighbour cells (right of the cell before it, left of the cell after it), the
 * heading over the stretch they cover. A two-row header prints such a heading centred across the
 * columns it groups (`Uitvoering` over `Wanneer` and `Wie`: ConTeXt's xtable, hold-out 7), so it
 * need not stand over any one of them. `below` counts only where a wrapped header line may be
 * (within LAYOUT.headerWrapEm of `l`, its size within LAYOUT.headerSizeShare). Maps each group
 * heading's index in `cells` to the chunks under it, left to right; empty when there is none.
 */
function groupHeadings(cells: readonly Chunk[][], l: Line, below: Line | undefined): Map<number, Chunk[]> {
  const groups = new Map<number, Chunk[]>();
  if (below === undefined || below.baseline - l.baseline > LAYOUT.headerWrapEm * l.size || Math.abs(below.size - l.size) >= LAYOUT.headerSizeShare * l.size) return groups;
  const words = below.chunks.filter((c) => isHeaderText(c.text.trim())).sort((a, b) => a.x0 - b.x0);
  cells.forEach((cs, i) => {
    if (isHeaderText(cellWord(cs))) return;
    const left = i > 0 ? Math.max(...cells[i - 1]!.map((c) => c.x1)) : -Infinity;
    const right = i + 1 < cells.length ? cells[i + 1]![0]!.x0 : Infinity;
    const under = words.filter((c) => c.x0 >= left && c.x1 <= right);
    if (under.length < 2) return;
    const x0 = Math.min(...cs.map((c) => c.x0));
    const x1 = Math.max(...cs.map((c) => c.x1));
    if (overlap(x0, x1, under[0]!.x0, under[under.length - 1]!.x1) > 0) groups.set(i, under);
  });
  return groups;
}

/** `Statu`, `Oorspronk`: the start (3+ letters, not the whole) of a header word. */
function isHeaderWordStart(text: string): boolean {
  const w = foldText(text);
  if (!/^\p{L}{3,}$/u.test(w)) return false;
  for (const v of HEADER_WORDS) if (v.length > w.length && v.startsWith(w)) return true;
  return false;
}

/** `ijke planning` under `Oorspronkel`: the rest (2+ letters) of a header word, then header words. */
function isHeaderWordEnd(text: string): boolean {
  const [head = '', ...tail] = foldText(text).split(' ');
  if (!/^\p{L}{1,}$/u.test(head) || !tail.every((t) => HEADER_WORDS.has(t))) return false;
  for (const v of HEADER_WORDS) if (v.length > head.length && v.endsWith(head)) return true;
  return false;
}

/**
 * The anchor line plus wrapped header-cell lines directly above/below it (not in the first
 * column). One line either side is taken as it is; further lines below only while every chunk
 * continues a header word or is one (`Oorspronk` / `elijke` / `planning`).
 */
export function headerBand(lines: readonly Line[], i: number): Line[] {
  const anchor = lines[i]!;
  const firstRight = anchor.chunks[0]!.x1;
  const fonts = new Set(anchor.chunks.map((c) => c.font));
  const wordy = (l: Line): boolean => l.chunks.every((c) => isHeaderText(c.text.trim()) || isHeaderWordEnd(c.text.trim()));
  // A line of header words may sit as far below as the document's line spacing puts it (1.5
  // spacing: 2 em); any other line only as close as single spacing does.
  const fits = (l: Line | undefined, ref: Line): l is Line =>
    l !== undefined &&
    Math.abs(l.baseline - ref.baseline) <= (wordy(l) ? LAYOUT.headerWrapEm : LAYOUT.headerLineEm) * anchor.size &&
    l.chunks.every((c) => c.x0 > firstRight && fonts.has(c.font) && Math.abs(c.size - anchor.size) < LAYOUT.headerSizeShare * anchor.size);
  const band = [anchor];
  if (fits(lines[i - 1], anchor)) band.unshift(lines[i - 1]!);
  for (let j = i + 1; j < lines.length && j <= i + LAYOUT.headerMaxLines; j++) {
    const l = lines[j];
    if (!fits(l, band[band.length - 1]!)) break;
    if (j > i + 1 && !wordy(l)) break;
    band.push(l);
  }
  return band;
}

/**
 * Joins the next line of a header cell: without a space when that, and only that, completes a
 * header word broken mid-word in a narrow column (`Statu` + `s` → `Status`, `Oorspronkel` +
 * `ijke planning` → `Oorspronkelijke planning`) and the rest of the next line is header words;
 * otherwise with a space, so an unknown header stays as printed and assembly reports it.
 */
export function joinHeaderLines(text: string, next: string): string {
  const a = text.trim();
  const b = next.trim();
  if (a === '' || b === '') return a || b;
  const last = foldText(a.slice(a.lastIndexOf(' ') + 1));
  const [firstWord = '', ...more] = foldText(b).split(' ');
  const glued =
    HEADER_WORDS.has(last + firstWord) &&
    !(HEADER_WORDS.has(last) && HEADER_WORDS.has(firstWord)) &&
    more.every((w) => HEADER_WORDS.has(w));
  return glued ? a + b : `${a} ${b}`;
}

/** One cell of a header band: its x extent and the chunks of each band line in it. */
interface HeaderCell {
  x0: number;
  x1: number;
  parts: { c: Chunk; l: Line }[];
}

/**
 * The chunks of a header line grouped into cells, left to right: chunks that touch (within
 * LAYOUT.touchEm, or overlap) are one cell unless both are header words (see headerCells).
 */
function lineCells(l: Line): Chunk[][] {
  const cells: Chunk[][] = [];
  for (const c of l.chunks.flatMap(splitHeaderRun).sort((a, b) => a.x0 - b.x0)) {
    const last = cells[cells.length - 1];
    const prev = last?.[last.length - 1];
    const bothWords = prev !== undefined && isHeaderText(prev.text.trim()) && isHeaderText(c.text.trim());
    if (last && prev && !bothWords && c.x0 <= Math.max(...last.map((p) => p.x1)) + LAYOUT.touchEm * c.size) last.push(c);
    else cells.push([c]);
  }
  return cells;
}

/** Most words a run of header texts drawn as one chunk holds (`Oorspronkelijke planning Wie`). */
const HEADER_RUN_WORDS = 6;

/**
 * A chunk that holds several header texts drawn as one run, cut into one chunk per header text:
 * `Oorspronkelijke Wie` (LuaTeX places words itself, and a narrow Wanneer column left no gap wide
 * enough to split them: context-letter-lmroman-split-dejavu-glyphs). Each part's x extent is its
 * share of the chunk's width by characters. A chunk that is one header text (`Oorspronkelijke
 * planning`), starts with another word or holds one, is left whole. Longest header text first.
 */
function splitHeaderRun(c: Chunk): Chunk[] {
  const text = c.text.trim();
  // Every chunk of every line is asked (isHeaderAnchor): a text whose first word is no header word is left at once.
  const space = text.search(/\s/);
  if (space < 0 || !isHeaderText(text.slice(0, space))) return [c];
  const words = text.split(/\s+/);
  if (words.length > HEADER_RUN_WORDS || isHeaderText(text)) return [c];
  const parts: string[] = [];
  for (let i = 0; i < words.length; ) {
    let j = words.length;
    while (j > i && !isHeaderText(words.slice(i, j).join(' '))) j--;
    if (j === i) return [c];
    parts.push(words.slice(i, j).join(' '));
    i = j;
  }
  const perChar = (c.x1 - c.x0) / c.text.length;
  let from = 0;
  return parts.map((part) => {
    const start = c.text.indexOf(part.split(' ')[0]!, from);
    from = start + part.length;
    return { ...c, text: part, x0: c.x0 + perChar * start, x1: c.x0 + perChar * Math.min(c.text.length, start + part.length) };
  });
}

/**
 * The cells of a header band, left to right. The header line's chunks are its cells — joined
 * where they touch (within LAYOUT.touchEm) unless both are header words: a word drawn in two
 * fonts (`Ac|ti|viteit`, a ligature in a second font) is one cell, a header word that runs over
 * its narrow column into the next one's (`Oorspronkelijke` over `Wie`) is not. A chunk of another
 * band line joins the cell it overlaps most, or starts a cell of its own.
 */
function headerCells(band: readonly Line[]): HeaderCell[] {
  const at = Math.max(0, band.findIndex((l, k) => isHeaderAnchor(l, band[k + 1])));
  const anchor = band[at]!;
  const below = band[at + 1];
  const anchorCells = lineCells(anchor);
  // A group heading is no column: the header words under it are the columns' cells.
  const groups = groupHeadings(anchorCells, anchor, below);
  const grouped = new Set([...groups.values()].flat());
  const cells: HeaderCell[] = anchorCells.flatMap((cs, i) => {
    const under = groups.get(i);
    if (under !== undefined) return under.map((c) => ({ x0: c.x0, x1: c.x1, parts: [{ c, l: below! }] }));
    return [{ x0: cs[0]!.x0, x1: Math.max(...cs.map((c) => c.x1)), parts: cs.map((c) => ({ c, l: anchor })) }];
  });
  for (const l of band) {
    if (l === anchor) continue;
    for (const c of l.chunks) {
      if (grouped.has(c)) continue;
      let best: HeaderCell | null = null;
      let most = 0;
      for (const cell of cells) {
        const o = overlap(c.x0, c.x1, cell.x0, cell.x1);
        if (o > most) [best, most] = [cell, o];
      }
      if (best !== null) best.parts.push({ c, l });
      else cells.push({ x0: c.x0, x1: c.x1, parts: [{ c, l }] });
    }
  }
  return cells.sort((a, b) => a.x0 - b.x0);
}

/** The header row and the column bounds (PDF points) from the header band's cells, refined by vertical rulings that cross it. */
export function buildHeader(band: Line[], vRulings: readonly { box: Box }[], bodySize: number, pageNumber: number): { header: HeaderRow; columns: Columns } {
  const cells = headerCells(band);
  const texts = cells.map((cell) => {
    const byLine = new Map<Line, Chunk[]>();
    for (const p of cell.parts) byLine.set(p.l, [...(byLine.get(p.l) ?? []), p.c]);
    return [...byLine.entries()]
      .sort((a, b) => a[0].baseline - b[0].baseline)
      .map(([, cs]) => joinChunks(cs.sort((a, b) => a.x0 - b.x0)))
      .reduce(joinHeaderLines, '');
  });
  const bandTop = Math.min(...band.map((l) => l.y0));
  const bandBottom = Math.max(...band.map((l) => l.y1));
  const size = band[0]!.size || bodySize;
  const bounds = cells.map((cell, i) => {
    if (i === 0) return cell.x0 - LAYOUT.firstColumnLeftEm * size;
    const prev = cells[i - 1]!;
    // A vertical ruling crossing the header between the previous cell and this one.
    let best: number | null = null;
    for (const r of vRulings) {
      const x = (r.box.x0 + r.box.x1) / 2;
      if (x >= prev.x1 - LAYOUT.edgeSlack && x <= cell.x0 + LAYOUT.edgeSlack && overlap(r.box.y0, r.box.y1, bandTop, bandBottom) > 0) {
        if (best === null || x > best) best = x;
      }
    }
    return best ?? cell.x0 - LAYOUT.columnLeftEm * size;
  });
  const keys = headerColumnKeys(texts);
  const statusIndex = keys.indexOf('status');
  const box = band.map(lineBox).reduce(union);
  return {
    header: { cells: texts, keys, location: { page: pageNumber, bbox: toBBox(box) } },
    columns: { bounds, keys, statusIndex: statusIndex >= 0 ? statusIndex : 1 },
  };
}

/** The index of the column holding x (page points) among column left boundaries `bounds`. */
export function columnOf(x: number, bounds: readonly number[]): number {
  let k = 0;
  for (let i = 1; i < bounds.length; i++) if (x >= bounds[i]! - LAYOUT.edgeSlack) k = i;
  return k;
}

/**
 * A header row broken by a page end (a producer that lets a table row break across pages prints
 * `Oorspronkelijke` at the foot of one page and `planning` at the top of the next): the leading
 * `lines` of the next page that finish header cells. A line finishes them when each of its chunks
 * falls in a column whose header cell names no column alone and does when joined with the chunk
 * (joinHeaderLines). Returns the completed header and columns and how many lines it took, or null
 * when the first line finishes nothing. The caller checks that the header was the last thing
 * printed on its page.
 */
export function continueHeader(header: HeaderRow, columns: Columns, lines: readonly Line[]): { header: HeaderRow; columns: Columns; lines: number } | null {
  let cells = header.cells;
  let taken = 0;
  for (const l of lines) {
    const next = [...cells];
    const finishes = l.chunks.every((c) => {
      const i = columnOf(c.x0, columns.bounds);
      if (i >= next.length || columnKeyOf(next[i]!) !== null) return false;
      next[i] = joinHeaderLines(next[i]!, c.text);
      return columnKeyOf(next[i]!) !== null;
    });
    if (!finishes) break;
    cells = next;
    taken++;
  }
  if (taken === 0) return null;
  const keys = headerColumnKeys(cells);
  const statusIndex = keys.indexOf('status');
  return {
    header: { ...header, cells, keys },
    columns: { ...columns, keys, statusIndex: statusIndex >= 0 ? statusIndex : columns.statusIndex },
    lines: taken,
  };
}
