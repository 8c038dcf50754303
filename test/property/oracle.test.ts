/**
 * Fuzzing with an oracle: seeded mutations of the real 2024 text export and of
 * its HTML rendition. The oracle is not "no crash" but: extraction succeeds without an error
 * diagnostic ⇒ the activities and footnotes equal those of the unmutated fixture. The mutations
 * are damage that either loses or adds something a reader would see (a row dropped or
 * duplicated, a cell split lost, a truncated file) — which must then be an error — or that a
 * reader cannot see (hidden rows, bidi controls, blank lines) — which must leave the data as it was.
 * Text mutations that change what is printed (a letter flipped, two rows swapped) are not in the
 * campaign: they are new data, not a loss. `--expect 27,7,31,6,12` is part of the run, as in CI.
 *
 * Fixed seeds; run counts as in test/helpers/fuzz.ts (40 / 20 locally, 120 / 60 in `npm run test:all`; NAP_FUZZ_RUNS=2000
 * for the full campaign). Each campaign asserts that every run was counted and that the oracle
 * compared at least a tenth of them (the rest refused), so that it cannot pass having checked nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics/errors.js';
import { extractAnnex } from '../../src/pipeline.js';
import type { Annex } from '../../src/schema/annex.js';
import { TEXT_2024 } from '../helpers/fixtures.js';
import { FUZZ_CAMPAIGN, fuzzRuns } from '../helpers/fuzz.js';

const HTML_2024 = fileURLToPath(new URL('../../fixtures/html-generated/bijlage-1-2024.html', import.meta.url));
const EXPECT = [27, 7, 31, 6, 12];
const TEXT_RUNS = fuzzRuns({ local: 40, ci: 120 });
const HTML_RUNS = fuzzRuns({ local: 20, ci: 60 });

/**
 * How a campaign went: runs made, runs the oracle compared (exit 0), runs refused (an error or an
 * InputError), and the mutations that gave other data at exit 0.
 */
interface Tally {
  runs: number;
  compared: number;
  refused: number;
  silent: string[];
}

/**
 * The checks every campaign ends with: every run counted, the oracle compared some (a campaign
 * whose every run is refused checked nothing), and no other data at exit 0.
 */
function expectChecked(tally: Tally, runs: number, what: string): void {
  if (FUZZ_CAMPAIGN) console.log(`${what}: ${JSON.stringify({ ...tally, silent: tally.silent.length })}`);
  expect(tally.runs).toBe(runs);
  expect(tally.compared + tally.refused).toBe(runs);
  expect(tally.compared).toBeGreaterThanOrEqual(Math.ceil(runs / 10));
  expect(tally.silent).toEqual([]);
}

/** What the oracle compares: the data a user takes away. */
function data(annex: Annex): unknown {
  return {
    activities: annex.activities.map((a) => [a.id, a.title, a.planning.text, a.owners.text, a.explanation.text, a.footnotes, a.status?.code ?? null]),
    footnotes: annex.footnotes.map((f) => [f.number, f.text]),
  };
}

/** Runs the pipeline; null when the run is not an exit-0 run (InputError or an error diagnostic). */
async function exitZeroData(bytes: Uint8Array, fileName: string): Promise<unknown | null> {
  try {
    const { annex } = await extractAnnex(bytes, { fileName, expect: EXPECT });
    return annex.diagnostics.some((d) => d.severity === 'error') ? null : data(annex);
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

/** Counts one run: refused (null), or compared with the unmutated data (a mismatch is silent loss). */
function count(tally: Tally, got: unknown | null, reference: unknown, mutations: unknown): void {
  tally.runs++;
  if (got === null) {
    tally.refused++;
    return;
  }
  tally.compared++;
  if (JSON.stringify(got) !== JSON.stringify(reference)) tally.silent.push(JSON.stringify(mutations));
}

const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
const BIDI = ['\u202E', '\u2066', '\u200F', '\u202A', '\u2069'];

type TextMutation = { kind: 'drop-row' | 'duplicate' | 'untab' | 'blank' | 'truncate'; at: number } | { kind: 'bidi'; at: number; column: number; char: string };
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop-row', 'duplicate', 'untab', 'blank', 'truncate'), at: fraction }) as fc.Arbitrary<TextMutation>,
  fc.record({ kind: fc.constant('bidi' as const), at: fraction, column: fraction, char: fc.constantFrom(...BIDI) }),
);

function mutateText(text: string, mutations: readonly TextMutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const i = Math.floor(m.at * lines.length);
    const line = lines[i] ?? '';
    if (m.kind === 'drop-row') {
      // The next table row at or after i (a line with a tab that is not the header or an Actielijn row).
      const j = lines.findIndex((l, k) => k >= i && l.includes('\t') && !/^(Activiteit|Actielijn)\b/.test(l));
      if (j >= 0) lines.splice(j, 1);
    } else if (m.kind === 'duplicate') {
      if (line.includes('\t') || /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(line)) lines.splice(i, 0, line);
    } else if (m.kind === 'untab') {
      if (line.includes('\t') && !/^Actielijn\b/.test(line)) lines[i] = line.replace('\t', ' ');
    } else if (m.kind === 'blank') lines.splice(i, 0, '');
    else if (m.kind === 'truncate') lines = lines.slice(0, Math.max(1, i));
    else if (m.kind === 'bidi') {
      const c = Math.floor(m.column * (line.length + 1));
      lines[i] = line.slice(0, c) + m.char + line.slice(c);
    }
  }
  return lines.join('\n');
}

type HtmlMutation = { kind: 'drop-tr' | 'duplicate-tr' | 'hidden-tr' | 'del' | 'drop-td' | 'truncate'; at: number; how: number };
const htmlMutation: fc.Arbitrary<HtmlMutation> = fc.record({
  kind: fc.constantFrom('drop-tr', 'duplicate-tr', 'hidden-tr', 'del', 'drop-td', 'truncate'),
  at: fraction,
  how: fc.integer({ min: 0, max: 3 }),
});
const HIDERS = [' hidden', ' style="display:none"', ' style="visibility:hidden"', ' style="color:#ffffff"'];

function mutateHtml(html: string, mutations: readonly HtmlMutation[]): string {
  let out = html;
  for (const m of mutations) {
    const rows = [...out.matchAll(/<tr>[\s\S]*?<\/tr>\n?/g)];
    const row = rows[Math.floor(m.at * rows.length)];
    if (!row) continue;
    const [start, end] = [row.index, row.index + row[0].length];
    const isActivity = !/<th>|<td>Actielijn \d/.test(row[0]) && (row[0].match(/<td>/g) ?? []).length === 5 && !/<td><\/td><td><\/td><td><\/td><td><\/td><\/tr>/.test(row[0]);
    if (m.kind === 'drop-tr' && isActivity) out = out.slice(0, start) + out.slice(end);
    else if (m.kind === 'duplicate-tr' && isActivity) out = out.slice(0, end) + row[0] + out.slice(end);
    else if (m.kind === 'hidden-tr') out = `${out.slice(0, end)}${row[0].replace('<tr>', `<tr${HIDERS[m.how]}>`).replace(/<td>([^<]{1,40})/, '<td>Verborgen $1')}${out.slice(end)}`;
    else if (m.kind === 'del') out = out.slice(0, start) + row[0].replace(/<td>([^<])/, '<td><del>Geschrapt </del>$1') + out.slice(end);
    else if (m.kind === 'drop-td' && isActivity) out = out.slice(0, start) + row[0].replace(/<td>[^<]*<\/td>/, '') + out.slice(end);
    else if (m.kind === 'truncate') out = out.slice(0, start);
  }
  return out;
}

describe('fuzzing with an oracle: exit 0 ⇒ the data of the unmutated input', () => {
  it('text export', async () => {
    const text = readFileSync(TEXT_2024, 'utf8');
    const reference = await exitZeroData(new TextEncoder().encode(text), 'bijlage-1.txt');
    expect(reference).not.toBeNull();
    const tally: Tally = { runs: 0, compared: 0, refused: 0, silent: [] };
    await fc.assert(
      fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 4 }), async (ms) => {
        const got = await exitZeroData(new TextEncoder().encode(mutateText(text, ms)), 'mutated.txt');
        count(tally, got, reference, ms);
      }),
      { numRuns: TEXT_RUNS, seed: 909 },
    );
    expectChecked(tally, TEXT_RUNS, 'text export');
  }, 600_000);

  it('HTML rendition', async () => {
    const html = readFileSync(HTML_2024, 'utf8');
    const reference = await exitZeroData(new TextEncoder().encode(html), 'bijlage-1.html');
    expect(reference).not.toBeNull();
    const tally: Tally = { runs: 0, compared: 0, refused: 0, silent: [] };
    await fc.assert(
      fc.asyncProperty(fc.array(htmlMutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        const got = await exitZeroData(new TextEncoder().encode(mutateHtml(html, ms)), 'mutated.html');
        count(tally, got, reference, ms);
      }),
      { numRuns: HTML_RUNS, seed: 910 },
    );
    expectChecked(tally, HTML_RUNS, 'HTML rendition');
  }, 600_000);
});
