import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('bundled fixtures', () => {
  it('the 2024 text export is the seed file, unchanged', () => {
    const bytes = readFileSync(new URL('../fixtures/nap-2024/bijlage-1.txt', import.meta.url));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      'ef2bc6063569d46c12f2b867a1ca4dfc348a51070242554a775fc5ea264523b7',
    );
  });
});
