/** Only what a reader sees is data (HTML): hidden rows are absent, each with a NAP017 warning. */
import { describe, expect, it } from 'vitest';
import { flattenDeepNesting, MAX_HTML_DEPTH } from '../../src/readers/html-depth.js';
import { extractFixture } from './helpers.js';

const HEAD = '<html><head>STYLE</head><body><table><tr><td>Activiteit</td><td>Status</td><td>Wanneer</td><td>Wie</td><td>Toelichting</td></tr>\n';
const row = (title: string, attrs = '', tag = 'tr'): string => `<${tag}${attrs}><td>${title}</td><td></td><td>2024</td><td>OCW</td><td>x</td></${tag}>\n`;
/** Five action lines with one visible row each; `extra` goes after the row of Actielijn 1. */
function annex(extra: string, style = ''): string {
  const lines = [1, 2, 3, 4, 5].map((n) => `<tr><td>Actielijn ${n}</td><td></td><td></td><td></td><td></td></tr>\n${row(`Zichtbaar ${n}`)}${n === 1 ? extra : ''}`);
  return `${HEAD.replace('STYLE', style)}${lines.join('')}</table></body></html>`;
}

const VISIBLE = ['Zichtbaar 1', 'Zichtbaar 2', 'Zichtbaar 3', 'Zichtbaar 4', 'Zichtbaar 5'];

describe('hidden HTML rows are not data', () => {
  it.each([
    ['the hidden attribute', row('Verborgen', ' hidden'), '', 'the hidden attribute'],
    ['inline display:none', row('Verborgen', ' style="display:none"'), '', 'display: none'],
    ['inline visibility:hidden', row('Verborgen', ' style="visibility: hidden"'), '', 'visibility: hidden'],
    ['a class hidden by a <style> sheet', row('Verborgen', ' class="x y"'), '<style>/* c */ .y { color: red; display : none }</style>', 'display: none'],
    ['an id hidden by a sheet inside @media', row('Verborgen', ' id="weg"'), '<style>@media all { #weg { visibility:collapse } }</style>', 'visibility: collapse'],
    ['an element selector with a descendant combinator', row('Verborgen', '', 'tr class="z"').replace('</tr class="z">', '</tr>'), '<style>table tr.z { font-size: 0px }</style>', 'font-size: 0px'],
    ['zero font size inline', row('Verborgen', ' style="font-size:0"'), '', 'font-size: 0'],
    ['opacity 0', row('Verborgen', ' style="opacity:0"'), '', 'opacity: 0'],
    ['white text on white', row('Verborgen', ' style="color:#fff"'), '', 'text coloured like its background (#ffffff on #ffffff)'],
    ['text coloured like its background, both from a sheet', row('Verborgen', ' class="k"'), '<style>tr.k { background: #336699 } .k { color: rgb(51,102,153) }</style>', 'text coloured like its background (#336699 on #336699)'],
  ])('%s', async (_name, extra, style, reason) => {
    const result = await extractFixture('hidden.html', annex(extra, style));
    expect(result.annex.activities.map((a) => a.title)).toEqual(VISIBLE);
    const nap017 = result.diagnostics.filter((d) => d.code === 'NAP017');
    expect(nap017).toHaveLength(1);
    expect(nap017[0]!.severity).toBe('warning');
    expect(nap017[0]!.place.line).toBe(4);
    // The hidden text as `actual` (cells hidden one by one are listed with ` | `), why as `note`.
    expect([nap017[0]!.note, String(nap017[0]!.actual).replaceAll(' |', '')]).toEqual([reason, 'Verborgen 2024 OCW x']);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    ['<del>', '<del>Verborgen</del>'],
    ['<template>', '<template>Verborgen</template>'],
    ['SVG text', '<svg><text x="0" y="10">Verborgen</text></svg>'],
  ])('%s inside a visible title is left out', async (tag, markup) => {
    const result = await extractFixture('hidden.html', annex('', '').replace('Zichtbaar 1', `Zichtbaar 1${markup}`));
    expect(result.annex.activities.map((a) => a.title)).toEqual(VISIBLE);
    const element = `<${tag === 'SVG text' ? 'svg' : tag.slice(1, -1)}>`;
    expect(result.diagnostics.filter((d) => d.code === 'NAP017').map((d) => [d.note, d.actual])).toEqual([[element, 'Verborgen']]);
  });

  it('a hidden status icon is no status cue', async () => {
    const html = annex('').replace('<td>Zichtbaar 1</td><td></td>', '<td>Zichtbaar 1</td><td><span style="display:none;background:#1b7837"></span></td>');
    const result = await extractFixture('hidden-icon.html', html);
    expect(result.annex.activities[0]!.statusFoundBy).toBe('absent');
    // A coloured element without text: no `actual`, the reason it is hidden as `note`.
    expect(result.diagnostics.filter((d) => d.code === 'NAP017').map((d) => [d.note, d.actual])).toEqual([['display: none', undefined]]);
  });

  it('<script> and <style> are left out silently; visible coloured text stays', async () => {
    const result = await extractFixture('ok.html', annex('', '<style>.r{color:#c00}</style><script>var x = "<tr><td>nep</td></tr>";</script>').replace('Zichtbaar 2', '<span class="r">Zichtbaar 2</span>'));
    expect(result.annex.activities.map((a) => a.title)).toEqual(VISIBLE);
    expect(result.diagnostics.filter((d) => d.code === 'NAP017')).toEqual([]);
  });

  it('more than 20 hidden rows: 20 named, the rest counted', async () => {
    const result = await extractFixture('many.html', annex(Array.from({ length: 25 }, (_, i) => row(`Verborgen ${i}`, ' hidden')).join('')));
    expect(result.annex.activities.map((a) => a.title)).toEqual(VISIBLE);
    const nap017 = result.diagnostics.filter((d) => d.code === 'NAP017');
    expect(nap017).toHaveLength(21);
    expect(nap017.slice(0, 20).map((d) => d.actual)).toEqual(Array.from({ length: 20 }, (_, i) => `Verborgen ${i} 2024 OCW x`));
    expect(nap017[20]).toMatchObject({ severity: 'warning', place: {}, actual: 5 });
  });
});

describe('bounded nesting (NAP016)', () => {
  it('80k nested <span> in a title: the text stays, deep tags go, with a warning', async () => {
    const result = await extractFixture('deep.html', annex('').replace('Zichtbaar 3', `${'<span>'.repeat(80_000)}Zichtbaar 3${'</span>'.repeat(80_000)}`));
    // Removed: the 80 000 spans less the 507 that fit, inside the title cell's 5 enclosing elements, under the limit.
    expect(result.annex.activities.map((a) => a.title)).toEqual(VISIBLE);
    expect(result.diagnostics.filter((d) => d.code === 'NAP016').map((d) => [d.severity, d.place.line, d.actual, d.expected])).toEqual([['warning', 7, 79_493, MAX_HTML_DEPTH]]);
  });

  it('flattenDeepNesting removes only tags beyond the limit and their end tags', () => {
    expect(flattenDeepNesting('<b><i>x</i></b>', 1)).toEqual({ html: '<b>x</b>', removed: 1, firstOffset: 3 });
    expect(flattenDeepNesting('<b><td>x</td></b>', 1).html).toBe('<b><td>x</td></b>');
    expect(flattenDeepNesting('<p>a<br>b</p>', 1).removed).toBe(0);
  });
});
