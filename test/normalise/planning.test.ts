import { describe, expect, it } from 'vitest';
import { parsePlanning } from '../../src/normalise/planning.js';
import type { PlanningRange, Precision } from '../../src/schema/annex.js';
import { fixtureActivityRows } from './fixture.js';

/** A closed range, both ends with one precision unless a second is given. */
function r(start: string, end: string, p: Precision, endP: Precision = p): PlanningRange {
  return { start, end, startPrecision: p, endPrecision: endP, openEnded: false };
}
function from(start: string, p: Precision): PlanningRange {
  return { start, end: null, startPrecision: p, endPrecision: null, openEnded: true };
}
function until(end: string, p: Precision): PlanningRange {
  return { start: null, end, startPrecision: null, endPrecision: p, openEnded: false };
}

describe('parsePlanning: dated forms', () => {
  it.each<[string, PlanningRange[]]>([
    // required by the brief / seen in the 2024 fixture
    ['2023-2025', [r('2023-01-01', '2025-12-31', 'year')]],
    ['2023- 2025', [r('2023-01-01', '2025-12-31', 'year')]],
    ['2024', [r('2024-01-01', '2024-12-31', 'year')]],
    ['Q1 2024', [r('2024-01-01', '2024-03-31', 'quarter')]],
    ['Q2-Q4 2023', [r('2023-04-01', '2023-12-31', 'quarter')]],
    ['Q3 2022-Q3 2024', [r('2022-07-01', '2024-09-30', 'quarter')]],
    ['Q3 2023-2025', [r('2023-07-01', '2025-12-31', 'quarter', 'year')]],
    ['Q4 2023-2025', [r('2023-10-01', '2025-12-31', 'quarter', 'year')]],
    ['Vanaf 2022', [from('2022-01-01', 'year')]],
    ['Vanaf Q2 2023', [from('2023-04-01', 'quarter')]],
    ['Vanaf Q4 2023', [from('2023-10-01', 'quarter')]],
    ['Q1 2023 en Q1 2024', [r('2023-01-01', '2023-03-31', 'quarter'), r('2024-01-01', '2024-03-31', 'quarter')]],
    ['2022-2031', [r('2022-01-01', '2031-12-31', 'year')]],
    ['2021-2024', [r('2021-01-01', '2024-12-31', 'year')]],
    ['Q3-Q4 2023', [r('2023-07-01', '2023-12-31', 'quarter')]],
    ['Q1-Q2 2024', [r('2024-01-01', '2024-06-30', 'quarter')]],
    ['Q2-Q3 2023', [r('2023-04-01', '2023-09-30', 'quarter')]],
    // halves
    ['H1 2025', [r('2025-01-01', '2025-06-30', 'half')]],
    ['H2 2024', [r('2024-07-01', '2024-12-31', 'half')]],
    ['eerste helft 2024', [r('2024-01-01', '2024-06-30', 'half')]],
    ['tweede helft 2024', [r('2024-07-01', '2024-12-31', 'half')]],
    ['Tweede helft van 2024', [r('2024-07-01', '2024-12-31', 'half')]],
    // approximate terms (docs/normalisation.md)
    ['begin 2025', [r('2025-01-01', '2025-03-31', 'approximate')]],
    ['medio 2024', [r('2024-04-01', '2024-09-30', 'approximate')]],
    ['eind 2024', [r('2024-10-01', '2024-12-31', 'approximate')]],
    ['Eind 2024', [r('2024-10-01', '2024-12-31', 'approximate')]],
    ['einde van 2024', [r('2024-10-01', '2024-12-31', 'approximate')]],
    // seasons (meteorological)
    ['voorjaar 2025', [r('2025-03-01', '2025-05-31', 'season')]],
    ['zomer 2024', [r('2024-06-01', '2024-08-31', 'season')]],
    ['najaar 2024', [r('2024-09-01', '2024-11-30', 'season')]],
    ['winter 2024', [r('2024-12-01', '2025-02-28', 'season')]],
    ['winter 2023', [r('2023-12-01', '2024-02-29', 'season')]],
    ['winter 2024/2025', [r('2024-12-01', '2025-02-28', 'season')]],
    ['in het voorjaar van 2024', [r('2024-03-01', '2024-05-31', 'season')]],
    ['voor de zomer 2024', [until('2024-05-31', 'season')]],
    // months and days
    ['januari 2024', [r('2024-01-01', '2024-01-31', 'month')]],
    ['februari 2024', [r('2024-02-01', '2024-02-29', 'month')]],
    ['maart-juni 2024', [r('2024-03-01', '2024-06-30', 'month')]],
    ['eind maart 2024', [r('2024-03-01', '2024-03-31', 'month')]],
    ['1 juli 2024', [r('2024-07-01', '2024-07-01', 'day')]],
    ['2024-07-01', [r('2024-07-01', '2024-07-01', 'day')]],
    // year spans and ends only
    ['2024/2025', [r('2024-01-01', '2025-12-31', 'year')]],
    ['2023/24', [r('2023-01-01', '2024-12-31', 'year')]],
    ['1999/00', [r('1999-01-01', '2000-12-31', 'year')]],
    ['t/m 2025', [until('2025-12-31', 'year')]],
    ['T/m Q2 2025', [until('2025-06-30', 'quarter')]],
    ['tot en met 2025', [until('2025-12-31', 'year')]],
    ['2023 t/m 2025', [r('2023-01-01', '2025-12-31', 'year')]],
    // dashes, spaces, case
    ['2023\u20132025', [r('2023-01-01', '2025-12-31', 'year')]],
    ['2023 \u2014 2025', [r('2023-01-01', '2025-12-31', 'year')]],
    ['Q3 2022 \u2013 Q3 2024', [r('2022-07-01', '2024-09-30', 'quarter')]],
    ['q1\u00a02024', [r('2024-01-01', '2024-03-31', 'quarter')]],
    ['  Q1   2024  ', [r('2024-01-01', '2024-03-31', 'quarter')]],
    ['VANAF 2023', [from('2023-01-01', 'year')]],
    ['2024.', [r('2024-01-01', '2024-12-31', 'year')]],
    ['eerste kwartaal 2024', [r('2024-01-01', '2024-03-31', 'quarter')]],
    ['Q1 en Q2 2024', [r('2024-01-01', '2024-03-31', 'quarter'), r('2024-04-01', '2024-06-30', 'quarter')]],
    ['2023, 2025', [r('2023-01-01', '2023-12-31', 'year'), r('2025-01-01', '2025-12-31', 'year')]],
  ])('%j', (text, ranges) => {
    expect(parsePlanning(text)).toEqual({ value: { text, kind: 'dated', ranges }, problems: [] });
  });
});

describe('parsePlanning: undated kinds', () => {
  it.each<[string, 'ongoing' | 'to_be_determined']>([
    ['Doorlopend', 'ongoing'],
    ['doorlopend', 'ongoing'],
    ['Doorlopend gedurende uitvoering programma', 'ongoing'],
    ['n.t.b.', 'to_be_determined'],
    ['N.T.B.', 'to_be_determined'],
    ['ntb', 'to_be_determined'],
    ['Nader te bepalen', 'to_be_determined'],
    ['p.m.', 'to_be_determined'],
  ])('%j → %s', (text, kind) => {
    expect(parsePlanning(text)).toEqual({ value: { text, kind, ranges: [] }, problems: [] });
  });
});

describe('parsePlanning: unparsable text', () => {
  it.each([
    '',
    '   ',
    'binnenkort',
    'Q5 2024',
    '2025-2023',
    'Q2',
    'medio',
    'zomer',
    '31 februari 2024',
    '12345',
    '0999',
    'Vanaf',
    '2024 of 2025',
  ])('%j → unparsed + NAP401 quoting the text', (text) => {
    const r = parsePlanning(text);
    expect(r.value).toEqual({ text, kind: 'unparsed', ranges: [] });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.code).toBe('NAP401');
    expect(r.problems[0]?.actual).toBe(text);
    expect(r.problems[0]?.expected).toEqual(['2024', 'Q1 2024', 'Q2-Q4 2023', 'Vanaf 2023', 'medio 2024', 'Doorlopend', 'n.t.b.']);
  });

  it('suggests only forms it reads: each of NAP401\'s expected forms parses without a problem', () => {
    const forms = parsePlanning('zomer').problems[0]!.expected as string[];
    expect(forms).toHaveLength(7);
    expect(forms.filter((f) => parsePlanning(f).problems.length > 0 || parsePlanning(f).value.kind === 'unparsed')).toEqual([]);
  });
});

describe('parsePlanning on the 2024 fixture', () => {
  const cells = fixtureActivityRows().map((c) => c[2] ?? '');

  it('finds the 83 activity rows', () => {
    expect(cells).toHaveLength(83);
  });

  it.each([...new Set(cells)])('Wanneer %j parses', (text) => {
    const r = parsePlanning(text);
    expect(r.value.kind).not.toBe('unparsed');
    expect(r.problems).toEqual([]);
    expect(r.value.ranges.length).toBeGreaterThan(0);
  });
});
