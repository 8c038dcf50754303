import { DiagnosticBag } from '../../src/diagnostics/bag.js';
/** One clean-text rule for every reader (NAP012–NAP015, NAP018); nothing printed can be driven by input text. */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/cli/report.js';
import { printable } from '../../src/cli/printable.js';
import { githubCommand } from '../../src/cli/github.js';
import { CleanTextTally, cleanText, isNonCharacter, isPrivateUse, unsafeKindOf } from '../../src/model/clean-text.js';
import { activitiesCsv } from '../../src/emit/csv.js';
import { printableColor } from '../../src/status/color-distance.js';
import { extractFixture, minText } from './helpers.js';

const HTML_HEAD = '<html><body><table><tr><td>Activiteit</td><td>Status</td><td>Wanneer</td><td>Wie</td><td>Toelichting</td></tr>\n';
const htmlOf = (titles: string[]): string =>
  `${HTML_HEAD}${titles.map((t, i) => `<tr><td>Actielijn ${i + 1}</td><td></td><td></td><td></td><td></td></tr>\n<tr><td>${t}</td><td></td><td>2024</td><td>OCW</td><td>x</td></tr>\n`).join('')}</table></body></html>`;

describe('the rule', () => {
  it.each([
    [0x1b, 'control'], [0x00, 'control'], [0x85, 'control'], [0x09, null], [0x0a, null], [0x0c, null],
    [0x202e, 'bidi'], [0x2066, 'bidi'], [0x200f, 'bidi'], [0x061c, 'bidi'], [0x200b, null],
    [0xf0b7, 'private-use'], [0xe000, 'private-use'], [0x10fffd, 'private-use'],
    [0xfdd0, 'non-character'], [0xfffe, 'non-character'], [0x1ffff, 'non-character'], [0xfffd, null], [0xe9, null],
  ])('U+%s is %s', (cp, kind) => {
    expect(unsafeKindOf(cp)).toBe(kind);
  });

  it('isPrivateUse is exported for the PDF reader (Symbol/Wingdings glyphs map first)', () => {
    expect([0xf0b7, 0xf06c, 0xe000, 0xf8ff, 0xf8fe + 2].map(isPrivateUse)).toEqual([true, true, true, true, false]);
    expect([0xfdef, 0xfdf0, 0x10ffff].map(isNonCharacter)).toEqual([true, false, true]);
  });

  it('controls, private-use and non-characters become U+FFFD, bidi controls go; one tally per kind', () => {
    const tally = new CleanTextTally();
    expect(cleanText('a\u001bb\u202Ec\uF0B7d\uFDD0e\u{10FFFF}', tally, { line: 3 })).toBe('a\uFFFDbc\uFFFDd\uFFFDe\uFFFD');
    expect(Object.fromEntries([...tally.found].map(([k, f]) => [k, [f.count, f.firstCodePoint, f.location.line]]))).toEqual({
      control: [1, 0x1b, 3], bidi: [1, 0x202e, 3], 'private-use': [1, 0xf0b7, 3], 'non-character': [2, 0xfdd0, 3],
    });
    const clean = 'Gewone tekst — met é en ¹';
    expect(cleanText(clean, tally)).toBe(clean);
  });
});

describe('text and HTML input go through the same rule', () => {
  it('text export: RLO, PUA and a non-character in a title are taken out, each kind reported once with its line', async () => {
    const text = minText().replace('Activiteit 1a', 'Activiteit\u202E 1a\uE001').replace('Activiteit 2a', 'Activiteit\u2066 2a\uFDD0');
    const result = await extractFixture('bidi.txt', text);
    expect(result.annex.activities.slice(0, 2).map((a) => a.title)).toEqual(['Activiteit 1a\uFFFD', 'Activiteit 2a\uFFFD']);
    expect(result.diagnostics.filter((d) => d.code !== 'NAP301' && d.code !== 'NAP013').map((d) => [d.code, d.severity, d.place.line, d.actual])).toEqual([
      ['NAP018', 'warning', 10, 'U+202E'],
      ['NAP014', 'warning', 10, 'U+E001'],
      ['NAP015', 'warning', 13, 'U+FDD0'],
    ]);
    expect(JSON.stringify(result.annex.activities)).not.toMatch(/[\u202E\u2066\uE001\uFDD0]/);
  });

  it('HTML: the same characters, raw and as references, give the same data and codes', async () => {
    const result = await extractFixture('bidi.html', htmlOf(['Titel&#x202E; een&#xE001;', 'Titel\u2066 twee\uFDD0', 'Titel &#27;drie', 'Vier', 'Vijf']));
    expect(result.annex.activities.map((a) => a.title)).toEqual(['Titel een\uFFFD', 'Titel twee\uFFFD', 'Titel \uFFFDdrie', 'Vier', 'Vijf']);
    expect(result.diagnostics.map((d) => `${d.code} ${d.place.line}`).filter((c) => /NAP01[24-58]/.test(c))).toEqual([
      'NAP018 3', 'NAP014 3', 'NAP015 5', 'NAP012 7',
    ]);
    expect(activitiesCsv(result.annex)).not.toMatch(/[\u0000-\u0008\u001b\u202E\u2066]/);
  });
});

describe('terminal and GitHub output', () => {
  it('bidi overrides and isolates in names and messages are printed as escapes', () => {
    expect(printable('a\u202Eb\u2067c\u200Fd')).toBe('a\\u202eb\\u2067c\\u200fd');
    const d = new DiagnosticBag('f\u202E.txt').report('NAP106', 'x \u202Etxt.exe', { page: 1, line: 2 });
    expect(formatDiagnostic(d)).toBe('f\\u202e.txt:1:2 error NAP106 x \\u202etxt.exe');
    expect(githubCommand(d)).not.toMatch(/[\u202E\n]/);
  });
});

describe('right messages for broken text and colours', () => {
  it('one invalid UTF-8 byte that Windows-1252 does not assign either is named as invalid UTF-8 with its byte offset, not "binary data"', async () => {
    const text = new TextEncoder().encode(minText().replace('Activiteit 1a', 'Activiteit é 1a'));
    const at = text.indexOf(0xc3);
    const bytes = Uint8Array.from(text);
    bytes[at] = 0x81; // an invalid UTF-8 start byte, unassigned in Windows-1252
    bytes[at + 1] = 0x41;
    await expect(extractFixture('bad-utf8.txt', bytes)).rejects.toMatchObject({
      diagnostic: { code: 'NAP001', source: 'reader:text', place: { line: 10 }, actual: '0x81', expected: 'utf-8' },
    });
  });

  it('Windows-1252 input names the first byte that is not UTF-8 (NAP006)', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode(minText().replace('Activiteit 1a', 'Activiteit X 1a'))].map((b) => (b === 0x58 ? 0xe9 : b)));
    const result = await extractFixture('cp1252.txt', bytes);
    expect(result.annex.activities[0]!.title).toBe('Activiteit é 1a');
    const nap006 = result.diagnostics.find((d) => d.code === 'NAP006')!;
    expect(nap006).toMatchObject({ severity: 'warning', place: { line: 10 }, actual: '0xe9', expected: 'utf-8' });
  });

  it('an unreadable icon colour is printed as "unreadable", never #NaNNaNNaN', () => {
    expect([printableColor('#1B7837'), printableColor('#NaNNaNNaN'), printableColor(null), printableColor('rgb(1,2,3)')]).toEqual(['#1b7837', 'unreadable', 'unreadable', 'unreadable']);
  });
});
