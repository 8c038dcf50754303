import { describe, expect, it } from 'vitest';
import { joinLineBreakHyphens } from '../../src/normalise/hyphenation.js';
import { parseOwners } from '../../src/normalise/owners.js';
import type { Actor } from '../../src/schema/annex.js';
import { FIXTURE_TEXT, fixtureActivityRows } from './fixture.js';

const none = { knownWords: new Set<string>() };
const docWords = { knownWords: new Set(FIXTURE_TEXT.split(/[^\p{L}\p{N}-]+/u).filter((w) => w !== '')) };

const canonicals = (text: string, ctx = none): string[] => parseOwners(text, ctx).value.actors.map((a) => a.canonical);

describe('parseOwners: splitting and canonical forms', () => {
  it.each<[string, string[]]>([
    ['OCW', ['OCW']],
    ['OCW, SZW', ['OCW', 'SZW']],
    ['OCW, SZW, JenV, en VWS', ['OCW', 'SZW', 'JenV', 'VWS']],
    ['VWS en OCW', ['VWS', 'OCW']],
    ['VWS, JenV en OCW', ['VWS', 'JenV', 'OCW']],
    ['Regerings-commissaris', ['Regeringscommissaris']],
    ['Regeringscommissaris', ['Regeringscommissaris']],
    ['Regerings- commissaris', ['Regeringscommissaris']],
    ['Regerings-commissaris, OCW en VWS', ['Regeringscommissaris', 'OCW', 'VWS']],
    ['Regerings-commissaris, VWS', ['Regeringscommissaris', 'VWS']],
    ['Sociale partners en de regerings-commissaris in samenwerking met SZW', ['Sociale partners', 'Regeringscommissaris', 'SZW']],
    ['Initiatiefnemer (Lid Maatoug van PvdA-GL)', ['Initiatiefnemer']],
    ['Rijksoverheid', ['Rijksoverheid']],
    ['NLA', ['NLA']],
    ['BZK', ['BZK']],
    ['ministerie van VWS', ['VWS']],
    ['Ministerie van Justitie en Veiligheid', ['JenV']],
    ['Ministerie van Onderwijs, Cultuur en Wetenschap en SZW', ['OCW', 'SZW']],
    ['De ministeries van VWS en JenV', ['VWS', 'JenV']],
    ['J&V en I&W', ['JenV', 'IenW']],
    ['EZK; Fin; LNV; BZ; Def; AZ; KGG; VRO; IenW', ['EZK', 'Fin', 'LNV', 'BZ', 'Def', 'AZ', 'KGG', 'VRO', 'IenW']],
    ['ocw  en\u00a0vws', ['OCW', 'VWS']],
    ['Nederlandse Arbeidsinspectie', ['NLA']],
    ['OCW i.s.m. VWS', ['OCW', 'VWS']],
  ])('%j → %j', (text, expected) => {
    const r = parseOwners(text, none);
    expect(r.value.actors.map((a) => a.canonical)).toEqual(expected);
    expect(r.value.actors.every((a) => a.recognised)).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.value.text).toBe(text);
  });

  it('keeps each part as printed in name', () => {
    expect(parseOwners('Sociale partners en de regerings-commissaris in samenwerking met SZW', none).value.actors.map((a) => a.name)).toEqual([
      'Sociale partners',
      'de regerings-commissaris',
      'SZW',
    ]);
    expect(parseOwners('Initiatiefnemer (Lid Maatoug van PvdA-GL)', none).value.actors).toEqual<Actor[]>([
      {
        name: 'Initiatiefnemer (Lid Maatoug van PvdA-GL)',
        canonical: 'Initiatiefnemer',
        kind: 'other',
        code: null,
        fullName: null,
        members: [],
        recognised: true,
      },
    ]);
  });

  it.each<[string, Actor]>([
    ['OCW', { name: 'OCW', canonical: 'OCW', kind: 'ministry', code: 'OCW', fullName: 'Ministerie van Onderwijs, Cultuur en Wetenschap', members: [], recognised: true }],
    ['JenV', { name: 'JenV', canonical: 'JenV', kind: 'ministry', code: 'JenV', fullName: 'Ministerie van Justitie en Veiligheid', members: [], recognised: true }],
    ['VWS', { name: 'VWS', canonical: 'VWS', kind: 'ministry', code: 'VWS', fullName: 'Ministerie van Volksgezondheid, Welzijn en Sport', members: [], recognised: true }],
    ['SZW', { name: 'SZW', canonical: 'SZW', kind: 'ministry', code: 'SZW', fullName: 'Ministerie van Sociale Zaken en Werkgelegenheid', members: [], recognised: true }],
    ['BZK', { name: 'BZK', canonical: 'BZK', kind: 'ministry', code: 'BZK', fullName: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties', members: [], recognised: true }],
    ['NLA', { name: 'NLA', canonical: 'NLA', kind: 'agency', code: 'NLA', fullName: 'Nederlandse Arbeidsinspectie', members: [], recognised: true }],
    ['Allen', { name: 'Allen', canonical: 'Allen', kind: 'all', code: null, fullName: null, members: ['OCW', 'SZW', 'JenV', 'VWS'], recognised: true }],
    ['Rijksoverheid', { name: 'Rijksoverheid', canonical: 'Rijksoverheid', kind: 'other', code: null, fullName: null, members: [], recognised: true }],
    [
      'Regerings-commissaris',
      {
        name: 'Regerings-commissaris',
        canonical: 'Regeringscommissaris',
        kind: 'government_commissioner',
        code: null,
        fullName: 'Regeringscommissaris seksueel grensoverschrijdend gedrag en seksueel geweld',
        members: [],
        recognised: true,
      },
    ],
  ])('%j → full actor', (text, actor) => {
    expect(parseOwners(text, none).value.actors).toEqual([actor]);
  });
});

describe('parseOwners: unknown and odd input', () => {
  it.each<[string, string[]]>([
    ['PvdA-GL', ['PvdA-GL']],
    ['Gemeente Utrecht', ['Gemeente Utrecht']],
    ['OCW en Stichting X', ['OCW', 'Stichting X']],
  ])('%j keeps unknown actors with recognised:false and NAP402', (text, names) => {
    const r = parseOwners(text, none);
    expect(r.value.actors.map((a) => a.name)).toEqual(names);
    const unknown = r.value.actors.filter((a) => !a.recognised);
    expect(unknown.length).toBeGreaterThan(0);
    for (const a of unknown) {
      expect(a).toMatchObject({ canonical: a.name, kind: 'other', code: null, fullName: null, members: [] });
    }
    expect(r.problems.map((p) => p.code)).toEqual(unknown.map(() => 'NAP402'));
    expect(r.problems[0]?.actual).toContain(unknown[0]?.name);
  });

  it.each(['', '  ', '\u00a0'])('empty %j → no actors + NAP402', (text) => {
    const r = parseOwners(text, none);
    expect(r.value).toEqual({ text, actors: [] });
    expect(r.problems.map((p) => p.code)).toEqual(['NAP402']);
  });

  it('never splits inside parentheses', () => {
    expect(canonicals('OCW (en VWS, SZW)')).toEqual(['OCW']);
  });
});

describe('joinLineBreakHyphens', () => {
  const known = new Set(['Regeringscommissaris', 'werkvoorzieningsbedrijven']);
  it.each<[string, string]>([
    ['Regerings-commissaris', 'Regeringscommissaris'],
    ['regerings- commissaris', 'regeringscommissaris'],
    ['werkvoorzienings-bedrijven', 'werkvoorzieningsbedrijven'],
    ['PvdA-GL', 'PvdA-GL'],
    ['Noord-Holland', 'Noord-Holland'],
    ['steun- en hulp', 'steun- en hulp'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(joinLineBreakHyphens(text, known)).toBe(expected);
  });

  it('joins only when the word is known', () => {
    expect(joinLineBreakHyphens('verzorgings-tehuizen', new Set())).toBe('verzorgings-tehuizen');
    expect(joinLineBreakHyphens('verzorgings-tehuizen', new Set(['verzorgingstehuizen']))).toBe('verzorgingstehuizen');
  });
});

describe('parseOwners on the 2024 fixture', () => {
  const cells = [...new Set(fixtureActivityRows().map((c) => c[3] ?? ''))];

  it.each(cells)('Wie %j splits into recognised actors only', (text) => {
    const r = parseOwners(text, docWords);
    expect(r.problems).toEqual([]);
    expect(r.value.actors.length).toBeGreaterThan(0);
    expect(r.value.actors.every((a) => a.recognised)).toBe(true);
  });
});
