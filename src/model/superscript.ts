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

/** A note label in letters as Word and LibreOffice number them: `a` … `z`, then `aa` … `zz`, `aaa` … (one letter repeated), or the same in capitals. */
export const LETTER_LABEL = /^(?:([a-z])\1{0,3}|([A-Z])\2{0,3})$/;

/**
 * The number a letter label stands for in its sequence (`a` → 1, `z` → 26, `aa` → 27, `bb` → 28;
 * `A` → 1); null for any other text. Roman numerals are letters too (`i` → 9, `v` → 22): which
 * reading holds is a fact of the document (src/readers/pdf/note-letters.ts), not of the label.
 */
export function letterLabelValue(text: string): number | null {
  if (!LETTER_LABEL.test(text)) return null;
  return (text.length - 1) * 26 + (text.toLowerCase().charCodeAt(0) - 96);
}

/** The letter label of note `n` (n ≥ 1): 1 → `a`, 26 → `z`, 27 → `aa`; in capitals when `upper`. */
export function letterLabel(n: number, upper = false): string {
  const label = String.fromCharCode(96 + ((n - 1) % 26) + 1).repeat(Math.floor((n - 1) / 26) + 1);
  return upper ? label.toUpperCase() : label;
}

/** Note `n` (1 to 39) as a capital Roman numeral, as Word's "I, II, III" numbering prints it: 4 → `IV`, 14 → `XIV`. */
export function upperRoman(n: number): string {
  const ones = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'];
  return 'X'.repeat(Math.floor(n / 10)) + ones[n % 10]!;
}

/** The value of a capital Roman numeral from 1 to 39 (`XIV` → 14); null for any other text. */
export function upperRomanValue(text: string): number | null {
  return text === text.toUpperCase() ? lowerRomanValue(text.toLowerCase()) : null;
}

/** The symbols of Word's "*, †, ‡, §" note numbering, in order; after `§` they repeat doubled (`**`), then tripled. */
const NOTE_SYMBOLS = '*†‡§';

/** The number a symbol label stands for in Word's sequence (`*` → 1, `§` → 4, `**` → 5, `††` → 6); null for any other text. */
export function symbolLabelValue(text: string): number | null {
  if (!/^([*†‡§])\1{0,9}$/.test(text)) return null;
  return (text.length - 1) * NOTE_SYMBOLS.length + NOTE_SYMBOLS.indexOf(text[0]!) + 1;
}

/** The symbol label of note `n` (n ≥ 1): 1 → `*`, 4 → `§`, 5 → `**`. */
export function symbolLabel(n: number): string {
  return NOTE_SYMBOLS[(n - 1) % NOTE_SYMBOLS.length]!.repeat(Math.floor((n - 1) / NOTE_SYMBOLS.length) + 1);
}
