/**
 * Output a publisher can commit and an analyst can trust, on the real 2024 annex.
 * - Identical input gives byte-identical files (annex.xlsx and the report page included); with
 *   git and zip (full tier): publish.full.test.ts.
 * - datapackage.json describes every CSV with bytes and hash, and frictionlessdata's
 *   datapackage-js reads every resource (with its Table Schema, foreign keys resolved) of
 *   `extract`, `extract --excel` and `stack`.
 * - Every cell of a numeric column (integer or number in the Table Schema) parses as a number,
 *   in every CSV nap-annex writes, --excel copies included.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Package } from 'datapackage';
import { beforeAll, describe, expect, it } from 'vitest';
import { edition2025Text } from './helpers/edition-2025.js';
import { filesUnder } from './helpers/files.js';
import { PDF_2024, TEXT_2024 } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

const EDITION = ['--edition-date', '2024-03-18', '--kamerstuk', '34843-109'];
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nap-publish-'));
  expect((await runCli(['extract', PDF_2024, '-o', join(dir, 'pdf'), '-q', ...EDITION])).status).toBe(0);
  expect((await runCli(['extract', TEXT_2024, '-o', join(dir, 'excel'), '-q', '--excel', ...EDITION])).status).toBe(0);
  writeFileSync(join(dir, 'bijlage-1-2025.txt'), edition2025Text());
  expect((await runCli(['extract', join(dir, 'bijlage-1-2025.txt'), '-o', join(dir, 'e2025'), '-q', '-f', 'json', '--edition-date', '2025-03-20'])).status).toBe(0);
  expect((await runCli(['stack', join(dir, 'pdf', 'annex.json'), join(dir, 'e2025', 'annex.json'), '-o', join(dir, 'stack'), '-q', '--excel'])).status).toBe(0);
}, 240_000);

describe('a folder a publisher can commit and upload', () => {
  it('identical input gives byte-identical files: extract (annex.xlsx included), report and stack', async () => {
    const again = mkdtempSync(join(tmpdir(), 'nap-again-'));
    const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
    expect((await runCli(['extract', TEXT_2024, '-o', join(again, 'excel'), '-q', '--excel', ...EDITION])).status).toBe(0);
    for (const f of filesUnder(join(dir, 'excel'))) expect(sha(join(again, 'excel', f)), f).toBe(sha(join(dir, 'excel', f)));
    // Plain files only: no link, no hidden folder, nothing but the set.
    expect(filesUnder(join(dir, 'excel')).filter((f) => !lstatSync(join(dir, 'excel', f)).isFile() || f.startsWith('.'))).toEqual([]);
    expect(filesUnder(join(dir, 'excel'))).toHaveLength(15);
    expect((await runCli(['stack', join(dir, 'pdf', 'annex.json'), join(dir, 'e2025', 'annex.json'), '-o', join(again, 'stack'), '-q', '--excel'])).status).toBe(0);
    for (const f of filesUnder(join(dir, 'stack'))) expect(sha(join(again, 'stack', f)), f).toBe(sha(join(dir, 'stack', f)));
    // The report of an edition with a date: the reference date is the edition's, not the day it was made.
    const pages = [join(again, 'r1.html'), join(again, 'r2.html')];
    for (const page of pages) expect((await runCli(['report', join(dir, 'pdf', 'annex.json'), '-o', page, '-q'])).status).toBe(0);
    expect(sha(pages[0]!)).toBe(sha(pages[1]!));
    expect(readFileSync(pages[0]!, 'utf8')).toContain('peildatum (datum van deze editie): 18-03-2024');
  }, 120_000);
});

/** Every Data Package folder of these tests: its resources as datapackage-js reads them. */
const PACKAGES = ['pdf', 'excel', 'stack'];

describe('datapackage.json', () => {
  it.each(PACKAGES)('%s: datapackage-js validates the descriptor and reads every resource with its schema and foreign keys, without an error', async (name) => {
    const folder = join(dir, name);
    const pkg = await Package.load(join(folder, 'datapackage.json'), { basePath: folder });
    expect(pkg.errors.map(String)).toEqual([]);
    expect(pkg.valid).toBe(true);
    const counts: Record<string, number> = {};
    for (const resource of pkg.resources) {
      const rows = (await resource.read({ keyed: true, relations: true })) as unknown[];
      counts[resource.name] = rows.length;
    }
    expect(counts).toEqual(
      name === 'stack'
        ? { editions: 2, edition_activities: 166, transitions: 12, activities: 84 }
        : { activities: 83, footnotes: 25, activity_owners: 98, activity_footnotes: 25, citations: 11, diagnostics: name === 'pdf' ? 1 : 2 },
    );
  });

  it.each(PACKAGES)('%s: bytes and hash of every resource are those of its file; licence CC0-1.0; sources name the Kamerstuk', (name) => {
    const folder = join(dir, name);
    const pkg = JSON.parse(readFileSync(join(folder, 'datapackage.json'), 'utf8'));
    for (const r of pkg.resources as { path: string; bytes: number; hash: string; encoding: string }[]) {
      const bytes = readFileSync(join(folder, r.path));
      expect([r.bytes, r.hash, r.encoding]).toEqual([bytes.length, `sha256:${createHash('sha256').update(bytes).digest('hex')}`, 'utf-8']);
    }
    expect(pkg.licenses.map((l: { name: string }) => l.name)).toEqual(['CC0-1.0']);
    expect(pkg.sources[0]).toMatchObject({ title: expect.stringMatching(/^Kamerstuk 34843, nr\. 109 \(2024-03-18\): Bijlage 1/), path: 'https://zoek.officielebekendmakingen.nl/kst-34843-109.html' });
  });
});

describe('typed cells', () => {
  it('every cell of a numeric column parses as a number, in every CSV of extract, --excel copies and stack', () => {
    let checked = 0;
    let negative = 0;
    for (const name of PACKAGES) {
      const folder = join(dir, name);
      const pkg = JSON.parse(readFileSync(join(folder, 'datapackage.json'), 'utf8'));
      for (const r of pkg.resources as { path: string; schema: { fields: { name: string; type: string }[] } }[]) {
        const numeric = r.schema.fields.filter((f) => f.type === 'integer' || f.type === 'number').map((f) => f.name);
        for (const path of [r.path, ...(name === 'pdf' ? [] : [`excel/${r.path}`])]) {
          const excel = path.startsWith('excel/');
          const rows = parse(readFileSync(join(folder, path)), { columns: true, delimiter: excel ? ';' : ',', bom: true }) as Record<string, string>[];
          for (const row of rows) {
            for (const f of numeric) {
              const v = row[f]!;
              if (v === '') continue;
              checked++;
              if (v.startsWith('-')) negative++;
              expect(Number.isFinite(Number(v)) && /^-?\d+(\.\d+)?$/.test(v), `${name}/${path} ${f} = ${JSON.stringify(v)}`).toBe(true);
            }
          }
        }
      }
    }
    // Among them the -4 of a planning moved earlier (stack transitions, and its Excel copy).
    expect(negative).toBe(2);
    expect(checked).toBeGreaterThan(2500);
  });
});
