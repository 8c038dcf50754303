/**
 * The one-pass reader's text: glyphs placed by the operator-list walk become chunks
 * (src/readers/pdf/glyph-chunks.ts). Unit cases for each rule, the walker's hand-over (a vertical
 * font makes the page fall back to pdfjs's text items), and a cross-check on real pages: the
 * lines built from these chunks read exactly as the lines built from pdfjs's getTextContent items.
 */
import { readFileSync } from 'node:fs';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { openPdf, readPageInput } from '../../../src/readers/pdf/document.js';
import { GlyphChunker, type PlacedGlyph, glyphText } from '../../../src/readers/pdf/glyph-chunks.js';
import type { Matrix } from '../../../src/readers/pdf/geometry.js';
import { walkOperatorList } from '../../../src/readers/pdf/graphics.js';
import { removeHiddenText } from '../../../src/readers/pdf/visibility.js';
import { buildPdf } from './mini-pdf.js';
import { buildLines, joinChunks } from '../../../src/readers/pdf/text.js';

const SIZE = 10;

/** Glyphs of `text` on a horizontal baseline at `y`, starting at `x`, each `advance` em wide (a space moves the pen only). */
function write(ch: GlyphChunker, text: string, x: number, y = 100, opts: { advance?: number; font?: string; size?: number; mark?: object } = {}): number {
  const size = opts.size ?? SIZE;
  const w = (opts.advance ?? 0.5) * size;
  const mark = opts.mark ?? NO_MARK;
  for (const c of text) {
    if (c === ' ') ch.space(w / size);
    else ch.glyph(glyph(c, x, y, w, opts.font ?? 'F1', size), mark);
    x += w;
  }
  return x;
}

function glyph(text: string, x: number, y: number, w: number, font = 'F1', size = SIZE): PlacedGlyph {
  return { text, font, x0: x, y0: y, x1: x + w, y1: y, ux: 1, uy: 0, em: size, height: size, ascent: 0.8, descent: 0.2 };
}

const NO_MARK = {};

describe('GlyphChunker', () => {
  it('a space character is a space even when it is as wide as the column gap (Courier: 0.6 em)', () => {
    const ch = new GlyphChunker(600, 800);
    write(ch, 'Op 22 maart', 10, 100, { advance: 0.6 });
    expect(ch.chunks().map((c) => c.text)).toEqual(['Op 22 maart']);
  });

  it('a gap of a tenth of an em or more without a space character is a word space; less is kerning', () => {
    const ch = new GlyphChunker(600, 800);
    const end = write(ch, 'Wie', 10);
    write(ch, 'OCW', end + 0.25 * SIZE);
    const end2 = write(ch, 'Kamer', 10, 200);
    write(ch, 'stuk', end2 + 0.05 * SIZE, 200);
    const end3 = write(ch, 'Q1', 10, 300);
    write(ch, '2024', end3 + 0.55 * SIZE, 300);
    expect(ch.chunks().map((c) => c.text)).toEqual(['Wie OCW', 'Kamerstuk', 'Q1 2024']);
  });

  it('a gap wider than 0.6 em ends the chunk (the next cell), also after a space character, unless spaces account for it', () => {
    const ch = new GlyphChunker(600, 800);
    const end = write(ch, 'Q1 2024', 10);
    write(ch, 'OCW', end + 0.7 * SIZE);
    const end2 = write(ch, 'Allen ', 10, 200);
    write(ch, 'VWS', end2 + 0.7 * SIZE, 200);
    expect(ch.chunks().map((c) => [c.text, c.x0])).toEqual([
      ['Q1 2024', 10],
      ['OCW', 10 + 7 * 5 + 7],
      ['Allen', 10],
      ['VWS', 10 + 6 * 5 + 7],
    ]);
  });

  it('a raised glyph, a jump back, another font or size, and the end of marked content each start a chunk', () => {
    const ch = new GlyphChunker(600, 800);
    let x = write(ch, 'brief.', 10);
    x = write(ch, '1', x, 100 - 0.35 * SIZE, { size: 6 }); // raised footnote marker
    write(ch, 'volgende', 10, 112); // next line, back at the left
    const y = write(ch, 'Een', 10, 300);
    write(ch, 'vet', y, 300, { font: 'F2' });
    const mark = { contentId: 'p1R_mc4' };
    write(ch, 'Wie', 10, 400, { mark });
    ch.end();
    write(ch, 'OCW', 10 + 3 * 5, 400, { mark: { contentId: 'p1R_mc5' } });
    const chunks = ch.chunks();
    expect(chunks.map((c) => c.text)).toEqual(['brief.', '1', 'volgende', 'Een', 'vet', 'Wie', 'OCW']);
    expect(chunks[1]).toMatchObject({ baseline: 96.5, size: 6 });
    expect(chunks.slice(5).map((c) => c.contentId)).toEqual(['p1R_mc4', 'p1R_mc5']);
  });

  it('a footnote marker sized by the text matrix (one font id, one Tf size) is a chunk of its own, and so is the text after it', () => {
    // Cairo writes `1 Tf` and sizes text with Tm: 9 pt text, a 6.5 pt marker raised 2 pt, 9 pt text again.
    const ch = new GlyphChunker(600, 800);
    let x = write(ch, 'brief', 10, 300, { size: 9 });
    x = write(ch, '1', x, 298, { size: 6.5 });
    write(ch, ' gereed in 2024', x, 300, { size: 9 });
    expect(ch.chunks().map((c) => [c.text, c.size])).toEqual([
      ['brief', 9],
      ['1', 6.5],
      ['gereed in 2024', 9],
    ]);
  });

  it('a space followed by a wider gap leaves a hole: the chunk ends, so a marker drawn into the hole later sits between the words', () => {
    const ch = new GlyphChunker(600, 800);
    const x = write(ch, 'brief ', 10, 300, { advance: 0.5 });
    write(ch, 'verder', x + 0.37 * SIZE, 300);
    write(ch, '1', x - 0.5 * SIZE, 296, { size: 6 }); // right after 'brief', before its space
    const lines = buildLines(ch.chunks());
    expect(lines.map((l) => joinChunks(l.chunks))).toEqual(['brief¹ verder']);
  });

  it('right-to-left script is flagged (the reader then takes pdfjs\'s text items for the page, which put it in logical order)', () => {
    const ch = new GlyphChunker(600, 800);
    write(ch, 'hello', 10);
    expect(ch.rightToLeft).toBe(false);
    write(ch, 'םלוע', 10, 200);
    expect(ch.rightToLeft).toBe(true);
  });

  it('boxes a chunk from its first glyph start to its last glyph end, ascent above and descent below the baseline', () => {
    const ch = new GlyphChunker(600, 800);
    write(ch, 'Afgerond ', 20);
    expect(ch.chunks()).toEqual([{ text: 'Afgerond', x0: 20, x1: 60, y0: 92, y1: 102, baseline: 100, size: 10, font: 'F1', sup: false, spans: [{ run: -1, start: 0, end: 8, x0: 20, y0: 100, x1: 60, y1: 100 }] }]);
  });

  it('glyphs off the page are not text: they are listed, consecutive ones as one piece, unless their run is reported as invisible already', () => {
    const ch = new GlyphChunker(600, 800);
    write(ch, 'weg', 700);
    write(ch, 'hier', 10);
    ch.glyph(glyph('x', 900, 100, 5), NO_MARK, true);
    expect(ch.chunks().map((c) => c.text)).toEqual(['hier']);
    expect(ch.offPage).toEqual([{ text: 'weg', box: { x0: 700, y0: 92, x1: 715, y1: 102 }, runs: [-1] }]);
  });

  it('a glyph adds its letters: ligatures spelled out, invisible format characters left out', () => {
    expect(['ﬁ', 'ﬂ', 'ﬀ', 'ﬃ', 'ﬆ', 'a\u00ad', '\u200b', 'é', '●'].map(glyphText)).toEqual(['fi', 'fl', 'ff', 'ffi', 'st', 'a', '', 'é', '●']);
  });

  it('span offsets follow the trimmed text when a glyph\'s text starts with a space', () => {
    const ch = new GlyphChunker(600, 800);
    ch.glyph(glyph(' T', 10, 100, 5), NO_MARK, false, 7);
    ch.glyph(glyph('x', 15, 100, 5), NO_MARK, false, 8);
    const [c] = ch.chunks();
    expect(c!.text).toBe('Tx');
    expect(c!.spans!.map((sp) => [sp.run, c!.text.slice(sp.start, sp.end)])).toEqual([
      [7, 'T'],
      [8, 'x'],
    ]);
  });

  it('text running down the page (baseline turned 90°) reads on along its baseline', () => {
    const ch = new GlyphChunker(600, 800);
    let y = 500;
    for (const c of 'Bijlage') {
      ch.glyph({ ...glyph(c, 50, y, 5), x1: 50, y1: y - 5, ux: 0, uy: -1 }, NO_MARK);
      y -= 5;
    }
    expect(ch.chunks().map((c) => c.text)).toEqual(['Bijlage']);
  });
});

describe('the operator-list walk hands glyphs over', () => {
  const FLIP: Matrix = [1, 0, 0, -1, 0, 800];
  const opList = (fontSize: number) => ({
    fnArray: [OPS.beginText, OPS.setFont, OPS.setTextMatrix, OPS.showText, OPS.endText],
    argsArray: [
      null,
      ['F1', fontSize],
      [[1, 0, 0, 1, 72, 700]],
      [[{ unicode: 'W', width: 900 }, { unicode: 'i', width: 250 }, { unicode: 'e', width: 500 }, { unicode: ' ', width: 250, isSpace: true }, -2000, { unicode: 'O', width: 700 }]],
      null,
    ],
  });

  it('places each glyph by font size, font matrix and TJ offsets: "Wie" and, 2 em on, "O"', () => {
    const ch = new GlyphChunker(600, 800);
    walkOperatorList(opList(10), FLIP, () => ({ fontMatrix: [0.001, 0, 0, 0.001, 0, 0], ascent: 0.9, descent: -0.25 }), undefined, undefined, ch);
    const chunks = ch.chunks();
    expect(chunks.map((c) => [c.text, c.x0, c.x1, c.baseline, c.size])).toEqual([
      ['Wie', 72, 88.5, 100, 10],
      ['O', 72 + 16.5 + 2.5 + 20, 72 + 16.5 + 2.5 + 20 + 7, 100, 10],
    ]);
    expect(chunks[0]).toMatchObject({ y0: 91, y1: 102.5 });
    expect(ch.vertical).toBe(false);
  });

  it('a vertical font is flagged, so that the page is read with pdfjs text items instead', () => {
    const ch = new GlyphChunker(600, 800);
    walkOperatorList(opList(10), FLIP, () => ({ vertical: true }), undefined, undefined, ch);
    expect(ch.vertical).toBe(true);
  });
});

describe('cross-check against pdfjs text items', () => {
  // image-letter is set in Courier, whose space is exactly pdfjs's 0.6 em item-break width: pdfjs
  // splits its lines at some spaces and not at others (rounding), so only its lines are compared.
  const PAGES: [string, number[], 'chunks' | 'lines'][] = [
    ['fixtures/nap-2024/bijlage-1-rendition.pdf', [1, 9, 16], 'chunks'],
    ['fixtures/word-generated/wingdings-a4-landscape-calibri.pdf', [1, 12], 'chunks'],
    ['fixtures/word-generated/shading-a4-landscape-calibri-tagged.pdf', [5], 'chunks'],
    ['fixtures/pdf-generated/image-letter.pdf', [1], 'lines'],
  ];

  it.each(PAGES)('%s: every line (and chunk) reads the same from the glyph chunks as from getTextContent', async (file, pages, compare) => {
    const task = openPdf(new Uint8Array(readFileSync(file)));
    try {
      const doc = await task.promise;
      for (const n of pages) {
        const page = await doc.getPage(n);
        const lines = async (source: 'operator-list' | 'text-content') => buildLines((await readPageInput(page, n, undefined, source)).chunks);
        const own = await lines('operator-list');
        const theirs = await lines('text-content');
        expect(own.length, `${file} page ${n}`).toBeGreaterThan(20);
        expect(own.map((l) => joinChunks(l.chunks)), `${file} page ${n}`).toEqual(theirs.map((l) => joinChunks(l.chunks)));
        // The operator list carries text matrices as 32-bit floats: baselines agree to a hundredth of a point.
        own.forEach((l, i) => expect(Math.abs(l.baseline - theirs[i]!.baseline), `${file} page ${n} line ${i}`).toBeLessThan(0.01));
        if (compare === 'chunks') {
          own.forEach((l, i) => expect(l.chunks.map((c) => c.text), `${file} page ${n} line ${i}`).toEqual(theirs[i]!.chunks.map((c) => c.text)));
        }
      }
    } finally {
      await task.destroy();
    }
  });
});

describe('lines from chunks (text.ts buildLines)', () => {
  it('a subscript in lines set close together (0.9 em) stays with its word, not a footnote marker of the next line', () => {
    const ch = new GlyphChunker(600, 800);
    let x = write(ch, 'Uitstoot CO', 10, 300);
    x = write(ch, '2', x, 302.5, { size: 6 });
    write(ch, '-reductie', x, 300);
    write(ch, 'volgende regel tekst', 10, 309);
    expect(buildLines(ch.chunks()).map((l) => joinChunks(l.chunks))).toEqual(['Uitstoot CO2-reductie', 'volgende regel tekst']);
  });

  it('a subscript right after a word joins its line as plain text; a small line a full line lower does not', () => {
    const ch = new GlyphChunker(600, 800);
    let x = write(ch, 'CO', 10, 300);
    x = write(ch, '2', x, 302.5, { size: 7 }); // lowered 0.25 em
    write(ch, '-uitstoot', x, 300);
    write(ch, 'klein', 10, 312, { size: 7 }); // the next line, in a smaller size
    const lines = buildLines(ch.chunks());
    expect(lines.map((l) => [joinChunks(l.chunks), l.baseline, l.size])).toEqual([
      ['CO2-uitstoot', 300, 10],
      ['klein', 312, 7],
    ]);
  });
});

describe('hidden runs cut out of glyph chunks', () => {
  it('a hidden word in text turned 90° leaves two pieces, each placed where its glyphs are', async () => {
    const bytes = buildPdf([{ content: 'BT /F1 10 Tf 0 1 -1 0 300 100 Tm (Up ) Tj 3 Tr (secret) Tj 0 Tr ( text) Tj ET' }], [595, 842]);
    const task = openPdf(bytes);
    try {
      const page = await (await task.promise).getPage(1);
      const input = await readPageInput(page, 1);
      expect(input.visibility!.hidden.map((h) => [h.text, h.reason])).toEqual([['secret', 'render-mode']]);
      const pieces = input.chunks.map((c) => ({ text: c.text, baseline: Math.round(c.baseline) }));
      // Page y grows downwards; the text runs up the page from y = 842 - 100.
      expect(pieces).toEqual([
        { text: 'Up', baseline: 742 },
        // "Up secret " in Helvetica: U p ␣ s e c r e t ␣ = 4.557 em at 10 pt.
        { text: 'text', baseline: 742 - Math.round(10 * (0.722 + 0.556 + 0.278 + 0.5 + 0.556 + 0.5 + 0.333 + 0.556 + 0.278 + 0.278)) },
      ]);
    } finally {
      await task.destroy();
    }
  });

  it('removeHiddenText on chunks with spans cuts exactly the hidden run\'s characters', () => {
    const ch = new GlyphChunker(600, 800);
    let x = 10;
    for (const [word, run] of [['Zichtbaar', 1], ['geheim', 2], ['einde.', 3]] as const) {
      ch.space(0.25);
      for (const c of word) {
        ch.glyph(glyph(c, x, 100, 5), NO_MARK, false, run);
        x += 5;
      }
      x += 2.5;
    }
    const graphics = { shapes: [], rulings: [], glyphs: [], images: [], runs: [], hiddenRuns: [{ box: { x0: 57.5, y0: 92, x1: 87.5, y1: 102 }, text: 'geheim', reason: 'render-mode' as const, run: 2 }], hiddenMarks: 0, paints: [] };
    const visible = removeHiddenText(ch.chunks(), graphics);
    expect(visible.chunks.map((c) => [c.text, c.x0, c.x1])).toEqual([
      ['Zichtbaar', 10, 55],
      ['einde.', 90, 120],
    ]);
    expect([...visible.hiddenRunIds]).toEqual([2]);
  });
});
