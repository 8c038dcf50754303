/**
 * Symbol characters: drawn icons (`●`, dingbats, private-use glyphs), never words. Shared by the
 * operator-list walk (worker threads) and the layout (calling thread), which must not load pdfjs.
 */

const SYMBOL_RE = /[\p{So}\p{Co}]/u;

/** True for characters the reader treats as drawn symbols (icons), never as words. */
export function isSymbolChar(ch: string): boolean {
  return SYMBOL_RE.test(ch);
}

/** Every symbol character of a text (SYMBOL_RE, global). */
const SYMBOL_CHARS = /[\p{So}\p{Co}]/gu;

/** `text` without symbol characters (icons), trimmed. One replace, not a test and a copy per character: the layout asks this of every chunk. */
export function stripSymbolChars(text: string): string {
  return text.replace(SYMBOL_CHARS, '').trim();
}

/**
 * Symbol fonts put their glyphs at private-use code points U+F020–U+F0FF (the font's own byte
 * plus 0xF000): Word's list bullet is U+F0B7 in Symbol, a Wingdings `l` (U+F06C) prints ●.
 * These tables say what the glyphs show, after the Unicode mappings of the Symbol and Wingdings
 * character sets; only the glyphs a Word user types as bullets or status icons are listed.
 */
const SYMBOL_FONT: Readonly<Record<number, string>> = {
  0x2a: '∗', 0x2d: '−', 0xa7: '♣', 0xa8: '♦', 0xa9: '♥', 0xaa: '♠', 0xac: '←', 0xae: '→',
  0xb0: '°', 0xb1: '±', 0xb4: '×', 0xb7: '•', 0xd7: '⋅', 0xe0: '◊',
};
const WINGDINGS: Readonly<Record<number, string>> = {
  0x6c: '●', 0x6d: '❍', 0x6e: '■', 0x6f: '□', 0x71: '❑', 0x72: '❒', 0x73: '⬧', 0x74: '⧫',
  0x75: '◆', 0x76: '❖', 0x77: '⬥', 0x9e: '·', 0x9f: '•', 0xa0: '▪', 0xa1: '⚪', 0xa4: '◉',
  0xa5: '◎', 0xa7: '▪', 0xa8: '◻', 0xd8: '➢', 0xe8: '➔', 0xfb: '✗', 0xfc: '✓', 0xfe: '☑',
};
/**
 * For a font that is neither (a substitute such as OpenSymbol, or a subset with a made-up name):
 * what Word documents use these code points for — Symbol's bullet, Wingdings' icons and
 * third-level bullet. The two tables agree wherever both are used this way.
 */
const WORD_DEFAULT: Readonly<Record<number, string>> = { ...WINGDINGS, 0xb7: '•', 0xa7: '▪' };

/**
 * Text of a run in font `fontName` (the PDF font's base name, e.g. `ABCDEF+Wingdings-Regular`)
 * with symbol-font private-use code points replaced by the characters they show. Code points the
 * tables do not know are left as they are (the text cleaner reports them).
 */
export function mapSymbolFontText(text: string, fontName: string): string {
  if (!/[\uf020-\uf0ff]/.test(text)) return text;
  const table = /wingdings|webdings/i.test(fontName) ? WINGDINGS : /(^|\+)symbol/i.test(fontName) ? SYMBOL_FONT : WORD_DEFAULT;
  return text.replace(/[\uf020-\uf0ff]/g, (ch) => table[ch.charCodeAt(0) - 0xf000] ?? ch);
}
