/**
 * The generated PDF renditions (fixtures/pdf-generated/, scripts/pdf-rendition/): truth consistent
 * with the annex data, and the PDFs say what the truth says (checked with pdfjs-dist, independent
 * of pdftotext). That the generator still makes them byte for byte is pdf-generated.full.test.ts
 * (full tier: corpus regeneration).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAnnexData, STATUS_LABELS, type AnnexData } from '../scripts/pdf-rendition/annex-data.js';
import { FIXTURE_DIR, VARIANTS, type Truth } from '../scripts/pdf-rendition/generate.js';

const STATUS_COUNTS: Record<string, number> = {
  Afgerond: 15,
  'In uitvoering': 38,
  'Doorlopend gedurende uitvoering programma': 20,
  'In uitvoering met vertraging': 5,
  'Nog niet begonnen of afgebroken': 5,
};

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

let data: AnnexData;
beforeAll(async () => {
  data = await loadAnnexData();
});

describe('pdf rendition generator: annex data', () => {
  it('takes 83 activities, 5 action lines and 25 footnotes from the text export, markers placed', () => {
    expect(data.activities).toHaveLength(83);
    expect(data.actionLines.map((l) => l.number)).toEqual([1, 2, 3, 4, 5]);
    expect(data.footnotes).toHaveLength(25);
    const markers = data.activities.flatMap((a) =>
      a.blocks.flatMap((b) => (b.type === 'paragraph' ? b.words : b.items.flat())).flatMap((w) => w.markers.map((m) => m.number)),
    );
    expect(markers.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // both marker forms of the export survive: after a space and glued
    const all = data.activities.flatMap((a) => a.blocks.flatMap((b) => (b.type === 'paragraph' ? b.words : b.items.flat())).flatMap((w) => w.markers));
    expect(all.some((m) => m.spaced)).toBe(true);
    expect(all.some((m) => !m.spaced)).toBe(true);
  });
});

describe.each(VARIANTS.map((v) => [v.name, v] as const))('generated rendition %s', (name, variant) => {
  const truth = readTruth(name);

  it('is under 300 KB', () => {
    expect(statSync(join(FIXTURE_DIR, `${name}.pdf`)).size).toBeLessThan(300 * 1024);
  });

  it('has a truth file consistent with the annex data', () => {
    expect(truth.activities).toHaveLength(83);
    const counts: Record<string, number> = {};
    for (const a of truth.activities) counts[a.status] = (counts[a.status] ?? 0) + 1;
    expect(counts).toEqual(STATUS_COUNTS);
    expect(Object.keys(truth.palette)).toEqual(STATUS_LABELS);
    expect(new Set(Object.values(truth.palette)).size).toBe(5);
    truth.activities.forEach((a, i) => {
      const d = data.activities[i]!;
      expect([a.id, a.actionLine, a.title, a.planning, a.owners, a.footnotes]).toEqual([d.id, d.actionLine, d.title, d.planning, d.owners, d.footnotes]);
      expect(a.page).toBe(a.pages[0]);
      expect(a.split).toBe(a.pages.length > 1);
      expect(a.pages.every((p, k) => p >= 1 && p <= truth.pages && (k === 0 || p === a.pages[k - 1]! + 1))).toBe(true);
    });
    const starts = truth.activities.map((a) => a.page);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // every footnote is defined once, on a page where a row citing it is printed
    expect(truth.footnotes.map((f) => f.number).sort((a, b) => a - b)).toEqual(data.footnotes.map((f) => f.number));
    for (const f of truth.footnotes) {
      const citing = truth.activities.filter((a) => a.footnotes.includes(f.number));
      expect(citing.some((a) => a.pages.includes(f.page))).toBe(true);
    }
    expect(truth.substitutions).toEqual([]);
  });

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
});

describe('generated renditions as a set', () => {
  const truths = VARIANTS.map((v) => readTruth(v.name));

  it('vary page size, font and icon kind, use distinct palettes, and split rows at least once', () => {
    expect(new Set(truths.map((t) => t.pageSize.join('x'))).size).toBeGreaterThanOrEqual(3);
    expect(new Set(truths.map((t) => t.font))).toEqual(new Set(['Helvetica', 'Times-Roman', 'Courier']));
    expect(new Set(truths.map((t) => t.icon.kind))).toEqual(new Set(['vector', 'glyph', 'image']));
    const colours = truths.flatMap((t) => Object.values(t.palette));
    expect(new Set(colours).size).toBe(colours.length);
    expect(truths.some((t) => t.activities.some((a) => a.split))).toBe(true);
  });

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
