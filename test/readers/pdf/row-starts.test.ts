/**
 * Where rows start (row-starts.ts): each signal on its own, and how they vote — an unruled table
 * whose row gap equals its line gap, the `Actielijn N` band and goal row, status marks at the top
 * of their cells or centred in them, and a ruled table.
 */
import { describe, expect, it } from 'vitest';
import { PRINTED_COLUMN_KEYS } from '../../../src/model/vocabulary.js';
import type { Icon } from '../../../src/readers/pdf/layout-icons.js';
import { buildRows, chunkColumn } from '../../../src/readers/pdf/layout-rows.js';
import { type Chunk, buildLines } from '../../../src/readers/pdf/text.js';

const PITCH = 13.5; // 9 pt text at 1.5 line spacing
const chunk = (text: string, x: number, y: number): Chunk => ({ text, x0: x, x1: x + 4.5 * text.length, y0: y - 7, y1: y + 2, baseline: y, size: 9, font: 'F1', sup: false });
const cols = { bounds: [40, 200, 260, 330, 400], keys: [...PRINTED_COLUMN_KEYS], statusIndex: 1 };
const mark = (y: number): Icon => ({ box: { x0: 226, y0: y - 6, x1: 232, y1: y }, color: '#1f5fbf', shape: 'vector' });
const ruling = (y: number) => ({ box: { x0: 40, y0: y - 0.25, x1: 800, y1: y + 0.25 } });
const titles = (chunks: Chunk[], icons: Icon[] = [], rulings: { box: { x0: number; y0: number; x1: number; y1: number } }[] = []) =>
  buildRows(buildLines(chunks), { cols, rulings, pitch: PITCH, icons, runs: [], fills: [], regionBottom: 1000, pageNumber: 1, structure: null }).rows.map((r) => r.cells.title);

/** Line k of an evenly spaced table (no extra gap between rows). */
const y = (k: number): number => 100 + k * PITCH;

describe('row starts in an unruled table whose row gap equals its line gap', () => {
  it('starts a row where Wanneer and Wie start again beside an Activiteit line, and not on a title continuation', () => {
    const chunks = [
      chunk('Eerste activiteit met', 45, y(0)), chunk('2023-', 265, y(0)), chunk('OCW', 335, y(0)), chunk('Toelichting een', 405, y(0)),
      chunk('een lange titel', 45, y(1)), chunk('2025', 265, y(1)), chunk('regel twee', 405, y(1)),
      chunk('Tweede activiteit', 45, y(2)), chunk('2024', 265, y(2)), chunk('VWS', 335, y(2)), chunk('Toelichting twee', 405, y(2)),
    ];
    expect(titles(chunks)).toEqual(['Eerste activiteit met een lange titel', 'Tweede activiteit']);
  });

  it('starts a row at an Actielijn N band and at the goal row under it', () => {
    const chunks = [chunk('Actielijn 2', 45, y(0)), chunk('Wet- en regelgeving weerspiegelen de normen', 45, y(1)), chunk('Eerste activiteit', 45, y(2)), chunk('2024', 265, y(2)), chunk('OCW', 335, y(2))];
    expect(titles(chunks)).toEqual(['Actielijn 2', 'Wet- en regelgeving weerspiegelen de normen', 'Eerste activiteit']);
  });

  it('takes status marks at the top of their cells as row starts, and marks centred in their cells not', () => {
    // Titles over two lines; Wanneer and Wie on the first line of each row but the last; only the marks tell the fourth row.
    const rows = [0, 2, 4, 6].flatMap((k, i) => [chunk(`Titel ${i + 1}`, 45, y(k)), chunk('vervolg', 45, y(k + 1))]);
    const cells = [0, 2, 4].flatMap((k) => [chunk('2024', 265, y(k)), chunk('OCW', 335, y(k))]);
    expect(titles([...rows, ...cells], [0, 2, 4, 6].map((k) => mark(y(k))))).toEqual(['Titel 1 vervolg', 'Titel 2 vervolg', 'Titel 3 vervolg', 'Titel 4 vervolg']);
    // Centred marks sit between a row's two lines: they start nothing, and a row is not cut at its second line.
    const centred = [0, 2].map((k) => mark((y(k) + y(k + 1)) / 2 + 3));
    expect(titles([...rows.slice(0, 4), ...cells.slice(0, 4)], centred)).toEqual(['Titel 1 vervolg', 'Titel 2 vervolg']);
  });
});

describe('row starts in a ruled table', () => {
  it('follows the rulings: no row starts without one, even after a gap in the Activiteit column', () => {
    const chunks = [
      chunk('Eerste', 45, 100), chunk('2024', 265, 100), chunk('OCW', 335, 100),
      chunk('titel na witregel', 45, 140),
      chunk('Tweede', 45, 170), chunk('2025', 265, 170), chunk('VWS', 335, 170),
    ];
    expect(titles(chunks, [], [ruling(92), ruling(160), ruling(180)])).toEqual(['Eerste\ntitel na witregel', 'Tweede']);
  });

  it('still starts a row where a ruling is missing but Wanneer and Wie start again beside a status mark', () => {
    const chunks = [
      chunk('Eerste', 45, 100), chunk('2024', 265, 100), chunk('OCW', 335, 100),
      chunk('Tweede', 45, 120), chunk('2025', 265, 120), chunk('VWS', 335, 120),
      chunk('Derde', 45, 140), chunk('2026', 265, 140), chunk('BZK', 335, 140),
    ];
    expect(titles(chunks, [mark(100), mark(120), mark(140)], [ruling(112)])).toEqual(['Eerste', 'Tweede', 'Derde']);
  });
});

describe('row starts in a ruled table whose cells are centred in their rows (LaTeX m{} columns, hold-out 5)', () => {
  // Three rows between rulings; each row's Toelichting starts at its top, and its title (two lines),
  // mark, Wanneer and Wie are centred halfway down it, the mark beside the title's second line.
  const row = (top: number, n: number): Chunk[] => [
    chunk(`Toelichting ${n} regel 1`, 405, top), chunk('regel 2', 405, top + PITCH), chunk('regel 3', 405, top + 2 * PITCH), chunk('regel 4', 405, top + 3 * PITCH),
    chunk(`Titel ${n}`, 45, top + PITCH), chunk('vervolg', 45, top + 2 * PITCH), chunk('2024', 265, top + 2 * PITCH), chunk('OCW', 335, top + 2 * PITCH),
  ];
  const tops = [100, 170, 240];
  const rulings = [92, 162, 232, 302].map(ruling);
  const marks = tops.map((t) => mark(t + 2 * PITCH));
  const read = (centredBefore = false) =>
    buildRows(buildLines(tops.flatMap((t, i) => row(t, i + 1))), { cols, rulings, pitch: PITCH, icons: marks, runs: [], fills: [], regionBottom: 1000, pageNumber: 1, structure: null, centredBefore });

  it('reads one row per ruled band, the Toelichting lines above the title in it, and says the cells are centred', () => {
    const built = read();
    expect(built.rows.map((r) => r.cells.title)).toEqual(['Titel 1 vervolg', 'Titel 2 vervolg', 'Titel 3 vervolg']);
    expect(built.rows.map((r) => r.cells.explanation)).toEqual([1, 2, 3].map((n) => `Toelichting ${n} regel 1 regel 2 regel 3 regel 4`));
    expect(built.rows.map((r) => [r.cells.planning, r.cells.owners])).toEqual([['2024', 'OCW'], ['2024', 'OCW'], ['2024', 'OCW']]);
    expect(built.centred).toBe(true);
  });

  it('a page holding one centred row under its header keeps what earlier pages showed', () => {
    const one = row(100, 1);
    const built = (before: boolean) =>
      buildRows(buildLines(one), { cols, rulings: [ruling(92), ruling(162)], pitch: PITCH, icons: [mark(100 + 2 * PITCH)], runs: [], fills: [], regionBottom: 1000, pageNumber: 1, structure: null, centredBefore: before });
    expect(built(true).rows.map((r) => r.cells.title)).toEqual(['Titel 1 vervolg']);
    expect(built(true).centred).toBe(true);
    // Without that knowledge the segment is read as top-aligned: rows start at the title and again at the line beside the mark.
    expect(built(false).rows.map((r) => r.cells.title)).toEqual(['', 'Titel 1', 'vervolg']);
  });
});

describe('row starts in a ruled table with part of a ruling missing', () => {
  // Three rows; the border between the first and second lacks its Activiteit segment (x 40–200): what remains runs over the Status, Wanneer and Wie bounds.
  const chunks = [
    chunk('Eerste', 45, 100), chunk('2024', 265, 100), chunk('OCW', 335, 100),
    chunk('Tweede', 45, 120), chunk('2025', 265, 120), chunk('VWS', 335, 120),
    chunk('vervolg', 45, 133),
    chunk('Derde', 45, 153), chunk('2026', 265, 153), chunk('BZK', 335, 153),
  ];
  const part = { box: { x0: 200, y0: 111.75, x1: 800, y1: 112.25 } };
  const read = (partRulings: { box: { x0: number; y0: number; x1: number; y1: number } }[], icons: Icon[] = []) =>
    buildRows(buildLines(chunks), { cols, rulings: [ruling(92), ruling(145), ruling(160)], partRulings, pitch: PITCH, icons, runs: [], fills: [], regionBottom: 1000, pageNumber: 1, structure: null }).rows;

  it('starts a row at the part where Wanneer and Wie start again, from the part\'s height', () => {
    const rows = read([part]);
    expect(rows.map((r) => r.cells.title)).toEqual(['Eerste', 'Tweede vervolg', 'Derde']);
    expect(rows.map((r) => r.startedBy)).toEqual([['table-top'], ['partRuling', 'gap', 'aligned'], ['ruling', 'gap', 'aligned']]);
    // A mark centred at y 110, above the part (y 112) but below the midpoint of the two lines (107.5): the first row's.
    expect(read([part], [mark(113)]).map((r) => r.statusCue.kind)).toEqual(['icon', 'none', 'none']);
  });

  it('does not without the part, nor at a short ruling inside one column (an underline) or at a part beside a title continuation', () => {
    expect(read([]).map((r) => r.cells.title)).toEqual(['Eerste\nTweede vervolg', 'Derde']);
    expect(read([{ box: { x0: 265, y0: 111.75, x1: 320, y1: 112.25 } }]).map((r) => r.cells.title)).toEqual(['Eerste\nTweede vervolg', 'Derde']);
    // A part between the title's two lines, where no cell starts a new block: no row.
    expect(read([part, { box: { x0: 200, y0: 125.75, x1: 800, y1: 126.25 } }]).map((r) => r.cells.title)).toEqual(['Eerste', 'Tweede vervolg', 'Derde']);
  });
});

describe('a row holding two status marks', () => {
  it('is reported (NAP122 via the layout): two rows the rulings did not separate, each with its mark', () => {
    // A ruled table whose ruling between the second and third row is missing; those rows have no Wanneer or Wie to tell them apart.
    const chunks = [chunk('Eerste', 45, 100), chunk('Tweede', 45, 113), chunk('Derde', 45, 126)];
    const built = buildRows(buildLines(chunks), { cols, rulings: [ruling(92), ruling(107), ruling(135)], pitch: PITCH, icons: [mark(100), mark(113), mark(126)], runs: [], fills: [], regionBottom: 1000, pageNumber: 1, structure: null });
    expect(built.rows.map((r) => r.cells.title)).toEqual(['Eerste', 'Tweede Derde']);
    expect(built.crowded).toEqual([{ bbox: expect.any(Array), marks: 2 }]);
  });
});

describe('the column of a chunk (layout-rows.ts chunkColumn)', () => {
  const c = (x0: number, x1: number): Chunk => ({ text: 'x', x0, x1, y0: 0, y1: 8, baseline: 7, size: 7.5, font: 'F1', sup: false });
  // Hold-out 7's columns: Nr. | Activiteit | Status | Wanneer (flush right, bound at its header's left edge) | Wie | Toelichting.
  const bounds = [41, 67.5, 174.5, 233.5, 277.5, 368.5];

  it('is the column it starts in when it ends there, or runs over a bound only a little', () => {
    expect(chunkColumn(c(72, 154), bounds)).toBe(1);
    expect(chunkColumn(c(187, 193), bounds)).toBe(2);
    expect(chunkColumn(c(150, 180), bounds)).toBe(1);
  });

  it('is the next column for a flush-right cell wider than its header: most of it past the one bound it runs over', () => {
    expect(chunkColumn(c(215, 270), bounds)).toBe(3);
    expect(chunkColumn(c(230, 270), bounds)).toBe(3);
  });

  it('stays where it starts when it runs over several bounds, or starts in the left half of its column (a goal merged across two columns)', () => {
    expect(chunkColumn(c(72, 492), bounds)).toBe(1);
    expect(chunkColumn(c(51, 159), bounds)).toBe(0);
    // reportlab-a4-portrait-dejavu-squares: a goal line over Activiteit and most of Toelichting.
    expect(chunkColumn(c(38, 311), [35, 138, 370, 440])).toBe(0);
  });
});
