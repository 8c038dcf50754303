/**
 * Words a narrow column broke at its edge without a hyphen. A word longer than its column is
 * broken wherever the line is full (`ervaringsdeskundig` / `en`), and a line that holds one long
 * word may also simply have wrapped before the next word (`vrouwonvriendelijke` / `werkcultuur`):
 * the page cannot tell the two apart, the language can. The layout marks each place where the
 * column may have broken a word (POSSIBLE_WORD_BREAK, layout-rows.ts); once the whole document is
 * read, each mark becomes a space or nothing (resolveWordBreaks), by the words the document prints
 * elsewhere and Dutch spelling (dutch-spelling.ts).
 */
import { foldText } from '../../model/plain-text.js';
import { canEndDutchWord } from '../../model/vocabulary.js';

/**
 * Marks, inside cell text, a place where a line end may have broken a word longer than its
 * column (no hyphen printed). U+FFFE is a Unicode noncharacter, never text.
 */
export const POSSIBLE_WORD_BREAK = '\uFFFE';

/**
 * A line that may end in a broken word: one run of text without a space that ends in three letters
 * or more, after an opening quote or bracket or any other characters (`'Mannenemancipati`,
 * `studenten(organisati`, `(overzichts-)literatuu`, `www.seksueleopvoe`).
 */
export const BROKEN_WORD_LINE = /^(?:\S*[^\p{L}\s])?\p{L}{3,}$/u;

/**
 * What decides a mark: `printed`, the words the document prints elsewhere (folded: lower case,
 * the parts next to a mark left out, wordsOutsideBreaks), and `spellsDutch`, whether letters are
 * a Dutch word (dutch-spelling.ts; a test may give a word list).
 */
export interface WordKnowledge {
  printed: ReadonlySet<string>;
  spellsDutch: (word: string) => boolean;
}

/**
 * Resolves the POSSIBLE_WORD_BREAK marks in `text`. The letters `a` before a mark and `b` after it
 * are two words (a space) when
 * - `a` can end a Dutch word as spelled (canEndDutchWord: not `…bedrijv`, `…gemeenschapp`),
 * - `a` and `b` are words (printed in the document or spelled as Dutch), `b` of two letters or
 *   more unless the document prints `a` (a single letter is rarely a word, abbreviations aside),
 * - and `ab` is no word; where it is one too (`ervaringsdeskundig en` / `ervaringsdeskundigen`),
 *   the document decides: two words when it prints `a` and never `ab` (`stimuleringsprogramma
 *   loopt`);
 * otherwise one word (`organisati` + `es`, `voorlichtingsmateria` + `al`, `Regeringsco` +
 * `mmissaris`). Measured on the 228 marks of the committed corpus (fixtures/, narrow columns of
 * seven renditions), this reads all 228 as the text export does; the words the document prints,
 * alone, read 213.
 */
export function resolveWordBreaks(text: string, words: WordKnowledge): string {
  if (!text.includes(POSSIBLE_WORD_BREAK)) return text;
  return text
    .replace(/(\p{L}+)\uFFFE(\p{L}*)/gu, (_, a: string, b: string) => (areTwoWords(a, b, words) ? `${a} ${b}` : a + b))
    .replaceAll(POSSIBLE_WORD_BREAK, ' ');
}

/**
 * What the words the document prints decide about a possible break between `a` and `b` without
 * Dutch spelling (areTwoWords gives the same answer whatever spelling says): one word where `a`
 * cannot end a Dutch word or the document prints the whole; two where it prints both parts (and
 * the second has two letters or more, or the first is printed); null where spelling must decide.
 */
export function decidedByDocument(a: string, b: string, printed: ReadonlySet<string>): boolean | null {
  const has = (w: string): boolean => printed.has(foldText(w));
  if (!canEndDutchWord(a) || has(a + b)) return false;
  if (has(a) && has(b)) return true;
  return null;
}

/** Whether a mark in any of `texts` needs Dutch spelling to be decided (decidedByDocument). */
export function needsSpelling(texts: Iterable<string>, printed: ReadonlySet<string>): boolean {
  for (const t of texts) {
    if (!t.includes(POSSIBLE_WORD_BREAK)) continue;
    for (const m of t.matchAll(/(\p{L}+)\uFFFE(\p{L}*)/gu)) if (decidedByDocument(m[1]!, m[2]!, printed) === null) return true;
  }
  return false;
}

/** Whether the letters `a` and `b` on either side of a possible break are two words (the rule of resolveWordBreaks). */
export function areTwoWords(a: string, b: string, words: WordKnowledge): boolean {
  const printed = (w: string): boolean => words.printed.has(foldText(w));
  const isWord = (w: string): boolean => printed(w) || words.spellsDutch(w);
  if (!canEndDutchWord(a) || !isWord(a) || !isWord(b)) return false;
  if ([...b].length < 2 && !printed(a)) return false;
  return !isWord(a + b) || (printed(a) && !printed(a + b));
}

/**
 * The cell text that ends a page's part of a row, given the part on the next page (`next`), when
 * the last line may end in a word the page end broke (LineEnds.brokenWord): with a soft hyphen
 * (U+00AD) after it where the two parts' letters are one word, which the join of a row broken by
 * a page end (joinWrapped) drops with the space; unchanged otherwise.
 */
export function markPageEndBreak(text: string, next: string, words: WordKnowledge): string {
  const parts = pageEndBreakParts(text, next);
  if (parts === null || areTwoWords(parts.a, parts.b, words)) return text;
  return `${text}\u00ad`;
}

/** The letters ending `text` and the lower-case word starting `next`: the two parts of a word a page end may have broken, or null. */
export function pageEndBreakParts(text: string, next: string): { a: string; b: string } | null {
  const a = /(\p{L}+)$/u.exec(text)?.[1];
  const b = /^(\p{Ll}\p{L}*)/u.exec(next.trim())?.[1];
  return a === undefined || b === undefined ? null : { a, b };
}

/** The words of `text` for WordKnowledge.printed (folded), leaving out the parts next to a mark. */
export function wordsOutsideBreaks(text: string): string[] {
  return foldText(text.replace(/\p{L}*\uFFFE\p{L}*/gu, ' '))
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== '');
}

/** Whether any of `texts` holds a mark (then the Dutch speller is worth loading). */
export function hasWordBreaks(texts: Iterable<string>): boolean {
  for (const t of texts) if (t.includes(POSSIBLE_WORD_BREAK)) return true;
  return false;
}
