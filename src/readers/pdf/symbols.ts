/**
 * Symbol characters: drawn icons (`●`, dingbats, private-use glyphs), never words. Shared by the
 * operator-list walk (worker threads) and the layout (calling thread), which must not load pdfjs.
 */

const SYMBOL_RE = /[\p{So}\p{Co}]/u;

/** True for characters the reader treats as drawn symbols (icons), never as words. */
export function isSymbolChar(ch: string): boolean {
  return SYMBOL_RE.test(ch);
}
