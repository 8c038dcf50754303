/**
 * The picture inspect makes of one page, as a list of drawing instructions in PDF points: the page
 * at the top left, a margin on its right where every labelled box is named (in the order of the
 * boxes' tops, each with a short leader to the height of its box), and a legend strip under both
 * (one swatch per kind of box). Pure: render-png.ts and render-svg.ts only carry the instructions
 * out, so a test can check the instructions against the page model and the pixels against the
 * instructions.
 */
import type { BBox } from '../model/page-model.js';
import { OVERLAY_KINDS, type OverlayBox, type OverlayKind, type PageOverlay } from './overlay.js';

/** Sizes of the picture, in points (at scale 2, one point is two pixels). */
export const LAYOUT = {
  /** Width of the margin right of the page where the boxes are named. */
  margin: 250,
  /** Font size of the names and the legend strip. */
  fontSize: 6,
  /** Line height of the names. */
  lineHeight: 7.5,
  /** Height of the legend strip under the page and the margin. */
  legendHeight: 26,
  /** Gap between the page's right edge and the names, where the leaders run. */
  leader: 10,
  /** Stroke width of every outline. */
  stroke: 1,
  /**
   * How far a row's, header's or status cue's outline is drawn outside its box: a row's box is the
   * union of its cells' boxes (and its cue's), so drawn on its own edges it would hide under theirs.
   */
  outset: 1,
  /** Width of the coloured bar before a name in the margin (and the gap after it). */
  bar: 4,
  /** Estimated advance of a character of the names, in em (Liberation Sans: about 0.5 for mixed text; a longer name is squeezed to fit). */
  charWidth: 0.5,
} as const;

/** How each kind of box is drawn: its colour, what the legend strip calls it, and its stroke. */
export const KIND_STYLE: Readonly<Record<OverlayKind, { color: string; name: string; dashed?: boolean; outset?: number }>> = {
  column: { color: '#2979ff', name: 'column', dashed: true },
  header: { color: '#c6ff00', name: 'header row', outset: LAYOUT.outset },
  row: { color: '#ff1744', name: 'row (and what started it)', outset: LAYOUT.outset },
  cell: { color: '#00c853', name: 'cell' },
  status: { color: '#d500f9', name: 'status cue (legend entry, colour distance)', outset: LAYOUT.outset },
  legend: { color: '#00e5ff', name: 'legend entry' },
  furniture: { color: '#ffc400', name: 'page furniture' },
  text: { color: '#795548', name: 'other text' },
  note: { color: '#651fff', name: 'note definition' },
  marker: { color: '#00bfa5', name: 'note marker' },
};

/** One drawing instruction, in points on the picture (the page's own points at the top left). */
export type Instruction =
  /** The outline of a box of the page model (`bbox` as in the model; drawn `outset` outside it). */
  | { op: 'box'; kind: OverlayKind; bbox: BBox; outset: number; dashed: boolean }
  /** A short line from the page's right edge to a name in the margin. */
  | { op: 'leader'; kind: OverlayKind; x0: number; y0: number; x1: number; y1: number }
  /**
   * A line of dark text within `[x, y, x + width, y + height]`: a name in the margin (`bar`: after a
   * bar of its kind's colour, LAYOUT.bar wide, at the start of the rectangle) or in the legend strip.
   */
  | { op: 'label'; kind: OverlayKind; x: number; y: number; width: number; height: number; text: string; bar: boolean }
  /** A filled square of a kind's colour in the legend strip. */
  | { op: 'swatch'; kind: OverlayKind; bbox: BBox };

/** The picture of one page: its size in points, where the page sits, and the instructions in drawing order. */
export interface Drawing {
  page: number;
  width: number;
  height: number;
  pageWidth: number;
  pageHeight: number;
  instructions: Instruction[];
}

/** The estimated width (points) of `text` in the names' font. */
export function textWidth(text: string): number {
  return [...text].length * LAYOUT.charWidth * LAYOUT.fontSize;
}

/**
 * Lays out the picture of one page. `size` is the page's size in points (the page model's, or the
 * renderer's when the model has none). Every box of the overlay becomes a `box` instruction with
 * the model's bbox; every labelled box a `label` in the margin and a `leader` to it.
 */
export function layoutDrawing(overlay: PageOverlay, size: { width: number; height: number }): Drawing {
  const { width: pageWidth, height: pageHeight } = size;
  const instructions: Instruction[] = [];
  for (const b of overlay.boxes) {
    const style = KIND_STYLE[b.kind];
    instructions.push({ op: 'box', kind: b.kind, bbox: b.bbox, outset: style.outset ?? 0, dashed: style.dashed === true });
  }
  instructions.push(...marginNames(overlay.boxes, pageWidth));
  const width = pageWidth + LAYOUT.margin;
  instructions.push(...legendStrip(pageHeight, width));
  return { page: overlay.page, width, height: pageHeight + LAYOUT.legendHeight, pageWidth, pageHeight, instructions };
}

/**
 * The names of the labelled boxes in the margin, top to bottom by the top of their box (columns
 * first, left to right), each at its box's top or, where names crowd, just under the one above.
 */
function marginNames(boxes: readonly OverlayBox[], pageWidth: number): Instruction[] {
  const named = boxes.filter((b): b is OverlayBox & { label: string } => b.label !== undefined);
  const order = (b: OverlayBox): number => (b.kind === 'column' ? -1 : b.bbox[1]);
  named.sort((a, b) => order(a) - order(b) || a.bbox[0] - b.bbox[0]);
  const out: Instruction[] = [];
  const x = pageWidth + LAYOUT.leader;
  const width = LAYOUT.margin - LAYOUT.leader - 2;
  const room = width - LAYOUT.bar;
  let next = 0;
  for (const b of named) {
    const y = Math.max(order(b) < 0 ? 0 : b.bbox[1], next);
    const text = fit(b.label, room);
    out.push({ op: 'leader', kind: b.kind, x0: pageWidth, y0: Math.max(0, b.bbox[1]), x1: x, y1: y + LAYOUT.lineHeight / 2 });
    out.push({ op: 'label', kind: b.kind, x, y, width: Math.min(width, LAYOUT.bar + textWidth(text)), height: LAYOUT.lineHeight, text, bar: true });
    next = y + LAYOUT.lineHeight;
  }
  return out;
}

/** `text`, cut with `…` to fit `width` points. */
function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const max = Math.floor(width / (LAYOUT.charWidth * LAYOUT.fontSize));
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

/** The legend strip: a swatch and the name of every kind, in rows across the picture's width. */
function legendStrip(top: number, width: number): Instruction[] {
  const out: Instruction[] = [];
  const swatch = LAYOUT.fontSize;
  let x = 4;
  let y = top + 4;
  for (const kind of OVERLAY_KINDS) {
    const name = KIND_STYLE[kind].name;
    const w = swatch + 3 + textWidth(name) + 10;
    if (x + w > width && x > 4) {
      x = 4;
      y += LAYOUT.lineHeight + 3;
    }
    out.push({ op: 'swatch', kind, bbox: [x, y + 0.75, x + swatch, y + 0.75 + swatch] });
    out.push({ op: 'label', kind, x: x + swatch + 3, y, width: textWidth(name), height: LAYOUT.lineHeight, text: name, bar: false });
    x += w;
  }
  return out;
}
