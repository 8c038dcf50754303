/**
 * The two cases where pdfjs-dist 5.6 builds text items differently from 5.5: a
 * superscript raised above the line height, and two font resources with the same base font. The
 * reader builds its chunks from the operator list's glyphs (glyph-chunks.ts), not from pdfjs's
 * text items, so these read as printed whatever pdfjs's item building does; an upgrade that
 * changes the glyphs must show here (with the version pin in pdfjs-contract.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/diagnostics/bag.js';
import { readPdf } from '../../helpers/read-pdf.js';
import { type MiniAnnexPage, miniAnnex } from './mini-annex.js';

const COLORS = ['#008080', '#ffb000', '#5a5a5a', '#d0006f', '#101010'];
/** Row 1's first line (mini-annex layout). */
const ROW_Y = 465;

function pageWith(toelichting: string): MiniAnnexPage[] {
  return [
    {
      rows: [
        { title: ['Actielijn 1'], toelichting: [] },
        { title: ['Eerste activiteit'], status: 1, wanneer: 'Q1 2024', wie: ['OCW'], toelichting: [''] },
        { title: ['Tweede activiteit'], status: 0, wanneer: '2023', wie: ['VWS'], toelichting: ['Afgerond.'] },
      ],
      footnotes: [{ number: 1, text: 'Kamerstukken II 2023/24, 34843, nr. 100.' }],
      extra: toelichting,
    },
  ];
}

async function toelichting(ops: string): Promise<string> {
  const model = await readPdf(miniAnnex('vector', COLORS, pageWith(ops)), { diagnostics: new DiagnosticBag('divergence.pdf') });
  return model.pages[0]!.tables[0]!.rows[1]!.cells.explanation ?? '';
}

describe('text items where pdfjs-dist versions differ', () => {
  it('a footnote marker raised 12 pt (above the line height) stays a superscript of its word', async () => {
    expect(await toelichting(`BT /F1 9 Tf 470 ${ROW_Y} Td (Zie de brief.) Tj /F1 6 Tf 12 Ts (1) Tj 0 Ts ET`)).toBe('Zie de brief.¹');
  });

  it('a normal raise (3.5 pt) is a superscript too (control)', async () => {
    expect(await toelichting(`BT /F1 9 Tf 470 ${ROW_Y} Td (Zie de brief.) Tj /F1 6 Tf 3.5 Ts (1) Tj 0 Ts ET`)).toBe('Zie de brief.¹');
  });

  it('a footnote marker sized by the text matrix (1 Tf, size in Tm, as Cairo writes it) is a superscript, and the text after it is not', async () => {
    // Helvetica: "Zie de brief" is 5.002 em wide (45.02 pt at 9 pt), "1" 0.556 em (3.61 pt at 6.5 pt).
    expect(await toelichting(`BT /F1 1 Tf 9 0 0 9 470 ${ROW_Y} Tm (Zie de brief) Tj 6.5 0 0 6.5 515.02 ${ROW_Y + 2} Tm (1) Tj 9 0 0 9 518.63 ${ROW_Y} Tm ( gereed in 2024) Tj ET`)).toBe('Zie de brief¹ gereed in 2024');
  });

  it('a footnote marker drawn after its line, into the gap it left, stays with the word before it', async () => {
    expect(await toelichting(`BT /F1 9 Tf 470 ${ROW_Y} Td [(Zie de brief) -370 ( verder) ] TJ ET BT /F1 6 Tf 515.02 ${ROW_Y + 3.5} Td (1) Tj ET`)).toBe('Zie de brief¹ verder');
  });

  it('two font resources with the same base font in one line read as one text, spaced as printed', async () => {
    expect(await toelichting(`BT /F1 9 Tf 470 ${ROW_Y} Td (Een ) Tj /F5 9 Tf (toelichting) Tj /F1 9 Tf ( in twee fonts.) Tj ET`)).toBe('Een toelichting in twee fonts.');
  });
});
