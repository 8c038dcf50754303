/**
 * What scripts/score-rendition.ts takes from the pipeline, as one entry it bundles with esbuild
 * next to the thread scripts (see there): extractAnnex and the error it throws for unreadable input.
 */
export { extractAnnex } from '../../src/pipeline.js';
export { InputError } from '../../src/diagnostics/errors.js';
