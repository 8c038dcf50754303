/**
 * The five status labels of the NAP annex legend, as printed on every page, with their codes.
 * Source: the legend of Bijlage 1 (Kamerstuk 34843 nr. 109, 2024).
 */
import type { StatusCode } from '../schema/annex.js';

/** Legend label as printed → status code, in legend order. */
export const LEGEND_LABELS: ReadonlyArray<{ label: string; code: StatusCode }> = [
  { label: 'Afgerond', code: 'completed' },
  { label: 'In uitvoering', code: 'in_progress' },
  { label: 'Doorlopend gedurende uitvoering programma', code: 'ongoing' },
  { label: 'In uitvoering met vertraging', code: 'delayed' },
  { label: 'Nog niet begonnen of afgebroken', code: 'not_started_or_stopped' },
];

/** Collapses white space and case so that `  In uitvoering ` matches `In uitvoering`. */
export function labelKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

const BY_KEY = new Map(LEGEND_LABELS.map((e) => [labelKey(e.label), e]));

/** The legend entry whose label `text` is (ignoring case and spacing), or undefined. */
export function findLegendLabel(text: string): { label: string; code: StatusCode } | undefined {
  return BY_KEY.get(labelKey(text));
}
