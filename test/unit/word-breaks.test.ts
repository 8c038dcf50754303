/**
 * Lines that wrapped: the join rule every reader uses (src/model/wrapped-text.ts joinWrapped) and
 * the PDF reader's resolution of words a narrow column may have broken (resolveWordBreaks). The
 * cases are the ones the narrow Word renditions print (fixtures/word-generated/*-a5-narrow-*).
 */
import { describe, expect, it } from 'vitest';
import { canEndDutchWord } from '../../src/model/vocabulary.js';
import { joinWrapped } from '../../src/model/wrapped-text.js';
import { BROKEN_WORD_LINE, resolveWordBreaks } from '../../src/readers/pdf/layout-rows.js';

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

  it('an opening quote starts a word of its own', () => {
    expect(joinWrapped('het project', "'Seksuele opvoeding'")).toBe("het project 'Seksuele opvoeding'");
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
