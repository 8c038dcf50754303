/**
 * The corpus manifest (fixtures/manifest.json) and the quick tier's share of its renditions: one
 * rendition of each producer folder read and checked against its truth (test/helpers/corpus-suite.ts);
 * the others are read by test/corpus-manifest.full.test.ts in the full tier. Also: every committed
 * rendition is listed once, the tagged and untagged exports of one document read alike, and
 * docs/pdfs.md's table is the manifest's.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { FIXTURES_DIR, type ManifestEntry } from '../scripts/corpus/manifest.js';
import { CORPUS_PAGE, corpusTable, withTable } from '../scripts/corpus/readme-table.js';
import type { ExtractResult } from '../src/pipeline.js';
import { NOT_RENDITIONS, RENDITION_FOLDERS, annexOf, describeRenditions, manifest, quickTierEntries } from './helpers/corpus-suite.js';

type Annex = ExtractResult['annex'];

const quick = quickTierEntries();
describeRenditions(manifest.renditions.filter((e) => quick.has(e.id)));

it('reads at least one rendition of each producer folder in this tier, and only renditions the manifest lists', () => {
  const folders = new Set(manifest.renditions.filter((e) => e.known === undefined).map((e) => e.file.split('/')[0]!));
  const read = [...quick].map((id) => manifest.renditions.find((e) => e.id === id));
  expect(read.every((e) => e !== undefined && e.known === undefined)).toBe(true);
  expect(new Set(read.map((e) => e!.file.split('/')[0]))).toEqual(folders);
});

it('lists every committed rendition once, with files and truths that exist', () => {
  const listed = new Set(manifest.renditions.map((r) => r.file));
  const committed = RENDITION_FOLDERS.flatMap((folder) => {
    let files: string[];
    try {
      files = readdirSync(join(FIXTURES_DIR, folder));
    } catch {
      return [];
    }
    return files.filter((f) => /\.(pdf|html)$/.test(f)).map((f) => `${folder}/${f}`);
  }).filter((f) => !NOT_RENDITIONS.has(f));
  expect([...committed].sort()).toEqual([...listed].sort());
  for (const r of manifest.renditions) {
    if (typeof r.truth === 'string') expect(() => readFileSync(join(FIXTURES_DIR, r.truth as string)), r.id).not.toThrow();
    expect(relative(FIXTURES_DIR, join(FIXTURES_DIR, r.file)).startsWith('..')).toBe(false);
  }
  // The corpus as the issue asks for it: several producers, tagged and untagged, and the known gaps are measured.
  expect(manifest.renditions.length).toBeGreaterThanOrEqual(17);
  expect(manifest.renditions.some((r) => r.layout.tagged) && manifest.renditions.some((r) => !r.layout.tagged)).toBe(true);
  for (const r of manifest.renditions) if (r.known !== undefined) expect(r.known.length, r.id).toBeGreaterThan(20);
});

it('the tagged and untagged exports of one document give the same annex', async () => {
  const byTruth = new Map<string, ManifestEntry[]>();
  for (const r of manifest.renditions) if (typeof r.truth === 'string' && r.known === undefined) byTruth.set(r.truth, [...(byTruth.get(r.truth) ?? []), r]);
  const pairs = [...byTruth.values()].filter((rs) => rs.length === 2 && rs[0]!.layout.tagged !== rs[1]!.layout.tagged);
  expect(pairs.length).toBeGreaterThanOrEqual(1);
  const data = (x: Annex): unknown => ({ actionLines: x.actionLines, activities: x.activities, footnotes: x.footnotes, legend: x.legend });
  for (const [a, b] of pairs) {
    const [x, y] = await Promise.all([annexOf(a!), annexOf(b!)]);
    expect(data(x.annex), `${a!.id} vs ${b!.id}`).toEqual(data(y.annex));
  }
});

it("docs/pdfs.md's table of the corpus is the one the manifest gives (npx tsx scripts/corpus/readme-table.ts --write)", () => {
  const page = readFileSync(CORPUS_PAGE, 'utf8');
  expect(page).toBe(withTable(page, corpusTable(manifest)));
  for (const r of manifest.renditions) expect(page).toContain(`\`${r.file}\``);
});
