/**
 * Calendar helpers for the planning parser: ISO 8601 dates (YYYY-MM-DD) in the proleptic
 * Gregorian calendar, computed in UTC so no time zone can shift a day.
 */

/** Earliest year the planning parser accepts; an earlier number is treated as not a year. */
export const MIN_YEAR = 1900;
/** Latest year the planning parser accepts. */
export const MAX_YEAR = 2199;

/** `isoDate(2024, 3, 1)` → `'2024-03-01'` (month and day 1-based). */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Number of days in a month (1-based): `daysInMonth(2024, 2)` → 29. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First day of `month` in `year` as ISO. */
export function monthStart(year: number, month: number): string {
  return isoDate(year, month, 1);
}

/** Last day of `month` in `year` as ISO; `monthEnd(2025, 2)` → `'2025-02-28'`. */
export function monthEnd(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

/** The ISO date one day before `iso` (`'2024-06-01'` → `'2024-05-31'`). */
export function dayBefore(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d - 1));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Dutch month names and common abbreviations (lower case) → month number 1–12. */
export const DUTCH_MONTHS: ReadonlyMap<string, number> = new Map([
  ['januari', 1], ['jan', 1],
  ['februari', 2], ['feb', 2], ['febr', 2],
  ['maart', 3], ['mrt', 3], ['mar', 3],
  ['april', 4], ['apr', 4],
  ['mei', 5],
  ['juni', 6], ['jun', 6],
  ['juli', 7], ['jul', 7],
  ['augustus', 8], ['aug', 8],
  ['september', 9], ['sep', 9], ['sept', 9],
  ['oktober', 10], ['okt', 10], ['oct', 10],
  ['november', 11], ['nov', 11],
  ['december', 12], ['dec', 12],
]);

/**
 * The first year after `year` whose last two digits are `twoDigits`: `yearAfter(2023, 24)` → 2024,
 * `yearAfter(1999, 0)` → 2000 (for `2023/24`-style spans).
 */
export function yearAfter(year: number, twoDigits: number): number {
  const sameCentury = year - (year % 100) + twoDigits;
  return sameCentury > year ? sameCentury : sameCentury + 100;
}
