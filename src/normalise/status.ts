/**
 * Status labels → status codes.
 *
 * Source of the rule: the legend printed on every page of the annex (docs/architecture.md, "The input"):
 * Afgerond · In uitvoering · Doorlopend gedurende uitvoering programma · In uitvoering met
 * vertraging · Nog niet begonnen of afgebroken. Later annexes (and hand-edited exports) print
 * textual variants; the labels, their synonyms and how they are compared are the annex's
 * vocabulary (src/model/vocabulary.ts: STATUS_LABELS, statusLabelKey). Anything else is
 * reported (NAP302), never guessed.
 */
import type { StatusCode } from '../schema/annex.js';
import { STATUS_LEGEND, statusCodeOf, statusLabelKey } from '../model/vocabulary.js';
import type { Normalised } from './problems.js';
import { cleanText, quote } from './text.js';

/**
 * Maps a status label (legend entry or Status cell text) to its code.
 *
 * - Known label or synonym (any case, spacing, punctuation, NBSP) → the code, no problems.
 * - Empty / whitespace-only → `null`, no problems: an empty cell is an *absent* status, which
 *   the pipeline records itself (NAP301 / NAP304).
 * - Anything else → `null` + NAP302 quoting the label. Never a guess.
 */
export function normaliseStatusLabel(text: string): Normalised<StatusCode | null> {
  const code = statusCodeOf(text);
  if (code !== undefined) return { value: code, problems: [] };
  if (statusLabelKey(text) === '') return { value: null, problems: [] };
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
          'Correct the label in the source, or add the synonym to STATUS_LABELS in src/model/vocabulary.ts if it is one.',
      },
    ],
  };
}

