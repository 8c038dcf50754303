/**
 * Bounded nesting for HTML input. The HTML parser (htmlparser2) and the DOM queries under cheerio
 * keep their open-element stacks with `Array.unshift`/`shift`, which costs time proportional to
 * the depth on every tag: 80k nested `<span>` or 300k unclosed `<b>` take minutes. Browsers cap
 * the tree depth (Blink's HTML tree builder nests at most 512 elements and puts deeper elements
 * beside the last one), so markup that deep never renders as nested either.
 *
 * `flattenDeepNesting` does the same before parsing, in one linear pass over the source: a start
 * tag that would open element number MAX_HTML_DEPTH + 1 is removed together with its end tag;
 * the text inside stays. Structural elements (STRUCTURAL: table, rows, cells, lists, `<sup>`) are
 * kept up to twice that depth. Depth is counted the simple way (start tags open, end tags close to the
 * matching name, void and self-closed elements do not count), which can only over-count, never
 * let a deeper tree through.
 */

/** Deepest element nesting kept (Blink's limit). */
export const MAX_HTML_DEPTH = 512;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'command', 'basefont', 'frame', 'isindex']);

/**
 * Elements that carry the annex's structure (table rows and cells, lists, footnote markers): kept
 * up to twice the depth, so a table wrapped in thousands of `<div>` still reads as a table.
 */
const STRUCTURAL = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'ul', 'ol', 'li', 'sup', 'p', 'br']);

/** Tags as the tokenizer sees them; `[^<>]*` stops at the next `<`, so a failed match costs only up to it (linear overall). */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>/g;

/** Result of flattening: the source to parse and how many start tags were removed (0: unchanged). */
export interface FlattenResult {
  html: string;
  removed: number;
  /** Offset (UTF-16 units) of the first removed tag in the original source, for its line. */
  firstOffset: number | null;
}

/**
 * Removes start tags (and their end tags) nested deeper than `maxDepth`, keeping all text.
 * Linear in the length of `html`: every stack operation is bounded by `maxDepth`.
 */
export function flattenDeepNesting(html: string, maxDepth = MAX_HTML_DEPTH): FlattenResult {
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  const cuts: Array<[number, number]> = [];
  let firstOffset: number | null = null;
  let removed = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name)) continue;
    if (m[1] === '') {
      if (m[3]!.trimEnd().endsWith('/')) continue;
      if (stack.length < (STRUCTURAL.has(name) ? 2 * maxDepth : maxDepth)) {
        stack.push(name);
        continue;
      }
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      cuts.push([m.index, m.index + m[0].length]);
      firstOffset ??= m.index;
      removed++;
      continue;
    }
    const waiting = dropped.get(name) ?? 0;
    if (waiting > 0 && stack.at(-1) !== name) {
      dropped.set(name, waiting - 1);
      cuts.push([m.index, m.index + m[0].length]);
      continue;
    }
    const at = stack.lastIndexOf(name);
    if (at >= 0) stack.length = at;
  }
  if (cuts.length === 0) return { html, removed: 0, firstOffset: null };
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    parts.push(html.slice(from, start));
    from = end;
  }
  parts.push(html.slice(from));
  return { html: parts.join(''), removed, firstOffset };
}
