/**
 * Settings for property (fuzz) tests: a fixed seed, so that a failure is repeatable, and a run
 * count that is small for local runs and full in CI.
 * - `FUZZ_SEED` overrides the seed (fast-check prints the seed of a failing run);
 * - `FUZZ_RUNS` sets the count; with `CI=true` and no `FUZZ_RUNS` each test runs its full count.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_201);

/** fast-check parameters for a property whose full run count is `full`. */
export function fuzzParameters(full: number): { seed: number; numRuns: number } {
  const given = process.env.FUZZ_RUNS;
  const numRuns = given !== undefined ? Number(given) : process.env.CI === 'true' ? full : Math.max(20, Math.ceil(full / 5));
  return { seed, numRuns };
}
