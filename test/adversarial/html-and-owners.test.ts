/**
 * Adversarial findings A1, A5 (owners), A6, B11, B12, B14 (HTML <sup>): HTML and Wie cells that
 * looped, took quadratic time, overflowed the stack, glued words or duplicated rows.
 */
import { describe, expect, it } from 'vitest';
import { parseOwners } from '../../src/normalise/owners.js';
import { normaliseExplanation } from '../../src/normalise/explanation.js';
import { extractFixture } from './helpers.js';

const HEAD = '<html><body><table><tr><td>Activiteit</td><td>Status</td><td>Wanneer</td><td>Wie</td><td>Toelichting</td></tr>\n<tr><td>Actielijn 1</td><td></td><td></td><td></td><td></td></tr>\n';
const ctx = { knownWords: new Set<string>() };

describe('A1: control characters from HTML character references', () => {
  it('`(&#1;0&#2;)` in Wie terminates, with U+FFFD in place of the controls and NAP012', async () => {
    const result = await extractFixture('own_ctrl_loop.html');
    expect(result.annex.activities[0]!.owners.text).toBe('(\uFFFD0\uFFFD)');
    const nap012 = result.diagnostics.filter((d) => d.code === 'NAP012');
    expect(nap012).toHaveLength(1);
    expect(nap012[0]!.severity).toBe('warning');
    expect(nap012[0]!.actual).toBe('U+0001');
    expect([nap012[0]!.file, nap012[0]!.place, nap012[0]!.source]).toEqual(['own_ctrl_loop.html', { line: 3 }, 'reader:html']);
  });

  it('`OCW&#1;7&#2;SZW` is not silently turned into "OCWSZW"', async () => {
    const { annex, diagnostics } = await extractFixture('own_ctrl_drop.html');
    expect(annex.activities[0]!.owners.text).toBe('OCW\uFFFD7\uFFFDSZW');
    expect(annex.activities[0]!.owners.actors.map((a) => a.name)).toEqual(['OCW\uFFFD7\uFFFDSZW']);
    expect(diagnostics.map((d) => d.code)).toContain('NAP012');
    expect(JSON.stringify(annex)).not.toMatch(/[\u0001\u0002]/);
  });

  it('the owners splitter terminates and keeps every character, whatever the characters', () => {
    for (const text of ['(\u00010\u0002)', 'OCW\u00017\u0002SZW', '\u00010\u0002, OCW', '(\u0001', ')\u0002(']) {
      const names = parseOwners(text, ctx).value.actors.map((a) => a.name).join('');
      expect(names.replace(/[\s,]/g, '')).toBe(text.replace(/[\s,]/g, ''));
    }
  });

  it('still splits outside parentheses and protected names and never inside', () => {
    expect(parseOwners('OCW (a, b en c) en VWS, Ministerie van Justitie en Veiligheid', ctx).value.actors.map((a) => a.name)).toEqual([
      'OCW (a, b en c)',
      'VWS',
      'Ministerie van Justitie en Veiligheid',
    ]);
    expect(parseOwners('((a) en b', ctx).value.actors.map((a) => a.name)).toEqual(['((a)', 'b']);
  });
});

describe('A5: owners in linear time (hang guard: the per-test timeout)', () => {
  it('100k "(" then 100k ")" is one owner, kept whole', () => {
    const text = '('.repeat(100_000) + ')'.repeat(100_000);
    const { value } = parseOwners(text, ctx);
    expect(value.actors).toHaveLength(1);
    expect(value.actors[0]!.name).toHaveLength(200_000);
  });

  it('100k letters without a hyphen, and 100k unbalanced "(", finish', () => {
    expect(parseOwners('a'.repeat(100_000), ctx).value.actors).toHaveLength(1);
    expect(parseOwners('('.repeat(100_000), ctx).value.actors).toHaveLength(1);
  });

  it('the whole pipeline on a text export whose Wie cell is 100k "(" + 100k ")"', async () => {
    const { minText } = await import('./helpers.js');
    const text = minText().replace('Activiteit 1a\t\tQ1 2024\tOCW', `Activiteit 1a\t\tQ1 2024\t${'('.repeat(100_000)}${')'.repeat(100_000)}`);
    const { annex } = await extractFixture('own_paren.txt', text);
    expect(annex.activities[0]!.owners.actors).toHaveLength(1);
  });
});

describe('A6: deeply nested HTML gives a result, never a stack overflow', () => {
  it('50k nested <div> around the table', async () => {
    const html = `<html><body>${'<div>'.repeat(50_000)}${HEAD.slice(12)}<tr><td>A</td><td></td><td>2024</td><td>OCW</td><td>x</td></tr></table>${'</div>'.repeat(50_000)}</body></html>`;
    const { annex } = await extractFixture('h_deep.html', html);
    expect(annex.activities.map((a) => [a.id, a.title, a.planning.text, a.owners.text, a.explanation.text])).toEqual([['AL1-01', 'A', '2024', 'OCW', 'x']]);
  });

  it('20k nested <span> in one cell, and 20k nested <p><i> in a Toelichting', async () => {
    const html = `${HEAD}<tr><td>${'<span>'.repeat(20_000)}A${'</span>'.repeat(20_000)}</td><td></td><td>2024</td><td>OCW</td><td>${'<p><i>'.repeat(20_000)}x${'</i></p>'.repeat(20_000)}</td></tr></table></body></html>`;
    const { annex } = await extractFixture('h_deep_span.html', html);
    expect(annex.activities.map((a) => [a.title, a.explanation.text])).toEqual([['A', 'x']]);
  });

  it('the explanation normaliser walks 50k nested elements', () => {
    expect(normaliseExplanation(`${'<b>'.repeat(50_000)}tekst${'</b>'.repeat(50_000)}`).text).toBe('tekst');
  });
});

describe('B11: HTML cells keep word boundaries at <br> and blocks', () => {
  it('`Aanpak<br>danssector`, `Q1 2024<br>Q3 2025`, `<p>OCW</p><p>SZW</p>`', async () => {
    const { annex } = await extractFixture('h_br.html');
    const a = annex.activities[0]!;
    expect(a.title).toBe('Aanpak danssector');
    expect(a.planning.text).toBe('Q1 2024 Q3 2025');
    expect(a.owners.text).toBe('OCW SZW');
  });
});

describe('B12: nested page elements', () => {
  it('a .page inside a .page is one page, and its rows are read once', async () => {
    const { annex } = await extractFixture('h_nested_page.html');
    expect(annex.source.pageCount).toBe(1);
    expect(annex.activities.map((a) => a.id)).toEqual(['AL1-01']);
  });
});

describe('B14: HTML <sup> numbers of up to four digits are markers', () => {
  it('`x<sup>1234</sup>` cites footnote 1234; `<sup>0</sup>` is NAP204; `<sup>a</sup>` stays text (glued as printed)', async () => {
    const { annex, diagnostics } = await extractFixture('h_sup.html');
    const a = annex.activities[0]!;
    expect(a.footnotes).toEqual([1234]);
    expect(a.explanation.text).toBe('x en ⁰ ena');
    expect(annex.footnotes.map((f) => [f.number, f.text, f.citedBy])).toEqual([[1234, 'voetnoot', ['AL1-01']]]);
    expect(diagnostics.filter((d) => d.code === 'NAP204').map((d) => d.severity)).toEqual(['error']);
  });
});
