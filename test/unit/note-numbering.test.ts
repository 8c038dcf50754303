/**
 * Footnote numbering that restarts on each page (Word "Restart each page", LibreOffice "per
 * page"): each page's markers refer to that page's own notes; the notes are numbered 1 … N in
 * document order and keep their printed label. Page models as the PDF reader gives them.
 */
import { describe, expect, it } from 'vitest';
import { attachFootnotes } from '../../src/assemble/footnotes.js';
import { renumberText, resolvePageNumbering } from '../../src/assemble/note-numbering.js';
import { assembleRows } from '../../src/assemble/rows.js';
import { DiagnosticBag } from '../../src/diagnostics/bag.js';
import { type BodyRow, type FootnoteDefinition, type Page, type PageModel, keyedCells } from '../../src/model/page-model.js';
import { PRINTED_COLUMN_KEYS } from '../../src/model/vocabulary.js';
import { extractString } from '../helpers/fixtures.js';

const HEADER = { cells: ['Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting'], keys: [...PRINTED_COLUMN_KEYS], location: { page: 1 } };
const row = (page: number, cells: string[], markers: BodyRow['markers'] = undefined): BodyRow => ({
  ...keyedCells(cells, null),
  statusCue: { kind: 'none' },
  location: { page, bbox: [50, 100, 550, 200] },
  ...(markers !== undefined ? { markers } : {}),
});
const note = (page: number, number: number, text: string): FootnoteDefinition => ({ number, text, location: { page, bbox: [50, 500, 300, 510] } });
const page = (number: number, rows: BodyRow[], footnotes: FootnoteDefinition[]): Page => ({ number, legend: [], tables: [{ header: HEADER, rows }], footnotes, looseText: [] });

/** Three pages: notes 1, 2 on page 1; 1 on page 2; a row broken from page 2 to page 3, whose page-3 part cites page 3's own note 1. */
function restarting(): PageModel {
  return {
    format: 'pdf',
    pages: [
      page(1, [row(1, ['Actielijn 1', '', '', '', '']), row(1, ['Publieksmonitor', '', '2023-2025', 'OCW', 'De eerste monitor.¹ En de tweede ²']), row(1, ['Podcast', '', '2024', 'OCW', 'Opgenomen op 12 m² ²'])], [note(1, 1, 'I&O Research (2023)'), note(1, 2, 'Kamerstukken II 2022/23, 34843, nr. 80')]),
      page(2, [row(2, ['Campagne', '', 'Q1 2024', 'Allen', 'Gestart ¹ in maart'])], [note(2, 1, 'Kamerstukken, 2023/24 30420, nr. 390')]),
      page(3, [row(3, ['', '', '', '', 'en verder gevoerd.¹'])], [note(3, 1, '<https://generatiejaen.rutgers.nl/>')]),
    ],
  };
}

function read(model: PageModel): { bag: DiagnosticBag; rows: ReturnType<typeof attachFootnotes>['rows']; footnotes: ReturnType<typeof attachFootnotes>['footnotes'] } {
  const bag = new DiagnosticBag('a.pdf');
  const assembled = assembleRows(resolvePageNumbering(model, bag), bag);
  return { bag, ...attachFootnotes(assembled.rows, assembled.footnotes, bag) };
}

describe('footnote numbering that restarts on each page', () => {
  it('numbers the notes 1 to N in document order, keeping each printed label', () => {
    const { footnotes } = read(restarting());
    expect(footnotes.map((f) => [f.number, f.label, f.location.page, f.text])).toEqual([
      [1, '1', 1, 'I&O Research (2023)'],
      [2, '2', 1, 'Kamerstukken II 2022/23, 34843, nr. 80'],
      [3, '1', 2, 'Kamerstukken, 2023/24 30420, nr. 390'],
      [4, '1', 3, '<https://generatiejaen.rutgers.nl/>'],
    ]);
  });

  it("reads each marker with its own page's notes, also in the two parts of a row broken by a page end", () => {
    const { rows, footnotes, bag } = read(restarting());
    expect(rows.map((r) => [r.id, r.footnotes])).toEqual([
      ['AL1-01', [1, 2]],
      ['AL1-02', [2]],
      ['AL1-03', [3, 4]],
    ]);
    expect(rows[2]!.cells.explanation).toBe('Gestart in maart en verder gevoerd.');
    // m² is a unit, not a marker: it stays, renumbered markers after it are still read.
    expect(rows[1]!.cells.explanation).toBe('Opgenomen op 12 m²');
    expect(footnotes.map((f) => f.citedBy)).toEqual([['AL1-01'], ['AL1-01', 'AL1-02'], ['AL1-03'], ['AL1-03']]);
    expect(bag.items.map((d) => d.code)).not.toContain('NAP203');
    const info = bag.items.filter((d) => d.code === 'NAP206');
    expect(info).toHaveLength(1);
    expect(info[0]!.severity).toBe('info');
    expect(info[0]!.reason).toContain('note 1 is printed on pages 1, 2, 3');
    expect(info[0]!.reason).toContain('the 4 notes are numbered 1 to 4 in document order');
  });

  it("reports a marker whose page has no note with its label (NAP201, page and the marker's box), and leaves it out", () => {
    const model = restarting();
    const p2 = model.pages[1]!;
    p2.tables[0]!.rows[0] = row(2, ['Campagne', '', 'Q1 2024', 'Allen', 'Gestart ¹ in maart ³ en'], [
      { text: '¹', bbox: [300, 120, 303, 126] },
      { text: '³', bbox: [340, 120, 343, 126] },
    ]);
    const { rows, bag } = read(model);
    expect(rows[2]!.footnotes).toEqual([3, 4]);
    expect(rows[2]!.cells.explanation).toBe('Gestart in maart en en verder gevoerd.');
    const missing = bag.items.filter((d) => d.code === 'NAP201');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', place: { page: 2, bbox: [340, 120, 343, 126] }, field: 'Toelichting', actual: 3, expected: [1] });
    expect(missing[0]!.reason).toContain('page 2 prints notes 1');
  });

  it('cites a note carried to the top of the next page (no room left on its own page), with its marker\'s label, when no marker there cites it', () => {
    const model: PageModel = {
      format: 'pdf',
      pages: [
        page(1, [row(1, ['Actielijn 1', '', '', '', '']), row(1, ['Publieksmonitor', '', '2023', 'OCW', 'Monitor ¹ en aan het eind ²'])], [note(1, 1, 'Een')]),
        page(2, [row(2, ['Campagne', '', '2024', 'Allen', 'Gestart ¹'])], [note(2, 2, 'Twee, van pagina 1'), note(2, 1, 'Drie')]),
        page(3, [row(3, ['Podcast', '', '2024', 'OCW', 'Opgenomen ¹ en ²'])], [note(3, 1, 'Vier')]),
      ],
    };
    const { rows, footnotes, bag } = read(model);
    expect(footnotes.map((f) => [f.number, f.label, f.location.page, f.text])).toEqual([
      [1, '1', 1, 'Een'],
      [2, '2', 2, 'Twee, van pagina 1'],
      [3, '1', 2, 'Drie'],
      [4, '1', 3, 'Vier'],
    ]);
    expect(rows.map((r) => [r.id, r.footnotes])).toEqual([
      ['AL1-01', [1, 2]],
      ['AL1-02', [3]],
      ['AL1-03', [4]],
    ]);
    // Page 3's marker 2: page 3 prints no note 2, and no page after it: NAP201.
    const missing = bag.items.filter((d) => d.code === 'NAP201');
    expect(missing.map((d) => [d.place.page, d.actual])).toEqual([[3, 2]]);
  });

  it('leaves a document numbered through unchanged (the same page model)', () => {
    const model: PageModel = {
      format: 'pdf',
      pages: [
        page(1, [row(1, ['Actielijn 1', '', '', '', '']), row(1, ['Publieksmonitor', '', '2023', 'OCW', 'Monitor ¹ en ²'])], [note(1, 1, 'Een'), note(1, 2, 'Twee')]),
        page(2, [row(2, ['Campagne', '', '2024', 'Allen', 'Gestart ³'])], [note(2, 3, 'Drie')]),
      ],
    };
    const bag = new DiagnosticBag('a.pdf');
    expect(resolvePageNumbering(model, bag)).toBe(model);
    expect(bag.items).toEqual([]);
  });

  it('keeps reading a page that defines a label twice as before: NAP203, the first kept', () => {
    const model = restarting();
    model.pages[0]!.footnotes.push(note(1, 2, 'Nog een twee'));
    const bag = new DiagnosticBag('a.pdf');
    expect(resolvePageNumbering(model, bag)).toBe(model);
    const { bag: after } = read(model);
    expect(after.items.filter((d) => d.code === 'NAP203').map((d) => d.place.page)).toEqual([1, 2, 3]);
    expect(after.items.map((d) => d.code)).not.toContain('NAP206');
  });

  it('keeps a number typed twice as before (NAP203): defined again on a page that cites no note of that label', () => {
    const model = restarting();
    model.pages[1]!.tables[0]!.rows[0] = row(2, ['Campagne', '', 'Q1 2024', 'Allen', 'Gestart in maart']);
    model.pages[2]!.tables[0]!.rows[0] = row(3, ['', '', '', '', 'en verder gevoerd.']);
    const bag = new DiagnosticBag('a.pdf');
    expect(resolvePageNumbering(model, bag)).toBe(model);
    const after = read(model).bag;
    expect(after.items.filter((d) => d.code === 'NAP203').map((d) => d.place.page)).toEqual([2, 3]);
  });

  it('rewrites markers only: superscripts that are no footnote number, and unit exponents, stay', () => {
    const to = (n: number) => n + 10;
    expect(renumberText('gedrag . ¹ De', to)).toBe('gedrag . ¹¹ De');
    expect(renumberText('2023.¹⁴ Op', to)).toBe('2023.²⁴ Op');
    expect(renumberText('12 km² en ⁰', to)).toBe('12 km² en ⁰');
    expect(renumberText('gedrag ¹ en', () => undefined)).toBe('gedrag en');
  });
});

describe('footnote numbering per page in a text export (any reader: the rule works on the page model)', () => {
  const LEGEND = ' Afgerond\n  In uitvoering\n  Doorlopend gedurende uitvoering programma\n  In uitvoering met vertraging\n  Nog niet begonnen of afgebroken\n';
  const HEADER = 'Activiteit\tStatus\tWanneer\tWie\tToelichting\n';
  const AL1 = 'Actielijn 1\t\t\t\t\nEr zijn gedeelde maatschappelijke waarden en normen over hoe we met elkaar om willen gaan in de samenleving\t\t\t\t\n';
  const page = (body: string, notes: string) => `${LEGEND}\n${HEADER}${AL1}${body}\n${notes}\n`;

  it('reads each page\'s ¹ with its own page\'s note 1, in a file the text reader reads', async () => {
    const text = page('Eerste\t\t2024\tOCW\tA.¹\n', '¹ Eerste noot.\n') + page('Tweede\t\t2024\tOCW\tB.¹ en C.²\n', '¹ Tweede noot.\n² Derde noot.\n');
    const { annex, diagnostics } = await extractString(text);
    expect(annex.footnotes.map((f) => [f.number, f.label, f.text, f.location.page])).toEqual([
      [1, '1', 'Eerste noot.', 1],
      [2, '1', 'Tweede noot.', 2],
      [3, '2', 'Derde noot.', 2],
    ]);
    expect(annex.activities.map((a) => [a.title, a.footnotes, a.explanation.text])).toEqual([
      ['Eerste', [1], 'A.'],
      ['Tweede', [2, 3], 'B. en C.'],
    ]);
    // (A one-action-line file gets NAP503; of the notes only the information that numbering restarts.)
    expect(diagnostics.filter((d) => d.code.startsWith('NAP2')).map((d) => [d.code, d.place.page])).toEqual([['NAP206', 1]]);
  });
});
