/** Structural counts that no reader can fool (NAP115, NAP116, NAP117). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codes, extractFixture, minText } from './helpers.js';

const ANNEX_2024 = readFileSync(new URL('../../fixtures/nap-2024/bijlage-1.txt', import.meta.url), 'utf8');

describe('structure counts', () => {
  it('five "Actielijn" rows and no activity rows: NAP116 and NAP115 per action line, no exit-0 result', async () => {
    const text = minText().split('\n').filter((l) => !/^Activiteit \da/.test(l)).join('\n');
    const result = await extractFixture('no-activities.txt', text);
    expect(result.annex.activities).toEqual([]);
    expect(codes(result).filter((c) => c !== 'NAP202 warning' && c !== 'NAP013 info')).toEqual([
      'NAP116 error',
      'NAP115 error',
      'NAP115 error',
      'NAP115 error',
      'NAP115 error',
      'NAP115 error',
    ]);
    expect(result.diagnostics.find((d) => d.code === 'NAP116')).toMatchObject({ place: {}, actual: 0, expected: 'at least 1' });
    expect(result.diagnostics.filter((d) => d.code === 'NAP115').map((d) => d.place.line)).toEqual([8, 10, 12, 14, 16]);
  });

  it('one action line without activities: NAP115 naming it', async () => {
    const text = minText().replace(/^Activiteit 3a.*\n/m, '');
    const result = await extractFixture('al3-empty.txt', text);
    expect(result.annex.activities.map((a) => a.id)).toEqual(['AL1-01', 'AL2-01', 'AL4-01', 'AL5-01']);
    // Placed at its "Actielijn 3" row (line 14 of the text), with no activities.
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.place.line, d.actual, d.expected])).toEqual([['NAP115', 14, 0, 'at least 1']]);
  });

  it('a page of the 2024 annex whose rows were cut out (only header, Actielijn, goal left): NAP117 names the page', async () => {
    // Page 3 of the export (from its third legend to the fourth) lies inside Actielijn 1, which continues on page 4.
    const lines = ANNEX_2024.split('\n');
    const legends = lines.flatMap((l, i) => (/^\s*Afgerond$/.test(l) ? [i] : []));
    const cut = lines.filter((l, i) => {
      if (i < legends[2]! || i >= legends[3]! || !l.includes('\t')) return true;
      return /^(Activiteit|Actielijn \d)\t/.test(l) || /^Actielijn \d\t/.test(lines[i - 1]!);
    }).join('\n');
    const full = await extractFixture('bijlage-1.txt', ANNEX_2024);
    const result = await extractFixture('page-cut.txt', cut);
    expect(result.annex.activities.length).toBeLessThan(full.annex.activities.length);
    const nap114 = result.diagnostics.filter((d) => d.code === 'NAP117');
    expect(nap114.map((d) => [d.severity, d.place.page, d.actual, d.expected])).toEqual([['error', 3, 0, 'at least 1']]);
  });

  it('the real 2024 annex has none of them', async () => {
    const result = await extractFixture('bijlage-1.txt', ANNEX_2024);
    expect(result.annex.activities).toHaveLength(83);
    expect(codes(result).filter((c) => /NAP11[234]/.test(c))).toEqual([]);
  });
});
