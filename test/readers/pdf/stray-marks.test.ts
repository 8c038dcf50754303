/**
 * A status mark beside no row's text (layout.ts strayMarks, NAP126): a row whose text is drawn as
 * shapes (outlined glyphs) or an image keeps its mark in the Status column but has nothing to
 * read, and the reader lost the activity without a word (adversarial review 6: y-outline-row, a
 * borderless table, 82 activities at exit 0). In a ruled table the mark falls in the row above
 * and two marks in one row are NAP122 (test 2).
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/diagnostics/bag.js';
import type { BodyRow } from '../../../src/model/page-model.js';
import type { Icon } from '../../../src/readers/pdf/layout-icons.js';
import { strayMarks } from '../../../src/readers/pdf/layout.js';
import { readPdf } from '../../helpers/read-pdf.js';
import { type MiniRow, miniAnnex } from './mini-annex.js';

const COLORS = ['#008080', '#ffb000', '#5a5a5a', '#d0006f', '#101010'];

describe('strayMarks', () => {
  // Columns Activiteit | Status | Wanneer | Wie | Toelichting; rows at 100-130 and 160-190 pt from the top.
  const cols = { bounds: [40, 200, 250, 370, 470], keys: ['title', 'status', 'planning', 'owners', 'explanation'] as const, statusIndex: 1 };
  const row = (y0: number, y1: number): BodyRow => ({ cells: { title: 'x' }, statusCue: { kind: 'none' }, location: { page: 3, bbox: [40, y0, 800, y1] } });
  const mark = (x: number, y: number): Icon => ({ box: { x0: x - 4, y0: y - 4, x1: x + 4, y1: y + 4 }, color: '#5a5a5a', shape: 'vector' });
  const rows = [row(100, 130), row(160, 190)];

  it('gives the marks in the Status column beside no row, one box for a mark drawn as two shapes', () => {
    const found = strayMarks([mark(210, 104), mark(210, 145), mark(210.5, 145.5), mark(210, 164)], rows, { ...cols, keys: [...cols.keys] }, 90, 200);
    expect(found.map((b) => [b.x0, b.y0])).toEqual([[206, 141]]);
  });

  it('gives none outside the Status column, outside the table, or in a table without a Status column', () => {
    expect(strayMarks([mark(300, 145), mark(210, 220)], rows, { ...cols, keys: [...cols.keys] }, 90, 200)).toEqual([]);
    expect(strayMarks([mark(210, 145)], rows, { ...cols, keys: ['title', null, 'planning', 'owners', 'explanation'] }, 90, 200)).toEqual([]);
  });
});

describe('a mark with no text beside it in a ruled table', () => {
  it('is read with the row above it, and two marks in one row are NAP122: never lost without a word', async () => {
    const withText = (title: string, status: number): MiniRow => ({ title: [title], status, wanneer: '2024', wie: ['OCW'], toelichting: [`Toelichting bij ${title}.`] });
    const diagnostics = new DiagnosticBag('marks.pdf');
    const rows = [{ title: ['Actielijn 1'], toelichting: [] }, withText('Eerste activiteit', 0), { title: [], status: 2, toelichting: [] }, withText('Derde activiteit', 1)];
    const model = await readPdf(miniAnnex('vector', COLORS, [{ rows }]), { diagnostics });
    expect(model.pages[0]!.tables[0]!.rows.map((r) => r.cells.title)).toEqual(['Actielijn 1', 'Eerste activiteit', 'Derde activiteit']);
    expect(diagnostics.items.map((d) => d.code)).toEqual(['NAP122']);
  });
});
