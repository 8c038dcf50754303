/**
 * A page input as it crosses from a page-reader thread to its caller (read-pages.ts): its text
 * runs, shapes and rulings in columns. postMessage copies an object graph object by object,
 * writing every property name of every object again, and a page's runs, shapes and rulings (each
 * with its box) were most of a page input's objects: on a page of the 2024 rendition about 180
 * runs, 120 shapes and 100 rulings, against 75 text chunks. In columns (the numbers in one
 * Float64Array, the strings in one array) they copy at a fraction of that, and the objects are
 * built again on the other side. Every other part of the page input crosses as it is.
 *
 * `unpackPage(packPage(p))` equals `p`, property order included: each run
 * `{ box: { x0, y0, x1, y1 }, color }`, each shape `{ box, color, mode, order, opaque, alpha,
 * multiply, rect }` and its marked content (`contentId`, `artifact: true`, in that order, as the
 * walk writes them: walk/paths.ts), each ruling `{ box, orientation }`, with the same values (-0
 * and NaN included). A list with an element not of its form crosses as it is.
 */
import type { Box } from '../readers/pdf/geometry.js';
import type { PageInput } from '../readers/pdf/page-content.js';
import type { Ruling, RunPaint, Shape } from '../readers/pdf/page-graphics.js';

/** A page's runs in columns: run k is `{ box: boxes[4k … 4k + 3] (x0, y0, x1, y1), color: colors[k] }`. */
export interface RunColumns {
  boxes: Float64Array;
  colors: string[];
}

/**
 * A page's shapes in columns: shape k has its box in `numbers[6k … 6k + 3]`, its order and alpha
 * in `numbers[6k + 4]`, `numbers[6k + 5]`, its colour in `colors[k]`, its mode and flags in
 * `flags[k]` (SHAPE_FLAGS), and its content id, when it has one, next in `contentIds`.
 */
export interface ShapeColumns {
  numbers: Float64Array;
  colors: string[];
  flags: Uint8Array;
  contentIds: string[];
}

/** A page's rulings in columns: ruling k is `{ box: boxes[4k … 4k + 3], orientation: horizontal[k] === 1 ? 'h' : 'v' }`. */
export interface RulingColumns {
  boxes: Float64Array;
  horizontal: Uint8Array;
}

/** A page input with its runs, shapes and rulings in columns, each where it could be packed. */
export type PackedPageInput = Omit<PageInput, 'graphics'> & {
  graphics: Omit<PageInput['graphics'], 'runs' | 'shapes' | 'rulings'> & {
    runs: RunPaint[] | RunColumns;
    shapes: Shape[] | ShapeColumns;
    rulings: Ruling[] | RulingColumns;
  };
};

/** True when `box` is a plain box: exactly the own properties x0, y0, x1, y1, each a number. */
function plainBox(box: Box): boolean {
  return Object.keys(box).length === 4 && [box.x0, box.y0, box.x1, box.y1].every((v) => typeof v === 'number');
}

/** The box at `at` of `numbers` (x0, y0, x1, y1). */
function boxAt(numbers: Float64Array, at: number): Box {
  return { x0: numbers[at]!, y0: numbers[at + 1]!, x1: numbers[at + 2]!, y1: numbers[at + 3]! };
}

/** Writes a box at `at` of `numbers`. */
function putBox(numbers: Float64Array, at: number, box: Box): void {
  numbers[at] = box.x0;
  numbers[at + 1] = box.y0;
  numbers[at + 2] = box.x1;
  numbers[at + 3] = box.y1;
}

/** The runs in columns; null when a run is not exactly `{ box, color }` with a plain box and a string colour. */
export function packRuns(runs: readonly RunPaint[]): RunColumns | null {
  const boxes = new Float64Array(runs.length * 4);
  const colors = new Array<string>(runs.length);
  for (let k = 0; k < runs.length; k++) {
    const { box, color } = runs[k]!;
    if (Object.keys(runs[k]!).length !== 2 || typeof color !== 'string' || !plainBox(box)) return null;
    putBox(boxes, 4 * k, box);
    colors[k] = color;
  }
  return { boxes, colors };
}

/** The runs again, as objects. */
export function unpackRuns({ boxes, colors }: RunColumns): RunPaint[] {
  const runs = new Array<RunPaint>(colors.length);
  for (let k = 0; k < colors.length; k++) runs[k] = { box: boxAt(boxes, 4 * k), color: colors[k]! };
  return runs;
}

/** The bits of ShapeColumns.flags. */
const SHAPE_FLAGS = { stroke: 1, opaque: 2, multiply: 4, rect: 8, contentId: 16, artifact: 32 } as const;

/** A shape's own properties in order, without and with its marked content. */
const SHAPE_KEYS = ['box', 'color', 'mode', 'order', 'opaque', 'alpha', 'multiply', 'rect'];
const SHAPE_TAILS: readonly (readonly string[])[] = [[], ['contentId'], ['artifact'], ['contentId', 'artifact']];

/** The shape's flags (SHAPE_FLAGS); null when it is not of the form the walk writes. */
function shapeFlags(s: Shape): number | null {
  const keys = Object.keys(s);
  const tail = keys.slice(SHAPE_KEYS.length);
  if (!SHAPE_KEYS.every((k, i) => keys[i] === k) || !SHAPE_TAILS.some((t) => t.length === tail.length && t.every((k, i) => tail[i] === k))) return null;
  if (!plainBox(s.box) || typeof s.color !== 'string' || (s.mode !== 'fill' && s.mode !== 'stroke') || typeof s.order !== 'number' || typeof s.alpha !== 'number') return null;
  if (typeof s.opaque !== 'boolean' || typeof s.multiply !== 'boolean' || typeof s.rect !== 'boolean') return null;
  if ('contentId' in s && typeof s.contentId !== 'string') return null;
  if ('artifact' in s && s.artifact !== true) return null;
  return (
    (s.mode === 'stroke' ? SHAPE_FLAGS.stroke : 0) |
    (s.opaque ? SHAPE_FLAGS.opaque : 0) |
    (s.multiply ? SHAPE_FLAGS.multiply : 0) |
    (s.rect ? SHAPE_FLAGS.rect : 0) |
    ('contentId' in s ? SHAPE_FLAGS.contentId : 0) |
    ('artifact' in s ? SHAPE_FLAGS.artifact : 0)
  );
}

/** The shapes in columns; null when a shape is not of the form the walk writes (shapeFlags). */
export function packShapes(shapes: readonly Shape[]): ShapeColumns | null {
  const numbers = new Float64Array(shapes.length * 6);
  const colors = new Array<string>(shapes.length);
  const flags = new Uint8Array(shapes.length);
  const contentIds: string[] = [];
  for (let k = 0; k < shapes.length; k++) {
    const s = shapes[k]!;
    const f = shapeFlags(s);
    if (f === null) return null;
    putBox(numbers, 6 * k, s.box);
    numbers[6 * k + 4] = s.order;
    numbers[6 * k + 5] = s.alpha;
    colors[k] = s.color;
    flags[k] = f;
    if (s.contentId !== undefined) contentIds.push(s.contentId);
  }
  return { numbers, colors, flags, contentIds };
}

/** The shapes again, as objects (their properties in the walk's order). */
export function unpackShapes({ numbers, colors, flags, contentIds }: ShapeColumns): Shape[] {
  const shapes = new Array<Shape>(colors.length);
  let id = 0;
  for (let k = 0; k < colors.length; k++) {
    const f = flags[k]!;
    const shape: Shape = {
      box: boxAt(numbers, 6 * k),
      color: colors[k]!,
      mode: f & SHAPE_FLAGS.stroke ? 'stroke' : 'fill',
      order: numbers[6 * k + 4]!,
      opaque: (f & SHAPE_FLAGS.opaque) !== 0,
      alpha: numbers[6 * k + 5]!,
      multiply: (f & SHAPE_FLAGS.multiply) !== 0,
      rect: (f & SHAPE_FLAGS.rect) !== 0,
    };
    if (f & SHAPE_FLAGS.contentId) shape.contentId = contentIds[id++]!;
    if (f & SHAPE_FLAGS.artifact) shape.artifact = true;
    shapes[k] = shape;
  }
  return shapes;
}

/** The rulings in columns; null when a ruling is not exactly `{ box, orientation }` with a plain box and 'h' or 'v'. */
export function packRulings(rulings: readonly Ruling[]): RulingColumns | null {
  const boxes = new Float64Array(rulings.length * 4);
  const horizontal = new Uint8Array(rulings.length);
  for (let k = 0; k < rulings.length; k++) {
    const r = rulings[k]!;
    const keys = Object.keys(r);
    if (keys.length !== 2 || keys[0] !== 'box' || keys[1] !== 'orientation' || (r.orientation !== 'h' && r.orientation !== 'v') || !plainBox(r.box)) return null;
    putBox(boxes, 4 * k, r.box);
    horizontal[k] = r.orientation === 'h' ? 1 : 0;
  }
  return { boxes, horizontal };
}

/** The rulings again, as objects. */
export function unpackRulings({ boxes, horizontal }: RulingColumns): Ruling[] {
  const rulings = new Array<Ruling>(horizontal.length);
  for (let k = 0; k < horizontal.length; k++) rulings[k] = { box: boxAt(boxes, 4 * k), orientation: horizontal[k] === 1 ? 'h' : 'v' };
  return rulings;
}

/** The page input to post: its runs, shapes and rulings in columns, each list that can be (else as it is). */
export function packPage(input: PageInput): PackedPageInput {
  const g = input.graphics;
  return { ...input, graphics: { ...g, runs: packRuns(g.runs) ?? g.runs, shapes: packShapes(g.shapes) ?? g.shapes, rulings: packRulings(g.rulings) ?? g.rulings } };
}

/** A posted page input → the page input (runs, shapes and rulings as objects again). */
export function unpackPage(posted: PageInput | PackedPageInput): PageInput {
  const g = posted.graphics;
  const runs = Array.isArray(g.runs) ? g.runs : unpackRuns(g.runs);
  const shapes = Array.isArray(g.shapes) ? g.shapes : unpackShapes(g.shapes);
  const rulings = Array.isArray(g.rulings) ? g.rulings : unpackRulings(g.rulings);
  return { ...posted, graphics: { ...g, runs, shapes, rulings } };
}
