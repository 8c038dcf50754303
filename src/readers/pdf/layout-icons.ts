/**
 * Icons and the status legend: compact shapes, symbol glyphs and small images with their paint
 * colour, and legend entries (`icon label`) found on lines outside the table.
 */
import type { Chunk, Line } from './text.js';
import type { LegendEntry } from '../../model/page-model.js';
import { type Box, toBBox, union } from './geometry.js';
import type { ImageMark, PageGraphicsInput, RunPaint, Shape } from './graphics.js';
import { boxOf, centerY } from './layout-lines.js';
import { ICONS, LAYOUT } from './settings.js';
import { isSymbolChar } from './symbols.js';
import { joinChunks } from './text.js';

/** Characters that are punctuation in Unicode but serve as coloured legend markers. */
const ICON_BULLETS = new Set(['•', '∙', '·', '◦', '▪', '‣']);

/** Something compact drawn on the page in one colour: a status or legend icon candidate. */
export interface Icon {
  box: Box;
  color: string;
  /** `shading`: a shaded cell of a legend printed as a table (labels beside shaded cells). */
  shape: 'vector' | 'glyph' | 'image' | 'shading';
  /** A stroked path (a ring, an outlined square): a mark only where no filled one is (pickIcon), since a filled mark's outline is drawn round it. */
  outline?: true;
  /** A fill that is one axis-aligned rectangle (a square mark, or a cell's shading). */
  rect?: true;
}


/** What collectIcons reads of a page input (layout.ts `PageInput`): its graphics and the colours of its images. */
export interface IconSources {
  graphics: PageGraphicsInput;
  imageColors: ReadonlyMap<ImageMark, string>;
}

/**
 * Every icon candidate of a page: filled compact paths, stroked ones (rings, outlined squares:
 * the ReportLab rendition's status cues), symbol glyphs and small images (ICONS: sides and aspect),
 * with their colour (a stroked path's: its stroke).
 */
export function collectIcons(input: IconSources): Icon[] {
  const icons: Icon[] = [];
  const iconLike = (b: Box): boolean => {
    const w = b.x1 - b.x0;
    const h = b.y1 - b.y0;
    return w >= ICONS.minSide && h >= ICONS.minSide && w <= ICONS.maxSide && h <= ICONS.maxSide && w <= ICONS.maxAspect * h && h <= ICONS.maxAspect * w;
  };
  for (const s of input.graphics.shapes) {
    if (!iconLike(s.box)) continue;
    if (s.mode === 'fill') icons.push({ box: s.box, color: s.color, shape: 'vector', ...(s.rect ? { rect: true as const } : {}) });
    else icons.push({ box: s.box, color: s.color, shape: 'vector', outline: true });
  }
  for (const g of input.graphics.glyphs) icons.push({ box: g.box, color: g.color, shape: 'glyph' });
  for (const im of input.graphics.images) {
    const color = im.maskColor ?? input.imageColors.get(im);
    if (color !== undefined && iconLike(im.box)) icons.push({ box: im.box, color, shape: 'image' });
  }
  return icons;
}

/**
 * Shaded cells that may stand for legend entries: filled shapes, not near white, about a line tall
 * (at most LAYOUT.legendCellMaxEm of the body size) and narrower than LAYOUT.legendCellMaxWidthEm —
 * the cells of a legend printed as a table, shaded cell beside its label (a spreadsheet's legend,
 * calc-a4-landscape-carlito). Too wide a shape for an icon, so collectIcons leaves it out.
 */
export function legendCells(fills: readonly Shape[], bodySize: number): Icon[] {
  return fills
    .filter((f) => !isNearWhite(f.color) && f.box.y1 - f.box.y0 <= LAYOUT.legendCellMaxEm * bodySize && f.box.x1 - f.box.x0 <= LAYOUT.legendCellMaxWidthEm * bodySize)
    .map((f) => ({ box: f.box, color: f.color, shape: 'shading' as const }));
}

/** Finds `icon label` pairs on a line; adds legend entries and returns the chunks left over. */
export function legendFromLine(l: Line, icons: readonly Icon[], runs: readonly RunPaint[], legend: LegendEntry[], pageNumber: number): Chunk[] {
  const onLine = icons.filter((ic) => {
    const cy = centerY(ic.box);
    return cy >= l.y0 - LAYOUT.cueLineMarginEm * l.size && cy <= l.y1 + LAYOUT.cueLineMarginEm * l.size;
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
    if (next.x0 - c.x1 > ICONS.legendGapEm * next.size || !/\p{L}/u.test(next.text)) return;
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
    // The icon: right before the chunk, or a symbol glyph at the chunk's start; of those, the ones
    // level with the label where there are such (in a legend set tight, the margin of a line
    // reaches the icon of the line above: the ReportLab rendition's boxed legend).
    const icon = pickLevelIcon(
      c,
      onLine.filter((ic) => {
        const gap = c.x0 - ic.box.x1;
        const leadingGlyph = labelStart.length < c.text.length && ic.shape === 'glyph' && ic.box.x0 >= c.x0 - ICONS.legendLeadingGlyphEm * c.size && ic.box.x0 <= c.x0 + c.size;
        let p = i - 1;
        while (p >= 0 && iconChunks.has(chunks[p]!)) p--;
        const prev = p >= 0 ? chunks[p] : undefined;
        return leadingGlyph || (gap >= -ICONS.legendOverlapEm * c.size && gap <= ICONS.legendGapEm * c.size && (!prev || prev.x1 <= ic.box.x0 + LAYOUT.edgeSlack));
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
      const gapOk = n.x0 - label[label.length - 1]!.x1 <= ICONS.legendWordGapEm * n.size;
      const iconBetween = onLine.some((ic) => ic.box.x0 >= label[label.length - 1]!.x1 - LAYOUT.edgeSlack && ic.box.x1 <= n.x0 + LAYOUT.edgeSlack);
      if (!gapOk || iconBetween || stripLeadingSymbols(n.text) !== n.text) break;
      label.push(n);
      j++;
    }
    legend.push({
      label: joinChunks(label),
      iconColor: icon.color,
      iconShape: icon.shape,
      location: { page: pageNumber, bbox: toBBox(union(icon.box, boxOf(label))) },
    });
    i = j - 1;
  }
  return rest;
}

/** pickIcon of the candidates whose middle lies within the label chunk's height, or of all of them when none does. */
function pickLevelIcon(label: Chunk, cands: readonly Icon[]): Icon | null {
  const level = cands.filter((ic) => centerY(ic.box) >= label.y0 && centerY(ic.box) <= label.y1);
  return pickIcon(level.length > 0 ? level : cands);
}

/** The fill colour of the smallest text run containing the centre of `b`. */
export function runColorAt(runs: readonly RunPaint[], b: Box): string | null {
  const cx = (b.x0 + b.x1) / 2;
  const cy = (b.y0 + b.y1) / 2;
  let best: RunPaint | null = null;
  let bestArea = Infinity;
  for (const r of runs) {
    const e = LAYOUT.edgeSlack;
    if (cx < r.box.x0 - e || cx > r.box.x1 + e || cy < r.box.y0 - e || cy > r.box.y1 + e) continue;
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

/**
 * The largest of the candidate icons (the icon, not a speck next to it), or null. An outline
 * (stroked path) only where no candidate is filled: round a filled mark it is the mark's border.
 */
export function pickIcon(cands: readonly Icon[]): Icon | null {
  let best: Icon | null = null;
  let bestArea = -1;
  const filled = cands.some((c) => c.outline !== true);
  for (const c of cands) {
    if (filled && c.outline === true) continue;
    const a = (c.box.x1 - c.box.x0) * (c.box.y1 - c.box.y0);
    if (a > bestArea) {
      best = c;
      bestArea = a;
    }
  }
  return best;
}

/** True when box `outer` holds box `inner` and is at least LAYOUT.backgroundAreaRatio times its area (a cell's fill under a mark, not a mark's ring). */
export function encloses(outer: Box, inner: Box): boolean {
  const area = (b: Box): number => (b.x1 - b.x0) * (b.y1 - b.y0);
  return outer.x0 <= inner.x0 && outer.x1 >= inner.x1 && outer.y0 <= inner.y0 && outer.y1 >= inner.y1 && area(outer) >= LAYOUT.backgroundAreaRatio * area(inner);
}

/**
 * The status-mark candidates of a column without the backgrounds: a fill that holds another
 * candidate (encloses: a zebra stripe or shading painted per cell, with the mark on it) is the
 * cell's background, not a mark; in a Status column under 40 pt a short row's stripe is no larger
 * than an icon, and as the larger candidate it would win, or start a row of its own (adversarial
 * review 5's i2, i3, i9: a pale per-cell stripe read as a second mark under a short row). A
 * near-white shape inside a fill that is not a rectangle is a symbol knocked out of the mark (a
 * white triangle on a coloured disc, hold-out 6): that fill stays; a rectangle round a near-white
 * mark stays the cell's shading (an open white circle on a pastel cell, review 5's i10). All the
 * candidates when every one would go. n log n plus the candidates within each fill's height.
 */
export function withoutBackgrounds(cands: readonly Icon[]): Icon[] {
  const byTop = [...cands].sort((a, b) => a.box.y0 - b.box.y0);
  const background = new Set<Icon>();
  for (const outer of cands) {
    for (let i = lowerBoundTop(byTop, outer.box.y0); i < byTop.length && byTop[i]!.box.y0 <= outer.box.y1; i++) {
      const inner = byTop[i]!;
      const knockedOut = outer.rect !== true && isNearWhite(inner.color);
      if (inner !== outer && !knockedOut && encloses(outer.box, inner.box)) {
        background.add(outer);
        break;
      }
    }
  }
  const marks = cands.filter((c) => !background.has(c));
  return marks.length > 0 ? marks : [...cands];
}

/** The first index of `sorted` (by box.y0) whose top is at least `y`. */
function lowerBoundTop(sorted: readonly Icon[], y: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.box.y0 < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True for a colour whose channels are all at least LAYOUT.nearWhiteLevel: the white of paper, a light grey band. */
export function isNearWhite(color: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return m !== null && [m[1], m[2], m[3]].every((h) => parseInt(h!, 16) >= LAYOUT.nearWhiteLevel);
}
