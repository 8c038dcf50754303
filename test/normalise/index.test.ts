import { describe, expect, it } from 'vitest';
import * as normalise from '../../src/normalise/index.js';

describe('src/normalise/index.ts', () => {
  it('exports every normaliser', () => {
    for (const name of [
      'normaliseStatusLabel',
      'parsePlanning',
      'parseOwners',
      'joinLineBreakHyphens',
      'extractLinks',
      'parseCitations',
      'compareActionLineTitle',
    ] as const) {
      expect(typeof normalise[name], name).toBe('function');
    }
  });
});
