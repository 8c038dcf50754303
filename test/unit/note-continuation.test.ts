/** Notes that a page end broke, joined in document order (src/assemble/note-continuation.ts). */
import { describe, expect, it } from 'vitest';
import { joinContinuedNotes } from '../../src/assemble/note-continuation.js';
import { DiagnosticBag } from '../../src/diagnostics/bag.js';
import type { FootnoteDefinition, Page, PageModel } from '../../src/model/page-model.js';

const page = (number: number, footnotes: FootnoteDefinition[]): Page => ({ number, legend: [], tables: [], footnotes, looseText: [] });
const note = (number: number, text: string, pageNumber: number, extra: Partial<FootnoteDefinition> = {}): FootnoteDefinition => ({
  number,
  text,
  location: { page: pageNumber, bbox: [56, 500, 260, 510] },
  ...extra,
});

describe('joinContinuedNotes', () => {
  it('appends a continued part to the note before it, keeps where each part was printed, and says so (NAP209)', () => {
    const model: PageModel = {
      format: 'pdf',
      pages: [
        page(4, [note(3, 'Kamerstukken II 2022/23, 34843, nr. 67', 4), note(4, '[Ben je oké?](http://benjeoke.nl)', 4)]),
        page(5, [note(4, 'Geraadpleegd via de website van de Rijksoverheid.', 5, { continued: true }), note(5, 'Kamerstukken II 2022/23, 34843, nr. 80', 5)]),
      ],
    };
    const bag = new DiagnosticBag('a.pdf');
    const joined = joinContinuedNotes(model, bag);
    expect(joined.pages.map((p) => p.footnotes.map((f) => [f.number, f.text]))).toEqual([
      [[3, 'Kamerstukken II 2022/23, 34843, nr. 67'], [4, '[Ben je oké?](http://benjeoke.nl) Geraadpleegd via de website van de Rijksoverheid.']],
      [[5, 'Kamerstukken II 2022/23, 34843, nr. 80']],
    ]);
    expect(joined.pages[0]!.footnotes[1]!.continuedOn).toEqual([{ page: 5, bbox: [56, 500, 260, 510] }]);
    expect(bag.items.map((d) => [d.code, d.severity, d.place?.page])).toEqual([['NAP209', 'info', 5]]);
    // The input model is not changed.
    expect(model.pages[0]!.footnotes[1]!.text).toBe('[Ben je oké?](http://benjeoke.nl)');
  });

  it('joins by document order, not by number: a page that restarts its numbering continues its own last note', () => {
    const model: PageModel = { format: 'pdf', pages: [page(2, [note(1, 'Eerste', 2), note(2, 'Tweede noot loopt', 2)]), page(3, [note(9, 'door.', 3, { continued: true }), note(1, 'Derde', 3)])] };
    const joined = joinContinuedNotes(model, new DiagnosticBag('a.pdf'));
    expect(joined.pages.map((p) => p.footnotes.map((f) => f.text))).toEqual([['Eerste', 'Tweede noot loopt door.'], ['Derde']]);
  });

  it('returns the model itself when no note is continued', () => {
    const model: PageModel = { format: 'pdf', pages: [page(1, [note(1, 'Eerste', 1)])] };
    expect(joinContinuedNotes(model, new DiagnosticBag('a.pdf'))).toBe(model);
  });
});
