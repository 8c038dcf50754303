/** Lists bulleted with a dash (dash-lists.ts): a dash at a line start is a bullet only where the layout shows a list. */
import { describe, expect, it } from 'vitest';
import { dashListItems } from '../../../src/readers/pdf/dash-lists.js';
import type { Fragment } from '../../../src/readers/pdf/row-starts.js';

const SIZE = 8;
/** One line of a cell: its text starting at x0 (points), on line `k` (pitch 10 pt). */
const line = (text: string, x0: number, k: number): Fragment => ({
  col: 4,
  chunks: [{ text, x0, x1: x0 + text.length * 4, y0: 10 * k - 6, y1: 10 * k + 2, baseline: 10 * k, size: SIZE, font: 'F1', sup: false }],
  baseline: 10 * k,
  size: SIZE,
  box: { x0, y0: 10 * k - 6, x1: x0 + text.length * 4, y1: 10 * k + 2 },
});
const items = (lines: Fragment[]): string[] => {
  const found = dashListItems(lines, (f) => f.chunks[0]!.text);
  return lines.filter((f) => found.has(f)).map((f) => f.chunks[0]!.text);
};

describe('dash-bulleted lists', () => {
  it('an item whose wrapped line hangs under its text, and the next item at the same place (hold-out 6, AL3-06)', () => {
    const lines = [line('Dit gebeurt op verschillende manieren:', 100, 1), line('– Het Kader Basiseisen voor', 100, 2), line('vertrouwenspersonen is herzien.', 108.5, 3), line('– De training is vernieuwd.', 100, 4)];
    expect(items(lines)).toEqual(['– Het Kader Basiseisen voor', '– De training is vernieuwd.']);
  });

  it('two one-line items at the same place, without any hanging line', () => {
    expect(items([line('- eerste', 100, 1), line('- tweede', 100, 2)])).toEqual(['- eerste', '- tweede']);
  });

  it('a sentence that wrapped at a dash is no item: its next line starts where it does', () => {
    expect(items([line('Inzetten op de randvoorwaarden', 100, 1), line('– op basis van de wet – en verder', 100, 2), line('met de partners.', 100, 3)])).toEqual([]);
  });

  it('a dash with no space after it (a range, a minus) is no bullet', () => {
    expect(items([line('–2% minder', 100, 1), line('–3% minder', 100, 2)])).toEqual([]);
  });
});
