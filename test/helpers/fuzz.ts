/**
 * Run counts for property (fuzz) tests, one rule for all of them. Each test keeps its own fixed
 * seed, so that a failure is repeatable (fast-check prints the seed and path of a failing run).
 * - `NAP_FUZZ_RUNS=N` runs every property N times (a campaign);
 * - otherwise `npm run test:all` (NAP_TEST_TIER=all, set by vitest.config.ts in mode `all`) runs
 *   each property's full count (`ci`: what CI runs), and `npm test` its local count, small enough
 *   for the one-minute tier.
 */
export function fuzzRuns(counts: { local: number; ci: number }): number {
  const given = process.env.NAP_FUZZ_RUNS;
  if (given !== undefined && given !== '') return Number(given);
  return FULL_TIER ? counts.ci : counts.local;
}

/** True in `npm run test:all` (vitest mode `all`): full fuzz and kill counts. */
export const FULL_TIER = process.env.NAP_TEST_TIER === 'all';

/** True when NAP_FUZZ_RUNS asks for a campaign (tests then print their tallies). */
export const FUZZ_CAMPAIGN = (process.env.NAP_FUZZ_RUNS ?? '') !== '';

/** Seed of the normaliser contract tests; `FUZZ_SEED` overrides it. */
export const CONTRACT_SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
