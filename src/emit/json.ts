/**
 * JSON output: the validated annex, pretty-printed with two spaces and a final newline. Each
 * `provenance` value (boxes on pages, PDF input) is written on one line, as compact JSON: pretty
 * printed, every box would take seven lines, and annex.json would grow by a third.
 */
import type { Annex } from '../schema/annex.js';

/** A `"provenance": ` key with the placeholder annexJson puts in its value's place (a string, so escaped quotes cannot match). */
const PLACEHOLDER = /"provenance": "\\u0000(\d+)"/g;

/** The annex as the text of `annex.json`. */
export function annexJson(annex: Annex): string {
  const compact: string[] = [];
  const text = JSON.stringify(
    annex,
    (key, value: unknown) => {
      if (key !== 'provenance' || value === null || typeof value !== 'object') return value;
      compact.push(JSON.stringify(value));
      return `\u0000${compact.length - 1}`;
    },
    2,
  );
  return `${text.replace(PLACEHOLDER, (_, i: string) => `"provenance": ${compact[Number(i)]!}`)}\n`;
}
