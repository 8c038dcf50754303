/**
 * The whole pipeline on every committed PDF rendition (fixtures/pdf-generated/*.pdf) against its
 * truth file, and on a rendition generated here with a palette no committed file uses.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Truth, FIXTURE_DIR, generateVariant, variantByName } from '../../../scripts/pdf-rendition/generate.js';
import { palette } from '../../../scripts/pdf-rendition/variants.js';
import { type ExtractResult, extractAnnex } from '../../../src/pipeline.js';

const NAMES = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.truth.json'))
  .map((f) => f.slice(0, -'.truth.json'.length))
  .sort();

function readTruth(name: string): Truth {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.truth.json`), 'utf8')) as Truth;
}

it('finds the committed variants', () => {
  expect(NAMES.length).toBeGreaterThanOrEqual(4);
});

describe.each(NAMES)('extractAnnex on generated rendition %s', (name) => {
  const truth = readTruth(name);
  let annex: ExtractResult['annex'];
  beforeAll(async () => {
    ({ annex } = await extractAnnex(new Uint8Array(readFileSync(join(FIXTURE_DIR, `${name}.pdf`))), { fileName: `${name}.pdf` }));
  });

  it('has the page count, action lines and 83 activities of the truth', () => {
    expect(annex.source.pageCount).toBe(truth.pages);
    expect(annex.actionLines.map((a) => [a.number, a.title])).toEqual(truth.actionLines.map((a) => [a.number, a.title]));
    expect(truth.activities).toHaveLength(83);
    expect(annex.activities.map((a) => a.title)).toEqual(truth.activities.map((a) => a.title));
  });

  it('reads every row like the truth: status label, planning, owners, footnotes, start page', () => {
    const got = annex.activities.map((a) => ({
      title: a.title,
      actionLine: a.actionLine,
      status: a.status?.label ?? null,
      foundBy: a.status?.foundBy ?? null,
      planning: a.planning.text,
      owners: a.owners.text,
      footnotes: a.footnotes,
      page: a.location.page,
    }));
    const want = truth.activities.map((t) => ({
      title: t.title,
      actionLine: t.actionLine,
      status: t.status,
      foundBy: 'icon',
      planning: t.planning,
      owners: t.owners,
      footnotes: t.footnotes,
      page: t.page,
    }));
    expect(got).toEqual(want);
  });

  it('has the 25 footnotes of the truth, texts as printed', () => {
    expect(truth.footnotes).toHaveLength(25);
    expect(annex.footnotes.map((f) => [f.number, f.text])).toEqual(truth.footnotes.map((f) => [f.number, f.text]));
  });

  it('reports only NAP013 (no edition printed), NAP501 (truncated Actielijn 2 title) and one NAP108 per split row', () => {
    const splits = truth.activities.filter((a) => a.split).length;
    const codes = annex.diagnostics.map((d) => d.code).sort();
    expect(codes).toEqual(['NAP013', ...Array<string>(splits).fill('NAP108'), 'NAP501']);
  });
});

describe('extractAnnex on a rendition generated with an unseen palette', () => {
  // Five colours no committed variant (nor the 2024 rendition) uses; two of them close in hue.
  const colours = ['#0b7a75', '#7a0b56', '#556b2f', '#c45a00', '#a0522d'] as const;
  const variant = { ...variantByName('glyph-a4-portrait'), name: 'glyph-unseen-palette', palette: palette(colours) };

  it('reads all 83 statuses from the icon colours', async () => {
    const committed = NAMES.flatMap((n) => Object.values(readTruth(n).palette));
    for (const c of colours) expect(committed).not.toContain(c);
    const { pdf, truth } = await generateVariant(variant);
    const { annex } = await extractAnnex(pdf, { fileName: 'unseen.pdf' });
    expect(annex.activities.map((a) => [a.title, a.status?.label, a.status?.iconColor])).toEqual(
      truth.activities.map((t) => [t.title, t.status, variant.palette[t.status]]),
    );
  });
});
