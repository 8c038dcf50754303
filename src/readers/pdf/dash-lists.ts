/**
 * Lists bulleted with a dash. A cell's line that starts with a dash and a space (`– `, `- `, `— `)
 * is a list item, not a sentence that wrapped at a dash, when the layout shows a list: the line
 * hangs its wrapped line under the text after the dash (the next line starts right of the dash by
 * LAYOUT.dashListHangMinEm to LAYOUT.dashListHangMaxEm), or it is one of two or more lines in a
 * row that start with a dash at the same place. ReportLab's `bulletText` (hold-out 6) and Word's
 * dash bullets print lists so; the text export prints `•`.
 */
import type { Fragment } from './row-starts.js';
import { LAYOUT } from './settings.js';

/** A dash and a space at the start of a line: a dash bullet, if the layout says so. */
const DASH_START = /^\s*[–—-]\s/u;

/**
 * The fragments of one cell (sorted by baseline) that are dash-bulleted list items (see the
 * module comment). `text(f)` is a fragment's text as the cell joins it.
 */
export function dashListItems(sorted: readonly Fragment[], text: (f: Fragment) => string): Set<Fragment> {
  const items = new Set<Fragment>();
  const starts = sorted.map((f) => DASH_START.test(text(f)));
  const sameX = (a: Fragment, b: Fragment): boolean => Math.abs(a.box.x0 - b.box.x0) <= LAYOUT.listIndentEm * a.size;
  for (let i = 0; i < sorted.length; i++) {
    if (!starts[i]) continue;
    const f = sorted[i]!;
    const next = sorted[i + 1];
    if (next === undefined) continue;
    const hang = next.box.x0 - f.box.x0;
    const hangs = !starts[i + 1] && hang >= LAYOUT.dashListHangMinEm * f.size && hang <= LAYOUT.dashListHangMaxEm * f.size;
    if (hangs) items.add(f);
    // The next item at the same place, after this item's hanging lines.
    let j = i + 1;
    while (j < sorted.length && !starts[j] && sorted[j]!.box.x0 > f.box.x0 + LAYOUT.listIndentEm * f.size) j++;
    const sibling = sorted[j];
    if (j < sorted.length && starts[j] && sibling !== undefined && sameX(f, sibling)) {
      items.add(f);
      items.add(sibling);
    }
  }
  return items;
}
