/**
 * Lists bulleted with a dash, in the Toelichting. A cell's line that starts with a dash and a
 * space (`– `, `- `, `— `) is a list item, not a sentence that wrapped at a dash, when the layout
 * shows a list:
 * - the item stands where an item can start: first in the cell, after a paragraph gap, after a line
 *   ending in a colon, after another item (or its hanging lines), or after a line that ends short
 *   of its column (a line that fills its column wrapped, and the dash after it is the sentence's:
 *   adversarial review 5's n1 and n2, ReportLab's own line breaking);
 * - and it hangs its wrapped line under the text after the dash (the next line starts right of the
 *   dash by LAYOUT.dashListHangMinEm to LAYOUT.dashListHangMaxEm, with no paragraph gap before it),
 *   or the next line at its place is another such item.
 * ReportLab's `bulletText` (hold-out 6) and Word's dash bullets print lists so; the text export
 * prints `•`.
 */
import type { Fragment } from './row-starts.js';
import { LAYOUT } from './settings.js';

/** A dash and a space at the start of a line: a dash bullet, if the layout says so. */
const DASH_START = /^\s*[–—-]\s/u;

/** What dashListItems needs to know of a cell's lines, by index into the sorted fragments. */
export interface CellLines {
  /** A fragment's text as the cell joins it. */
  text: (f: Fragment) => string;
  /** Whether a paragraph gap stands before line `i`. */
  paragraphBefore: (i: number) => boolean;
  /** Whether a fragment reaches far enough toward its column's right edge to have wrapped there. */
  fillsColumn: (f: Fragment) => boolean;
}

/** The fragments of one Toelichting cell (sorted by baseline) that are dash-bulleted list items (see the module comment). */
export function dashListItems(sorted: readonly Fragment[], cell: CellLines): Set<Fragment> {
  const items = new Set<Fragment>();
  const starts = sorted.map((f) => DASH_START.test(cell.text(f)));
  const hangs = (i: number): boolean => {
    const f = sorted[i]!;
    const next = sorted[i + 1];
    if (next === undefined || starts[i + 1] || cell.paragraphBefore(i + 1)) return false;
    const hang = next.box.x0 - f.box.x0;
    return hang >= LAYOUT.dashListHangMinEm * f.size && hang <= LAYOUT.dashListHangMaxEm * f.size;
  };
  /** The index of the next line at item `i`'s place after its hanging lines, if it starts with a dash. */
  const nextItem = (i: number): number | null => {
    const f = sorted[i]!;
    let j = i + 1;
    while (j < sorted.length && !starts[j] && !cell.paragraphBefore(j) && sorted[j]!.box.x0 > f.box.x0 + LAYOUT.listIndentEm * f.size) j++;
    const g = sorted[j];
    return g !== undefined && starts[j] && !cell.paragraphBefore(j) && Math.abs(g.box.x0 - f.box.x0) <= LAYOUT.listIndentEm * f.size ? j : null;
  };
  /** Whether line `i` stands where an item can start (see the module comment); `inList`: the item before it was one. */
  const canStart = (i: number, inList: boolean): boolean => {
    if (i === 0 || cell.paragraphBefore(i) || inList) return true;
    const before = sorted[i - 1]!;
    return /:\s*$/u.test(cell.text(before)) || !cell.fillsColumn(before);
  };
  for (let i = 0; i < sorted.length; i++) {
    if (!starts[i] || items.has(sorted[i]!) || !canStart(i, false)) continue;
    // A list: this item and those that follow it at its place, each hanging or followed by another.
    const run: number[] = [i];
    for (let j = nextItem(i); j !== null; j = nextItem(j)) run.push(j);
    const shown = run.some((k) => hangs(k)) || run.length > 1;
    if (shown) for (const k of run) items.add(sorted[k]!);
  }
  return items;
}
