/**
 * The annex's own vocabulary that readers need to recognise its parts, in one place: the five
 * status legend labels as the annex prints them (DESIGN.md, "status"). Readers import this
 * module, never the normalisers.
 */

/** The five legend labels exactly as the annex prints them, in legend order. */
export const LEGEND_LABELS = [
  'Afgerond',
  'In uitvoering',
  'Doorlopend gedurende uitvoering programma',
  'In uitvoering met vertraging',
  'Nog niet begonnen of afgebroken',
] as const;

const LEGEND_KEYS = new Set(LEGEND_LABELS.map(labelKey));

/** Headings Word documents print above endnotes or a note list (case and a colon aside). */
export const NOTES_HEADINGS = ['Noten', 'Eindnoten', 'Voetnoten', 'Bronnen', 'Notes', 'Endnotes'] as const;

/** True when `text` is a notes heading (NOTES_HEADINGS). */
export function isNotesHeading(text: string): boolean {
  const key = labelKey(text);
  return NOTES_HEADINGS.some((h) => labelKey(h) === key);
}

/** Case, spacing and punctuation folded away: how printed labels are compared. */
export function labelKey(text: string): string {
  return text.toLocaleLowerCase('nl').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** True when `text` is one of the five legend labels (case, spacing and punctuation aside). */
export function isLegendLabel(text: string): boolean {
  return LEGEND_KEYS.has(labelKey(text));
}

/**
 * True when `text` is the start of a legend label that wrapped onto the next line
 * (`Doorlopend gedurende uitvoering` of `… programma`): at least one whole word, not a whole label.
 */
export function isLegendLabelStart(text: string): boolean {
  const key = labelKey(text);
  if (key === '' || LEGEND_KEYS.has(key)) return false;
  for (const label of LEGEND_KEYS) if (label.startsWith(`${key} `)) return true;
  return false;
}
