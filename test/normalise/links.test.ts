import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/normalise/links.js';
import type { Link } from '../../src/schema/annex.js';
import { fixtureFootnoteLines } from './fixture.js';

describe('extractLinks', () => {
  it.each<[string, Link[]]>([
    // spellings from the 2024 fixture
    ['I&O Research (2023) [Onderzoek seksueel grensoverschrijdend gedrag](#)', [{ text: 'Onderzoek seksueel grensoverschrijdend gedrag', url: null }]],
    ['<https://generatiejaen.rutgers.nl/>', [{ text: 'https://generatiejaen.rutgers.nl/', url: 'https://generatiejaen.rutgers.nl/' }]],
    ['[Ben je oké? \\(benjeoke.nl\\)](http://benjeoke.nl)', [{ text: 'Ben je oké? (benjeoke.nl)', url: 'http://benjeoke.nl' }]],
    ['Te vinden op: www.rcgog.nl', [{ text: 'www.rcgog.nl', url: 'https://www.rcgog.nl' }]],
    [
      'Verinorm (2023) [Schaduw dansen. Een onderzoek naar grensoverschrijdend gedrag in het dansen](#).',
      [{ text: 'Schaduw dansen. Een onderzoek naar grensoverschrijdend gedrag in het dansen', url: null }],
    ],
    ['<https://repository.wodc.nl/handle/20.500.12832/3290>', [{ text: 'https://repository.wodc.nl/handle/20.500.12832/3290', url: 'https://repository.wodc.nl/handle/20.500.12832/3290' }]],
    // other forms
    ['[leeg]()', [{ text: 'leeg', url: null }]],
    ['[anker](#sectie-2)', [{ text: 'anker', url: null }]],
    ['[x](https://a.nl/p "Titel")', [{ text: 'x', url: 'https://a.nl/p' }]],
    ['[x](<https://a.nl/a b>)', [{ text: 'x', url: 'https://a.nl/a b' }]],
    ['[wiki](https://nl.wikipedia.org/wiki/Test_(pagina))', [{ text: 'wiki', url: 'https://nl.wikipedia.org/wiki/Test_(pagina)' }]],
    ['Zie https://example.org/a_(b)).', [{ text: 'https://example.org/a_(b)', url: 'https://example.org/a_(b)' }]],
    ['(zie https://x.nl/p).', [{ text: 'https://x.nl/p', url: 'https://x.nl/p' }]],
    [
      'Zie https://x.nl/p, en www.y.nl.',
      [
        { text: 'https://x.nl/p', url: 'https://x.nl/p' },
        { text: 'www.y.nl', url: 'https://www.y.nl' },
      ],
    ],
    ['Eerst www.a.nl/pad?x=1 dan [b](https://b.nl)', [{ text: 'www.a.nl/pad?x=1', url: 'https://www.a.nl/pad?x=1' }, { text: 'b', url: 'https://b.nl' }]],
    ['WWW.RCGOG.NL', [{ text: 'WWW.RCGOG.NL', url: 'https://WWW.RCGOG.NL' }]],
    ['\u00a0www.rcgog.nl\u00a0', [{ text: 'www.rcgog.nl', url: 'https://www.rcgog.nl' }]],
    // not links
    ['', []],
    ['   ', []],
    ['Integrale aanpak (2023) rijksoverheid.nl', []],
    ['Nationaal Programma tegen Discriminatie en Racisme (2023). (overheid.nl)', []],
    ['www.', []],
    ['mail info@www.x.nl', []],
  ])('%j', (text, links) => {
    expect(extractLinks(text)).toEqual(links);
  });

  it('a URL inside a markdown link or autolink is not found twice', () => {
    expect(extractLinks('[https://a.nl](https://a.nl) <https://b.nl>')).toHaveLength(2);
  });

  it('finds the links of every 2024 footnote that has one', () => {
    const withLinks = fixtureFootnoteLines()
      .map((l) => [l.split(' ')[0], extractLinks(l).length] as const)
      .filter(([, n]) => n > 0)
      .map(([marker]) => marker);
    expect(withLinks).toEqual(['¹', '³', '⁴', '⁹', '¹¹', '¹⁴', '¹⁹', '²⁵']);
  });
});
