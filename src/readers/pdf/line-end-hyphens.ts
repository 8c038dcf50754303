/**
 * Hyphens at line ends inside a word. A line that ends in a hyphen glued to a letter, followed by
 * a line that starts with a letter (`om-` / `gangsvormen`, `Regerings-` / `commissaris`), is
 * either a word the producer hyphenated to fill its lines (TeX does, with a visible U+002D hyphen:
 * the hyphen is no part of the text) or a word whose hyphen the text has, where the line broke
 * (Word, LibreOffice and browsers break only there). The line cannot tell the two apart; the
 * document can. The layout marks each such hyphen (LINE_END_HYPHEN, layout-rows.ts); once the whole
 * document is read, each mark keeps its hyphen or drops it (resolveLineEndHyphens), by the words
 * the document prints elsewhere, whether the document as a whole hyphenates
 * (documentHyphenates), and Dutch spelling (dutch-spelling.ts).
 *
 * A cell that a page end broke is joined by assembly (assemble/page-break.ts); the reader sees the
 * two parts and decides their hyphen as a mark's (pageEndHyphen, markPageEndHyphen): a hyphen to
 * drop becomes a soft hyphen, which the join drops. Where this does not reach: notes and headings
 * (joined without marks), and a page end inside the Activiteit cell (assembly's carried title):
 * their line-end hyphens are kept, as model/wrapped-text.ts joinWrapped keeps them.
 */
import { foldText } from '../../model/plain-text.js';
import { joinWrapped } from '../../model/wrapped-text.js';
import { HYPHENATION } from './settings.js';

/**
 * Marks, right after a line-end hyphen inside a word, that the line ended there (`om-\uFDD0gangsvormen`).
 * U+FDD0 is a Unicode noncharacter, never text (input noncharacters are replaced, clean-text.ts).
 */
export const LINE_END_HYPHEN = '\uFDD0';

/** A text that ends in a hyphen (U+002D) glued to a letter: the line end joinWrapped keeps the hyphen of. */
const ENDS_IN_WORD_HYPHEN = /\p{L}-$/u;

/**
 * The join of a cell's line `next` to the text before it, `joined` being what joinWrapped gave:
 * where joinWrapped glued a line-end hyphen inside a word (`text` ends in a letter and `-`, `next`
 * starts with a letter, nothing put between them), the same with LINE_END_HYPHEN after the hyphen;
 * otherwise `joined` unchanged.
 */
export function markLineEndHyphen(text: string, next: string, joined: string): string {
  if (!ENDS_IN_WORD_HYPHEN.test(text) || !/^\p{L}/u.test(next) || joined !== text + next) return joined;
  return text + LINE_END_HYPHEN + next;
}

/** A marked hyphen with the word parts either side: letters and digits before (`5D`, `grensover`), after (`GL`, `gangsvormen`). */
const MARKED = /([\p{L}\p{N}]+)-\uFDD0([\p{L}\p{N}]+)/gu;

/** Whether any of `texts` holds a mark. */
export function hasLineEndHyphens(texts: Iterable<string>): boolean {
  for (const t of texts) if (t.includes(LINE_END_HYPHEN)) return true;
  return false;
}

/**
 * The words of `text` as printed, folded, for HyphenKnowledge.printed: each run of letters, digits
 * and hyphens (`regerings-commissaris`, `5d-benadering`), and for a run with hyphens each part
 * (`regerings`, `commissaris`) and each two parts with the hyphen between them. The runs next to a
 * mark (this one or word-breaks.ts's) are left out: they are not printed whole.
 */
export function printedWords(text: string): string[] {
  const out: string[] = [];
  const runs = foldText(text.replace(/[\p{L}\p{N}-]*[\uFDD0\uFFFE][\p{L}\p{N}\uFDD0\uFFFE-]*/gu, ' ')).split(/[^\p{L}\p{N}-]+/u);
  for (const run of runs) {
    const parts = run.split('-').filter((p) => p !== '');
    if (parts.length === 0) continue;
    out.push(parts.join('-'));
    if (parts.length < 2) continue;
    parts.forEach((p, i) => {
      out.push(p);
      if (i > 0) out.push(`${parts[i - 1]!}-${p}`);
    });
  }
  return out;
}

/** What the document's own words say about one mark: its word printed whole elsewhere with the hyphen, or without it. */
type Evidence = 'hyphen-printed' | 'joined-printed' | 'none';

function evidenceOf(a: string, b: string, printed: ReadonlySet<string>): Evidence {
  if (printed.has(foldText(`${a}-${b}`))) return 'hyphen-printed';
  if (printed.has(foldText(a + b))) return 'joined-printed';
  return 'none';
}

/**
 * Whether the document hyphenates words at line ends: among the marks of `texts`, at least
 * HYPHENATION.minHyphenatedWords different words that the document prints whole without the
 * hyphen (and never with it), and at least HYPHENATION.hyphenatedPerKept of those for each
 * different word it prints whole with its hyphen. Words, not marks: a narrow column that breaks
 * `Regerings-commissaris` at its hyphen wherever the Wie column names it, in a text that also
 * spells `Regeringscommissaris`, is one word (pdf-generated/vector-a4-landscape: 15 marks, one
 * word); pdfLaTeX's rendition has 76 marks of such words, 58 different ones, and 1 word of the other kind.
 */
export function documentHyphenates(texts: Iterable<string>, printed: ReadonlySet<string>): boolean {
  const hyphenated = new Set<string>();
  const kept = new Set<string>();
  for (const t of texts) {
    if (!t.includes(LINE_END_HYPHEN)) continue;
    for (const [, a, b] of t.matchAll(MARKED)) {
      const e = evidenceOf(a!, b!, printed);
      if (e === 'joined-printed') hyphenated.add(foldText(a! + b!));
      else if (e === 'hyphen-printed') kept.add(foldText(a! + b!));
    }
  }
  return hyphenated.size >= HYPHENATION.minHyphenatedWords && hyphenated.size >= HYPHENATION.hyphenatedPerKept * kept.size;
}

/**
 * What decides a mark: `printed`, the words the document prints (printedWords), `hyphenates`,
 * whether the document hyphenates (documentHyphenates), and `spellsDutch`, whether letters are a
 * Dutch word (dutch-spelling.ts; a test may give a word list), asked only when the document
 * hyphenates and prints neither form.
 */
export interface HyphenKnowledge {
  printed: ReadonlySet<string>;
  hyphenates: boolean;
  spellsDutch: (word: string) => boolean;
}

/**
 * Resolves the LINE_END_HYPHEN marks in `text`. With `a` the letters and digits before the hyphen
 * and `b` those after the mark, the hyphen is dropped (`omgangsvormen`) only in a document that
 * hyphenates (HyphenKnowledge.hyphenates), and there when
 * - the document prints `ab` whole and never `a-b` (`seksueel` printed, `sek-` / `sueel` broken), or
 * - it prints neither, and `ab` is spelled as
 *   Dutch (`desalni-` / `ettemin`), or `a` and `b` are lower-case letters (`a` may start with a
 *   capital) and neither is a word, printed or Dutch (`Respon-` / `sive`, an English word);
 * and kept otherwise (`Regerings-commissaris`, `5D-benadering`, `PvdA-GL`, `Trimbos-instituut`).
 * A mark that no word part surrounds is taken out, the hyphen kept.
 */
export function resolveLineEndHyphens(text: string, words: HyphenKnowledge): string {
  if (!text.includes(LINE_END_HYPHEN)) return text;
  const drop = (a: string, b: string): boolean => {
    if (!words.hyphenates) return false;
    const e = evidenceOf(a, b, words.printed);
    if (e !== 'none') return e === 'joined-printed';
    if (!/^\p{L}+$/u.test(a + b)) return false;
    if (words.spellsDutch(a + b)) return true;
    // Parts of a plain word, neither a word itself (`Respon-` / `sive`): a hyphen the text has
    // joins words, names or abbreviations (`PvdA-GL`, `Trimbos-instituut`).
    const isWord = (w: string): boolean => words.printed.has(foldText(w)) || words.spellsDutch(w);
    return /^\p{Lu}?\p{Ll}+$/u.test(a) && /^\p{Ll}+$/u.test(b) && !isWord(a) && !isWord(b);
  };
  return text.replace(MARKED, (_, a: string, b: string) => (drop(a, b) ? a + b : `${a}-${b}`)).replaceAll(LINE_END_HYPHEN, '');
}

/**
 * The line-end hyphen between the text that ends a page's part of a row (`text`) and the same
 * cell's part on the next page (`next`), as a marked hyphen (`voor-\uFDD0lichting`, for
 * documentHyphenates and resolveLineEndHyphens), when the join of the two parts (joinWrapped)
 * would keep it glued inside a word; null otherwise.
 */
export function pageEndHyphen(text: string, next: string): string | null {
  const a = /([\p{L}\p{N}]*\p{L})-$/u.exec(text)?.[1];
  const b = /^\p{L}[\p{L}\p{N}]*/u.exec(next.trim())?.[0];
  if (a === undefined || b === undefined) return null;
  if (!markLineEndHyphen(text, next.trim(), joinWrapped(text, next.trim())).includes(LINE_END_HYPHEN)) return null;
  return `${a}-${LINE_END_HYPHEN}${b}`;
}

/**
 * `text`, which ends a page's part of a row, with its last hyphen made soft (U+00AD) where the
 * hyphen between it and `next` is hyphenation (resolveLineEndHyphens drops it): the join of a row
 * broken by a page end (joinWrapped) drops a soft hyphen. Unchanged otherwise.
 */
export function markPageEndHyphen(text: string, next: string, words: HyphenKnowledge): string {
  const marked = pageEndHyphen(text, next);
  if (marked === null || resolveLineEndHyphens(marked, words).includes('-')) return text;
  return `${text.slice(0, -1)}\u00ad`;
}
