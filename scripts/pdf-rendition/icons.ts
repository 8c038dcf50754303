/**
 * Status icons, drawn the same way in the legend and in the Status column:
 * - vector: a filled path (circle, square or diamond);
 * - glyph: a ZapfDingbats character (●, ■, ◆) drawn as text in the icon colour;
 * - image: an embedded PNG (anti-aliased shape, colour in RGB, edges only in alpha).
 */
import { PNG } from 'pngjs';
import { rgb, type PDFDocument, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';

export type IconStyle =
  | { kind: 'vector'; shape: 'circle' | 'square' | 'diamond' }
  | { kind: 'glyph'; glyph: '●' | '■' | '◆' }
  | { kind: 'image'; shape: 'circle' | 'square' };

/** `#rrggbb` → pdf-lib colour. */
export function hexColor(hex: string): RGB {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return rgb(parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255);
}

/** A PNG of `shape` in `hex`, `px` pixels square, 4× supersampled alpha on the edges. */
export function iconPng(shape: 'circle' | 'square', hex: string, px = 24): Uint8Array {
  const c = hexColor(hex);
  const png = new PNG({ width: px, height: px });
  const r = px / 2 - 1;
  const inset = px * 0.12;
  for (let y = 0; y < px; y++) {
    for (let x = 0; x < px; x++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const fx = x + (sx + 0.5) / 4;
          const fy = y + (sy + 0.5) / 4;
          const inside =
            shape === 'circle'
              ? (fx - px / 2) ** 2 + (fy - px / 2) ** 2 <= r * r
              : fx >= inset && fx <= px - inset && fy >= inset && fy <= px - inset;
          if (inside) hits++;
        }
      }
      const i = (y * px + x) * 4;
      png.data[i] = Math.round(c.red * 255);
      png.data[i + 1] = Math.round(c.green * 255);
      png.data[i + 2] = Math.round(c.blue * 255);
      png.data[i + 3] = Math.round((hits / 16) * 255);
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** Draws icons of one style; images are embedded once per colour and reused. */
export class IconPainter {
  private readonly images = new Map<string, PDFImage>();

  private constructor(
    readonly style: IconStyle,
    private readonly dingbats: PDFFont,
  ) {}

  static async create(doc: PDFDocument, style: IconStyle, dingbats: PDFFont, colors: string[]): Promise<IconPainter> {
    const painter = new IconPainter(style, dingbats);
    if (style.kind === 'image') {
      for (const hex of colors) painter.images.set(hex, await doc.embedPng(iconPng(style.shape, hex)));
    }
    return painter;
  }

  /** Draws one icon of nominal size `size` centred on (cx, cy) (PDF user space). */
  draw(page: PDFPage, cx: number, cy: number, size: number, hex: string): void {
    const color = hexColor(hex);
    const { style } = this;
    switch (style.kind) {
      case 'vector':
        if (style.shape === 'circle') page.drawCircle({ x: cx, y: cy, size: size / 2, color });
        else if (style.shape === 'square') page.drawRectangle({ x: cx - size / 2, y: cy - size / 2, width: size, height: size, color });
        else {
          const h = size / 2;
          page.drawSvgPath(`M 0 ${-h} L ${h} 0 L 0 ${h} L ${-h} 0 Z`, { x: cx, y: cy, color });
        }
        return;
      case 'glyph': {
        // ZapfDingbats a108/a110/a119 sit roughly 0.35 em above the baseline.
        const fontSize = size * 1.25;
        const w = this.dingbats.widthOfTextAtSize(style.glyph, fontSize);
        page.drawText(style.glyph, { x: cx - w / 2, y: cy - fontSize * 0.35, size: fontSize, font: this.dingbats, color });
        return;
      }
      case 'image': {
        const img = this.images.get(hex);
        if (!img) throw new Error(`no icon image for ${hex}`);
        page.drawImage(img, { x: cx - size / 2, y: cy - size / 2, width: size, height: size });
        return;
      }
    }
  }
}
