/**
 * The colour an icon image shows: the most frequent colour among its opaque, non-white pixels
 * (quantised to 4 bits per channel to absorb anti-aliasing, then averaged within that bin).
 */
import type { ImageData } from './page-graphics.js';
import { ImageKind } from './pdfjs-contract.js';
import { ICONS } from './settings.js';

const { GRAYSCALE_1BPP, RGB_24BPP, RGBA_32BPP } = ImageKind;
const MAX_PIXELS = 256 * 256;

export function dominantImageColor(img: ImageData): string | null {
  const { width, height, data, kind } = img;
  if (!data || !(width > 0) || !(height > 0)) return null;
  const n = width * height;
  if (kind === GRAYSCALE_1BPP) {
    // 1 bit per pixel rows padded to bytes; only tells black from white.
    const rowBytes = (width + 7) >> 3;
    let dark = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) if (((data[y * rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) === 0) dark++;
    }
    return dark > 0 ? '#000000' : null;
  }
  const channels = kind === RGB_24BPP ? 3 : kind === RGBA_32BPP ? 4 : data.length >= n * 4 ? 4 : data.length >= n * 3 ? 3 : 0;
  if (channels === 0) return null;
  const step = Math.max(1, Math.floor(n / MAX_PIXELS));
  const bins = new Map<number, { count: number; r: number; g: number; b: number }>();
  for (let p = 0; p < n; p += step) {
    const o = p * channels;
    const r = data[o]!;
    const g = data[o + 1]!;
    const b = data[o + 2]!;
    if (channels === 4 && data[o + 3]! < ICONS.imageMinAlpha) continue;
    if (r > ICONS.imageBackgroundLevel && g > ICONS.imageBackgroundLevel && b > ICONS.imageBackgroundLevel) continue; // background
    const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    const bin = bins.get(key);
    if (bin) {
      bin.count++;
      bin.r += r;
      bin.g += g;
      bin.b += b;
    } else bins.set(key, { count: 1, r, g, b });
  }
  let best: { count: number; r: number; g: number; b: number } | null = null;
  for (const bin of bins.values()) if (!best || bin.count > best.count) best = bin;
  if (!best) return null;
  const hex = (v: number): string => Math.round(v / best.count).toString(16).padStart(2, '0');
  return `#${hex(best.r)}${hex(best.g)}${hex(best.b)}`;
}
