/**
 * Toelichting cell → plain text with paragraphs and bullet lists kept as structure.
 *
 * Input forms seen in the 2024 annex: plain text; HTML with `<p>`, `<i>` and `<ul>` whose items
 * are not `<li>` but inline `•` bullets (and whose `</ul>` is often missing); PDF cells with `\n`
 * between paragraphs. Rules: block elements (`p`, `div`, `ul`, `ol`, `br`, headings) and `\n`
 * end a block; `<li>` and `•` start a list item; consecutive items form one list; inline
 * elements (`i`, `b`, `span`, `a` …) keep only their text. White space is collapsed.
 * Footnote markers are removed before this stage (see assemble/footnotes.ts).
 *
 * The HTML parser (htmlparser2) is not imported here but handed in: the pipeline
 * loads it only when some cell holds markup (explanation.ts, `parseExplanationHtml`), so reading a
 * PDF or a text export without markup never loads it.
 */
import type { AnyNode } from 'domhandler';
import type { Explanation, ExplanationBlock } from '../schema/annex.js';

type Token = { kind: 'text'; text: string } | { kind: 'break' } | { kind: 'bullet' };

const BLOCK_TAGS = new Set(['p', 'div', 'ul', 'ol', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'blockquote']);

/** Parses a cell's HTML into its top-level nodes (htmlparser2, as a browser reads malformed HTML). */
export type ExplanationHtmlParser = (cell: string) => AnyNode[];

/** `[^<>]*`: a failed match stops at the next `<`, so `<a<a<a…` without `>` stays linear. */
const HTML_TAG = /<[a-z][^<>]*>/i;

/** Whether a Toelichting cell holds markup, i.e. needs the HTML parser. */
export function explanationHasHtml(cell: string): boolean {
  return HTML_TAG.test(cell);
}

/**
 * Parses a Toelichting cell (HTML or plain text, markers already removed) into blocks and a
 * plain-text rendering: paragraphs separated by a blank line, list items as lines `• item`.
 * `parseHtml` reads a cell with markup (explanationHasHtml); throws Error if such a cell comes
 * without it (a caller's mistake, never the input's). Otherwise never throws.
 */
export function explanationOf(cell: string, parseHtml: ExplanationHtmlParser | undefined): Explanation {
  const tokens: Token[] = [];
  if (explanationHasHtml(cell)) {
    if (!parseHtml) throw new Error('explanationOf: a cell with markup needs the HTML parser (parseExplanationHtml in explanation.ts)');
    walk(parseHtml(cell), tokens);
  } else {
    pushText(cell, tokens);
  }
  const blocks = buildBlocks(tokens);
  return { text: renderPlain(blocks), blocks };
}

/** Tokens of the nodes in document order; iterative, so deeply nested markup cannot exhaust the stack. */
function walk(nodes: AnyNode[], tokens: Token[]): void {
  const stack: Array<AnyNode | Token> = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('kind' in item) {
      tokens.push(item);
      continue;
    }
    const node = item;
    if (node.type === 'text') {
      pushText(node.data, tokens);
    } else if (node.type === 'tag') {
      const name = node.name.toLowerCase();
      if (name === 'li') tokens.push({ kind: 'bullet' });
      else if (BLOCK_TAGS.has(name)) tokens.push({ kind: 'break' });
      if (BLOCK_TAGS.has(name) || name === 'li') stack.push({ kind: 'break' });
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
}

function pushText(text: string, tokens: Token[]): void {
  text.split('\n').forEach((line, i) => {
    if (i > 0) tokens.push({ kind: 'break' });
    line.split('•').forEach((part, j) => {
      if (j > 0) tokens.push({ kind: 'bullet' });
      if (part !== '') tokens.push({ kind: 'text', text: part });
    });
  });
}

function buildBlocks(tokens: Token[]): ExplanationBlock[] {
  const blocks: ExplanationBlock[] = [];
  let buffer = '';
  let inItem = false;
  let inListItemWithBreak = false;

  const flush = (): void => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    buffer = '';
    if (text === '') return;
    if (inItem) {
      const last = blocks.at(-1);
      if (last?.type === 'list') last.items.push(text);
      else blocks.push({ type: 'list', items: [text] });
    } else {
      blocks.push({ type: 'paragraph', text });
    }
  };

  for (const token of tokens) {
    if (token.kind === 'text') {
      buffer += token.text;
    } else if (token.kind === 'bullet') {
      flush();
      inItem = true;
      inListItemWithBreak = false;
    } else {
      // A break inside an item whose text has not started yet (e.g. `<li><p>…`) keeps the item.
      if (inItem && buffer.trim() === '' && !inListItemWithBreak) {
        inListItemWithBreak = true;
        continue;
      }
      flush();
      inItem = false;
    }
  }
  flush();
  return blocks;
}

/** Plain-text rendering of blocks: paragraphs split by a blank line, list items as `• item` lines. */
export function renderPlain(blocks: ExplanationBlock[]): string {
  return blocks
    .map((b) => (b.type === 'paragraph' ? b.text : b.items.map((i) => `• ${i}`).join('\n')))
    .join('\n\n');
}
