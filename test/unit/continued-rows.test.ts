/**
 * A table row broken by a page end, in an untagged PDF with shaded Status cells: the part on the
 * next page continues its title and explanation, with its Status cell still shaded and Wanneer and
 * Wie empty. Found on a Word rendition no test was tuned to (Times 7.5 pt, A5, untagged): the part
 * at the page bottom was only three lines tall, so its shading was seen as a filled box.
 */
import { describe, expect, it } from 'vitest';
import { assembleRows } from '../../src/assemble/rows.js';
import { DiagnosticBag } from '../../src/diagnostics/bag.js';
import { type BodyRow, type CueShape, type Page, type PageModel, keyedCells } from '../../src/model/page-model.js';
import { PRINTED_COLUMN_KEYS } from '../../src/model/vocabulary.js';

const BLUE = '#3d85c6';
const HEADER = { cells: ['Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting'], keys: [...PRINTED_COLUMN_KEYS], location: { page: 1 } };
const row = (page: number, cells: string[], shape: CueShape | null, color = BLUE): BodyRow => ({
  ...keyedCells(cells, null),
  statusCue: shape === null ? { kind: 'none' } : { kind: 'icon', color, shape },
  location: { page },
});
const legend = ['Afgerond', 'In uitvoering', 'Doorlopend gedurende uitvoering programma', 'In uitvoering met vertraging', 'Nog niet begonnen of afgebroken'].map((label, i) => ({
  label,
  iconColor: ['#6aa84f', BLUE, '#8e7cc3', '#f6b26b', '#e06666'][i]!,
  iconShape: 'shading' as const,
  location: { page: 1 },
}));
const page = (number: number, rows: BodyRow[]): Page => ({ number, legend: number === 1 ? legend : [], tables: [{ header: HEADER, rows }], footnotes: [], looseText: [] });

function assemble(bottomShape: CueShape, topShape: CueShape, topColor = BLUE, topWanneer = ''): string[] {
  const model: PageModel = {
    format: 'pdf',
    pages: [
      page(1, [row(1, ['Actielijn 3', '', '', '', ''], null), row(1, ['Onderzoek veilige en integere', '', '2023-2024', 'VWS', 'Er is een onderzoek'], bottomShape)]),
      page(2, [row(2, ['sport en evaluatie sporttuchtrecht', '', topWanneer, '', 'gedaan naar een veilige sport.'], topShape, topColor)]),
    ],
  };
  return assembleRows(model, new DiagnosticBag('a.pdf')).rows.map((r) => r.cells.title);
}

describe('a row broken by a page end, with shaded Status cells', () => {
  it('continues when the part at the page bottom was seen as a filled box and the next part as shading', () => {
    expect(assemble('vector', 'shading')).toEqual(['Onderzoek veilige en integere sport en evaluatie sporttuchtrecht']);
  });

  it('continues when both parts were seen as shading (control)', () => {
    expect(assemble('shading', 'shading')).toEqual(['Onderzoek veilige en integere sport en evaluatie sporttuchtrecht']);
  });

  it('is a new activity when the colour differs, or when it has its own Wanneer and Wie', () => {
    expect(assemble('vector', 'shading', '#e06666')).toHaveLength(2);
    expect(assemble('vector', 'shading', BLUE, '2025').length).toBe(1); // Wie is still empty: a continuation
  });
});

describe('a row at the top of a page with an empty Activiteit cell', () => {
  const model = (topCells: string[], topShape: CueShape | null): PageModel => ({
    format: 'pdf',
    pages: [
      page(1, [row(1, ['Actielijn 1', '', '', '', ''], null), row(1, ['Rondetafelgesprekken lhbtqi+', '', '2023-2024', 'OCW', 'De regeringscommissaris organiseert'], 'glyph')]),
      page(2, [row(2, topCells, topShape)]),
    ],
  });

  it('continues the row above when it shows no status mark of its own', () => {
    const bag = new DiagnosticBag('a.pdf');
    const rows = assembleRows(model(['', '', '', '', 'rondetafelgesprekken.'], null), bag).rows;
    expect(rows.map((r) => r.cells.explanation)).toEqual(['De regeringscommissaris organiseert rondetafelgesprekken.']);
    expect(bag.items.map((d) => d.code)).toContain('NAP108');
    expect(bag.items.map((d) => d.code)).not.toContain('NAP104');
  });

  it('is no continuation but a row without a title (NAP104, an error) when it shows its own status mark, Wanneer and Wie: an Activiteit cell merged over two rows and broken by the page end (adversarial m4-rowspan-title)', () => {
    const bag = new DiagnosticBag('a.pdf');
    const rows = assembleRows(model(['', '', '2023-2025', 'Regeringscommissaris', 'heeft zij in samenwerking'], 'glyph'), bag).rows;
    expect(rows.map((r) => r.cells.explanation)).toEqual(['De regeringscommissaris organiseert']);
    expect(bag.items.map((d) => [d.code, d.severity])).toContainEqual(['NAP104', 'error']);
  });
});

describe('a status printed in words and broken by a page end (adversarial review 3: status-words-a5-times exported untagged)', () => {
  const wordsRow = (page: number, cells: string[]): BodyRow => ({ ...keyedCells(cells, null), statusCue: { kind: 'text', text: cells[1]! }, location: { page } });
  const model = (top: string[]): PageModel => ({
    format: 'pdf',
    pages: [
      { number: 1, legend: [], tables: [{ header: HEADER, rows: [wordsRow(1, ['Actielijn 1', '', '', '', '']), wordsRow(1, ['Campagne gericht op het', 'In uitvoering', 'Q1 2024', 'Allen', 'De eerste campagne start'])] }], footnotes: [], looseText: [] },
      { number: 2, legend: [], tables: [{ header: HEADER, rows: [wordsRow(2, top)] }], footnotes: [], looseText: [] },
    ],
  });
  it('continues the row when the part on the next page completes its status to a label', () => {
    const rows = assembleRows(model(['voeren van het gesprek', 'met vertraging', '', '', 'halverwege maart 2024']), new DiagnosticBag('a.pdf')).rows;
    expect(rows.map((r) => [r.cells.title, r.statusCue])).toEqual([['Campagne gericht op het voeren van het gesprek', { kind: 'text', text: 'In uitvoering met vertraging' }]]);
  });
  it('is a new activity when its status is a label of its own', () => {
    expect(assembleRows(model(['Jaarlijkse conferentie NAP', 'Afgerond', '', '', 'Op 22 maart']), new DiagnosticBag('a.pdf')).rows).toHaveLength(2);
  });
});

describe('a page\'s repeated goal row read together with the row under it (review 3: Ghostscript re-distil of the Chromium three-header rendition)', () => {
  const GOAL = 'Er zijn gedeelde maatschappelijke waarden en normen over hoe we met elkaar om willen gaan in de samenleving';
  const model = (topFirst: string, topExplanation: string): PageModel => ({
    format: 'pdf',
    pages: [
      page(1, [row(1, ['Actielijn 1', '', '', '', ''], null), row(1, [GOAL, '', '', '', ''], null), row(1, ['Wegwijzers Seksualiteit online', '', '2023', 'OCW', 'De wegwijzers bieden'], 'vector')]),
      page(2, [row(2, ['Actielijn 1', '', '', '', ''], null), row(2, [topFirst, '', '', '', topExplanation], null)]),
    ],
  });
  it('takes the goal as the repeated header row and joins the rest to the row broken by the page end', () => {
    const bag = new DiagnosticBag('a.pdf');
    const assembled = assembleRows(model(`${GOAL}\nvoor advies rondom sexting`, 'onderwijsprofessionals een overzicht.'), bag);
    expect(assembled.rows.map((r) => [r.cells.title, r.cells.explanation])).toEqual([['Wegwijzers Seksualiteit online voor advies rondom sexting', 'De wegwijzers bieden onderwijsprofessionals een overzicht.']]);
    expect(assembled.actionLines.map((a) => a.title)).toEqual([GOAL]);
    expect(bag.items.map((d) => d.code)).not.toContain('NAP113');
  });
});
