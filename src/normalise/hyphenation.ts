/**
 * Line-break hyphens: PDF/Word exports keep the hyphen of a word broken over two lines
 * (`Regerings-commissaris`). Rule (docs/architecture.md, "The input"; docs/normalisation.md, owners): join the two halves only when the
 * joined word is a known word — so `PvdA-GL` or `Noord-Holland` stay as printed.
 */
import { foldText } from '../model/plain-text.js';

const lowerCache = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/** The set with every entry lower-cased (cached per set, so a large document set costs once). */
function lowered(words: ReadonlySet<string>): ReadonlySet<string> {
  let out = lowerCache.get(words);
  if (out === undefined) {
    out = new Set([...words].map(foldText));
    lowerCache.set(words, out);
  }
  return out;
}

/**
 * Joins `left-right` and `left- right` (letters on both sides) into `leftright` when the joined
 * word, compared case-insensitively, is in `knownWords` or in `extraWords`. Everything else is
 * returned unchanged. `joinLineBreakHyphens('Regerings-commissaris', new Set(['regeringscommissaris']))`
 * → `'Regeringscommissaris'`.
 */
export function joinLineBreakHyphens(
  text: string,
  knownWords: ReadonlySet<string>,
  extraWords: ReadonlySet<string> = new Set(),
): string {
  const known = lowered(knownWords);
  const extra = lowered(extraWords);
  return text.replace(/(?<!\p{L})(\p{L}+)-\s?(\p{L}+)/gu, (whole, left: string, right: string) => {
    const joined = foldText(`${left}${right}`);
    return known.has(joined) || extra.has(joined) ? `${left}${right}` : whole;
  });
}
