/**
 * Only what a reader sees is data: the HTML elements a browser would not show, or shows
 * unreadably, are found here so the HTML reader can leave them out and report them (NAP017).
 *
 * Hidden, for this module:
 * - elements that never render text: `<script>`, `<template>`, `<noscript>`, `<del>` (deleted
 *   text), `<svg>` (SVG `<text>` is drawing, not the document's text), `<object>`, `<iframe>`;
 * - the `hidden` attribute;
 * - `display: none`, `visibility: hidden|collapse`, `opacity: 0`, `font-size: 0` (any unit),
 *   from the inline `style` or from a `<style>` sheet of the document;
 * - text whose colour equals (RGB distance ≤ SAME_COLOUR_DISTANCE) the background it is drawn
 *   on (the nearest `background`/`background-color` of the element or an ancestor, white if none).
 * Style sheets are matched with css-select (selectors as browsers read them); rules are indexed
 * by the id, class or tag of their rightmost compound, as browsers do, so each element is tested
 * only against the rules that can match it. Cascade: later rules win, inline style wins; `!important`
 * and specificity are not modelled (a later rule hiding something wins over an earlier one that
 * shows it, so hiding is never missed by being out-ranked).
 */
import { compile } from 'css-select';
import { parse as parseSelector, type Selector } from 'css-what';
import type { AnyNode, Element } from 'domhandler';
import { SAME_COLOUR_DISTANCE, rgbDistance } from '../model/colour.js';

export { SAME_COLOUR_DISTANCE };

const NEVER_RENDERED = new Set(['script', 'template', 'noscript', 'del', 'svg', 'object', 'iframe']);

/** Why an element is hidden; used in the diagnostic. */
export type HiddenReason = string;

interface StyleRule {
  order: number;
  test: (el: Element) => boolean;
  decls: Declarations;
}

/** The declarations this module cares about. */
interface Declarations {
  display?: string;
  visibility?: string;
  opacity?: string;
  fontSize?: string;
  color?: string;
  background?: string;
}

/** The style sheet of one document, indexed for matching. */
export class StyleSheetIndex {
  private readonly byId = new Map<string, StyleRule[]>();
  private readonly byClass = new Map<string, StyleRule[]>();
  private readonly byTag = new Map<string, StyleRule[]>();
  private readonly universal: StyleRule[] = [];
  private count = 0;

  /** Adds the rules of one `<style>` element's text (comments, @media and @supports bodies read; other at-rules skipped). */
  addSheet(css: string): void {
    for (const { prelude, body } of cssRules(css)) {
      const decls = declarations(body);
      if (Object.keys(decls).length === 0) continue;
      let selectors: Selector[][];
      let test: (el: Element) => boolean;
      try {
        selectors = parseSelector(prelude);
        test = compile<AnyNode, Element>(prelude, { xmlMode: false }) as unknown as (el: Element) => boolean;
      } catch {
        continue; // a selector css-select cannot read (e.g. ::before) selects no element's own text
      }
      const rule: StyleRule = { order: this.count++, test, decls };
      for (const selector of selectors) this.bucketFor(selector).push(rule);
    }
  }

  private bucketFor(selector: Selector[]): StyleRule[] {
    // The rightmost compound: tokens after the last combinator.
    let start = selector.length;
    while (start > 0 && !['descendant', 'child', 'sibling', 'adjacent', 'parent', 'column-combinator'].includes(selector[start - 1]!.type)) start--;
    const compound = selector.slice(start);
    const id = compound.find((t) => t.type === 'attribute' && t.name === 'id' && t.action === 'equals');
    if (id && id.type === 'attribute') return getOrCreate(this.byId, id.value);
    const cls = compound.find((t) => t.type === 'attribute' && t.name === 'class' && t.action === 'element');
    if (cls && cls.type === 'attribute') return getOrCreate(this.byClass, cls.value);
    const tag = compound.find((t) => t.type === 'tag');
    if (tag && tag.type === 'tag') return getOrCreate(this.byTag, tag.name.toLowerCase());
    return this.universal;
  }

  /** The declarations of the rules matching `el`, later rules over earlier ones. */
  matching(el: Element): Declarations {
    const candidates: StyleRule[] = [...this.universal, ...(this.byTag.get(el.name.toLowerCase()) ?? [])];
    const id = el.attribs['id'];
    if (id) candidates.push(...(this.byId.get(id) ?? []));
    for (const c of (el.attribs['class'] ?? '').split(/\s+/)) if (c !== '') candidates.push(...(this.byClass.get(c) ?? []));
    if (candidates.length === 0) return {};
    candidates.sort((a, b) => a.order - b.order);
    const out: Declarations = {};
    let last = -1;
    for (const rule of candidates) {
      if (rule.order === last) continue;
      last = rule.order;
      if (rule.test(el)) Object.assign(out, rule.decls);
    }
    return out;
  }
}

function getOrCreate<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** `prelude { body }` pairs of a style sheet, linear: comments skipped by indexOf, braces counted. */
function cssRules(css: string): Array<{ prelude: string; body: string }> {
  const text = withoutComments(css);
  const out: Array<{ prelude: string; body: string }> = [];
  const walk = (from: number, to: number): void => {
    let i = from;
    while (i < to) {
      const open = text.indexOf('{', i);
      if (open < 0 || open >= to) return;
      let depth = 1;
      let j = open + 1;
      for (; j < to && depth > 0; j++) {
        const c = text.charCodeAt(j);
        if (c === 123) depth++;
        else if (c === 125) depth--;
      }
      const prelude = text.slice(i, open).replace(/^[\s;}]+/, '').trim();
      const bodyEnd = depth === 0 ? j - 1 : j;
      if (prelude.startsWith('@')) {
        if (/^@(media|supports|layer|container)\b/i.test(prelude)) walk(open + 1, bodyEnd);
      } else if (prelude !== '') {
        out.push({ prelude, body: text.slice(open + 1, bodyEnd) });
      }
      i = j;
    }
  };
  walk(0, text.length);
  return out;
}

function withoutComments(css: string): string {
  const parts: string[] = [];
  let i = 0;
  for (;;) {
    const start = css.indexOf('/*', i);
    if (start < 0) break;
    parts.push(css.slice(i, start));
    const end = css.indexOf('*/', start + 2);
    if (end < 0) return parts.join('');
    i = end + 2;
  }
  parts.push(css.slice(i));
  return parts.join('');
}

/** The relevant declarations of a declaration block (`display:none; color: #fff`). */
function declarations(body: string): Declarations {
  const out: Declarations = {};
  for (const part of body.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    const value = part.slice(colon + 1).replace(/!important/i, '').trim().toLowerCase();
    if (name === 'display') out.display = value;
    else if (name === 'visibility') out.visibility = value;
    else if (name === 'opacity') out.opacity = value;
    else if (name === 'font-size') out.fontSize = value;
    else if (name === 'color') out.color = value;
    else if (name === 'background' || name === 'background-color') out.background = value;
  }
  return out;
}

/** Why the declarations hide an element, or null. */
function hiddenBy(d: Declarations): HiddenReason | null {
  if (d.display !== undefined && /^none\b/.test(d.display)) return 'display: none';
  if (d.visibility !== undefined && /^(hidden|collapse)\b/.test(d.visibility)) return `visibility: ${d.visibility}`;
  if (d.opacity !== undefined && /^0*(\.0*)?%?$/.test(d.opacity)) return 'opacity: 0';
  if (d.fontSize !== undefined && /^[+]?0*(\.0*)?([a-z%]+)?$/.test(d.fontSize)) return `font-size: ${d.fontSize}`;
  return null;
}

/** A CSS colour value (`#abc`, `#aabbcc`, `rgb(…)`, `white`, `black`) as [r, g, b]; null for anything else. */
export function cssColour(value: string | undefined): [number, number, number] | null {
  if (value === undefined) return null;
  const v = value.trim().toLowerCase();
  const named: Record<string, [number, number, number]> = { white: [255, 255, 255], black: [0, 0, 0] };
  const word = /(?:^|\s)(white|black)(?:\s|$)/.exec(v);
  if (word) return named[word[1]!]!;
  const hex = /#([0-9a-f]{6}|[0-9a-f]{3})\b/.exec(v);
  if (hex) {
    const h = hex[1]!.length === 3 ? hex[1]!.replace(/./g, '$&$&') : hex[1]!;
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const rgb = /rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)/.exec(v);
  if (rgb) {
    if (rgb[4] !== undefined && Number(rgb[4]) === 0) return null; // transparent
    return [Math.min(255, Number(rgb[1])), Math.min(255, Number(rgb[2])), Math.min(255, Number(rgb[3]))];
  }
  return null;
}

/** One node left out (an element, or a text node coloured like its background) and why. */
export interface HiddenElement {
  element: AnyNode;
  reason: HiddenReason;
  /** For text hidden by its colour: the element that set the colour or background (one report per element). */
  group?: AnyNode;
}

/**
 * The outermost hidden elements under `root`, in document order (see the module doc for the
 * rules), with the `<style>` sheets of the document read first. One iterative walk; each element
 * is tested against the rules indexed under its id, classes and tag.
 */
export function findHiddenElements(root: AnyNode, styleSheets: readonly string[]): HiddenElement[] {
  const sheet = new StyleSheetIndex();
  for (const css of styleSheets) sheet.addSheet(css);
  const hidden: HiddenElement[] = [];
  const white: [number, number, number] = [255, 255, 255];
  type Colours = { background: [number, number, number]; color: [number, number, number] | null; setBy: AnyNode };
  const stack: Array<{ node: AnyNode; colours: Colours }> = [];
  const push = (node: AnyNode, colours: Colours): void => {
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, colours });
  };
  push(root, { background: white, color: null, setBy: root });
  while (stack.length > 0) {
    const { node, colours } = stack.pop()!;
    const { background, color } = colours;
    if (node.type === 'text') {
      if (color !== null && node.data.trim() !== '' && rgbDistance(color, background) <= SAME_COLOUR_DISTANCE) {
        hidden.push({ element: node, reason: `text coloured like its background (${hex(color)} on ${hex(background)})`, group: colours.setBy });
      }
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (name === 'style' || name === 'head') continue;
    if (NEVER_RENDERED.has(name)) {
      hidden.push({ element: el, reason: `<${name}>` });
      continue;
    }
    if ('hidden' in el.attribs) {
      hidden.push({ element: el, reason: 'the hidden attribute' });
      continue;
    }
    const decls = { ...sheet.matching(el), ...(el.attribs['style'] ? declarations(el.attribs['style']) : {}) };
    const reason = hiddenBy(decls);
    if (reason !== null) {
      hidden.push({ element: el, reason });
      continue;
    }
    const ownBackground = cssColour(decls.background);
    const ownColor = cssColour(decls.color);
    push(el, ownBackground || ownColor ? { background: ownBackground ?? background, color: ownColor ?? color, setBy: el } : colours);
  }
  return hidden;
}


function hex(c: [number, number, number]): string {
  return `#${c.map((n) => n.toString(16).padStart(2, '0')).join('')}`;
}
