/** The 2024 annex text export: normalised planning, owners, citations, links and titles. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { activitiesCsv } from '../src/emit/csv.js';
import { extract2024Text } from './helpers/fixtures.js';

const { annex } = await extract2024Text();
const byTitle = (title: string) => annex.activities.find((a) => a.title === title)!;

describe('2024 annex: planning', () => {
  it('parses every Wanneer / Oorspronkelijke planning text into dated ranges', () => {
    const unparsed = annex.activities.filter((a) => a.planning.kind !== 'dated').map((a) => a.planning.text);
    expect(unparsed).toEqual([]);
    expect(annex.diagnostics.filter((d) => d.code === 'NAP401')).toEqual([]);
  });

  it.each([
    ['Publiekscommunicatie', '2023- 2025', [['2023-01-01', '2025-12-31', false]]],
    ['Project SAMEN', 'Q3 2022-Q3 2024', [['2022-07-01', '2024-09-30', false]]],
    ['Project Preventie seksueel grensoverschrijdend gedrag onder studenten', 'Q2-Q4 2023', [['2023-04-01', '2023-12-31', false]]],
    ['Expertisepunt Burgerschap', 'Vanaf 2022', [['2022-01-01', null, true]]],
    ['Stimuleren sectorale aanpak zorg', 'Vanaf Q4 2023', [['2023-10-01', null, true]]],
    ['Advisering wettelijke verplichting vertrouwenspersoon', 'Q1 2023 en Q1 2024', [['2023-01-01', '2023-03-31', false], ['2024-01-01', '2024-03-31', false]]],
    ['Bestuursakkoord over sociale veiligheid in hoger onderwijs en de wetenschap', '2022-2031', [['2022-01-01', '2031-12-31', false]]],
    ['Onderzoek naar klachtenprocedures onderwijssector', 'Q4 2024', [['2024-10-01', '2024-12-31', false]]],
  ])('%s: %s', (title, text, ranges) => {
    const a = byTitle(title);
    expect(a.planning.text).toBe(text);
    expect(a.planning.ranges.map((r) => [r.start, r.end, r.openEnded])).toEqual(ranges);
  });
});

describe('2024 annex: owners', () => {
  it('splits and names every Wie text', () => {
    expect(annex.activities.flatMap((a) => a.owners.actors).filter((x) => !x.recognised)).toEqual([]);
    expect(annex.diagnostics.filter((d) => d.code === 'NAP402')).toEqual([]);
  });

  it.each([
    ['Jaarlijkse conferentie NAP', ['OCW', 'SZW', 'JenV', 'VWS']],
    ['Project Seksuele opvoeding door ouders', ['VWS', 'OCW']],
    ['Rondetafelgesprekken lhbtqi+', ['Regeringscommissaris']],
    ['Programmatische aanpak van de sociale partners', ['Sociale partners', 'Regeringscommissaris', 'SZW']],
    ['Acties Nederlandse Arbeidsinspectie', ['NLA']],
    ['Rijksoverheid als werkgever', ['BZK']],
  ])('%s', (title, canonical) => {
    expect(byTitle(title).owners.actors.map((x) => x.canonical)).toEqual(canonical);
  });

  it('keeps the initiator as one actor and marks "Allen" as all ministries of the programme', () => {
    const initiator = byTitle('Wijziging van de Arbeidsomstandighedenwet in verband met het verplicht stellen van een vertrouwenspersoon').owners.actors;
    expect(initiator.map((x) => x.name)).toEqual(['Initiatiefnemer (Lid Maatoug van PvdA-GL)']);
    const allen = byTitle('Publiekscommunicatie').owners.actors;
    expect(allen).toEqual([expect.objectContaining({ name: 'Allen', kind: 'all', members: ['OCW', 'SZW', 'JenV', 'VWS'] })]);
    expect(byTitle('Onderzoek naar klachtenprocedures onderwijssector').owners.actors[0]).toMatchObject({
      code: 'OCW',
      fullName: 'Ministerie van Onderwijs, Cultuur en Wetenschap',
    });
  });
});

describe('2024 annex: footnotes, citations and links', () => {
  const fn = (n: number) => annex.footnotes.find((f) => f.number === n)!;

  it('parses every Kamerstuk citation spelling in the annex', () => {
    expect(annex.footnotes.flatMap((f) => f.citations).map((c) => c.id)).toEqual([
      'kst-30420-390', 'kst-34843-80', 'kst-34843-67', 'kst-32239-14', 'kst-32239-14', 'kst-28345-269',
      'kst-34843-77', 'kst-29240-135', 'kst-29544-1199', 'kst-32820-513', 'kst-24587-898',
    ]);
    expect(fn(2).citations[0]).toMatchObject({ chamber: null, sessionYear: '2023/24', dossiers: ['30420'], documentNumber: '390' });
    expect(fn(15).citations[0]).toMatchObject({ chamber: 'II', sessionYear: '2022/23', dossiers: ['34843', '30234'], documentNumber: '77' });
    expect(fn(22).citations[0]).toMatchObject({ dossiers: ['24587'], documentNumber: '898', url: 'https://zoek.officielebekendmakingen.nl/kst-24587-898.html' });
    expect(fn(20).citations).toHaveLength(2);
    expect(annex.diagnostics.filter((d) => d.code === 'NAP403')).toEqual([]);
  });

  it('extracts markdown links, "#" targets as no url, autolinks and www domains', () => {
    expect(fn(1).links).toEqual([{ text: 'Onderzoek seksueel grensoverschrijdend gedrag', url: null }]);
    expect(fn(3).links).toEqual([{ text: 'https://generatiejaen.rutgers.nl/', url: 'https://generatiejaen.rutgers.nl/' }]);
    expect(fn(4).links).toEqual([{ text: 'Ben je oké? (benjeoke.nl)', url: 'http://benjeoke.nl' }]);
    expect(fn(9).links).toEqual([{ text: 'www.rcgog.nl', url: 'https://www.rcgog.nl' }]);
  });
});

describe('2024 annex: action lines', () => {
  it('adds the canonical title and warns once, for Actielijn 2 on page 6', () => {
    expect(annex.actionLines[1]).toMatchObject({
      title: 'Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke norme',
      canonicalTitle: 'Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke normen',
    });
    const warnings = annex.diagnostics.filter((d) => d.code === 'NAP501');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', place: { page: 6, line: 192 }, source: 'normalise', expected: 'Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke normen' });
    expect(annex.actionLines.filter((a) => a.canonicalTitle === a.title).map((a) => a.number)).toEqual([1, 3, 4, 5]);
  });
});

describe('2024 annex: activities.csv with parsed columns', () => {
  it('has planning dates, owner codes and citation ids', () => {
    const rows = parse(activitiesCsv(annex), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.title === 'Project SAMEN')).toMatchObject({ planning_start: '2022-07-01', planning_end: '2024-09-30', planning_open_ended: 'false', owner_codes: 'OCW' });
    expect(rows.find((r) => r.title === 'Expertisepunt Burgerschap')).toMatchObject({ planning_start: '2022-01-01', planning_end: '', planning_open_ended: 'true' });
    expect(rows.find((r) => r.title === 'Jaarlijkse conferentie NAP')!.owner_codes).toBe('OCW|SZW|JenV|VWS');
    expect(rows.find((r) => r.id === 'AL3-09')!.citation_ids).toBe('kst-34843-77');
    expect(rows.find((r) => r.id === 'AL3-22')!.citation_ids).toBe('kst-29544-1199|kst-32820-513');
  });
});
