/**
 * The five NAP action lines and their canonical goal sentences.
 *
 * Source: the goal sentences printed under "Actielijn N" in the 2024 annex (1, 3, 4, 5) and,
 * for action line 2, the NAP's own wording: the annex prints it truncated as
 * "… maatschappelijke norme" (docs/architecture.md, "The input": typos and truncations are real).
 */
import type { NormaliseProblem } from './problems.js';
import { cleanText, foldText } from '../model/plain-text.js';

/** Canonical goal sentence per action line number (1–5). */
export const ACTION_LINE_TITLES: ReadonlyMap<number, string> = new Map([
  [1, 'Er zijn gedeelde maatschappelijke waarden en normen over hoe we met elkaar om willen gaan in de samenleving'],
  [2, 'Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke normen'],
  [3, 'Organisaties hebben processen voor preventie, signalering en opvolging op orde'],
  [4, 'Iedereen herkent seksueel grensoverschrijdend gedrag en seksueel geweld en kan hierop reageren'],
  [5, 'Er is goede hulpverlening die makkelijk vindbaar is'],
]);

/** Result of {@link compareActionLineTitle}. */
export interface ActionLineTitleComparison {
  /** The canonical title, or null when the number has no known title. */
  canonicalTitle: string | null;
  problems: NormaliseProblem[];
}

/**
 * Compares the printed goal sentence of action line `number` with the canonical one.
 * Whitespace (NBSP, runs of spaces, line breaks) is not a difference; anything else is.
 * - same → `{ canonicalTitle, problems: [] }`
 * - different → `{ canonicalTitle, problems: [NAP501] }`, the message quoting both texts
 * - unknown number → `{ canonicalTitle: null, problems: [] }` (missing/extra action lines are
 *   the pipeline's NAP503)
 */
export function compareActionLineTitle(number: number, printed: string): ActionLineTitleComparison {
  const canonical = ACTION_LINE_TITLES.get(number) ?? null;
  if (canonical === null) return { canonicalTitle: null, problems: [] };
  const seen = cleanText(printed);
  if (seen === canonical) return { canonicalTitle: canonical, problems: [] };
  const how =
    seen === ''
      ? 'the printed title is empty'
      : canonical.startsWith(seen)
        ? 'the printed title looks truncated'
        : foldText(seen) === foldText(canonical)
          ? 'they differ in upper/lower case only'
          : 'the wording differs';
  return {
    canonicalTitle: canonical,
    problems: [
      {
        code: 'NAP501',
        actual: seen,
        expected: canonical,
        message:
          `Actielijn ${number} title "${seen}" differs from the NAP title "${canonical}" (${how}). ` +
          'The printed title is kept as printed and canonicalTitle holds the NAP title; check the source for a typo or truncation.',
      },
    ],
  };
}
