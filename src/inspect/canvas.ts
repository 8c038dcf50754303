/**
 * The canvas add-on `@napi-rs/canvas`, which pdfjs-dist renders with in Node (an optional
 * dependency of pdfjs-dist: `npm install --omit=optional` leaves it out). Only inspect renders;
 * the reader's threads keep the add-on from loading (src/threads/pdfjs-environment.ts puts an empty
 * module in its place in the CommonJS cache and placeholders for DOMMatrix, Path2D and ImageData).
 * In a thread where that was done (a test process, a library user's reader), the real add-on is
 * loaded past the empty module and the placeholders are swapped for its classes only while a page
 * renders (withCanvasGlobals).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What inspect uses of a canvas (@napi-rs/canvas's Canvas). */
export interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasContext;
  encode(format: 'png'): Promise<Uint8Array>;
}

/** What inspect uses of a 2D context (@napi-rs/canvas's SKRSContext2D, a browser CanvasRenderingContext2D). */
export interface CanvasContext {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  font: string;
  textBaseline: string;
  setLineDash(segments: number[]): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  drawImage(image: Canvas, x: number, y: number): void;
}

/** The add-on's exports inspect uses. */
export interface CanvasModule {
  createCanvas(width: number, height: number): Canvas;
  DOMMatrix: unknown;
  Path2D: unknown;
  ImageData: unknown;
  GlobalFonts: { registerFromPath(path: string, alias?: string): unknown };
}

/** The font family inspect writes its names in: Liberation Sans from pdfjs-dist's standard fonts, the same on every machine. */
export const LABEL_FONT = 'NapAnnexInspect';

/** The add-on, or why it cannot be loaded. */
export type CanvasLoad = { canvas: CanvasModule } | { error: string };

let loaded: CanvasLoad | undefined;

/**
 * Loads @napi-rs/canvas as pdfjs-dist would (resolved from pdfjs-dist's own folder), past the empty
 * module the reader's threads put in its place, and registers the names' font. Never throws: a
 * missing or broken add-on gives `{ error }` with the reason.
 */
export function loadCanvas(): CanvasLoad {
  if (loaded !== undefined) return loaded;
  try {
    const fromPdfjs = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));
    const path = fromPdfjs.resolve('@napi-rs/canvas');
    const placeholder = fromPdfjs.cache[path];
    delete fromPdfjs.cache[path];
    let canvas: CanvasModule;
    try {
      canvas = fromPdfjs(path) as CanvasModule;
    } finally {
      if (placeholder !== undefined) fromPdfjs.cache[path] = placeholder;
    }
    if (typeof canvas.createCanvas !== 'function') throw new Error('it has no createCanvas');
    const font = join(dirname(fromPdfjs.resolve('pdfjs-dist/package.json')), 'standard_fonts', 'LiberationSans-Regular.ttf');
    if (existsSync(font)) canvas.GlobalFonts.registerFromPath(font, LABEL_FONT);
    loaded = { canvas };
  } catch (error) {
    loaded = { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
  return loaded;
}

/**
 * Runs `work` with the add-on's DOMMatrix, Path2D and ImageData as globals (pdfjs-dist renders
 * with them), and puts back what was there before (the reader's placeholders, or nothing) after.
 */
export async function withCanvasGlobals<T>(canvas: CanvasModule, work: () => Promise<T>): Promise<T> {
  const globals = globalThis as Record<string, unknown>;
  const names = ['DOMMatrix', 'Path2D', 'ImageData'] as const;
  const saved = names.map((n) => [n, Object.getOwnPropertyDescriptor(globals, n)] as const);
  for (const n of names) globals[n] = canvas[n];
  try {
    return await work();
  } finally {
    for (const [n, d] of saved) {
      if (d === undefined) delete globals[n];
      else Object.defineProperty(globals, n, d);
    }
  }
}
