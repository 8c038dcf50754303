/**
 * Layouts the third blind hold-out printed (Chromium, columns in another order, each action line a
 * heading and a goal paragraph above a table of its own, markers raised in brackets): the header
 * row found by its vocabulary in any order, and raised bracketed markers read as markers.
 */
import { describe, expect, it } from 'vitest';
import { startsHeaderRow } from '../../src/model/vocabulary.js';
import { type Chunk, joinChunks } from '../../src/readers/pdf/text.js';

describe('startsHeaderRow', () => {
  it('finds a header row with Activiteit in any place among three or more column names', () => {
    expect(startsHeaderRow(['Status', 'Activiteit', 'Wanneer', 'Wie', 'Toelichting'])).toBe(true);
    expect(startsHeaderRow(['Nr.', 'Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting'])).toBe(true);
    expect(startsHeaderRow(['Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting'])).toBe(true);
  });
  it('does not take a row for a header where Activiteit is not first and fewer than three cells name columns', () => {
    expect(startsHeaderRow(['Zie', 'Activiteit', 'hierboven'])).toBe(false);
    expect(startsHeaderRow(['Status', 'Activiteit'])).toBe(false);
    expect(startsHeaderRow(['Wanneer', 'Wie', 'Toelichting'])).toBe(false);
  });
});

describe('raised markers in brackets', () => {
  const chunk = (text: string, x0: number, sup: boolean): Chunk => ({ text, x0, x1: x0 + 20, y0: 90, y1: 100, baseline: sup ? 96 : 100, size: sup ? 5 : 7, font: 'F1', sup });
  it('reads a raised [12] or (12) as marker 12, brackets left out', () => {
    expect(joinChunks([chunk('gedeeld', 0, false), chunk('[12]', 21, true)])).toBe('gedeeld¹²');
    expect(joinChunks([chunk('gedeeld', 0, false), chunk('(3)', 21, true)])).toBe('gedeeld³');
  });
});
