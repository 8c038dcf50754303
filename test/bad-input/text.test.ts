/**
 * Bad text inputs through the CLI as a user meets them: each gives a clear message, the right
 * exit code, and never a crash, mojibake or silently lost data.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annex } from '../../src/schema/annex.js';
import { encodeWindows1252, utf8BomCrlf } from '../helpers/encodings.js';
import { extract2024Text, TEXT_2024 } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const LEGEND = ' Afgerond\n  In uitvoering\n  Doorlopend gedurende uitvoering programma\n  In uitvoering met vertraging\n  Nog niet begonnen of afgebroken\n';
const HEADER = 'Activiteit\tStatus\tWanneer\tWie\tToelichting\n';
const AL1 = 'Actielijn 1\t\t\t\t\nEr zijn gedeelde maatschappelijke waarden\t\t\t\t\n';
const UTF8 = readFileSync(TEXT_2024, 'utf8');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nap-bad-'));
});

/** Writes `content` as `name` in the test folder and runs `check` on it there. */
async function check(name: string, content: string | Uint8Array, ...args: string[]) {
  writeFileSync(join(dir, name), content);
  return await runCli(['check', name, ...args], { cwd: dir });
}

describe('unreadable inputs: exit 2, NAP001/NAP002, one clear line', () => {
  it('empty file', async () => {
    const run = await check('empty.txt', '');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('empty.txt error NAP001 Input is empty (0 bytes). Give the annex as PDF, a UTF-8 text export or HTML.\nempty.txt: UNREADABLE — NAP001, nothing checked\n');
  });

  it('white space only', async () => {
    const run = await check('blank.txt', ' \n\t\r\n  \n');
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('blank.txt error NAP001 Input holds only white space (8 bytes).');
  });

  it('random binary', async () => {
    let seed = 42;
    const bytes = Uint8Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) & 0xff);
    const run = await check('random.bin', bytes);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^random\.bin \(line \d+\) error NAP001 Input holds binary data \(control byte 0x[0-9a-f]{2} at character \d+\); it is not a text export\. Give the annex as PDF, a UTF-8 text export or HTML\.\n/);
  });

  it('a Word document (.docx, a ZIP archive) is named as such, with what to do', async () => {
    const docx = new Uint8Array(readFileSync(new URL('../../fixtures/word-generated/shading-a5-narrow-calibri.docx', import.meta.url)));
    const run = await check('annex.docx', docx);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('annex.docx error NAP001 Input is a ZIP archive, most likely a Word document (.docx) or a spreadsheet');
    expect(run.stdout).toContain('Save the Word document as PDF');
  });

  it('a file over --max-bytes', async () => {
    const run = await check('big.txt', UTF8, '--max-bytes', '1000');
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`big.txt error NAP002 Input is ${Buffer.byteLength(UTF8)} bytes, larger than the limit of 1000 bytes. Raise --max-bytes if this file is genuine.`);
  });

  it('a folder as input', async () => {
    const run = await runCli(['check', dir]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`${dir} error NAP001 Cannot read input: it is a folder, not a file. Give a file, or a quoted glob pattern such as 'annexes/**/*.pdf'.`);
  });

  it('a missing file', async () => {
    const run = await runCli(['check', 'no-such-annex.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('no-such-annex.txt error NAP001 Cannot read input: no such file. Check the path.');
  });
});

describe('readable but wrong: exit 1 with the finding', () => {
  it('the legend only (NAP101)', async () => {
    const run = await check('legend.txt', LEGEND);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('legend.txt error NAP101 No activity table found: no header row "Activiteit | Status | Wanneer | Wie | Toelichting" and no "Actielijn N" rows. Is this a NAP progress annex?');
    expect(run.stdout).toContain('legend.txt: FAIL — 0 activities, 1 error');
  });

  it('a table without its header row (NAP102)', async () => {
    const run = await check('no-header.txt', `${LEGEND}\n${AL1}Eerste\t\t2024\tOCW\tA.\n`);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('no-header.txt:1:7 error NAP102 3 table row(s) without a header row above them on page 1; columns are assumed to be Activiteit | Status | Wanneer | Wie | Toelichting. Check that the header row "Activiteit | Status | Wanneer | Wie | Toelichting" is in the input.');
  });

  it('a marker citing an undefined footnote (NAP201)', async () => {
    const run = await check('undefined-fn.txt', `${LEGEND}${HEADER}${AL1}Eerste\t\t2024\tOCW\tZie rapport.⁹\n`);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('undefined-fn.txt:1:9 error NAP201 [AL1-01] Footnote marker 9 in AL1-01 "Eerste" cites a footnote that is not defined. Add footnote 9 at the bottom of the page, or remove the marker.');
  });

  it('a footnote number defined twice (NAP203)', async () => {
    const run = await check('twice.txt', `${LEGEND}${HEADER}${AL1}Eerste\t\t2024\tOCW\tA.¹\n\n¹ Eerste.\n${LEGEND}${HEADER}${AL1}Tweede\t\t2024\tOCW\tB.\n\n¹ Tweede.\n`);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('twice.txt:2:22 error NAP203 Footnote 1 is defined twice: on page 1 ("Eerste.") and on page 2 ("Tweede."). The first is kept; renumber one of them.');
  });
});

describe('other encodings of the real 2024 export', () => {
  const titles = (annex: Annex) => annex.activities.map((a) => a.title);

  it('UTF-8 with BOM and CRLF reads the same 83 rows (NAP007 info), exit 0', async () => {
    const { annex: reference } = await extract2024Text();
    const run = await runCli(['extract', '-'], { input: utf8BomCrlf(UTF8) });
    expect(run.status).toBe(0);
    const annex = JSON.parse(run.stdout) as Annex;
    expect(annex.activities).toHaveLength(83);
    expect(titles(annex)).toEqual(titles(reference));
    expect(annex.activities.map((a) => a.explanation)).toEqual(reference.activities.map((a) => a.explanation));
    expect(annex.footnotes.map((f) => f.text)).toEqual(reference.footnotes.map((f) => f.text));
    expect(annex.diagnostics.map((d) => [d.code, d.severity, d.actual])).toContainEqual(['NAP007', 'info', ['BOM', 'CRLF']]);
  });

  it('Windows-1252: titles decode to the UTF-8 ones, NAP006 is reported, no mojibake', async () => {
    const { annex: reference } = await extract2024Text();
    const run = await runCli(['extract', '-', '--force', '--quiet'], { input: encodeWindows1252(UTF8) });
    const annex = JSON.parse(run.stdout) as Annex;
    expect(titles(annex)).toEqual(titles(reference));
    // The code page has no ⁰ ⁴–⁹: those markers became `?`; apart from them the text is the same.
    const plain = (a: Annex) => a.activities.map((x) => x.explanation.text.replace(/\?/g, '').replace(/\s+/g, ' ').trim());
    expect(plain(annex)).toEqual(plain(reference));
    expect(plain(annex).join(' ')).toMatch(/é.*ë.*ï|ë.*é/s);
    expect(plain(annex).join(' ')).toContain('–');
    expect(run.stdout).not.toMatch(/Ã|Â|â€|\uFFFD/);
    expect(annex.diagnostics.find((d) => d.code === 'NAP006')).toMatchObject({
      severity: 'warning',
      source: 'reader:text',
      actual: expect.stringMatching(/^0x[89a-f][0-9a-f]$/),
      expected: 'utf-8',
    });
  });
});
