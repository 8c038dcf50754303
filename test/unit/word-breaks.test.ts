/**
 * Lines that wrapped: the join rule every reader uses (src/model/wrapped-text.ts joinWrapped) and
 * the PDF reader's resolution of words a narrow column may have broken (resolveWordBreaks). The
 * cases are the ones the narrow Word renditions print (fixtures/word-generated/*-a5-narrow-*).
 */
import { describe, expect, it } from 'vitest';
import { canEndDutchWord } from '../../src/model/vocabulary.js';
import { joinWrapped } from '../../src/model/wrapped-text.js';
import { opensParagraph } from '../../src/assemble/page-break.js';
import { fullLineEdgesOf } from '../../src/readers/pdf/layout-rows.js';
import { dutchSpeller } from '../../src/readers/pdf/dutch-spelling.js';
import { BROKEN_WORD_LINE, areTwoWords, decidedByDocument, markPageEndBreak, resolveWordBreaks } from '../../src/readers/pdf/word-breaks.js';

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
  // The words a document prints elsewhere, and a small Dutch word list standing in for Hunspell.
  const printed = new Set(['in', 'verband', 'en', 'is', 'd', 'hulpverleningslandschap', 'regeringscommissaris', 'lhbtqi', 'van', 'tussen', 'stimuleringsprogramma', 'loopt']);
  const dutch = new Set(['arbeidsomstandighedenwet', 'rondetafelgesprekken', 'ervaringsdeskundig', 'ervaringsdeskundigen', 'en', 'vrouwonvriendelijke', 'werkcultuur', 'als', 'al', 'stimuleringsprogrammaloopt']);
  const words = { printed, spellsDutch: (w: string) => dutch.has(w.toLowerCase()) };
  it.each([
    ['Regeringsco', 'mmissaris', 'Regeringscommissaris'], // the whole word is printed elsewhere
    ['werkvoorzieningsbedrijv', 'en', 'werkvoorzieningsbedrijven'], // no Dutch word ends in v
    ['migrantengemeenschapp', 'en', 'migrantengemeenschappen'], // nor in a doubled consonant
    ['vluchtelingenachtergron', 'd', 'vluchtelingenachtergrond'], // one letter, after an unknown word
    ['zwangerschapsdiscrimin', 'atie', 'zwangerschapsdiscriminatie'], // neither part a word
    ['onderwijsprofession', 'als', 'onderwijsprofessionals'], // the second part is a word, the first is not
    ['Arbeidsomstandighedenwet', 'in verband', 'Arbeidsomstandighedenwet in verband'], // two words, the whole is none
    ['hulpverleningslandschap', 'is versnipperd', 'hulpverleningslandschap is versnipperd'],
    ['Rondetafelgesprekken', 'lhbtqi+', 'Rondetafelgesprekken lhbtqi+'],
    ['vrouwonvriendelijke', 'werkcultuur.', 'vrouwonvriendelijke werkcultuur.'], // a word the document prints nowhere else
    ['ervaringsdeskundig', 'en en de wetenschap', 'ervaringsdeskundigen en de wetenschap'], // both readings Dutch: the document never prints the first part alone
    ['stimuleringsprogramma', 'loopt tot', 'stimuleringsprogramma loopt tot'], // both readings Dutch: the document prints the first part alone
  ])('%j | %j → %j', (a, b, resolved) => {
    expect(resolveWordBreaks(`${a}${BREAK}${b}`, words)).toBe(resolved);
  });

  it('Dutch spelling ends no word in v or z, nor in a doubled consonant', () => {
    expect(['bedrijv', 'reiz', 'gemeenschapp', 'kenn', 'bedrijf', 'reis', 'gemeenschap', 'woord', 'stress'].map(canEndDutchWord)).toEqual([
      false, false, false, false, true, true, true, true, true,
    ]);
  });
});

describe('decidedByDocument (a break the printed words decide without Dutch spelling)', () => {
  const printed = new Set(['grensoverschrijdend', 'gedrag', 'regeringscommissaris', 'en', 'in']);
  const pairs: [string, string][] = [
    ['grensoverschrijdend', 'gedrag'], ['Regeringsco', 'mmissaris'], ['werkvoorzieningsbedrijv', 'en'], ['ervaringsdeskundig', 'en'],
    ['vrouwonvriendelijke', 'werkcultuur'], ['organisati', 'es'], ['Arbeidsomstandighedenwet', 'in'], ['vluchtelingenachtergron', 'd'],
  ];
  it('decides as areTwoWords does whatever spelling says, and leaves to spelling what the document cannot tell', () => {
    const decided = pairs.map(([a, b]) => decidedByDocument(a, b, printed));
    expect(decided).toEqual([true, false, false, null, null, null, null, null]);
    for (const [[a, b], d] of pairs.map((p, i) => [p, decided[i]] as const)) {
      if (d === null) continue;
      for (const spells of [() => true, () => false]) expect(areTwoWords(a, b, { printed, spellsDutch: spells })).toBe(d);
    }
  });
});

describe('markPageEndBreak (a word a page end broke at the column edge)', () => {
  const words = { printed: new Set(['omgangsvormen', 'in', 'april', 'n']), spellsDutch: (w: string) => ['omgangsvormen', 'verwijsmogelijkheden'].includes(w.toLowerCase()) };
  it('ends the part before the page end with a soft hyphen where the two parts are one word, which the page-break join drops with the space', () => {
    const marked = markPageEndBreak('Klachtencommissie Ongewenste Omgangsvorme', 'n in april 2023', words);
    expect(marked).toBe('Klachtencommissie Ongewenste Omgangsvorme\u00ad');
    expect(joinWrapped(marked, 'n in april 2023')).toBe('Klachtencommissie Ongewenste Omgangsvormen in april 2023');
    expect(joinWrapped(markPageEndBreak('doorverwijzing en verwijsmogelijkhede', 'n.', words), 'n.')).toBe('doorverwijzing en verwijsmogelijkheden.');
  });
  it('leaves two words as they are, and a part on the next page that does not start in a lower-case letter', () => {
    expect(markPageEndBreak('voor de Omgangsvormen', 'in april', words)).toBe('voor de Omgangsvormen');
    expect(markPageEndBreak('Omgangsvorme', 'N.B. iets', words)).toBe('Omgangsvorme');
  });
});

describe('Dutch spelling (Hunspell with OpenTaal\'s dictionary)', () => {
  it('knows compounds from the dictionary\'s compound rules, and that a linking form alone is no word', async () => {
    const spells = await dutchSpeller();
    expect(['ervaringsdeskundigen', 'werkcultuur', 'bewustwordingscampagne', 'Omgangsvormen', 'contactpersoon'].map(spells)).toEqual([true, true, true, true, true]);
    expect(['bewustwordings', 'organisati', 'vrouwonvriendelijkewerkcultuur', 'grensoverschrijdendgedrag'].map(spells)).toEqual([false, false, false, false]);
  });
});

describe('lines that may end in a broken word (BROKEN_WORD_LINE)', () => {
  it.each([["'Mannenemancipati"], ['(grensoverschrijden'], ['‘Seksuele'], ['ervaringsdeskundig'], ['studenten(organisati'], ['(overzichts-)literatuu'], ['www.seksueleopvoe']])('%j: one run of text ending in three letters or more', (line) => {
    expect(BROKEN_WORD_LINE.test(line)).toBe(true);
  });
  it.each([['organisaties, de'], ['gedrag.'], ['ab'], ['2023-ab']])('%j: not one run ending in three letters', (line) => {
    expect(BROKEN_WORD_LINE.test(line)).toBe(false);
  });
});
