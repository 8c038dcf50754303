/**
 * Rows from a tagged PDF's structure tree (structure.ts, row-starts.ts): what the page shows
 * decides which text is one table row, the tags decide where the page shows nothing; where the two
 * disagree, that is reported (NAP120 via the layout's disagreements), never chosen silently.
 */
import { PRINTED_COLUMN_KEYS } from '../../../src/model/vocabulary.js';
import { describe, expect, it } from 'vitest';
import { buildRows } from '../../../src/readers/pdf/layout-rows.js';
import { readStructure, type StructNode } from '../../../src/readers/pdf/structure.js';
import { type Chunk, type Line, buildLines } from '../../../src/readers/pdf/text.js';

/** A chunk of 9 pt text at x, baseline y, tagged with content id `id`. */
function chunk(text: string, x: number, y: number, id: string): Chunk {
  return { text, x0: x, x1: x + 4.5 * text.length, y0: y - 7, y1: y + 2, baseline: y, size: 9, font: 'F1', sup: false, contentId: id };
}

const cols = { bounds: [40, 200, 260, 330, 400], keys: [...PRINTED_COLUMN_KEYS], statusIndex: 1 };

function rows(lines: Line[], tree: StructNode | null) {
  return buildRows(lines, {
    cols,
    rulings: [],
    pitch: 11,
    icons: [],
    runs: [],
    fills: [],
    regionBottom: 400,
    pageNumber: 3,
    structure: readStructure(tree),
  });
}

/** Table → TR → TD → content, one TD per cell id list. */
function table(rowsOfIds: string[][][]): StructNode {
  return {
    role: 'Root',
    children: [
      {
        role: 'Table',
        children: rowsOfIds.map((cells) => ({ role: 'TR', children: cells.map((ids) => ({ role: 'TD', children: ids.map((id) => ({ type: 'content', id })) })) })),
      },
    ],
  };
}

describe('rows of a tagged page', () => {
  // Two activity rows; the second starts after a gap in the first column as a new row would.
  const lines = buildLines([
    chunk('Eerste activiteit', 45, 100, 'p1R_mc0'),
    chunk('Q1 2024', 265, 100, 'p1R_mc1'),
    chunk('OCW', 335, 100, 'p1R_mc2'),
    chunk('Tweede regel titel', 45, 130, 'p1R_mc3'),
    chunk('Q2 2024', 265, 130, 'p1R_mc4'),
    chunk('VWS', 335, 130, 'p1R_mc5'),
  ]);

  it('follows the geometry when the tags agree (two TRs, two rows)', () => {
    const built = rows(lines, table([[['p1R_mc0'], [], ['p1R_mc1'], ['p1R_mc2']], [['p1R_mc3'], [], ['p1R_mc4'], ['p1R_mc5']]]));
    expect(built.rows.map((r) => r.cells.title)).toEqual(['Eerste activiteit', 'Tweede regel titel']);
    expect(built.tagged.map((t) => t?.index)).toEqual([0, 1]);
    expect(built.disagreements).toEqual([]);
  });

  it('follows what the page shows where one TR holds two rows the page shows apart, and reports the disagreement', () => {
    // The tags say all six pieces are one row; the page shows two (a gap, and Wanneer and Wie start again).
    const built = rows(lines, table([[['p1R_mc0', 'p1R_mc3'], [], ['p1R_mc1', 'p1R_mc4'], ['p1R_mc2', 'p1R_mc5']]]));
    expect(built.rows.map((r) => r.cells.title)).toEqual(['Eerste activiteit', 'Tweede regel titel']);
    expect(built.disagreements).toHaveLength(1);
    expect(built.disagreements[0]).toMatchObject({ tagRows: 1, geometryRows: 2, bbox: [45, expect.any(Number), expect.any(Number), expect.any(Number)] });
  });

  it('follows the tags where the page shows nothing between two lines (no ruling, no gap, nothing starts again)', () => {
    // A title over two lines at the line pitch, beside a Toelichting: the tags say two rows.
    const even = buildLines([
      chunk('Eerste titel', 45, 100, 'p1R_mc0'),
      chunk('Uitleg een', 405, 100, 'p1R_mc1'),
      chunk('Tweede titel', 45, 111, 'p1R_mc2'),
      chunk('Uitleg twee', 405, 111, 'p1R_mc3'),
    ]);
    const two = rows(even, table([[['p1R_mc0'], [], [], [], ['p1R_mc1']], [['p1R_mc2'], [], [], [], ['p1R_mc3']]]));
    expect(two.rows.map((r) => r.cells.title)).toEqual(['Eerste titel', 'Tweede titel']);
    expect(two.disagreements).toEqual([]);
    const one = rows(even, table([[['p1R_mc0', 'p1R_mc2'], [], [], [], ['p1R_mc1', 'p1R_mc3']]]));
    expect(one.rows.map((r) => r.cells.title)).toEqual(['Eerste titel Tweede titel']);
  });

  it('without a structure tree the geometry decides (two rows, nothing to compare)', () => {
    const built = rows(lines, null);
    expect(built.rows).toHaveLength(2);
    expect(built.tagged).toEqual([null, null]);
    expect(built.disagreements).toEqual([]);
  });

  it('reads a TR as the same row on every page: index in its table, table known by its shape', () => {
    const tree = table([[['a'], ['b']], [['c'], ['d']], [['e'], ['f']]]);
    const s = readStructure(tree)!;
    expect(s.rowOf.get('c')).toEqual({ table: '3:2,2,2', index: 1, header: false });
    expect(readStructure(null)).toBeNull();
  });
});
