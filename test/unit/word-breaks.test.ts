/**
 * Lines that wrapped: the join rule every reader uses (src/model/wrapped-text.ts joinWrapped) and
 * the PDF reader's resolution of words a narrow column may have broken (resolveWordBreaks). The
 * cases are the ones the narrow Word renditions print (fixtures/word-generated/*-a5-narrow-*).
 */
import { describe, expect, it } from 'vitest';
import { canEndDutchWord } from '../../src/model/vocabulary.js';
import { joinWrapped } from '../../src/model/wrapped-text.js';
import { opensParagraph } from '../../src/assemble/page-break.js';
import { BROKEN_WORD_LINE, fullLineEdgesOf, resolveWordBreaks } from '../../src/readers/pdf/layout-rows.js';

describe('joinWrapped', () => {
  it.each([
    ['www.seksueleopvoeding', '.nl online', 'www.seksueleopvoeding.nl online'],
    ['onderwijsinstellingen', '.', 'onderwijsinstellingen.'],
    ['handelingsperspectieven', ', worden', 'handelingsperspectieven, worden'],
    ["'inrichting hulpverleningslandschap", "' in 2023", "'inrichting hulpverleningslandschap' in 2023"],
    ['(zie', 'bijlage)', '(zie bijlage)'],
  ])('%j + %j → %j: closing punctuation and closing quotes continue the word', (a, b, joined) => {
    expect(joinWrapped(a, b)).toBe(joined);
  });

  it('drops the hyphen automatic hyphenation prints (U+2010) and keeps a typed one (adversarial review 3\'s j4: WeasyPrint, hyphens: auto)', () => {
    expect(joinWrapped('gewenste omgangsvor\u2010', 'men en seksueel')).toBe('gewenste omgangsvormen en seksueel');
    expect(joinWrapped('Regerings-', 'commissaris')).toBe('Regerings-commissaris');
    expect(joinWrapped('2023\u2010', '2025')).toBe('2023\u20102025');
  });

  it('an opening quote starts a word of its own', () => {
    expect(joinWrapped('het project', "'Seksuele opvoeding'")).toBe("het project 'Seksuele opvoeding'");
  });

  it('closing punctuation after a line that wrapped at a space keeps that space (the text reads "gedrag .", marker-wrap-a5-calibri AL1-04)', () => {
    expect(joinWrapped('seksueel grensoverschrijdend gedrag', '. De publieksmonitor', false, true)).toBe('seksueel grensoverschrijdend gedrag . De publieksmonitor');
    expect(joinWrapped('seksueel grensoverschrijdend gedrag', '. De publieksmonitor')).toBe('seksueel grensoverschrijdend gedrag. De publieksmonitor');
  });
});

describe('fullLineEdgesOf (where a column\'s full lines end)', () => {
  const frag = (col: number, x1: number) => ({ col, chunks: [], baseline: 0, size: 10, box: { x0: x1 - 100, y0: 0, x1, y1: 10 } });
  it('is the rightmost line end, leaving out a line that sticks out of the column by more than 2 em (adversarial review 3\'s k3: a file name 38 pt out)', () => {
    expect(fullLineEdgesOf([frag(0, 300), frag(0, 296), frag(0, 338), frag(1, 500)], 2)).toEqual([300, 500]);
    expect(fullLineEdgesOf([frag(0, 300), frag(0, 296), frag(0, 310)], 1)).toEqual([310]);
  });
});

describe('opensParagraph (a row broken by a page end)', () => {
  // Figures of word-generated/marker-wrap-a5-calibri (PDF points).
  it('a first word that would have fitted on the last line before the page end opens a paragraph (AL1-12: room 71.7, "Binnen " 21.0)', () => {
    expect(opensParagraph({ room: 71.7, lead: 0 }, { room: 0, lead: 21.0 })).toBe(true);
  });
  it('a first word that did not fit, or only by less than the estimate\'s error, continues the paragraph', () => {
    expect(opensParagraph({ room: 8.5, lead: 0 }, { room: 0, lead: 31.4 })).toBe(false);
    expect(opensParagraph({ room: 24.2, lead: 0 }, { room: 0, lead: 24.0 })).toBe(false);
  });
  it('is false without the measures (text and HTML input)', () => {
    expect(opensParagraph(undefined, { room: 0, lead: 21 })).toBe(false);
  });
});

describe('resolveWordBreaks', () => {
  const BREAK = '\uFFFE';
  const known = new Set(['in', 'verband', 'en', 'is', 'd', 'hulpverleningslandschap', 'regeringscommissaris', 'lhbtqi', 'van', 'tussen']);
  it.each([
    ['Regeringsco', 'mmissaris', 'Regeringscommissaris'], // the whole word is known
    ['werkvoorzieningsbedrijv', 'en', 'werkvoorzieningsbedrijven'], // no Dutch word ends in v
    ['migrantengemeenschapp', 'en', 'migrantengemeenschappen'], // nor in a doubled consonant
    ['vluchtelingenachtergron', 'd', 'vluchtelingenachtergrond'], // one letter, after an unknown word
    ['zwangerschapsdiscrimin', 'atie', 'zwangerschapsdiscriminatie'], // neither part known
    ['Arbeidsomstandighedenwet', 'in verband', 'Arbeidsomstandighedenwet in verband'], // a known word follows
    ['hulpverleningslandschap', 'is versnipperd', 'hulpverleningslandschap is versnipperd'],
    ['Rondetafelgesprekken', 'lhbtqi+', 'Rondetafelgesprekken lhbtqi+'],
  ])('%j | %j → %j', (a, b, resolved) => {
    expect(resolveWordBreaks(`${a}${BREAK}${b}`, known)).toBe(resolved);
  });

  it('Dutch spelling ends no word in v or z, nor in a doubled consonant', () => {
    expect(['bedrijv', 'reiz', 'gemeenschapp', 'kenn', 'bedrijf', 'reis', 'gemeenschap', 'woord', 'stress'].map(canEndDutchWord)).toEqual([
      false, false, false, false, true, true, true, true, true,
    ]);
  });
});

describe('lines that may end in a broken word (BROKEN_WORD_LINE)', () => {
  it.each([["'Mannenemancipati"], ['(grensoverschrijden'], ['‘Seksuele'], ['ervaringsdeskundig']])('%j: one word, after an opening quote or bracket if any', (line) => {
    expect(BROKEN_WORD_LINE.test(line)).toBe(true);
  });
  it.each([['organisaties, de'], ['gedrag.'], ['ab'], ["''woord"]])('%j: not one word', (line) => {
    expect(BROKEN_WORD_LINE.test(line)).toBe(false);
  });
});
