/**
 * Body rows of the activity table: fragments of lines cut at the column bounds, rows started at
 * the first column's line starts and at horizontal rulings, cells joined in reading order
 * (hyphenation at line ends, paragraphs and bullets kept as `\n`), and each row's status icon.
 */

import type { BodyRow, StatusCue } from '../../model/page-model.js';
import { type Box, toBBox, union } from './geometry.js';
import type { TextRun } from './graphics.js';
import type { Columns } from './layout-header.js';
import { type Icon, pickIcon, runColorAt } from './layout-icons.js';
import { boxOf, centerY } from './layout-lines.js';
import { isSymbolChar } from './symbols.js';
import { type Chunk, type Line, joinChunks } from './text.js';

const BULLET_START = /^[•◦▪‣⁃∙]/u;


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

/**
 * Body rows of one table segment: lines cut into fragments at the column bounds, a new row at each
 * first-column line start after a gap and at each horizontal ruling; cells joined in reading order;
 * the row's status cue from the icon in its Status cell.
 */
export function buildRows(
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

