import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../src/normalise/citations.js';
import type { Citation } from '../../src/schema/annex.js';
import { fixtureFootnoteLines } from './fixture.js';

function kst(text: string, chamber: 'I' | 'II' | null, sessionYear: string | null, dossiers: string[], nr: string): Citation {
  const id = `kst-${dossiers[0]}-${nr}`;
  return { text, chamber, sessionYear, dossiers, documentNumber: nr, id, url: `https://zoek.officielebekendmakingen.nl/${id}.html` };
}

describe('parseCitations', () => {
  it.each<[string, Citation[]]>([
    // spellings from the 2024 fixture
    ['Kamerstukken II 2022/23, 34843, nr. 80', [kst('Kamerstukken II 2022/23, 34843, nr. 80', 'II', '2022/23', ['34843'], '80')]],
    ['Kamerstukken, 2023/24 30420, nr. 390', [kst('Kamerstukken, 2023/24 30420, nr. 390', null, '2023/24', ['30420'], '390')]],
    ['Kamerstukken II 2022/23 34843; 30234, nr. 77', [kst('Kamerstukken II 2022/23 34843; 30234, nr. 77', 'II', '2022/23', ['34843', '30234'], '77')]],
    ['Kamerstukken II 2022/23, 24587 nr.898', [kst('Kamerstukken II 2022/23, 24587 nr.898', 'II', '2022/23', ['24587'], '898')]],
    [
      'Kamerstukken II 2022/23 29544, nr. 1199 en Kamerstukken II 2023/24, 32820, nr. 513.',
      [
        kst('Kamerstukken II 2022/23 29544, nr. 1199', 'II', '2022/23', ['29544'], '1199'),
        kst('Kamerstukken II 2023/24, 32820, nr. 513', 'II', '2023/24', ['32820'], '513'),
      ],
    ],
    [
      'Kamerstukken II 2023/24, 28345, nr. 269. Regioplan (2023) Digitale dimensie van geweld tegen vrouwen, Opvolging Algemene Aanbeveling nr. 1 GREVIO.',
      [kst('Kamerstukken II 2023/24, 28345, nr. 269', 'II', '2023/24', ['28345'], '269')],
    ],
    ['Kamerstukken II 2023/24, 29240, nr. 135.', [kst('Kamerstukken II 2023/24, 29240, nr. 135', 'II', '2023/24', ['29240'], '135')]],
    // other spellings
    ['Kamerstukken I 2023/24, 36200-VIII, nr. 5', [kst('Kamerstukken I 2023/24, 36200-VIII, nr. 5', 'I', '2023/24', ['36200-VIII'], '5')]],
    ['Kamerstukken II 2023/24, 36410-viii, nr. 12', [kst('Kamerstukken II 2023/24, 36410-viii, nr. 12', 'II', '2023/24', ['36410-VIII'], '12')]],
    ['Kamerstuk 34843, nr. 109', [kst('Kamerstuk 34843, nr. 109', null, null, ['34843'], '109')]],
    ['Kamerstukken II 2022/2023, 34843, nr. 80', [kst('Kamerstukken II 2022/2023, 34843, nr. 80', 'II', '2022/23', ['34843'], '80')]],
    ['kamerstukken ii 2022/23, 34843, nr. 80', [kst('kamerstukken ii 2022/23, 34843, nr. 80', 'II', '2022/23', ['34843'], '80')]],
    ['Kamerstukken\u00a0II 2022/23,\u00a034843, nr.\u00a080', [kst('Kamerstukken\u00a0II 2022/23,\u00a034843, nr.\u00a080', 'II', '2022/23', ['34843'], '80')]],
    ['Zie Kamerstukken II 1999/00, 21501-20, nr. 3.', [kst('Kamerstukken II 1999/00, 21501-20, nr. 3', 'II', '1999/00', ['21501-20'], '3')]],
    // no citation
    ['', []],
    ['Te vinden op: www.rcgog.nl', []],
    ['De Kamerstukken worden later verstuurd.', []],
  ])('%j', (text, citations) => {
    expect(parseCitations(text)).toEqual({ value: citations, problems: [] });
  });

  it.each([
    'Kamerstukken II 2022/23, 34843',
    'Kamerstukken II 2022/23, nr. 80',
    'Kamerstuk 3484, nummer onbekend',
  ])('%j looks like a citation but does not parse → NAP403', (text) => {
    const r = parseCitations(text);
    expect(r.value).toEqual([]);
    expect(r.problems.map((p) => p.code)).toEqual(['NAP403']);
    expect(r.problems[0]?.actual).toMatch(/^Kamerstuk/);
  });

  it('reports a session that is not two consecutive years but keeps the citation', () => {
    const r = parseCitations('Kamerstukken II 2022/25, 34843, nr. 80');
    expect(r.value.map((c) => [c.id, c.sessionYear])).toEqual([['kst-34843-80', '2022/25']]);
    expect(r.problems.map((p) => p.code)).toEqual(['NAP403']);
    expect(r.problems[0]).toMatchObject({ actual: '2022/25', expected: '2022/23' });
  });

  it('reads every citation of the 2024 footnotes without problems', () => {
    const results = fixtureFootnoteLines().map((l) => parseCitations(l));
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    expect(results.flatMap((r) => r.value.map((c) => c.id))).toEqual([
      'kst-30420-390',
      'kst-34843-80',
      'kst-34843-67',
      'kst-32239-14',
      'kst-32239-14',
      'kst-28345-269',
      'kst-34843-77',
      'kst-29240-135',
      'kst-29544-1199',
      'kst-32820-513',
      'kst-24587-898',
    ]);
  });
});

describe('parseCitations: several document numbers in one dossier', () => {
  it.each([
    ['Kamerstukken II 2022/23, 34843, nr. 80 en nr. 81', ['kst-34843-80', 'kst-34843-81']],
    ['Kamerstukken II 2022/23, 34843, nrs. 80, 81 en 82', ['kst-34843-80', 'kst-34843-81', 'kst-34843-82']],
    ['Kamerstukken II 2022/23 29544, nr. 1199 en Kamerstukken II 2023/24, 32820, nr. 513.', ['kst-29544-1199', 'kst-32820-513']],
  ])('%s', (text, ids) => {
    const { value, problems } = parseCitations(text);
    expect(value.map((c) => c.id)).toEqual(ids);
    expect(problems).toEqual([]);
  });
});
