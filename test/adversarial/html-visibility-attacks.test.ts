/**
 * HTML visibility as a browser computes it (src/readers/html-visibility.ts): 21 hiding
 * techniques of an adversarial review, each on a row or inside a title; oracle: the
 * activities of the page without them, and a NAP017 naming what was left out. Visible text inside
 * a hidden parent (`visibility: visible`) stays data; `::before` content is reported (NAP032).
 */
import { describe, expect, it } from 'vitest';
import { extractFixture } from './helpers.js';

const HEAD = '<html><head>STYLE</head><body><table><tr><td>Activiteit</td><td>Status</td><td>Wanneer</td><td>Wie</td><td>Toelichting</td></tr>\n';
const row = (title: string, attrs = ''): string => `<tr${attrs}><td>${title}</td><td></td><td>2024</td><td>OCW</td><td>x</td></tr>\n`;
function annex(extra: string, style = '', title1 = 'Zichtbaar 1'): string {
  const lines = [1, 2, 3, 4, 5].map((n) => `<tr><td>Actielijn ${n}</td><td></td><td></td><td></td><td></td></tr>\n${row(n === 1 ? title1 : `Zichtbaar ${n}`)}${n === 1 ? extra : ''}`);
  return `${HEAD.replace('STYLE', style)}${lines.join('')}</table></body></html>`;
}
const VISIBLE = ['Zichtbaar 1', 'Zichtbaar 2', 'Zichtbaar 3', 'Zichtbaar 4', 'Zichtbaar 5'];

/** [technique, extra row markup, style sheet, markup inside title 1]. */
const ATTACKS: [string, string, string, string][] = [
  ['off-screen positioning', row('Verborgen', ' style="position:absolute;left:-9999px"'), '', ''],
  ['the screen-reader-only clip', row('Verborgen', ' class="sr-only"'), '<style>.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}</style>', ''],
  ['clip-path', row('Verborgen', ' style="clip-path: inset(50%)"'), '', ''],
  ['transform: scale(0)', row('Verborgen', ' style="transform:scale(0)"'), '', ''],
  ['a zero-size box', row('Verborgen', ' style="width:0;height:0;overflow:hidden"'), '', ''],
  ['text-indent', row('Verborgen', ' style="text-indent:-9999px"'), '', ''],
  ['filter: opacity(0)', row('Verborgen', ' style="filter:opacity(0)"'), '', ''],
  ['opacity: 0.01', row('Verborgen', ' style="opacity:0.01"'), '', ''],
  ['font-size: 0.1px', row('Verborgen', ' style="font-size:0.1px"'), '', ''],
  ['content-visibility', row('Verborgen', ' style="content-visibility:hidden"'), '', ''],
  ['a closed <details>', '', '', '<details>Verborgen</details>'],
  ['a <dialog> not open', '', '', '<dialog>Verborgen</dialog>'],
  ['canvas fallback', '', '', '<canvas>Verborgen</canvas>'],
  ['video fallback', '', '', '<video>Verborgen</video>'],
  ['<datalist>', '', '', '<datalist><option value="Verborgen">Verborgen</option></datalist>'],
  ['<noframes>', '', '', '<noframes>Verborgen</noframes>'],
  ['<rp>', '', '', '<rp>Verborgen</rp>'],
  ['!important over a later rule', row('Verborgen', ' class="v"'), '<style>.v{display:none !important} .v{display:table-row}</style>', ''],
  ['<font color=white>', '', '', '<font color="white">Verborgen</font>'],
  ['a colour from var()', row('Verborgen', ' class="v"'), '<style>:root{--c:#ffffff} .v{color:var(--c)}</style>', ''],
  ['a colour in hsl()', row('Verborgen', ' style="color:hsl(0, 0%, 100%)"'), '', ''],
];

describe('HTML hiding techniques: the page without them, NAP017', () => {
  it.each(ATTACKS)('%s', async (_name, extra, style, inTitle) => {
    const result = await extractFixture('hidden.html', annex(extra, style, `Zichtbaar 1${inTitle}`));
    expect(result.annex.activities.map((a) => a.title)).toEqual(VISIBLE);
    const nap017 = result.diagnostics.filter((d) => d.code === 'NAP017');
    expect(nap017.length).toBeGreaterThan(0);
    expect(nap017.some((d) => String(d.actual).includes('Verborgen'))).toBe(true);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('visible text inside a hidden parent (visibility: visible) is data; the hidden text around it is not', async () => {
    const title = 'Zichtbaar 1<span style="visibility:hidden"> Verborgen<b style="visibility:visible"> ook</b></span>';
    const result = await extractFixture('visible-inside.html', annex('', '', title));
    expect(result.annex.activities[0]!.title).toBe('Zichtbaar 1 ook');
    expect(result.diagnostics.filter((d) => d.code === 'NAP017').some((d) => String(d.actual).includes('Verborgen'))).toBe(true);
  });

  it('text a ::before rule generates is reported (NAP032): a browser shows it, the data cannot hold it', async () => {
    const result = await extractFixture('before.html', annex('', '<style>tr.g td:first-child::before { content: "Gegenereerd "; }</style>').replace('<tr><td>Zichtbaar 2', '<tr class="g"><td>Zichtbaar 2'));
    expect(result.annex.activities.map((a) => a.title)).toEqual(VISIBLE);
    expect(result.diagnostics.filter((d) => d.code === 'NAP032').map((d) => [d.severity, d.actual])).toEqual([['warning', 'Gegenereerd ']]);
  });

  it('controls: a visible row styled by the same properties (left: 10px, opacity 0.9, font-size 12px, an open <details>) is data', async () => {
    const extra = row('Ook zichtbaar', ' style="position:relative;left:10px;opacity:0.9;font-size:12px;text-indent:2em"');
    const result = await extractFixture('visible.html', annex(extra, '', 'Zichtbaar 1<details open> meer</details>'));
    expect(result.annex.activities.map((a) => a.title)).toEqual(['Zichtbaar 1 meer', 'Ook zichtbaar', 'Zichtbaar 2', 'Zichtbaar 3', 'Zichtbaar 4', 'Zichtbaar 5']);
  });
});
