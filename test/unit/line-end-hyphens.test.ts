/**
 * Line-end hyphens inside a word (src/readers/pdf/line-end-hyphens.ts): marked where a cell's
 * lines join, and resolved once the whole document is read. The cases are the ones pdfLaTeX prints
 * (fixtures/latex-generated/latex-a4-landscape-top-hyphenated-times: 98 hyphenations, English
 * patterns) and the hyphens the 2024 annex's text has, which narrow columns break
 * (fixtures/word-generated/*-a5-*: `Regerings-` / `commissaris`).
 */
import { describe, expect, it } from 'vitest';
import { joinWrapped } from '../../src/model/wrapped-text.js';
import { dutchSpeller } from '../../src/readers/pdf/dutch-spelling.js';
import { LINE_END_HYPHEN, documentHyphenates, markLineEndHyphen, markPageEndHyphen, pageEndHyphen, printedWords, resolveLineEndHyphens } from '../../src/readers/pdf/line-end-hyphens.js';

const M = LINE_END_HYPHEN;
const join = (a: string, b: string): string => markLineEndHyphen(a, b, joinWrapped(a, b));

describe('markLineEndHyphen', () => {
  it('marks a line-end hyphen between letters, where joinWrapped keeps it', () => {
    expect(join('het gesprek over gewenste om-', 'gangsvormen en seksueel')).toBe(`het gesprek over gewenste om-${M}gangsvormen en seksueel`);
    expect(join('de Regerings-', 'commissaris')).toBe(`de Regerings-${M}commissaris`);
    expect(join('de 5D-', 'benadering')).toBe(`de 5D-${M}benadering`);
  });
  it('leaves every other join as joinWrapped makes it', () => {
    expect(join('de klacht-', 'en meldsystemen')).toBe('de klacht- en meldsystemen'); // a conjunction follows: a word cut short
    expect(join('steun-', 'hulp- en meldpunten')).toBe('steun- hulp- en meldpunten');
    expect(join('in 2023-', '2025')).toBe('in 2023-2025'); // a period: digits
    expect(join('omgangsvor\u2010', 'men')).toBe('omgangsvormen'); // U+2010: dropped already
    expect(join('gewenste', 'omgangsvormen')).toBe('gewenste omgangsvormen');
    expect(markLineEndHyphen('gewenste om-', 'gangsvormen', 'gewenste om-\ngangsvormen')).toBe('gewenste om-\ngangsvormen'); // a paragraph gap
  });
});

describe('printedWords', () => {
  it('holds each run of letters, digits and hyphens, folded, and the parts of a hyphenated run', () => {
    expect(new Set(printedWords('De Regerings-commissaris en de 5D-benadering.'))).toEqual(
      new Set(['de', 'regerings-commissaris', 'regerings', 'commissaris', 'en', '5d-benadering', '5d', 'benadering']),
    );
    expect(new Set(printedWords('sociaal-emotionele-ontwikkeling'))).toEqual(
      new Set(['sociaal-emotionele-ontwikkeling', 'sociaal', 'emotionele', 'ontwikkeling', 'sociaal-emotionele', 'emotionele-ontwikkeling']),
    );
  });
  it('leaves out the runs next to a mark (line-end hyphens and word-breaks.ts\'s possible breaks): they are not printed whole', () => {
    expect(printedWords(`seksueel grensover-${M}schrijdend gedrag`)).toEqual(['seksueel', 'gedrag']);
    expect(printedWords('onze ervaringsdeskundig\uFFFEen en')).toEqual(['onze', 'en']);
  });
});

describe('documentHyphenates', () => {
  const printed = new Set(['seksueel', 'aandacht', 'grensoverschrijdend', 'veiligheid', 'kennis', 'regeringscommissaris', 'regerings-commissaris', 'regerings', 'commissaris', 'e-learning', 'e', 'learning', 'pop-up', 'pop', 'up']);
  const texts = [`sek-${M}sueel`, `aan-${M}dacht en grensover-${M}schrijdend`, `vei-${M}ligheid, ken-${M}nis`];
  it('is true with enough different words whose line-end hyphen the document prints nowhere, printing them whole without it (TeX: 58 such words, 1 printed with it)', () => {
    expect(documentHyphenates(texts, printed)).toBe(true);
    expect(documentHyphenates([...texts, `de e-${M}learning`, `pop-${M}up`], printed)).toBe(true);
  });
  it('is false with fewer different words, however many marks (a narrow column breaking `Regerings-commissaris` 15 times in a text that also spells `Regeringscommissaris`)', () => {
    expect(documentHyphenates(texts.slice(0, 2), printed)).toBe(false);
    expect(documentHyphenates(Array(15).fill(`de Regerings-${M}commissaris`), new Set(['regeringscommissaris']))).toBe(false);
  });
  it('is false with as many different words printed with their hyphen elsewhere as half those printed without', () => {
    expect(documentHyphenates([...texts, `de e-${M}learning`, `pop-${M}up`, `Regerings-${M}commissaris`], new Set([...printed].filter((w) => w !== 'regeringscommissaris')))).toBe(false);
  });
});

describe('resolveLineEndHyphens', () => {
  // The words the document prints (printedWords of its cells), and a Dutch word list standing in for Hunspell.
  const printed = new Set(['omgangsvormen', 'seksueel', 'regerings-commissaris', 'regerings', 'commissaris', '5d-benadering', 'klachtenregeling', 'nieuwer']);
  const dutch = new Set(['desalniettemin', 'nieuwer', 'sluis', 'instituut', 'pvda']);
  const spellsDutch = (w: string): boolean => dutch.has(w.toLowerCase());
  const hyphenating = { printed, hyphenates: true, spellsDutch };
  const plain = { printed, hyphenates: false, spellsDutch };
  it.each([
    [`gewenste om-${M}gangsvormen en`, 'gewenste omgangsvormen en'], // printed whole elsewhere, never with the hyphen
    [`(sek-${M}sueel)`, '(seksueel)'],
    [`klacht-${M}enregeling.`, 'klachtenregeling.'],
    [`de Regerings-${M}commissaris`, 'de Regerings-commissaris'], // printed with its hyphen elsewhere
    [`de 5D-${M}benadering`, 'de 5D-benadering'],
    [`desalni-${M}ettemin`, 'desalniettemin'], // printed once: Dutch spelling, the document hyphenates
    [`Gender Respon-${M}sive Public`, 'Gender Responsive Public'], // neither part a word
    [`Nieuwer-${M}sluis`, 'Nieuwer-sluis'], // no Dutch word whole, and its parts are words
    [`PvdA-${M}GL`, 'PvdA-GL'], // not plain lower-case parts
    [`Trimbos-${M}instituut`, 'Trimbos-instituut'],
  ])('in a document that hyphenates: %j → %j', (text, resolved) => {
    expect(resolveLineEndHyphens(text, hyphenating)).toBe(resolved);
  });
  it('in a document that does not hyphenate, every hyphen is kept, even where the document prints the word whole without it; spelling is not asked', () => {
    const unasked = { printed, hyphenates: false, spellsDutch: (): boolean => { throw new Error('asked'); } };
    expect(resolveLineEndHyphens(`om-${M}gangsvormen, desalni-${M}ettemin, Respon-${M}sive, Regerings-${M}commissaris`, unasked)).toBe('om-gangsvormen, desalni-ettemin, Respon-sive, Regerings-commissaris');
    expect(resolveLineEndHyphens(`Nieuwer-${M}sluis`, plain)).toBe('Nieuwer-sluis');
  });
  it('takes out a mark with no word part around it, the hyphen kept', () => {
    expect(resolveLineEndHyphens(`(-${M}a) x-${M}`, hyphenating)).toBe('(-a) x-');
  });
});

describe('Dutch spelling of the words TeX hyphenated once in the rendition', () => {
  it('knows the Dutch words, not the English one nor the joined proper name', async () => {
    const spells = await dutchSpeller();
    expect(['desalniettemin', 'Datacentrum', 'sporttuchtrecht', 'jongerenwerkers', 'aangiftebereidheid'].map(spells)).toEqual([true, true, true, true, true]);
    expect(['Responsive', 'respon', 'sive', 'PvdAGL'].map(spells)).toEqual([false, false, false, false]);
  });
});

describe('a hyphen at a page end inside a row (pageEndHyphen, markPageEndHyphen)', () => {
  // adversarial review 3's y1 (LibreOffice, automatic hyphenation): AL1-13's Toelichting ends page 4 in `voor-`, page 5 goes on `lichting …`.
  const words = { printed: new Set(['voorlichting', 'regerings-commissaris']), hyphenates: true, spellsDutch: (): boolean => false };
  it('is the marked hyphen where the join would keep it glued inside a word', () => {
    expect(pageEndHyphen('scholen en voor-', ' lichting over seksualiteit')).toBe(`voor-${M}lichting`);
    expect(pageEndHyphen('de klacht-', 'en meldsystemen')).toBeNull();
    expect(pageEndHyphen('in 2023-', '2025')).toBeNull();
    expect(pageEndHyphen('scholen en voorlichting', 'over')).toBeNull();
  });
  it('makes the last hyphen soft where it is hyphenation, which the page-break join drops', () => {
    const before = markPageEndHyphen('scholen en voor-', 'lichting over', words);
    expect(before).toBe('scholen en voor\u00ad');
    expect(joinWrapped(before, 'lichting over')).toBe('scholen en voorlichting over');
    expect(markPageEndHyphen('de Regerings-', 'commissaris', words)).toBe('de Regerings-');
    expect(markPageEndHyphen('scholen en voor-', 'lichting over', { ...words, hyphenates: false })).toBe('scholen en voor-');
  });
});
