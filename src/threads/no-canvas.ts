/**
 * Keeps pdfjs-dist from loading its optional native add-on `@napi-rs/canvas` (about 30 ms and a
 * native library per reader thread). pdf.mjs `require`s it when evaluated, only to polyfill the
 * browser classes DOMMatrix, ImageData and Path2D that *rendering* needs, and builds one
 * DOMMatrix at load. nap-annex reads operator lists and never renders, so before pdf.mjs is
 * imported this module
 * - defines those three globals as placeholders (pdf.mjs polyfills only what is missing): they
 *   can be constructed, and any use beyond that throws, naming the cause;
 * - puts an empty module for `@napi-rs/canvas` into the CommonJS module cache (Node documents
 *   adding entries to `require.cache`), so the `require` in pdf.mjs returns it without loading
 *   the add-on. When the add-on is not installed at all (`npm install --omit=optional`), there is
 *   nothing to keep from loading, the placeholders alone let pdf.mjs load, and its warning that
 *   the add-on is missing is dropped.
 */
import Module, { createRequire } from 'node:module';

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
