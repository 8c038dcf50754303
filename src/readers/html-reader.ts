/**
 * Reader for the annex as HTML (a web page or an HTML export of the document).
 *
 * What it understands, without depending on one site's class names:
 * - Pages: elements with class `page` (or a `page-break-before/after` style) are pages; without
 *   them the whole document is one page.
 * - Legend: an element outside any table whose own text is a legend label; its icon colour is
 *   the first `background`/`background-color`/`color` in the inline style of the element or of a
 *   child or preceding sibling (an icon `<span>`), or an `<img alt="…">` is ignored (no colour).
 * - Tables: every `<tr>`; a row whose first cell reads "Activiteit" is a header row and starts a
 *   table block. Cells keep their inner HTML for the explanation normaliser, with `<sup>n</sup>`
 *   turned into Unicode superscripts (the page model's marker form).
 * - Status cell: text → text cue; an element with a colour style (e.g. `<span style="background:#…">`)
 *   → icon cue.
 * - Footnotes: outside tables, a `<li>` of a list with class `footnotes`, or a block element whose
 *   text starts with a `<sup>` number or superscript digits, is a footnote definition.
 * Locations: page number and the 1-based line of the element's start tag in the HTML source.
 */
import { load, type CheerioAPI, type HTMLParser2Options } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { DiagnosticBag } from '../model/diagnostics.js';
import type { BodyRow, Page, PageModel, StatusCue, TableBlock } from '../model/page-model.js';
import { statusCodeOf } from '../normalise/status.js';
import { fromSuperscript, superscriptDigits } from '../model/superscript.js';
import { withoutFormatChars } from '../normalise/text.js';
import { decodeText } from './decode-text.js';
import { CleanTextTally, cleanText } from '../model/clean-text.js';

const COLOUR_STYLE = /(?:^|;)\s*(?:background-color|background|color)\s*:\s*(#[0-9a-f]{6}|#[0-9a-f]{3}|rgb\(\s*\d+\s*,\s*\d+\s*,\s*\d+\s*\))/i;
const FOOTNOTE_TEXT = /^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*([\s\S]*)$/;

/** Selector of page elements. */
const PAGE_SELECTOR = '.page, [style*="page-break-before"], [style*="page-break-after"], [style*="break-before: page"]';

/**
 * Reads HTML bytes (UTF-8 or Windows-1252, as the text reader decodes) into the page model.
 * Throws InputError (NAP001) for empty or binary input; never throws on malformed HTML.
 * Every walk over the document is iterative, so deeply nested markup cannot exhaust the stack.
 */
export function readHtml(bytes: Uint8Array, diagnostics: DiagnosticBag): PageModel {
  const { text } = decodeText(bytes, diagnostics);
  // withStartIndices gives source lines; encodeEntities 'utf8' keeps `¹` and `é` as characters
  // when a cell's inner HTML is serialised (dom-serializer option, not in cheerio's types).
  const $ = load(text, { xml: { xmlMode: false, decodeEntities: true, withStartIndices: true, encodeEntities: 'utf8' } as HTMLParser2Options });
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (node: AnyNode): number | undefined => {
    if (node.startIndex === null) return undefined;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= node.startIndex) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  $('script, style, noscript, template').remove();
  cleanTextNodes($.root().get(0)!, lineOf, diagnostics);
  $('sup').each((_, el) => {
    const digits = textOf(el).trim();
    // Any run of digits is a marker; numbers that are not valid footnote numbers (0, over 9999)
    // are reported by footnote attachment (NAP204), not glued into the text.
    if (/^\d{1,12}$/.test(digits)) $(el).replaceWith(superscriptDigits(digits));
  });
  const matched = new Set($(PAGE_SELECTOR).toArray());
  // Only the outermost page elements: a page inside a page is part of it, not another page.
  const pageRoots = outermost($.root().get(0)!, matched);
  const roots = pageRoots.length > 0 ? pageRoots : [$('body').get(0) ?? $.root().get(0)!];
  const pages = roots.map((root, i) => readPage($, root as Element, i + 1, lineOf));
  if (pageRoots.length > 0) {
    // Text outside every page element is kept, on page 1, rather than dropped.
    const body = $('body').get(0) ?? $.root().get(0)!;
    const skip = new Set<AnyNode>(pageRoots);
    const outside = collapse(textOf(body, { skip }));
    if (outside !== '') pages[0]!.looseText.unshift({ text: outside, location: { page: 1 } });
  }
  return { format: 'html', pages };
}

/** Applies the clean-text rule (model/clean-text.ts) to every text node; one diagnostic per kind found. */
function cleanTextNodes(root: AnyNode, lineOf: (node: AnyNode) => number | undefined, diagnostics: DiagnosticBag): void {
  const tally = new CleanTextTally();
  for (const node of descendants(root)) {
    if (node.type !== 'text') continue;
    const line = lineOf(node);
    node.data = cleanText(node.data, tally, line !== undefined ? { line } : {});
  }
  // Raw control bytes are refused as binary when decoding; controls that remain came from references.
  tally.report(diagnostics, { control: 'decoded from character references such as "&#1;"' });
}

/** Every node under `root` (not `root` itself) in document order, without recursion. */
function* descendants(root: AnyNode): Generator<AnyNode> {
  const stack: AnyNode[] = [];
  const pushChildren = (node: AnyNode): void => {
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  };
  pushChildren(root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    pushChildren(node);
  }
}

/** The elements of `matched` that have no ancestor in `matched`, in document order. */
function outermost(root: AnyNode, matched: ReadonlySet<AnyNode>): Element[] {
  const out: Element[] = [];
  if (matched.size === 0) return out;
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== root && matched.has(node)) {
      out.push(node as Element);
      continue;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** Elements whose boundaries separate words in the text of a cell: `Aanpak<br>danssector`, `<p>OCW</p><p>SZW</p>`. */
const WORD_BREAKING = new Set([
  'br', 'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'td', 'th',
  'blockquote', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'pre', 'hr', 'figure', 'figcaption', 'address',
]);

/**
 * The text of a node, iteratively (deep markup cannot exhaust the stack). Block boundaries and
 * `<br>` become a space, so words of different lines or paragraphs are not glued together.
 * Nodes in `skip` (and everything under them) are left out.
 */
function textOf(node: AnyNode, options: { skip?: ReadonlySet<AnyNode> } = {}): string {
  const parts: string[] = [];
  const stack: Array<AnyNode | ' '> = [node];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item === ' ') {
      parts.push(' ');
      continue;
    }
    if (options.skip?.has(item)) continue;
    if (item.type === 'text') {
      parts.push(item.data);
      continue;
    }
    if (item.type !== 'tag' && item.type !== 'root') continue;
    const breaks = item.type === 'tag' && WORD_BREAKING.has(item.name.toLowerCase());
    if (breaks) stack.push(' ');
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
    if (breaks) parts.push(' ');
  }
  return parts.join('');
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The inner HTML of a cell for the explanation normaliser: tags (without attributes) and text,
 * `&`, `<`, `>` escaped; serialised iteratively, so deep markup cannot exhaust the stack.
 */
function innerHtml(node: Element): string {
  const parts: string[] = [];
  const stack: Array<AnyNode | string> = [];
  for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    if (item.type === 'text') {
      parts.push(item.data.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      continue;
    }
    if (item.type !== 'tag') continue;
    const name = item.name.toLowerCase();
    parts.push(`<${name}>`);
    if (VOID_ELEMENTS.has(name)) continue;
    stack.push(`</${name}>`);
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
  }
  return parts.join('');
}

function readPage($: CheerioAPI, root: Element, number: number, lineOf: (node: AnyNode) => number | undefined): Page {
  const page: Page = { number, legend: [], tables: [], footnotes: [], looseText: [] };
  let table: TableBlock | null = null;

  const visit = (node: AnyNode): AnyNode[] => {
    const line = lineOf(node);
    const location = line === undefined ? { page: number } : { page: number, line };
    if (node.type !== 'tag') {
      if (node.type === 'text' && node.data.trim() !== '' && node.parent?.type === 'tag' && !isInlineContainer(node.parent)) {
        page.looseText.push({ text: collapse(node.data), location });
      }
      return [];
    }
    const name = node.name.toLowerCase();
    if (name === 'tr') {
      const cells = $(node).children('td, th').toArray();
      const texts = cells.map((c) => collapse(textOf(c)));
      if (/^activiteit$/i.test(withoutFormatChars(texts[0] ?? ''))) {
        table = { header: { cells: texts, location }, rows: [] };
        page.tables.push(table);
        return [];
      }
      if (table === null) {
        table = { header: null, rows: [] };
        page.tables.push(table);
      }
      table.rows.push(bodyRow($, cells, location));
      return [];
    }
    if (name !== 'table' && name !== 'tbody' && name !== 'thead' && !hasBlockChildren(node)) {
      const ownText = collapse(textOf(node));
      if (ownText === '') return [];
      const legend = statusCodeOf(ownText);
      if (legend) {
        // The icon may be a glyph (`●`) inside the element: it is the icon, not part of the label.
        page.legend.push({ label: ownText.replace(/^[^\p{L}\p{N}]+/u, ''), iconColor: colourNear($, node), location });
        return [];
      }
      const footnote = FOOTNOTE_TEXT.exec(ownText);
      if (footnote) {
        page.footnotes.push({ number: fromSuperscript(footnote[1]!), text: footnote[2]!.trim(), location });
        return [];
      }
      if (name === 'li' && $(node).closest('.footnotes, ol.footnotes').length > 0) {
        const index = $(node).parent().children('li').index(node) + 1;
        page.footnotes.push({ number: index, text: ownText, location });
        return [];
      }
      page.looseText.push({ text: ownText, location });
      return [];
    }
    return node.children;
  };
  // Depth-first in document order with an explicit stack (deep markup cannot exhaust the call stack).
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const children = visit(stack.pop()!);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return page;
}

function bodyRow($: CheerioAPI, cells: Element[], location: { page: number; line?: number }): BodyRow {
  // The last cell (Toelichting) keeps its markup for the explanation normaliser when it has any;
  // a cell of plain text is given as decoded text, so `RI&amp;E` arrives as `RI&E`. Other cells
  // are text, with a space where a line or paragraph ended.
  const html = cells.map((c, i) =>
    i === cells.length - 1 && $(c).children().length > 0 ? innerHtml(c).trim() : collapse(textOf(c)),
  );
  return { cells: html, statusCue: statusCue($, cells[1]), location };
}

function statusCue($: CheerioAPI, cell: Element | undefined): StatusCue {
  if (!cell) return { kind: 'none' };
  const text = collapse(textOf(cell));
  if (text !== '') return { kind: 'text', text };
  const styled = [cell, ...$(cell).find('[style]').toArray()].map((el) => colourOf($(el).attr('style'))).find((c) => c !== null);
  if (styled) return { kind: 'icon', color: styled, shape: 'vector' };
  return { kind: 'none' };
}

function colourNear($: CheerioAPI, node: Element): string | null {
  const candidates = [node, ...$(node).find('[style]').toArray(), ...$(node).prevAll('[style]').slice(0, 1).toArray()];
  for (const el of candidates) {
    const colour = colourOf($(el).attr('style'));
    if (colour) return colour;
  }
  return null;
}

/** CSS colour (`#abc`, `#aabbcc`, `rgb(r,g,b)`) in an inline style → `#rrggbb`, or null. */
export function colourOf(style: string | undefined): string | null {
  if (!style) return null;
  const m = COLOUR_STYLE.exec(style);
  if (!m) return null;
  const value = m[1]!.toLowerCase();
  if (value.startsWith('rgb')) {
    const [r, g, b] = value.match(/\d+/g)!.map(Number);
    return `#${[r, g, b].map((n) => Math.min(255, n!).toString(16).padStart(2, '0')).join('')}`;
  }
  if (value.length === 4) return `#${value[1]}${value[1]}${value[2]}${value[2]}${value[3]}${value[3]}`;
  return value;
}

const BLOCK = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'table', 'tbody', 'thead', 'tr', 'ul', 'ol', 'body', 'html', 'aside', 'nav']);

function hasBlockChildren(node: Element): boolean {
  return node.children.some((c) => c.type === 'tag' && (BLOCK.has(c.name.toLowerCase()) || c.name.toLowerCase() === 'p' || c.name.toLowerCase() === 'li'));
}

function isInlineContainer(node: AnyNode): boolean {
  return node.type === 'tag' && !BLOCK.has(node.name.toLowerCase());
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
