import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/diagnostics/bag.js';
import type { InputError } from '../../../src/diagnostics/errors.js';
import type { Diagnostic } from '../../../src/schema/diagnostic.js';
import type { PageModel } from '../../../src/model/page-model.js';
import { readPdf } from '../../helpers/read-pdf.js';
import { LABELS, type MiniAnnexPage, miniAnnex } from './mini-annex.js';

const COLORS = ['#008080', '#ffb000', '#5a5a5a', '#d0006f', '#101010'];

const PAGES: MiniAnnexPage[] = [
  {
    rows: [
      { title: ['Actielijn 1'], toelichting: [] },
      { title: ['Eerste activiteit met een titel', 'over twee regels'], status: 3, wanneer: 'Q1 2024', wie: ['Regerings-', 'commissaris'], toelichting: ['Een toelichting die doorloopt', 'op een tweede regel.'], marker: 1 },
      { title: ['Tweede activiteit'], status: 0, wanneer: '2023- 2025', wie: ['OCW'], toelichting: ['Afgerond in 2023.', 'Een tweede regel'] },
    ],
    footnotes: [{ number: 1, text: 'Kamerstukken II 2023/24, 28345, nr. 269.' }],
  },
  {
    third: 'Oorspronkelijke planning',
    rows: [
      { title: [], toelichting: ['vervolg van de vorige pagina.'] },
      { title: ['Derde activiteit'], status: 4, wanneer: 'Vanaf 2022', wie: ['VWS en OCW'], toelichting: ['Nog niet begonnen.'] },
      { title: ['Vierde activiteit'], status: 1, wanneer: 'Q3 2022-Q3 2024', wie: ['BZK'], toelichting: ['Loopt.'] },
      { title: ['Vijfde activiteit'], status: 2, wanneer: '2022-2031', wie: ['NLA'], toelichting: ['Doorlopend.'] },
    ],
  },
];

async function read(bytes: Uint8Array): Promise<PageModel> {
  return readPdf(bytes, { diagnostics: new DiagnosticBag('mini.pdf') });
}

describe.each(['vector', 'glyph', 'glyph-mapped', 'glyph-type3', 'bullet', 'image'] as const)('readPdf on a small annex with %s icons', (kind) => {
  it('reads legend colours, header, rows, status colours, markers and footnotes', async () => {
    const model = await read(miniAnnex(kind, COLORS, PAGES));
    expect(model.pages).toHaveLength(2);
    for (const p of model.pages) {
      expect(p.legend.map((e) => e.label)).toEqual(LABELS);
      expect(p.legend.map((e) => e.iconColor)).toEqual(COLORS);
      expect(p.looseText.map((l) => l.text)).toEqual(['Bijlage 1. Voortgang activiteiten', '3']);
    }
    const [p1, p2] = model.pages as [PageModel['pages'][0], PageModel['pages'][0]];
    expect(p1.tables[0]!.header!.cells).toEqual(['Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting']);
    expect(p2.tables[0]!.header!.cells).toEqual(['Activiteit', 'Status', 'Oorspronkelijke planning', 'Wie', 'Toelichting']);
    const r1 = p1.tables[0]!.rows;
    expect(r1.map((r) => r.cells)).toEqual([
      { title: 'Actielijn 1', status: '', planning: '', owners: '', explanation: '' },
      { title: 'Eerste activiteit met een titel over twee regels', status: '', planning: 'Q1 2024', owners: 'Regerings-commissaris', explanation: 'Een toelichting die doorloopt op een tweede regel.¹' },
      { title: 'Tweede activiteit', status: '', planning: '2023- 2025', owners: 'OCW', explanation: 'Afgerond in 2023. Een tweede regel' },
    ]);
    expect(r1.map((r) => r.statusCue)).toEqual([
      { kind: 'none' },
      { kind: 'icon', color: COLORS[3], shape: kind === 'vector' || kind === 'image' ? kind : 'glyph' },
      { kind: 'icon', color: COLORS[0], shape: kind === 'vector' || kind === 'image' ? kind : 'glyph' },
    ]);
    expect(p1.footnotes.map((f) => [f.number, f.text])).toEqual([[1, 'Kamerstukken II 2023/24, 28345, nr. 269.']]);
    const r2 = p2.tables[0]!.rows;
    expect(r2.map((r) => r.cells.title)).toEqual(['', 'Derde activiteit', 'Vierde activiteit', 'Vijfde activiteit']);
    expect(r2[0]!.cells.explanation).toBe('vervolg van de vorige pagina.');
    expect(r2[0]!.statusCue).toEqual({ kind: 'none' });
    expect(r2.slice(1).map((r) => (r.statusCue.kind === 'icon' ? r.statusCue.color : null))).toEqual([COLORS[4], COLORS[1], COLORS[2]]);
    expect(r2.map((r) => r.cells.planning)).toEqual(['', 'Vanaf 2022', 'Q3 2022-Q3 2024', '2022-2031']);
  });
});

describe('readPdf on unreadable input', () => {
  const good = miniAnnex('vector', COLORS, PAGES);

  async function inputError(bytes: Uint8Array, options: { maxPages?: number } = {}): Promise<Diagnostic> {
    const bag = new DiagnosticBag('bad.pdf');
    try {
      await readPdf(bytes, { diagnostics: bag, ...options });
    } catch (err) {
      expect((err as Error).name).toBe('InputError');
      const d = (err as InputError).diagnostic;
      expect(bag.items).toContainEqual(expect.objectContaining({ code: d.code }));
      return d;
    }
    throw new Error('expected an InputError');
  }

  it('rejects a truncated PDF (NAP004) naming the file', async () => {
    const d = await inputError(good.subarray(0, Math.floor(good.length / 2)));
    expect(d).toMatchObject({ code: 'NAP004', file: 'bad.pdf', place: {} });
  });

  it('rejects a damaged PDF whose structure is garbage (NAP004)', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not a pdf body at all\n%%EOF\n');
    expect((await inputError(bytes)).code).toBe('NAP004');
  });

  it('rejects a file that is not a PDF (NAP008) and an empty file (NAP001)', async () => {
    expect((await inputError(new TextEncoder().encode('Activiteit\tStatus\tWanneer\tWie\tToelichting\n'))).code).toBe('NAP008');
    expect((await inputError(new Uint8Array(0))).code).toBe('NAP001');
  });

  it('rejects more pages than the limit (NAP005)', async () => {
    const d = await inputError(good, { maxPages: 1 });
    expect(d).toMatchObject({ code: 'NAP005', actual: 2, expected: 1 });
  });

  it('reads a PDF without the activity table as pages of loose text; the pipeline reports NAP101', async () => {
    const { buildPdf } = await import('./mini-pdf.js');
    const { extractAnnex } = await import('../../../src/pipeline.js');
    const bytes = buildPdf([{ content: 'BT /F1 12 Tf 72 500 Td (Een brief zonder tabel) Tj ET' }]);
    const model = await readPdf(bytes, { diagnostics: new DiagnosticBag('brief.pdf') });
    expect(model.pages.map((p) => [p.tables.length, p.looseText.map((l) => l.text)])).toEqual([[0, ['Een brief zonder tabel']]]);
    const { diagnostics } = await extractAnnex(bytes, { fileName: 'brief.pdf' });
    // The loose text is not in the output: NAP106 is an error (B8), after NAP101, which comes
    // first when the input has no table at all (it says what is most likely wrong).
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['NAP101', 'NAP106']);
  });

  it('a document without any table gets one NAP106 for all its text and one NAP202 for all its notes, not one per line (the first-time user: 132 NAP106 after NAP101)', async () => {
    const { buildPdf } = await import('./mini-pdf.js');
    const { extractAnnex } = await import('../../../src/pipeline.js');
    const lines = (page: number): string => Array.from({ length: 30 }, (_, i) => `BT /F1 10 Tf 72 ${560 - 14 * i} Td (Regel ${i + 1} van blad ${page}) Tj ET`).join('\n');
    const notes = 'BT /F1 6 Tf 72 103 Td (1) Tj ET BT /F1 9 Tf 76 100 Td (Een eerste noot.) Tj ET BT /F1 6 Tf 72 85 Td (2) Tj ET BT /F1 9 Tf 76 82 Td (Een tweede noot.) Tj ET';
    const bytes = buildPdf([{ content: lines(1) }, { content: `${lines(2)}\n${notes}` }]);
    const { diagnostics } = await extractAnnex(bytes, { fileName: 'brief.pdf' });
    const nap106 = diagnostics.filter((d) => d.code === 'NAP106');
    expect(nap106).toHaveLength(1);
    expect(nap106[0]).toMatchObject({ severity: 'error', actual: 60, place: { page: 1 } });
    expect(nap106[0]!.reason).toContain('all 60 lines of text on 2 pages stand outside any table, the first "Regel 1 van blad 1"');
    expect(diagnostics.filter((d) => d.code === 'NAP202').map((d) => [d.actual, d.reason])).toEqual([[2, '2 footnotes (1 to 2) are cited by no row: the input has no table rows.']]);
    // No annex was read, so there is no edition to label (NAP013 was noise there: the first-time user of session 5).
    expect(diagnostics.map((d) => d.code)).not.toContain('NAP013');
  });
});

describe('readPdf on an encrypted PDF', () => {
  it('rejects a PDF that needs a password (NAP003) naming the file', async () => {
    const { readFileSync } = await import('node:fs');
    // Made with: qpdf --encrypt secret secret 256 -- plain.pdf encrypted-user-password.pdf
    const bytes = new Uint8Array(readFileSync(new URL('../../../fixtures/pdf-generated/encrypted-user-password.pdf', import.meta.url)));
    const bag = new DiagnosticBag('locked.pdf');
    const err = await readPdf(bytes, { diagnostics: bag }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('InputError');
    expect((err as InputError).diagnostic).toMatchObject({ code: 'NAP003', file: 'locked.pdf', source: 'input', place: {} });
  });

  it('stops at the time limit (NAP009)', async () => {
    const bytes = miniAnnex('vector', COLORS, PAGES);
    const bag = new DiagnosticBag('slow.pdf');
    const err = await readPdf(bytes, { diagnostics: bag, timeoutMs: 0 }).catch((e: unknown) => e);
    expect((err as { diagnostic: { code: string } }).diagnostic.code).toBe('NAP009');
  });
});

it('reads text drawn twice at the same place (fake bold) once, with NAP121', async () => {
  // Row 2's title starts at (40, 465) on page 1 (miniAnnex's layout); draw it there a second time.
  const twice: MiniAnnexPage[] = [{ ...PAGES[0]!, extra: 'BT /F1 9 Tf 40 465 Td (Eerste activiteit met een titel) Tj ET' }, PAGES[1]!];
  const diagnostics = new DiagnosticBag('bold.pdf');
  const model = await readPdf(miniAnnex('vector', COLORS, twice), { diagnostics });
  const titles = model.pages.flatMap((p) => p.tables.flatMap((t) => t.rows.map((r) => r.cells.title)));
  expect(titles).toContain('Eerste activiteit met een titel over twee regels');
  expect(titles.join(' ')).not.toContain('titelEerste');
  const bold = diagnostics.items.filter((d) => d.code === 'NAP121');
  expect(bold.map((d) => [d.place.page, d.actual])).toEqual([[1, 'Eerste activiteit met een titel']]);
  // Where, in PDF points from the top-left: the title line at x = 40, y = 595 - 465.
  const [x0, y0, x1, y1] = bold[0]!.place.bbox!;
  expect(x0).toBeCloseTo(40, 0);
  expect(y0).toBeLessThan(595 - 465);
  expect(y1).toBeGreaterThan(595 - 465);
  expect(x1).toBeGreaterThan(x0 + 100);
});
