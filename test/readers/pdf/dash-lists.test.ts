/** Lists bulleted with a dash (dash-lists.ts): a dash at a line start is a bullet only where the layout shows a list. */
import { describe, expect, it } from 'vitest';
import { dashListItems } from '../../../src/readers/pdf/dash-lists.js';
import type { Fragment } from '../../../src/readers/pdf/row-starts.js';

const SIZE = 8;
/** The column's right edge (points): a line reaching 180 fills it (the reader's rule: three quarters of the width from 100). */
const RIGHT = 200;
/** One line of a cell: its text from x0 to x1 (points), on line `k` (pitch 10 pt; `gap` adds a paragraph gap before it). */
const line = (text: string, x0: number, k: number, x1 = 150): Fragment => ({
  col: 4,
  chunks: [{ text, x0, x1, y0: 10 * k - 6, y1: 10 * k + 2, baseline: 10 * k, size: SIZE, font: 'F1', sup: false }],
  baseline: 10 * k,
  size: SIZE,
  box: { x0, y0: 10 * k - 6, x1, y1: 10 * k + 2 },
});
const items = (lines: Fragment[], gaps: number[] = []): string[] => {
  const found = dashListItems(lines, { text: (f) => f.chunks[0]!.text, paragraphBefore: (i) => gaps.includes(i), fillsColumn: (f) => f.box.x1 >= 100 + 0.75 * (RIGHT - 100) });
  return lines.filter((f) => found.has(f)).map((f) => f.chunks[0]!.text);
};

describe('dash-bulleted lists', () => {
  it('an item whose wrapped line hangs under its text, after a line ending in a colon, and the next item at the same place (hold-out 6, AL3-06)', () => {
    const lines = [line('Dit gebeurt op verschillende manieren:', 100, 1, 195), line('– Het Kader Basiseisen voor', 100, 2, 198), line('vertrouwenspersonen is herzien.', 108.5, 3), line('– De training is vernieuwd.', 100, 4)];
    expect(items(lines)).toEqual(['– Het Kader Basiseisen voor', '– De training is vernieuwd.']);
  });

  it('two one-line items at the same place, first in the cell', () => {
    expect(items([line('- eerste', 100, 1), line('- tweede', 100, 2)])).toEqual(['- eerste', '- tweede']);
  });

  it('a sentence that wrapped at a dash is no item: its next line starts where it does', () => {
    expect(items([line('Inzetten op de randvoorwaarden', 100, 1), line('– op basis van de wet – en verder', 100, 2), line('met de partners.', 100, 3)])).toEqual([]);
  });

  it('a dash line after a line that fills its column is the sentence wrapping, even before an indented paragraph or a second dash line (adversarial review 5: n1, n2)', () => {
    // n1: a paragraph's last line starts with the dash; the next paragraph's first line is indented.
    expect(items([line('Er wordt bekeken of het kan en of het past,', 100, 1, 196), line('– en onder welke voorwaarden.', 100, 2), line('Een nieuwe alinea met inspringing', 108, 3, 197), line('die hier verder gaat.', 100, 4)])).toEqual([]);
    // n2: ReportLab's line breaking starts two lines of one paragraph with a dash.
    expect(items([line('Het ministerie van SZW heeft in', 100, 1, 197), line('– 2020 een aantal instrumenten ontwikkeld', 100, 2, 196), line('– informele gespreksleiders kunnen daarmee', 100, 3, 199), line('het gesprek voeren.', 100, 4)])).toEqual([]);
  });

  it('after a paragraph gap, an item may follow a full line', () => {
    expect(items([line('Een volle regel die tot de rand van de kolom loopt', 100, 1, 198), line('– een punt dat', 100, 3), line('doorloopt.', 108, 4)], [1])).toEqual(['– een punt dat']);
  });

  it('a dash with no space after it (a range, a minus) is no bullet', () => {
    expect(items([line('–2% minder', 100, 1), line('–3% minder', 100, 2)])).toEqual([]);
  });
});
