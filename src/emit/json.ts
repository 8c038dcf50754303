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

/** Characters of annex.json's text annexJsonPieces gathers before it hands a piece over. */
const PIECE_LENGTH = 1 << 20;

/**
 * annex.json's text in pieces of about `pieceLength` characters (default PIECE_LENGTH): joined,
 * exactly annexJson(annex).
 * Each property of the annex and each element of an array property is written on its own, so a
 * caller that writes the pieces as they come (`extract` to standard output) never holds the whole
 * text nor the copies writing it makes (at 1000 pages about 20 MB of JSON; a string with any
 * character outside Latin-1 takes two bytes a character). JSON.stringify with an indent writes a
 * value nested at depth d as it writes it alone with d indents after every line break (a line
 * break occurs only between tokens: in a string it is escaped); the replacer sees every property
 * with its own key, as in annexJson. The annex is plain data, as validated (no `toJSON`).
 */
export function* annexJsonPieces(annex: Annex, pieceLength = PIECE_LENGTH): Generator<string> {
  let compact: string[] = [];
  const replacer = (key: string, value: unknown): unknown => {
    if (key !== 'provenance' || value === null || typeof value !== 'object') return value;
    compact.push(JSON.stringify(value));
    return `\u0000${compact.length - 1}`;
  };
  /** `value`, its holder's property `key`, as JSON nested at `depth`; undefined where JSON.stringify leaves the property out. */
  const text = (key: string, value: unknown, depth: number): string | undefined => {
    compact = [];
    const json = JSON.stringify(replacer(key, value), replacer, 2) as string | undefined;
    if (json === undefined) return undefined;
    return json.replace(/\n/g, `\n${'  '.repeat(depth)}`).replace(PLACEHOLDER, (_, i: string) => `"provenance": ${compact[Number(i)]!}`);
  };
  let piece = '';
  let empty = true;
  for (const [key, value] of Object.entries(annex as unknown as Record<string, unknown>)) {
    const head = `${empty ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0 && key !== 'provenance') {
      piece += `${head}[`;
      for (let i = 0; i < value.length; i++) {
        piece += `${i === 0 ? '' : ','}\n    ${text(String(i), value[i], 2) ?? 'null'}`;
        if (piece.length >= pieceLength) {
          yield piece;
          piece = '';
        }
      }
      piece += '\n  ]';
    } else {
      const json = text(key, value, 1);
      if (json === undefined) continue;
      piece += head + json;
    }
    empty = false;
  }
  yield `${piece}${empty ? '{}' : '\n}'}\n`;
}
