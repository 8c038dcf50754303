/** Footnote markers and definitions with four-digit numbers (long annexes pass 999 footnotes). */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/diagnostics/bag.js';
import { readPdf } from '../../helpers/read-pdf.js';
import { miniAnnex } from './mini-annex.js';

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'];

describe('readPdf footnote numbers', () => {
  it('reads markers and definitions numbered 999, 1000 and 1866', async () => {
    const bytes = miniAnnex('vector', COLORS, [
      {
        rows: [
          { title: ['Actielijn 5'], toelichting: [] },
          { title: ['Er is goede hulpverlening die makkelijk vindbaar is'], toelichting: [] },
          { title: ['Eerste'], status: 0, wanneer: '2024', wie: ['VWS'], toelichting: ['Tekst een.'], marker: 999 },
          { title: ['Tweede'], status: 1, wanneer: '2025', wie: ['OCW'], toelichting: ['Tekst twee.'], marker: 1000 },
          { title: ['Derde'], status: 2, wanneer: '2025', wie: ['JenV'], toelichting: ['Tekst drie.'], marker: 1866 },
        ],
        footnotes: [
          { number: 999, text: 'Kamerstukken II 2023/24, 34843, nr. 109' },
          { number: 1000, text: 'Kamerstukken II 2022/23, 34843, nr. 80' },
          { number: 1866, text: 'Zie www.rcgog.nl' },
        ],
      },
    ]);
    const model = await readPdf(bytes, { diagnostics: new DiagnosticBag('long.pdf') });
    const page = model.pages[0]!;
    expect(page.footnotes.map((f) => [f.number, f.text])).toEqual([
      [999, 'Kamerstukken II 2023/24, 34843, nr. 109'],
      [1000, 'Kamerstukken II 2022/23, 34843, nr. 80'],
      [1866, 'Zie www.rcgog.nl'],
    ]);
    expect(page.tables.flatMap((t) => t.rows).map((r) => r.cells.explanation)).toEqual(['', '', 'Tekst een.⁹⁹⁹', 'Tekst twee.¹⁰⁰⁰', 'Tekst drie.¹⁸⁶⁶']);
    expect(page.looseText.filter((l) => l.kind !== 'page-number').map((l) => l.text)).toEqual(['Bijlage 1. Voortgang activiteiten']);
  });
});
