/**
 * Corpus regeneration (full tier): the generator of the PDF renditions (scripts/pdf-rendition/)
 * still makes every committed file byte for byte, as `generate.ts --check` does, and makes the
 * benchmark's scaled annex deterministically. The committed files' content is checked in
 * pdf-generated.test.ts (quick tier).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, VARIANTS, generateScaledAnnexWithTruth, generateVariant, truthJson } from '../scripts/pdf-rendition/generate.js';

describe.each(VARIANTS.map((v) => [v.name, v] as const))('generated rendition %s', (name, variant) => {
  it('regenerates byte for byte (PDF and truth file)', async () => {
    const { pdf, truth: fresh } = await generateVariant(variant);
    expect(Buffer.compare(Buffer.from(pdf), readFileSync(join(FIXTURE_DIR, `${name}.pdf`)))).toBe(0);
    expect(truthJson(fresh)).toBe(readFileSync(join(FIXTURE_DIR, `${name}.truth.json`), 'utf8'));
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
