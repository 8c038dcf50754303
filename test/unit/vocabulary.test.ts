/** The annex's vocabulary (src/model/vocabulary.ts): one rule for every reader and for assembly. */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/model/diagnostics.js';
import { clip, withoutFormatChars } from '../../src/model/plain-text.js';
import {
  COLUMNS,
  HEADER_ALIASES,
  HEADER_WORDS,
  STATUS_CODES,
  STATUS_LEGEND,
  actionLineNumberOf,
  isFirstHeaderCell,
  isHeaderText,
  statusCodeOf,
} from '../../src/model/vocabulary.js';
import { readHtml } from '../../src/readers/html-reader.js';
import { readText } from '../../src/readers/text-reader.js';
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
    expect([...HEADER_WORDS].sort()).toEqual(['activiteit', 'activiteiten', 'oorspronkelijke', 'planning', 'status', 'toelichting', 'wanneer', 'wie']);
    for (const text of ['Toelichting', 'WIE', 'Oorspronkelijke', 'oorspronkelijke planning']) expect(isHeaderText(text)).toBe(true);
    for (const text of ['Toelichtingen', 'Oorspronk', ' Wie']) expect(isHeaderText(text)).toBe(false);
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
});

describe('the text reader and the Actielijn rule', () => {
  it('an `Actielijn N` line without tabs before any header starts the table as its action-line row, five cells wide', () => {
    const model = readText(new TextEncoder().encode('Actielijn 1\nEen activiteit\t\t2024\tOCW\tUitleg.\n'), new DiagnosticBag('a.txt'));
    expect(model.pages[0]!.tables).toEqual([
      {
        header: null,
        rows: [
          { cells: ['Actielijn 1', '', '', '', ''], statusCue: { kind: 'none' }, location: { page: 1, line: 1 } },
          { cells: ['Een activiteit', '', '2024', 'OCW', 'Uitleg.'], statusCue: { kind: 'none' }, location: { page: 1, line: 2 } },
        ],
      },
    ]);
  });
});
