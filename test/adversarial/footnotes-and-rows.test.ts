/** Adversarial findings B10 (unit exponents) and B14 (duplicated rows, empty footnotes). */
import { describe, expect, it } from 'vitest';
import { stripMarkers } from '../../src/assemble/footnotes.js';
import { codes, extractFixture } from './helpers.js';

describe('B10: ² and ³ right after a unit are exponents, not markers', () => {
  it('`Opvang per m² en CO²`: m² stays in the title; CO² is a marker for the defined footnote 2', async () => {
    const result = await extractFixture('t_sup_title.txt');
    const a = result.annex.activities[0]!;
    expect(a.title).toBe('Opvang per m² en CO');
    expect(a.footnotes).toEqual([2, 1]);
    expect(codes(result)).toEqual(['NAP301 info', 'NAP013 info']);
  });

  it('stripMarkers keeps m² km² cm³ mm² dm³ and still strips markers elsewhere', () => {
    expect(stripMarkers('100 m², 2 km², 5 cm³, 1 mm² en 3 dm³.')).toEqual({ text: '100 m², 2 km², 5 cm³, 1 mm² en 3 dm³.', numbers: [] });
    expect(stripMarkers('beleidsreactie² en 2023.³ en term²')).toEqual({ text: 'beleidsreactie en 2023. en term', numbers: [2, 3, 2] });
    expect(stripMarkers('m ² en m²³ en cm¹')).toEqual({ text: 'm en m en cm', numbers: [2, 23, 1] });
  });
});

describe('B14: accepted silently no more', () => {
  it('the same activity title twice in one action line is a warning (NAP111); both rows are kept', async () => {
    const result = await extractFixture('t_dup.txt');
    expect(result.annex.activities.filter((a) => a.actionLine === 1).map((a) => [a.id, a.title])).toEqual([['AL1-01', 'Activiteit 1a'], ['AL1-02', 'Activiteit 1a']]);
    expect(result.diagnostics.filter((d) => d.code === 'NAP111').map((d) => [d.severity, d.row, d.place.line, d.actual])).toEqual([['warning', 'AL1-02', 11, 'Activiteit 1a']]);
  });

  it('an empty footnote definition `¹` is a warning (NAP205); the footnote is kept, empty', async () => {
    const result = await extractFixture('t_fn_empty.txt');
    expect(result.annex.footnotes.map((f) => [f.number, f.text])).toEqual([[1, '']]);
    expect(result.diagnostics.filter((d) => d.code === 'NAP205').map((d) => [d.severity, d.place.line, d.actual])).toEqual([['warning', 24, 1]]);
  });
});
