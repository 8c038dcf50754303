/**
 * The HTML reader on an HTML rendition of the 2024 annex (fixtures/html-generated, made by
 * scripts/make-html-fixture.ts from the text export, statuses as coloured icons): the same data as
 * the text export, field by field, plus every status from its icon colour.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFixture, extractString, EXPECTED_STATUSES_2024, extract2024Text } from './helpers/fixtures.js';

const HTML = fileURLToPath(new URL('../fixtures/html-generated/bijlage-1-2024.html', import.meta.url));
// Shared with the manifest test (test/corpus-manifest.test.ts) when both run in one test process.
const { annex: html } = await extractFixture(HTML);
const { annex: text } = await extract2024Text();
const expected = JSON.parse(readFileSync(EXPECTED_STATUSES_2024, 'utf8')) as { title: string; status: string }[];

describe('HTML reader on the 2024 annex rendition', () => {
  it('is detected as HTML and has the same pages, action lines and title as the text export', () => {
    expect(html.source.format).toBe('html');
    expect(html.source.pageCount).toBe(17);
    expect(html.title).toBe(text.title);
    expect(html.actionLines.map((a) => [a.number, a.title, a.activityCount, a.location.page])).toEqual(
      text.actionLines.map((a) => [a.number, a.title, a.activityCount, a.location.page]),
    );
  });

  it('gives the same 83 activities field by field (except status and line numbers)', () => {
    expect(html.activities).toHaveLength(83);
    const strip = (a: (typeof text.activities)[number]) => ({ ...a, status: null, statusFoundBy: null, location: { page: a.location.page } });
    expect(html.activities.map(strip)).toEqual(text.activities.map(strip));
  });

  it('gives the same 25 footnotes with their citations and citing rows', () => {
    const strip = (f: (typeof text.footnotes)[number]) => ({ ...f, location: { page: f.location.page } });
    expect(html.footnotes.map(strip)).toEqual(text.footnotes.map(strip));
  });

  it('reads every status from its icon colour via the legend on the same page', () => {
    expect(html.activities.map((a) => [a.title, a.status?.label])).toEqual(expected.map((e) => [e.title, e.status]));
    expect(html.activities.every((a) => a.statusFoundBy === 'icon')).toBe(true);
    expect(html.activities[0]!.status).toEqual({ code: 'ongoing', label: 'Doorlopend gedurende uitvoering programma', foundBy: 'icon', iconColor: '#762a83' });
    expect(html.diagnostics.map((d) => d.code)).toEqual(['NAP013', 'NAP501']);
  });

  it('locates rows by page and source line', () => {
    const line = readFileSync(HTML, 'utf8').split('\n').findIndex((l) => l.startsWith('<tr><td>Project SAMEN</td>')) + 1;
    expect(html.activities.find((a) => a.title === 'Project SAMEN')!.location).toEqual({ page: 2, line });
  });
});

describe('HTML reader on small pages', () => {
  it('reads a table without page elements as one page, <sup> markers and rgb()/short colours', async () => {
    const page = `<!doctype html><html><body>
      <p><span style="color: rgb(0, 128, 0)">●</span> Afgerond</p><p><span style="background:#f00"></span> In uitvoering</p>
      <table><tr><th>Activiteit</th><th>Status</th><th>Wanneer</th><th>Wie</th><th>Toelichting</th></tr>
      <tr><td>Actielijn 1</td><td></td><td></td><td></td><td></td></tr>
      <tr><td>Er zijn gedeelde maatschappelijke waarden en normen over hoe we met elkaar om willen gaan in de samenleving</td><td></td><td></td><td></td><td></td></tr>
      <tr><td>Iets</td><td><i style="background-color:#038003"></i></td><td>Q2 2025</td><td>OCW</td><td><p>Zie<sup>1</sup>.</p></td></tr>
      <tr><td>Ander</td><td><span style="background:#ee1111"></span></td><td>medio 2025</td><td>VWS</td><td>Tekst</td></tr>
      </table><p><sup>1</sup> Kamerstukken II 2023/24, 34843, nr. 109</p></body></html>`;
    const { annex } = await extractString(page, 'klein.html');
    expect(annex.source.format).toBe('html');
    expect(annex.activities.map((a) => [a.title, a.status?.code, a.footnotes])).toEqual([
      ['Iets', 'completed', [1]],
      ['Ander', 'in_progress', []],
    ]);
    expect(annex.footnotes[0]!.citations[0]!.id).toBe('kst-34843-109');
    expect(annex.diagnostics.filter((d) => d.code === 'NAP109').map((d) => [d.place, d.actual, d.expected, d.source])).toEqual([
      [{ page: 1, line: 2 }, ['Afgerond', 'In uitvoering'], 5, 'assemble'],
    ]);
  });
});
