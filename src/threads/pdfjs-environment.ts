/**
 * What a thread needs before it loads pdfjs-dist, and the one way threads load it
 * (`loadPdfReader`). Import this module before anything that imports pdfjs-dist: its evaluation
 * does the first two of these, loadPdfReader the third.
 *
 * 1. No native canvas add-on. pdf.mjs `require`s `@napi-rs/canvas` when evaluated (about 30 ms and
 *    a native library per thread), only to polyfill the browser classes DOMMatrix, ImageData and
 *    Path2D that *rendering* needs, and builds one DOMMatrix at load. nap-annex reads operator
 *    lists and never renders, so this module defines those three globals as placeholders (pdf.mjs
 *    polyfills only what is missing: they can be constructed, and any use beyond that throws,
 *    naming the cause) and puts an empty module for `@napi-rs/canvas` into the CommonJS module
 *    cache (Node documents adding entries to `require.cache`), so that the `require` in pdf.mjs
 *    returns it without loading the add-on. When the add-on is not installed at all
 *    (`npm install --omit=optional`), the placeholders alone let pdf.mjs load, and its warning that
 *    the add-on is missing is dropped.
 * 2. V8's own `Array.prototype.push`, saved here. The legacy build's pdf.mjs and pdf.worker.mjs
 *    each bundle core-js, which replaces `Array.prototype.push` when the module is evaluated if
 *    `push()` onto an array whose length is not writable fails to throw a TypeError: so in V8 up
 *    to 12.1 (V8 issue 12681), which includes Node 20's. The replacement takes about 1.6× as long
 *    in a plain push loop, and pdf.js pushes for every operator it reads. The one difference
 *    core-js fixes does not matter to pdf.js or nap-annex. Where V8 throws as it should (Node 22
 *    and later), core-js leaves push alone and restoring it is a no-op.
 * 3. loadPdfReader loads the reader's pdfjs side (../readers/pdf/document.ts, which imports
 *    pdf.mjs) and pdf.worker.mjs, the part of pdfjs-dist that parses pages (its "fake worker" in
 *    this thread; it registers itself as `globalThis.pdfjsWorker`, which getDocument then uses),
 *    puts V8's push back, and catches pdfjs's warnings (pdfjs-warnings.ts). It loads them with
 *    `import()`: a bundler hoists static imports of an external package above all bundled code,
 *    so a static import could not be ordered after this module.
 */
import Module, { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { capturePdfjsWarnings } from '../readers/pdf/pdfjs-warnings.js';

const NATIVE_PUSH = Object.getOwnPropertyDescriptor(Array.prototype, 'push')!;

/** A browser class pdf.js needs only to render: constructible, unusable. */
function placeholder(name: string): new (...args: unknown[]) => object {
  return class {
    constructor() {
      return new Proxy(this, {
        get(target, key) {
          if (key === 'then' || typeof key === 'symbol') return undefined;
          throw new Error(`nap-annex does not render PDF pages: ${name}.${String(key)} is not available in the page reader.`);
        },
      });
    }
  };
}

const globals = globalThis as Record<string, unknown>;
for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) globals[name] ??= placeholder(name);

const requireHere = createRequire(import.meta.url);
let canvasPath: string | undefined;
try {
  const pdfjs = requireHere.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  canvasPath = createRequire(pdfjs).resolve('@napi-rs/canvas');
} catch {
  // Not installed (`--omit=optional`): nothing to keep from loading. pdf.mjs then warns once that
  // it cannot load the add-on, which is expected here: that one warning is dropped.
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Warning: Cannot load "@napi-rs/canvas"')) return;
    warn(...args);
  };
}
if (canvasPath !== undefined && requireHere.cache[canvasPath] === undefined) {
  const empty = new Module(canvasPath);
  empty.filename = canvasPath;
  empty.loaded = true;
  empty.exports = {};
  requireHere.cache[canvasPath] = empty;
}

/** Puts back the `Array.prototype.push` this module found when it was evaluated (value and attributes). */
export function restoreNativeArrayPush(): void {
  Object.defineProperty(Array.prototype, 'push', NATIVE_PUSH);
}

/**
 * True when `Array.prototype.push` is V8's own function: its source, printed by the
 * `Function.prototype.toString` of a fresh realm (core-js also replaces `Function.prototype.toString`
 * so that its functions print as `[native code]`), is `[native code]`. Costs a new realm (about a
 * millisecond); for tests and diagnosis.
 */
export function isNativeArrayPush(): boolean {
  const toString = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
  return toString.call(Array.prototype.push).includes('[native code]');
}

/** The reader's pdfjs side: opening a document and reading a page into a PageInput. */
export type PdfReader = typeof import('../readers/pdf/document.js');

let loading: Promise<PdfReader> | undefined;

/**
 * Loads pdfjs-dist and the reader's pdfjs side into this thread, once (see 3. above); resolves
 * with the reader's functions. Catches pdfjs's warnings from then on (they become diagnostics of
 * the page they were raised on).
 */
export function loadPdfReader(): Promise<PdfReader> {
  loading ??= (async () => {
    const reader = await import('../readers/pdf/document.js');
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    restoreNativeArrayPush();
    capturePdfjsWarnings();
    return reader;
  })();
  return loading;
}
