/** The `expect` option of extractAnnex: activity counts per action line (NAP502). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/schema/diagnostic.js';
import { extractAnnex } from '../src/pipeline.js';
import { TEXT_2024 } from './helpers/fixtures.js';

const bytes = readFileSync(TEXT_2024);
const nap502 = (d: Diagnostic[]) => d.filter((x) => x.code === 'NAP502');

describe('extractAnnex({ expect })', () => {
  it('reports nothing when the counts match the 2024 annex', async () => {
    const { diagnostics } = await extractAnnex(bytes, { fileName: 'b.txt', expect: [27, 7, 31, 6, 12] });
    expect(nap502(diagnostics)).toEqual([]);
  });

  it('reports one error per mismatching action line, naming it, expected and found', async () => {
    const { diagnostics } = await extractAnnex(bytes, { fileName: 'b.txt', expect: [27, 8, 31, 6, 11] });
    const found = nap502(diagnostics);
    expect(found.map((d) => [d.severity, d.place.page, d.actual, d.expected])).toEqual([
      ['error', expect.any(Number), 7, 8],
      ['error', expect.any(Number), 12, 11],
    ]);
  });

  it('reports a missing action line and one beyond the expected list', async () => {
    const six = await extractAnnex(bytes, { fileName: 'b.txt', expect: [27, 7, 31, 6, 12, 3] });
    // The missing Actielijn 6 has no place; 0 found where 3 were expected.
    expect(nap502(six.diagnostics).map((d) => [d.place, d.actual, d.expected])).toEqual([[{}, 0, 3]]);
    const four = await extractAnnex(bytes, { fileName: 'b.txt', expect: [27, 7, 31, 6] });
    // Actielijn 5 beyond the four counts given: none expected there.
    expect(nap502(four.diagnostics).map((d) => [d.actual, d.expected])).toEqual([[12, 0]]);
  });
});
