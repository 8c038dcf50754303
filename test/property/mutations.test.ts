/**
 * Property: whatever damage a text export suffers (lines dropped, duplicated, swapped, tabs
 * removed, bytes flipped, truncated), extractAnnex either resolves to a schema-valid annex or
 * throws InputError: never another exception, never a hang. Inputs are mutations of the real
 * 2024 export (whole, or a window of its lines so that small inputs get their share); inserted
 * tokens include the ones that once crashed the pipeline (footnote ⁰, Actielijn 0). Seeded, so a
 * failure is reproducible; the oracle campaign (exit 0 ⇒ the same data) is test/property/oracle.test.ts.
 * Run counts as in test/helpers/fuzz.ts: 1200 / 2000 in `npm run test:all`, 60 / 100 in
 * `npm test`, NAP_FUZZ_RUNS if set.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics/errors.js';
import { extractAnnex } from '../../src/pipeline.js';
import { annexSchema } from '../../src/schema/annex.js';
import { TEXT_2024 } from '../helpers/fixtures.js';
import { FUZZ_CAMPAIGN, fuzzRuns } from '../helpers/fuzz.js';

const LINES = readFileSync(TEXT_2024, 'utf8').split('\n');
const encoder = new TextEncoder();

/** One mutation; positions are fractions of the current length so that they always fit. */
type Mutation =
  | { kind: 'drop' | 'duplicate' | 'untab'; at: number }
  | { kind: 'swap'; at: number; to: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; column: number; token: string };

/** Tokens that once crashed a stage, or that stages treat specially. */
const TOKENS = [
  '⁰', '¹⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰', '²⁵', '\t', '•', '<ul><li>', '</p><p>', '<i>', '<!--', '\r', '\uFEFF',
  'Actielijn 0\t\t\t\t', 'Actielijn 7\t\t\t\t', 'Actielijn 99999999999999999999999\t\t\t\t',
  'Activiteit\tStatus\tWanneer\tWie\tToelichting', 'Afgerond', 'Vertraagd', '=HYPERLINK("x")',
];

const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constantFrom('drop', 'duplicate', 'untab'), at: fraction }) as fc.Arbitrary<Mutation>, weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('swap' as const), at: fraction, to: fraction }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fraction, byte: fc.noBias(fc.integer({ min: 0, max: 255 })) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fraction, column: fraction, token: fc.constantFrom(...TOKENS) }), weight: 2 },
);

/** Applies line mutations to the lines, then byte mutations (flip, truncate) to the UTF-8 bytes. */
function mutate(lines: readonly string[], mutations: readonly Mutation[]): Uint8Array {
  const out = [...lines];
  const index = (f: number): number => Math.floor(f * out.length);
  for (const m of mutations) {
    if (out.length === 0) break;
    const i = index(m.at);
    if (m.kind === 'drop') out.splice(i, 1);
    else if (m.kind === 'duplicate') out.splice(i, 0, out[i]!);
    else if (m.kind === 'untab') out[i] = out[i]!.replace(/\t/g, m.at < 0.5 ? '' : ' ');
    else if (m.kind === 'insert') {
      const line = out[i]!;
      const c = Math.floor(m.column * (line.length + 1));
      out[i] = m.column < 0.2 ? m.token : line.slice(0, c) + m.token + line.slice(c);
    } else if (m.kind === 'swap') {
      const j = index(m.to);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
  }
  let bytes = encoder.encode(out.join('\n'));
  for (const m of mutations) {
    if (m.kind === 'flip' && bytes.length > 0) {
      bytes = bytes.slice();
      bytes[Math.floor(m.at * bytes.length)] = m.byte;
    } else if (m.kind === 'truncate') {
      bytes = bytes.subarray(0, Math.floor(m.at * bytes.length));
    }
  }
  return bytes;
}

/** A window of the export's lines: [start, start + length). */
const window = fc
  .record({ start: fc.integer({ min: 0, max: LINES.length - 1 }), length: fc.integer({ min: 1, max: 120 }) })
  .map(({ start, length }) => LINES.slice(start, start + length));

/** Runs made, and how each ended: a schema-valid annex, or an InputError. */
interface Outcomes {
  runs: number;
  annex: number;
  inputError: number;
}

async function survives(bytes: Uint8Array, outcomes: Outcomes): Promise<void> {
  outcomes.runs++;
  try {
    const { annex } = await extractAnnex(bytes, { fileName: 'mutated.txt', expect: [27, 7, 31, 6, 12] });
    const parsed = annexSchema.safeParse(annex);
    expect(parsed.success, parsed.error?.message).toBe(true);
    outcomes.annex++;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.diagnostic.severity).toBe('error');
    outcomes.inputError++;
  }
}

/** Every run counted, and both outcomes among them: the property checked annexes, not only refusals. */
function expectCounted(outcomes: Outcomes, runs: number, what: string): void {
  if (FUZZ_CAMPAIGN) console.log(`${what}: ${JSON.stringify(outcomes)}`);
  expect(outcomes.runs).toBe(runs);
  expect(outcomes.annex + outcomes.inputError).toBe(runs);
  expect(outcomes.annex).toBeGreaterThanOrEqual(Math.ceil(runs / 2));
}

const WHOLE_RUNS = fuzzRuns({ local: 60, ci: 1200 });
const WINDOW_RUNS = fuzzRuns({ local: 100, ci: 2000 });

describe('mutated text exports', () => {
  it('the whole export, 1-6 mutations: a valid annex or InputError', async () => {
    const outcomes: Outcomes = { runs: 0, annex: 0, inputError: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => survives(mutate(LINES, ms), outcomes)),
      { numRuns: WHOLE_RUNS, seed: 20240318 },
    );
    expectCounted(outcomes, WHOLE_RUNS, 'whole export');
  });

  it('windows of the export, 0-8 mutations: a valid annex or InputError', async () => {
    const outcomes: Outcomes = { runs: 0, annex: 0, inputError: 0 };
    await fc.assert(
      fc.asyncProperty(window, fc.array(mutation, { maxLength: 8 }), (lines, ms) => survives(mutate(lines, ms), outcomes)),
      { numRuns: WINDOW_RUNS, seed: 34843109 },
    );
    expectCounted(outcomes, WINDOW_RUNS, 'windows');
  });
});
