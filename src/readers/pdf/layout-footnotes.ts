/** Footnote definitions at a page's bottom: a raised or smaller number, then the text. */
import { lowerRomanValue } from '../../model/superscript.js';
import type { Columns } from './layout-header.js';
import type { Line } from './text.js';

/**
 * True when line `l` starts a footnote definition: a raised or smaller 1–4 digit number, then
 * text smaller than the body (or left of the table). Below the page's tables (`belowTables`)
 * the text may be as large as the body: Word and LibreOffice print footnotes in any size.
 */
export function isFootnoteStart(l: Line, bodySize: number, cols: Columns | null, belowTables = false): boolean {
  const first = l.chunks[0];
  if (!first || l.chunks.length < 2) return false;
  if (markerNumber(first.text, first.sup) === null) return false;
  const second = l.chunks[1]!;
  const marked = first.sup || first.size < 0.9 * second.size;
  if (!marked) return false;
  if (cols !== null && first.x0 >= (cols.bounds[1] ?? Infinity)) return false;
  if (belowTables) return true;
  const textSize = second.size;
  return textSize < 0.97 * bodySize || (cols !== null && first.x0 < cols.bounds[0]! + 0.5 * bodySize);
}

/** True when the number at the start of `l` sits close to its text, as a footnote number does (not a number inside running text). */
export function startsNewFootnote(l: Line): boolean {
  const first = l.chunks[0]!;
  const second = l.chunks[1];
  return second !== undefined && second.x0 - first.x1 < 2 * l.size;
}

/**
 * The note number a raised or leading marker text stands for: `12` → 12, and for raised text
 * (`sup`) a lower-case Roman numeral (`xiv` → 14). Null for anything else.
 */
export function markerNumber(text: string, sup: boolean): number | null {
  const t = text.replace(/\s+/g, '');
  if (/^\d{1,4}$/.test(t)) return Number(t);
  return sup ? lowerRomanValue(t) : null;
}
