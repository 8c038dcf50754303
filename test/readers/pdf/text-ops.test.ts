/**
 * The one-pass reader (text from the operator list, text-ops.ts) against the two-pass reader
 * (pdfjs getTextContent): the same page model on every PDF fixture, and the same text items on
 * small content streams that exercise the text operators.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/model/diagnostics.js';
import { openPdf } from '../../../src/readers/pdf/document.js';
import { readPdf } from '../../../src/readers/pdf/index.js';
import { type FontInfo, textFromOperatorList, unFloat32 } from '../../../src/readers/pdf/text-ops.js';
import { buildPdf } from './mini-pdf.js';

const PDFS = [
  'fixtures/nap-2024/bijlage-1-rendition.pdf',
  'fixtures/pdf-generated/glyph-a4-portrait.pdf',
  'fixtures/pdf-generated/image-letter.pdf',
  'fixtures/pdf-generated/split-letter-portrait.pdf',
  'fixtures/pdf-generated/vector-a4-landscape.pdf',
];

describe.each(PDFS)('one-pass page model of %s', (file) => {
  it('equals the two-pass page model, diagnostics included', async () => {
    const bytes = new Uint8Array(readFileSync(file));
    const read = async (textSource: 'operator-list' | 'text-content') => {
      const diagnostics = new DiagnosticBag(file);
      const model = await readPdf(bytes, { diagnostics, workers: 1, textSource });
      return { model, diagnostics: JSON.parse(JSON.stringify(diagnostics)) as unknown };
    };
    const two = await read('text-content');
    const one = await read('operator-list');
    // Deep-equal, floats included (Tm values are recovered from Float32, see text-ops.ts; the
    // page model rounds positions, so the ≤ 2e-5 pt that remain never show).
    expect(one.model).toEqual(two.model);
    expect(one.diagnostics).toEqual(two.diagnostics);
  }, 60_000);
});

interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL: boolean;
}

async function bothItems(content: string, images = false): Promise<{ text: Item[]; ops: Item[] | null }> {
  const rgb = new Uint8Array(4 * 4 * 3).fill(200);
  const pdf = buildPdf([{ content, images: images ? [{ name: 'Im1', width: 4, height: 4, rgb }] : [] }]);
  const task = openPdf(pdf);
  try {
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const [tc, ol] = await Promise.all([page.getTextContent(), page.getOperatorList({ annotationMode: 0 })]);
    const fonts = (name: string): FontInfo | undefined => (page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontInfo) : undefined);
    const pick = (i: Item): Item => ({ str: i.str, transform: [...i.transform], width: i.width, height: i.height, fontName: i.fontName, hasEOL: i.hasEOL });
    const ops = textFromOperatorList(ol, page.view, fonts);
    return { text: (tc.items as Item[]).map(pick), ops: ops && ops.items.map(pick) };
  } finally {
    await task.destroy();
  }
}

/** Numbers equal to 1e-9 relative (Float32 recovery), everything else exactly. */
function expectSameItems(ops: Item[] | null, text: Item[]): void {
  expect(ops).not.toBeNull();
  expect(ops!.map((i) => [i.str, i.fontName, i.hasEOL])).toEqual(text.map((i) => [i.str, i.fontName, i.hasEOL]));
  ops!.forEach((a, k) => {
    const b = text[k]!;
    for (const [x, y] of [[a.width, b.width], [a.height, b.height], ...a.transform.map((v, j) => [v, b.transform[j]!])] as [number, number][]) {
      expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(y)));
    }
  });
}

const CASES: [string, string][] = [
  ['Tj, Td, TD, T*, TL', 'BT /F1 10 Tf 12 TL 50 500 Td (Hello world) Tj T* (second line) Tj 0 -14 TD (third) Tj T* (fourth) Tj ET'],
  ['TJ kerning: small (joined), word gap (space), column gap (new item)', 'BT /F1 9 Tf 40 400 Td [(Kern) -30 (ed) -250 (word) -900 (col) 20 (umn)] TJ ET'],
  ['TJ numbers first, in a row, and zero', 'BT /F1 9 Tf 2 Tc 40 380 Td [-500 (a) 0 (b) -100 -100 (c)] TJ ET'],
  ["' and \" operators", 'BT /F1 8 Tf 10 TL 60 300 Td (one) Tj (two) \' 3 1 (three) " ET'],
  ['Tc, Tw, Tz', 'BT /F1 10 Tf 1.5 Tc 4 Tw 80 Tz 30 250 Td (spaced out words here) Tj ET'],
  ['Ts superscript and font change', 'BT /F1 10 Tf 30 200 Td (word) Tj /F1 6 Tf 4 Ts (12) Tj 0 Ts /F1 10 Tf ( more) Tj ET'],
  ['cm, q/Q inside BT, Tm with decimals', 'q 0.75 0 0 0.75 10.5 20.25 cm BT /F1 12 Tf 1 0 0 1 100.123 600.456 Tm (scaled) Tj q 2 0 0 2 0 0 cm (inner) Tj Q (after) Tj ET Q'],
  ['rotated text', 'BT /F1 10 Tf 0 1 -1 0 300 100 Tm (up the page) Tj ET BT /F1 10 Tf 0.8660254 0.5 -0.5 0.8660254 200 100 Tm (thirty degrees) Tj ET'],
  ['symbol font next to text', 'BT /F2 9 Tf 40 150 Td (l) Tj /F1 9 Tf 10 0 Td (Afgerond) Tj ET'],
  ['text off the page', 'BT /F1 10 Tf -200 100 Td (outside) Tj 250 0 Td (inside) Tj ET'],
  ['same line after a line break and back', 'BT /F1 10 Tf 40 120 Td (abc) Tj 0 -12 Td (def) Tj 30 12 Td (ghi) Tj ET'],
  ['overlapping text (negative advance)', 'BT /F1 10 Tf 40 90 Td (first) Tj -40 0 Td (again) Tj ET'],
  ['marked content ends items', 'BT /F1 10 Tf 40 60 Td /Span BMC (in) Tj EMC (out) Tj ET'],
];

describe('text items from the operator list equal getTextContent', () => {
  it.each(CASES)('%s', async (_name, content) => {
    const { text, ops } = await bothItems(content);
    expectSameItems(ops, text);
  });

  it('an image XObject ends the item, as Do does in getTextContent', async () => {
    const { text, ops } = await bothItems('BT /F1 10 Tf 40 500 Td (before) Tj ET q 8 0 0 8 75 500 cm /Im1 Do Q BT /F1 10 Tf 85 500 Td (after) Tj ET', true);
    expectSameItems(ops, text);
    expect(text.filter((i) => i.str.trim() !== '')).toHaveLength(2);
  });
});

describe('unFloat32', () => {
  it('recovers the decimal a Float32 was made from', () => {
    for (const v of [72.36, 600.456, -13.5, 0.1, 1e-3, 841.89, 0.8660254, 559.71]) expect(unFloat32(Math.fround(v))).toBe(v);
    expect(unFloat32(12)).toBe(12);
  });
});
