/**
 * Layouts the third blind hold-out printed (Chromium, columns in another order, each action line a
 * heading and a goal paragraph above a table of its own, markers raised in brackets): the header
 * row found by its vocabulary in any order, and raised bracketed markers read as markers.
 */
import { describe, expect, it } from 'vitest';
import { startsHeaderRow } from '../../src/model/vocabulary.js';
import { type Chunk, joinChunks } from '../../src/readers/pdf/text.js';

describe('startsHeaderRow', () => {
  it('finds a header row with Activiteit in any place among three or more column names', () => {
    expect(startsHeaderRow(['Status', 'Activiteit', 'Wanneer', 'Wie', 'Toelichting'])).toBe(true);
    expect(startsHeaderRow(['Nr.', 'Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting'])).toBe(true);
    expect(startsHeaderRow(['Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting'])).toBe(true);
  });
  it('does not take a row for a header where Activiteit is not first and fewer than three cells name columns', () => {
    expect(startsHeaderRow(['Zie', 'Activiteit', 'hierboven'])).toBe(false);
    expect(startsHeaderRow(['Status', 'Activiteit'])).toBe(false);
    expect(startsHeaderRow(['Wanneer', 'Wie', 'Toelichting'])).toBe(false);
  });
});

describe('raised markers in brackets', () => {
  const chunk = (text: string, x0: number, sup: boolean): Chunk => ({ text, x0, x1: x0 + 20, y0: 90, y1: 100, baseline: sup ? 96 : 100, size: sup ? 5 : 7, font: 'F1', sup });
  it('reads a raised [12] or (12) as marker 12, brackets left out', () => {
    expect(joinChunks([chunk('gedeeld', 0, false), chunk('[12]', 21, true)])).toBe('gedeeld¹²');
    expect(joinChunks([chunk('gedeeld', 0, false), chunk('(3)', 21, true)])).toBe('gedeeld³');
  });
});

describe('a table whose first column is one the annex does not have (Code)', () => {
  it('reads an Actielijn band and a goal merged across it as action line and goal, and names the unknown column in every row (NAP105)', async () => {
    const { assembleRows } = await import('../../src/assemble/rows.js');
    const { DiagnosticBag } = await import('../../src/diagnostics/bag.js');
    const { keyedCells } = await import('../../src/model/page-model.js');
    const keys = [null, 'title', 'status', 'planning', 'owners', 'explanation'] as const;
    const header = { cells: ['Code', 'Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting'], keys: [...keys], location: { page: 1 } };
    const row = (cells: string[]) => ({ ...keyedCells(cells, [...keys]), statusCue: { kind: 'none' as const }, location: { page: 1 } });
    const bag = new DiagnosticBag('a.pdf');
    const assembled = assembleRows(
      {
        format: 'pdf',
        pages: [{ number: 1, legend: [], footnotes: [], looseText: [], tables: [{ header, rows: [row(['Actielijn 1', '', '', '', '', '']), row(['Er zijn gedeelde maatschappelijke waarden', '', '', '', '', '']), row(['1.1', 'Publiekscommunicatie', '', '2023-2025', 'Allen', 'Het kabinet ontwikkelt'])] }] }],
      },
      bag,
    );
    expect(assembled.actionLines.map((a) => [a.number, a.title])).toEqual([[1, 'Er zijn gedeelde maatschappelijke waarden']]);
    expect(assembled.rows.map((r) => [r.id, r.cells.title, r.cells.planning])).toEqual([['AL1-01', 'Publiekscommunicatie', '2023-2025']]);
    expect(bag.items.filter((d) => d.code === 'NAP105')).toHaveLength(1);
  });
});

describe('a Nr. column numbering the rows (hold-out 7: 1.1, 1.2 …)', () => {
  it('is a column the header names; a row numbered as the activity it reads as says nothing, another number is NAP125 on that row', async () => {
    const { assembleRows } = await import('../../src/assemble/rows.js');
    const { DiagnosticBag } = await import('../../src/diagnostics/bag.js');
    const { keyedCells } = await import('../../src/model/page-model.js');
    const { headerColumnKeys } = await import('../../src/model/vocabulary.js');
    const cells = ['Nr.', 'Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting'];
    const keys = headerColumnKeys(cells);
    expect(keys).toEqual(['number', 'title', 'status', 'planning', 'owners', 'explanation']);
    const row = (texts: string[]) => ({ ...keyedCells(texts, keys), statusCue: { kind: 'none' as const }, location: { page: 1 } });
    const bag = new DiagnosticBag('a.pdf');
    const assembled = assembleRows(
      {
        format: 'pdf',
        pages: [{ number: 1, legend: [], footnotes: [], looseText: [], tables: [{ header: { cells, keys, location: { page: 1 } }, rows: [
          // The band and the goal merged across the table start in the Nr. column (adversarial review 1: f1-nr-column).
          row(['Actielijn 1', '', '', '', '', '']), row(['Er zijn gedeelde maatschappelijke waarden', '', '', '', '', '']),
          row(['1.1', 'Publiekscommunicatie', '', '2023-2025', 'Allen', 'Het kabinet ontwikkelt']),
          row(['2', 'Campagne', '', 'Q1 2024', 'Allen', 'De eerste campagne']),
          row(['1.4', 'Jaarlijkse conferentie NAP', '', '2023-2025', 'OCW', 'Op 22 maart']),
          row(['2.4', 'Publieksmonitor', '', '2023-2025', 'OCW', 'In maart']),
        ] }] }],
      },
      bag,
    );
    expect(assembled.actionLines.map((a) => [a.number, a.title])).toEqual([[1, 'Er zijn gedeelde maatschappelijke waarden']]);
    expect(assembled.rows.map((r) => [r.id, r.cells.title])).toEqual([['AL1-01', 'Publiekscommunicatie'], ['AL1-02', 'Campagne'], ['AL1-03', 'Jaarlijkse conferentie NAP'], ['AL1-04', 'Publieksmonitor']]);
    expect(bag.items.filter((d) => d.code === 'NAP103' || d.code === 'NAP105')).toEqual([]);
    expect(bag.items.filter((d) => d.code === 'NAP125').map((d) => [d.row, d.field, d.actual, d.expected])).toEqual([['AL1-03', 'Nr.', '1.4', '1.3'], ['AL1-04', 'Nr.', '2.4', '1.4']]);
  });
});

describe('a title page with a table of contents (hold-out 7)', () => {
  it('reads the text above the contents as the title, and the contents lines as front matter, not as loose text (NAP106)', async () => {
    const { assembleRows } = await import('../../src/assemble/rows.js');
    const { DiagnosticBag } = await import('../../src/diagnostics/bag.js');
    const { isContentsLine } = await import('../../src/model/vocabulary.js');
    expect(['Inhoud', 'Actielijn 1 Er zijn gedeelde waarden . . . . . . 2', 'Noten ........ 30', 'Inhoudsopgave:'].map(isContentsLine)).toEqual([true, true, true, true]);
    expect(['Actielijn 1', 'Zie pagina 2', 'Het kabinet ... 2', 'In 2023 . . . en 2024'].map(isContentsLine)).toEqual([false, false, false, false]);
    const loose = (text: string, kind: 'text' | 'contents' | 'legend-heading' | 'running') => ({ text, kind, location: { page: 1 } });
    const bag = new DiagnosticBag('a.pdf');
    const assembled = assembleRows(
      {
        format: 'pdf',
        pages: [{ number: 1, legend: [], footnotes: [], tables: [], looseText: [
          loose('Bijlage 1 | Voortgang activiteiten NAP', 'running'), loose('Bijlage 1. Voortgang activiteiten NAP', 'text'), loose('(NAP)', 'text'),
          loose('Inhoud', 'contents'), loose('Actielijn 1 Er zijn . . . . 2', 'contents'), loose('Legenda', 'legend-heading'), loose('Een zin na de inhoud', 'text'),
        ] }, { number: 2, legend: [], footnotes: [], looseText: [], tables: [{ header: null, rows: [
          { cells: { title: 'Actielijn 1' }, statusCue: { kind: 'none' as const }, location: { page: 2 } },
          { cells: { title: 'Publiekscommunicatie', planning: '2023-2025', owners: 'Allen', explanation: 'Het kabinet' }, statusCue: { kind: 'none' as const }, location: { page: 2 } },
        ] }] }],
      },
      bag,
    );
    expect(assembled.title).toBe('Bijlage 1. Voortgang activiteiten NAP (NAP)');
    expect(bag.items.filter((d) => d.code === 'NAP106').map((d) => d.actual)).toEqual(['Een zin na de inhoud']);
  });
});

describe('a bracketed marker wrapped alone onto the next line', () => {
  it('is raised and read as the marker of the word before it (the corpus helper\'s landscape-marker-wrap: AL5-07\'s [25])', async () => {
    const { buildLines } = await import('../../src/readers/pdf/text.js');
    const text = (t: string, x0: number, baseline: number, size: number): Chunk => ({ text: t, x0, x1: x0 + t.length * size * 0.5, y0: baseline - 0.8 * size, y1: baseline + 0.2 * size, baseline, size, font: 'F1', sup: false });
    const lines = buildLines([text('daderprofielen seksuele delicten.', 400, 500, 8.5), text('[25]', 400, 508, 5.5)]);
    expect(lines.map((l) => joinChunks(l.chunks))).toEqual(['daderprofielen seksuele delicten.', '²⁵']);
  });
});

describe('a Status cell\'s background under its mark', () => {
  it('is a candidate that holds the mark inside it and is at least 4 times its area (a 30 x 28 pt zebra stripe round a 7 pt icon), not a mark\'s ring', async () => {
    const { encloses } = await import('../../src/readers/pdf/layout-icons.js');
    const icon = { x0: 55, y0: 782, x1: 62, y1: 789 };
    expect(encloses({ x0: 43, y0: 780, x1: 73, y1: 808 }, icon)).toBe(true);
    expect(encloses({ x0: 53, y0: 780, x1: 64, y1: 791 }, icon)).toBe(false); // a ring round the dot: one mark
    expect(encloses({ x0: 43, y0: 783, x1: 73, y1: 808 }, icon)).toBe(false); // not holding it
  });

  it('withoutBackgrounds drops a fill round a mark (a pale per-cell stripe: adversarial review 5\'s i3), keeps a disc round a knocked-out white symbol (hold-out 6) and a mark alone, and drops a rectangle round an open white circle (i10)', async () => {
    const { withoutBackgrounds } = await import('../../src/readers/pdf/layout-icons.js');
    const mark = { box: { x0: 55, y0: 782, x1: 62, y1: 789 }, color: '#39870c', shape: 'vector' as const };
    const stripe = { box: { x0: 43, y0: 780, x1: 73, y1: 808 }, color: '#edf2f7', shape: 'vector' as const, rect: true as const };
    expect(withoutBackgrounds([stripe, mark])).toEqual([mark]);
    const disc = { box: { x0: 50, y0: 780, x1: 60, y1: 790 }, color: '#007bc7', shape: 'vector' as const };
    const triangle = { box: { x0: 54, y0: 784, x1: 57, y1: 787 }, color: '#ffffff', shape: 'vector' as const };
    expect(withoutBackgrounds([disc, triangle])).toEqual([disc, triangle]);
    const whiteCircle = { ...triangle, box: { x0: 54, y0: 784, x1: 58, y1: 788 } };
    expect(withoutBackgrounds([stripe, whiteCircle])).toEqual([whiteCircle]);
    expect(withoutBackgrounds([stripe])).toEqual([stripe]);
  });
});

describe('a legend entry for a colour', () => {
  it('is no entry when two labels share the nearest colour, even the same one (adversarial review 5\'s i6: five white entries gave every row the first)', async () => {
    const { nearestLegendEntry } = await import('../../src/status/nearest-legend-entry.js');
    const white = ['Afgerond', 'In uitvoering'].map((label) => ({ label, iconColor: '#ffffff' }));
    expect(nearestLegendEntry('#ffffff', white)).toBeNull();
    expect(nearestLegendEntry('#ffffff', [white[0]!, { label: 'Afgerond', iconColor: '#ffffff' }])?.entry.label).toBe('Afgerond');
    expect(nearestLegendEntry('#39870c', [{ label: 'Afgerond', iconColor: '#39870c' }, { label: 'In uitvoering', iconColor: '#007bc7' }])?.entry.label).toBe('Afgerond');
  });
});
