/**
 * Status labels → status codes.
 *
 * Source of the rule: the legend printed on every page of the annex (docs/architecture.md, "The input"):
 * Afgerond · In uitvoering · Doorlopend gedurende uitvoering programma · In uitvoering met
 * vertraging · Nog niet begonnen of afgebroken. Later annexes (and hand-edited exports) print
 * textual variants; the synonyms below are the ones that mean the same thing unambiguously.
 * Anything else is reported (NAP302), never guessed.
 */
import type { StatusCode } from '../schema/annex.js';
import { LEGEND_LABELS } from '../model/vocabulary.js';
import type { Normalised } from './problems.js';
import { cleanText, quote, withoutFormatChars } from './text.js';

/** The five legend labels exactly as the annex prints them, in legend order. */
export const STATUS_LEGEND: ReadonlyArray<{ readonly code: StatusCode; readonly label: string }> = (
  ['completed', 'in_progress', 'ongoing', 'delayed', 'not_started_or_stopped'] as const
).map((code, i) => ({ code, label: LEGEND_LABELS[i]! }));

/**
 * Every accepted label (legend labels first, then synonyms) and its code. Keys are written
 * naturally; matching goes through {@link statusLabelKey}, so case, spacing and punctuation
 * do not matter. The pipeline uses this table to read legends.
 */
export const STATUS_LABELS: ReadonlyArray<readonly [label: string, code: StatusCode]> = [
  ...STATUS_LEGEND.map((e) => [e.label, e.code] as const),
  // completed
  ['Gereed', 'completed'],
  ['Voltooid', 'completed'],
  ['Klaar', 'completed'],
  ['Afgesloten', 'completed'],
  ['Gerealiseerd', 'completed'],
  // in_progress
  ['Loopt', 'in_progress'],
  ['Lopend', 'in_progress'],
  ['Bezig', 'in_progress'],
  ['Gestart', 'in_progress'],
  ['In gang', 'in_progress'],
  ['Op schema', 'in_progress'],
  // ongoing
  ['Doorlopend', 'ongoing'],
  ['Doorlopend gedurende het programma', 'ongoing'],
  ['Doorlopend gedurende de uitvoering van het programma', 'ongoing'],
  ['Doorlopend gedurende uitvoering van het programma', 'ongoing'],
  ['Continu', 'ongoing'],
  ['Structureel', 'ongoing'],
  // delayed
  ['Vertraagd', 'delayed'],
  ['Vertraging', 'delayed'],
  ['Met vertraging', 'delayed'],
  ['In uitvoering, vertraagd', 'delayed'],
  ['Uitgesteld', 'delayed'],
  // not_started_or_stopped
  ['Nog niet begonnen', 'not_started_or_stopped'],
  ['Nog niet gestart', 'not_started_or_stopped'],
  ['Niet begonnen', 'not_started_or_stopped'],
  ['Niet gestart', 'not_started_or_stopped'],
  ['Nog niet gestart of afgebroken', 'not_started_or_stopped'],
  ['Afgebroken', 'not_started_or_stopped'],
  ['Gestopt', 'not_started_or_stopped'],
  ['Stopgezet', 'not_started_or_stopped'],
  ['Geannuleerd', 'not_started_or_stopped'],
];

/**
 * The matching key of a label: lower case, accents kept, every run of characters that are not
 * letters or digits turned into one space, trimmed. `' In  uitvoering (met vertraging).'` →
 * `'in uitvoering met vertraging'`.
 */
export function statusLabelKey(text: string): string {
  return cleanText(withoutFormatChars(text))
    .toLocaleLowerCase('nl')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const BY_KEY: ReadonlyMap<string, StatusCode> = new Map(STATUS_LABELS.map(([label, code]) => [statusLabelKey(label), code]));

/**
 * Maps a status label (legend entry or Status cell text) to its code.
 *
 * - Known label or synonym (any case, spacing, punctuation, NBSP) → the code, no problems.
 * - Empty / whitespace-only → `null`, no problems: an empty cell is an *absent* status, which
 *   the pipeline records itself (NAP301 / NAP304).
 * - Anything else → `null` + NAP302 quoting the label. Never a guess.
 */
export function normaliseStatusLabel(text: string): Normalised<StatusCode | null> {
  const key = statusLabelKey(text);
  if (key === '') return { value: null, problems: [] };
  const code = BY_KEY.get(key);
  if (code !== undefined) return { value: code, problems: [] };
  return {
    value: null,
    problems: [
      {
        code: 'NAP302',
        actual: cleanText(text),
        expected: STATUS_LEGEND.map((e) => e.label),
        message:
          `Status label ${quote(cleanText(text))} is not one of the legend labels ` +
          `(${STATUS_LEGEND.map((e) => e.label).join(' · ')}) or a known synonym; the status is left empty. ` +
          'Correct the label in the source, or add the synonym to STATUS_LABELS in src/normalise/status.ts if it is one.',
      },
    ],
  };
}

/**
 * The code of a known label or synonym, or undefined; for readers that must recognise legend
 * lines without reporting anything.
 */
export function statusCodeOf(text: string): StatusCode | undefined {
  return BY_KEY.get(statusLabelKey(text));
}
