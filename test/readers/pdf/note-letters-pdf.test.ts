/**
 * Notes labelled with letters in small PDFs (mini-annex.ts), read by the whole PDF reader: raised
 * letter markers in the Toelichting and raised letter labels at the page bottom (read, NAP207);
 * letters that leave one out, and letter markers whose notes are a list `a.` at text size (not
 * read: NAP208, with the page and box of the first letter).
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/diagnostics/bag.js';
import { pageOverlays } from '../../../src/inspect/overlay.js';
import { readPdf } from '../../helpers/read-pdf.js';
import { type MiniAnnexPage, type MiniRow, miniAnnex } from './mini-annex.js';

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'];
const HEAD: MiniRow[] = [
  { title: ['Actielijn 5'], toelichting: [] },
  { title: ['Er is goede hulpverlening die makkelijk vindbaar is'], toelichting: [] },
];
const rows = (markers: (string | undefined)[]): MiniRow[] =>
  markers.map((marker, i) => ({ title: [`Activiteit ${i + 1}`], status: i % 5, wanneer: '2024', wie: ['VWS'], toelichting: [`Tekst ${i + 1}.`], ...(marker !== undefined ? { marker } : {}) }));

async function read(pages: MiniAnnexPage[]) {
  const diagnostics = new DiagnosticBag('letters.pdf');
  const model = await readPdf(miniAnnex('vector', COLORS, pages), { diagnostics });
  return { model, diagnostics: diagnostics.items };
}

describe('notes labelled with letters (PDF reader)', () => {
  it('reads letter markers and labels as the numbers of their letters, each note keeping its letter', async () => {
    const { model, diagnostics } = await read([
      { rows: [...HEAD, ...rows(['a', 'b', undefined])], footnotes: [{ number: 'a', text: 'Kamerstukken II 2023/24, 34843, nr. 109' }, { number: 'b', text: 'Zie www.rcgog.nl' }] },
      { rows: rows(['c']), footnotes: [{ number: 'c', text: 'Kamerstukken II 2022/23, 34843, nr. 80' }] },
    ]);
    expect(model.pages.flatMap((p) => p.footnotes.map((f) => [f.number, f.label, f.text, f.location.page]))).toEqual([
      [1, 'a', 'Kamerstukken II 2023/24, 34843, nr. 109', 1],
      [2, 'b', 'Zie www.rcgog.nl', 1],
      [3, 'c', 'Kamerstukken II 2022/23, 34843, nr. 80', 2],
    ]);
    expect(model.pages.flatMap((p) => p.tables.flatMap((t) => t.rows.map((r) => r.cells.explanation)))).toEqual(['', '', 'Tekst 1.¹', 'Tekst 2.²', 'Tekst 3.', 'Tekst 1.³']);
    const info = diagnostics.filter((d) => d.code === 'NAP207');
    expect(info.map((d) => [d.severity, d.place.page, d.actual])).toEqual([['info', 1, 6]]);
    expect(diagnostics.map((d) => d.code)).not.toContain('NAP208');
  });

  it('does not read letters that leave one out: NAP208 with the first letter\'s page and box, the letters left as text', async () => {
    const { model, diagnostics } = await read([{ rows: [...HEAD, ...rows(['a', 'c'])], footnotes: [{ number: 'a', text: 'Een' }, { number: 'c', text: 'Drie' }] }]);
    const d = diagnostics.filter((x) => x.code === 'NAP208');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'error', place: { page: 1 }, actual: ['a', 'c'] });
    expect(d[0]!.place.bbox?.[1]).toBeGreaterThan(480);
    expect(d[0]!.reason).toContain('2 lines start with a raised or smaller letter (a, c on page 1)');
    expect(d[0]!.reason).toContain('the 2 raised letters stay in the cells\' text');
    expect(model.pages[0]!.footnotes).toEqual([]);
    // (The unread notes then land where unread text does: not this test's concern.)
    expect(model.pages[0]!.tables[0]!.rows.slice(0, 4).map((r) => r.cells.explanation)).toEqual(['', '', 'Tekst 1.a', 'Tekst 2.c']);
  });

  it('says so when raised letters mark notes printed as a list "a." at text size, which it does not read', async () => {
    const list = 'BT /F1 9 Tf 40 60 Td (a. Kamerstukken II 2023/24, 34843, nr. 109) Tj ET BT /F1 9 Tf 40 49 Td (b. Zie www.rcgog.nl) Tj ET';
    const { diagnostics } = await read([{ rows: [...HEAD, ...rows(['a', 'b'])], extra: list }]);
    const d = diagnostics.filter((x) => x.code === 'NAP208');
    expect(d).toHaveLength(1);
    expect(d[0]!.reason).toMatch(/^2 raised letters in the text \(a, b on page 1\) look like note markers, but no notes labelled with letters were found/);
    expect(d[0]!.actual).toEqual(['a', 'b']);
  });
});

describe('inspect on notes labelled with letters', () => {
  it('draws each note with the letter the page prints', async () => {
    const { model } = await read([{ rows: [...HEAD, ...rows(['a', 'b'])], footnotes: [{ number: 'a', text: 'Een' }, { number: 'b', text: 'Twee' }] }]);
    const notes = pageOverlays(model)[0]!.boxes.filter((b) => b.kind === 'note');
    expect(notes.map((b) => [b.label, b.text])).toEqual([
      ['note a', 'a Een'],
      ['note b', 'b Twee'],
    ]);
  });
});
