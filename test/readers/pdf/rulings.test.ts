/** Which horizontal rulings separate rows (layout.ts rulingsAcross). */
import { describe, expect, it } from 'vitest';
import { rulingsAcross } from '../../../src/readers/pdf/layout.js';

const ruling = (y: number, x0: number, x1: number) => ({ box: { x0, x1, y0: y - 0.25, y1: y + 0.25 } });
// The Activiteit column starts at 50, the last column (Toelichting) at 400: rulings must cross 80 % of 50 … 400.

describe('row rulings (rulingsAcross)', () => {
  it('takes a border drawn in pieces on one line, with one cell left open, as one row ruling', () => {
    // The Status cell's segment is missing (a dropped segment, or a cell merged with the row below): 50–200 and 250–700.
    const pieces = [ruling(120, 50, 200), ruling(120, 250, 700)];
    expect(rulingsAcross(pieces, 50, 400)).toEqual(pieces);
  });

  it('does not take a short ruling at the left (a footnote separator) or pieces that together cross too little', () => {
    expect(rulingsAcross([ruling(500, 50, 194)], 50, 400)).toEqual([]);
    expect(rulingsAcross([ruling(300, 50, 150), ruling(300, 300, 700)], 50, 400)).toEqual([]);
  });

  it('keeps rulings on different lines apart', () => {
    const a = ruling(100, 50, 400);
    const b = ruling(140, 50, 150);
    expect(rulingsAcross([a, b], 50, 400)).toEqual([a]);
  });
});
