/** The annex's vocabulary (src/model/vocabulary.ts): one rule for every reader and for assembly. */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/bag.js';
import { readFileSync } from 'node:fs';
import { RememberedText, clip, foldText, withoutFormatChars } from '../../src/model/plain-text.js';
import {
  headerColumnKeys,
  isNotesHeading,
  COLUMNS,
  HEADER_ALIASES,
  HEADER_WORDS,
  STATUS_CODES,
  STATUS_LEGEND,
  actionLineNumberOf,
  isFirstHeaderCell,
  isHeaderText,
  headerKey,
  labelKey,
  statusCodeOf,
} from '../../src/model/vocabulary.js';
import { readHtml } from '../../src/readers/html-reader.js';
import { readText } from '../../src/readers/text-reader.js';
import { assembleRows } from '../../src/assemble/rows.js';
import { statusCodeSchema } from '../../src/schema/annex.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the annex vocabulary', () => {
  it('has one status code per legend label, the schema’s codes in the same order', () => {
    expect(STATUS_LEGEND.map((e) => e.code)).toEqual([...STATUS_CODES]);
    expect(statusCodeSchema.options).toEqual([...STATUS_CODES]);
    expect(statusCodeOf('In uitvoering met vertraging')).toBe('delayed');
    expect(statusCodeOf('Afge\u200brond')).toBe('completed');
    expect(statusCodeOf('Wanneer')).toBeUndefined();
  });

  it('reads Actielijn N, format characters aside', () => {
    expect(actionLineNumberOf('Actielijn 4')).toBe(4);
    expect(actionLineNumberOf(' Actie\u200blijn  12 ')).toBe(12);
    expect(actionLineNumberOf('Actielijn')).toBeNull();
    expect(actionLineNumberOf('Actielijn 4: doel')).toBeNull();
  });

  it('knows the header texts of each column and their single words', () => {
    expect(HEADER_ALIASES).toHaveLength(COLUMNS.length);
    expect([...HEADER_WORDS].sort()).toEqual(['#', 'actielijn', 'actielijnen', 'activiteit', 'activiteiten', 'no.', 'nr', 'nr.', 'nummer', 'oorspronkelijke', 'planning', 'status', 'toelichting', 'wanneer', 'wie']);
    for (const text of ['Toelichting', 'WIE', 'Oorspronkelijke', 'oorspronkelijke planning', 'Nr.', 'nr']) expect(isHeaderText(text)).toBe(true);
    // `.` in `Nr.` is a full stop, not any character.
    for (const text of ['Toelichtingen', 'Oorspronk', ' Wie', 'Nrx', 'Nox']) expect(isHeaderText(text)).toBe(false);
  });

  it('marks a header row by its first cell: Activiteit or Activiteiten, format characters and spacing aside', () => {
    for (const text of ['Activiteit', 'activiteiten', ' Activi\u200bteit ']) expect(isFirstHeaderCell(text)).toBe(true);
    for (const text of ['Activiteit 1', 'Status', '']) expect(isFirstHeaderCell(text)).toBe(false);
  });

  it('gives the text and the HTML reader the same header rule', () => {
    const text = readText(bytes('Activiteiten\tStatus\tWanneer\tWie\tToelichting\nActielijn 1\nTitel\tAfgerond\t2024\tOCW\tUitleg\n'), new DiagnosticBag());
    expect(text.pages[0]!.tables[0]!.header?.cells[0]).toBe('Activiteiten');
    const html = readHtml(bytes('<table><tr><th>Activiteiten</th><th>Status</th><th>Wanneer</th><th>Wie</th><th>Toelichting</th></tr><tr><td>Titel</td><td>Afgerond</td><td>2024</td><td>OCW</td><td>Uitleg</td></tr></table>'), new DiagnosticBag());
    expect(html.pages[0]!.tables[0]!.header?.cells[0]).toBe('Activiteiten');
  });
});

describe('plain-text helpers', () => {
  it('removes format characters and clips text for messages', () => {
    expect(withoutFormatChars('Actie\u200blijn\u00ad 4\u200e')).toBe('Actielijn 4');
    expect(clip('  a\n b  ')).toBe('a b');
    expect(clip('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('folds text one way for every comparison: format characters out, NFC, spacing, lower case', () => {
    expect(foldText(' Af\u00adgerond\u00a0 ')).toBe('afgerond');
    expect(foldText('IJSSEL\u200b  Overleg\n')).toBe('ijssel overleg');
    expect(foldText('Ge\u0301\u00cbNTEGREERD')).toBe('géëntegreerd');
    expect(labelKey(' In  uitvoering (met vertraging).')).toBe('in uitvoering met vertraging');
    expect(headerKey('Oorspronkelijke\u00a0 Planning')).toBe('oorspronkelijke planning');
    // The 2024 text export: plain lower case gives what the Dutch locale gives, on every character.
    const annex = readFileSync(new URL('../../fixtures/nap-2024/bijlage-1.txt', import.meta.url), 'utf8');
    const folded = foldText(annex);
    expect(folded.length).toBeGreaterThan(40_000);
    expect(folded).toBe(withoutFormatChars(annex).normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl'));
    // Asked again, the same answer (from memory).
    expect(foldText(' Af\u00adgerond\u00a0 ')).toBe('afgerond');
  });

  it('remembers a text function for at most `kept` inputs, and answers as the function does', () => {
    const asked: string[] = [];
    const upper = new RememberedText((t) => {
      asked.push(t);
      return t.toUpperCase();
    }, 2);
    expect([upper.of('a'), upper.of('b'), upper.of('a')]).toEqual(['A', 'B', 'A']);
    expect(asked).toEqual(['a', 'b']);
    // Full at two: the third input starts the memory again, so `a` is computed anew.
    expect([upper.of('c'), upper.of('a'), upper.of('c')]).toEqual(['C', 'A', 'C']);
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('the text reader and the Actielijn rule', () => {
  it('an `Actielijn N` line without tabs before any header starts the table as its action-line row, five cells wide', () => {
    const model = readText(new TextEncoder().encode('Actielijn 1\nEen activiteit\t\t2024\tOCW\tUitleg.\n'), new DiagnosticBag('a.txt'));
    expect(model.pages[0]!.tables).toEqual([
      {
        header: null,
        rows: [
          { cells: { title: 'Actielijn 1', status: '', planning: '', owners: '', explanation: '' }, printedCells: 5, statusCue: { kind: 'none' }, location: { page: 1, line: 1 } },
          { cells: { title: 'Een activiteit', status: '', planning: '2024', owners: 'OCW', explanation: 'Uitleg.' }, printedCells: 5, statusCue: { kind: 'none' }, location: { page: 1, line: 2 } },
        ],
      },
    ]);
  });
});

describe('column keys from a header row (headerColumnKeys)', () => {
  it('names each column by its header text, in any order and beside a merged Actielijn column', () => {
    expect(headerColumnKeys(['Actielijn', 'Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting'])).toEqual(['actionLine', 'title', 'status', 'planning', 'owners', 'explanation']);
    expect(headerColumnKeys(['Activiteit', 'Wie', 'Oorspronkelijke planning', 'Status', 'Toelichting'])).toEqual(['title', 'owners', 'planning', 'status', 'explanation']);
    expect(headerColumnKeys(['Activiteiten', 'Status', 'Planning', 'Wie', 'Toelichting', 'Opmerking'])).toEqual(['title', 'status', 'planning', 'owners', 'explanation', null]);
  });

  it('reads an unknown header text in a five-column header as the column of its position, and a repeated one as no column', () => {
    expect(headerColumnKeys(['Activiteit', 'Status', 'Periode', 'Wie', 'Toelichting'])).toEqual(['title', 'status', 'planning', 'owners', 'explanation']);
    expect(headerColumnKeys(['Activiteit', 'Status', 'Wanneer', 'Wanneer', 'Wie', 'Toelichting'])).toEqual(['title', 'status', 'planning', null, 'owners', 'explanation']);
  });

  it('places a text-export row under a six-column header with a merged Actielijn column, and assembles its action line', async () => {
    const text = 'Actielijn\tActiviteit\tStatus\tWanneer\tWie\tToelichting\nActielijn 1\tHet doel\t\t\t\t\n\tEen activiteit\t\t2024\tOCW\tUitleg.\n';
    const model = readText(new TextEncoder().encode(text), new DiagnosticBag('a.txt'));
    expect(model.pages[0]!.tables[0]!.rows.map((r) => r.cells)).toEqual([
      { actionLine: 'Actielijn 1', title: 'Het doel', status: '', planning: '', owners: '', explanation: '' },
      { actionLine: '', title: 'Een activiteit', status: '', planning: '2024', owners: 'OCW', explanation: 'Uitleg.' },
    ]);
    const assembled = assembleRows(model, new DiagnosticBag('a.txt'));
    expect(assembled.actionLines.map((a) => [a.number, a.title])).toEqual([[1, 'Het doel']]);
    expect(assembled.rows.map((r) => [r.id, r.cells.title, r.cells.planning])).toEqual([['AL1-01', 'Een activiteit', '2024']]);
  });
});

describe('notes headings', () => {
  it('the heading word alone, or with what its notes belong to (the ReportLab rendition: `Noten bij actielijn 3`); not a sentence that starts with it', () => {
    for (const heading of ['Noten', 'EINDNOTEN', 'Voetnoten:', 'Noten bij actielijn 3', 'Noten bij Actielijn 12:', 'Bronnen van deze bijlage', 'Notes to annex 1']) expect(isNotesHeading(heading), heading).toBe(true);
    for (const text of ['Noten zijn belangrijk voor de lezer', 'Noten bij', 'Notenkraker bij actielijn 3', 'Afgerond bij actielijn 3', 'Noten bij de vijf actielijnen van dit programma en meer']) expect(isNotesHeading(text), text).toBe(false);
  });
});
