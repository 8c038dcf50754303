/**
 * Bytes of a text export → one JavaScript string, LF line endings, no BOM.
 * UTF-8 first (strict); when the bytes are not valid UTF-8, Windows-1252 (the usual encoding of
 * Dutch office exports) — reported as NAP006 so nobody mistakes it for the original. Text that
 * still holds control bytes after decoding is refused (NAP001): it is not a text export.
 */
import { DiagnosticBag } from '../diagnostics/bag.js';
import { InputError } from '../diagnostics/errors.js';
import { INPUT_FORMATS } from '../model/page-model.js';

/** Result of decoding: the text and the encoding that was used. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
}

/** `utf-16le` / `utf-16be` when the bytes start with that byte-order mark, else null. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** True when many of the first bytes are NUL at alternating positions: UTF-16 text without a BOM. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  if (head.length < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) (i % 2 === 0 ? even++ : odd++);
  return Math.max(even, odd) >= head.length / 2 * 0.4 && Math.min(even, odd) <= head.length / 2 * 0.05;
}

/** C0 controls other than tab, LF, CR; DEL; C1 controls (in Windows-1252: the five unassigned bytes). */
const CONTROL_BYTES = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/;

/**
 * Windows-1252 bytes 0x80–0x9F (the rest of the code page is Latin-1). Spelled out because
 * Node 20's `TextDecoder('windows-1252')` decodes as Latin-1 and turns `–` `’` `•` `€` into C1
 * control characters. The five unassigned bytes map to the C1 control of the same value, as the
 * WHATWG Encoding Standard does, and are then refused as binary.
 */
const WINDOWS_1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Decodes Windows-1252 (every byte is a character; never fails). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_80_9F.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

/**
 * Decodes a text export. Reports NAP006 (Windows-1252 fallback) and NAP007 (BOM / CRLF
 * normalised) into `diagnostics`; throws InputError NAP001 for empty, whitespace-only or binary input.
 */
export function decodeText(bytes: Uint8Array, diagnostics: DiagnosticBag): DecodedText {
  const decoded = decodeBytes(bytes, diagnostics);
  refuseControlBytes(bytes, decoded, diagnostics);
  if (decoded.encoding === 'windows-1252') reportWindows1252(bytes, diagnostics);
  const text = normaliseLineEnds(decoded.text, diagnostics);
  refuseBlank(bytes, text, diagnostics);
  return { text, encoding: decoded.encoding };
}

/** Bytes → text as UTF-16 (with a byte-order mark: NAP011), else UTF-8, else Windows-1252; throws NAP001 for broken UTF-16 and for UTF-16 without a byte-order mark. */
function decodeBytes(bytes: Uint8Array, diagnostics: DiagnosticBag): DecodedText {
  const utf16 = utf16Bom(bytes);
  if (utf16 !== null) return decodeUtf16(bytes, utf16, diagnostics);
  let decoded: DecodedText;
  try {
    decoded = { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
  if (looksLikeBomlessUtf16(bytes)) {
    throw new InputError(
      diagnostics.report('NAP001', 'Input looks like UTF-16 text without a byte-order mark (every other byte is 0). Save the export as UTF-8, or as UTF-16 with a byte-order mark.', {}, { actual: 'utf-16', expected: 'utf-8' }),
    );
  }
  return decoded;
}

/** Bytes that start with a UTF-16 byte-order mark → their text, reported as NAP011; throws NAP001 when they are not valid UTF-16. */
function decodeUtf16(bytes: Uint8Array, utf16: 'utf-16le' | 'utf-16be', diagnostics: DiagnosticBag): DecodedText {
  let text: string;
  try {
    text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(
      diagnostics.report('NAP001', `Input starts with a ${utf16.toUpperCase()} byte-order mark but is not valid ${utf16.toUpperCase()}. Save the export as UTF-8.`, {}, { actual: utf16, expected: 'utf-8' }),
    );
  }
  diagnostics.report('NAP011', `Input is ${utf16.toUpperCase()} text (byte-order mark); decoded as ${utf16.toUpperCase()}.`, {}, { actual: utf16, expected: 'utf-8' });
  return { text, encoding: utf16 };
}

/** Decoded text that still holds control characters → throws NAP001: text in no encoding it could be, a ZIP archive (.docx), or binary data; else nothing. */
function refuseControlBytes(bytes: Uint8Array, { text, encoding }: DecodedText, diagnostics: DiagnosticBag): void {
  if (!CONTROL_BYTES.test(text)) return;
  const offset = text.search(CONTROL_BYTES);
  const invalid = encoding === 'windows-1252' ? firstInvalidUtf8(bytes) : -1;
  // Raw C0 controls or DEL mean binary data; only C1 controls (the five bytes Windows-1252 leaves unassigned) mean broken text.
  if (invalid >= 0 && !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text)) {
    // Not binary: text that is neither valid UTF-8 nor Windows-1252 (a byte unassigned there).
    throw new InputError(
      diagnostics.report(
        'NAP001',
        `Input is not valid UTF-8: the first invalid byte is ${byteName(bytes[invalid]!)} at byte offset ${invalid}, ` +
          `and it is not Windows-1252 text either (byte ${byteName(text.charCodeAt(offset))} at character ${offset} is unassigned there). Save the export as UTF-8.`,
        { line: lineOfBytes(bytes, invalid) },
        { actual: byteName(bytes[invalid]!), expected: 'utf-8' },
      ),
    );
  }
  // A ZIP archive (PK\x03\x04) is most likely the Word document itself (.docx) or a spreadsheet.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new InputError(
      diagnostics.report(
        'NAP001',
        'Input is a ZIP archive, most likely a Word document (.docx) or a spreadsheet, not the annex as PDF, text export or HTML. Save the Word document as PDF (File › Save as › PDF) and give that PDF.',
        {},
        { actual: 'zip', expected: [...INPUT_FORMATS] },
      ),
    );
  }
  // An image (a photo or a scan of the annex) by its signature.
  const image = imageKind(bytes);
  if (image !== null) {
    throw new InputError(
      diagnostics.report(
        'NAP001',
        `Input is a ${image} image, not the annex as PDF, text export or HTML. A scan or photo of the annex has no text to read: make it a PDF with a text layer (OCR, e.g. ocrmypdf) and give that PDF.`,
        {},
        { actual: image.toLowerCase(), expected: [...INPUT_FORMATS] },
      ),
    );
  }
  throw new InputError(
    diagnostics.report(
      'NAP001',
      `Input holds binary data (control byte ${byteName(text.charCodeAt(offset))} at character ${offset}); ` +
        'it is not a text export. Give the annex as PDF, a UTF-8 text export or HTML.',
      { line: lineOf(text, offset) },
      { actual: byteName(text.charCodeAt(offset)) },
    ),
  );
}

/** The image format a file's first bytes name (PNG, JPEG, GIF, TIFF, WebP), or null. */
function imageKind(bytes: Uint8Array): string | null {
  const at = (offset: number, signature: readonly number[]): boolean => signature.every((b, i) => bytes[offset + i] === b);
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (at(0, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (at(0, [0x47, 0x49, 0x46, 0x38])) return 'GIF';
  if (at(0, [0x49, 0x49, 0x2a, 0x00]) || at(0, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'WebP';
  return null;
}

/** Bytes that are not valid UTF-8 → NAP006 (decoded as Windows-1252), naming the first invalid byte and its line. */
function reportWindows1252(bytes: Uint8Array, diagnostics: DiagnosticBag): void {
  const invalid = firstInvalidUtf8(bytes);
  diagnostics.report(
    'NAP006',
    `Input is not valid UTF-8 (the first invalid byte is ${byteName(bytes[invalid]!)} at byte offset ${invalid}); decoded as Windows-1252. Check accented words (é, ë) in the output, or save the export as UTF-8.`,
    { line: lineOfBytes(bytes, invalid) },
    { actual: byteName(bytes[invalid]!), expected: 'utf-8', note: 'decoded as windows-1252' },
  );
}

/** Decoded text → the same without a leading UTF-8 byte-order mark and with LF line ends; what was normalised is reported as NAP007 (in the message, and as data in `actual`). */
function normaliseLineEnds(decoded: string, diagnostics: DiagnosticBag): string {
  let text = decoded;
  const normalised: Array<[said: string, found: string]> = [];
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    normalised.push(['a UTF-8 byte-order mark', 'BOM']);
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    normalised.push(['CRLF line endings', 'CRLF']);
  }
  if (normalised.length > 0) {
    diagnostics.report('NAP007', `Input had ${normalised.map(([said]) => said).join(' and ')}; normalised before reading.`, {}, { actual: normalised.map(([, found]) => found) });
  }
  return text;
}

/** The input's bytes and its normalised text → throws NAP001 when the text is empty or only white space; else nothing. */
function refuseBlank(bytes: Uint8Array, text: string, diagnostics: DiagnosticBag): void {
  if (text.trim() !== '') return;
  throw new InputError(
    diagnostics.report(
      'NAP001',
      `${bytes.length === 0 ? 'Input is empty (0 bytes).' : `Input holds only white space (${bytes.length} bytes).`} Give the annex as PDF, a UTF-8 text export or HTML.`,
      {},
      { actual: bytes.length },
    ),
  );
}

/**
 * Byte offset of the first byte that does not belong to a valid UTF-8 sequence (overlong forms,
 * surrogates and code points above U+10FFFF are invalid, as for TextDecoder), or -1. Linear.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOfBytes(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** `0xe9`: a byte as printed in messages and in a diagnostic's `actual`. */
function byteName(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}
