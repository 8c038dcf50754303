/** Note definitions in every numbering style (notes.ts): raised markers, and `1.`, `1)`, `[1]` at text size in sequence. */
import { describe, expect, it } from 'vitest';
import { noteLabel, readNoteDefinitions, startsNoteList } from '../../../src/readers/pdf/notes.js';
import { type Chunk, type Line, buildLines } from '../../../src/readers/pdf/text.js';

const chunk = (text: string, x: number, y: number, size = 9, sup = false): Chunk => ({ text, x0: x, x1: x + 0.5 * size * text.length, y0: y - 0.8 * size, y1: y + 0.2 * size, baseline: y, size, font: 'F1', sup });
const lines = (cs: Chunk[]): Line[] => buildLines(cs);
const read = (ls: Line[], expected = 1) => readNoteDefinitions(ls, 0, new Set(), expected, 19).map((n) => [n.number, n.text]);

describe('note labels', () => {
  it('reads every printed style as a label, with the text after it', () => {
    for (const [text, number] of [['1.', 1], ['12)', 12], ['[3]', 3], ['7', 7]] as const) {
      const label = noteLabel(lines([chunk(text, 40, 100), chunk('Kamerstukken II', 60, 100)])[0]!);
      expect(label?.number, text).toBe(number);
      expect(label?.raised).toBe(false);
    }
    const typed = noteLabel(lines([chunk('[21] Brief aan staatssecretaris', 40, 100)])[0]!);
    expect([typed?.number, typed?.text.map((c) => c.text)]).toEqual([21, ['Brief aan staatssecretaris']]);
    // A year at a line's start reads as a label too; only the sequence rule keeps it text (below).
    expect(noteLabel(lines([chunk('2023. Een jaar', 40, 100)])[0]!)?.number).toBe(2023);
  });

  it('starts a note list at text size only with the next note number, in the first column', () => {
    const cols = { bounds: [35, 200, 260], keys: [], statusIndex: 1 };
    const l = lines([chunk('20.', 40, 100), chunk('Kamerstukken II 2022/23', 60, 100)])[0]!;
    expect(startsNoteList(l, 20, cols)).toBe(true);
    expect(startsNoteList(l, 21, cols)).toBe(false);
    expect(startsNoteList(lines([chunk('20.', 220, 100), chunk('tekst', 240, 100)])[0]!, 20, cols)).toBe(false);
  });
});

describe('note definitions', () => {
  it('reads a numbered list "1. …" under a heading, a note running over two lines, and a number inside a note as text', () => {
    const ls = lines([
      chunk('1.', 40, 100), chunk('I&O Research (2023)', 60, 100),
      chunk('2.', 40, 112), chunk('Kamerstukken II 2022/23, 34843, nr. 80, en', 60, 112),
      chunk('3. Kamerstukken', 60, 124),
      chunk('2023. Een jaar', 40, 136),
      chunk('3.', 40, 148), chunk('Brief aan staatssecretaris', 60, 148),
    ]);
    expect(read(ls)).toEqual([[1, 'I&O Research (2023)'], [2, 'Kamerstukken II 2022/23, 34843, nr. 80, en 3. Kamerstukken 2023. Een jaar'], [3, 'Brief aan staatssecretaris']]);
  });

  it('reads notes typed "[n] …" continuing the document\'s numbering on a page of their own', () => {
    const ls = lines([chunk('[20] Kamerstukken II 2022/23 29544', 40, 100), chunk('[21] Brief aan staatssecretaris', 40, 112), chunk('[22] Kamerstukken II 2022/23, 24587 nr.898', 40, 124)]);
    expect(read(ls, 20)).toEqual([[20, 'Kamerstukken II 2022/23 29544'], [21, 'Brief aan staatssecretaris'], [22, 'Kamerstukken II 2022/23, 24587 nr.898']]);
  });

  it('reads raised markers as before: a superscript number starts a note whatever its number', () => {
    const ls = lines([chunk('10', 40, 98, 6), chunk('Kamerstukken II 2023/24, 28345, nr. 269.', 46, 100, 8), chunk('11', 40, 110, 6), chunk('Regioplan (2023)', 46, 112, 8)]);
    expect(read(ls, 1)).toEqual([[10, 'Kamerstukken II 2023/24, 28345, nr. 269.'], [11, 'Regioplan (2023)']]);
  });
});

describe('a note that a page end broke (Word runs a long footnote on at the foot of the next page)', () => {
  const readAll = (ls: Line[], expected: number) => readNoteDefinitions(ls, 0, new Set(), expected, 5).map((n) => [n.number, n.text, n.continued ?? false]);
  // Page 5 of the adversarial review's f1-fn-tail: note 4's last sentence, then notes 5 and 6.
  const page5 = [
    chunk('Geraadpleegd via de website van de Rijksoverheid.', 56, 480),
    chunk('5', 56, 492, 6, true),
    chunk('Kamerstukken II 2022/23, 34843, nr. 80', 60, 493),
  ];
  it('reads the lines before the page\'s first label as the part of the note before it, once a note has been read', () => {
    expect(readAll(lines(page5), 5)).toEqual([
      [4, 'Geraadpleegd via de website van de Rijksoverheid.', true],
      [5, 'Kamerstukken II 2022/23, 34843, nr. 80', false],
    ]);
  });
  it('leaves them alone on the first page of notes, and where a line holds cells side by side (a table row)', () => {
    expect(readAll(lines(page5), 1).map((n) => n[0])).toEqual([5]);
    const row = [chunk('Verkenning bespreekbaar maken', 56, 480), chunk('Q1 2023', 200, 480), chunk('Rutgers heeft onderzoek', 300, 480), ...page5.slice(1)];
    expect(readAll(lines(row), 5)).toEqual([[5, 'Kamerstukken II 2022/23, 34843, nr. 80', false]]);
  });
});
