/** Test inputs in other encodings and line-ending conventions, built from real text. */

/**
 * Windows-1252 0x80–0x9F, from the code page's definition (unicode.org MAPPINGS/VENDORS/MICSFT/
 * WINDOWS/CP1252.TXT); `\0` marks the five unassigned bytes. Not from TextDecoder: Node 20
 * decodes 'windows-1252' as Latin-1.
 */
const HIGH = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';

/**
 * Encodes `text` as Windows-1252, the way a Windows program saves it: characters the code page
 * lacks (superscripts ⁰ ⁴–⁹, for one) become `?`.
 */
export function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const high = ch === '\0' ? -1 : HIGH.indexOf(ch);
    return high >= 0 ? 0x80 + high : 0x3f;
  }));
}

/** UTF-8 with a byte-order mark and CRLF line endings (Notepad's old default). */
export function utf8BomCrlf(text: string): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${text.replace(/\n/g, '\r\n')}`);
}
