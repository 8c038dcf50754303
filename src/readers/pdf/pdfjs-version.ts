/**
 * The pdfjs-dist version the PDF reader was checked against. Besides published API
 * (getOperatorList, getStructTree, getTextContent for vertical fonts), the reader relies on
 * shapes pdfjs does not document: the glyph objects in `showText` arguments (`unicode`, `width`,
 * `isSpace`), the font objects in `commonObjs` (`fontMatrix`, `ascent`, `descent`, `vertical`,
 * `name`) and `constructPath`'s argument layout (graphics.ts). A test fails when the installed
 * version differs, so that an upgrade is a deliberate step with the PDF fixtures re-checked
 * (test/readers/pdf/glyph-chunks.test.ts compares the chunks with pdfjs's own text items).
 */
export const PDFJS_CHECKED_VERSION = '5.5.207';
