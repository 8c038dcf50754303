/**
 * Fuzzing the PDF reader with an oracle: seeded mutations of the real 2024 rendition.
 *
 * - Byte damage (a byte flipped, a range deleted, duplicated or zeroed, anywhere in the file).
 *   Oracle: exit 0 (no InputError, no error diagnostic, `--expect` not given) ⇒ the same table:
 *   action lines with their activity counts, every activity's id, status and footnote numbers,
 *   the footnote numbers. (Letters may legitimately differ: a damaged font mapping changes the
 *   text a PDF says it shows, which no reader can detect; the campaign counts such runs.)
 * - Drawing added to a page that a reader cannot see or that pdfjs must skip (hidden text in
 *   every way the reader knows, broken resources). Oracle: exit 0 ⇒ exactly the same data.
 *
 * Fixed seeds; run counts as in test/helpers/fuzz.ts (2 / 2 locally, 20 / 10 in `npm run test:all`; NAP_FUZZ_RUNS=N
 * for a campaign of N per property; docs/testing.md, "Property tests and campaigns").
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics/errors.js';
import { extractAnnex } from '../../src/pipeline.js';
import type { Annex } from '../../src/schema/annex.js';
import { PDF_2024, extract2024Pdf } from '../helpers/fixtures.js';
import { FUZZ_CAMPAIGN, fuzzRuns } from '../helpers/fuzz.js';
import { appendToPage, pageSize } from '../helpers/pdf-edit.js';
import { cachedPages } from '../helpers/page-cache.js';

const BYTE_RUNS = fuzzRuns({ local: 2, ci: 20 });
const DRAW_RUNS = fuzzRuns({ local: 2, ci: 10 });
/** A campaign reads a PDF per run (0.5–3 s on a loaded 2-core machine). */
const TIMEOUT = Math.max(600_000, Math.max(BYTE_RUNS, DRAW_RUNS) * 10_000);
const original = new Uint8Array(readFileSync(PDF_2024));

/** The table's shape: what a byte-damaged PDF that exits 0 must keep. */
function structure(annex: Annex): unknown {
  return {
    actionLines: annex.actionLines.map((a) => [a.number, a.activityCount]),
    activities: annex.activities.map((a) => [a.id, a.status?.code ?? null, a.footnotes]),
    footnotes: annex.footnotes.map((f) => f.number),
  };
}

/** All the data a user takes away. */
function data(annex: Annex): unknown {
  return {
    activities: annex.activities.map((a) => [a.id, a.title, a.planning.text, a.owners.text, a.explanation.text, a.footnotes, a.status?.code ?? null]),
    footnotes: annex.footnotes.map((f) => [f.number, f.text]),
  };
}

/** The annex of an exit-0 run; null when the run would not exit 0. */
async function exitZero(bytes: Uint8Array): Promise<Annex | null> {
  try {
    const { annex } = await extractAnnex(bytes, { fileName: 'mutated.pdf' }, cachedPages);
    return annex.diagnostics.some((d) => d.severity === 'error') ? null : annex;
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

type ByteMutation = { kind: 'flip' | 'delete' | 'duplicate' | 'zero'; at: number; length: number; xor: number };
const byteMutation: fc.Arbitrary<ByteMutation> = fc.record({
  kind: fc.constantFrom('flip', 'delete', 'duplicate', 'zero'),
  at: fc.noBias(fc.integer({ min: 0, max: original.length - 1 })),
  length: fc.integer({ min: 1, max: 64 }),
  xor: fc.integer({ min: 1, max: 255 }),
}) as fc.Arbitrary<ByteMutation>;

function mutateBytes(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const at = Math.min(m.at, bytes.length - 1);
  const end = Math.min(bytes.length, at + m.length);
  if (m.kind === 'flip') {
    const out = bytes.slice();
    out[at] = out[at]! ^ m.xor;
    return out;
  }
  if (m.kind === 'zero') {
    const out = bytes.slice();
    out.fill(0x30, at, end);
    return out;
  }
  const parts = m.kind === 'delete' ? [bytes.subarray(0, at), bytes.subarray(end)] : [bytes.subarray(0, end), bytes.subarray(at, end), bytes.subarray(end)];
  return new Uint8Array(Buffer.concat(parts));
}

/** Drawing added to a page, at a place inside the table (`X`, `Y` in user space). */
const INVISIBLE = [
  (x: number, y: number) => `q 3 Tr BT /NapH 8 Tf ${x} ${y} Td (Verborgen) Tj ET Q`,
  (x: number, y: number) => `q 7 Tr BT /NapH 8 Tf ${x} ${y} Td (Verborgen) Tj ET Q`,
  (x: number, y: number) => `q 1 1 1 rg BT /NapH 8 Tf ${x} ${y} Td (Verborgen) Tj ET Q`,
  (x: number, y: number) => `q 0 0 0 rg BT /NapH 8 Tf ${x} ${y} Td (Verborgen) Tj ET 1 1 1 rg ${x - 2} ${y - 3} 60 12 re f Q`,
  (x: number, y: number) => `q 1 1 2 2 re W n 0 0 0 rg BT /NapH 8 Tf ${x} ${y} Td (Verborgen) Tj ET Q`,
  (x: number, y: number) => `q 0 0 0 rg BT /NapH 0.4 Tf ${x} ${y} Td (Verborgen) Tj ET Q`,
  () => '/GSX gs',
  () => '/ImX Do',
  () => '/ShX sh',
  () => 'q /FX 9 Tf Q',
];
type DrawMutation = { page: number; what: number; x: number; y: number };
const drawMutation: fc.Arbitrary<DrawMutation> = fc.record({
  page: fc.integer({ min: 1, max: 17 }),
  what: fc.integer({ min: 0, max: INVISIBLE.length - 1 }),
  x: fc.integer({ min: 5, max: 95 }),
  y: fc.integer({ min: 10, max: 90 }),
});

describe('PDF fuzzing with an oracle: exit 0 ⇒ the data of the unmutated rendition', async () => {
  // The unmutated rendition's result, shared with other test files (extracted once per test worker).
  const { annex: shared } = await extract2024Pdf();
  const reference = shared.diagnostics.some((d) => d.severity === 'error') ? null : shared;

  it('the unmutated rendition exits 0 (83 activities)', () => {
    expect(reference?.activities).toHaveLength(83);
  });

  it('regression (campaign of 2026-12-01): 9 bytes duplicated inside a content stream gave NaN boxes and a schema failure (exit 3)', async () => {
    const m: ByteMutation = { kind: 'duplicate', at: 47985, length: 9, xor: 1 };
    const { annex } = await extractAnnex(mutateBytes(original, m), { fileName: 'mutated.pdf' }, cachedPages);
    expect(annex.diagnostics.filter((d) => d.code === 'NAP019').map((d) => [d.severity, d.place.page])).toEqual([['error', 10]]);
    expect(annex.diagnostics.every((d) => (d.place.bbox ?? []).every(Number.isFinite))).toBe(true);
  });

  it.each([
    [{ kind: 'duplicate', at: 86680, length: 50, xor: 81 }, 15],
    [{ kind: 'flip', at: 57467, length: 4, xor: 94 }, 12],
    [{ kind: 'flip', at: 86587, length: 29, xor: 243 }, 15],
  ] as [ByteMutation, number][])('regression (campaign of 2026-12-01): %o left page %i blank without a word (exit 0, rows lost); now NAP026', async (m, page) => {
    const { annex } = await extractAnnex(mutateBytes(original, m), { fileName: 'mutated.pdf' }, cachedPages);
    expect(annex.diagnostics.filter((d) => d.code === 'NAP026').map((d) => [d.severity, d.place.page])).toEqual([['error', page]]);
  });

  it('byte damage anywhere: exit 0 ⇒ the same table', async () => {
    const silent: string[] = [];
    const tally = { runs: 0, exitZero: 0, sameData: 0 };
    await fc.assert(
      fc.asyncProperty(byteMutation, async (m) => {
        const got = await exitZero(mutateBytes(original, m));
        tally.runs++;
        if (got === null) return;
        tally.exitZero++;
        if (JSON.stringify(data(got)) === JSON.stringify(data(reference!))) tally.sameData++;
        if (JSON.stringify(structure(got)) !== JSON.stringify(structure(reference!))) silent.push(JSON.stringify(m));
      }),
      { numRuns: BYTE_RUNS, seed: 911 },
    );
    if (FUZZ_CAMPAIGN) console.log(`byte damage: ${JSON.stringify(tally)}, silent: ${silent.length}`);
    // Every run counted, and the oracle compared at least one exit-0 run (else the test checked nothing).
    expect(tally.runs).toBe(BYTE_RUNS);
    expect(tally.exitZero).toBeGreaterThanOrEqual(1);
    expect(silent).toEqual([]);
  }, TIMEOUT);

  it('invisible drawing or a broken operator added to a page: exit 0 ⇒ exactly the same data', async () => {
    const { width, height } = await pageSize(original, 1);
    const silent: string[] = [];
    const tally = { runs: 0, exitZero: 0 };
    await fc.assert(
      fc.asyncProperty(drawMutation, async (m) => {
        const ops = INVISIBLE[m.what]!(Math.round((width * m.x) / 100), Math.round((height * m.y) / 100));
        const got = await exitZero(await appendToPage(original, m.page, ops));
        tally.runs++;
        if (got === null) return;
        tally.exitZero++;
        if (JSON.stringify(data(got)) !== JSON.stringify(data(reference!))) silent.push(`${JSON.stringify(m)} ${ops}`);
      }),
      { numRuns: DRAW_RUNS, seed: 912 },
    );
    if (FUZZ_CAMPAIGN) console.log(`drawing added: ${JSON.stringify(tally)}, silent: ${silent.length}`);
    expect(tally.runs).toBe(DRAW_RUNS);
    expect(tally.exitZero).toBeGreaterThanOrEqual(1);
    expect(silent).toEqual([]);
  }, TIMEOUT);
});
