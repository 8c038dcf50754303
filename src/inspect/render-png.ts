/**
 * Inspect's PNG pictures: each page rendered by pdfjs-dist with the canvas add-on (canvas.ts), the
 * drawing instructions (drawing.ts) drawn over and beside it, encoded as PNG. pdfjs-dist is opened
 * as the reader opens it (no eval, no font faces or system fonts, no network or XFA; fonts drawn
 * as paths), quietly: what it would warn about, the reader has reported already.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Canvas, type CanvasContext, type CanvasModule, LABEL_FONT, withCanvasGlobals } from './canvas.js';
import { type Drawing, type Instruction, KIND_STYLE, LAYOUT } from './drawing.js';

/** One page to render: its 1-based number and a function that lays out its drawing once the page's size is known. */
export interface PageToRender {
  page: number;
  drawing: (size: { width: number; height: number }) => Drawing;
}

/** A rendered page: its drawing (as laid out for the rendered size) and the PNG bytes. */
export interface RenderedPage {
  drawing: Drawing;
  png: Uint8Array;
}

/** A page pdfjs-dist could not render: its number and pdfjs's message. */
export class RenderError extends Error {
  constructor(
    readonly page: number,
    message: string,
  ) {
    super(message);
    this.name = 'RenderError';
  }
}

/** pdfjs-dist's asset folders (standard fonts, cMaps, wasm decoders, ICC profiles), as the reader uses them. */
function pdfjsAssets(): { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string; iccUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const dir = (name: string): string => `${join(root, name)}/`;
  return { standardFontDataUrl: dir('standard_fonts'), cMapUrl: dir('cmaps'), wasmUrl: dir('wasm'), iccUrl: dir('iccs') };
}

/**
 * Renders `pages` of the PDF `bytes` at `scale` (pixels per point; 2 = 144 dpi) and draws each
 * page's drawing over it. Throws RenderError for a page pdfjs-dist cannot render.
 */
export async function renderPngs(bytes: Uint8Array, pages: readonly PageToRender[], scale: number, canvas: CanvasModule): Promise<RenderedPage[]> {
  return withCanvasGlobals(canvas, async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    class CanvasFactory {
      create(width: number, height: number): { canvas: Canvas; context: CanvasContext } {
        const c = canvas.createCanvas(width, height);
        return { canvas: c, context: c.getContext('2d') };
      }
      reset(target: { canvas: Canvas }, width: number, height: number): void {
        target.canvas.width = width;
        target.canvas.height = height;
      }
      destroy(target: { canvas: Canvas | null }): void {
        target.canvas = null;
      }
    }
    const task = getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      stopAtErrors: false,
      enableXfa: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      disableAutoFetch: true,
      disableStream: true,
      cMapPacked: true,
      verbosity: 0,
      CanvasFactory,
      ...pdfjsAssets(),
    } as Parameters<typeof getDocument>[0]);
    const out: RenderedPage[] = [];
    try {
      const doc = await task.promise;
      for (const { page: n, drawing: layout } of pages) {
        try {
          const page = await doc.getPage(n);
          const viewport = page.getViewport({ scale });
          const base = canvas.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
          await page.render({ canvasContext: base.getContext('2d') as never, viewport, canvas: base as never }).promise;
          const drawing = layout({ width: viewport.width / scale, height: viewport.height / scale });
          const picture = canvas.createCanvas(Math.ceil(drawing.width * scale), Math.ceil(drawing.height * scale));
          const ctx = picture.getContext('2d');
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, picture.width, picture.height);
          ctx.drawImage(base, 0, 0);
          for (const ins of drawing.instructions) drawInstruction(ctx, ins, scale);
          out.push({ drawing, png: new Uint8Array(await picture.encode('png')) });
          page.cleanup();
        } catch (error) {
          throw error instanceof RenderError ? error : new RenderError(n, error instanceof Error ? error.message : String(error));
        }
      }
    } finally {
      await task.destroy();
    }
    return out;
  });
}

/** Where a box's outline is drawn, in whole pixels: the box `outset` points outside, each edge on a pixel boundary. */
export function pixelRect(bbox: readonly [number, number, number, number], outset: number, scale: number): { x0: number; y0: number; x1: number; y1: number } {
  return {
    x0: Math.round((bbox[0] - outset) * scale),
    y0: Math.round((bbox[1] - outset) * scale),
    x1: Math.round((bbox[2] + outset) * scale),
    y1: Math.round((bbox[3] + outset) * scale),
  };
}

/** The stroke width in pixels: LAYOUT.stroke points, at least two pixels (centred on a pixel boundary, so every stroked pixel is the kind's colour exactly). */
export function strokePixels(scale: number): number {
  return Math.max(2, 2 * Math.round((LAYOUT.stroke * scale) / 2));
}

/** Carries out one instruction on a canvas at `scale` pixels per point. */
function drawInstruction(ctx: CanvasContext, ins: Instruction, scale: number): void {
  const color = KIND_STYLE[ins.kind].color;
  switch (ins.op) {
    case 'box': {
      const r = pixelRect(ins.bbox, ins.outset, scale);
      ctx.strokeStyle = color;
      ctx.lineWidth = strokePixels(scale);
      ctx.setLineDash(ins.dashed ? [4 * scale, 3 * scale] : []);
      ctx.strokeRect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
      ctx.setLineDash([]);
      return;
    }
    case 'leader':
      ctx.strokeStyle = color;
      ctx.lineWidth = Math.max(1, Math.round(scale / 2));
      ctx.beginPath();
      ctx.moveTo(ins.x0 * scale, ins.y0 * scale);
      ctx.lineTo(ins.x1 * scale, ins.y1 * scale);
      ctx.stroke();
      return;
    case 'swatch':
      ctx.fillStyle = color;
      ctx.fillRect(ins.bbox[0] * scale, ins.bbox[1] * scale, (ins.bbox[2] - ins.bbox[0]) * scale, (ins.bbox[3] - ins.bbox[1]) * scale);
      return;
    case 'label': {
      let x = ins.x;
      if (ins.bar) {
        ctx.fillStyle = color;
        ctx.fillRect(x * scale, (ins.y + 0.5) * scale, (LAYOUT.bar - 1.5) * scale, (ins.height - 1) * scale);
        x += LAYOUT.bar;
      }
      ctx.fillStyle = '#212121';
      ctx.font = `${LAYOUT.fontSize * scale}px ${LABEL_FONT}, sans-serif`;
      ctx.textBaseline = 'middle';
      ctx.fillText(ins.text, x * scale, (ins.y + ins.height / 2) * scale, Math.max(1, (ins.x + ins.width - x) * scale));
      return;
    }
  }
}
