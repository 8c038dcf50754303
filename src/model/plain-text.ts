/**
 * Plain-text helpers every stage may use (readers, assembly, normalisers): Unicode format
 * characters taken out before printed words are recognised, text shortened for a diagnostic
 * message, the base name of a path. Pure.
 */

/** Unicode format characters (zero-width space, soft hyphen, direction marks …): invisible in print. */
const FORMAT_CHARS = /\p{Cf}/gu;

/** `text` without Unicode format characters (\p{Cf}): `Actie\u200blijn 4` → `Actielijn 4`. For recognising page furniture. */
export function withoutFormatChars(text: string): string {
  return text.replace(FORMAT_CHARS, '');
}

/** Shortens text for a diagnostic message: whitespace collapsed, cut to `max` characters with `…`. */
export function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The base name of a path as typed (`/home/me/annex.pdf` → `annex.pdf`; `\\` too), so no local folder reaches published output. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter((p) => p !== '').at(-1) ?? path;
}
