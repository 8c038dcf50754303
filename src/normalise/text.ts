/**
 * Small text helpers shared by the normalisers. Pure; no locale dependence.
 */

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
