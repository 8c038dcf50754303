/** JSON output: the validated annex, pretty-printed with two spaces and a final newline. */
import type { Annex } from '../schema/annex.js';

/** The annex as the text of `annex.json`. */
export function annexJson(annex: Annex): string {
  return `${JSON.stringify(annex, null, 2)}\n`;
}
