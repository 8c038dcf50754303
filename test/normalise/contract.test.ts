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
import { parsePlanning } from '../../src/normalise/planning.js';
import { normaliseStatusLabel } from '../../src/status/status-label.js';
import { citationSchema, linkSchema, ownersSchema, planningSchema, statusCodeSchema } from '../../src/schema/annex.js';
import { CONTRACT_SEED, fuzzRuns } from '../helpers/fuzz.js';
import { FIXTURE_TEXT, fixtureActivityRows, fixtureFootnoteLines } from './fixture.js';

const problemsSchema = z.array(z.object({ code: z.enum(['NAP302', 'NAP401', 'NAP402', 'NAP403', 'NAP501']), message: z.string().min(20) }));
const ctx = { knownWords: new Set(FIXTURE_TEXT.split(/[^\p{L}\p{N}-]+/u)) };

/** Strings built from the characters the annex uses, so the parsers get near-misses too. */
const annexish = fc
  .array(fc.constantFrom(...'Q1234 -–—/.,;()[]#<>\\\u00a0enVWSOCWKamerstukkenII2023/24nr.www.https://vanafmediot/m'.split('')), { maxLength: 40 })
  .map((cs) => cs.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), annexish);

describe('normaliser contract', () => {
  it('never throws and returns schema-valid values for any string', () => {
    fc.assert(
      fc.property(anyText, (s) => {
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
      { seed: CONTRACT_SEED, numRuns: fuzzRuns({ local: 100, ci: 500 }) },
    );
  });

  it('planning ranges are ordered and well-formed ISO dates', () => {
    fc.assert(
      fc.property(annexish, (s) => {
        for (const r of parsePlanning(s).value.ranges) {
          if (r.start !== null && r.end !== null) expect(r.start <= r.end).toBe(true);
          expect(r.openEnded).toBe(r.end === null);
        }
      }),
      { seed: CONTRACT_SEED, numRuns: fuzzRuns({ local: 100, ci: 500 }) },
    );
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
