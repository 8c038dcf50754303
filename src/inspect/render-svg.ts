/**
 * Inspect's SVG pictures, for when the canvas add-on cannot be loaded (or `--format svg` asks for
 * them): no rendering of the page, but the page model's text written into its boxes (each cell,
 * the header row, notes, loose text and legend labels, wrapped to the box at a size that fills
 * it), with the same drawing instructions as the PNG picture (drawing.ts) over and beside it.
 * Units are PDF points.
 */
import { type Drawing, type Instruction, KIND_STYLE, LAYOUT } from './drawing.js';
import type { OverlayBox } from './overlay.js';

/** Characters XML text and attributes must escape. */
function xml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A number as SVG writes it: at most two decimals. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Smallest and largest font size (points) of the page's text written into a box. */
const TEXT_SIZE = { min: 2.5, max: 11 } as const;

/** Line height of the page's text, in em. */
const LINE_HEIGHT = 1.2;

/** `text` in lines of at most `perLine` characters, broken at spaces (a longer word stays whole). */
function wrap(text: string, perLine: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && [...line].length + 1 + [...word].length > perLine) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The page model's text of a box, wrapped to the box's width at the size that makes it fill the
 * box's height (the text itself shows where the reader put it): one `<text>` element.
 */
function boxText(box: OverlayBox): string {
  const text = (box.text ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  const [x0, y0, x1, y1] = box.bbox;
  const width = Math.max(1, x1 - x0);
  const height = Math.max(1, y1 - y0);
  const chars = [...text].length;
  // The size at which the text would fill the box, then smaller until its wrapped lines fit the height.
  let size = Math.min(TEXT_SIZE.max, Math.max(TEXT_SIZE.min, Math.sqrt((width * height) / (chars * LAYOUT.charWidth * LINE_HEIGHT))));
  let lines = wrap(text, Math.max(1, Math.floor(width / (size * LAYOUT.charWidth))));
  while (size > TEXT_SIZE.min && lines.length * size * LINE_HEIGHT > height) {
    size = Math.max(TEXT_SIZE.min, size * 0.9);
    lines = wrap(text, Math.max(1, Math.floor(width / (size * LAYOUT.charWidth))));
  }
  const spans = lines.map((l, i) => `<tspan x="${n(x0)}" dy="${i === 0 ? n(size) : n(size * LINE_HEIGHT)}">${xml(l)}</tspan>`).join('');
  return `<text x="${n(x0)}" y="${n(y0)}" font-size="${n(size)}" fill="#424242">${spans}</text>`;
}

/** One instruction as SVG. */
function instructionSvg(ins: Instruction): string {
  const color = KIND_STYLE[ins.kind].color;
  switch (ins.op) {
    case 'box': {
      const [x0, y0, x1, y1] = ins.bbox;
      const o = ins.outset;
      const dash = ins.dashed ? ' stroke-dasharray="4 3"' : '';
      return `<rect x="${n(x0 - o)}" y="${n(y0 - o)}" width="${n(x1 - x0 + 2 * o)}" height="${n(y1 - y0 + 2 * o)}" fill="none" stroke="${color}" stroke-width="${LAYOUT.stroke}"${dash} data-kind="${ins.kind}"/>`;
    }
    case 'leader':
      return `<line x1="${n(ins.x0)}" y1="${n(ins.y0)}" x2="${n(ins.x1)}" y2="${n(ins.y1)}" stroke="${color}" stroke-width="0.5"/>`;
    case 'swatch':
      return `<rect x="${n(ins.bbox[0])}" y="${n(ins.bbox[1])}" width="${n(ins.bbox[2] - ins.bbox[0])}" height="${n(ins.bbox[3] - ins.bbox[1])}" fill="${color}"/>`;
    case 'label': {
      const bar = ins.bar ? `<rect x="${n(ins.x)}" y="${n(ins.y + 0.5)}" width="${n(LAYOUT.bar - 1.5)}" height="${n(ins.height - 1)}" fill="${color}"/>` : '';
      const x = ins.bar ? ins.x + LAYOUT.bar : ins.x;
      return `${bar}<text x="${n(x)}" y="${n(ins.y + ins.height / 2)}" font-size="${LAYOUT.fontSize}" dominant-baseline="middle" fill="#212121">${xml(ins.text)}</text>`;
    }
  }
}

/** The SVG picture of one page: the page's outline, the page model's text in its boxes, then the drawing. */
export function renderSvg(drawing: Drawing, boxes: readonly OverlayBox[]): string {
  const texts = boxes.filter((b) => b.kind === 'cell' || b.kind === 'note' || b.kind === 'text' || b.kind === 'furniture' || b.kind === 'header' || b.kind === 'legend').map(boxText);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(drawing.width)}pt" height="${n(drawing.height)}pt" viewBox="0 0 ${n(drawing.width)} ${n(drawing.height)}" font-family="Liberation Sans, Arial, Helvetica, sans-serif">`,
    `<title>Page ${drawing.page} as the nap-annex reader saw it (the page model's text; the page itself is not rendered)</title>`,
    `<rect x="0" y="0" width="${n(drawing.width)}" height="${n(drawing.height)}" fill="#ffffff"/>`,
    `<rect x="0" y="0" width="${n(drawing.pageWidth)}" height="${n(drawing.pageHeight)}" fill="#ffffff" stroke="#9e9e9e" stroke-width="0.5"/>`,
    ...texts.filter((t) => t !== ''),
    ...drawing.instructions.map(instructionSvg),
    '</svg>',
    '',
  ].join('\n');
}
