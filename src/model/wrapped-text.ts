/**
 * Joining the lines of a cell that wrapped, or the two parts of a cell that a page end broke:
 * the one rule every reader and assembly use, so that a cell reads the same whichever way it
 * was broken.
 */

/** A line starting with a bullet character starts a new list item. */
export const BULLET_START = /^[•◦▪‣⁃∙➢✓○◆■□]/u;

const SUPERSCRIPT_ONLY = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u;

/** A line that starts with closing punctuation or a closing quote continues the word before it. */
const CONTINUES_WORD = /^(?:[.,;:!?)\]}%]|['’"”](?=[\s.,;:!?)]|$))/u;

/**
 * Joins `next` to `text` where a line wrapped:
 * - a new line (`\n`) before a bullet item or where the reader saw a paragraph gap;
 * - nothing between them when `next` is only a footnote marker (superscript digits) that wrapped
 *   alone onto the next line: it still belongs to the word before it;
 * - nothing before closing punctuation (`.`, `,`, `;`, `:`, `!`, `?`, `)`, `]`, `}`, `%`) or a closing
 *   quote (a quote followed by a space, punctuation or the end): line breaking puts these at the
 *   start of a line only when a too narrow column broke the word before them
 *   (`onderwijsinstellingen` + `.`, `www.seksueleopvoeding` + `.nl`), or when a space stood before
 *   them; a reader that sees the line before hold more than one word knows it was a space
 *   (`spaceBefore`: `gedrag` + `.` where the text reads `gedrag .`, word-generated/marker-wrap-a5-calibri);
 * - nothing after a soft hyphen (dropped), nor after a line-end U+2010 HYPHEN glued to a letter
 *   before a letter (dropped: the hyphen automatic hyphenation prints, as WeasyPrint
 *   does with `hyphens: auto`, `omgangsvor‐` + `men`, `GELI‐` + `JKSPEL`; a typed hyphen is U+002D);
 * - nothing after a line-end hyphen glued to a letter when the
 *   next line starts with a letter (`Regerings-` + `commissaris` → `Regerings-commissaris`, as the
 *   text export prints it), unless the next line starts with a conjunction (`meld-` + `en …`)
 *   or with another word cut short the same way (`steun-` + `hulp- en meldpunten`);
 *   nothing between a period broken at a hyphen (`2023-` + `2025` → `2023-2025`, `2022-` +
 *   `Q3 2024` → `2022-Q3 2024`, `70%-` + `30%` → `70%-30%`: a space after a hyphen at a line end
 *   cannot be seen);
 * - a space otherwise.
 */
export function joinWrapped(text: string, next: string, paragraph = false, spaceBefore = false): string {
  const a = text;
  const b = next.trim();
  if (b === '') return a;
  if (a === '') return b;
  if (SUPERSCRIPT_ONLY.test(b)) return a + b;
  if (BULLET_START.test(b) || paragraph) return `${a}\n${b}`;
  if (CONTINUES_WORD.test(b) && /\S$/u.test(a) && !spaceBefore) return a + b;
  if (a.endsWith('\u00ad')) return a.slice(0, -1) + b;
  if (/\p{L}\u2010$/u.test(a) && /^\p{L}/u.test(b)) return a.slice(0, -1) + b;
  if (/\S[-\u2010]$/u.test(a) && /^\p{L}/u.test(b) && !/^(en|of|tot|en\/of)\b/.test(b) && !/^\p{L}+[-\u2010](\s|$)/u.test(b)) return a + b;
  if (/\d%?[-\u2010–]$/u.test(a) && /^([QH]\d|\d)/u.test(b)) return a + b;
  return `${a} ${b}`;
}

/**
 * Joins the lines of one cell with joinWrapped; `paragraphBefore[i]` says the reader saw a
 * paragraph gap before line i.
 */
export function joinWrappedLines(parts: readonly string[], paragraphBefore: readonly boolean[] = []): string {
  let out = '';
  parts.forEach((p, i) => {
    out = joinWrapped(out, p.trim(), paragraphBefore[i] === true);
  });
  return out;
}
