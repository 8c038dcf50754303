/**
 * A drawn soft hyphen is a printed hyphen (walk/text.ts SOFT_HYPHEN): a font whose ToUnicode maps
 * its hyphen glyph to U+00AD (`mutool convert` writes such maps, adversarial review 6) prints
 * `2023-2025` and `non-binair`; a soft hyphen that the font does not advance for is not printed.
 */
import { describe, expect, it } from 'vitest';
import { openPdf, readPageInput } from '../../../src/readers/pdf/document.js';
import { buildPdf, streamObject } from './mini-pdf.js';

/** Helvetica with a ToUnicode map that reads the hyphen (0x2D) as U+00AD and every other code as itself; `/Widths` gives the hyphen `hyphenWidth`. */
function page(hyphenWidth: number): Uint8Array {
  const cmap =
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /SoftHyphen def 1 begincodespacerange <00> <FF> endcodespacerange ' +
    '2 beginbfrange <20> <2C> <0020> <2E> <7E> <002E> endbfrange 1 beginbfchar <2D> <00AD> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end';
  const widths = Array.from({ length: 95 }, (_, i) => (i + 32 === 0x2d ? hyphenWidth : 556)).join(' ');
  return buildPdf([
    {
      content: 'BT /F9 10 Tf 100 500 Td (2023-2025 non-binair) Tj ET',
      objects: [
        { name: 'cmap', body: streamObject('', cmap) },
        { name: 'font', body: `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [${widths}] /ToUnicode {{cmap}} >>` },
      ],
      fonts: '/F9 {{font}}',
    },
  ]);
}

async function chunkTexts(bytes: Uint8Array): Promise<string> {
  const task = openPdf(bytes);
  try {
    const doc = await task.promise;
    return (await readPageInput(await doc.getPage(1), 1)).chunks.map((c) => c.text).join('|');
  } finally {
    await task.destroy();
  }
}

describe('a soft hyphen the page draws', () => {
  it('is read as the hyphen it prints', async () => {
    expect(await chunkTexts(page(333))).toBe('2023-2025 non-binair');
  });

  it('is left out when the font gives it no width (nothing printed there)', async () => {
    expect(await chunkTexts(page(0))).toBe('20232025 nonbinair');
  });
});
