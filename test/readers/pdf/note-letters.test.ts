/**
 * Notes labelled with letters (Word's "a, b, c" numbering): note-letters.ts rewrites the raised
 * letters to their numbers before layout, only in a document whose labels run from `a`; Roman
 * endnote labels (`i`, `ii`) and ordinals (`2ᵉ`) stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { letterLabel, letterLabelValue, symbolLabel, symbolLabelValue, upperRoman, upperRomanValue } from '../../../src/model/superscript.js';
import { rewriteLetterLabels } from '../../../src/readers/pdf/note-letters.js';
import type { PageContent } from '../../../src/readers/pdf/page-content.js';
import type { Chunk, Line } from '../../../src/readers/pdf/text.js';

/** A chunk at x (width from its length), on baseline y; `sup` raised and smaller. */
const chunk = (text: string, x: number, y: number, sup = false): Chunk => {
  const size = sup ? 5.5 : 9;
  return { text, x0: x, x1: x + 0.5 * size * text.length, y0: y - 0.8 * size, y1: y + 0.2 * size, baseline: sup ? y - 3 : y, size, font: 'F1', sup };
};
/** Chunks one after another on baseline y, each `gap` pt after the one before (0: glued). */
const line = (y: number, ...parts: [string, boolean?, number?][]): Line => {
  const chunks: Chunk[] = [];
  let x = 40;
  for (const [text, sup = false, gap = 2.5] of parts) {
    const c = chunk(text, chunks.length === 0 ? x : x + gap, y, sup);
    chunks.push(c);
    x = c.x1;
  }
  return { chunks, baseline: y, size: 9, x0: chunks[0]!.x0, y0: y - 7.2, x1: x, y1: y + 1.8 };
};
const page = (number: number, lines: Line[]): PageContent => ({ number, lines }) as unknown as PageContent;
const texts = (p: PageContent): string[] => p.lines.map((l) => l.chunks.map((c) => c.text).join('|'));

describe('letter labels', () => {
  it('counts a … z, then aa, bb …, as Word numbers notes in letters', () => {
    expect(['a', 'b', 'i', 'v', 'x', 'y', 'z', 'aa', 'bb', 'zz', 'aaa'].map(letterLabelValue)).toEqual([1, 2, 9, 22, 24, 25, 26, 27, 28, 52, 53]);
    expect([1, 9, 22, 26, 27, 28, 53].map((n) => letterLabel(n))).toEqual(['a', 'i', 'v', 'z', 'aa', 'bb', 'aaa']);
    expect(['A', 'BB'].map(letterLabelValue)).toEqual([1, 28]);
    expect(letterLabel(28, true)).toBe('BB');
    expect(['ab', 'ste', 'Aa', '1', ''].map(letterLabelValue)).toEqual([null, null, null, null, null]);
  });
});

describe('rewriteLetterLabels', () => {
  it('reads a document whose notes run a, b, c … (i after h is a letter): labels and markers become numbers, ordinals stay', () => {
    const labels = 'abcdefgh'.split('').map((l, i) => line(500 + 10 * i, [l, true], [`Kamerstukken II 2023/24, 3284${i}, nr. ${i + 1}`, false, 0.5]));
    const p1 = page(1, [
      line(100, ['publieksmonitor gedrag .'], ['a', true], ['De monitor']),
      line(112, ['op 8 maart 2024'], ['b', true], ['met de Kamer']),
      line(124, ['de 2'], ['e', true, 0], ['helft van 2024']),
      ...labels,
    ]);
    const p2 = page(2, [line(100, ['gedeeld.'], ['i', true, 0], ['Zie ook']), line(500, ['i', true], ['Te vinden op: www.rcgog.nl', false, 0.5])]);
    const found = rewriteLetterLabels([p1, p2]);
    // 9 labels (a … i) and 3 markers (a, b, i); the ordinal 2ᵉ is none.
    expect(found).toEqual({ kind: 'letters', first: 1, last: 9, upper: false, rewritten: 12 });
    expect(texts(p1).slice(0, 4)).toEqual(['publieksmonitor gedrag .|1|De monitor', 'op 8 maart 2024|2|met de Kamer', 'de 2|e|helft van 2024', '1|Kamerstukken II 2023/24, 32840, nr. 1']);
    expect(texts(p2)).toEqual(['gedeeld.|9|Zie ook', '9|Te vinden op: www.rcgog.nl']);
  });

  it('reads capital Roman labels (Word\'s I, II, III): I, V and X as numerals, not letters', () => {
    expect([1, 4, 9, 14, 25, 39].map(upperRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XXV', 'XXXIX']);
    expect(['I', 'IV', 'XXV', 'iv', 'IIII', 'A'].map(upperRomanValue)).toEqual([1, 4, 25, null, null, null]);
    const p = page(1, [
      line(100, ['gedrag .'], ['I', true], ['De']),
      line(112, ['in 2024'], ['IV', true]),
      line(124, ['de 2'], ['X', true, 0]),
      ...['I', 'II', 'III', 'IV', 'V'].map((l, i) => line(500 + 10 * i, [l, true], [`Noot ${i + 1}`, false, 0.5])),
    ]);
    // 5 labels and 2 markers; the X glued to a digit is none.
    expect(rewriteLetterLabels([p])).toEqual({ kind: 'roman', first: 1, last: 5, upper: true, rewritten: 7 });
    expect(texts(p).slice(0, 5)).toEqual(['gedrag .|1|De', 'in 2024|4', 'de 2|X', '1|Noot 1', '2|Noot 2']);
  });

  it('reads Word\'s note symbols *, †, ‡, §, **, †† … as 1, 2, 3, 4, 5, 6 …', () => {
    expect(['*', '†', '‡', '§', '**', '††', '*******', '*†', 'x'].map(symbolLabelValue)).toEqual([1, 2, 3, 4, 5, 6, 25, null, null]);
    expect([1, 4, 5, 8, 25].map(symbolLabel)).toEqual(['*', '§', '**', '§§', '*******']);
    const p = page(1, [
      line(100, ['gedrag .'], ['*', true], ['De']),
      line(112, ['maart'], ['**', true]),
      ...['*', '†', '‡', '§', '**'].map((l, i) => line(500 + 10 * i, [l, true], [`Noot ${i + 1}`, false, 0.5])),
    ]);
    expect(rewriteLetterLabels([p])).toEqual({ kind: 'symbols', first: 1, last: 5, upper: false, rewritten: 7 });
    expect(texts(p).slice(0, 3)).toEqual(['gedrag .|1|De', 'maart|5', '1|Noot 1']);
    const gap = page(1, [line(500, ['*', true], ['Een']), line(510, ['‡', true], ['Drie'])]);
    expect(rewriteLetterLabels([gap])?.kind).toBe('unread');
    expect(texts(gap)).toEqual(['*|Een', '‡|Drie']);
  });

  it('leaves Roman endnote labels (i, ii, iii) to be read as Roman numerals', () => {
    const p = page(1, [line(100, ['gedrag'], ['ii', true, 0]), line(500, ['i', true], ['Een']), line(510, ['ii', true], ['Twee']), line(520, ['iii', true], ['Drie'])]);
    expect(rewriteLetterLabels([p])).toBeNull();
    expect(texts(p)).toEqual(['gedrag|ii', 'i|Een', 'ii|Twee', 'iii|Drie']);
  });

  it('reads a PDF cut from a longer document, whose letters start after a (c, d, e), and capitals (A, B)', () => {
    const cut = page(1, [line(100, ['tekst'], ['c', true, 0]), line(500, ['c', true], ['Drie']), line(510, ['d', true], ['Vier']), line(520, ['e', true], ['Vijf'])]);
    expect(rewriteLetterLabels([cut])).toEqual({ kind: 'letters', first: 3, last: 5, upper: false, rewritten: 4 });
    expect(texts(cut)).toEqual(['tekst|3', '3|Drie', '4|Vier', '5|Vijf']);
    const capitals = page(1, [line(100, ['tekst'], ['B', true, 0], ['en'], ['a', true, 0]), line(500, ['A', true], ['Een']), line(510, ['B', true], ['Twee'])]);
    expect(rewriteLetterLabels([capitals])).toEqual({ kind: 'letters', first: 1, last: 2, upper: true, rewritten: 3 });
    // A small raised `a` is no marker among capital labels.
    expect(texts(capitals)[0]).toBe('tekst|2|en|a');
  });

  it('reports letters that leave one out, mix capitals and small letters, or are one alone, and changes nothing', () => {
    const gap = page(4, [line(100, ['tekst'], ['a', true, 0]), line(500, ['a', true], ['Een']), line(510, ['c', true], ['Drie'])]);
    const unread = rewriteLetterLabels([gap]);
    expect(unread?.kind).toBe('unread');
    expect(unread?.kind === 'unread' && unread.labels.map((x) => [x.text, x.page])).toEqual([['a', 4], ['c', 4]]);
    expect(texts(gap)).toEqual(['tekst|a', 'a|Een', 'c|Drie']);
    const mixed = page(1, [line(500, ['a', true], ['Een']), line(510, ['B', true], ['Twee'])]);
    expect(rewriteLetterLabels([mixed])?.kind).toBe('unread');
    const alone = page(1, [line(100, ['tekst'], ['a', true, 0]), line(500, ['a', true], ['Een'])]);
    expect(rewriteLetterLabels([alone])?.kind).toBe('unread');
    expect(texts(alone)).toEqual(['tekst|a', 'a|Een']);
  });

  it('reports raised letters in the text where no notes are labelled with letters (two different at least); Roman numerals and ordinals are none', () => {
    const markers = page(2, [line(100, ['gedrag .'], ['a', true], ['De']), line(112, ['maart'], ['b', true], ['met']), line(124, ['de 2'], ['e', true, 0], ['helft'])]);
    const found = rewriteLetterLabels([markers]);
    expect(found?.kind === 'unread' && [found.labels, found.markers.map((m) => [m.text, m.page])]).toEqual([[], [['a', 2], ['b', 2]]]);
    expect(texts(markers)[0]).toBe('gedrag .|a|De');
    const one = page(1, [line(100, ['gedrag .'], ['a', true], ['De'])]);
    expect(rewriteLetterLabels([one])).toBeNull();
    const roman = page(1, [line(100, ['gedrag'], ['ii', true, 0]), line(112, ['en'], ['iv', true, 0]), line(124, ['de 21'], ['e', true, 0]), line(136, ['de 3'], ['e', true, 0])]);
    expect(rewriteLetterLabels([roman])).toBeNull();
  });

  it('reads letters that restart on each page (a, b on page 1, a on page 2)', () => {
    const p1 = page(1, [line(100, ['een'], ['a', true, 0]), line(112, ['twee'], ['b', true, 0]), line(500, ['a', true], ['Een']), line(510, ['b', true], ['Twee'])]);
    const p2 = page(2, [line(100, ['drie'], ['a', true, 0]), line(500, ['a', true], ['Drie'])]);
    expect(rewriteLetterLabels([p1, p2])).toEqual({ kind: 'letters', first: 1, last: 2, upper: false, rewritten: 6 });
    expect(texts(p2)).toEqual(['drie|1', '1|Drie']);
  });
});
