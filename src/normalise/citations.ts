/**
 * Kamerstuk citations in footnote text → `Citation[]`.
 *
 * Accepted spellings (all seen in the 2024 annex, plus Eerste Kamer, no session and suffixes):
 *   `Kamerstukken II 2022/23, 34843, nr. 80` · `Kamerstukken, 2023/24 30420, nr. 390` ·
 *   `Kamerstukken II 2022/23 34843; 30234, nr. 77` · `Kamerstukken II 2022/23, 24587 nr.898` ·
 *   `Kamerstukken I 2023/24, 36200-VIII, nr. 5` · `Kamerstuk 34843, nr. 109`.
 * Several citations in one text (`… nr. 1199 en Kamerstukken II …`) give several results.
 *
 * Output per citation: `text` (the substring as printed, from `Kamerstuk` to the number),
 * `chamber` (`I` | `II` | null when not printed), `sessionYear` (`YYYY/YY`, or null),
 * `dossiers` (first one names the document; suffixes upper-cased, `36200-VIII`),
 * `documentNumber`, `id` = `kst-<first dossier>-<nr>` and
 * `url` = `https://zoek.officielebekendmakingen.nl/<id>.html` (the publication site's URL scheme).
 *
 * Problems (NAP403): a `Kamerstuk…` mention followed by numbers that does not parse (e.g. no
 * `nr.`), and a session that is not two consecutive years. Nothing is guessed.
 */
import type { Citation } from '../schema/annex.js';
import type { Normalised, NormaliseProblem } from './problems.js';
import { yearAfter } from './dates.js';
import { cleanText, quote } from '../model/plain-text.js';

const DOSSIER = String.raw`\d{4,6}(?:-(?:[IVXLC]+|\d{1,3}|[A-Z]))?(?![\p{L}\p{N}])`;
const CITATION = new RegExp(
  String.raw`\bKamerstuk(?:ken)?(?:\s+(I{1,2})(?![\p{L}\p{N}]))?\s*,?\s*` +
    String.raw`(?:(\d{4})\s*[/-]\s*(\d{4}|\d{2})(?!\p{N})\s*,?\s*)?` +
    String.raw`(${DOSSIER}(?:\s*[;,]\s*${DOSSIER}|\s+en\s+${DOSSIER})*)` +
    String.raw`\s*,?\s*(?:nrs?|no|nummers?)\.?\s*(\d+[a-z]?(?:\s*(?:,|en|&)\s*(?:nrs?\.?\s*)?\d+[a-z]?(?![\p{L}\p{N}/]))*)(?![\p{L}\p{N}])`,
  'giu',
);
/** A mention that looks like a citation: `Kamerstuk(ken)` with a 4+ digit number close behind. */
const LOOKS_LIKE = /\bKamerstuk(?:ken)?\b(?=[^\n]{0,40}?\d{4})/giu;

const BASE_URL = 'https://zoek.officielebekendmakingen.nl/';

/**
 * Finds every Kamerstuk citation in `text` (see the module doc). Never throws; text without
 * citations gives `[]` and no problems.
 */
export function parseCitations(text: string): Normalised<Citation[]> {
  const citations: Citation[] = [];
  const problems: NormaliseProblem[] = [];
  const covered: Array<[number, number]> = [];

  for (const m of text.matchAll(CITATION)) {
    covered.push([m.index, m.index + m[0].length]);
    const [printed, chamber, y1, y2, dossierList, nr] = m;
    const dossiers = dossierList!
      .split(/\s*[;,]\s*|\s+en\s+/)
      .filter((d) => d !== '')
      .map((d) => d.toUpperCase());
    let sessionYear: string | null = null;
    if (y1 !== undefined && y2 !== undefined) {
      const first = Number(y1);
      const second = y2.length === 4 ? Number(y2) : yearAfter(first, Number(y2));
      sessionYear = `${y1}/${String(second % 100).padStart(2, '0')}`;
      if (second !== first + 1) {
        problems.push({
          code: 'NAP403',
          actual: `${y1}/${y2}`,
          // A session runs over two consecutive years: the one that starts in y1.
          expected: `${y1}/${String((first + 1) % 100).padStart(2, '0')}`,
          message:
            `Citation ${quote(printed)} gives session ${quote(`${y1}/${y2}`)}, which is not two consecutive years; ` +
            `it is kept as ${sessionYear}. Check the session year in the source.`,
        });
      }
    }
    // `nr. 80 en nr. 81`, `nrs. 80, 81`: one citation per document number, same dossier.
    for (const number of nr!.toLowerCase().match(/\d+[a-z]?/g)!) {
      const id = `kst-${dossiers[0]}-${number}`;
      citations.push({
        text: printed,
        chamber: chamber === undefined ? null : (chamber.toUpperCase() as 'I' | 'II'),
        sessionYear,
        dossiers,
        documentNumber: number,
        id,
        url: `${BASE_URL}${id}.html`,
      });
    }
  }

  for (const m of text.matchAll(LOOKS_LIKE)) {
    if (covered.some(([from, to]) => m.index >= from && m.index < to)) continue;
    const snippet = cleanText(text.slice(m.index, m.index + 80));
    problems.push({
      code: 'NAP403',
      actual: snippet,
      expected: 'Kamerstukken II 2022/23, 34843, nr. 80',
      message:
        `${quote(snippet)} looks like a Kamerstuk citation but could not be read (expected e.g. ` +
        '"Kamerstukken II 2022/23, 34843, nr. 80"); the footnote text is kept as printed and no citation is recorded. ' +
        'Check the dossier number and "nr." in the source.',
    });
  }
  return { value: citations, problems };
}
