/**
 * What a page shows at one point: the paints that cover the point composited in drawing order
 * over the white page (PDF 32000-1 §11.3: alpha, blend modes, soft masks), as the visibility
 * pass (visibility.ts) asks it — does drawing this text change what the point shows?
 *
 * A colour the reader does not know (an image's pixels, a pattern, a shading) is carried as a
 * symbol: two results are the same when both are known colours within SAME_COLOUR_DISTANCE, or
 * the same symbol (e.g. the same opaque picture painted over both); a known and an unknown
 * colour cannot be compared (the point is undecided).
 */
import { SAME_COLOR_DISTANCE, parseHexColor, withinRgbDistance } from '../../model/color.js';
import type { Paint, SoftMask } from './page-graphics.js';
import { BLEND_NORMAL } from './pdfjs-contract.js';
import { inRegion } from './regions.js';
import { DRAWING } from './settings.js';

export type RGB = [number, number, number];
/** A colour at a point: known, or a symbol for an unknown one. */
export type Shade = RGB | string;

export const WHITE: RGB = [255, 255, 255];
const BLACK: RGB = [0, 0, 0];

/** Parsed `#rrggbb` colours (frozen, shared): a page asks for the same few colours at every sample point. */
const parsedColors = new Map<string, Readonly<RGB> | null>();
/** Entries kept at most; the map starts again when full (a crafted page may name many colours). */
const PARSED_COLORS_KEPT = 1024;

/** parseHexColor, remembered: the triple is frozen, since every caller shares it. */
export function rgbOf(hex: string): RGB | null {
  let rgb = parsedColors.get(hex);
  if (rgb === undefined) {
    const parsed = parseHexColor(hex);
    rgb = parsed === null ? null : Object.freeze(parsed);
    if (parsedColors.size >= PARSED_COLORS_KEPT) parsedColors.clear();
    parsedColors.set(hex, rgb);
  }
  return rgb as RGB | null;
}

/** Symbols for unknown colours, interned so that equal histories give equal symbols. */
export class Symbols {
  private readonly ids = new Map<string, string>();
  of(key: string): string {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `?${this.ids.size}`;
      this.ids.set(key, id);
    }
    return id;
  }
}

/** True when the point lies inside the paint's region and the clip it was painted under. */
export function paintCovers(p: Paint, x: number, y: number): boolean {
  const c = p.clip;
  if (c !== null && (x < c.x0 || x > c.x1 || y < c.y0 || y > c.y1)) return false;
  if (!inRegion(p.region, x, y)) return false;
  for (const r of p.clips ?? []) if (!inRegion(r, x, y)) return false;
  return true;
}

/**
 * The weights of red, green and blue in a colour's luminosity, Lum(C) = 0.30 R + 0.59 G + 0.11 B
 * (ISO 32000-1 §11.3.5.3), which a /Luminosity soft mask (§11.6.5.2) takes of its group. Facts of the PDF
 * format, not tolerances (test/unit/architecture.test.ts exempts them by name, as it does
 * SEPARABLE and hardLight, the blend-mode formulas of §11.3.5.2).
 */
const LUMINOSITY_WEIGHTS = [0.3, 0.59, 0.11] as const;

/**
 * The value of a soft mask at a point, 0 … 1 (luminosity of its group over its backdrop, or its
 * group's alpha), or null when the group paints a colour the reader does not know there.
 */
export function maskValue(mask: SoftMask, x: number, y: number): number | null {
  if (mask.subtype === 'Alpha') {
    let a = 0;
    for (const p of mask.paints) if (paintCovers(p, x, y)) a += p.alpha * (1 - a);
    return a;
  }
  let c: RGB = (mask.backdrop !== null ? rgbOf(mask.backdrop) : null) ?? BLACK;
  for (const p of mask.paints) {
    if (!paintCovers(p, x, y)) continue;
    const paint = p.color !== null ? rgbOf(p.color) : null;
    if (paint === null) return null;
    c = mix(c, blend(p.blend, c, paint) ?? paint, Math.min(1, p.alpha));
  }
  return (LUMINOSITY_WEIGHTS[0] * c[0] + LUMINOSITY_WEIGHTS[1] * c[1] + LUMINOSITY_WEIGHTS[2] * c[2]) / 255;
}

/**
 * `shade` after a paint of colour `color` (null: unknown) with `alpha` and blend mode `mode` at
 * a point its soft mask gives `maskAt` (null: unknown).
 */
export function applyPaint(shade: Shade, color: string | null, alpha: number, mode: string, maskAt: number | null, key: string, symbols: Symbols): Shade {
  const a = maskAt === null ? null : alpha * maskAt;
  const src = color !== null ? rgbOf(color) : null;
  const srcShade: Shade = src ?? symbols.of(`c:${key}`);
  if (a !== null && a >= DRAWING.opaqueAlpha && mode === BLEND_NORMAL) return srcShade;
  if (a !== null && a <= 1 - DRAWING.opaqueAlpha) return shade;
  if (a === null || src === null || typeof shade === 'string') return symbols.of(`m:${key}|${shadeKey(shade)}`);
  const blended = blend(mode, shade, src);
  if (blended === null) return symbols.of(`b:${key}|${shadeKey(shade)}`);
  return mix(shade, blended, a);
}

function shadeKey(s: Shade): string {
  return typeof s === 'string' ? s : `${Math.round(s[0])},${Math.round(s[1])},${Math.round(s[2])}`;
}

/** True when a reader sees no difference between two shades; null when that cannot be told. */
export function sameShade(a: Shade, b: Shade): boolean | null {
  if (typeof a === 'string' || typeof b === 'string') return a === b ? true : null;
  return withinRgbDistance(a, b, SAME_COLOR_DISTANCE);
}

function mix(base: RGB, top: RGB, a: number): RGB {
  return [base[0] + (top[0] - base[0]) * a, base[1] + (top[1] - base[1]) * a, base[2] + (top[2] - base[2]) * a];
}

/**
 * The separable blend modes (PDF 32000-1 §11.3.5.2) by pdfjs's names, per channel 0 … 1:
 * backdrop `b`, source `s`. The non-separable ones (hue, saturation, color, luminosity) are
 * not computed (null).
 */
const SEPARABLE: Record<string, (b: number, s: number) => number> = {
  'source-over': (_b, s) => s,
  multiply: (b, s) => b * s,
  screen: (b, s) => b + s - b * s,
  overlay: (b, s) => hardLight(s, b),
  darken: (b, s) => Math.min(b, s),
  lighten: (b, s) => Math.max(b, s),
  'color-dodge': (b, s) => (b === 0 ? 0 : s >= 1 ? 1 : Math.min(1, b / (1 - s))),
  'color-burn': (b, s) => (b >= 1 ? 1 : s <= 0 ? 0 : 1 - Math.min(1, (1 - b) / s)),
  'hard-light': (b, s) => hardLight(b, s),
  'soft-light': (b, s) => (s <= 0.5 ? b - (1 - 2 * s) * b * (1 - b) : b + (2 * s - 1) * ((b <= 0.25 ? ((16 * b - 12) * b + 4) * b : Math.sqrt(b)) - b)),
  difference: (b, s) => Math.abs(b - s),
  exclusion: (b, s) => b + s - 2 * b * s,
};

/** Hard light (ISO 32000-1 §11.3.5.2): multiply by twice the source up to one half, screen above it. */
function hardLight(b: number, s: number): number {
  return s <= 0.5 ? b * 2 * s : b + (2 * s - 1) - b * (2 * s - 1);
}

/** The blend of `src` over `backdrop` by `mode`; null for a mode not computed. */
export function blend(mode: string, backdrop: RGB, src: RGB): RGB | null {
  const f = SEPARABLE[mode];
  if (f === undefined) return null;
  return [255 * f(backdrop[0] / 255, src[0] / 255), 255 * f(backdrop[1] / 255, src[1] / 255), 255 * f(backdrop[2] / 255, src[2] / 255)];
}
