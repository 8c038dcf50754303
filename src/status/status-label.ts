/**
 * Step 5 of the status rule: a status printed in words (a legend label, or a Status cell that
 * holds text, as later annexes print it) → its status code.
 *
 * The labels are the legend printed on every page of the annex (docs/architecture.md, "The
 * input"): Afgerond · In uitvoering · Doorlopend gedurende uitvoering programma · In uitvoering met
 * vertraging · Nog niet begonnen of afgebroken. Later annexes (and hand-edited exports) print
 * textual variants; the labels, their synonyms and how they are compared are the annex's
 * vocabulary (src/model/vocabulary.ts: STATUS_LABELS, statusLabelKey). Anything else is reported
 * (NAP302), never guessed.
 */
import { cleanText, quote } from '../model/plain-text.js';
import { STATUS_LEGEND, type StatusCode, statusCodeOf, statusLabelKey } from '../model/vocabulary.js';

/** An unknown status label (NAP302): the label as printed and the labels accepted. */
export interface StatusLabelProblem {
  code: 'NAP302';
  message: string;
  actual: string;
  expected: string[];
}

/**
 * Maps a status label (legend entry or Status cell text) to its code, in the shape every
 * normaliser returns (`Normalised`, src/normalise/problems.ts).
 *
 * - Known label or synonym (any case, spacing, punctuation, NBSP) → the code, no problems.
 * - Empty / whitespace-only → `null`, no problems: an empty cell is an *absent* status, which
 *   the row status records itself (NAP301 / NAP304).
 * - Anything else → `null` + NAP302 quoting the label. Never a guess.
 */
export function normaliseStatusLabel(text: string): { value: StatusCode | null; problems: StatusLabelProblem[] } {
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
