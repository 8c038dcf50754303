/**
 * Planning ("Wanneer" / "Oorspronkelijke planning") → dated ranges.
 *
 * Input: the cell text as printed. Output: a `Planning` whose `text` is that input unchanged,
 * `kind` (`dated` | `ongoing` | `to_be_determined` | `unparsed`) and `ranges` with ISO dates
 * (YYYY-MM-DD, first and last day inclusive) and the precision of each end.
 *
 * Grammar (case-insensitive; NBSP, en/em dashes and spaces around `-` are tolerated):
 *   planning    := alternative ( (`,` | `;` | `&` | ` en `) alternative )*
 *   alternative := `vanaf`|`sinds`|`per` period          → from period start, open-ended
 *                | `t/m`|`tot en met`|`uiterlijk` period → start null, until period end
 *                | `voor`|`vóór` period                  → start null, until the day before it
 *                | period ( `-` | ` t/m ` ) period        → first start … last end
 *                | period
 *   period      := YYYY | YYYY/YY | YYYY/YYYY | Qn YYYY | Kn YYYY | `eerste kwartaal` YYYY
 *                | Hn YYYY | `eerste|tweede helft (van)` YYYY | month YYYY | D month YYYY
 *                | YYYY-MM-DD | `begin|medio|eind (van)` YYYY | `begin|medio|eind` month YYYY
 *                | season YYYY
 * A period without a year takes it from the other end of its range (`Q2-Q4 2023`,
 * `maart-juni 2024`) or from the next alternative (`Q1 en Q2 2024`).
 * Approximate terms and seasons follow the table in docs/normalisation.md.
 * `Doorlopend` (and the legend's "Doorlopend gedurende uitvoering programma") → `ongoing`;
 * `n.t.b.` / `nader te bepalen` / `p.m.` → `to_be_determined`; both with no ranges.
 * Anything else → `unparsed`, no ranges, and a NAP401 problem; nothing is guessed.
 */
import type { Planning, PlanningRange, Precision } from '../schema/annex.js';
import { DUTCH_MONTHS, MAX_YEAR, MIN_YEAR, dayBefore, isoDate, monthEnd, monthStart, yearAfter } from './dates.js';
import type { Normalised } from './problems.js';
import { asciiDashes, foldText, quote } from '../model/plain-text.js';

/** A closed period: first and last day (ISO) and how precisely each was given. */
interface Period {
  start: string;
  end: string;
  startPrecision: Precision;
  endPrecision: Precision;
}

/** A period expression whose year may still be missing (`Q2` in `Q2-Q4 2023`). */
interface PeriodExpr {
  year: number | null;
  build(year: number): Period | null;
}

/** One alternative before years are resolved. */
type Alternative =
  | { kind: 'range'; from: PeriodExpr; to: PeriodExpr }
  | { kind: 'from'; from: PeriodExpr }
  | { kind: 'until'; to: PeriodExpr }
  | { kind: 'before'; to: PeriodExpr };

const MONTH_NAMES = [...DUTCH_MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
const OPT_YEAR = '(?:\\s(?:van\\s)?(\\d{4}))?';

const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['eerste', 1], ['1e', 1], ['1ste', 1],
  ['tweede', 2], ['2e', 2], ['2de', 2],
  ['derde', 3], ['3e', 3], ['3de', 3],
  ['vierde', 4], ['4e', 4], ['4de', 4],
]);
const ORDINAL_NAMES = [...ORDINALS.keys()].join('|');

/** Approximate year terms → month span. The table in docs/normalisation.md documents this. */
export const APPROXIMATE_TERMS: ReadonlyMap<string, readonly [firstMonth: number, lastMonth: number]> = new Map([
  ['begin', [1, 3]],
  ['start', [1, 3]],
  ['medio', [4, 9]],
  ['midden', [4, 9]],
  ['halverwege', [4, 9]],
  ['eind', [10, 12]],
  ['einde', [10, 12]],
]);

/**
 * Seasons → first month and length in months (meteorological seasons). `winter YYYY` is the
 * winter that *starts* in December of YYYY and runs to the end of February YYYY+1.
 */
export const SEASONS: ReadonlyMap<string, readonly [firstMonth: number, months: number]> = new Map([
  ['voorjaar', [3, 3]],
  ['lente', [3, 3]],
  ['zomer', [6, 3]],
  ['najaar', [9, 3]],
  ['herfst', [9, 3]],
  ['winter', [12, 3]],
]);

const APPROX_NAMES = [...APPROXIMATE_TERMS.keys()].join('|');
const SEASON_NAMES = [...SEASONS.keys()].join('|');

function validYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** Months `m1` of `y1` … `m2` of `y2` as a period with one precision for both ends. */
function months(y1: number, m1: number, y2: number, m2: number, precision: Precision): Period {
  return { start: monthStart(y1, m1), end: monthEnd(y2, m2), startPrecision: precision, endPrecision: precision };
}

function expr(yearText: string | undefined, build: (year: number) => Period | null): PeriodExpr | null {
  if (yearText === undefined) return { year: null, build };
  const year = Number(yearText);
  return validYear(year) ? { year, build } : null;
}

/** Parses one period (already lower case, single spaces, ASCII dashes). */
function parsePeriod(s: string): PeriodExpr | null {
  s = s.replace(/^(?:in\s)?(?:de\s|het\s)?/, '').trim();
  let m: RegExpMatchArray | null;

  if ((m = s.match(/^(\d{4})$/))) return expr(m[1], (y) => months(y, 1, y, 12, 'year'));

  // 2024/2025, 2023/24: a span of whole years (second year after the first)
  if ((m = s.match(/^(\d{4})\/(\d{2}|\d{4})$/))) {
    const y1 = Number(m[1]);
    const y2 = m[2]!.length === 2 ? yearAfter(y1, Number(m[2])) : Number(m[2]);
    if (!validYear(y1) || !validYear(y2) || y2 <= y1) return null;
    return { year: y1, build: () => months(y1, 1, y2, 12, 'year') };
  }

  if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || monthEnd(y, mo) < isoDate(y, mo, d)) return null;
    return expr(m[1], () => ({ start: isoDate(y, mo, d), end: isoDate(y, mo, d), startPrecision: 'day', endPrecision: 'day' }));
  }

  if ((m = s.match(new RegExp(`^[qk]\\s?([1-4])${OPT_YEAR}$`)))) {
    const q = Number(m[1]);
    return expr(m[2], (y) => months(y, q * 3 - 2, y, q * 3, 'quarter'));
  }
  if ((m = s.match(new RegExp(`^(${ORDINAL_NAMES})\\skwartaal${OPT_YEAR}$`)))) {
    const q = ORDINALS.get(m[1]!)!;
    return expr(m[2], (y) => months(y, q * 3 - 2, y, q * 3, 'quarter'));
  }

  if ((m = s.match(new RegExp(`^h\\s?([12])${OPT_YEAR}$`)))) {
    const h = Number(m[1]);
    return expr(m[2], (y) => months(y, h * 6 - 5, y, h * 6, 'half'));
  }
  if ((m = s.match(new RegExp(`^(eerste|1e|1ste|tweede|2e|2de)\\shelft${OPT_YEAR}$`)))) {
    const h = ORDINALS.get(m[1]!)!;
    return expr(m[2], (y) => months(y, h * 6 - 5, y, h * 6, 'half'));
  }

  if ((m = s.match(new RegExp(`^(\\d{1,2})\\s(${MONTH_NAMES})\\.?${OPT_YEAR}$`)))) {
    const d = Number(m[1]);
    const mo = DUTCH_MONTHS.get(m[2]!)!;
    return expr(m[3], (y) => {
      if (d < 1 || isoDate(y, mo, d) > monthEnd(y, mo)) return null;
      return { start: isoDate(y, mo, d), end: isoDate(y, mo, d), startPrecision: 'day', endPrecision: 'day' };
    });
  }
  if ((m = s.match(new RegExp(`^(?:(?:${APPROX_NAMES})\\s)?(${MONTH_NAMES})\\.?${OPT_YEAR}$`)))) {
    const mo = DUTCH_MONTHS.get(m[1]!)!;
    return expr(m[2], (y) => months(y, mo, y, mo, 'month'));
  }

  if ((m = s.match(new RegExp(`^(${APPROX_NAMES})(?:\\svan)?(?:\\shet\\sjaar)?${OPT_YEAR}$`)))) {
    const [first, last] = APPROXIMATE_TERMS.get(m[1]!)!;
    return expr(m[2], (y) => months(y, first, y, last, 'approximate'));
  }

  // winter 2024/2025 or winter 2024/25: the winter starting in December 2024
  if ((m = s.match(/^winter(?:\svan)?\s(\d{4})\/(\d{2}|\d{4})$/))) {
    const y1 = Number(m[1]);
    const y2 = m[2]!.length === 2 ? yearAfter(y1, Number(m[2])) : Number(m[2]);
    if (y2 !== y1 + 1) return null;
    return expr(m[1], (y) => months(y, 12, y + 1, 2, 'season'));
  }
  if ((m = s.match(new RegExp(`^(${SEASON_NAMES})${OPT_YEAR}$`)))) {
    const [first, count] = SEASONS.get(m[1]!)!;
    return expr(m[2], (y) => {
      const lastIndex = first - 1 + count - 1; // 0-based month index, may pass December
      return months(y, first, y + Math.floor(lastIndex / 12), (lastIndex % 12) + 1, 'season');
    });
  }
  return null;
}

/** Positions where a range separator (`-` or ` t/m `) could split `s`. */
function splitCandidates(s: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of s.matchAll(/-| t\/m /g)) {
    out.push([s.slice(0, m.index).trim(), s.slice(m.index + m[0].length).trim()]);
  }
  return out;
}

function parseAlternative(s: string): Alternative | null {
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(?:vanaf|v\.a\.|sinds|per)\s(.+)$/))) {
    const from = parsePeriod(m[1]!);
    return from ? { kind: 'from', from } : null;
  }
  if ((m = s.match(/^(?:t\/m|uiterlijk)\s(.+)$/))) {
    const to = parsePeriod(m[1]!);
    return to ? { kind: 'until', to } : null;
  }
  if ((m = s.match(/^(?:voor|vóór)\s(.+)$/))) {
    const to = parsePeriod(m[1]!);
    return to ? { kind: 'before', to } : null;
  }
  const whole = parsePeriod(s);
  if (whole) return { kind: 'range', from: whole, to: whole };
  for (const [left, right] of splitCandidates(s)) {
    const from = parsePeriod(left);
    const to = parsePeriod(right);
    if (from && to) return { kind: 'range', from, to };
  }
  return null;
}

function firstYear(a: Alternative): number | null {
  switch (a.kind) {
    case 'range':
      return a.from.year ?? a.to.year;
    case 'from':
      return a.from.year;
    default:
      return a.to.year;
  }
}

/** Builds the range of one alternative; `fallbackYear` fills years the text left out. */
function buildRange(a: Alternative, fallbackYear: number | null): PlanningRange | string {
  const noYear = 'no year is given';
  if (a.kind === 'from') {
    const y = a.from.year ?? fallbackYear;
    const p = y === null ? null : a.from.build(y);
    if (!p) return y === null ? noYear : 'the date does not exist';
    return { start: p.start, end: null, startPrecision: p.startPrecision, endPrecision: null, openEnded: true };
  }
  if (a.kind === 'until' || a.kind === 'before') {
    const y = a.to.year ?? fallbackYear;
    const p = y === null ? null : a.to.build(y);
    if (!p) return y === null ? noYear : 'the date does not exist';
    const end = a.kind === 'until' ? p.end : dayBefore(p.start);
    const endPrecision = a.kind === 'until' ? p.endPrecision : p.startPrecision;
    return { start: null, end, startPrecision: null, endPrecision, openEnded: false };
  }
  const fromYear = a.from.year ?? a.to.year ?? fallbackYear;
  const toYear = a.to.year ?? a.from.year ?? fallbackYear;
  if (fromYear === null || toYear === null) return noYear;
  const from = a.from.build(fromYear);
  const to = a.to === a.from ? from : a.to.build(toYear);
  if (!from || !to) return 'the date does not exist';
  if (from.start > to.end) return `the range ends (${to.end}) before it starts (${from.start})`;
  return { start: from.start, end: to.end, startPrecision: from.startPrecision, endPrecision: to.endPrecision, openEnded: false };
}

/** Lower case, ASCII dashes, one space, `tot en met` → `t/m`, no spaces around `-`. */
function canonicalise(text: string): string {
  return foldText(asciiDashes(text))
    .replace(/\btot en met\b/g, 't/m')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s*\bt\/m\b\s*/g, ' t/m ')
    .replace(/[.;,:]+$/, '')
    .trim();
}

const ONGOING =
  /^(?:doorlopend|continu|structureel|permanent|doorlopend gedurende (?:de )?(?:uitvoering|looptijd) (?:van )?(?:het )?(?:programma|nap)|gedurende (?:de )?(?:uitvoering|looptijd) (?:van )?(?:het )?(?:programma|nap))$/;
const TO_BE_DETERMINED = new Set(['ntb', 'nnb', 'nadertebepalen', 'nogtebepalen', 'nognietbekend', 'onbekend', 'pm']);

/** Forms a Wanneer cell can be written in, as NAP401 suggests them (its `expected`): examples, not every form read. */
const PLANNING_EXAMPLES = ['2024', 'Q1 2024', 'Q2-Q4 2023', 'Vanaf 2023', 'medio 2024', 'Doorlopend', 'n.t.b.'];

/** A Wanneer cell that could not be read and why → no dates, and NAP401 with the text as `actual` and PLANNING_EXAMPLES as `expected`. */
function unparsed(text: string, reason: string): Normalised<Planning> {
  return {
    value: { text, kind: 'unparsed', ranges: [] },
    problems: [
      {
        code: 'NAP401',
        actual: text,
        expected: [...PLANNING_EXAMPLES],
        message:
          `Planning ${quote(text)} could not be read as dates: ${reason}. The text is kept as printed and no dates are given. ` +
          `Write it as e.g. ${PLANNING_EXAMPLES.slice(0, -1).map((f) => `"${f}"`).join(', ')} or "${PLANNING_EXAMPLES.at(-1)!}", ` +
          'or add the form to src/normalise/planning.ts.',
      },
    ],
  };
}

/**
 * Parses a planning cell. `text` is returned unchanged in `value.text`.
 * Never throws; unparsable or empty text → `kind: 'unparsed'`, `ranges: []` and NAP401.
 */
export function parsePlanning(text: string): Normalised<Planning> {
  const s = canonicalise(text);
  if (s === '') return unparsed(text, 'the cell is empty');
  if (ONGOING.test(s)) return { value: { text, kind: 'ongoing', ranges: [] }, problems: [] };
  if (TO_BE_DETERMINED.has(s.replace(/[\s.]/g, ''))) return { value: { text, kind: 'to_be_determined', ranges: [] }, problems: [] };

  const parts = s.split(/\s*[,;&]\s*|\s+en\s+/).filter((p) => p !== '');
  const alternatives: Alternative[] = [];
  for (const part of parts) {
    const alt = parseAlternative(part);
    if (!alt) return unparsed(text, `${quote(part)} is not a known date form`);
    alternatives.push(alt);
  }

  const ranges: PlanningRange[] = [];
  for (let i = 0; i < alternatives.length; i++) {
    let fallback: number | null = null;
    for (let j = i + 1; j < alternatives.length && fallback === null; j++) fallback = firstYear(alternatives[j]!);
    const r = buildRange(alternatives[i]!, fallback);
    if (typeof r === 'string') return unparsed(text, r);
    ranges.push(r);
  }
  return { value: { text, kind: 'dated', ranges }, problems: [] };
}
