/**
 * Corpus checks of the PDF renditions (full tier): each committed PDF says what its truth says
 * (read back with pdfjs-dist, independent of the reader and of pdftotext); the generator
 * (scripts/pdf-rendition/) still makes every committed file byte for byte, as `generate.ts
 * --check` does, and makes the benchmark's scaled annex deterministically. The truth files'
 * consistency with the annex data is checked in pdf-generated.test.ts (quick tier).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../scripts/pdf-rendition/annex-data.js';
import { FIXTURE_DIR, VARIANTS, generateScaledAnnexWithTruth, generateVariant, truthJson, type Truth } from '../scripts/pdf-rendition/generate.js';

const readTruth = (name: string): Truth => JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.truth.json`), 'utf8')) as Truth;
const readPdf = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURE_DIR, `${name}.pdf`)));

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
}

interface PageText {
  /** All text items joined by spaces, white space collapsed. */
  text: string;
  /** Digit-only items drawn at under 80 % of the body size (footnote markers / definition numbers). */
  smallDigits: number[];
  fillColours: Set<string>;
  images: number;
}

async function pageTexts(doc: PDFDocumentProxy): Promise<PageText[]> {
  const out: PageText[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = content.items.filter((i): i is typeof i & { str: string; height: number } => 'str' in i);
    const sizes = items.filter((i) => i.str.trim() !== '').map((i) => i.height);
    const body = median(sizes);
    const ops = await page.getOperatorList();
    const fillColours = new Set<string>();
    let images = 0;
    ops.fnArray.forEach((fn, i) => {
      if (fn === OPS.setFillRGBColor) fillColours.add(String((ops.argsArray[i] as unknown[])[0]));
      if (fn === OPS.paintImageXObject) images++;
    });
    out.push({
      text: items.map((i) => i.str).join(' ').replace(/\s+/g, ' '),
      smallDigits: items.filter((i) => /^\d+$/.test(i.str) && i.height < body * 0.8).map((i) => Number(i.str)),
      fillColours,
      images,
    });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const firstWords = (s: string, n = 3): string => s.split(' ').slice(0, n).join(' ');


describe.each(VARIANTS.map((v) => [v.name, v] as const))('generated rendition %s', (name, variant) => {
  const truth = readTruth(name);

  it('reads back with pdfjs: page count, titles, markers, footnotes, icons', async () => {
    const doc = await openPdf(readPdf(name));
    expect(doc.numPages).toBe(truth.pages);
    const pages = await pageTexts(doc);
    for (const a of truth.activities) expect(pages[a.page - 1]!.text, `${a.id} on page ${a.page}`).toContain(firstWords(a.title));
    pages.forEach((p, i) => {
      // legend and header on every page; a page number in the footer
      for (const label of STATUS_LABELS) expect(p.text).toContain(label);
      expect(p.text).toContain('Activiteit');
      expect(p.text).toMatch(new RegExp(`(^| )(Pagina )?${i + 1}( |$)`));
      // every footnote cited or defined on this page appears as small raised digits: marker and definition
      const defined = truth.footnotes.filter((f) => f.page === i + 1).map((f) => f.number);
      for (const n of defined) expect(p.smallDigits.filter((d) => d === n).length, `footnote ${n} on page ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(p.smallDigits.every((d) => defined.includes(d))).toBe(true);
    });
    expect(pages[0]!.text).toContain('Bijlage 1.');
    // icon colours: vector and glyph icons are fills in the palette colours; images are XObjects
    const fills = new Set(pages.flatMap((p) => [...p.fillColours]));
    const used = new Set(truth.activities.map((a) => truth.palette[a.status]!));
    if (variant.icon.kind === 'image') {
      expect(pages.every((p) => p.images >= 5)).toBe(true);
      for (const c of Object.values(truth.palette)) expect(fills.has(c)).toBe(false);
    } else {
      for (const c of used) expect(fills.has(c)).toBe(true);
    }
    await doc.destroy();
  });

  it('regenerates byte for byte (PDF and truth file)', async () => {
    const { pdf, truth: fresh } = await generateVariant(variant);
    expect(Buffer.compare(Buffer.from(pdf), readFileSync(join(FIXTURE_DIR, `${name}.pdf`)))).toBe(0);
    expect(truthJson(fresh)).toBe(readFileSync(join(FIXTURE_DIR, `${name}.truth.json`), 'utf8'));
  });
});

describe('generated renditions as a set', () => {
  it('a split row continues on the next page with an empty Activiteit cell (title printed once)', async () => {
    const truth = readTruth('glyph-a4-portrait');
    const split = truth.activities.find((a) => a.split)!;
    const doc = await openPdf(readPdf('glyph-a4-portrait'));
    const pages = await pageTexts(doc);
    expect(pages[split.pages[0]! - 1]!.text).toContain(firstWords(split.title));
    expect(pages[split.pages[1]! - 1]!.text).not.toContain(split.title.split(' ').slice(0, 4).join(' '));
    await doc.destroy();
  });
});

describe('scaled annex (benchmark input)', () => {
  it('produces about N pages with unique titles, deterministically', async () => {
    const a = await generateScaledAnnexWithTruth(40);
    expect(Math.abs(a.truth.pages - 40)).toBeLessThanOrEqual(3);
    const doc = await getDocument({ data: a.pdf.slice(), verbosity: 0 }).promise;
    expect(doc.numPages).toBe(a.truth.pages);
    await doc.destroy();
    const titles = a.truth.activities.map((x) => x.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(a.truth.activities.map((x) => x.id)).size).toBe(titles.length);
    expect(titles.some((t) => t.endsWith(' (kopie 3)'))).toBe(true);
    const numbers = a.truth.footnotes.map((f) => f.number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const b = await generateScaledAnnexWithTruth(40);
    expect(Buffer.compare(Buffer.from(a.pdf), Buffer.from(b.pdf))).toBe(0);
  });
});
