/**
 * Cells merged vertically (a Word `vMerge`, an HTML `rowspan`) in a ruled table: the ruling between
 * two rows runs under some columns and leaves one open, and that column's cell runs on into the
 * next row. Its text belongs to the row where the cell starts; the rows below it have no cell of
 * their own in that column. Without rulings nothing on the page shows a merge, and nothing moves.
 * Where the table draws its cells' sides (vertical rulings on the column's left bound), a column
 * is open only where such a side comes down to the boundary from the row above: a row above that
 * spans the table (a goal row, one cell over every column) has no cell of its own there to run on,
 * and a border segment missing under it does not merge the cell below into it.
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
 * its width while they cover the first column, for a column ruled at LAYOUT.mergedCellRuledShare
 * of the boundaries that rule the first column (a table that rules a column only under its band
 * rows merges nothing) and whose text runs on across the boundary as one paragraph (flowsOn); an
 * open column stays open through boundaries no ruling marks. Returns,
 * per row, the indices of the columns whose cell it shares with a row above (empty for most).
 */
export function joinMergedCells(rows: readonly MergeableRow[], bounds: readonly number[], rulings: readonly { box: Box }[], pitch: number, vRulings: readonly { box: Box }[] = []): number[][] {
  const merged: number[][] = rows.map(() => []);
  if (rulings.length === 0 || rows.length < 2) return merged;
  const right = Math.max(...rulings.map((r) => r.box.x1));
  const spans = bounds.map((x0, c) => ({ x0, x1: bounds[c + 1] ?? right }));
  // Per row boundary (the top of rows 1 …): which columns its rulings cover, or null when no ruling lies there.
  const covered = rows.map((row, k) => (k === 0 ? null : coveredColumns(row.top, spans, rulings)));
  // A column the table rules at most row boundaries where it rules the first column: an open
  // boundary there is a merge, not a style (a table that rules only its band rows merges nothing).
  const ruledFirst = covered.filter((cov) => cov !== null && cov[0] === true);
  const usuallyRuled = spans.map((_, c) => ruledFirst.filter((cov) => cov![c] === true).length >= LAYOUT.mergedCellRuledShare * ruledFirst.length);
  // Each column's left side as the table draws it (vertical rulings on its bound), if it does.
  const sides = bounds.map((x) => vRulings.filter((r) => Math.abs((r.box.x0 + r.box.x1) / 2 - x) <= LAYOUT.edgeSlack).map((r) => r.box));
  const owner = spans.map(() => 0);
  const merging = spans.map(() => false);
  for (let k = 1; k < rows.length; k++) {
    const cov = covered[k] ?? null;
    const row = rows[k]!;
    for (let c = 0; c < spans.length; c++) {
      // Open at a ruled boundary that leaves the column out, below a row with a cell of its own
      // there (cellAbove); a merge once open stays open through boundaries no ruling marks (a row
      // started by a gap inside the merged cell).
      const open = cov === null ? merging[c] === true : cov[0] === true && cov[c] === false && usuallyRuled[c] === true && cellAbove(sides[c]!, row.top) && flowsOn(rows[owner[c]!]!, row, c, pitch);
      merging[c] = open;
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

/**
 * True when column c's text runs on from row `above` into row `below` as one paragraph: its first
 * line under the boundary follows its last line above at the line pitch (within
 * LAYOUT.paragraphGapEm), as the lines of one cell do; a cell of its own starts after the
 * previous cell's padding and rule.
 */
function flowsOn(above: MergeableRow, below: MergeableRow, c: number, pitch: number): boolean {
  const last = above.frags.filter((f) => f.col === c).reduce<Fragment | null>((a, f) => (a === null || f.baseline > a.baseline ? f : a), null);
  const first = below.frags.filter((f) => f.col === c).reduce<Fragment | null>((a, f) => (a === null || f.baseline < a.baseline ? f : a), null);
  if (last === null || first === null) return false;
  return first.baseline - last.baseline - pitch <= LAYOUT.paragraphGapEm * first.size;
}

/**
 * Whether the row above a boundary at `top` has a cell of its own in a column whose drawn left
 * sides are `side`: one comes down to the boundary from above. A column whose side the table
 * never draws gives no evidence (true).
 */
function cellAbove(side: readonly Box[], top: number): boolean {
  return side.length === 0 || side.some((b) => b.y0 < top - LAYOUT.rulingSlack && b.y1 >= top - LAYOUT.rulingSlack);
}
