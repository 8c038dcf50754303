/**
 * A page input as it crosses from a page-reader thread to its caller (read-pages.ts): its text
 * runs in columns. postMessage copies an object graph object by object, writing every property
 * name of every object again, and a page's runs (each with its box) were most of a page input's
 * objects: about 500 on a page of the 2024 rendition. In columns (the boxes in one Float64Array,
 * the colours in one array) they copy at a fraction of that, and the objects are built again on
 * the other side. Every other part of the page input crosses as it is.
 * `unpackPage(packPage(p))` equals `p`: each run `{ box: { x0, y0, x1, y1 }, color }` with the
 * same values (-0 and NaN included). A page whose runs are not all of that form crosses as it is.
 */
import type { Box } from '../readers/pdf/geometry.js';
import type { PageInput } from '../readers/pdf/page-content.js';
import type { RunPaint } from '../readers/pdf/page-graphics.js';

/** A page's runs in columns: run k is `{ box: boxes[4k … 4k + 3] (x0, y0, x1, y1), color: colors[k] }`. */
export interface RunColumns {
  boxes: Float64Array;
  colors: string[];
}

/** A page input with its runs in columns (graphics.runs). */
export type PackedPageInput = Omit<PageInput, 'graphics'> & { graphics: Omit<PageInput['graphics'], 'runs'> & { runs: RunColumns } };

/** True when `box` is a plain box: exactly the own properties x0, y0, x1, y1, each a number. */
function plainBox(box: Box): boolean {
  return Object.keys(box).length === 4 && [box.x0, box.y0, box.x1, box.y1].every((v) => typeof v === 'number');
}

/** The runs in columns; null when a run is not exactly `{ box, color }` with a plain box and a string colour. */
export function packRuns(runs: readonly RunPaint[]): RunColumns | null {
  const boxes = new Float64Array(runs.length * 4);
  const colors = new Array<string>(runs.length);
  for (let k = 0; k < runs.length; k++) {
    const { box, color } = runs[k]!;
    if (Object.keys(runs[k]!).length !== 2 || typeof color !== 'string' || !plainBox(box)) return null;
    boxes[4 * k] = box.x0;
    boxes[4 * k + 1] = box.y0;
    boxes[4 * k + 2] = box.x1;
    boxes[4 * k + 3] = box.y1;
    colors[k] = color;
  }
  return { boxes, colors };
}

/** The runs again, as objects. */
export function unpackRuns({ boxes, colors }: RunColumns): RunPaint[] {
  const runs = new Array<RunPaint>(colors.length);
  for (let k = 0; k < colors.length; k++) runs[k] = { box: { x0: boxes[4 * k]!, y0: boxes[4 * k + 1]!, x1: boxes[4 * k + 2]!, y1: boxes[4 * k + 3]! }, color: colors[k]! };
  return runs;
}

/** The page input to post: its runs in columns, or the input itself when they cannot be (packRuns). */
export function packPage(input: PageInput): PageInput | PackedPageInput {
  const runs = packRuns(input.graphics.runs);
  return runs === null ? input : { ...input, graphics: { ...input.graphics, runs } };
}

/** A posted page input → the page input (runs as objects again). */
export function unpackPage(posted: PageInput | PackedPageInput): PageInput {
  const { runs } = posted.graphics;
  if (Array.isArray(runs)) return posted as PageInput;
  return { ...posted, graphics: { ...posted.graphics, runs: unpackRuns(runs as RunColumns) } };
}
