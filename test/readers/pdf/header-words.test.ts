/** Header cells wrapped over lines, also mid-word in a narrow column (`Statu` / `s`). */
import { describe, expect, it } from 'vitest';
import { joinHeaderLines } from '../../../src/readers/pdf/layout.js';

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
