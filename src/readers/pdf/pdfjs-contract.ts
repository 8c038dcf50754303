/**
 * Everything the PDF reader relies on from pdfjs-dist beyond its documented API, in one place:
 * each fact has a typed accessor here, and test/readers/pdf/pdfjs-contract.test.ts checks each on
 * a fixture, so an upgrade of pdfjs-dist fails on the exact field that changed. The reader reads
 * the operator list (`getOperatorList`), the glyph and font objects it refers to, image objects,
 * marked-content ids as the structure tree writes them, and the warning lines pdfjs prints.
 *
 * Where the reader shares a constant with pdfjs's evaluator (src/core/evaluator.js) or its shared
 * utilities (src/shared/util.js), the pdfjs name is given with it. pdfjs-dist is Apache-2.0,
 * © Mozilla and the pdf.js contributors.
 *
 * A module that must run before pdfjs-dist is loaded (the page worker's set-up), or that runs in
 * the main thread, must not import this file: it imports pdfjs-dist.
 */
import { AnnotationMode, ImageKind, OPS, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

export { AnnotationMode, ImageKind, OPS, VerbosityLevel };

/**
 * The pdfjs-dist version the reader was checked against. A test fails when the installed version
 * differs, so an upgrade is a deliberate step: run this contract's tests and the PDF fixtures.
 */
export const PDFJS_CHECKED_VERSION = '5.5.207';

/**
 * The draw operations inside a `constructPath` buffer: pdfjs's `DrawOPS` (src/shared/util.js),
 * not exported by pdfjs-dist's build. Each is followed by its coordinates (moveTo/lineTo 2,
 * curveTo 6, quadraticCurveTo 4, closePath none).
 */
export const DrawOp = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/** How many coordinates follow each draw operation in a path buffer (DrawOp → count). */
export const DRAW_OP_COORDS: Readonly<Record<number, number>> = { 0: 2, 1: 2, 2: 6, 3: 4, 4: 0 };

/** The paint operators a `constructPath` may end with (pdfjs folds `re f`, `m l S` … into one op). */
export const FILL_OPS: ReadonlySet<number> = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
export const STROKE_OPS: ReadonlySet<number> = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
/** Fills by the even-odd rule (`f*`, `B*`, `b*`). */
export const EVEN_ODD_OPS: ReadonlySet<number> = new Set([OPS.eoFill, OPS.eoFillStroke, OPS.closeEOFillStroke]);

/** An operator list as pdfjs returns it: parallel arrays of operator codes and their arguments. */
export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/**
 * `constructPath`'s arguments (pdfjs ≥ 5.3, CanvasGraphics.constructPath):
 * `[paintOp, [Float32Array of DrawOp + coordinates] | [null], minMax]`, `minMax` being
 * `[minX, minY, maxX, maxY]` of the path in the current user space. `paintOp` is `OPS.endPath`
 * for a path that only clips.
 */
export interface PathArgs {
  paintOp: number | null;
  path: ArrayLike<number> | null;
  minMax: ArrayLike<number> | null;
}

export function pathArgs(args: readonly unknown[]): PathArgs {
  const paintOp = typeof args[0] === 'number' ? args[0] : null;
  const data = args[1];
  const buf = Array.isArray(data) ? data[0] : null;
  const path = isNumberArrayLike(buf) ? buf : null;
  const mm = args[2];
  const minMax = isNumberArrayLike(mm) && mm.length >= 4 ? mm : null;
  return { paintOp, path, minMax };
}

/**
 * A `setGState` entry as pdfjs's evaluator encodes it (PartialEvaluator.setGState): the
 * arguments are `[[key, value], …]`; `LW`, `CA`, `ca` numbers; `BM` a canvas composite
 * operation name (pdfjs's normalizeBlendMode: `Normal` → `source-over`, `Multiply` →
 * `multiply` …); `SMask` `true` for a soft mask (its group follows inline, as a `beginGroup`
 * with `smask`) or `false` for `/None`; `Font` `[loadedName, size]`.
 */
export type GStateEntry =
  | { key: 'ca' | 'CA' | 'LW'; value: number }
  | { key: 'BM'; value: string }
  | { key: 'SMask'; value: boolean }
  | { key: 'Font'; value: [unknown, unknown] }
  | { key: 'other'; value: unknown };

export function gStateEntries(args: readonly unknown[] | null): GStateEntry[] {
  const out: GStateEntry[] = [];
  for (const entry of (args?.[0] as unknown[] | undefined) ?? []) {
    if (!Array.isArray(entry)) continue;
    const [key, value] = entry as [unknown, unknown];
    if ((key === 'ca' || key === 'CA' || key === 'LW') && typeof value === 'number') out.push({ key, value });
    else if (key === 'BM') out.push({ key, value: typeof value === 'string' ? value : '' });
    else if (key === 'SMask') out.push({ key, value: value === true });
    else if (key === 'Font' && Array.isArray(value)) out.push({ key, value: [value[0], value[1]] });
    else out.push({ key: 'other', value });
  }
  return out;
}

/** The canvas composite operation of blend mode Normal (and Compatible), as pdfjs names it. */
export const BLEND_NORMAL = 'source-over';
/** Blend modes that darken what lies under them (pdfjs's names for Multiply and Darken). */
export const BLEND_DARKENING: ReadonlySet<string> = new Set(['multiply', 'darken']);

/**
 * `beginGroup`'s argument (PartialEvaluator.buildFormXObject): `[{matrix, bbox, smask,
 * isolated, knockout}]`; `smask` is the soft mask's options (`{subtype, backdrop, transferMap}`)
 * when the group is a soft mask's, else undefined/null; `matrix` (6) and `bbox` (4) in the form's
 * space, or null.
 */
export interface GroupArgs {
  isMask: boolean;
  /** The soft mask's subtype (`Luminosity` or `Alpha`) and backdrop (`#rrggbb`), for a mask's group. */
  maskSubtype: string | null;
  maskBackdrop: string | null;
  matrix: ArrayLike<number> | null;
  bbox: ArrayLike<number> | null;
}

export function groupArgs(args: readonly unknown[] | null): GroupArgs {
  const group = args?.[0] as { smask?: unknown; matrix?: unknown; bbox?: unknown } | undefined;
  const smask = group?.smask;
  const isMask = smask !== undefined && smask !== null && smask !== false;
  const mask = isMask && typeof smask === 'object' ? (smask as { subtype?: unknown; backdrop?: unknown }) : null;
  return {
    isMask,
    maskSubtype: typeof mask?.subtype === 'string' ? mask.subtype : null,
    maskBackdrop: typeof mask?.backdrop === 'string' ? mask.backdrop : null,
    matrix: isNumberArrayLike(group?.matrix) && group.matrix.length >= 6 ? group.matrix : null,
    bbox: isNumberArrayLike(group?.bbox) && group.bbox.length >= 4 ? group.bbox : null,
  };
}

/**
 * `paintFormXObjectBegin`'s arguments: `[matrix (Float32Array 6) | null, bbox (Float32Array 4) |
 * null]`; pdfjs leaves `bbox` null when the form is a transparency group (its `beginGroup` carries
 * the bbox instead).
 */
export function formArgs(args: readonly unknown[] | null): { matrix: ArrayLike<number> | null; bbox: ArrayLike<number> | null } {
  const m = args?.[0];
  const b = args?.[1];
  return { matrix: isNumberArrayLike(m) && m.length >= 6 ? m : null, bbox: isNumberArrayLike(b) && b.length >= 4 ? b : null };
}

/**
 * Marked content as pdfjs passes it: `beginMarkedContent` `[tag]`, `beginMarkedContentProps`
 * `[tag, MCID number | null]`, or for optional content `['OC', {type: 'OCG' | 'OCMD', …} | null]`.
 * The tag arrives as a string, or as a serialised Name `{name}`.
 */
export interface MarkedContentArgs {
  tag: string | null;
  mcid: number | null;
  /** The optional-content group or membership dictionary of an `/OC` sequence. */
  optionalContent: unknown;
}

export function markedContentArgs(fn: number, args: readonly unknown[] | null): MarkedContentArgs {
  const t = args?.[0];
  const tag = typeof t === 'string' ? t : typeof (t as { name?: unknown } | null)?.name === 'string' ? (t as { name: string }).name : null;
  const props = fn === OPS.beginMarkedContentProps ? args?.[1] : undefined;
  const mcid = typeof props === 'number' && Number.isInteger(props) ? props : null;
  const optionalContent = tag === 'OC' && fn === OPS.beginMarkedContentProps && props != null ? props : undefined;
  return { tag, mcid, optionalContent };
}

/**
 * The content id the structure tree gives a marked-content sequence (StructTreePage, pdfjs
 * src/core/struct_tree.js): `p{page object ref}_mc{MCID}`, the ref written `12R` (generation 0)
 * or `12R3`. `pageRef` is PDFPageProxy.ref; null (no ref) falls back to the page number.
 */
export function contentIdPrefix(pageRef: { num: number; gen: number } | null | undefined, pageNumber: number): string {
  return `p${pageRef ? `${pageRef.num}R${pageRef.gen === 0 ? '' : pageRef.gen}` : pageNumber}`;
}

export function contentId(prefix: string, mcid: number): string {
  return `${prefix}_mc${mcid}`;
}

/**
 * Where pdfjs publishes an object the operator list names: ids starting `g_` (fonts, and images
 * shared between pages) are in `page.commonObjs`, the others in `page.objs`.
 */
export function objectStore(id: string): 'common' | 'page' {
  return id.startsWith('g_') ? 'common' : 'page';
}

/** A glyph in `showText`'s arguments (pdfjs src/core/fonts.js `Glyph`), the fields the reader reads. */
export interface GlyphFacts {
  unicode: string;
  /** Advance in glyph space (thousandths of an em for a 0.001 font matrix). */
  width: number;
  isSpace: boolean;
  /** The glyph is in the font program (false: pdfjs draws nothing for it, or a fallback). */
  isInFont: boolean;
  /** A Type3 glyph's entry in its font's `charProcOperatorList`. */
  operatorListId: string | null;
  /** The character code the content drew. */
  originalCharCode: number | null;
}

/**
 * `showText`'s arguments: `[glyphs]`, each a glyph object or a number (a TJ offset in thousandths
 * of an em). pdfjs folds `'`, `"` and `TJ` into `showText`; `nextLineSetSpacingShowText` keeps its
 * text third.
 */
export function showTextGlyphs(fn: number, args: readonly unknown[] | null): unknown[] | null {
  const glyphs = args?.[fn === OPS.nextLineSetSpacingShowText ? 2 : 0];
  return Array.isArray(glyphs) ? glyphs : null;
}

/** A showText element: a TJ offset (number), a glyph, or null for anything else. */
export function glyphFacts(g: unknown): GlyphFacts | number | null {
  if (typeof g === 'number') return g;
  if (g === null || typeof g !== 'object') return null;
  const o = g as { unicode?: unknown; width?: unknown; isSpace?: unknown; isInFont?: unknown; operatorListId?: unknown; originalCharCode?: unknown };
  return {
    unicode: typeof o.unicode === 'string' ? o.unicode : '',
    width: typeof o.width === 'number' ? o.width : 0,
    isSpace: o.isSpace === true,
    isInFont: o.isInFont !== false,
    operatorListId: typeof o.operatorListId === 'string' || typeof o.operatorListId === 'number' ? String(o.operatorListId) : null,
    originalCharCode: typeof o.originalCharCode === 'number' ? o.originalCharCode : null,
  };
}

/**
 * What the reader uses of a font object in `commonObjs` (pdfjs's exported font data,
 * EXPORT_DATA_PROPERTIES in src/core/fonts.js), by its loaded name (`g_d0_f1`).
 */
export interface FontFacts {
  /** Glyph space → text space, e.g. `[0.001, 0, 0, 0.001, 0, 0]`. */
  fontMatrix?: readonly number[];
  /** Ascent and descent as shares of the em (descent negative), for text boxes. */
  ascent?: number;
  descent?: number;
  /** A vertical (top-to-bottom) font: its glyphs advance down, not right. */
  vertical?: boolean;
  /** Base font name, e.g. `ABCDEF+Wingdings-Regular`. */
  name?: string;
  /** A Type3 font: its glyphs are drawn by content streams (charProcOperatorList). */
  isType3Font?: boolean;
  /** A Type3 font's glyph procedures as operator lists, by Glyph.operatorListId. */
  charProcOperatorList?: Record<string, OperatorList>;
  /** The font program is missing (a standard or system font was used instead). */
  missingFile?: boolean;
  /** pdfjs could not make a usable font of it (an ErrorFont or an unusable program). */
  isInvalidPDFjsFont?: boolean;
  /** A composite (Type0/CID) font: its codes are glyph or CID numbers, not characters (with `fontExtraProperties`). */
  composite?: boolean;
  /**
   * The font's /ToUnicode map as pdfjs read it (with `fontExtraProperties`): a ToUnicodeMap,
   * serialised as `{_map: [unicode by code]}`; an IdentityToUnicodeMap has no `_map`.
   */
  toUnicode?: { _map?: ArrayLike<string | null | undefined> | Record<number, string> };
}

/**
 * Whether the font's Unicode map has an entry for a character code, or null when it has no map
 * (pdfjs ToUnicodeMap's `_map`, sent with the font when getDocument is given
 * `fontExtraProperties`: the /ToUnicode map, or for a simple font one built from its encoding).
 */
export function toUnicodeMap(font: FontFacts): ((code: number) => boolean) | null {
  const m = font.toUnicode?._map as Record<number, unknown> | undefined;
  if (m === undefined || m === null || typeof m !== 'object') return null;
  return (code) => typeof m[code] === 'string';
}

export function fontFacts(obj: unknown): FontFacts | undefined {
  if (obj === null || typeof obj !== 'object') return undefined;
  return obj as FontFacts;
}

/**
 * Image data as pdfjs publishes it in `objs`/`commonObjs` (`{width, height, kind, data}`, kind an
 * `ImageKind`); images pdfjs decoded into a bitmap carry `bitmap` instead of `data`.
 */
export interface ImageObject {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/**
 * pdfjs closes the graphics states a content stream left saved (`q` without `Q`) by adding
 * `restore` operators with an empty argument list at its end (PartialEvaluator.getOperatorList,
 * closePendingRestoreOPS); a `Q` in the content gives `restore` with null arguments.
 */
export function isClosingRestore(args: unknown): boolean {
  return Array.isArray(args) && args.length === 0;
}

/**
 * Calls `onChunk` with the operator list received so far each time pdfjs adds a chunk to a page's
 * operator list under construction (PDFPageProxy keeps it in `_intentStates`: each state has
 * `operatorList: {fnArray, argsArray, lastChunk}` and a Set `renderTasks` whose members'
 * `operatorListChanged()` it calls per chunk, in _renderPageChunk). Not documented API: the
 * reader only counts the list, to refuse a page over budget while pdfjs is still parsing it
 * (page-budget.ts). Call after `getOperatorList`; returns a function that stops watching, or
 * null when the page keeps no such state.
 */
export function watchOperatorListChunks(page: unknown, onChunk: (list: OperatorList) => void): (() => void) | null {
  const states = (page as { _intentStates?: unknown } | null)?._intentStates;
  if (!(states instanceof Map)) return null;
  const watched: Set<unknown>[] = [];
  for (const state of states.values()) {
    const s = state as { operatorList?: OperatorList; renderTasks?: unknown } | null;
    const tasks = s?.renderTasks;
    if (!(tasks instanceof Set) || s?.operatorList === undefined) continue;
    const task = { operatorListChanged: () => onChunk(s.operatorList!) };
    tasks.add(task);
    watched.push(tasks);
    (task as { tasks?: Set<unknown> }).tasks = tasks;
  }
  if (watched.length === 0) return null;
  return () => {
    for (const tasks of watched) for (const t of [...tasks]) if ((t as { tasks?: unknown }).tasks === tasks) tasks.delete(t);
  };
}

/**
 * `paintImageMaskXObject`'s argument: `[{data, width, height, count}]`, `data` the mask's bits
 * (1 bit per pixel, rows padded to bytes, as PDFImage.createRawMask makes them, a /Decode
 * [1 0] already applied) or, for all but the smallest masks, the id of an object in
 * `page.objs` holding `{data, width, height}`. Null when it is neither.
 */
export function stencilMask(arg: unknown): { width: number; height: number; data: ArrayLike<number>; inverted: boolean } | string | null {
  const o = arg as { data?: unknown; width?: unknown; height?: unknown } | null;
  if (o === null || typeof o !== 'object') return null;
  if (typeof o.data === 'string') return o.data;
  if (typeof o.width !== 'number' || typeof o.height !== 'number') return null;
  const d = o.data as ArrayLike<number> | undefined;
  if (d === undefined || d === null || typeof d !== 'object' || typeof d.length !== 'number' || d.length < ((o.width + 7) >> 3) * o.height) return null;
  return { width: o.width, height: o.height, data: d, inverted: false };
}

/**
 * The warning lines pdfjs prints (the `Warning: ` prefix, and the wording of skips, font problems
 * and repairs) are part of this contract too; they live in pdfjs-warnings.ts, which must not load
 * pdfjs-dist (the page worker installs its hook before pdfjs-dist is loaded, and the main thread
 * classifies warnings without it), and are re-exported here.
 */
export { WARNING_PREFIX, WARNING_WORDING, classifyPdfjsWarning } from './pdfjs-warnings.js';

function isNumberArrayLike(v: unknown): v is ArrayLike<number> {
  return v !== null && typeof v === 'object' && 'length' in v && typeof (v as ArrayLike<unknown>).length === 'number' && ((v as ArrayLike<unknown>).length === 0 || typeof (v as ArrayLike<unknown>)[0] === 'number');
}
