/**
 * Contract of every normaliser: never throws on any string, and what it returns validates
 * against the annex schema (src/schema/annex.ts). Seed and run count: test/helpers/fuzz.ts.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { compareActionLineTitle } from '../../src/normalise/action-lines.js';
import { parseCitations } from '../../src/normalise/citations.js';
import { extractLinks } from '../../src/normalise/links.js';
import { parseOwners } from '../../src/normalise/owners.js';
import { DUTCH_MONTHS } from '../../src/normalise/dates.js';
import { APPROXIMATE_TERMS, SEASONS, parsePlanning } from '../../src/normalise/planning.js';
import { normaliseStatusLabel } from '../../src/status/status-label.js';
import { citationSchema, linkSchema, ownersSchema, planningSchema, statusCodeSchema } from '../../src/schema/annex.js';
import { CONTRACT_SEED, fuzzRuns } from '../helpers/fuzz.js';
import { FIXTURE_TEXT, fixtureActivityRows, fixtureFootnoteLines } from './fixture.js';

const problemsSchema = z.array(z.object({ code: z.enum(['NAP302', 'NAP401', 'NAP402', 'NAP403', 'NAP501']), message: z.string().min(20) }));
const RUNS = fuzzRuns({ local: 100, ci: 500 });
const ctx = { knownWords: new Set(FIXTURE_TEXT.split(/[^\p{L}\p{N}-]+/u)) };

/** Strings built from the characters the annex uses, so the parsers get near-misses too. */
const annexish = fc
  .array(fc.constantFrom(...'Q1234 -–—/.,;()[]#<>\\\u00a0enVWSOCWKamerstukkenII2023/24nr.www.https://vanafmediot/m'.split('')), { maxLength: 40 })
  .map((cs) => cs.join(''));
/** Planning cells as the grammar of planning.ts has them (periods, ranges, open ends, alternatives), years in any order. */
const year = fc.integer({ min: 2019, max: 2031 });
const period = fc.oneof(
  year.map(String),
  fc.tuple(fc.integer({ min: 1, max: 4 }), year).map(([q, y]) => `Q${q} ${y}`),
  fc.tuple(fc.integer({ min: 1, max: 2 }), year).map(([h, y]) => `H${h} ${y}`),
  fc.tuple(fc.constantFrom(...DUTCH_MONTHS.keys()), year).map(([m, y]) => `${m} ${y}`),
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.constantFrom(...DUTCH_MONTHS.keys()), year).map(([d, m, y]) => `${d} ${m} ${y}`),
  fc.tuple(fc.constantFrom(...APPROXIMATE_TERMS.keys()), year).map(([t, y]) => `${t} ${y}`),
  fc.tuple(fc.constantFrom(...SEASONS.keys()), year).map(([t, y]) => `${t} ${y}`),
  year.map((y) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`),
);
const alternative = fc.oneof(
  period,
  period.map((p) => `vanaf ${p}`),
  period.map((p) => `t/m ${p}`),
  period.map((p) => `voor ${p}`),
  fc.tuple(period, fc.constantFrom(' - ', '-', ' t/m ', ' – '), period).map(([a, sep, b]) => `${a}${sep}${b}`),
);
const planningish = fc.tuple(fc.array(alternative, { minLength: 1, maxLength: 3 }), fc.constantFrom(', ', ' en ', '; ')).map(([alts, sep]) => alts.join(sep));

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), annexish);

describe('normaliser contract', () => {
  it('never throws and returns schema-valid values for any string', () => {
    let runs = 0;
    fc.assert(
      fc.property(anyText, (s) => {
        runs++;
        const st = normaliseStatusLabel(s);
        statusCodeSchema.nullable().parse(st.value);
        problemsSchema.parse(st.problems);
        const p = parsePlanning(s);
        planningSchema.parse(p.value);
        problemsSchema.parse(p.problems);
        expect(p.value.text).toBe(s);
        expect(p.value.kind === 'unparsed').toBe(p.problems.length > 0);
        const o = parseOwners(s, ctx);
        ownersSchema.parse(o.value);
        problemsSchema.parse(o.problems);
        z.array(linkSchema).parse(extractLinks(s));
        const c = parseCitations(s);
        z.array(citationSchema).parse(c.value);
        problemsSchema.parse(c.problems);
        problemsSchema.parse(compareActionLineTitle(2, s).problems);
      }),
      { seed: CONTRACT_SEED, numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
  });

  it('planning ranges are ordered and well-formed ISO dates', () => {
    const checked = { runs: 0, ranges: 0 };
    fc.assert(
      fc.property(fc.oneof(annexish, planningish), (s) => {
        checked.runs++;
        for (const r of parsePlanning(s).value.ranges) {
          checked.ranges++;
          if (r.start !== null && r.end !== null) expect(r.start <= r.end).toBe(true);
          expect(r.openEnded).toBe(r.end === null);
        }
      }),
      { seed: CONTRACT_SEED, numRuns: RUNS },
    );
    // Every run counted, and ranges to check from at least a third of the runs (planning-like strings give them).
    expect(checked.runs).toBe(RUNS);
    expect(checked.ranges).toBeGreaterThanOrEqual(Math.ceil(RUNS / 3));
  });

  it('fixture cells and footnotes validate against the schema', () => {
    for (const cells of fixtureActivityRows()) {
      planningSchema.parse(parsePlanning(cells[2] ?? '').value);
      ownersSchema.parse(parseOwners(cells[3] ?? '', ctx).value);
    }
    for (const line of fixtureFootnoteLines()) {
      z.array(linkSchema).parse(extractLinks(line));
      z.array(citationSchema).parse(parseCitations(line).value);
    }
  });
});
