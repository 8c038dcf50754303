/**
 * Bad text inputs through the CLI as a user meets them: each gives a clear message, the right
 * exit code, and never a crash, mojibake or silently lost data. The first case checks the line a
 * user reads; the others check what the message says as the diagnostic's fields (`check --format
 * json`: code, severity, file, place, actual, expected), not its sentence.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annex } from '../../src/schema/annex.js';
import type { Diagnostic } from '../../src/schema/diagnostic.js';
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

/** A diagnostic as fields: everything but its sentence (`reason`) and the link to its code's documentation. */
type Fields = Omit<Diagnostic, 'reason' | 'url'>;

/** `check --format json` on `args` (in the test folder): exit status, and the first input's verdict, activity count and diagnostics as fields. */
async function checkFields(...args: string[]): Promise<{ status: number | null; verdict: string; activities: number | null; diagnostics: Fields[] }> {
  const run = await runCli(['check', '--format', 'json', ...args], { cwd: dir });
  const file = (JSON.parse(run.stdout) as { files: { verdict: string; activities: number | null; diagnostics: Diagnostic[] }[] }).files[0]!;
  return { status: run.status, verdict: file.verdict, activities: file.activities, diagnostics: file.diagnostics.map(({ reason: _reason, url: _url, ...fields }) => fields) };
}

/** Writes `content` as `name` in the test folder and runs `check --format json` on it (see checkFields). */
async function checkWritten(name: string, content: string | Uint8Array, ...args: string[]) {
  writeFileSync(join(dir, name), content);
  return await checkFields(name, ...args);
}

describe('unreadable inputs: exit 2, NAP001/NAP002, one clear line', () => {
  it('empty file', async () => {
    const run = await check('empty.txt', '');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('empty.txt error NAP001 Input is empty (0 bytes). Give the annex as PDF, a UTF-8 text export or HTML.\nempty.txt: UNREADABLE — NAP001, nothing checked\n');
  });

  it('white space only', async () => {
    const run = await checkWritten('blank.txt', ' \n\t\r\n  \n');
    expect(run.status).toBe(2);
    expect(run.diagnostics).toEqual([{ code: 'NAP001', severity: 'error', file: 'blank.txt', place: {}, actual: 8, source: 'reader:text' }]);
  });

  it('random binary', async () => {
    let seed = 42;
    const bytes = Uint8Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) & 0xff);
    const run = await checkWritten('random.bin', bytes);
    expect(run.status).toBe(2);
    // Binary, not broken text: the control byte found, no encoding expected (that is NAP001 for a byte neither UTF-8 nor Windows-1252 assigns).
    expect(run.diagnostics).toEqual([{ code: 'NAP001', severity: 'error', file: 'random.bin', place: { line: 1 }, actual: '0x1c', source: 'reader:text' }]);
  });

  it('a Word document (.docx, a ZIP archive) is named as such, with what to do', async () => {
    const docx = new Uint8Array(readFileSync(new URL('../../fixtures/word-generated/shading-a5-narrow-calibri.docx', import.meta.url)));
    const run = await checkWritten('annex.docx', docx);
    expect(run.status).toBe(2);
    expect(run.diagnostics).toEqual([{ code: 'NAP001', severity: 'error', file: 'annex.docx', place: {}, actual: 'zip', expected: ['text', 'pdf', 'html'], source: 'reader:text' }]);
  });

  it('an image (a photo or scan of the annex) is named as one, with what to do (the first-time user got "binary data")', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]);
    for (const [name, bytes, kind] of [['scan.png', png, 'png'], ['foto.jpg', jpeg, 'jpeg']] as const) {
      const run = await checkWritten(name, bytes);
      expect(run.status).toBe(2);
      expect(run.diagnostics).toEqual([{ code: 'NAP001', severity: 'error', file: name, place: {}, actual: kind, expected: ['text', 'pdf', 'html'], source: 'reader:text' }]);
    }
  });

  it('nap-annex\'s own annex.json is named as such: it is an edition for diff, report and stack, not an annex to extract', async () => {
    const json = new TextEncoder().encode(`${JSON.stringify({ schemaVersion: '1.0.0', activities: [] }, null, 2)}\n`);
    const run = await checkWritten('annex.json', json);
    expect(run.status).toBe(2);
    expect(run.diagnostics).toEqual([{ code: 'NAP001', severity: 'error', file: 'annex.json', place: { line: 1 }, actual: 'annex.json', expected: ['pdf', 'text', 'html'], source: 'reader:text' }]);
  });

  it('a file over --max-bytes', async () => {
    const run = await checkWritten('big.txt', UTF8, '--max-bytes', '1000');
    expect(run.status).toBe(2);
    expect(run.diagnostics).toEqual([{ code: 'NAP002', severity: 'error', file: 'big.txt', place: {}, actual: Buffer.byteLength(UTF8), expected: 1000, source: 'input' }]);
  });

  it('a folder as input', async () => {
    const run = await checkFields(dir);
    expect(run.status).toBe(2);
    expect(run.diagnostics).toEqual([{ code: 'NAP001', severity: 'error', file: dir, place: {}, source: 'input', cause: 'EISDIR' }]);
  });

  it('a missing file', async () => {
    const run = await checkFields('no-such-annex.txt');
    expect(run.status).toBe(2);
    expect(run.diagnostics).toEqual([{ code: 'NAP001', severity: 'error', file: 'no-such-annex.txt', place: {}, source: 'input', cause: 'ENOENT' }]);
  });
});

describe('readable but wrong: exit 1 with the finding', () => {
  it('the legend only (NAP101)', async () => {
    const run = await checkWritten('legend.txt', LEGEND);
    expect(run.status).toBe(1);
    expect([run.verdict, run.activities]).toEqual(['findings', 0]);
    expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([{ code: 'NAP101', severity: 'error', file: 'legend.txt', place: {}, source: 'assemble' }]);
  });

  it('a table without its header row (NAP102)', async () => {
    const run = await checkWritten('no-header.txt', `${LEGEND}\n${AL1}Eerste\t\t2024\tOCW\tA.\n`);
    expect(run.status).toBe(1);
    expect(run.diagnostics.find((d) => d.code === 'NAP102')).toEqual({ code: 'NAP102', severity: 'error', file: 'no-header.txt', place: { page: 1, line: 7 }, source: 'assemble' });
  });

  it('a marker citing an undefined footnote (NAP201)', async () => {
    const run = await checkWritten('undefined-fn.txt', `${LEGEND}${HEADER}${AL1}Eerste\t\t2024\tOCW\tZie rapport.⁹\n`);
    expect(run.status).toBe(1);
    // The marker found, and the footnote numbers defined (none).
    expect(run.diagnostics.find((d) => d.code === 'NAP201')).toEqual({ code: 'NAP201', severity: 'error', file: 'undefined-fn.txt', place: { page: 1, line: 9 }, row: 'AL1-01', actual: 9, expected: [], source: 'footnotes' });
  });

  it('a footnote number defined twice (NAP203)', async () => {
    const run = await checkWritten('twice.txt', `${LEGEND}${HEADER}${AL1}Eerste\t\t2024\tOCW\tA.¹\n\n¹ Eerste.\n${LEGEND}${HEADER}${AL1}Tweede\t\t2024\tOCW\tB.\n\n¹ Tweede.\n`);
    expect(run.status).toBe(1);
    // The second definition's place (the first is kept) and the number defined twice.
    expect(run.diagnostics.find((d) => d.code === 'NAP203')).toEqual({ code: 'NAP203', severity: 'error', file: 'twice.txt', place: { page: 2, line: 22 }, actual: 1, source: 'footnotes' });
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
