/** Header cells wrapped over lines, also mid-word in a narrow column (`Statu` / `s`). */
import { describe, expect, it } from 'vitest';
import { joinHeaderLines } from '../../../src/readers/pdf/layout.js';
import { type Columns, buildHeader, continueHeader, headerBand, isHeaderAnchor } from '../../../src/readers/pdf/layout-header.js';
import type { HeaderRow } from '../../../src/model/page-model.js';
import { headerColumnKeys } from '../../../src/model/vocabulary.js';
import { type Chunk, buildLines } from '../../../src/readers/pdf/text.js';

const join = (...lines: string[]): string => lines.reduce(joinHeaderLines, '');

describe('joinHeaderLines', () => {
  it.each([
    [['Statu', 's'], 'Status'],
    [['Oorspronkel', 'ijke planning'], 'Oorspronkelijke planning'],
    [['Oorspronk', 'elijke', 'planning'], 'Oorspronkelijke planning'],
    [['Toelich', 'ting'], 'Toelichting'],
    [['Activitei', 'ten'], 'Activiteiten'],
    [['Activiteit', 'en'], 'Activiteiten'],
  ])('glues %j into a known header word: %s', (lines, expected) => {
    expect(join(...lines)).toBe(expected);
  });

  it.each([
    [['Oorspronkelijke', 'planning'], 'Oorspronkelijke planning'],
    [['Stat', 'us quo'], 'Stat us quo'],
    [['Toelichting', 'op voortgang'], 'Toelichting op voortgang'],
    [['Statu', 'x'], 'Statu x'],
  ])('keeps the space in %j: %s', (lines, expected) => {
    expect(join(...lines)).toBe(expected);
  });
});

describe('header cells from the header line (layout-header.ts)', () => {
  const chunk = (text: string, x0: number, x1: number, y: number, font = 'F1'): Chunk => ({ text, x0, x1, y0: y - 7, y1: y + 2, baseline: y, size: 9, font, sup: false });

  it('reads a header word drawn in two fonts (a re-written ligature: Ac|ti|viteit) as one cell', () => {
    const line = buildLines([
      chunk('Ac', 60, 70, 100), chunk('ti', 70.1, 76, 100, 'F2'), chunk('viteit', 76, 96, 100),
      chunk('Status', 208, 231, 100), chunk('Wanneer', 259, 290, 100), chunk('Wie', 324, 339, 100), chunk('Toelich', 428, 455, 100), chunk('ti', 455, 461, 100, 'F2'), chunk('ng', 461, 470, 100),
    ])[0]!;
    expect(isHeaderAnchor(line)).toBe(true);
    expect(buildHeader(headerBand([line], 0), [], 9, 1).header.cells).toEqual(['Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting']);
  });

  it('keeps a header word that runs over its narrow column into the next one apart from that column\'s word, and joins the line below to it', () => {
    const lines = buildLines([
      chunk('Activiteit', 22, 50, 198), chunk('Status', 98, 118, 198), chunk('Oorspronkelijke', 129, 178, 198), chunk('Wie', 170.8, 183, 198), chunk('Toelichting', 235, 269, 198),
      chunk('planning', 129, 156, 207),
    ]);
    const { header, columns } = buildHeader(headerBand(lines, 0), [], 7.5, 19);
    expect(header.cells).toEqual(['Activiteit', 'Status', 'Oorspronkelijke planning', 'Wie', 'Toelichting']);
    expect(columns.keys).toEqual(['title', 'status', 'planning', 'owners', 'explanation']);
  });
});

describe('a two-row header with a group heading (hold-out 7: ConTeXt xtable)', () => {
  const chunk = (text: string, x0: number, x1: number, y: number): Chunk => ({ text, x0, x1, y0: y - 6, y1: y + 2, baseline: y, size: 7.5, font: 'F2', sup: false });
  // `Uitvoering` is centred over the Wanneer and Wie columns it groups, over neither word; a column
  // the annex does not have comes first (`Code`: with `Uitvoering`, two cells that name no column).
  const top = [chunk('Code', 52, 66, 120.5), chunk('Activiteit', 72, 103, 120.5), chunk('Status', 179, 200, 120.5), chunk('Uitvoering', 270, 306, 120.5), chunk('Toelichting', 373, 412, 120.5)];
  const under = [chunk('Wanneer', 238, 270, 135.1), chunk('Wie', 282, 295, 135.1)];

  it('takes the line with the group heading for the header line, and the header words under the heading for its columns', () => {
    const lines = buildLines([...top, ...under]);
    expect(isHeaderAnchor(lines[0]!)).toBe(false);
    expect(isHeaderAnchor(lines[0]!, lines[1])).toBe(true);
    const { header, columns } = buildHeader(headerBand(lines, 0), [], 7.5, 2);
    expect(header.cells).toEqual(['Code', 'Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting']);
    expect(columns.keys).toEqual([null, 'title', 'status', 'planning', 'owners', 'explanation']);
  });

  it('needs two header words under the heading and between its neighbours: a line of one, or of words elsewhere, makes no group', () => {
    const one = buildLines([...top, chunk('Wanneer', 238, 270, 135.1)]);
    expect(isHeaderAnchor(one[0]!, one[1])).toBe(false);
    const elsewhere = buildLines([...top, chunk('Wanneer', 120, 150, 135.1), chunk('Wie', 140, 160, 135.1)]);
    expect(isHeaderAnchor(elsewhere[0]!, elsewhere[1])).toBe(false);
    // Too far below to belong to the header (more than LAYOUT.headerWrapEm).
    const far = buildLines([...top, ...under.map((c) => ({ ...c, baseline: 150, y0: 144, y1: 152 }))]);
    expect(isHeaderAnchor(far[0]!, far[1])).toBe(false);
  });
});

describe('header texts drawn as one chunk (context-letter-lmroman-split-dejavu-glyphs: LuaTeX, a narrow Wanneer column)', () => {
  const chunk = (text: string, x0: number, x1: number, y: number): Chunk => ({ text, x0, x1, y0: y - 6, y1: y + 2, baseline: y, size: 8, font: 'F2', sup: false });

  it('cuts `Oorspronkelijke Wie` into its two header texts, and joins `planning` under the first', () => {
    const lines = buildLines([chunk('Activiteit', 45, 83, 64.7), chunk('Status', 181, 206, 64.7), chunk('Oorspronkelijke Wie', 214, 295, 64.7), chunk('Toelichting', 366, 410, 64.7), chunk('planning', 214, 249, 74.3)]);
    expect(isHeaderAnchor(lines[0]!, lines[1])).toBe(true);
    const { header, columns } = buildHeader(headerBand(lines, 0), [], 8, 14);
    expect(header.cells).toEqual(['Activiteit', 'Status', 'Oorspronkelijke planning', 'Wie', 'Toelichting']);
    expect(columns.keys).toEqual(['title', 'status', 'planning', 'owners', 'explanation']);
    // Wie's column starts near where `Wie` is printed (its share of the chunk by characters: x ≈ 282), before Wie's values at 279 +.
    expect(columns.bounds[3]).toBeGreaterThan(270);
    expect(columns.bounds[3]).toBeLessThan(280);
  });

  it('leaves a chunk whole that is one header text, or starts with another word', () => {
    const one = buildLines([chunk('Activiteit', 45, 83, 64.7), chunk('Status', 181, 206, 64.7), chunk('Oorspronkelijke planning', 214, 300, 64.7), chunk('Wie', 310, 325, 64.7), chunk('Toelichting', 366, 410, 64.7)]);
    expect(buildHeader(headerBand(one, 0), [], 8, 14).header.cells).toEqual(['Activiteit', 'Status', 'Oorspronkelijke planning', 'Wie', 'Toelichting']);
    const other = buildLines([chunk('Activiteit', 45, 83, 64.7), chunk('Status', 181, 206, 64.7), chunk('Planning en Wie', 214, 300, 64.7), chunk('Toelichting', 366, 410, 64.7)]);
    expect(buildHeader(headerBand(other, 0), [], 8, 14).header.cells).toEqual(['Activiteit', 'Status', 'Planning en Wie', 'Toelichting']);
  });
});

describe('a header row broken by a page end (layout-header.ts continueHeader)', () => {
  const chunk = (text: string, x0: number, y = 60): Chunk => ({ text, x0, x1: x0 + text.length * 4.5, y0: y - 7, y1: y + 2, baseline: y, size: 9, font: 'F1', sup: false });
  const header = (cells: string[]): HeaderRow => ({ cells, keys: headerColumnKeys(cells), location: { page: 13, bbox: [50, 560, 700, 570] } });
  const columns: Columns = { bounds: [50, 200, 250, 330, 400], keys: ['title', 'status', 'planning', 'owners', 'explanation'], statusIndex: 1 };

  it('finishes "Oorspronkelijke" at the foot of one page with "planning" at the top of the next', () => {
    const lines = buildLines([chunk('planning', 252), chunk('Project DoeMeeMet5D', 52, 80), chunk('2023-2025', 252, 80)]);
    const continued = continueHeader(header(['Activiteit', 'Status', 'Oorspronkelijke', 'Wie', 'Toelichting']), columns, lines);
    expect(continued?.header.cells).toEqual(['Activiteit', 'Status', 'Oorspronkelijke planning', 'Wie', 'Toelichting']);
    expect(continued?.header.keys).toEqual(['title', 'status', 'planning', 'owners', 'explanation']);
    expect(continued?.lines).toBe(1);
  });

  it('takes no body line: a complete header, or a line with text in a column whose header is whole', () => {
    const planningOnly = buildLines([chunk('Q1 2024', 252)]);
    expect(continueHeader(header(['Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting']), columns, planningOnly)).toBeNull();
    const withTitle = buildLines([chunk('Project', 52), chunk('planning', 252)]);
    expect(continueHeader(header(['Activiteit', 'Status', 'Oorspronkelijke', 'Wie', 'Toelichting']), columns, withTitle)).toBeNull();
    const notAHeaderWord = buildLines([chunk('2024', 252)]);
    expect(continueHeader(header(['Activiteit', 'Status', 'Oorspronkelijke', 'Wie', 'Toelichting']), columns, notAHeaderWord)).toBeNull();
  });
});
