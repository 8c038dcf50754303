/**
 * The whole pipeline on a PDF rendition generated here with a palette no committed file uses. The
 * committed renditions (fixtures/pdf-generated/*.pdf) are read against their truth files by the
 * manifest test (test/corpus-manifest.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Truth, FIXTURE_DIR, generateVariant, variantByName } from '../../../scripts/pdf-rendition/generate.js';
import { palette } from '../../../scripts/pdf-rendition/variants.js';
import { extractAnnex } from '../../../src/pipeline.js';
import { cachedPages } from '../../helpers/page-cache.js';

const NAMES = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.truth.json'))
  .map((f) => f.slice(0, -'.truth.json'.length))
  .sort();

function readTruth(name: string): Truth {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.truth.json`), 'utf8')) as Truth;
}

describe('extractAnnex on a rendition generated with an unseen palette', () => {
  // Five colours no committed variant (nor the 2024 rendition) uses; two of them close in hue.
  const colors = ['#0b7a75', '#7a0b56', '#556b2f', '#c45a00', '#a0522d'] as const;
  const variant = { ...variantByName('glyph-a4-portrait'), name: 'glyph-unseen-palette', palette: palette(colors) };

  it('reads all 83 statuses from the icon colours', async () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(4);
    const committed = NAMES.flatMap((n) => Object.values(readTruth(n).palette));
    for (const c of colors) expect(committed).not.toContain(c);
    const { pdf, truth } = await generateVariant(variant);
    // The generator makes the same bytes every time (checked in the full tier), so the page cache knows them.
    const { annex } = await extractAnnex(pdf, { fileName: 'unseen.pdf' }, cachedPages);
    expect(annex.activities.map((a) => [a.title, a.status?.label, a.status?.iconColor])).toEqual(
      truth.activities.map((t) => [t.title, t.status, variant.palette[t.status]]),
    );
  });
});
