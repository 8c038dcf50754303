/**
 * Keeps V8's own `Array.prototype.push` in a thread that loads pdfjs-dist. The legacy build's
 * pdf.mjs and pdf.worker.mjs each bundle core-js, which replaces `Array.prototype.push` when the
 * module is evaluated if `push()` onto an array whose length is not writable fails to throw a
 * TypeError: so in V8 up to 12.1 (V8 issue 12681), which includes Node 20's. The replacement
 * takes about 1.6× as long in a plain push loop, and pdf.js pushes for every operator and text
 * item it reads. core-js also replaces `Function.prototype.toString` so that its functions print
 * as `[native code]`, which is why isNativeArrayPush asks another realm.
 *
 * Import this module before pdfjs-dist is loaded (it saves the native function when evaluated),
 * load pdfjs-dist with a dynamic `import()` (a bundler hoists static imports of external packages
 * above the bundled code), then call restoreNativeArrayPush. The one difference core-js fixes —
 * no TypeError for `push()` onto a frozen-length array — does not matter to pdf.js or nap-annex.
 * Where V8 throws as it should (Node 22 and later), core-js leaves push alone and this is a no-op.
 */
import { runInNewContext } from 'node:vm';

const NATIVE_PUSH = Object.getOwnPropertyDescriptor(Array.prototype, 'push')!;

/** Puts back the `Array.prototype.push` this module found when it was evaluated (value and attributes). */
export function restoreNativeArrayPush(): void {
  Object.defineProperty(Array.prototype, 'push', NATIVE_PUSH);
}

/**
 * True when `Array.prototype.push` is V8's own function: its source, printed by the
 * `Function.prototype.toString` of a fresh realm (which core-js cannot have replaced), is
 * `[native code]`. Costs a new realm (about a millisecond); for tests and diagnosis.
 */
export function isNativeArrayPush(): boolean {
  const toString = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
  return toString.call(Array.prototype.push).includes('[native code]');
}
