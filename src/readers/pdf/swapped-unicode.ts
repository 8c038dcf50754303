/**
 * Text whose font maps glyphs to byte-swapped Unicode. Ghostscript 10.00 (Debian 12's) re-writes
 * a document's ligature glyphs with their Unicode written in the wrong byte order: the `ti`
 * ligature of Calibri reads `琀椀` (U+7400 U+6900) instead of `ti` (U+0074 U+0069), so `Activiteit`
 * reads `Ac琀椀viteit` and the table header is not found (rewritten/gs-wingdings-a4-landscape-calibri).
 * What the page shows is `ti`; such a character is read as the letter it stands for, and the page
 * says so (NAP033).
 *
 * The rule: a run of characters whose low byte is 0 and whose high byte is an ASCII letter, with
 * a Latin letter right before or after it, is those letters. Any other character stays as it is
 * (Ghostscript's three-letter ligatures come out as characters that cannot be swapped back).
 */

/** Whether code point `cp` is an ASCII letter written byte-swapped (`0x7400` for `t`). */
function isSwappedLetter(cp: number): boolean {
  if ((cp & 0xff) !== 0) return false;
  const hi = cp >> 8;
  return (hi >= 0x41 && hi <= 0x5a) || (hi >= 0x61 && hi <= 0x7a);
}

const LATIN = /\p{Script=Latin}/u;

/**
 * `text` with byte-swapped letters read as the letters they are, how many were repaired, and the
 * words that still hold a character of another script inside a Latin word (`of케ciële`: a
 * three-letter ligature Ghostscript wrote so that it cannot be swapped back). Linear.
 */
export function unswapLetters(text: string): { text: string; repaired: number; damaged: string[] } {
  const chars = [...text];
  if (!chars.some((c) => isSwappedLetter(c.codePointAt(0)!) || !COMMON_OR_LATIN.test(c))) return { text, repaired: 0, damaged: [] };
  const swapped = chars.map((c) => isSwappedLetter(c.codePointAt(0)!));
  const latin = (i: number): boolean => i >= 0 && i < chars.length && LATIN.test(chars[i]!);
  let repaired = 0;
  const out = [...chars];
  // Each run of swapped characters is repaired when a Latin letter stands right before or after it.
  for (let i = 0; i < chars.length; ) {
    if (!swapped[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && swapped[j]) j++;
    if (latin(i - 1) || latin(j)) {
      for (let k = i; k < j; k++) out[k] = String.fromCodePoint(chars[k]!.codePointAt(0)! >> 8);
      repaired += j - i;
    }
    i = j;
  }
  const fixed = out.join('');
  const damaged = fixed.split(/\s+/).filter((w) => INSIDE_LATIN_WORD.test(w));
  return { text: fixed, repaired, damaged };
}

/** Latin letters and the characters any script uses (digits, punctuation, spaces, symbols). */
const COMMON_OR_LATIN = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]$/u;

/** A character of another script (or unassigned) between two Latin letters. */
const INSIDE_LATIN_WORD = /\p{Script=Latin}[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+\p{Script=Latin}/u;
