/** Cells merged vertically in a ruled table (merged-cells.ts): the text of the cell belongs to the row where it starts. */
import { describe, expect, it } from 'vitest';
import { joinMergedCells, type MergeableRow } from '../../../src/readers/pdf/merged-cells.js';
import type { Fragment } from '../../../src/readers/pdf/row-starts.js';

// Five columns, left edges in PDF points; the table's rulings run from 50 to 700.
const BOUNDS = [50, 200, 250, 330, 400];
const frag = (col: number, text: string, baseline: number): Fragment => ({
  col, baseline, size: 9, box: { x0: BOUNDS[col]! + 2, x1: BOUNDS[col]! + 40, y0: baseline - 7, y1: baseline + 2 },
  chunks: [{ text, x0: BOUNDS[col]! + 2, x1: BOUNDS[col]! + 40, y0: baseline - 7, y1: baseline + 2, baseline, size: 9, font: 'F1', sup: false }],
});
const ruling = (y: number, x0 = 50, x1 = 700) => ({ box: { x0, x1, y0: y - 0.25, y1: y + 0.25 } });
const texts = (row: MergeableRow, col: number) => row.frags.filter((f) => f.col === col).map((f) => f.chunks[0]!.text);

describe('cells merged vertically (joinMergedCells)', () => {
  const rowsOf = (): MergeableRow[] => [
    { top: 100, frags: [frag(0, 'Eerste', 110), frag(4, 'Begin van de', 110), frag(4, 'gedeelde tekst', 122)] },
    { top: 130, frags: [frag(0, 'Tweede', 140), frag(4, 'die doorloopt.', 134)] },
    { top: 160, frags: [frag(0, 'Derde', 170), frag(4, 'Eigen tekst.', 170)] },
  ];

  it('gives the Toelichting text under an open boundary to the row where the cell starts, and names the row that shares it', () => {
    const rows = rowsOf();
    // Under row 1 the ruling stops at the Toelichting column (x 400); under row 2 it runs across.
    const merged = joinMergedCells(rows, BOUNDS, [ruling(100), ruling(130, 50, 400), ruling(160), ruling(190)], 12);
    expect(texts(rows[0]!, 4)).toEqual(['Begin van de', 'gedeelde tekst', 'die doorloopt.']);
    expect(texts(rows[1]!, 4)).toEqual([]);
    expect(texts(rows[1]!, 0)).toEqual(['Tweede']);
    expect(texts(rows[2]!, 4)).toEqual(['Eigen tekst.']);
    expect(merged).toEqual([[], [4], []]);
  });

  it('moves nothing where the text under the open boundary starts a cell of its own (after the padding, not at the line pitch)', () => {
    const rows = rowsOf();
    rows[1]!.frags[1] = frag(4, 'Eigen begin.', 146);
    expect(joinMergedCells(rows, BOUNDS, [ruling(100), ruling(130, 50, 400), ruling(160), ruling(190)], 12)).toEqual([[], [], []]);
    expect(texts(rows[1]!, 4)).toEqual(['Eigen begin.']);
  });

  it('where the table draws its cells\' sides, merges only a cell whose side comes down from the row above: not into a row that spans the table (a goal row)', () => {
    // Cell sides on the Toelichting column's bound (x 400), drawn row by row.
    const side = (y0: number, y1: number) => ({ box: { x0: 399.75, x1: 400.25, y0, y1 } });
    const open = [ruling(100), ruling(130, 50, 400), ruling(160), ruling(190)];
    // The first row spans the table: no side at x 400 above y 130; the second row's cell starts there.
    const goalRow = rowsOf();
    expect(joinMergedCells(goalRow, BOUNDS, open, 12, [side(130, 160), side(160, 190)])).toEqual([[], [], []]);
    expect(texts(goalRow[1]!, 4)).toEqual(['die doorloopt.']);
    // The first row has a Toelichting cell of its own whose side runs down to y 130: a merged cell.
    const merged = rowsOf();
    expect(joinMergedCells(merged, BOUNDS, open, 12, [side(100, 130), side(130, 160), side(160, 190)])).toEqual([[], [4], []]);
    expect(texts(merged[0]!, 4)).toEqual(['Begin van de', 'gedeelde tekst', 'die doorloopt.']);
  });

  it('moves nothing where every boundary is ruled across, or where the table never rules the column, or without rulings', () => {
    const ruled = rowsOf();
    expect(joinMergedCells(ruled, BOUNDS, [ruling(100), ruling(130), ruling(160), ruling(190)], 12)).toEqual([[], [], []]);
    expect(texts(ruled[1]!, 4)).toEqual(['die doorloopt.']);
    // Rulings that never reach the Toelichting column: a style, not a merge.
    const leftOnly = rowsOf();
    expect(joinMergedCells(leftOnly, BOUNDS, [ruling(100, 50, 400), ruling(130, 50, 400), ruling(160, 50, 400)], 12)).toEqual([[], [], []]);
    expect(texts(leftOnly[1]!, 4)).toEqual(['die doorloopt.']);
    const borderless = rowsOf();
    expect(joinMergedCells(borderless, BOUNDS, [], 12)).toEqual([[], [], []]);
  });
});
