/**
 * The generated PDF renditions (fixtures/pdf-generated/, scripts/pdf-rendition/): truth files
 * consistent with the annex data. That each PDF says what its truth says (read back with
 * pdfjs-dist) and that the generator still makes them byte for byte are corpus checks, in
 * pdf-generated.full.test.ts (full tier).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
});

describe('generated renditions as a set', () => {
  const truths = VARIANTS.map((v) => readTruth(v.name));

  it('vary page size, font and icon kind, use distinct palettes, and split rows at least once', () => {
    expect(new Set(truths.map((t) => t.pageSize.join('x'))).size).toBeGreaterThanOrEqual(3);
    expect(new Set(truths.map((t) => t.font))).toEqual(new Set(['Helvetica', 'Times-Roman', 'Courier']));
    expect(new Set(truths.map((t) => t.icon.kind))).toEqual(new Set(['vector', 'glyph', 'image']));
    const colors = truths.flatMap((t) => Object.values(t.palette));
    expect(new Set(colors).size).toBe(colors.length);
    expect(truths.some((t) => t.activities.some((a) => a.split))).toBe(true);
  });

});
