/**
 * Only what a reader sees is data: the HTML elements a browser would not show, or shows
 * unreadably, are found here so the HTML reader can leave them out and report them (NAP017).
 *
 * Hidden, for this module:
 * - elements that never render text: `<script>`, `<template>`, `<noscript>`, `<del>` (deleted
 *   text), `<svg>` (SVG `<text>` is drawing, not the document's text), `<object>`, `<iframe>`;
 * - the `hidden` attribute;
 * - `display: none`, `opacity` under 0.1, `font-size` under 2.5px, `content-visibility: hidden`,
 *   positioned or indented a thousand pixels off the page, `clip` to nothing (the
 *   screen-reader-only `rect(1px,1px,1px,1px)`), `clip-path` inset by half or more, `scale(0)`,
 *   `filter: opacity(0)`, a box of at most 1px with its overflow hidden — from the inline `style`
 *   or a `<style>` sheet, `!important` winning over later normal declarations, `var()` resolved;
 * - `visibility: hidden|collapse`, inherited: a descendant that sets `visibility: visible` is seen;
 * - a `<dialog>` without `open`, everything but the `<summary>` of a closed `<details>`, fallback
 *   content (canvas, video, audio, noembed, noframes), `<datalist>`, `<rp>`;
 * - text whose colour equals (RGB distance ≤ SAME_COLOUR_DISTANCE) the background it is drawn
 *   on (the nearest `background`/`background-color` of the element or an ancestor, white if none).
 * Style sheets are matched with css-select (selectors as browsers read them); rules are indexed
 * by the id, class or tag of their rightmost compound, as browsers do, so each element is tested
 * only against the rules that can match it. Cascade: later rules win, inline style wins,
 * `!important` wins over normal declarations; specificity is not modelled (a later rule hiding
 * something wins over an earlier one that shows it, so hiding is never missed by being
 * out-ranked). Text that `::before` / `::after` rules generate is collected for a diagnostic: a
 * browser shows it, but it is not in the document's text.
 */
import { compile } from 'css-select';
import { parse as parseSelector, type Selector } from 'css-what';
import type { AnyNode, Element, Text } from 'domhandler';
import { SAME_COLOR_DISTANCE, rgbDistance } from '../model/color.js';

export { SAME_COLOR_DISTANCE };

/**
 * Elements whose content a browser does not render as text: code, deleted text, drawings, and
 * fallback content (shown only when the element itself cannot be: canvas, video, audio, embed
 * fallbacks, frames), a datalist's options, ruby fallback parentheses.
 */
const NEVER_RENDERED = new Set(['script', 'template', 'noscript', 'del', 'svg', 'object', 'iframe', 'canvas', 'video', 'audio', 'datalist', 'noframes', 'noembed', 'rp', 'math']);

/** Why an element is hidden; used in the diagnostic. */
export type HiddenReason = string;

interface StyleRule {
  order: number;
  test: (el: Element) => boolean;
  decls: Declarations;
}

/** The declarations this module cares about (values lower-case, `var()` resolved where it can be). */
interface Declarations {
  display?: string;
  visibility?: string;
  opacity?: string;
  fontSize?: string;
  color?: string;
  background?: string;
  position?: string;
  left?: string;
  top?: string;
  right?: string;
  bottom?: string;
  textIndent?: string;
  clip?: string;
  clipPath?: string;
  transform?: string;
  width?: string;
  height?: string;
  overflow?: string;
  filter?: string;
  contentVisibility?: string;
  /** Custom properties (`--name`) set here. */
  vars?: Record<string, string>;
  /** The declarations marked `!important` (they win over later normal ones). */
  important?: Set<string>;
}

const PROPERTY_NAMES: Record<string, keyof Declarations> = {
  display: 'display',
  visibility: 'visibility',
  opacity: 'opacity',
  'font-size': 'fontSize',
  color: 'color',
  background: 'background',
  'background-color': 'background',
  position: 'position',
  left: 'left',
  top: 'top',
  right: 'right',
  bottom: 'bottom',
  'text-indent': 'textIndent',
  clip: 'clip',
  'clip-path': 'clipPath',
  transform: 'transform',
  width: 'width',
  height: 'height',
  'max-width': 'width',
  'max-height': 'height',
  overflow: 'overflow',
  filter: 'filter',
  'content-visibility': 'contentVisibility',
};

/** Merges `next` over `base` by the cascade: a later declaration wins unless the earlier one is `!important` and it is not. */
function cascade(base: Declarations, next: Declarations): Declarations {
  const out: Declarations = { ...base, vars: { ...base.vars, ...next.vars }, important: new Set(base.important) };
  for (const [k, v] of Object.entries(next) as [keyof Declarations, string][]) {
    if (k === 'vars' || k === 'important') continue;
    const nextImportant = next.important?.has(k) === true;
    if (out.important!.has(k) && !nextImportant) continue;
    (out as Record<string, unknown>)[k] = v;
    if (nextImportant) out.important!.add(k);
  }
  return out;
}

/** The style sheet of one document, indexed for matching. */
export class StyleSheetIndex {
  private readonly byId = new Map<string, StyleRule[]>();
  private readonly byClass = new Map<string, StyleRule[]>();
  private readonly byTag = new Map<string, StyleRule[]>();
  private readonly universal: StyleRule[] = [];
  private count = 0;

  /** Text that `::before` / `::after` rules generate (a browser shows it; it is not in the document's text). */
  readonly generated: { selector: string; content: string }[] = [];
  /** Some rule sets `visibility: visible` (an element inside a hidden one may be seen). */
  showsVisibility = false;

  /** Adds the rules of one `<style>` element's text (comments, @media and @supports bodies read; other at-rules skipped). */
  addSheet(css: string): void {
    for (const { prelude, body } of cssRules(css)) {
      if (/::?(before|after)\b/i.test(prelude)) {
        const content = /(?:^|;)\s*content\s*:\s*(["'])((?:(?!\1).)*)\1/is.exec(body);
        if (content !== null && content[2]!.trim() !== '') this.generated.push({ selector: prelude.trim(), content: content[2]! });
        continue;
      }
      const decls = declarations(body);
      if (Object.keys(decls).length === 0) continue;
      if (decls.visibility !== undefined && /^visible\b/.test(decls.visibility)) this.showsVisibility = true;
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
    let out: Declarations = {};
    let last = -1;
    for (const rule of candidates) {
      if (rule.order === last) continue;
      last = rule.order;
      if (rule.test(el)) out = cascade(out, rule.decls);
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

/** The relevant declarations of a declaration block (`display:none; color: #fff`), with `!important` and custom properties. */
function declarations(body: string): Declarations {
  const out: Declarations = {};
  for (const part of body.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const rawName = part.slice(0, colon).trim();
    const raw = part.slice(colon + 1);
    const important = /!\s*important/i.test(raw);
    const value = raw.replace(/!\s*important/i, '').trim().toLowerCase();
    if (rawName.startsWith('--')) {
      (out.vars ??= {})[rawName] = value;
      continue;
    }
    const key = PROPERTY_NAMES[rawName.toLowerCase()];
    if (key === undefined || key === 'vars' || key === 'important') continue;
    (out as Record<string, string>)[key] = value;
    if (important) (out.important ??= new Set()).add(key);
  }
  return out;
}

/** `var(--x, fallback)` replaced by the custom property's value in force (or the fallback), a few levels deep. */
function resolveVars(value: string | undefined, vars: Record<string, string>): string | undefined {
  if (value === undefined || !value.includes('var(')) return value;
  let v = value;
  for (let depth = 0; depth < 8 && v.includes('var('); depth++) {
    v = v.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (_, name: string, fallback?: string) => vars[name] ?? fallback ?? '');
  }
  return v;
}

/** A CSS length in px (px, pt, em/rem at 16px, %, 0 without unit); null when it is not one. */
function lengthPx(value: string | undefined): number | null {
  if (value === undefined) return null;
  const m = /^([+-]?\d*\.?\d+)(px|pt|em|rem|%|vw|vh)?$/.exec(value.trim());
  if (m === null) return null;
  const n = Number(m[1]);
  const unit = m[2] ?? (n === 0 ? 'px' : '');
  return unit === 'px' ? n : unit === 'pt' ? (n * 4) / 3 : unit === 'em' || unit === 'rem' ? n * 16 : unit === '' ? null : n * 10;
}

/**
 * Why the declarations hide an element, or null: every property that can hide text is taken as
 * hiding it when it does so for any page size (positioned or indented far off the page, clipped
 * to nothing, scaled to nothing, a box too small to hold a glyph with its overflow hidden, all but
 * transparent, too small to read, not rendered).
 */
function hiddenBy(d: Declarations): HiddenReason | null {
  if (d.display !== undefined && /^none\b/.test(d.display)) return 'display: none';
  if (d.opacity !== undefined && (/^0*(\.0*)?%?$/.test(d.opacity) || (Number.parseFloat(d.opacity) < (d.opacity.endsWith('%') ? 100 : 1) * HTML_HIDDEN.opacity))) return `opacity: ${d.opacity}`;
  if (d.fontSize !== undefined && (/^[+]?0*(\.0*)?([a-z%]+)?$/.test(d.fontSize) || (lengthPx(d.fontSize) ?? Infinity) < HTML_HIDDEN.fontPx)) return `font-size: ${d.fontSize}`;
  if (d.contentVisibility !== undefined && /^hidden\b/.test(d.contentVisibility)) return 'content-visibility: hidden';
  const offPage = (v: string | undefined): boolean => (lengthPx(v) ?? 0) <= -HTML_HIDDEN.offPagePx;
  if (d.position !== undefined && /^(absolute|fixed|relative)\b/.test(d.position) && [d.left, d.top, d.right, d.bottom].some(offPage)) return `position: ${d.position} off the page`;
  if (offPage(d.textIndent)) return `text-indent: ${d.textIndent}`;
  if (d.clip !== undefined && /rect\(\s*(\d+(px)?)[\s,]+\1[\s,]+\1[\s,]+\1\s*\)|rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)/.test(d.clip)) return `clip: ${d.clip}`;
  if (d.clipPath !== undefined && /inset\(\s*(50|[5-9]\d|100)%|circle\(\s*0|polygon\(\s*0(px|%)?\s+0(px|%)?\s*\)/.test(d.clipPath)) return `clip-path: ${d.clipPath}`;
  if (d.transform !== undefined && /scale[xy]?\(\s*0*(\.0*)?\s*[,)]|matrix\(\s*0\s*,\s*0\s*,\s*0\s*,\s*0\b/.test(d.transform)) return `transform: ${d.transform}`;
  if (d.filter !== undefined && /opacity\(\s*0*(\.0*)?%?\s*\)/.test(d.filter)) return `filter: ${d.filter}`;
  const tiny = (v: string | undefined): boolean => (lengthPx(v) ?? Infinity) <= HTML_HIDDEN.boxPx;
  if ((tiny(d.width) || tiny(d.height)) && d.overflow !== undefined && /^(hidden|clip)\b/.test(d.overflow)) return 'a box too small to show its text (overflow hidden)';
  return null;
}

/** Thresholds of hidden HTML text. */
const HTML_HIDDEN = {
  /** opacity below this share is unreadable (0.01 in test/adversarial/html-visibility-attacks.test.ts). */
  opacity: 0.1,
  /** px. Text smaller than this cannot be read (0.1px in test/adversarial/html-visibility-attacks.test.ts; the PDF reader's limit is 2 pt). */
  fontPx: 2.5,
  /** px. Positioned or indented at least this far before the page's start: off every screen. */
  offPagePx: 999,
  /** px. A box this narrow or low with its overflow hidden shows nothing of a glyph (the screen-reader-only pattern is 1px). */
  boxPx: 1,
} as const;

/** A CSS colour value (`#abc`, `#aabbcc`, `rgb(…)`, `hsl(…)`, a named colour) as [r, g, b]; null for anything else. */
export function cssColor(value: string | undefined): [number, number, number] | null {
  if (value === undefined) return null;
  const v = value.trim().toLowerCase();
  const word = /(?:^|\s)([a-z]+)(?:\s|$)/.exec(v);
  if (word && NAMED_COLORS[word[1]!] !== undefined) return NAMED_COLORS[word[1]!]!;
  const hsl = /hsla?\(\s*([\d.]+)(?:deg)?[\s,]+([\d.]+)%[\s,]+([\d.]+)%\s*(?:[,/]\s*([\d.]+%?)\s*)?\)/.exec(v);
  if (hsl) {
    if (hsl[4] !== undefined && Number.parseFloat(hsl[4]) === 0) return null;
    return hslToRgb(Number(hsl[1]), Number(hsl[2]) / 100, Number(hsl[3]) / 100);
  }
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

/** CSS named colours that text or a background may be given (the light ones a page background is, and a few common ones). */
const NAMED_COLORS: Record<string, [number, number, number]> = {
  white: [255, 255, 255],
  black: [0, 0, 0],
  snow: [255, 250, 250],
  ivory: [255, 255, 240],
  whitesmoke: [245, 245, 245],
  ghostwhite: [248, 248, 255],
  floralwhite: [255, 250, 240],
  seashell: [255, 245, 238],
  mintcream: [245, 255, 250],
  azure: [240, 255, 255],
  aliceblue: [240, 248, 255],
  linen: [250, 240, 230],
  beige: [245, 245, 220],
  oldlace: [253, 245, 230],
  honeydew: [240, 255, 240],
  lavenderblush: [255, 240, 245],
  gray: [128, 128, 128],
  grey: [128, 128, 128],
  silver: [192, 192, 192],
  red: [255, 0, 0],
  green: [0, 128, 0],
  blue: [0, 0, 255],
  yellow: [255, 255, 0],
};

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** One node left out (an element, or a text node coloured like its background) and why. */
export interface HiddenElement {
  element: AnyNode;
  reason: HiddenReason;
  /** For text hidden by its colour: the element that set the colour or background (one report per element). */
  group?: AnyNode;
}

/** What an element hands its children: colours, custom properties, and an inherited visibility:hidden (a child may set visible again). */
interface Inherited {
  background: [number, number, number];
  color: [number, number, number] | null;
  setBy: AnyNode;
  vars: Record<string, string>;
  invisible: AnyNode | null;
}

/** A node waiting in the walk, with what its parent hands it. */
interface Pending {
  node: AnyNode;
  inherited: Inherited;
}

/**
 * The outermost hidden elements under `root`, in document order (see the module doc for the
 * rules), with the `<style>` sheets of the document read first. One iterative walk; each element
 * is tested against the rules indexed under its id, classes and tag.
 */
export function findHiddenElements(root: AnyNode, styleSheets: readonly string[], generated?: { selector: string; content: string }[]): HiddenElement[] {
  const sheet = new StyleSheetIndex();
  for (const css of styleSheets) sheet.addSheet(css);
  if (generated !== undefined) generated.push(...sheet.generated);
  const hidden: HiddenElement[] = [];
  const stack: Pending[] = [];
  pushChildren(stack, root, { background: [255, 255, 255], color: null, setBy: root, vars: {}, invisible: null });
  while (stack.length > 0) {
    const { node, inherited } = stack.pop()!;
    if (node.type === 'text') {
      const text = hiddenText(node, inherited);
      if (text !== null) hidden.push(text);
    } else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') visitElement(node as Element, inherited, sheet, hidden, stack);
  }
  return hidden;
}

/** A node and what it hands its children → its children pushed on `stack` (last first, so they pop in document order), those `skip` names left out. */
function pushChildren(stack: Pending[], node: AnyNode, inherited: Inherited, skip?: (child: AnyNode) => boolean): void {
  if (!('children' in node)) return;
  for (let i = node.children.length - 1; i >= 0; i--) {
    const child = node.children[i]!;
    if (skip?.(child)) continue;
    stack.push({ node: child, inherited });
  }
}

/** A text node and what its parent hands it → hidden (visibility: hidden, or coloured like its background), or null when seen or blank. */
function hiddenText(node: Text, inherited: Inherited): HiddenElement | null {
  const { background, color } = inherited;
  if (node.data.trim() === '') return null;
  if (inherited.invisible !== null) return { element: node, reason: 'visibility: hidden', group: inherited.invisible };
  if (color !== null && rgbDistance(color, background) <= SAME_COLOR_DISTANCE) {
    return { element: node, reason: `text coloured like its background (${hex(color)} on ${hex(background)})`, group: inherited.setBy };
  }
  return null;
}

/** An element → added to `hidden` when it is hidden (by markup, style or visibility), else its children pushed on `stack` with what it hands them. */
function visitElement(el: Element, inherited: Inherited, sheet: StyleSheetIndex, hidden: HiddenElement[], stack: Pending[]): void {
  const name = el.name.toLowerCase();
  if (name === 'style' || name === 'head') return;
  const byMarkup = hiddenByMarkup(el, name);
  if (byMarkup !== null) {
    hidden.push({ element: el, reason: byMarkup });
    return;
  }
  const { decls, vars } = resolvedDeclarations(el, sheet, inherited.vars);
  const reason = hiddenBy(decls);
  if (reason !== null) {
    hidden.push({ element: el, reason });
    return;
  }
  const invisible = invisibleBy(el, decls, inherited.invisible, sheet);
  if (invisible === 'whole') {
    hidden.push({ element: el, reason: `visibility: ${decls.visibility}` });
    return;
  }
  const next = handedOn(el, name, decls, vars, invisible, inherited);
  if (name === 'details' && !('open' in el.attribs)) {
    const summary = closedDetails(el, hidden);
    pushChildren(stack, el, next, (c) => c !== summary);
    return;
  }
  pushChildren(stack, el, next);
}

/** An element and its lower-case name → why its markup hides it (an element never rendered, the hidden attribute, a closed dialog), or null. */
function hiddenByMarkup(el: Element, name: string): HiddenReason | null {
  if (NEVER_RENDERED.has(name)) return `<${name}>`;
  if ('hidden' in el.attribs) return 'the hidden attribute';
  if (name === 'dialog' && !('open' in el.attribs)) return 'a <dialog> that is not open';
  return null;
}

/** An element, the style sheets and the custom properties it inherits → its declarations (sheet rules, then its style attribute) with `var()` resolved, and the custom properties it hands on. */
function resolvedDeclarations(el: Element, sheet: StyleSheetIndex, inheritedVars: Record<string, string>): { decls: Declarations; vars: Record<string, string> } {
  const own = el.attribs['style'] ? declarations(el.attribs['style']) : {};
  const decls = cascade(sheet.matching(el), own);
  const vars = decls.vars !== undefined && Object.keys(decls.vars).length > 0 ? { ...inheritedVars, ...decls.vars } : inheritedVars;
  for (const key of Object.keys(decls) as (keyof Declarations)[]) {
    if (key !== 'vars' && key !== 'important') (decls as Record<string, string | undefined>)[key] = resolveVars(decls[key] as string | undefined, vars);
  }
  return { decls, vars };
}

/** An element's `visibility` and what made its parent's text invisible → what makes its own text invisible (null: seen), or `whole` when nothing inside may be made visible again (visibility is inherited, and can be overridden). */
function invisibleBy(el: Element, decls: Declarations, inherited: AnyNode | null, sheet: StyleSheetIndex): AnyNode | null | 'whole' {
  if (decls.visibility !== undefined && /^(hidden|collapse)\b/.test(decls.visibility)) {
    if (!sheet.showsVisibility && !inlineVisibleInside(el)) return 'whole';
    return inherited ?? el;
  }
  if (decls.visibility !== undefined && /^visible\b/.test(decls.visibility)) return null;
  return inherited;
}

/** A shown element → what it hands its children: its own colours (presentational attributes too: <font color>, bgcolor), custom properties and invisibility, or what it inherited when it sets none. */
function handedOn(el: Element, name: string, decls: Declarations, vars: Record<string, string>, invisible: AnyNode | null, inherited: Inherited): Inherited {
  const ownBackground = cssColor(decls.background) ?? cssColor(el.attribs['bgcolor']);
  const ownColor = cssColor(decls.color) ?? (name === 'font' ? cssColor(el.attribs['color']) : null);
  if (!(ownBackground || ownColor || vars !== inherited.vars || invisible !== inherited.invisible)) return inherited;
  return { background: ownBackground ?? inherited.background, color: ownColor ?? inherited.color, setBy: ownBackground || ownColor ? el : inherited.setBy, vars, invisible };
}

/** A closed <details> shows its first <summary> only: the rest is listed as hidden; returns the summary. */
function closedDetails(el: Element, hidden: HiddenElement[]): AnyNode | undefined {
  const summary = el.children.find((c) => c.type === 'tag' && (c as Element).name.toLowerCase() === 'summary');
  for (const c of el.children) {
    if (c !== summary && (c.type === 'tag' || (c.type === 'text' && c.data.trim() !== ''))) hidden.push({ element: c, reason: 'inside a closed <details>', group: el });
  }
  return summary;
}

/** True when an element inside `el` sets `visibility: visible` in its style attribute. */
function inlineVisibleInside(el: Element): boolean {
  const stack: AnyNode[] = [...el.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    const style = (n as Element).attribs['style'];
    if (style !== undefined && /visibility\s*:\s*visible/i.test(style)) return true;
    stack.push(...(n as Element).children);
  }
  return false;
}

function hex(c: [number, number, number]): string {
  return `#${c.map((n) => n.toString(16).padStart(2, '0')).join('')}`;
}
