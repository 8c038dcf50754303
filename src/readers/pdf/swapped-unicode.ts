/**
 * Text whose font maps glyphs to byte-swapped Unicode. Ghostscript 10.00 (Debian 12's) re-writes
 * a document's ligature glyphs with their Unicode written in the wrong byte order: the `ti`
 * ligature of Calibri reads `琀椀` (U+7400 U+6900) instead of `ti` (U+0074 U+0069), so `Activiteit`
 * reads `Ac琀椀viteit` and the table header is not found (rewritten/gs-wingdings-a4-landscape-calibri).
 * What the page shows is `ti`; such a character is read as the letter it stands for, and the page
 * says so (NAP033).
 *
 * The rule: a run of characters whose low byte is 0 and whose high byte is an ASCII letter, with
 * a Latin letter right before or after it, is those letters.
 *
 * Ghostscript writes a three-letter ligature's Unicode in two units: the first letter, swapped,
 * then one unit whose high byte is the sum of the second and third letters (`ffi` is U+6600
 * U+CF00: 0x66, then 0x66 + 0x69). A sum that falls in the surrogate range (`tti`: 0x74 + 0x69 =
 * 0xDD) reaches us as pdf.js decodes a lone surrogate with nothing after it: U+50000. Such a unit
 * after a swapped letter is read as the ligature only when first letter and sum spell one of the
 * three-letter ligatures in {@link THREE_LETTER_LIGATURES}. Any other character stays as it is and
 * its word is named (NAP034).
 */

/**
 * Three-letter ligatures of the Latin fonts that office producers embed (Calibri, Cambria, Carlito:
 * ffi, ffl, fft, ffb, ffh, ffj, ffk, tti). Ghostscript's sums seen in
 * rewritten/gs-wingdings-a4-landscape-calibri: ffi, ffl, tti.
 */
const THREE_LETTER_LIGATURES: readonly string[] = ['ffi', 'ffl', 'fft', 'ffb', 'ffh', 'ffj', 'ffk', 'tti'];

/** The code point pdf.js gives for a ToUnicode unit `unit` that is the first half of a surrogate pair with nothing after it. */
function asLoneSurrogate(unit: number): number {
  return ((unit & 0x3ff) << 10) + 0x10000;
}

/**
 * The last two letters of a three-letter ligature whose first letter is `first` and whose second
 * unit (as pdf.js decoded it) is `cp`, or undefined when `cp` is not such a unit.
 */
function ligatureTail(first: string, cp: number): string | undefined {
  for (const ligature of THREE_LETTER_LIGATURES) {
    if (ligature[0] !== first) continue;
    const unit = (ligature.charCodeAt(1) + ligature.charCodeAt(2)) << 8;
    const read = (unit & 0xf800) === 0xd800 ? asLoneSurrogate(unit) : unit;
    if (read === cp) return ligature.slice(1);
  }
  return undefined;
}

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
    // A three-letter ligature's second unit, right after the run (see the module comment).
    const last = String.fromCodePoint(chars[j - 1]!.codePointAt(0)! >> 8);
    const tail = j < chars.length ? ligatureTail(last, chars[j]!.codePointAt(0)!) : undefined;
    const end = tail === undefined ? j : j + 1;
    if (latin(i - 1) || latin(end)) {
      for (let k = i; k < j; k++) out[k] = String.fromCodePoint(chars[k]!.codePointAt(0)! >> 8);
      if (tail !== undefined) out[j] = tail;
      repaired += end - i;
    }
    i = end;
  }
  const fixed = out.join('');
  const damaged = fixed.split(/\s+/).filter((w) => INSIDE_LATIN_WORD.test(w));
  return { text: fixed, repaired, damaged };
}

/** Latin letters and the characters any script uses (digits, punctuation, spaces, symbols). */
const COMMON_OR_LATIN = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]$/u;

/** A character of another script (or unassigned) between two Latin letters. */
const INSIDE_LATIN_WORD = /\p{Script=Latin}[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+\p{Script=Latin}/u;
