/** Assembly and footnote rules on small text exports built for each case. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TEXT_2024, extractString } from './helpers/fixtures.js';

const LEGEND = ' Afgerond\n  In uitvoering\n  Doorlopend gedurende uitvoering programma\n  In uitvoering met vertraging\n  Nog niet begonnen of afgebroken\n';
const HEADER = 'Activiteit\tStatus\tWanneer\tWie\tToelichting\n';
const AL1 = 'Actielijn 1\t\t\t\t\nEr zijn gedeelde maatschappelijke waarden en normen over hoe we met elkaar om willen gaan in de samenleving\t\t\t\t\n';
const page = (body: string, footnotes = '') => `${LEGEND}\n${HEADER}${AL1}${body}\n${footnotes}\n`;
const codes = (d: { code: string }[]) => d.map((x) => x.code);

describe('assembly', () => {
  it('joins a row continued at the top of the next page, counts furniture once', async () => {
    const text =
      page('Eerste activiteit\t\t2024\tOCW\tBegin van de tekst die doorloopt\n') +
      page('\t\t\t\top de volgende pagina.\nTweede activiteit\t\t2025\tVWS\tKort.\n');
    const { annex } = await extractString(text);
    expect(annex.source.pageCount).toBe(2);
    expect(annex.activities.map((a) => [a.id, a.title, a.explanation.text])).toEqual([
      ['AL1-01', 'Eerste activiteit', 'Begin van de tekst die doorloopt op de volgende pagina.'],
      ['AL1-02', 'Tweede activiteit', 'Kort.'],
    ]);
    expect(annex.actionLines).toHaveLength(1);
    const join = annex.diagnostics.find((d) => d.code === 'NAP108');
    const line = text.split('\n').findIndex((l) => l.startsWith('\t\t\t\top de')) + 1;
    expect(join).toMatchObject({ severity: 'info', place: { page: 2, line }, row: 'AL1-01' });
  });

  it('joins a title carried alone to the next page with the row whose other cells end the page before (NAP108)', async () => {
    // A browser keeps a title's lines together: the Wanneer, Wie and Toelichting start at the foot
    // of page 1 with an empty title cell, the title alone opens page 2.
    const text =
      page('Eerste activiteit\t\t2024\tOCW\tKort.\n\t\t2025\tVWS\tBegin van de tekst\n') +
      page('Tweede activiteit\t\t\t\tdie doorloopt.\nDerde activiteit\t\t2026\tJenV\tOok kort.\n');
    const { annex } = await extractString(text);
    expect(annex.activities.map((a) => [a.id, a.title, a.planning.text, a.owners.text, a.explanation.text])).toEqual([
      ['AL1-01', 'Eerste activiteit', '2024', 'OCW', 'Kort.'],
      ['AL1-02', 'Tweede activiteit', '2025', 'VWS', 'Begin van de tekst die doorloopt.'],
      ['AL1-03', 'Derde activiteit', '2026', 'JenV', 'Ook kort.'],
    ]);
    expect(codes(annex.diagnostics)).not.toContain('NAP104');
    expect(annex.diagnostics.find((d) => d.code === 'NAP108')).toMatchObject({ severity: 'info', place: { page: 2 }, row: 'AL1-02' });
  });

  it('keeps a row without title at a page end an error when the next page opens with a full row (NAP104)', async () => {
    const text =
      page('Eerste activiteit\t\t2024\tOCW\tKort.\n\t\t2025\tVWS\tZwevende cel.\n') +
      page('Tweede activiteit\t\t2026\tJenV\tOok kort.\n');
    const { annex } = await extractString(text);
    expect(annex.activities.map((a) => a.title)).toEqual(['Eerste activiteit', 'Tweede activiteit']);
    expect(annex.diagnostics.find((d) => d.code === 'NAP104')).toMatchObject({ severity: 'error', place: { page: 1 }, actual: ['', '', '2025', 'VWS', 'Zwevende cel.'] });
  });

  it('reports a row without title mid-page as an error quoting it (NAP104)', async () => {
    const { annex } = await extractString(page('Eerste\t\t2024\tOCW\tA.\n\t\t2025\tVWS\tZwevende cel.\n'));
    expect(annex.activities).toHaveLength(1);
    const d = annex.diagnostics.find((x) => x.code === 'NAP104');
    // LEGEND 5 + blank + header + 2 + row 10; the row's cells as `actual`.
    expect(d).toMatchObject({ severity: 'error', place: { page: 1, line: 11 }, actual: ['', '', '2025', 'VWS', 'Zwevende cel.'] });
  });

  it('reports rows without a header row (NAP102) and an unknown header (NAP103)', async () => {
    const noHeader = await extractString(`${LEGEND}\n${AL1}Eerste\t\t2024\tOCW\tA.\n`);
    expect(codes(noHeader.diagnostics)).toContain('NAP102');
    expect(noHeader.annex.activities).toHaveLength(1);
    const odd = await extractString(`${LEGEND}\nActiviteit\tStatus\tPeriode\tWie\tToelichting\n${AL1}Eerste\t\t2024\tOCW\tA.\n`);
    const d = odd.diagnostics.find((x) => x.code === 'NAP103');
    expect(d).toMatchObject({ severity: 'error', place: { page: 1, line: 7 }, field: 'Wanneer', actual: 'Periode', expected: ['wanneer', 'oorspronkelijke planning', 'planning'] });
  });

  it('accepts "Oorspronkelijke planning" as the third header', async () => {
    const { diagnostics } = await extractString(`${LEGEND}\nActiviteit\tStatus\tOorspronkelijke planning\tWie\tToelichting\n${AL1}Eerste\t\t2024\tOCW\tA.\n`);
    expect(codes(diagnostics)).not.toContain('NAP103');
  });

  it('reports no activity table (NAP101) for a legend-only text', async () => {
    const { annex, diagnostics } = await extractString(LEGEND);
    expect(annex.activities).toEqual([]);
    expect(diagnostics.find((d) => d.code === 'NAP101')?.severity).toBe('error');
  });

  it('reports an activity before any Actielijn row (NAP107)', async () => {
    const { diagnostics } = await extractString(`${LEGEND}\n${HEADER}Los\t\t2024\tOCW\tA.\n`);
    expect(diagnostics.find((d) => d.code === 'NAP107')).toMatchObject({ severity: 'error', actual: 'Los' });
  });

  it('keeps the first goal sentence and reports a different repeat', async () => {
    const text = page('Eerste\t\t2024\tOCW\tA.\n') + `${LEGEND}\n${HEADER}Actielijn 1\t\t\t\t\nAndere doelzin\t\t\t\t\nTweede\t\t2024\tOCW\tB.\n`;
    const { annex, diagnostics } = await extractString(text);
    expect(annex.actionLines[0]!.title).toMatch(/^Er zijn gedeelde/);
    expect(diagnostics.find((d) => d.code === 'NAP113')).toMatchObject({ actual: 'Andere doelzin', expected: annex.actionLines[0]!.title });
  });
});

describe('footnotes', () => {
  it('reports a marker citing an undefined footnote (NAP201) as an error with the row', async () => {
    const { annex, diagnostics } = await extractString(page('Eerste\t\t2024\tOCW\tZie rapport.⁷\n', '¹ Niet geciteerd.\n'));
    expect(annex.activities[0]!.footnotes).toEqual([7]);
    expect(diagnostics.find((d) => d.code === 'NAP201')).toMatchObject({ severity: 'error', place: { page: 1, line: 10 }, row: 'AL1-01', actual: 7, expected: [1] });
    expect(diagnostics.find((d) => d.code === 'NAP202')).toMatchObject({ severity: 'warning', place: { page: 1, line: 12 } });
  });

  it('reports a footnote number defined twice (NAP203), keeping the first', async () => {
    const text = page('Eerste\t\t2024\tOCW\tA.¹\n', '¹ Eerste definitie.\n') + page('Tweede\t\t2024\tOCW\tB.\n', '¹ Tweede definitie.\n');
    const { annex, diagnostics } = await extractString(text);
    expect(annex.footnotes).toHaveLength(1);
    expect(annex.footnotes[0]!.text).toBe('Eerste definitie.');
    const d = diagnostics.find((x) => x.code === 'NAP203');
    expect(d).toMatchObject({ severity: 'error', place: { page: 2 }, actual: 1 });
  });

  it('keeps a marker ⁰ or an absurdly large one in the text and reports it (NAP204), no schema failure', async () => {
    const { annex, diagnostics } = await extractString(page('Eerste\t\t2024\tOCW\tA⁰ en B¹⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰.\n', '⁰ Nul.\n'));
    expect(annex.activities[0]!.footnotes).toEqual([]);
    expect(annex.activities[0]!.explanation.text).toBe('A⁰ en B¹⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰⁰.');
    expect(annex.footnotes).toEqual([]);
    const found = diagnostics.filter((d) => d.code === 'NAP204');
    expect(found.map((d) => d.severity)).toEqual(['error', 'error', 'error']);
    expect(found[0]).toMatchObject({ actual: 0, expected: '1 to 9999' });
    expect(found[1]).toMatchObject({ row: 'AL1-01', field: 'Toelichting' });
  });
});

describe('action line numbers', () => {
  it.each(['0', '99999999999999999999999'])('reports "Actielijn %s" (NAP504) and the rows under it (NAP107), no schema failure', async (n) => {
    const { annex, diagnostics } = await extractString(`${LEGEND}\n${HEADER}Actielijn ${n}\t\t\t\t\nEerste\t\t2024\tOCW\tA.\n`);
    expect(annex.actionLines).toEqual([]);
    expect(diagnostics.find((d) => d.code === 'NAP504')).toMatchObject({ severity: 'error', place: { page: 1, line: 8 }, actual: `Actielijn ${n}`, expected: '1 to 99' });
    expect(diagnostics.find((d) => d.code === 'NAP107')).toMatchObject({ actual: 'Eerste' });
  });
});

describe('status from a text Status column', () => {
  it('reads legend labels printed as text, and reports unknown labels (NAP302)', async () => {
    const { annex, diagnostics } = await extractString(page('Eerste\tAfgerond\t2024\tOCW\tA.\nTweede\tMisschien\t2024\tOCW\tB.\n'));
    expect(annex.activities[0]!.status).toEqual({ code: 'completed', label: 'Afgerond', foundBy: 'text', iconColor: null });
    expect(annex.activities[0]!.statusFoundBy).toBe('text');
    expect(annex.activities[1]!.status).toBeNull();
    expect(diagnostics.find((d) => d.code === 'NAP302')).toMatchObject({ severity: 'error', row: 'AL1-02', field: 'Status' });
  });
});

describe('action-line sequence (NAP503)', () => {
  it('reports missing action lines once and an action line out of order', async () => {
    const al = (n: number, goal: string) => `Actielijn ${n}\t\t\t\t\n${goal}\t\t\t\t\n`;
    const text = `${LEGEND}\n${HEADER}${al(1, 'Doel een')}Eerste\t\t2024\tOCW\tA.\n${HEADER}${al(3, 'Doel drie')}Tweede\t\t2024\tOCW\tB.\n${HEADER}${al(2, 'Doel twee')}Derde\t\t2024\tOCW\tC.\n`;
    const { diagnostics } = await extractString(text);
    // Missing action lines lose activities (error, NAP503); an order change loses nothing (warning, NAP505).
    const sequence = diagnostics.filter((d) => d.code === 'NAP503' || d.code === 'NAP505');
    expect(sequence.map((d) => [d.code, d.severity, d.actual, d.expected])).toEqual([
      ['NAP503', 'error', [1, 3, 2], [1, 2, 3, 4, 5]],
      ['NAP505', 'warning', [1, 3, 2], [1, 2, 3]],
    ]);
    expect(sequence[1]!.place).toMatchObject({ page: 1, line: 16 });
  });

  it('reports nothing for the 2024 annex', async () => {
    const { annex } = await extractString(require2024());
    expect(annex.diagnostics.filter((d) => d.code === 'NAP503')).toEqual([]);
  });
});

function require2024(): string {
  return readFileSync(TEXT_2024, 'utf8');
}
