/** Adversarial finding B8: severities that hid data loss, and page furniture the readers missed. */
import { describe, expect, it } from 'vitest';
import { codes, extractFixture, minText } from './helpers.js';

describe('B8: severities follow data loss', () => {
  it('NAP106 (text outside the table, not in the output) is an error', async () => {
    const result = await extractFixture('loose.txt', minText().replace('Actielijn 3\t', 'Een losse regel\nActielijn 3\t'));
    const nap106 = result.diagnostics.filter((d) => d.code === 'NAP106');
    expect(nap106.map((d) => [d.severity, d.actual, d.place.line])).toEqual([['error', 'Een losse regel', 14]]);
  });

  it('NAP304 (no status icon in an input with icons) is an error', async () => {
    const legend = ['Afgerond', 'In uitvoering', 'Doorlopend gedurende uitvoering programma', 'In uitvoering met vertraging', 'Nog niet begonnen of afgebroken']
      .map((l, i) => `<p><span style="background:#00${i}${i}00"></span> ${l}</p>`).join('');
    const html = `<html><body>${legend}<table><tr><td>Activiteit</td><td>Status</td><td>Wanneer</td><td>Wie</td><td>Toelichting</td></tr>
<tr><td>Actielijn 1</td><td></td><td></td><td></td><td></td></tr>
<tr><td>Met icoon</td><td><span style="background:#000000"></span></td><td>2024</td><td>OCW</td><td>x</td></tr>
<tr><td>Zonder icoon</td><td></td><td>2024</td><td>OCW</td><td>y</td></tr></table></body></html>`;
    const result = await extractFixture('icons.html', html);
    expect(result.annex.activities.map((a) => [a.id, a.status?.code ?? null])).toEqual([['AL1-01', 'completed'], ['AL1-02', null]]);
    const nap304 = result.diagnostics.filter((d) => d.code === 'NAP304');
    expect(nap304.map((d) => [d.severity, d.row, d.field])).toEqual([['error', 'AL1-02', 'Status']]);
  });

  it('missing action lines are an error (NAP503)', async () => {
    const result = await extractFixture('fewer.txt', minText().split('Actielijn 4\t')[0]!);
    expect(result.diagnostics.filter((d) => d.code === 'NAP503').map((d) => [d.severity, d.actual, d.expected])).toEqual([['error', [1, 2, 3], [1, 2, 3, 4, 5]]]);
  });

  it('an action line out of order is a warning (NAP505), nothing else', async () => {
    const text = minText();
    const [head, rest] = [text.slice(0, text.indexOf('Actielijn 2\t')), text.slice(text.indexOf('Actielijn 2\t'))];
    const al2 = rest.slice(0, rest.indexOf('Actielijn 3\t'));
    const swapped = `${head}${rest.slice(al2.length).replace('Actielijn 5\t', `${al2}Actielijn 5\t`)}`;
    const result = await extractFixture('order.txt', swapped);
    expect(result.annex.actionLines.map((a) => a.number)).toEqual([1, 3, 4, 2, 5]);
    expect(codes(result).filter((c) => !c.startsWith('NAP301') && !c.startsWith('NAP013'))).toEqual(['NAP505 warning']);
    expect(result.diagnostics.find((d) => d.code === 'NAP505')).toMatchObject({ actual: [1, 3, 4, 2, 5], expected: [1, 2, 3, 4, 5] });
  });

  it('"Actielijn 6" is read, with a warning (NAP506)', async () => {
    const result = await extractFixture('t_al6.txt');
    expect(result.annex.actionLines.map((a) => [a.number, a.title, a.activityCount])).toContainEqual([6, 'Zesde lijn', 1]);
    expect(result.diagnostics.filter((d) => d.code !== 'NAP301' && d.code !== 'NAP013').map((d) => [d.code, d.severity, d.actual, d.expected])).toEqual([
      ['NAP506', 'warning', 6, [1, 2, 3, 4, 5]],
    ]);
  });
});

describe('B8: page furniture as printed', () => {
  it('format characters (zero-width space, RTL mark) do not hide "Actielijn N", header or legend', async () => {
    const result = await extractFixture('t_zw_al.txt');
    expect(result.annex.actionLines.map((a) => a.number)).toEqual([1, 2, 3, 4, 5]);
    expect(result.annex.activities.map((a) => a.id)).toEqual(['AL1-01', 'AL2-01', 'AL3-01', 'AL4-01', 'AL5-01']);
    // The RTL mark is a bidi control: removed by the clean-text rule (model/clean-text.ts), with its warning.
    expect(codes(result)).toEqual(['NAP018 warning', 'NAP301 info', 'NAP013 info']);
    const header = await extractFixture('zw.txt', minText().replace('Activiteit\tStatus', '\u200bActiviteit\tSta\u200btus').replace('Afgerond', 'Af\u00adgerond'));
    expect(codes(header)).toEqual(['NAP301 info', 'NAP013 info']);
    expect(header.annex.legend.map((l) => l.code)).toEqual(['completed', 'in_progress', 'ongoing', 'delayed', 'not_started_or_stopped']);
  });

  it('"Actielijn 2" printed without tabs is the action-line row', async () => {
    const result = await extractFixture('t_al_notab.txt');
    expect(result.annex.actionLines.map((a) => [a.number, a.activityCount])).toEqual([[1, 1], [2, 1], [3, 1], [4, 1], [5, 1]]);
    expect(result.annex.actionLines[1]!.title).toBe('Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke normen');
    expect(codes(result)).toEqual(['NAP301 info', 'NAP013 info']);
  });

  it('text in the other cells of an "Actielijn N" row is reported (NAP110, error), not made an activity', async () => {
    const result = await extractFixture('t_al_note.txt');
    expect(result.annex.activities.map((a) => a.title)).not.toContain('Actielijn 2');
    expect(result.annex.actionLines.map((a) => [a.number, a.activityCount])).toEqual([[1, 1], [2, 1], [3, 1], [4, 1], [5, 1]]);
    expect(result.diagnostics.filter((d) => d.code !== 'NAP301' && d.code !== 'NAP013').map((d) => [d.code, d.severity, d.actual, d.place.line])).toEqual([
      ['NAP110', 'error', ['zie noot'], 11],
    ]);
  });

  it('a footnote definition continued on the next line is one footnote', async () => {
    const result = await extractFixture('t_fn_span.txt');
    expect(result.annex.footnotes.map((f) => [f.number, f.text, f.citations.map((c) => c.id)])).toEqual([
      [1, 'Eerste deel van de voetnoot vervolg van voetnoot met Kamerstukken II 2022/23, 34843, nr. 80', ['kst-34843-80']],
    ]);
    expect(codes(result)).toEqual(['NAP301 info', 'NAP013 info']);
  });
});
