/**
 * Footnote markers as Unicode superscript digits (`¹`, `¹⁰`, `²⁵`): the page model's one
 * representation of a marker, whatever the input format.
 */

const DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Matches one run of superscript digits (a marker). Global: reset `lastIndex` or use matchAll. */
export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

/** `¹⁰` → 10. Returns NaN when `s` holds anything but superscript digits. */
export function fromSuperscript(s: string): number {
  if (s === '') return Number.NaN;
  let n = 0;
  for (const ch of s) {
    const d = DIGITS.indexOf(ch);
    if (d < 0) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/** 10 → `¹⁰`. `n` must be a non-negative integer. */
export function toSuperscript(n: number): string {
  return superscriptDigits(String(n));
}

/** `'0123'` → `⁰¹²³`: each ASCII digit as printed (leading zeros and long runs kept). */
export function superscriptDigits(digits: string): string {
  return digits.replace(/\d/g, (d) => DIGITS[Number(d)]!);
}

/**
 * The value of a lower-case Roman numeral from 1 to 39 (`xiv` → 14), the numbering Word and
 * LibreOffice give endnotes by default; null for any other text.
 */
export function lowerRomanValue(text: string): number | null {
  if (!/^(?=[ivx])x{0,3}(ix|iv|v?i{0,3})$/.test(text)) return null;
  const values: Record<string, number> = { i: 1, v: 5, x: 10 };
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const v = values[text[i]!]!;
    n += v < (values[text[i + 1] ?? ''] ?? 0) ? -v : v;
  }
  return n;
}
