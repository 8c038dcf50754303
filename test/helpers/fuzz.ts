/**
 * Run counts for property (fuzz) tests, one rule for all of them. Each test keeps its own fixed
 * seed, so that a failure is repeatable (fast-check prints the seed and path of a failing run).
 * - `NAP_FUZZ_RUNS=N` runs every property N times (a campaign);
 * - otherwise `CI=true` runs each property's CI count, and a local `npm test` its local count,
 *   small enough for the one-minute suite.
 */
export function fuzzRuns(counts: { local: number; ci: number }): number {
  const given = process.env.NAP_FUZZ_RUNS;
  if (given !== undefined && given !== '') return Number(given);
  return process.env.CI === 'true' ? counts.ci : counts.local;
}

/** True when NAP_FUZZ_RUNS asks for a campaign (tests then print their tallies). */
export const FUZZ_CAMPAIGN = (process.env.NAP_FUZZ_RUNS ?? '') !== '';

/** Seed of the normaliser contract tests; `FUZZ_SEED` overrides it. */
export const CONTRACT_SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
