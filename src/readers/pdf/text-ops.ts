/**
 * Text items from a pdfjs operator list: the same items `page.getTextContent()` would return,
 * built from the glyph arrays of `showText` and the text state, so a page needs one pass of the
 * content stream instead of two.
 *
 * This is a port of pdfjs-dist 5.5.207 `PartialEvaluator.getTextContent` (src/core/evaluator.js:
 * `buildTextContentItem`, `compareWithLastPosition`, `addFakeSpaces`, `flushTextContentItem`,
 * TextState/StateManager), fed by the operator list instead of the content stream. What the
 * operator list does not carry is recovered or refused:
 * - `setTextMatrix` and form matrices arrive as Float32Array: each value is taken back to the
 *   shortest decimal that rounds to it (the number as written in the content stream when it has
 *   at most ~7 significant digits, as PDF writers emit).
 * - showSpacedText arrives merged into showText (strings → glyphs, numbers kept): a run of glyphs
 *   between two non-zero numbers is one string of getTextContent; zeros are skipped as there.
 * - Image XObjects (`Do`) end the current item in getTextContent; inline images do not. The list
 *   has no `Do`: every image paint except `paintInlineImageXObject(Group)` ends the item (a large
 *   inline image or an inline image mask would therefore end an item that getTextContent keeps).
 * - Fonts are told apart by their loaded name (getTextContent compares resource names).
 * Returns null where the port is not exact (vertical or Type 3 fonts, a font without data in
 * commonObjs, right-to-left text): the caller then asks pdfjs for the text content.
 */
import { OPS, Util, normalizeUnicode } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { FontStyle, RawTextItem } from './text.js';

/** What the port needs to know about a font (pdfjs font export data in `page.commonObjs`). */
export interface FontInfo {
  fontMatrix?: number[];
  ascent?: number;
  descent?: number;
  vertical?: boolean;
  isType3Font?: boolean;
  fallbackName?: string;
}

export type FontInfoLookup = (loadedName: string) => FontInfo | undefined;

/** A text item as getTextContent returns it (without `dir`). */
export interface OpsTextItem extends RawTextItem {
  hasEOL: boolean;
}

export interface OpsTextContent {
  items: OpsTextItem[];
  styles: Record<string, FontStyle>;
}

type M = number[];

interface GlyphLike {
  unicode?: string;
  width?: number;
  originalCharCode?: number;
}

interface TState {
  ctm: M;
  /** Font key compared for item breaks (loaded name; null after an ExtGState font). */
  fontName: string | null;
  fontSize: number;
  loadedName: string | null;
  font: FontInfo | null;
  fontMatrix: M;
  textMatrix: M;
  textLineMatrix: M;
  charSpacing: number;
  wordSpacing: number;
  leading: number;
  textHScale: number;
  textRise: number;
}

/** Per getTextContent call (the page, and each form XObject in it). */
interface Level {
  stack: TState[];
  state: TState;
  item: ItemState;
  lastChars: [string, string];
  lastPos: number;
  /** Font name/size of the item being built (getTextContent's `currentTextState`). */
  curFontName: string | null;
  curFontSize: number;
}

interface ItemState {
  initialized: boolean;
  str: string[];
  totalWidth: number;
  totalHeight: number;
  width: number;
  height: number;
  /** getTextContent's `prevTransform`, kept in place (`hasPrev` false while it is null). */
  prev: M;
  hasPrev: boolean;
  textAdvanceScale: number;
  spaceInFlowMin: number;
  spaceInFlowMax: number;
  trackingSpaceMin: number;
  negativeSpaceMax: number;
  notASpace: number;
  transform: M | null;
  fontName: string | null;
  hasEOL: boolean;
}

const FONT_IDENTITY_MATRIX = [0.001, 0, 0, 0.001, 0, 0];
const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;
const RTL_RE = /[\u0590-\u08ac\ufb50-\ufdff\ufe70-\ufeff]/;
const SPECIAL_CHAR_RE = /^(\s)|(\p{Mn})|(\p{Cf})$/u;

interface Category {
  isWhitespace: boolean;
  isZeroWidthDiacritic: boolean;
  isInvisibleFormatMark: boolean;
}
const categoryCache = new Map<string, Category>();
function category(ch: string): Category {
  let c = categoryCache.get(ch);
  if (c === undefined) {
    const g = ch.match(SPECIAL_CHAR_RE);
    c = { isWhitespace: !!g?.[1], isZeroWidthDiacritic: !!g?.[2], isInvisibleFormatMark: !!g?.[3] };
    categoryCache.set(ch, c);
  }
  return c;
}

const IMAGE_PAINT_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
]);

const unFloat32Cache = new Map<number, number>();

/** The shortest decimal that a Float32 value was rounded from (see the module comment). */
export function unFloat32(v: number): number {
  if (Number.isInteger(v) || !Number.isFinite(v)) return v;
  let d = unFloat32Cache.get(v);
  if (d === undefined) {
    d = v;
    for (let p = 1; p <= 9; p++) {
      const x = Number(v.toPrecision(p));
      if (Math.fround(x) === v) {
        d = x;
        break;
      }
    }
    if (unFloat32Cache.size >= 50_000) unFloat32Cache.clear();
    unFloat32Cache.set(v, d);
  }
  return d;
}

function matrixArg(m: unknown): M | null {
  if (m === null || typeof m !== 'object' || !('length' in m)) return null;
  const a = m as ArrayLike<number>;
  if (a.length < 6) return null;
  const f32 = a instanceof Float32Array;
  const out: M = [];
  for (let i = 0; i < 6; i++) out.push(f32 ? unFloat32(a[i]!) : Number(a[i]));
  return out;
}

class Unsupported extends Error {}

/**
 * Builds getTextContent's items from an operator list. `viewBox` is the page's view
 * (`page.view`); `fontOf` gives a font's export data by its loaded name. Returns null when the
 * page uses something the port does not reproduce exactly (see the module comment).
 */
export function textFromOperatorList(
  opList: { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> },
  viewBox: readonly number[],
  fontOf: FontInfoLookup,
): OpsTextContent | null {
  const items: OpsTextItem[] = [];
  const styles: Record<string, FontStyle> = Object.create(null) as Record<string, FontStyle>;
  const fontCache = new Map<string, FontInfo>();

  const newItem = (): ItemState => ({
    initialized: false,
    str: [],
    totalWidth: 0,
    totalHeight: 0,
    width: 0,
    height: 0,
    prev: [0, 0, 0, 0, 0, 0],
    hasPrev: false,
    textAdvanceScale: 0,
    spaceInFlowMin: 0,
    spaceInFlowMax: 0,
    trackingSpaceMin: Infinity,
    negativeSpaceMax: -Infinity,
    notASpace: -Infinity,
    transform: null,
    fontName: null,
    hasEOL: false,
  });
  const cloneState = (s: TState): TState => ({ ...s, textMatrix: s.textMatrix.slice(), textLineMatrix: s.textLineMatrix.slice(), fontMatrix: s.fontMatrix.slice() });
  const newLevel = (state: TState): Level => ({
    stack: [],
    state,
    item: newItem(),
    lastChars: [' ', ' '],
    lastPos: 0,
    curFontName: state.fontName,
    curFontSize: state.fontSize,
  });

  const levels: Level[] = [];
  let L = newLevel({
    ctm: [1, 0, 0, 1, 0, 0],
    fontName: null,
    fontSize: 0,
    loadedName: null,
    font: null,
    fontMatrix: FONT_IDENTITY_MATRIX,
    textMatrix: [1, 0, 0, 1, 0, 0],
    textLineMatrix: [1, 0, 0, 1, 0, 0],
    charSpacing: 0,
    wordSpacing: 0,
    leading: 0,
    textHScale: 1,
    textRise: 0,
  });

  const lookupFont = (name: string): FontInfo => {
    let f = fontCache.get(name);
    if (f === undefined) {
      f = fontOf(name);
      if (f === undefined || f.vertical || f.isType3Font) throw new Unsupported(name);
      fontCache.set(name, f);
    }
    return f;
  };

  // --- TextState helpers (on the current level's state) ---
  const translateTextMatrix = (x: number, y: number): void => {
    const m = L.state.textMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  };
  const translateTextLineMatrix = (x: number, y: number): void => {
    const m = L.state.textLineMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  };
  const carriageReturn = (): void => {
    translateTextLineMatrix(0, -L.state.leading);
    L.state.textMatrix = L.state.textLineMatrix.slice();
  };
  /**
   * getTextContent's `getCurrentTextTransform()`, i.e. `Util.transform(ctm, Util.transform(tm,
   * [size·hScale, 0, 0, size, 0, rise]))`, written into `out` without allocating (the same
   * floating-point operations in the same order, products with 0 included).
   */
  const currentTextTransform = (out: M): M => {
    const ts = L.state;
    const tm = ts.textMatrix;
    const c = ts.ctm;
    const a = ts.fontSize * ts.textHScale;
    const d = ts.fontSize;
    const r = ts.textRise;
    const t0 = tm[0]!, t1 = tm[1]!, t2 = tm[2]!, t3 = tm[3]!;
    const i0 = t0 * a + t2 * 0;
    const i1 = t1 * a + t3 * 0;
    const i2 = t0 * 0 + t2 * d;
    const i3 = t1 * 0 + t3 * d;
    const i4 = t0 * 0 + t2 * r + tm[4]!;
    const i5 = t1 * 0 + t3 * r + tm[5]!;
    const c0 = c[0]!, c1 = c[1]!, c2 = c[2]!, c3 = c[3]!;
    out[0] = c0 * i0 + c2 * i1;
    out[1] = c1 * i0 + c3 * i1;
    out[2] = c0 * i2 + c2 * i3;
    out[3] = c1 * i2 + c3 * i3;
    out[4] = c0 * i4 + c2 * i5 + c[4]!;
    out[5] = c1 * i4 + c3 * i5 + c[5]!;
    return out;
  };
  const getCurrentTextTransform = (): M => currentTextTransform([0, 0, 0, 0, 0, 0]);
  const scratch: M = [0, 0, 0, 0, 0, 0];

  // --- getTextContent internals ---
  const saveLastChar = (ch: string): boolean => {
    const nextPos = (L.lastPos + 1) % 2;
    const ret = L.lastChars[L.lastPos] !== ' ' && L.lastChars[nextPos] === ' ';
    L.lastChars[L.lastPos] = ch;
    L.lastPos = nextPos;
    return ret;
  };
  const shouldAddWhitespace = (): boolean => L.lastChars[L.lastPos] !== ' ' && L.lastChars[(L.lastPos + 1) % 2] === ' ';
  const resetLastChars = (): void => {
    L.lastChars[0] = L.lastChars[1] = ' ';
    L.lastPos = 0;
  };
  const prevTransform = (): M | null => (L.item.hasPrev ? L.item.prev.slice() : null);
  const pushWhitespace = (width: number, transform: M | null = prevTransform(), fontName: string | null = L.item.fontName): void => {
    items.push({ str: ' ', width, height: 0, transform: transform as M, fontName: fontName as string, hasEOL: false });
  };
  const ensureTextContentItem = (): ItemState => {
    const it = L.item;
    if (it.initialized) return it;
    const ts = L.state;
    const font = ts.font!;
    const loadedName = ts.loadedName!;
    if (!(loadedName in styles)) {
      const style: FontStyle & { fontFamily?: string; vertical?: boolean } = {
        fontFamily: font.fallbackName,
        ascent: font.ascent,
        descent: font.descent,
        vertical: font.vertical,
      };
      styles[loadedName] = style;
    }
    it.fontName = loadedName;
    const trm = (it.transform = getCurrentTextTransform());
    it.width = it.totalWidth = 0;
    it.height = it.totalHeight = Math.hypot(trm[2]!, trm[3]!);
    const scaleLineX = Math.hypot(ts.textLineMatrix[0]!, ts.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(ts.ctm[0]!, ts.ctm[1]!);
    it.textAdvanceScale = scaleCtmX * scaleLineX;
    const fontSize = ts.fontSize;
    it.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    it.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    it.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    it.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    it.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    it.hasEOL = false;
    it.initialized = true;
    return it;
  };
  const updateAdvanceScale = (): void => {
    const it = L.item;
    if (!it.initialized) return;
    const ts = L.state;
    const scaleFactor = Math.hypot(ts.ctm[0]!, ts.ctm[1]!) * Math.hypot(ts.textLineMatrix[0]!, ts.textLineMatrix[1]!);
    if (scaleFactor === it.textAdvanceScale) return;
    it.totalWidth += it.width * it.textAdvanceScale;
    it.width = 0;
    it.textAdvanceScale = scaleFactor;
  };
  const flushTextContentItem = (): void => {
    const it = L.item;
    if (!it.initialized) return;
    it.totalWidth += it.width * it.textAdvanceScale;
    let text = it.str.join('');
    text = normalizeUnicode(text);
    if (RTL_RE.test(text)) throw new Unsupported('rtl');
    items.push({
      str: text,
      width: Math.abs(it.totalWidth),
      height: Math.abs(it.totalHeight),
      transform: it.transform!,
      fontName: it.fontName!,
      hasEOL: it.hasEOL,
    });
    it.initialized = false;
    it.str.length = 0;
  };
  const appendEOL = (): void => {
    resetLastChars();
    if (L.item.initialized) {
      L.item.hasEOL = true;
      flushTextContentItem();
    } else {
      items.push({ str: '', width: 0, height: 0, transform: getCurrentTextTransform(), fontName: L.state.loadedName!, hasEOL: true });
    }
  };
  const addFakeSpaces = (width: number, transf: M | null, textOrientation: number): boolean => {
    const it = L.item;
    if (textOrientation * it.spaceInFlowMin <= width && width <= textOrientation * it.spaceInFlowMax) {
      if (it.initialized) {
        resetLastChars();
        it.str.push(' ');
      }
      return false;
    }
    const fontName = it.fontName;
    flushTextContentItem();
    resetLastChars();
    pushWhitespace(Math.abs(width), transf ?? getCurrentTextTransform(), fontName);
    return true;
  };
  const compareWithLastPosition = (glyphWidth: number): boolean => {
    const currentTransform = currentTextTransform(scratch);
    let posX = currentTransform[4]!;
    let posY = currentTransform[5]!;
    if (posX + glyphWidth < viewBox[0]! || posX > viewBox[2]! || posY < viewBox[1]! || posY > viewBox[3]!) return false;
    const it = L.item;
    if (!L.state.font || !it.hasPrev) return true;
    let lastPosX = it.prev[4]!;
    let lastPosY = it.prev[5]!;
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (currentTransform[0] && currentTransform[1] === 0 && currentTransform[2] === 0) {
      rotate = currentTransform[0] > 0 ? 0 : 180;
    } else if (currentTransform[1] && currentTransform[0] === 0 && currentTransform[3] === 0) {
      rotate = currentTransform[1] > 0 ? 90 : 270;
    }
    switch (rotate) {
      case 0:
        break;
      case 90:
        [posX, posY] = [posY, posX];
        [lastPosX, lastPosY] = [lastPosY, lastPosX];
        break;
      case 180:
        [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
        break;
      case 270:
        [posX, posY] = [-posY, -posX];
        [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
        break;
      default:
        [posX, posY] = applyInverseRotation(posX, posY, currentTransform);
        [lastPosX, lastPosY] = applyInverseRotation(lastPosX, lastPosY, it.prev);
    }
    const advanceX = (posX - lastPosX) / it.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const textOrientation = Math.sign(it.width || it.totalWidth);
    if (advanceX < textOrientation * it.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * it.height) {
        appendEOL();
        return true;
      }
      resetLastChars();
      flushTextContentItem();
      return true;
    }
    if (Math.abs(advanceY) > it.height) {
      appendEOL();
      return true;
    }
    if (advanceX <= textOrientation * it.notASpace) resetLastChars();
    if (advanceX <= textOrientation * it.trackingSpaceMin) {
      if (shouldAddWhitespace()) {
        resetLastChars();
        flushTextContentItem();
        pushWhitespace(Math.abs(advanceX));
      } else {
        it.width += advanceX;
      }
    } else if (!addFakeSpaces(advanceX, prevTransform(), textOrientation)) {
      if (it.str.length === 0) {
        resetLastChars();
        pushWhitespace(Math.abs(advanceX));
      } else {
        it.width += advanceX;
      }
    }
    if (Math.abs(advanceY) > it.height * VERTICAL_SHIFT_RATIO) flushTextContentItem();
    return true;
  };
  const buildTextContentItem = (glyphs: readonly GlyphLike[] | null, extraSpacing: number): void => {
    const ts = L.state;
    if (L.curFontName !== ts.fontName || L.curFontSize !== ts.fontSize) {
      flushTextContentItem();
      L.curFontName = ts.fontName;
      L.curFontSize = ts.fontSize;
    }
    if (glyphs === null || glyphs.length === 0) {
      const charSpacing = ts.charSpacing + extraSpacing;
      if (charSpacing) translateTextMatrix(charSpacing * ts.textHScale, 0);
      return;
    }
    const scale = ts.fontMatrix[0]! * ts.fontSize;
    for (let i = 0, ii = glyphs.length; i < ii; i++) {
      const glyph = glyphs[i]!;
      const unicode = glyph.unicode ?? '';
      const cat = category(unicode);
      if (cat.isInvisibleFormatMark) continue;
      let charSpacing = ts.charSpacing + (i + 1 === ii ? extraSpacing : 0);
      let scaledDim = (glyph.width ?? 0) * scale;
      if (glyph.originalCharCode === 0x20) charSpacing += ts.wordSpacing;
      if (cat.isWhitespace) {
        charSpacing += scaledDim;
        translateTextMatrix(charSpacing * ts.textHScale, 0);
        saveLastChar(' ');
        continue;
      }
      if (!cat.isZeroWidthDiacritic && !compareWithLastPosition(scaledDim)) {
        translateTextMatrix(scaledDim * ts.textHScale, 0);
        continue;
      }
      const textChunk = ensureTextContentItem();
      if (cat.isZeroWidthDiacritic) scaledDim = 0;
      scaledDim *= ts.textHScale;
      translateTextMatrix(scaledDim, 0);
      textChunk.width += scaledDim;
      if (scaledDim) {
        currentTextTransform(textChunk.prev);
        textChunk.hasPrev = true;
      }
      if (saveLastChar(unicode)) textChunk.str.push(' ');
      textChunk.str.push(unicode);
      if (charSpacing) translateTextMatrix(charSpacing * ts.textHScale, 0);
    }
  };
  /** getTextContent's showSpacedText: runs of glyphs between non-zero numbers. */
  const showText = (elements: readonly unknown[]): void => {
    const ts = L.state;
    if (!ts.font) return;
    let hasNumber = false;
    for (const e of elements) {
      if (typeof e === 'number') {
        hasNumber = true;
        break;
      }
    }
    if (!hasNumber) {
      buildTextContentItem(elements as GlyphLike[], 0);
      return;
    }
    const spaceFactor = (-1 * ts.fontSize) / 1000;
    let buf: GlyphLike[] = [];
    for (const e of elements) {
      if (typeof e === 'number') {
        if (e !== 0) {
          buildTextContentItem(buf, e * spaceFactor);
          buf = [];
        }
      } else if (e !== null && typeof e === 'object') {
        buf.push(e as GlyphLike);
      }
    }
    if (buf.length > 0) buildTextContentItem(buf, 0);
  };
  const setFont = (name: unknown, size: unknown): void => {
    const ts = L.state;
    if (typeof name !== 'string') throw new Unsupported('font');
    const fontSize = typeof size === 'number' ? size : 0;
    if (ts.font && name === ts.fontName && fontSize === ts.fontSize) return;
    const font = lookupFont(name);
    ts.fontName = name;
    ts.fontSize = fontSize;
    ts.loadedName = name;
    ts.font = font;
    ts.fontMatrix = font.fontMatrix ?? FONT_IDENTITY_MATRIX;
  };

  try {
    const fnArray = opList.fnArray;
    const argsArray = opList.argsArray;
    for (let i = 0, n = fnArray.length; i < n; i++) {
      const fn = fnArray[i];
      const args = argsArray[i] as unknown[] | null;
      const ts = L.state;
      switch (fn) {
        case OPS.save:
          L.stack.push(ts);
          L.state = cloneState(ts);
          break;
        case OPS.restore: {
          const prev = L.stack.pop();
          if (prev) L.state = prev;
          break;
        }
        case OPS.transform:
          if (args) ts.ctm = Util.transform(ts.ctm, args as M) as M;
          break;
        case OPS.setFont:
          setFont(args?.[0], args?.[1]);
          break;
        case OPS.setTextRise:
          ts.textRise = args![0] as number;
          break;
        case OPS.setHScale:
          ts.textHScale = (args![0] as number) / 100;
          break;
        case OPS.setLeading:
          ts.leading = args![0] as number;
          break;
        case OPS.moveText:
          translateTextLineMatrix(args![0] as number, args![1] as number);
          ts.textMatrix = ts.textLineMatrix.slice();
          break;
        case OPS.setLeadingMoveText:
          ts.leading = -(args![1] as number);
          translateTextLineMatrix(args![0] as number, args![1] as number);
          ts.textMatrix = ts.textLineMatrix.slice();
          break;
        case OPS.nextLine:
          carriageReturn();
          break;
        case OPS.setTextMatrix: {
          const m = matrixArg(args?.[0]) ?? matrixArg(args);
          if (m === null) throw new Unsupported('Tm');
          ts.textMatrix = m.slice();
          ts.textLineMatrix = m.slice();
          updateAdvanceScale();
          break;
        }
        case OPS.setCharSpacing:
          ts.charSpacing = args![0] as number;
          break;
        case OPS.setWordSpacing:
          ts.wordSpacing = args![0] as number;
          break;
        case OPS.beginText:
          ts.textMatrix = [1, 0, 0, 1, 0, 0];
          ts.textLineMatrix = [1, 0, 0, 1, 0, 0];
          break;
        case OPS.showText:
        case OPS.showSpacedText:
          showText((args?.[0] as unknown[] | undefined) ?? []);
          break;
        case OPS.nextLineShowText:
        case OPS.nextLineSetSpacingShowText:
          throw new Unsupported('op'); // pdfjs folds these into nextLine + showText
        case OPS.setGState:
          for (const entry of (args?.[0] as unknown[] | undefined) ?? []) {
            if (!Array.isArray(entry) || entry[0] !== 'Font') continue;
            const value = entry[1] as unknown[];
            flushTextContentItem();
            ts.fontName = null;
            ts.fontSize = value[1] as number;
            const name = value[0];
            if (typeof name !== 'string') throw new Unsupported('font');
            const font = lookupFont(name);
            ts.loadedName = name;
            ts.font = font;
            ts.fontMatrix = font.fontMatrix ?? FONT_IDENTITY_MATRIX;
          }
          break;
        case OPS.beginMarkedContent:
        case OPS.beginMarkedContentProps:
        case OPS.endMarkedContent:
          flushTextContentItem();
          break;
        case OPS.paintFormXObjectBegin: {
          flushTextContentItem();
          const state = cloneState(ts);
          const m = matrixArg(args?.[0]);
          if (m) state.ctm = Util.transform(state.ctm, m) as M;
          levels.push(L);
          L = newLevel(state);
          break;
        }
        case OPS.paintFormXObjectEnd: {
          flushTextContentItem();
          const outer = levels.pop();
          if (outer) L = outer;
          break;
        }
        default:
          if (IMAGE_PAINT_OPS.has(fn!)) flushTextContentItem();
          break;
      }
    }
    flushTextContentItem();
    while (levels.length > 0) {
      L = levels.pop()!;
      flushTextContentItem();
    }
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  return { items, styles };
}

function applyInverseRotation(x: number, y: number, matrix: M): [number, number] {
  const scale = Math.hypot(matrix[0]!, matrix[1]!);
  return [(matrix[0]! * x + matrix[1]! * y) / scale, (matrix[2]! * x + matrix[3]! * y) / scale];
}
