/** Note definitions in every numbering style (notes.ts): raised markers, and `1.`, `1)`, `[1]` at text size in sequence. */
import { describe, expect, it } from 'vitest';
import { midLineLabelAt, noteColumns, noteLabel, readNoteDefinitions, startsNoteList } from '../../../src/readers/pdf/notes.js';
import { type Chunk, type Line, buildLines, joinChunks } from '../../../src/readers/pdf/text.js';

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

describe('notes set in two columns (LaTeX multicol; the fifth hold-out\'s page 17, shortened)', () => {
  // Left column: notes 1–3 from x 40 (labels) / 52 (text); right column: notes 4–6 from x 300 / 312.
  // Line building joins the two columns where their lines stand at one height.
  const page = [
    chunk('Noten', 40, 80, 10),
    chunk('1', 40, 100), chunk('I&O Research (2023) [Onderzoek seksueel', 52, 100), chunk('4', 300, 100), chunk('Kamerstukken II 2022/23 34843', 312, 100),
    chunk('grensoverschrijdend gedrag](#)', 52, 111), chunk('5', 300, 111), chunk('Kamerstukken II 2023/24, 29240,', 312, 111),
    chunk('nr. 135.', 312, 118),
    chunk('2', 40, 124), chunk('Kamerstukken, 2023/24 30420, nr. 390', 52, 124), chunk('6', 300, 124), chunk('Integrale aanpak sociale veiligheid', 312, 124),
    chunk('3', 40, 137), chunk('<https://generatiejaen.rutgers.nl/>', 52, 137), chunk('in het hoger onderwijs', 312, 138),
    chunk('Te vinden op: www.rcgog.nl', 52, 148),
    chunk('Legenda', 40, 190, 10),
    chunk('Afgerond', 52, 205),
  ];
  const notesOf = (cs: Chunk[], endsNote?: (l: Line) => boolean) => {
    const ls = lines(cs);
    const used = new Set<Line>();
    const notes = readNoteDefinitions(ls, 1, used, 1, 17, endsNote).map((n) => [n.number, n.text]);
    return { notes, unread: ls.filter((l) => !used.has(l)).map((l) => l.chunks.map((c) => c.text).join(' ')) };
  };

  it('finds the right column at its labels and reads the left column, then the right one', () => {
    const ls = lines(page);
    const columns = noteColumns(ls.slice(1));
    expect(columns).not.toBeNull();
    // The right column's labels stand at x 300 on the lines shared with the left column.
    expect(ls.slice(1).map(midLineLabelAt)).toEqual([300, 300, null, 300, null, null, null, null]);
    expect(columns!.lines.map((l) => l.chunks.map((c) => c.text).join(' '))).toEqual([
      '1 I&O Research (2023) [Onderzoek seksueel', 'grensoverschrijdend gedrag](#)', '2 Kamerstukken, 2023/24 30420, nr. 390', '3 <https://generatiejaen.rutgers.nl/>', 'Te vinden op: www.rcgog.nl',
      '4 Kamerstukken II 2022/23 34843', '5 Kamerstukken II 2023/24, 29240,', 'nr. 135.', '6 Integrale aanpak sociale veiligheid', 'in het hoger onderwijs',
      'Legenda', 'Afgerond',
    ]);
    expect(columns!.parts.size).toBe(4);
  });

  it('reads each note whole, and leaves a legend below the columns to the caller', () => {
    const { notes, unread } = notesOf(page, (l) => ['Legenda', 'Afgerond'].includes(l.chunks.map((c) => c.text).join(' ')));
    expect(notes).toEqual([
      [1, 'I&O Research (2023) [Onderzoek seksueel grensoverschrijdend gedrag](#)'],
      [2, 'Kamerstukken, 2023/24 30420, nr. 390'],
      [3, '<https://generatiejaen.rutgers.nl/> Te vinden op: www.rcgog.nl'],
      [4, 'Kamerstukken II 2022/23 34843'],
      [5, 'Kamerstukken II 2023/24, 29240, nr. 135.'],
      [6, 'Integrale aanpak sociale veiligheid in het hoger onderwijs'],
    ]);
    expect(unread).toEqual(['Noten', 'Legenda', 'Afgerond']);
  });

  it('without endsNote the lines below the columns run on the last note, as before', () => {
    expect(notesOf(page).notes.at(-1)).toEqual([6, 'Integrale aanpak sociale veiligheid in het hoger onderwijs Legenda Afgerond']);
  });

  it('keeps one-column notes as they are: a hanging label, or one number after a wide gap, is no column', () => {
    const oneColumn = [
      chunk('1', 40, 100), chunk('Kamerstukken II 2022/23, zie', 52, 100), chunk('12', 300, 100), chunk('voor de cijfers', 312, 100),
      chunk('2', 40, 112), chunk('Regioplan (2023) Digitale dimensie van geweld', 52, 112),
    ];
    expect(noteColumns(lines(oneColumn))).toBeNull();
    expect(read(lines(oneColumn))).toEqual([[1, 'Kamerstukken II 2022/23, zie 12 voor de cijfers'], [2, 'Regioplan (2023) Digitale dimensie van geweld']]);
    // Notes whose labels hang before their text (a gap wider than NOTE_COLUMNS.minGapEm) and no text left of it.
    expect(noteColumns(lines([chunk('1', 40, 100), chunk('Tekst', 60, 100), chunk('2', 40, 112), chunk('Tekst', 60, 112)]))).toBeNull();
  });

  it('a line crossing the column edge ends the columns: it is read after both', () => {
    const crossing = [...page.slice(1, 17), chunk('Een regel over de hele breedte van de pagina, tot voorbij de rechterkolom', 40, 160)];
    const columns = noteColumns(lines(crossing))!;
    expect(columns.lines.at(-1)!.chunks[0]!.text).toBe('Een regel over de hele breedte van de pagina, tot voorbij de rechterkolom');
  });
});

describe('raised markers in the text', () => {
  it('a raised `1)` (ReportLab <super>, hold-out 6), `(2)` and `[3]` are markers 1, 2 and 3: the brackets are how they are printed', () => {
    for (const [printed, marker] of [['1)', '¹'], ['(2)', '²'], ['[3]', '³'], ['14)', '¹⁴']] as const) {
      const word = chunk('gedrag.', 40, 100, 7.8);
      const raised = chunk(printed, word.x1, 97.1, 5.3);
      const next = chunk('De publieksmonitor', raised.x1 + 2.5, 100, 7.8);
      const [l] = lines([word, raised, next]);
      expect(joinChunks(l!.chunks), printed).toBe(`gedrag.${marker} De publieksmonitor`);
    }
  });

  it('several markers raised together (`1)2)`, `1),2)`, `[1][2]`) are markers 1 and 2, a space between them: no bracket or comma is left, and `¹²` is not 12 (adversarial review 5)', () => {
    for (const printed of ['1)2)', '1),2)', '[1][2]', '(1)(2)']) {
      const word = chunk('gedrag.', 40, 100, 7.8);
      const raised = chunk(printed, word.x1, 97.1, 5.3);
      const [l] = lines([word, raised, chunk('De', raised.x1 + 2.5, 100, 7.8)]);
      expect(joinChunks(l!.chunks), printed).toBe('gedrag.¹ ² De');
    }
  });
});
