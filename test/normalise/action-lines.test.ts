import { describe, expect, it } from 'vitest';
import { ACTION_LINE_TITLES, compareActionLineTitle } from '../../src/normalise/action-lines.js';
import { FIXTURE_TEXT } from './fixture.js';

const AL2 = 'Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke normen';

describe('compareActionLineTitle', () => {
  it.each<[number, string]>([
    [1, 'Er zijn gedeelde maatschappelijke waarden en normen over hoe we met elkaar om willen gaan in de samenleving'],
    [2, AL2],
    [3, 'Organisaties hebben processen voor preventie, signalering en opvolging op orde'],
    [4, 'Iedereen herkent seksueel grensoverschrijdend gedrag en seksueel geweld en kan hierop reageren'],
    [5, 'Er is goede hulpverlening die makkelijk vindbaar is'],
    [5, '  Er is goede\u00a0hulpverlening  die makkelijk vindbaar is\t'],
  ])('Actielijn %i %j matches', (n, printed) => {
    expect(compareActionLineTitle(n, printed)).toEqual({ canonicalTitle: ACTION_LINE_TITLES.get(n), problems: [] });
  });

  it.each<[number, string, string]>([
    [2, 'Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke norme', 'truncated'],
    [5, 'er is goede hulpverlening die makkelijk vindbaar is', 'case'],
    [3, 'Organisaties hebben processen op orde', 'wording'],
    [1, '', 'empty'],
  ])('Actielijn %i %j → NAP501 quoting both (%s)', (n, printed, how) => {
    const r = compareActionLineTitle(n, printed);
    expect(r.canonicalTitle).toBe(ACTION_LINE_TITLES.get(n));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.code).toBe('NAP501');
    expect(r.problems[0]).toMatchObject({ actual: printed, expected: ACTION_LINE_TITLES.get(n) });
  });

  it.each([0, 6, -1, 2.5, Number.NaN])('unknown number %d → null, no problem', (n) => {
    expect(compareActionLineTitle(n, 'Iets')).toEqual({ canonicalTitle: null, problems: [] });
  });

  it('on the 2024 fixture only Actielijn 2 differs', () => {
    const lines = FIXTURE_TEXT.split('\n');
    const titles = new Map<number, string>();
    lines.forEach((l, i) => {
      const m = /^Actielijn (\d+)\t/.exec(l);
      if (m) titles.set(Number(m[1]), (lines[i + 1] ?? '').split('\t')[0] ?? '');
    });
    expect([...titles.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    const differing = [...titles].filter(([n, t]) => compareActionLineTitle(n, t).problems.length > 0).map(([n]) => n);
    expect(differing).toEqual([2]);
  });
});
