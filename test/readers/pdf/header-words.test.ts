/** Header cells wrapped over lines, also mid-word in a narrow column (`Statu` / `s`). */
import { describe, expect, it } from 'vitest';
import { joinHeaderLines } from '../../../src/readers/pdf/layout.js';
import { buildHeader, headerBand, isHeaderAnchor } from '../../../src/readers/pdf/layout-header.js';
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
