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
    expect(found.map((d) => [d.severity, d.place.page])).toEqual([
      ['error', expect.any(Number)],
      ['error', expect.any(Number)],
    ]);
    expect(found[0]!.reason).toMatch(/^Actielijn 2: expected 8 activities \(--expect 27,8,31,6,11\), found 7 activities\./);
    expect(found[1]!.reason).toMatch(/^Actielijn 5: expected 11 activities .*found 12 activities\./);
  });

  it('reports a missing action line and one beyond the expected list', async () => {
    const six = await extractAnnex(bytes, { fileName: 'b.txt', expect: [27, 7, 31, 6, 12, 3] });
    expect(nap502(six.diagnostics).map((d) => d.reason)).toEqual([expect.stringMatching(/^Actielijn 6: expected 3 activities .*found no activities \(the action line is missing\)/)]);
    const four = await extractAnnex(bytes, { fileName: 'b.txt', expect: [27, 7, 31, 6] });
    expect(nap502(four.diagnostics).map((d) => d.reason)).toEqual(['Actielijn 5: --expect 27,7,31,6 gives no count for it (4 counts), found 12 activities. Give one count per action line, in order.']);
  });
});
