/**
 * The edition of an annex (pure): the date of the letter it was sent with and its Kamerstuk
 * (`34843-109`). Read from the document's own text outside the table (its title block) where it
 * prints them, else taken from the options (`--edition-date`, `--kamerstuk`), else null with one
 * NAP013 info. Footnotes are not searched: they cite other Kamerstukken.
 */
import type { Edition } from '../schema/annex.js';
import type { Normalised, NormaliseProblem } from './problems.js';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `18 maart 2024` (or `18-03-2024`, `2024-03-18`) → `2024-03-18`; null when no valid date is in `text`. */
export function findDutchDate(text: string): string | null {
  const iso = (y: number, m: number, d: number): string | null => {
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const written = new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})\\b`, 'i').exec(text);
  if (written) return iso(Number(written[3]), MONTHS.indexOf(written[2]!.toLowerCase()) + 1, Number(written[1]));
  const numeric = /\b(\d{1,2})-(\d{1,2})-(\d{4})\b/.exec(text);
  if (numeric) return iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const isoText = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  return isoText ? iso(Number(isoText[1]), Number(isoText[2]), Number(isoText[3])) : null;
}

/**
 * A Kamerstuk reference → `dossier-number` (`34843-109`, `36200-VIII-12`): `Kamerstuk 34843, nr. 109`,
 * `Kamerstukken II 2023/24, 34843, nr. 109`, `34843-109`, `kst-34843-109`. Null when none is found.
 */
export function findKamerstuk(text: string): string | null {
  const cited = /Kamerstuk(?:ken)?\s*(?:I{1,2}\s*)?,?\s*(?:\d{4}\/\d{2,4},?\s*)?(\d{4,6})(?:-([A-Z]{1,6}))?,?\s*nr\.?\s*(\d{1,5})/i.exec(text);
  if (cited) return `${cited[1]}${cited[2] ? `-${cited[2].toUpperCase()}` : ''}-${cited[3]}`;
  const id = /\b(?:kst-)?(\d{4,6})(?:-([A-Z]{1,6}))?-(\d{1,5})\b/.exec(text);
  return id ? `${id[1]}${id[2] ? `-${id[2]}` : ''}-${id[3]}` : null;
}

/** Normalises a `--kamerstuk` value: `34843-109`, `34843 nr. 109`, `kst-34843-109` → `34843-109`; null when it is none of these. */
export function parseKamerstukOption(value: string): string | null {
  const trimmed = value.trim();
  const found = findKamerstuk(/^\d/.test(trimmed) && /nr/i.test(trimmed) ? `Kamerstuk ${trimmed}` : trimmed);
  return found;
}

/**
 * The edition from the document's title text (may be null) and the options. Every field the
 * document prints wins over an option; a field found nowhere is null, and one NAP013 names what is missing.
 */
export function findEdition(documentText: string | null, options: { editionDate?: string; kamerstuk?: string } = {}): Normalised<Edition> {
  const text = documentText ?? '';
  const printedDate = findDutchDate(text);
  const printedKamerstuk = /kamerstuk|kst-/i.test(text) ? findKamerstuk(text) : null;
  const edition: Edition = {
    date: printedDate ?? options.editionDate ?? null,
    kamerstuk: printedKamerstuk ?? options.kamerstuk ?? null,
    dateFoundBy: printedDate ? 'document' : options.editionDate ? 'option' : 'absent',
    kamerstukFoundBy: printedKamerstuk ? 'document' : options.kamerstuk ? 'option' : 'absent',
  };
  const missing = [edition.date === null ? 'date (--edition-date YYYY-MM-DD)' : '', edition.kamerstuk === null ? 'Kamerstuk (--kamerstuk DOSSIER-NR)' : ''].filter((x) => x !== '');
  const problems: NormaliseProblem[] =
    missing.length === 0
      ? []
      : [{ code: 'NAP013', message: `The document prints no edition ${missing.join(' and no ')} outside its table; left null. Give it with the option in brackets to label this edition.` }];
  return { value: edition, problems };
}
