/**
 * Plain-text helpers every stage may use (readers, assembly, the status rule, normalisers): Unicode
 * format characters taken out before printed words are recognised, spacing and dashes cleaned,
 * text shortened or quoted for a diagnostic message, the base name of a path. Pure; no locale
 * dependence.
 */

/** Unicode format characters (zero-width space, soft hyphen, direction marks …): invisible in print. */
const FORMAT_CHARS = /\p{Cf}/gu;

/** `text` without Unicode format characters (\p{Cf}): `Actie\u200blijn 4` → `Actielijn 4`. For recognising page furniture. */
export function withoutFormatChars(text: string): string {
  return text.replace(FORMAT_CHARS, '');
}

/**
 * Text folded for comparison: the one way nap-annex compares printed words regardless of case,
 * spacing and invisible characters. Unicode format characters removed (withoutFormatChars), NFC,
 * every run of white space (NBSP and the other Unicode spaces included) one space, trimmed, lower
 * case. Plain `toLowerCase`: Unicode has no Dutch lower-casing of its own (only Turkish, Azeri and
 * Lithuanian differ), so `toLocaleLowerCase('nl')` gives the same at several times the cost.
 * `' Af\u00adgerond\u00a0 '` → `'afgerond'`. Labels compared without punctuation as well:
 * vocabulary.ts `labelKey`.
 */
export function foldText(text: string): string {
  return FOLDED.of(text);
}

/** Texts up to this many UTF-16 units are remembered: labels, header cells, short cells; a Toelichting is read once. */
const REMEMBERED_LENGTH = 200;

/**
 * A pure function of a string remembered for the inputs it was last asked about: the readers ask
 * the same few words again and again (every cell of every page is compared with the legend
 * labels, column headers and furniture). Keeps at most `kept` entries and starts again when full,
 * so memory stays bounded whatever the input.
 */
export class RememberedText {
  private readonly results = new Map<string, string>();
  constructor(
    private readonly compute: (text: string) => string,
    private readonly kept = 4096,
  ) {}
  /** `compute(text)`, from memory when it was asked before (a text longer than REMEMBERED_LENGTH is computed every time). */
  of(text: string): string {
    if (text.length > REMEMBERED_LENGTH) return this.compute(text);
    let result = this.results.get(text);
    if (result === undefined) {
      result = this.compute(text);
      if (this.results.size >= this.kept) this.results.clear();
      this.results.set(text, result);
    }
    return result;
  }
}

const FOLDED = new RememberedText((text) => withoutFormatChars(text).normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase());

/** Shortens text for a diagnostic message: whitespace collapsed, cut to `max` characters with `…`. */
export function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The base name of a path as typed (`/home/me/annex.pdf` → `annex.pdf`; `\\` too), so no local folder reaches published output. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter((p) => p !== '').at(-1) ?? path;
}

/** Space-like characters that PDF/Word exports put where a plain space is meant. */
const SPACE_LIKE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/gu;

/** Dash-like characters (hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus). */
const DASH_LIKE = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/gu;

/**
 * Unicode NFC, every run of whitespace (including NBSP, narrow NBSP, tabs, line breaks)
 * collapsed to one space, trimmed. `'\u00a0Q1\u00a0 2024 '` → `'Q1 2024'`.
 */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(SPACE_LIKE, ' ').trim();
}

/** Replaces en/em dashes, minus signs and Unicode hyphens with ASCII `-`. */
export function asciiDashes(text: string): string {
  return text.replace(DASH_LIKE, '-');
}

/**
 * Quotes a raw value for a message: `"…"`, with whitespace shown as printed but cut to
 * `max` characters so one odd cell cannot flood a report.
 */
export function quote(text: string, max = 120): string {
  const t = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `"${t}"`;
}
