/**
 * Notes labelled with letters (Word's "a, b, c" numbering): note-letters.ts rewrites the raised
 * letters to their numbers before layout, only in a document whose labels run from `a`; Roman
 * endnote labels (`i`, `ii`) and ordinals (`2ᵉ`) stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { letterLabel, letterLabelValue } from '../../../src/model/superscript.js';
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
    expect([1, 9, 22, 26, 27, 28, 53].map(letterLabel)).toEqual(['a', 'i', 'v', 'z', 'aa', 'bb', 'aaa']);
    expect(['ab', 'ste', 'A', '1', ''].map(letterLabelValue)).toEqual([null, null, null, null, null]);
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
    expect(found).toEqual({ last: 9, rewritten: 12 });
    expect(texts(p1).slice(0, 4)).toEqual(['publieksmonitor gedrag .|1|De monitor', 'op 8 maart 2024|2|met de Kamer', 'de 2|e|helft van 2024', '1|Kamerstukken II 2023/24, 32840, nr. 1']);
    expect(texts(p2)).toEqual(['gedeeld.|9|Zie ook', '9|Te vinden op: www.rcgog.nl']);
  });

  it('leaves Roman endnote labels (i, ii, iii) to be read as Roman numerals', () => {
    const p = page(1, [line(100, ['gedrag'], ['ii', true, 0]), line(500, ['i', true], ['Een']), line(510, ['ii', true], ['Twee']), line(520, ['iii', true], ['Drie'])]);
    expect(rewriteLetterLabels([p])).toBeNull();
    expect(texts(p)).toEqual(['gedrag|ii', 'i|Een', 'ii|Twee', 'iii|Drie']);
  });

  it('needs the labels to start at a and leave no letter out, and more than one of them', () => {
    const only = page(1, [line(100, ['tekst'], ['a', true, 0]), line(500, ['a', true], ['Een'])]);
    expect(rewriteLetterLabels([only])).toBeNull();
    const gap = page(1, [line(500, ['a', true], ['Een']), line(510, ['c', true], ['Drie'])]);
    expect(rewriteLetterLabels([gap])).toBeNull();
    expect(texts(gap)).toEqual(['a|Een', 'c|Drie']);
  });

  it('reads letters that restart on each page (a, b on page 1, a on page 2)', () => {
    const p1 = page(1, [line(100, ['een'], ['a', true, 0]), line(112, ['twee'], ['b', true, 0]), line(500, ['a', true], ['Een']), line(510, ['b', true], ['Twee'])]);
    const p2 = page(2, [line(100, ['drie'], ['a', true, 0]), line(500, ['a', true], ['Drie'])]);
    expect(rewriteLetterLabels([p1, p2])).toEqual({ last: 2, rewritten: 6 });
    expect(texts(p2)).toEqual(['drie|1', '1|Drie']);
  });
});
