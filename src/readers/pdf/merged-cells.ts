/**
 * Cells merged vertically (a Word `vMerge`, an HTML `rowspan`) in a ruled table: the ruling between
 * two rows runs under some columns and leaves one open, and that column's cell runs on into the
 * next row. Its text belongs to the row where the cell starts; the rows below it have no cell of
 * their own in that column. Without rulings nothing on the page shows a merge, and nothing moves.
 *
 * Linear in the fragments and rulings of the segment (times the number of columns).
 */
import type { Box } from './geometry.js';
import { overlap } from './geometry.js';
import type { Fragment } from './row-starts.js';
import { LAYOUT } from './settings.js';

/** The part of a row group this step reads and changes: its fragments and where it starts (the ruling above it, PDF points). */
export interface MergeableRow {
  frags: Fragment[];
  top: number;
}

/**
 * Moves the fragments of cells merged over several rows into the row where the cell starts.
 * `bounds` are the columns' left edges (PDF points), `rulings` the table's horizontal rulings. A
 * column is open at a row's top when the rulings there cover less than LAYOUT.mergedCellCover of
 * its width while they cover the first column; it counts only for a column that some other row
 * boundary of the segment does rule (a table that never rules a column merges nothing). Returns,
 * per row, the indices of the columns whose cell it shares with a row above (empty for most).
 */
export function joinMergedCells(rows: readonly MergeableRow[], bounds: readonly number[], rulings: readonly { box: Box }[]): number[][] {
  const merged: number[][] = rows.map(() => []);
  if (rulings.length === 0 || rows.length < 2) return merged;
  const right = Math.max(...rulings.map((r) => r.box.x1));
  const spans = bounds.map((x0, c) => ({ x0, x1: bounds[c + 1] ?? right }));
  // Per row boundary (the top of rows 1 …): which columns its rulings cover, or null when no ruling lies there.
  const covered = rows.map((row, k) => (k === 0 ? null : coveredColumns(row.top, spans, rulings)));
  const ruledSomewhere = spans.map((_, c) => covered.some((cov) => cov !== null && cov[c] === true));
  const owner = spans.map(() => 0);
  for (let k = 1; k < rows.length; k++) {
    const cov = covered[k] ?? null;
    const row = rows[k]!;
    for (let c = 0; c < spans.length; c++) {
      const open = cov !== null && cov[0] === true && cov[c] === false && ruledSomewhere[c] === true;
      if (!open) {
        owner[c] = k;
        continue;
      }
      merged[k]!.push(c);
      const moved = row.frags.filter((f) => f.col === c);
      if (moved.length === 0) continue;
      rows[owner[c]!]!.frags.push(...moved);
      row.frags.splice(0, row.frags.length, ...row.frags.filter((f) => f.col !== c));
    }
  }
  return merged;
}

/** Which column spans the rulings at height y (within LAYOUT.rulingSlack) cover; null when none lies there. */
function coveredColumns(y: number, spans: readonly { x0: number; x1: number }[], rulings: readonly { box: Box }[]): boolean[] | null {
  const at = rulings.filter((r) => Math.abs((r.box.y0 + r.box.y1) / 2 - y) <= LAYOUT.rulingSlack);
  if (at.length === 0) return null;
  return spans.map((s) => {
    const width = s.x1 - s.x0;
    const cover = at.reduce((sum, r) => sum + overlap(r.box.x0, r.box.x1, s.x0, s.x1), 0);
    return width > 0 && cover >= LAYOUT.mergedCellCover * width;
  });
}
