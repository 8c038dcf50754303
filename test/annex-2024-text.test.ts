/** The 2024 annex text export, end to end: the values the real document contains. */
import { describe, expect, it } from 'vitest';
import { extract2024Text } from './helpers/fixtures.js';

const { annex } = await extract2024Text();
const byTitle = (title: string) => {
  const found = annex.activities.filter((a) => a.title === title);
  expect(found, title).toHaveLength(1);
  return found[0]!;
};

describe('2024 annex (text export): structure', () => {
  it('has 17 pages and the document title as printed', () => {
    expect(annex.source.pageCount).toBe(17);
    expect(annex.source.format).toBe('text');
    expect(annex.title).toBe(
      'Bijlage 1. Voortgang activiteiten Nationaal Actieprogramma Aanpak seksueel grensoverschrijdend gedrag en seksueel geweld (NAP)',
    );
  });

  it('has the 5 action lines with their titles as printed (Actielijn 2 truncated "norme")', () => {
    expect(annex.actionLines.map((a) => [a.number, a.title])).toEqual([
      [1, 'Er zijn gedeelde maatschappelijke waarden en normen over hoe we met elkaar om willen gaan in de samenleving'],
      [2, 'Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke norme'],
      [3, 'Organisaties hebben processen voor preventie, signalering en opvolging op orde'],
      [4, 'Iedereen herkent seksueel grensoverschrijdend gedrag en seksueel geweld en kan hierop reageren'],
      [5, 'Er is goede hulpverlening die makkelijk vindbaar is'],
    ]);
    expect(annex.actionLines.map((a) => a.location)).toEqual([
      { page: 1, line: 36 },
      { page: 6, line: 192 },
      { page: 8, line: 245 },
      { page: 13, line: 388 },
      { page: 15, line: 445 },
    ]);
  });

  it('has 83 activities: 27, 7, 31, 6 and 12 per action line, in document order, each once', () => {
    expect(annex.activities).toHaveLength(83);
    expect(annex.actionLines.map((a) => a.activityCount)).toEqual([27, 7, 31, 6, 12]);
    const perLine = [1, 2, 3, 4, 5].map((n) => annex.activities.filter((a) => a.actionLine === n).length);
    expect(perLine).toEqual([27, 7, 31, 6, 12]);
    const lines = annex.activities.map((a) => a.location.line!);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(new Set(annex.activities.map((a) => a.id)).size).toBe(83);
    expect(new Set(annex.activities.map((a) => a.title)).size).toBe(83);
  });

  it('gives stable ids and keeps first and last titles exactly', () => {
    expect(annex.activities[0]).toMatchObject({ id: 'AL1-01', title: 'Publiekscommunicatie', location: { page: 1, line: 38 } });
    expect(annex.activities[26]).toMatchObject({
      id: 'AL1-27',
      title: 'Opvolging GREVIO aanbevelingen online en digital geweld tegen vrouwen',
    });
    expect(annex.activities[27]).toMatchObject({
      id: 'AL2-01',
      title: 'Wijziging van de Arbeidsomstandighedenwet in verband met het verplicht stellen van een vertrouwenspersoon',
    });
    expect(annex.activities.at(-1)).toMatchObject({ id: 'AL5-12', title: 'Regionale bezoeken', location: { page: 17, line: 480 } });
    expect(byTitle('Invzetten op veilige sport').id).toBe('AL3-08');
  });

  it('keeps Wanneer and Wie as printed', () => {
    expect(byTitle('Onderzoek naar klachtenprocedures onderwijssector')).toMatchObject({
      planning: { text: 'Q4 2024' },
      owners: { text: 'OCW' },
    });
    expect(byTitle('Advisering wettelijke verplichting vertrouwenspersoon').planning.text).toBe('Q1 2023 en Q1 2024');
    expect(byTitle('Publiekscommunicatie').planning.text).toBe('2023- 2025');
    expect(byTitle('Jaarlijkse conferentie NAP').owners.text).toBe('OCW, SZW, JenV, en VWS');
    expect(byTitle('Programmatische aanpak van de sociale partners').owners.text).toBe(
      'Sociale partners en de regerings-commissaris in samenwerking met SZW',
    );
    expect(byTitle('Project DoeMeeMet5D').planning.text).toBe('2023- 2025');
  });
});

describe('2024 annex (text export): footnotes', () => {
  it('has 25 footnotes numbered 1..25, each cited exactly once', () => {
    expect(annex.footnotes.map((f) => f.number)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(annex.footnotes.every((f) => f.citedBy.length === 1)).toBe(true);
    expect(annex.activities.flatMap((a) => a.footnotes).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
  });

  it('keeps footnote texts as printed', () => {
    const text = (n: number) => annex.footnotes.find((f) => f.number === n)?.text;
    expect(text(1)).toBe('I&O Research (2023) [Onderzoek seksueel grensoverschrijdend gedrag](#)');
    expect(text(2)).toBe('Kamerstukken, 2023/24 30420, nr. 390');
    expect(text(10)).toBe(
      'Kamerstukken II 2023/24, 28345, nr. 269. Regioplan (2023) Digitale dimensie van geweld tegen vrouwen, Opvolging Algemene Aanbeveling nr. 1 GREVIO.',
    );
    expect(text(15)).toBe('Kamerstukken II 2022/23 34843; 30234, nr. 77');
    expect(text(22)).toBe('Kamerstukken II 2022/23, 24587 nr.898');
    expect(text(25)).toBe('<https://repository.wodc.nl/handle/20.500.12832/3290>');
    expect(annex.footnotes.find((f) => f.number === 20)?.location).toEqual({ page: 11, line: 348 });
  });

  it('reattaches markers glued to a word or full stop, after a space, and multi-digit', () => {
    const dans = byTitle('Aanpak grensoverschrijdend gedrag in de danssector');
    expect(dans.footnotes).toEqual([14, 15]);
    expect(dans.explanation.text).toContain("'Schaduw dansen' over misstanden in de danssector uit op maandag 22 mei 2023. Op 15 juni 2023");
    expect(byTitle('Publieksmonitor').footnotes).toEqual([1]);
    expect(byTitle('Publieksmonitor').explanation.text).toContain('seksueel grensoverschrijdend gedrag . De publieksmonitor');
    expect(byTitle('Onderzoek naar opvattingen jongeren en ouders').footnotes).toEqual([6]);
    expect(byTitle('Project Seksuele opvoeding door ouders').footnotes).toEqual([]);
    expect(byTitle('Verbetering van de arbeidsomstandigheden creatieve, cultuur- en mediasector').footnotes).toEqual([20]);
    expect(annex.footnotes.find((f) => f.number === 25)?.citedBy).toEqual(['AL5-07']);
    const everyText = annex.activities.map((a) => `${a.title} ${a.planning.text} ${a.owners.text} ${a.explanation.text}`).join(' ');
    expect(everyText).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/);
  });
});

describe('2024 annex (text export): status and diagnostics', () => {
  it('has status null for every row, with the reason recorded once', () => {
    expect(annex.activities.every((a) => a.status === null && a.statusFoundBy === 'absent')).toBe(true);
    const reasons = annex.diagnostics.filter((d) => d.code === 'NAP301');
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatchObject({ severity: 'info', file: 'bijlage-1.txt', place: {}, source: 'normalise', actual: 83 });
  });

  it('reads the legend once, in legend order', () => {
    expect(annex.legend).toEqual([
      { code: 'completed', label: 'Afgerond' },
      { code: 'in_progress', label: 'In uitvoering' },
      { code: 'ongoing', label: 'Doorlopend gedurende uitvoering programma' },
      { code: 'delayed', label: 'In uitvoering met vertraging' },
      { code: 'not_started_or_stopped', label: 'Nog niet begonnen of afgebroken' },
    ]);
  });

  it('reports no errors on the real annex', () => {
    expect(annex.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('2024 annex (text export): explanations', () => {
  it('turns <p> and <ul> with inline bullets into paragraphs and a list', () => {
    const a = byTitle('Rijksoverheid als werkgever');
    expect(a.explanation.blocks).toHaveLength(2);
    expect(a.explanation.blocks[0]).toEqual({
      type: 'paragraph',
      text: 'De Rijksoverheid werkt als grootste werkgever van Nederland aan het tegengaan en voorkomen van ongewenst gedrag. Dit gebeurt op verschillende manieren:',
    });
    const list = a.explanation.blocks[1]!;
    expect(list.type === 'list' && list.items).toHaveLength(6);
    expect(list.type === 'list' && list.items[1]).toBe(
      'De Rijksoverheid evalueert de Gedragscode Integriteit Rijk (GIR) als minimumnorm voor gewenst gedrag.',
    );
  });

  it('keeps the paragraph after an unclosed <ul> as a paragraph', () => {
    const a = annex.activities.find((x) => x.explanation.text.includes('Toevoeging van een zorgplicht'))!;
    const types = a.explanation.blocks.map((b) => (b.type === 'list' ? `list:${b.items.length}` : 'p'));
    expect(types).toEqual(['p', 'list:5', 'p']);
    expect(a.footnotes).toEqual([17]);
  });

  it('leaves no HTML tags in any explanation', () => {
    for (const a of annex.activities) expect(a.explanation.text, a.id).not.toMatch(/<\/?(p|ul|li|i)\b/);
    expect(annex.activities.every((a) => a.explanation.blocks.length > 0)).toBe(true);
  });
});
