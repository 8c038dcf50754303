/**
 * Word documents whose notes are not numbered 1, 2, 3 through the document, converted by
 * LibreOffice (scripts/word-rendition):
 * - fixtures/word-generated/notes-restart-a4-portrait-calibri.pdf: footnote numbering restarts on
 *   each page (Footnote → Numbering "Restart each page"). Each page prints its notes from 1 (page 3
 *   its one note as 2: LibreOffice numbered it so), and a marker means the note with its label on
 *   its own page.
 * - fixtures/word-generated/notes-letters-a4-landscape-arial.pdf: notes labelled a, b, c … y
 *   (Number format "a, b, c"), so `i`, `v` and `x` are letters, not Roman numerals.
 * - fixtures/word-generated/notes-letters-restart-a4-landscape-arial.pdf: the same layout, letters
 *   restarting on each page; pages 7, 11 and 13 print a marker whose note had no room left there:
 *   LibreOffice prints it at the top of the next page's notes, with the marker's letter.
 * The values below are the PDFs', read back by the generator into the truth files.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { footnotesCsv } from '../../../src/emit/csv.js';
import type { Annex } from '../../../src/schema/annex.js';
import { extractFixture } from '../../helpers/fixtures.js';

/** The pipeline's annex of a committed fixture: the manifest test's (extractFixture: computed once per test worker, pages from the page cache). */
async function extract(file: string): Promise<Annex> {
  return (await extractFixture(fileURLToPath(new URL(`../../../${file}`, import.meta.url)))).annex;
}

let annex: Annex;
let letters: Annex;
let lettersPerPage: Annex;
beforeAll(async () => {
  [annex, letters, lettersPerPage] = await Promise.all([
    extract('fixtures/word-generated/notes-restart-a4-portrait-calibri.pdf'),
    extract('fixtures/word-generated/notes-letters-a4-landscape-arial.pdf'),
    extract('fixtures/word-generated/notes-letters-restart-a4-landscape-arial.pdf'),
  ]);
});

describe('footnote numbering that restarts on each page (Word, LibreOffice)', () => {
  it('numbers the 25 notes 1 to 25 in document order, each with the label and page it was printed on', () => {
    expect(annex.footnotes.map((f) => `${f.number}:${f.label}@${f.location.page}`)).toEqual([
      '1:1@2', '2:2@3', '3:1@4', '4:1@5', '5:2@5', '6:3@5', '7:1@6', '8:2@6', '9:1@7', '10:2@7', '11:1@8', '12:2@8', '13:1@9',
      '14:1@11', '15:2@11', '16:1@12', '17:2@12', '18:1@13', '19:2@13', '20:3@13', '21:1@14', '22:1@15', '23:2@15', '24:1@16', '25:1@19',
    ]);
    expect(annex.footnotes[4]!.text).toBe('Kamerstukken II 2022/23, 34843, nr. 80');
    expect(annex.footnotes[5]!.text).toBe('Kamerstukken II 2022/23, 34843, nr. 67');
    expect(annex.footnotes[5]!.citations.map((c) => c.id)).toEqual(['kst-34843-67']);
    expect(annex.footnotes[24]!.text).toBe('<https://repository.wodc.nl/handle/20.500.12832/3290>');
  });

  it("links each marker to its own page's note, also in a row continued on the next page", () => {
    const cites = Object.fromEntries(annex.activities.filter((a) => a.footnotes.length > 0).map((a) => [a.id, a.footnotes]));
    expect(cites).toEqual({
      'AL1-04': [1], 'AL1-08': [2], 'AL1-12': [3], 'AL1-13': [4, 5], 'AL1-15': [6], 'AL1-21': [7], 'AL1-22': [8], 'AL1-23': [9],
      'AL1-27': [10], 'AL2-02': [11], 'AL2-06': [12], 'AL3-02': [13], 'AL3-09': [14, 15], 'AL3-14': [16], 'AL3-18': [17], 'AL3-19': [18],
      'AL3-21': [19], 'AL3-22': [20], 'AL3-24': [21], 'AL3-30': [22], 'AL4-01': [23], 'AL4-05': [24], 'AL5-07': [25],
    });
    // AL1-13 starts on page 4 and prints both markers on page 5, as "1" and "2": page 5's notes, not page 4's.
    const al113 = annex.activities.find((a) => a.id === 'AL1-13')!;
    expect(al113.location.page).toBe(4);
    expect(al113.title).toBe('Project Preventie seksueel grensoverschrijdend gedrag onder studenten');
    expect(annex.footnotes[3]!.text).toBe('[Ben je oké? \\(benjeoke.nl\\)](http://benjeoke.nl)');
    // AL5-07 starts on page 18; its marker is on page 19, with the note.
    expect(annex.activities.find((a) => a.id === 'AL5-07')!.location.page).toBe(18);
    expect(annex.footnotes.filter((f) => f.citedBy.length !== 1)).toEqual([]);
  });

  it('says once, as information, that the numbering restarts; no note is defined twice and every marker is read', () => {
    const codes = annex.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c.startsWith('NAP2'))).toEqual(['NAP206']);
    const info = annex.diagnostics.find((d) => d.code === 'NAP206')!;
    expect(info.severity).toBe('info');
    expect(info.place).toEqual({ page: 2 });
    expect(info.actual).toEqual([1, 2, 3]);
    expect(annex.activities).toHaveLength(83);
    expect(annex.activities.some((a) => /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(a.explanation.text))).toBe(false);
  });
});

describe('notes labelled with letters a … y (Word, LibreOffice)', () => {
  it('numbers each note by its letter and keeps the letter as its label: i, v and x are letters', () => {
    expect(letters.footnotes.map((f) => f.label).join('')).toBe('abcdefghijklmnopqrstuvwxy');
    expect(letters.footnotes.map((f) => f.number)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const [i, v, x] = [9, 22, 24].map((n) => letters.footnotes[n - 1]!);
    expect([i!.label, i!.text, i!.location.page, i!.citedBy]).toEqual(['i', 'Te vinden op: www.rcgog.nl', 6, ['AL1-23']]);
    expect([v!.label, v!.text, v!.location.page, v!.citedBy]).toEqual(['v', 'Kamerstukken II 2022/23, 24587 nr.898', 15, ['AL3-30']]);
    expect(v!.citations.map((c) => c.id)).toEqual(['kst-24587-898']);
    expect([x!.label, x!.location.page, x!.citedBy]).toEqual(['x', 16, ['AL4-05']]);
  });

  it('reads the raised letters in the cells as markers: removed from the text, cited by their rows', () => {
    const cites = Object.fromEntries(letters.activities.filter((a) => a.footnotes.length > 0).map((a) => [a.id, a.footnotes]));
    // The same rows cite the same notes as in the notes-restart rendition (the annex's notes 1 … 25).
    expect(cites).toEqual(Object.fromEntries(annex.activities.filter((a) => a.footnotes.length > 0).map((a) => [a.id, a.footnotes])));
    const al104 = letters.activities.find((a) => a.id === 'AL1-04')!;
    expect(al104.explanation.text).toContain('grensoverschrijdend gedrag . De publieksmonitor onderzoekt');
    const info = letters.diagnostics.find((d) => d.code === 'NAP207')!;
    expect([info.severity, info.actual]).toEqual(['info', 50]);
    // Only the annex's own typo (Actielijn 2's goal "… maatschappelijke norme", NAP501): no note left unread or uncited.
    expect(letters.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual(['NAP501']);
  });
});

describe('notes labelled with letters that restart on each page, some carried to the next page', () => {
  it('numbers the notes in document order, each with its letter and page', () => {
    expect(lettersPerPage.footnotes.map((f) => `${f.number}:${f.label}@${f.location.page}`).join(' ')).toBe(
      '1:a@2 2:b@3 3:a@4 4:b@4 5:a@5 6:b@5 7:a@6 8:b@6 9:c@6 10:a@7 11:b@8 12:a@8 13:a@9 14:a@11 15:b@11 16:c@12 17:a@12 18:a@13 19:b@13 20:c@13 21:d@14 22:a@15 23:b@15 24:a@16 25:a@19',
    );
  });

  it("links a marker whose note was carried to the next page's notes (11 b, 16 c, 21 d) and the next page's own markers to its own notes", () => {
    const citing = (n: number) => lettersPerPage.footnotes[n - 1]!.citedBy;
    // Page 7 prints markers a and b, but only note a; note b heads page 8's notes, before page 8's own a.
    expect([citing(10), citing(11), citing(12)]).toEqual([['AL1-27'], ['AL2-02'], ['AL2-06']]);
    expect(lettersPerPage.footnotes[10]!.text).toBe('Te vinden op: www.rcgog.nl');
    expect([citing(15), citing(16), citing(17)]).toEqual([['AL3-09'], ['AL3-14'], ['AL3-18']]);
    expect([citing(20), citing(21)]).toEqual([['AL3-22'], ['AL3-24']]);
    expect(lettersPerPage.footnotes[20]!.text).toMatch(/^Brief aan staatssecretaris Uslu/);
    const cites = (a: Annex) => a.activities.map((x) => x.footnotes);
    expect(cites(lettersPerPage)).toEqual(cites(letters));
    // Letters (NAP207) restarting per page (NAP206); no marker without its note (NAP201), no note uncited (NAP202).
    expect(lettersPerPage.diagnostics.filter((d) => d.code.startsWith('NAP2')).map((d) => d.code)).toEqual(['NAP207', 'NAP206']);
  });
});

describe('footnotes.csv of notes whose labels are not their numbers', () => {
  it('gives each note its printed label in the label column, next to its number', () => {
    const rowsOf = (a: Annex) => footnotesCsv(a).trim().split('\n');
    const [header, ...lines] = rowsOf(lettersPerPage);
    expect(header!.split(',').slice(0, 3)).toEqual(['number', 'label', 'text']);
    expect(lines.slice(9, 12).map((l) => l.split(',').slice(0, 2))).toEqual([
      ['10', 'a'],
      ['11', 'b'],
      ['12', 'a'],
    ]);
    expect(rowsOf(annex)[3]!.split(',').slice(0, 2)).toEqual(['3', '1']);
  });
});
