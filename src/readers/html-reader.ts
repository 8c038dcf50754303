/**
 * Reader for the annex as HTML (a web page or an HTML export of the document).
 *
 * What it understands, without depending on one site's class names:
 * - Pages: elements with class `page` (or a `page-break-before/after` style) are pages; without
 *   them the whole document is one page.
 * - Legend: an element outside any table whose own text is a legend label; its icon colour is
 *   the first `background`/`background-color`/`color` in the inline style of the element or of a
 *   child or preceding sibling (an icon `<span>`), or an `<img alt="…">` is ignored (no colour).
 * - Tables: every `<tr>`; a row whose first cell reads "Activiteit" (or "Activiteiten") is a header
 *   row and starts a table block. Cells keep their inner HTML for the explanation normaliser, with
 *   `<sup>n</sup>` turned into Unicode superscripts (the page model's marker form).
 * - Status cell: text → text cue; an element with a colour style (e.g. `<span style="background:#…">`)
 *   → icon cue.
 * - Footnotes: outside tables, a `<li>` of a list with class `footnotes`, or a block element whose
 *   text starts with a `<sup>` number or superscript digits, is a footnote definition.
 * Locations: page number and the 1-based line of the element's start tag in the HTML source.
 *
 * Only what a reader sees is data: hidden elements and text (html-visibility.ts) are left out with
 * a NAP017 warning each, nesting deeper than browsers build is flattened first (html-depth.ts,
 * NAP016), and every text node passes the clean-text rule (model/clean-text.ts). Every step is one
 * linear walk: no cheerio selector runs over the whole document (their DOM search is quadratic in
 * the nesting depth).
 */
import { load, type CheerioAPI, type HTMLParser2Options } from 'cheerio/slim';
import { compile } from 'css-select';
import { Text, type AnyNode, type ChildNode, type Element, type ParentNode } from 'domhandler';
import { flattenDeepNesting, MAX_HTML_DEPTH } from './html-depth.js';
import { findHiddenElements } from './html-visibility.js';
import type { DiagnosticBag } from '../diagnostics/bag.js';
import { type BodyRow, type HeaderRow, type Page, type PageModel, type StatusCue, type TableBlock, keyedCells } from '../model/page-model.js';
import { fromSuperscript, superscriptDigits } from '../model/superscript.js';
import { decodeText } from './decode-text.js';
import { CleanTextTally, cleanText } from '../model/clean-text.js';
import { clip } from '../model/plain-text.js';
import { PRINTED_COLUMN_KEYS, headerColumnKeys, startsHeaderRow, statusCodeOf } from '../model/vocabulary.js';

const COLOR_STYLE = /(?:^|;)\s*(?:background-color|background|color)\s*:\s*(#[0-9a-f]{6}|#[0-9a-f]{3}|rgb\(\s*\d+\s*,\s*\d+\s*,\s*\d+\s*\))/i;
const FOOTNOTE_TEXT = /^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*([\s\S]*)$/;

/** Selector of page elements. */
const PAGE_SELECTOR = '.page, [style*="page-break-before"], [style*="page-break-after"], [style*="break-before: page"]';

/**
 * Reads HTML bytes (UTF-8 or Windows-1252, as the text reader decodes) into the page model.
 * Throws InputError (NAP001) for empty or binary input; never throws on malformed HTML.
 * Every walk over the document is iterative, so deeply nested markup cannot exhaust the stack.
 */
export function readHtml(bytes: Uint8Array, diagnostics: DiagnosticBag): PageModel {
  const decoded = decodeText(bytes, diagnostics).text;
  const flat = flattenDeepNesting(decoded);
  const text = flat.html;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const lineOf = (node: AnyNode): number | undefined => (node.startIndex === null ? undefined : lineAt(node.startIndex));
  if (flat.removed > 0) {
    diagnostics.report(
      'NAP016',
      `HTML nests elements deeper than ${MAX_HTML_DEPTH} levels; ${flat.removed} deeper start tag${flat.removed === 1 ? ' was' : 's were'} removed (their text is kept), as browsers flatten such markup. Check the source around this line.`,
      { line: lineAt(flat.firstOffset ?? 0) },
      { actual: flat.removed, expected: MAX_HTML_DEPTH, note: 'actual: start tags removed; expected: the deepest nesting kept' },
    );
  }
  // withStartIndices gives source lines; encodeEntities 'utf8' keeps `¹` and `é` as characters
  // when a cell's inner HTML is serialised (dom-serializer option, not in cheerio's types).
  const $ = load(text, { xml: { xmlMode: false, decodeEntities: true, withStartIndices: true, encodeEntities: 'utf8' } as HTMLParser2Options });
  const documentRoot = $.root().get(0)!;
  leaveOutHidden(documentRoot, lineOf, diagnostics);
  cleanTextNodes(documentRoot, lineOf, diagnostics);
  const sups: Element[] = [];
  const matched = new Set<AnyNode>();
  let body: Element | null = null;
  const isPage = compile<AnyNode, Element>(PAGE_SELECTOR, { xmlMode: false });
  for (const node of descendants(documentRoot)) {
    if (node.type !== 'tag') continue;
    const name = node.name.toLowerCase();
    if (name === 'sup') sups.push(node);
    else if (name === 'body') body ??= node;
    if (isPage(node)) matched.add(node);
  }
  // Any run of digits in <sup> is a marker; numbers that are not valid footnote numbers (0, over 9999)
  // are reported by footnote attachment (NAP204), not glued into the text.
  replaceNodes(new Map(sups.flatMap((el) => {
    const digits = textOf(el).trim();
    return /^\d{1,12}$/.test(digits) ? [[el, new Text(superscriptDigits(digits))] as [AnyNode, AnyNode]] : [];
  })));
  // Only the outermost page elements: a page inside a page is part of it, not another page.
  const pageRoots = outermost(documentRoot, matched);
  const bodyOrRoot = body ?? documentRoot;
  const roots = pageRoots.length > 0 ? pageRoots : [bodyOrRoot];
  const pages = roots.map((root, i) => readPage($, root as Element, i + 1, lineOf));
  if (pageRoots.length > 0) {
    // Text outside every page element is kept, on page 1, rather than dropped.
    const skip = new Set<AnyNode>(pageRoots);
    const outside = collapse(textOf(bodyOrRoot, { skip }));
    if (outside !== '') pages[0]!.looseText.unshift({ text: outside, location: { page: 1 } });
  }
  return { format: 'html', pages };
}

/** At most this many NAP017 diagnostics name a hidden element each; the rest are counted in one more. */
const MAX_HIDDEN_REPORTS = 20;

/**
 * Leaves out what a reader does not see (html-visibility.ts): `<script>` and `<style>` silently
 * (code, never text), every other hidden element or text with a NAP017 warning naming its line,
 * why it is hidden and what it says, when it holds text or a colour (an icon).
 */
function leaveOutHidden(root: AnyNode, lineOf: (node: AnyNode) => number | undefined, diagnostics: DiagnosticBag): void {
  const sheets: string[] = [];
  const code = new Map<AnyNode, AnyNode | null>();
  for (const node of descendants(root)) {
    if (node.type === 'style' || node.type === 'script') {
      if (node.type === 'style') sheets.push(node.children.map((c) => (c.type === 'text' ? c.data : '')).join(''));
      code.set(node, null);
    }
  }
  const generated: { selector: string; content: string }[] = [];
  const hidden = findHiddenElements(root, sheets, generated);
  for (const g of generated.slice(0, MAX_HIDDEN_REPORTS)) {
    diagnostics.report(
      'NAP032',
      `A style rule (${clip(g.selector)}) makes the browser show the text "${clip(g.content)}" that is not in the document's text, so it is not in the data. If it belongs to the annex, put it in the HTML itself.`,
      {},
      { actual: g.content.slice(0, 200), note: g.selector.slice(0, 200) },
    );
  }
  const remove = new Map<AnyNode, AnyNode | null>(code);
  // One report per hidden element, or per element whose colours hide its text.
  const reports = new Map<AnyNode, { reason: string; said: string[]; colored: boolean }>();
  for (const { element, reason, group } of hidden) {
    if (remove.has(element)) continue;
    remove.set(element, null);
    const said = collapse(element.type === 'text' ? element.data : textOf(element));
    const key = group ?? element;
    const report = reports.get(key) ?? { reason, said: [], colored: element.type === 'tag' && colorOf(element.attribs['style']) !== null };
    if (said !== '') report.said.push(said);
    reports.set(key, report);
  }
  let reported = 0;
  let more = 0;
  for (const [element, { reason, said, colored }] of reports) {
    if (said.length === 0 && !colored) continue;
    if (reported >= MAX_HIDDEN_REPORTS) {
      more++;
      continue;
    }
    reported++;
    const line = lineOf(element);
    const what = element.type === 'tag' ? `<${element.name.toLowerCase()}>` : 'text';
    diagnostics.report(
      'NAP017',
      `Hidden ${what} (${reason}) left out of the data: ${said.length === 0 ? 'a coloured element without text (a hidden status icon?)' : `"${clip(said.join(' | '))}"`}. A reader of the page does not see it; remove it from the source or make it visible.`,
      line !== undefined ? { line } : {},
      { ...(said.length > 0 ? { actual: said.join(' | ').slice(0, 200) } : {}), note: reason },
    );
  }
  if (more > 0) {
    diagnostics.report('NAP017', `${more} more hidden element${more === 1 ? '' : 's'} with text left out of the data (the first ${MAX_HIDDEN_REPORTS} are reported one by one).`, {}, { actual: more });
  }
  replaceNodes(remove);
}

/**
 * Replaces (or with `null` removes) nodes in their parents' child lists, one rebuild per parent,
 * so that removing many siblings stays linear. Keeps `parent`, `prev` and `next` consistent.
 */
function replaceNodes(replacements: ReadonlyMap<AnyNode, AnyNode | null>): void {
  const parents = new Set<ParentNode>();
  for (const node of replacements.keys()) if (node.parent) parents.add(node.parent);
  for (const parent of parents) {
    const children: ChildNode[] = [];
    for (const child of parent.children) {
      if (!replacements.has(child)) {
        children.push(child);
        continue;
      }
      const by = replacements.get(child);
      if (by) children.push(by as ChildNode);
    }
    children.forEach((child, i) => {
      child.parent = parent;
      child.prev = children[i - 1] ?? null;
      child.next = children[i + 1] ?? null;
    });
    parent.children = children;
  }
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
      if (startsHeaderRow(texts)) {
        table = { header: { cells: texts, keys: headerColumnKeys(texts), location }, rows: [] };
        page.tables.push(table);
        return [];
      }
      if (table === null) {
        table = { header: null, rows: [] };
        page.tables.push(table);
      }
      table.rows.push(bodyRow($, cells, (table as TableBlock).header, location));
      return [];
    }
    if (name !== 'table' && name !== 'tbody' && name !== 'thead' && !hasBlockChildren(node)) {
      const ownText = collapse(textOf(node));
      if (ownText === '') return [];
      const legend = statusCodeOf(ownText);
      if (legend) {
        // The icon may be a glyph (`●`) inside the element: it is the icon, not part of the label.
        page.legend.push({ label: ownText.replace(/^[^\p{L}\p{N}]+/u, ''), iconColor: colorNear($, node), location });
        return [];
      }
      const footnote = FOOTNOTE_TEXT.exec(ownText);
      if (footnote) {
        page.footnotes.push({ number: fromSuperscript(footnote[1]!), text: footnote[2]!.trim(), location });
        return [];
      }
      if (name === 'li' && $(node).closest('.footnotes, ol.footnotes').length > 0) {
        const index = listIndex(node);
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

/** A body row from its `<td>`s, placed under the header's columns (the five printed columns without one). */
function bodyRow($: CheerioAPI, cells: Element[], header: HeaderRow | null, location: { page: number; line?: number }): BodyRow {
  const keys = header?.keys ?? PRINTED_COLUMN_KEYS;
  // The Toelichting cell keeps its markup for the explanation normaliser when it has any; a cell
  // of plain text is given as decoded text, so `RI&amp;E` arrives as `RI&E`. Other cells are
  // text, with a space where a line or paragraph ended.
  const html = cells.map((c, i) => (keys[i] === 'explanation' && $(c).children().length > 0 ? innerHtml(c).trim() : collapse(textOf(c))));
  const statusIndex = keys.indexOf('status');
  return { ...keyedCells(html, keys), statusCue: statusCue($, statusIndex >= 0 ? cells[statusIndex] : undefined), location };
}

function statusCue($: CheerioAPI, cell: Element | undefined): StatusCue {
  if (!cell) return { kind: 'none' };
  const text = collapse(textOf(cell));
  if (text !== '') return { kind: 'text', text };
  const styled = [cell, ...$(cell).find('[style]').toArray()].map((el) => colorOf($(el).attr('style'))).find((c) => c !== null);
  if (styled) return { kind: 'icon', color: styled, shape: 'vector' };
  return { kind: 'none' };
}

/** 1-based position of a `<li>` among its parent's `<li>` children; one count per parent, cached (linear overall). */
const listIndexes = new WeakMap<AnyNode, Map<AnyNode, number>>();
function listIndex(li: Element): number {
  const parent = li.parent;
  if (!parent) return 1;
  let indexes = listIndexes.get(parent);
  if (!indexes) {
    indexes = new Map();
    let n = 0;
    for (const c of parent.children) if (c.type === 'tag' && c.name.toLowerCase() === 'li') indexes.set(c, ++n);
    listIndexes.set(parent, indexes);
  }
  return indexes.get(li) ?? 1;
}

/** The previous element sibling (text between is skipped), or null. */
function previousElement(node: AnyNode): Element | null {
  let prev = node.prev;
  while (prev && prev.type !== 'tag') prev = prev.prev;
  return prev;
}

function colorNear($: CheerioAPI, node: Element): string | null {
  // The icon is inside the element or the element just before it (an icon <span> beside its label).
  const before = previousElement(node);
  const candidates = [node, ...$(node).find('[style]').toArray(), ...(before && before.attribs['style'] !== undefined ? [before] : [])];
  for (const el of candidates) {
    const color = colorOf($(el).attr('style'));
    if (color) return color;
  }
  return null;
}

/** CSS colour (`#abc`, `#aabbcc`, `rgb(r,g,b)`) in an inline style → `#rrggbb`, or null. */
export function colorOf(style: string | undefined): string | null {
  if (!style) return null;
  const m = COLOR_STYLE.exec(style);
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
