/**
 * Bytes of a text export → one JavaScript string, LF line endings, no BOM.
 * UTF-8 first (strict); when the bytes are not valid UTF-8, Windows-1252 (the usual encoding of
 * Dutch office exports) — reported as NAP006 so nobody mistakes it for the original. Text that
 * still holds control bytes after decoding is refused (NAP001): it is not a text export.
 */
import { DiagnosticBag, InputError } from '../model/diagnostics.js';

/** Result of decoding: the text and the encoding that was used. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

const CONTROL_BYTES = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/**
 * Decodes a text export. Reports NAP006 (Windows-1252 fallback) and NAP007 (BOM / CRLF
 * normalised) into `diagnostics`; throws InputError NAP001 for empty, whitespace-only or binary input.
 */
export function decodeText(bytes: Uint8Array, diagnostics: DiagnosticBag): DecodedText {
  let encoding: DecodedText['encoding'] = 'utf-8';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    encoding = 'windows-1252';
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (CONTROL_BYTES.test(text)) {
    const offset = text.search(CONTROL_BYTES);
    throw new InputError(
      diagnostics.report(
        'NAP001',
        `Input holds binary data (control byte 0x${text.charCodeAt(offset).toString(16).padStart(2, '0')} at character ${offset}); ` +
          'it is not a text export. Give the annex as PDF, a UTF-8 text export or HTML.',
        { line: lineOf(text, offset) },
      ),
    );
  }
  if (encoding === 'windows-1252') {
    diagnostics.report(
      'NAP006',
      'Input is not valid UTF-8; decoded as Windows-1252. Check accented words (é, ë) in the output, or save the export as UTF-8.',
    );
  }
  const normalised: string[] = [];
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    normalised.push('a UTF-8 byte-order mark');
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    normalised.push('CRLF line endings');
  }
  if (normalised.length > 0) {
    diagnostics.report('NAP007', `Input had ${normalised.join(' and ')}; normalised before reading.`);
  }
  if (text.trim() === '') {
    throw new InputError(
      diagnostics.report(
        'NAP001',
        bytes.length === 0 ? 'Input is empty (0 bytes).' : `Input holds only white space (${bytes.length} bytes).`,
      ),
    );
  }
  return { text, encoding };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
