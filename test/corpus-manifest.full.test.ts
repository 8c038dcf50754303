/**
 * The corpus manifest's renditions the quick tier does not read (test/corpus-manifest.test.ts reads
 * one per producer folder): each read by the whole pipeline and checked against its truth
 * (test/helpers/corpus-suite.ts), `known` entries as one `it.fails` each.
 */
import { describeRenditions, manifest, quickTierEntries } from './helpers/corpus-suite.js';

const quick = quickTierEntries();
describeRenditions(manifest.renditions.filter((e) => !quick.has(e.id)));
