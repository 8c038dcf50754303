/**
 * Status icons drawn as a ● character. pdfjs reports ZapfDingbats `l` (a71) as `l` when the font
 * carries no Unicode mapping (the reader then takes a 1–2 character chunk in the Status column or
 * before a legend label as the icon); with a ToUnicode CMap, or a Type3 glyph named /blackcircle,
 * it reports U+25CF, which the operator-list walk records as a symbol glyph (isSymbolChar).
 */
import { describe, expect, it } from 'vitest';
import { openPdf, readPageInput } from '../../../src/readers/pdf/document.js';
import { isSymbolChar } from '../../../src/readers/pdf/symbols.js';
import { miniAnnex } from './mini-annex.js';

const COLORS = ['#0b7a75', '#7a0b56', '#556b2f', '#c45a00', '#303f9f'];
const PAGE = {
  rows: [
    { title: ['Actielijn 1'], toelichting: [] },
    { title: ['Eerste activiteit'], status: 3, wanneer: 'Q1 2024', wie: ['OCW'], toelichting: ['Loopt.'] },
    { title: ['Tweede activiteit'], status: 0, wanneer: '2024', wie: ['VWS'], toelichting: ['Klaar.'] },
  ],
};

async function glyphMarks(bytes: Uint8Array): Promise<{ chars: string[]; colors: string[]; chunkTexts: string[] }> {
  const task = openPdf(bytes);
  try {
    const doc = await task.promise;
    const input = await readPageInput(await doc.getPage(1), 1);
    return {
      chars: input.graphics.glyphs.map((g) => g.char),
      colors: input.graphics.glyphs.map((g) => g.color),
      chunkTexts: input.chunks.map((c) => c.text),
    };
  } finally {
    await task.destroy();
  }
}

describe('● status glyphs', () => {
  it('U+25CF and the other geometric shapes used as icons are symbol characters', () => {
    for (const ch of ['●', '■', '◆', '▲', '★']) expect(isSymbolChar(ch)).toBe(true);
    for (const ch of ['l', 'n', 'u', 'a', '1', '•']) expect(isSymbolChar(ch)).toBe(false);
  });

  it.each(['glyph-mapped', 'glyph-type3'] as const)('%s: pdfjs reports ●, recorded as glyph marks in the paint colour', async (kind) => {
    const { chars, colors, chunkTexts } = await glyphMarks(miniAnnex(kind, COLORS, [PAGE]));
    // 5 legend icons, then the two row icons (status 3 and 0).
    expect(chars).toEqual(Array(7).fill('●'));
    expect(colors).toEqual([...COLORS, COLORS[3], COLORS[0]]);
    expect(chunkTexts.filter((t) => t === '●')).toHaveLength(7);
  });

  it('glyph (ZapfDingbats without ToUnicode): pdfjs reports `l`, so there are no glyph marks', async () => {
    const { chars, chunkTexts } = await glyphMarks(miniAnnex('glyph', COLORS, [PAGE]));
    expect(chars).toEqual([]);
    expect(chunkTexts.filter((t) => t === 'l')).toHaveLength(7);
  });
});
