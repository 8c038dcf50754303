/**
 * Page layout: positioned lines + drawn graphics of one page → a page of the neutral page model.
 *
 * - Header rows are lines that carry the known column titles (`Activiteit` … `Toelichting`);
 *   a header cell may wrap over lines above/below (`Oorspronkelijke` / `planning`), also mid-word
 *   in a narrow column (`Statu` / `s`, `Oorspronk` / `elijke` / `planning`): such a cell is handed
 *   over as the header word it forms (`Status`, `Oorspronkelijke planning`).
 * - Columns come from the header cells' x-positions, refined by vertical rulings in the header.
 * - Rows start at the first column's line starts (a gap larger than the line pitch) and at
 *   horizontal rulings that cross the first column.
 * - Footnote definitions start with a superscript or smaller number below the table.
 * - Status and legend icons are whatever is drawn compactly (path, symbol glyph, image); their
 *   colour is the paint colour. Nothing here depends on particular colours, fonts or coordinates.
 */
import type { BodyRow, FootnoteDefinition, HeaderRow, LegendEntry, LooseText, Page, StatusCue, TableBlock } from '../../model/page-model.js';
import { type Box, overlap, toBBox, union } from './geometry.js';
import type { ImageMark, PageGraphics, TextRun } from './graphics.js';
import { isSymbolChar } from './symbols.js';
import { type Chunk, type Line, buildLines, joinChunks } from './text.js';

export interface PageInput {
  number: number;
  chunks: Chunk[];
  graphics: PageGraphics;
  /** Colours of image marks resolved by the reader (index into graphics.images). */
  imageColors: Map<ImageMark, string>;
}

/** Column layout carried from page to page for pages without a header row. */
export interface Columns {
  /** Left boundary of each column (x, page points); column i spans [bounds[i], bounds[i+1]). */
  bounds: number[];
  statusIndex: number;
}

export interface LayoutResult {
  page: Page;
  columns: Columns | null;
}

interface Icon {
  box: Box;
  color: string;
  shape: 'vector' | 'glyph' | 'image';
}

const HEADER_WORDS = /^(activiteit(en)?|status|wanneer|wie|toelichting|oorspronkelijke|planning|oorspronkelijke planning)$/i;
/** The single words of the known header cells (lower case). */
const HEADER_VOCABULARY = new Set(['activiteit', 'activiteiten', 'status', 'wanneer', 'wie', 'toelichting', 'oorspronkelijke', 'planning']);
const BULLET_START = /^[•◦▪‣⁃∙]/u;
/** Characters that are punctuation in Unicode but serve as coloured legend markers. */
const ICON_BULLETS = new Set(['•', '∙', '·', '◦', '▪', '‣']);
const PAGE_NUMBER = /^(?:[-–]\s*)?(?:(?:pagina|page|blz\.?)\s*)?\d{1,4}(?:\s*(?:\/|van|of)\s*\d{1,4})?(?:\s*[-–])?$/i;

/** Lays out one page. `carried` are the columns of the previous page (for pages without a header). */
export function layoutPage(input: PageInput, carried: Columns | null): LayoutResult {
  const lines = buildLines(input.chunks);
  const bodySize = dominantSize(input.chunks);
  const icons = collectIcons(input);
  const hRulings = input.graphics.rulings.filter((r) => r.orientation === 'h');
  const vRulings = input.graphics.rulings.filter((r) => r.orientation === 'v');

  const page: Page = { number: input.number, legend: [], tables: [], footnotes: [], looseText: [] };
  const used = new Set<Line>();
  const tableRegions: { y0: number; y1: number }[] = [];
  let columns = carried;

  // --- header rows ---
  const headers: { band: Line[]; anchorIndex: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (isHeaderAnchor(lines[i]!)) headers.push({ band: headerBand(lines, i), anchorIndex: i });
  }

  // Segments of lines: before the first header (possibly a headerless continuation), then per header.
  const segments: { header: { band: Line[] } | null; from: number; to: number }[] = [];
  const firstHeaderStart = headers.length > 0 ? lines.indexOf(headers[0]!.band[0]!) : lines.length;
  if (carried !== null && headers.length === 0 && firstHeaderStart > 0) segments.push({ header: null, from: 0, to: firstHeaderStart });
  headers.forEach((h, k) => {
    const bandEnd = lines.indexOf(h.band[h.band.length - 1]!) + 1;
    const next = headers[k + 1];
    const to = next ? lines.indexOf(next.band[0]!) : lines.length;
    segments.push({ header: h, from: bandEnd, to });
  });

  let footnoteStart: number | null = null;
  for (const seg of segments) {
    let headerRow: HeaderRow | null = null;
    let cols: Columns | null;
    let regionTop: number;
    if (seg.header) {
      const built = buildHeader(seg.header.band, vRulings, bodySize, input.number);
      headerRow = built.header;
      cols = built.columns;
      columns = cols;
      for (const l of seg.header.band) used.add(l);
      regionTop = Math.min(...seg.header.band.map((l) => l.y0));
    } else {
      cols = carried;
      regionTop = -Infinity;
    }
    if (cols === null) continue;
    const headerBottom = seg.header ? Math.max(...seg.header.band.map((l) => l.y1)) : -Infinity;

    // Body lines: up to a footnote start, the table's bottom ruling, or a large gap.
    const col0Right = cols.bounds[1] ?? Infinity;
    const tableLeft = cols.bounds[0]!;
    const crossesCol0 = (r: { box: Box }): boolean =>
      overlap(r.box.x0, r.box.x1, tableLeft, col0Right) >= 0.8 * Math.min(col0Right - tableLeft, 1e6);
    const segTop = headerBottom;
    const segBottom = seg.to < lines.length ? lines[seg.to]!.y0 : Infinity;
    const rowRulings = hRulings.filter((r) => crossesCol0(r) && r.box.y0 >= segTop - 1 && r.box.y1 <= segBottom + 1);
    const tableBottomRuling = rowRulings.length > 0 ? Math.max(...rowRulings.map((r) => r.box.y1)) : null;
    // Lines above the first body line that sit before any header in a headerless segment: legend etc.
    const topRuling = seg.header === null && rowRulings.length > 0 ? Math.min(...rowRulings.map((r) => r.box.y0)) : null;
    const body: Line[] = [];
    let pitch = estimatePitch(lines.slice(seg.from, seg.to), bodySize);
    for (let i = seg.from; i < seg.to; i++) {
      const l = lines[i]!;
      if (topRuling !== null && l.y1 < topRuling) continue;
      if (isFootnoteStart(l, bodySize, cols)) {
        footnoteStart ??= i;
        break;
      }
      if (tableBottomRuling !== null && l.y0 > tableBottomRuling + 1) break;
      const prev = body[body.length - 1];
      if (tableBottomRuling === null && prev && l.baseline - prev.baseline > 3.5 * pitch) break;
      if (seg.header === null && body.length === 0 && topRuling === null && isFurniture(l)) continue;
      body.push(l);
    }
    if (body.length === 0 && headerRow === null) continue;
    pitch = estimatePitch(body, bodySize);
    for (const l of body) used.add(l);
    const regionBottom = body.length > 0 ? Math.max(...body.map((l) => l.y1), tableBottomRuling ?? -Infinity) : headerBottom;
    tableRegions.push({ y0: seg.header ? regionTop : Math.min(...body.map((l) => l.y0)), y1: regionBottom });
    const rows = buildRows(body, cols, rowRulings, pitch, icons, input.graphics.runs, regionBottom, input.number);
    page.tables.push({ header: headerRow, rows });
  }

  // --- footnotes: from the first footnote start to the end of the page ---
  if (footnoteStart === null) {
    // Pages without a table can still carry footnote definitions at the bottom.
    for (let i = 0; i < lines.length; i++) {
      if (!used.has(lines[i]!) && isFootnoteStart(lines[i]!, bodySize, null) && i > 0) {
        footnoteStart = i;
        break;
      }
    }
  }
  if (footnoteStart !== null) {
    let current: { number: number; parts: string[]; box: Box } | null = null;
    const flush = (): void => {
      if (current) {
        page.footnotes.push({ number: current.number, text: joinLineTexts(current.parts), location: { page: input.number, bbox: toBBox(current.box) } });
      }
      current = null;
    };
    for (let i = footnoteStart; i < lines.length; i++) {
      const l = lines[i]!;
      if (used.has(l)) continue;
      const first = l.chunks[0]!;
      const numberText = first.text.replace(/\s+/g, '');
      const isNumber = /^\d{1,4}$/.test(numberText) && l.chunks.length > 1;
      if (isNumber && (first.sup || first.size < l.size * 0.95 || current === null || startsNewFootnote(l))) {
        flush();
        current = { number: Number(numberText), parts: [joinChunks(l.chunks.slice(1))], box: lineBox(l) };
        used.add(l);
      } else if (isFurniture(l)) {
        // page number or running footer: loose text below
      } else if (current !== null) {
        const c = current as { parts: string[]; box: Box };
        c.parts.push(joinChunks(l.chunks));
        c.box = union(c.box, lineBox(l));
        used.add(l);
      }
    }
    flush();
  }

  // --- legend and loose text from the remaining lines ---
  const freeIcons = icons.filter((ic) => !tableRegions.some((r) => centerY(ic.box) >= r.y0 && centerY(ic.box) <= r.y1));
  for (const l of lines) {
    if (used.has(l)) continue;
    const rest = legendFromLine(l, freeIcons, input.graphics.runs, page.legend, input.number);
    if (rest.length > 0) {
      const text = joinChunks(rest);
      if (text.trim() !== '') {
        const kind = PAGE_NUMBER.test(text.trim()) ? 'page-number' : 'text';
        page.looseText.push({ text, location: { page: input.number, bbox: toBBox(boxOf(rest)) }, kind });
      }
    }
  }
  return { page, columns };
}

// ---------------------------------------------------------------- header

function isHeaderAnchor(l: Line): boolean {
  const words = l.chunks.map((c) => c.text.trim());
  const first = words[0] ?? '';
  if (!/^activiteit(en)?$/i.test(first)) return false;
  const known = words.filter((w) => HEADER_WORDS.test(w)).length;
  // A header cell wrapped mid-word in a narrow column (`Statu` / `s`) leaves a word start here.
  const started = words.filter((w) => !HEADER_WORDS.test(w) && isHeaderWordStart(w)).length;
  return known >= 3 && known + started >= words.length - 1;
}

/** `Statu`, `Oorspronk`: the start (3+ letters, not the whole) of a header word. */
function isHeaderWordStart(text: string): boolean {
  const w = text.toLowerCase();
  if (!/^\p{L}{3,}$/u.test(w)) return false;
  for (const v of HEADER_VOCABULARY) if (v.length > w.length && v.startsWith(w)) return true;
  return false;
}

/** `ijke planning` under `Oorspronkel`: the rest (2+ letters) of a header word, then header words. */
function isHeaderWordEnd(text: string): boolean {
  const [head = '', ...tail] = text.toLowerCase().split(/\s+/);
  if (!/^\p{L}{1,}$/u.test(head) || !tail.every((t) => HEADER_VOCABULARY.has(t))) return false;
  for (const v of HEADER_VOCABULARY) if (v.length > head.length && v.endsWith(head)) return true;
  return false;
}

/**
 * The anchor line plus wrapped header-cell lines directly above/below it (not in the first
 * column). One line either side is taken as it is; further lines below only while every chunk
 * continues a header word or is one (`Oorspronk` / `elijke` / `planning`).
 */
function headerBand(lines: readonly Line[], i: number): Line[] {
  const anchor = lines[i]!;
  const firstRight = anchor.chunks[0]!.x1;
  const fonts = new Set(anchor.chunks.map((c) => c.font));
  const fits = (l: Line | undefined, ref: Line): l is Line =>
    l !== undefined &&
    Math.abs(l.baseline - ref.baseline) <= 1.6 * anchor.size &&
    l.chunks.every((c) => c.x0 > firstRight && fonts.has(c.font) && Math.abs(c.size - anchor.size) < 0.2 * anchor.size);
  const band = [anchor];
  if (fits(lines[i - 1], anchor)) band.unshift(lines[i - 1]!);
  for (let j = i + 1; j < lines.length && j <= i + 3; j++) {
    const l = lines[j];
    if (!fits(l, band[band.length - 1]!)) break;
    const wordy = l.chunks.every((c) => HEADER_WORDS.test(c.text.trim()) || isHeaderWordEnd(c.text.trim()));
    if (j > i + 1 && !wordy) break;
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
  const last = a.slice(a.lastIndexOf(' ') + 1).toLowerCase();
  const [firstWord = '', ...more] = b.toLowerCase().split(/\s+/);
  const glued =
    HEADER_VOCABULARY.has(last + firstWord) &&
    !(HEADER_VOCABULARY.has(last) && HEADER_VOCABULARY.has(firstWord)) &&
    more.every((w) => HEADER_VOCABULARY.has(w));
  return glued ? a + b : `${a} ${b}`;
}

function buildHeader(band: Line[], vRulings: readonly { box: Box }[], bodySize: number, pageNumber: number): { header: HeaderRow; columns: Columns } {
  // Cluster chunks into cells by horizontal overlap.
  const chunks = band.flatMap((l) => l.chunks.map((c) => ({ c, l }))).sort((a, b) => a.c.x0 - b.c.x0);
  const cells: { x0: number; x1: number; parts: { c: Chunk; l: Line }[] }[] = [];
  for (const p of chunks) {
    const last = cells[cells.length - 1];
    if (last && p.c.x0 <= last.x1 + 0.3 * p.c.size) {
      last.parts.push(p);
      last.x1 = Math.max(last.x1, p.c.x1);
    } else cells.push({ x0: p.c.x0, x1: p.c.x1, parts: [p] });
  }
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
    if (i === 0) return cell.x0 - 1.5 * size;
    const prev = cells[i - 1]!;
    // A vertical ruling crossing the header between the previous cell and this one.
    let best: number | null = null;
    for (const r of vRulings) {
      const x = (r.box.x0 + r.box.x1) / 2;
      if (x >= prev.x1 - 0.5 && x <= cell.x0 + 0.5 && overlap(r.box.y0, r.box.y1, bandTop, bandBottom) > 0) {
        if (best === null || x > best) best = x;
      }
    }
    return best ?? cell.x0 - 0.6 * size;
  });
  const statusIndex = texts.findIndex((t) => /^status$/i.test(t.trim()));
  const box = band.map(lineBox).reduce(union);
  return {
    header: { cells: texts, location: { page: pageNumber, bbox: toBBox(box) } },
    columns: { bounds, statusIndex: statusIndex >= 0 ? statusIndex : 1 },
  };
}

// ---------------------------------------------------------------- rows

function columnOf(x: number, bounds: readonly number[]): number {
  let k = 0;
  for (let i = 1; i < bounds.length; i++) if (x >= bounds[i]! - 0.5) k = i;
  return k;
}

interface Fragment {
  col: number;
  chunks: Chunk[];
  baseline: number;
  size: number;
  y: number;
  box: Box;
}

function buildRows(
  body: readonly Line[],
  cols: Columns,
  rulings: readonly { box: Box }[],
  pitch: number,
  icons: readonly Icon[],
  runs: readonly TextRun[],
  regionBottom: number,
  pageNumber: number,
): BodyRow[] {
  const ncol = cols.bounds.length;
  // Split every line into per-column fragments.
  const perLine: Fragment[][] = body.map((l) => {
    const byCol = new Map<number, Chunk[]>();
    for (const c of l.chunks) {
      const k = columnOf(c.x0, cols.bounds);
      byCol.set(k, [...(byCol.get(k) ?? []), c]);
    }
    return [...byCol.entries()].map(([col, chunks]) => ({
      col,
      chunks,
      baseline: l.baseline,
      size: l.size,
      y: l.baseline - 0.3 * l.size,
      box: boxOf(chunks),
    }));
  });

  // Row boundaries: first-column line starts and rulings crossing the first column.
  const ruleYs = rulings.map((r) => (r.box.y0 + r.box.y1) / 2).sort((a, b) => a - b);
  const tops: number[] = [...ruleYs];
  let prevCol0: Fragment | null = null;
  for (const frags of perLine) {
    const f0 = frags.find((f) => f.col === 0);
    if (!f0) continue;
    const from = prevCol0 ? prevCol0.baseline : -Infinity;
    const between = ruleYs.filter((y) => y > from && y < f0.box.y0 + 0.25 * f0.size);
    const isNew = prevCol0 === null || f0.baseline - prevCol0.baseline > 1.3 * pitch || between.length > 0;
    if (isNew && between.length === 0) tops.push(f0.box.y0 - 0.2 * pitch);
    prevCol0 = f0;
  }
  tops.sort((a, b) => a - b);
  const boundaries = [-Infinity, ...tops, Infinity];

  // Partition fragments.
  const parts: Fragment[][] = boundaries.slice(0, -1).map(() => []);
  let k = 0;
  const all = perLine.flat().sort((a, b) => a.y - b.y);
  for (const f of all) {
    while (k + 1 < boundaries.length - 1 && f.y >= boundaries[k + 1]!) k++;
    parts[k]!.push(f);
  }

  const rows: BodyRow[] = [];
  const sLeft = cols.bounds[cols.statusIndex] ?? -Infinity;
  const sRight = cols.bounds[cols.statusIndex + 1] ?? Infinity;
  parts.forEach((frags, idx) => {
    if (frags.length === 0) return;
    const top = Math.max(boundaries[idx]!, -1e6);
    const bottom = Math.min(boundaries[idx + 1]!, regionBottom + pitch);
    const cells: string[] = [];
    for (let c = 0; c < ncol; c++) {
      const fs = frags.filter((f) => f.col === c);
      cells.push(joinFragments(fs, pitch, c === cols.statusIndex));
    }
    let box = frags.map((f) => f.box).reduce(union);
    // Status: an icon in the status column within the row's vertical range.
    const candidates = icons.filter((ic) => {
      const cx = (ic.box.x0 + ic.box.x1) / 2;
      const cy = centerY(ic.box);
      const rowTop = idx === 0 ? Math.min(top, box.y0) : top;
      return cx >= sLeft && cx < sRight && cy >= rowTop && cy < bottom;
    });
    // A glyph icon in a font without a symbol mapping (e.g. ZapfDingbats `l` for ●): one or two
    // characters in the status column, coloured by the text run that drew them.
    let statusText = cells[cols.statusIndex] ?? '';
    const statusChunks = frags.filter((f) => f.col === cols.statusIndex).flatMap((f) => f.chunks);
    if (statusText !== '' && statusText.replace(/\s+/g, '').length <= 2 && statusChunks.length > 0) {
      const gbox = boxOf(statusChunks);
      const color = runColorAt(runs, gbox);
      if (color !== null) candidates.push({ box: gbox, color, shape: 'glyph' });
      statusText = '';
      cells[cols.statusIndex] = '';
    }
    let statusCue: StatusCue;
    const icon = pickIcon(candidates);
    if (icon) {
      statusCue = { kind: 'icon', color: icon.color, shape: icon.shape };
      box = union(box, icon.box);
    } else if (/\p{L}/u.test(statusText)) statusCue = { kind: 'text', text: statusText };
    else statusCue = { kind: 'none' };
    if (icon && cols.statusIndex < cells.length && !/\p{L}/u.test(statusText)) cells[cols.statusIndex] = '';
    rows.push({ cells, statusCue, location: { page: pageNumber, bbox: toBBox(box) } });
  });
  return rows;
}

function joinFragments(fs: readonly Fragment[], pitch: number, isStatus: boolean): string {
  if (fs.length === 0) return '';
  const sorted = [...fs].sort((a, b) => a.baseline - b.baseline);
  const parts: string[] = [];
  const gaps: number[] = [];
  let prev: Fragment | null = null;
  for (const f of sorted) {
    let chunks = [...f.chunks].sort((a, b) => a.x0 - b.x0);
    if (isStatus) chunks = chunks.map((c) => ({ ...c, text: stripSymbols(c.text) })).filter((c) => c.text !== '');
    if (chunks.length === 0) continue;
    parts.push(joinChunks(chunks));
    gaps.push(prev ? f.baseline - prev.baseline : 0);
    prev = f;
  }
  return joinLineTexts(parts, gaps.map((g) => g > 1.18 * pitch));
}

/**
 * Joins the lines of one cell: a bullet item or a paragraph gap starts a new line (`\n`);
 * a line ending in a hyphen glued to a word continues without a space (`Regerings-` +
 * `commissaris` → `Regerings-commissaris`, as the text export prints it) unless the next line
 * starts with a conjunction (`meld-` + `en …` → `meld- en …`); a soft hyphen is dropped.
 */
export function joinLineTexts(parts: readonly string[], paragraphBefore: readonly boolean[] = []): string {
  let out = '';
  parts.forEach((p, i) => {
    const text = p.trim();
    if (text === '') return;
    if (out === '') {
      out = text;
      return;
    }
    if (BULLET_START.test(text) || paragraphBefore[i] === true) out += '\n' + text;
    else if (out.endsWith('\u00ad')) out = out.slice(0, -1) + text;
    else if (/\S[-\u2010]$/u.test(out) && /^\p{L}/u.test(text) && !/^(en|of|tot|en\/of)\b/.test(text)) out += text;
    else out += ' ' + text;
  });
  return out;
}

function stripSymbols(s: string): string {
  let out = '';
  for (const ch of s) if (!isSymbolChar(ch)) out += ch;
  return out.trim();
}

function pickIcon(cands: readonly Icon[]): Icon | null {
  let best: Icon | null = null;
  let bestArea = -1;
  for (const c of cands) {
    const a = (c.box.x1 - c.box.x0) * (c.box.y1 - c.box.y0);
    if (a > bestArea) {
      best = c;
      bestArea = a;
    }
  }
  return best;
}

// ---------------------------------------------------------------- icons & legend

function collectIcons(input: PageInput): Icon[] {
  const icons: Icon[] = [];
  const iconLike = (b: Box): boolean => {
    const w = b.x1 - b.x0;
    const h = b.y1 - b.y0;
    return w >= 1.5 && h >= 1.5 && w <= 40 && h <= 40 && w <= 3 * h && h <= 3 * w;
  };
  for (const s of input.graphics.shapes) if (s.mode === 'fill' && iconLike(s.box)) icons.push({ box: s.box, color: s.color, shape: 'vector' });
  for (const g of input.graphics.glyphs) icons.push({ box: g.box, color: g.color, shape: 'glyph' });
  for (const im of input.graphics.images) {
    const color = im.maskColor ?? input.imageColors.get(im);
    if (color !== undefined && iconLike(im.box)) icons.push({ box: im.box, color, shape: 'image' });
  }
  return icons;
}

/** Finds `icon label` pairs on a line; adds legend entries and returns the chunks left over. */
function legendFromLine(l: Line, icons: readonly Icon[], runs: readonly TextRun[], legend: LegendEntry[], pageNumber: number): Chunk[] {
  const onLine = icons.filter((ic) => {
    const cy = centerY(ic.box);
    return cy >= l.y0 - 0.3 * l.size && cy <= l.y1 + 0.3 * l.size;
  });
  const chunks = l.chunks;
  // Glyph icons in fonts without a symbol mapping: a 1–2 character chunk in another font right before a label.
  const iconChunks = new Set<Chunk>();
  chunks.forEach((c, i) => {
    const next = chunks[i + 1];
    const t = c.text.replace(/\s+/g, '');
    if (!next || t.length === 0 || t.length > 2 || /\d/.test(t)) return;
    const symbolic = [...t].every((ch) => isSymbolChar(ch) || ICON_BULLETS.has(ch));
    if (!symbolic && c.font === next.font) return;
    if (next.x0 - c.x1 > 2.5 * next.size || !/\p{L}/u.test(next.text)) return;
    const color = runColorAt(runs, c);
    if (color === null) return;
    iconChunks.add(c);
    onLine.push({ box: { x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 }, color, shape: 'glyph' });
  });
  if (onLine.length === 0) return l.chunks;
  const rest: Chunk[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    if (iconChunks.has(c)) continue;
    const labelStart = stripLeadingSymbols(c.text);
    // The icon: right before the chunk, or a symbol glyph at the chunk's start.
    const icon = pickIcon(
      onLine.filter((ic) => {
        const gap = c.x0 - ic.box.x1;
        const leadingGlyph = labelStart.length < c.text.length && ic.shape === 'glyph' && ic.box.x0 >= c.x0 - 0.5 * c.size && ic.box.x0 <= c.x0 + c.size;
        let p = i - 1;
        while (p >= 0 && iconChunks.has(chunks[p]!)) p--;
        const prev = p >= 0 ? chunks[p] : undefined;
        return leadingGlyph || (gap >= -0.3 * c.size && gap <= 2.5 * c.size && (!prev || prev.x1 <= ic.box.x0 + 0.5));
      }),
    );
    if (!icon || labelStart === '') {
      if (stripLeadingSymbols(c.text) !== '' || !icon) rest.push(c);
      continue;
    }
    // The label runs on over chunks separated by ordinary word gaps.
    const label = [{ ...c, text: labelStart }];
    let j = i + 1;
    while (j < chunks.length) {
      const n = chunks[j]!;
      const gapOk = n.x0 - label[label.length - 1]!.x1 <= 1.0 * n.size;
      const iconBetween = onLine.some((ic) => ic.box.x0 >= label[label.length - 1]!.x1 - 0.5 && ic.box.x1 <= n.x0 + 0.5);
      if (!gapOk || iconBetween || stripLeadingSymbols(n.text) !== n.text) break;
      label.push(n);
      j++;
    }
    legend.push({
      label: joinChunks(label),
      iconColor: icon.color,
      location: { page: pageNumber, bbox: toBBox(union(icon.box, boxOf(label))) },
    });
    i = j - 1;
  }
  return rest;
}

/** The fill colour of the smallest text run containing the centre of `b`. */
function runColorAt(runs: readonly TextRun[], b: Box): string | null {
  const cx = (b.x0 + b.x1) / 2;
  const cy = (b.y0 + b.y1) / 2;
  let best: TextRun | null = null;
  let bestArea = Infinity;
  for (const r of runs) {
    if (cx < r.box.x0 - 0.5 || cx > r.box.x1 + 0.5 || cy < r.box.y0 - 0.5 || cy > r.box.y1 + 0.5) continue;
    const a = (r.box.x1 - r.box.x0) * (r.box.y1 - r.box.y0);
    if (a < bestArea) [best, bestArea] = [r, a];
  }
  return best?.color ?? null;
}

function stripLeadingSymbols(s: string): string {
  let i = 0;
  const chars = [...s];
  while (i < chars.length && (isSymbolChar(chars[i]!) || /\s/.test(chars[i]!))) i++;
  return chars.slice(i).join('').trim();
}

// ---------------------------------------------------------------- footnotes & helpers

function isFootnoteStart(l: Line, bodySize: number, cols: Columns | null): boolean {
  const first = l.chunks[0];
  if (!first || l.chunks.length < 2) return false;
  if (!/^\d{1,4}$/.test(first.text.replace(/\s+/g, ''))) return false;
  const second = l.chunks[1]!;
  const marked = first.sup || first.size < 0.9 * second.size;
  if (!marked) return false;
  if (cols !== null && first.x0 >= (cols.bounds[1] ?? Infinity)) return false;
  const textSize = second.size;
  return textSize < 0.97 * bodySize || (cols !== null && first.x0 < cols.bounds[0]! + 0.5 * bodySize);
}

function startsNewFootnote(l: Line): boolean {
  const first = l.chunks[0]!;
  const second = l.chunks[1];
  return second !== undefined && second.x0 - first.x1 < 2 * l.size;
}

function isFurniture(l: Line): boolean {
  return PAGE_NUMBER.test(joinChunks(l.chunks).trim());
}

function estimatePitch(lines: readonly Line[], bodySize: number): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i]!.baseline - lines[i - 1]!.baseline;
    const s = lines[i]!.size;
    if (d >= 0.9 * s && d <= 1.8 * s) {
      const k = Math.round(d * 4) / 4;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  let best = 1.2 * bodySize;
  let n = 0;
  for (const [k, v] of counts) if (v > n || (v === n && k < best)) [best, n] = [k, v];
  return best;
}

function dominantSize(chunks: readonly Chunk[]): number {
  const m = new Map<number, number>();
  for (const c of chunks) {
    const k = Math.round(c.size * 10) / 10;
    m.set(k, (m.get(k) ?? 0) + c.text.length);
  }
  let best = 10;
  let n = -1;
  for (const [k, v] of m) if (v > n) [best, n] = [k, v];
  return best;
}

function lineBox(l: Line): Box {
  return { x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1 };
}

function boxOf(chunks: readonly Box[]): Box {
  return chunks.map((c) => ({ x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 })).reduce(union);
}

function centerY(b: Box): number {
  return (b.y0 + b.y1) / 2;
}

export type { FootnoteDefinition, LooseText, TableBlock };
