/** Links keep only http, https and mailto URLs (NAP404 for the rest). */
import { describe, expect, it } from 'vitest';
import { activitiesCsv, footnotesCsv } from '../../src/emit/csv.js';
import { isSafeUrl, screenLinks } from '../../src/normalise/links.js';
import { extractFixture, minText } from './helpers.js';

describe('link schemes', () => {
  it.each([
    ['https://www.rijksoverheid.nl', true],
    ['HTTP://example.org/x', true],
    ['mailto:info@example.org', true],
    ['javascript:alert(1)', false],
    [' JavaScript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['file:///etc/passwd', false],
    ['vbscript:msgbox(1)', false],
    ['relative/page.html', false],
  ])('isSafeUrl(%j) is %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });

  it('screenLinks keeps the text and drops the URL', () => {
    expect(screenLinks([{ text: 'a', url: 'https://a.nl' }, { text: 'b', url: 'javascript:x()' }, { text: 'c', url: null }])).toEqual({
      links: [{ text: 'a', url: 'https://a.nl' }, { text: 'b', url: null }, { text: 'c', url: null }],
      refused: ['javascript:x()'],
    });
  });

  it('a footnote with javascript:, data: and https links: only https reaches links and link_urls, NAP404 names the others', async () => {
    const text = minText().replace(
      '¹ Kamerstukken II 2022/23, 34843, nr. 80',
      '¹ Kamerstukken II 2022/23, 34843, nr. 80. [Klik](javascript:alert(1)) en [plaatje](data:text/html;base64,PHNjcmlwdD4=) en [echt](https://www.tweedekamer.nl)',
    );
    const result = await extractFixture('js-link.txt', text);
    expect(result.annex.footnotes[0]!.links).toEqual([
      { text: 'Klik', url: null },
      { text: 'plaatje', url: null },
      { text: 'echt', url: 'https://www.tweedekamer.nl' },
    ]);
    const nap404 = result.diagnostics.filter((d) => d.code === 'NAP404');
    expect(nap404.map((d) => [d.severity, d.place.line, d.actual, d.expected])).toEqual([
      ['warning', 24, ['javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4='], ['http', 'https', 'mailto']],
    ]);
    const csv = footnotesCsv(result.annex);
    expect(csv).not.toMatch(/javascript:alert\(1\)[^)]/);
    expect(csv.split('\n')[1]).toContain(',https://www.tweedekamer.nl,');
    expect(activitiesCsv(result.annex)).not.toContain('javascript:');
  });
});
