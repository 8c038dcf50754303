/** Adversarial finding A5 (links): footnote text that made the link regexes quadratic. Hang guard: the per-test timeout. */
import { describe, expect, it } from 'vitest';
import { extractLinks, plainLinkText } from '../../src/normalise/links.js';
import { extractFixture, minText } from './helpers.js';

describe('A5: links in linear time', () => {
  it('a footnote of 200 KB of "[" is read, kept as printed, with no links', async () => {
    const brackets = '['.repeat(200_000);
    const text = minText().replace('¹ Kamerstukken II 2022/23, 34843, nr. 80', `¹ ${brackets}`);
    const { annex } = await extractFixture('fn_brackets.txt', text);
    expect(annex.footnotes[0]!.text).toBe(brackets);
    expect(annex.footnotes[0]!.links).toEqual([]);
  });

  it('other long runs: "]", "[a](", "[a](" + 200k "x", a URL with 200k ")"', () => {
    expect(extractLinks(']'.repeat(200_000))).toEqual([]);
    expect(extractLinks('[a]('.repeat(50_000))).toEqual([]);
    expect(plainLinkText(`[a](${'x'.repeat(200_000)}`)).toHaveLength(200_004);
    expect(extractLinks(`http://x.nl${')'.repeat(200_000)}`)).toEqual([{ text: 'http://x.nl', url: 'http://x.nl' }]);
  });

  it('30k Markdown links, 20k autolinks and 20k bare URLs are all found', () => {
    expect(extractLinks('[a](b) '.repeat(30_000))).toHaveLength(30_000);
    expect(extractLinks('<http://a> '.repeat(20_000))).toHaveLength(20_000);
    expect(extractLinks('http://a '.repeat(20_000))).toHaveLength(20_000);
  });

  it('still reads the link forms of the 2024 annex', () => {
    expect(extractLinks('Zie [Schaduw dansen](#) en [x](https://a.nl/(b)) en <https://c.nl>, www.rcgog.nl.')).toEqual([
      { text: 'Schaduw dansen', url: null },
      { text: 'x', url: 'https://a.nl/(b)' },
      { text: 'https://c.nl', url: 'https://c.nl' },
      { text: 'www.rcgog.nl', url: 'https://www.rcgog.nl' },
    ]);
  });
});
