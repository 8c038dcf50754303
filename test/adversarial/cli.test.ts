/** Adversarial findings B9 (diff reads annex.json by its first character), C16 (injection through names), C17 (CLI details). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnnex } from '../../src/cli/load-annex.js';
import { formatDiagnostic } from '../../src/cli/report.js';
import { DiagnosticBag } from '../../src/diagnostics/bag.js';
import { adversarial, extractFixture, minText } from './helpers.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nap-adv-'));

describe('B9: diff detects JSON by its first non-white-space character', () => {
  it('an annex.json after 100 bytes of white space is read as annex.json; a JSON array is refused (exit 2)', async () => {
    const extracted = await runCli(['extract', adversarial('min.txt'), '--quiet']);
    expect(extracted.status).toBe(0);
    writeFileSync(join(dir, 'ws.json'), `${' \n'.repeat(50)}${extracted.stdout}`);
    writeFileSync(join(dir, 'arr.json'), `[${extracted.stdout}]`);
    const ok = await runCli(['diff', 'ws.json', adversarial('min.txt')], { cwd: dir });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('old: ws.json (5 activities, extracted from ');
    expect(ok.stdout).toContain('0 added, 0 removed, 0 changed, 5 unchanged');
    const arr = await runCli(['diff', 'arr.json', adversarial('min.txt')], { cwd: dir });
    expect(arr.status).toBe(2);
    // One line naming the file, severity and code; what was found and what an annex.json is, as fields.
    expect(arr.stderr).toMatch(/^arr\.json error NAP001 [^\n]*\n$/);
    await expect(loadAnnex(join(dir, 'arr.json'), { maxBytes: 1_000_000 })).rejects.toMatchObject({ diagnostic: { code: 'NAP001', severity: 'error', file: join(dir, 'arr.json'), actual: 'array', expected: 'object' } });
  });
});

describe('C16: names and messages cannot forge output lines', () => {
  it('a file name with a line break and "::error" stays on its line under --format github and text', async () => {
    const name = 'inj\n::error file=x::PWNED.txt';
    writeFileSync(join(dir, name), minText());
    for (const format of ['github', 'text']) {
      const run = await runCli(['check', '--format', format, name], { cwd: dir });
      expect(run.status).toBe(0);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines.filter((l) => l.startsWith('::error'))).toEqual([]);
      expect(lines.at(-1)).toBe('inj\\x0a::error file=x::PWNED.txt: OK — 5 activities, 0 errors, 0 warnings, 2 info');
    }
  });

  it('ESC and other controls in messages are shown as escapes in text output', async () => {
    const d = new DiagnosticBag('a\u001b.html').report('NAP106', 'Text "\u001b[2J\u001b[31mROOD" \u0007', { page: 1, line: 1 });
    expect(formatDiagnostic(d)).toBe('a\\x1b.html:1:1 error NAP106 Text "\\x1b[2J\\x1b[31mROOD" \\x07');
  });

  it('esc.html: the entities become U+FFFD (NAP012) and nothing printed holds ESC', async () => {
    const run = await runCli(['check', adversarial('esc.html')]);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.stdout).toContain('warning NAP012 Input holds 4 control characters (the first U+001B)');
  });
});

describe('C17: CLI details', () => {
  it('`diff - -` is a usage error (exit 64)', async () => {
    const run = await runCli(['diff', '-', '-'], { input: '' });
    expect(run.status).toBe(64);
    expect(run.stderr).toBe('nap-annex diff: standard input (-) can be only one of <old> and <new>; give the other as a file.\n');
  });

  it('UTF-16 with a byte-order mark is decoded (NAP011, info) and gives the same activities as UTF-8', async () => {
    const u16 = await extractFixture('u16.txt');
    expect(u16.diagnostics.map((d) => [d.code, d.severity, d.actual, d.expected])).toEqual([
      ['NAP011', 'info', 'utf-16le', 'utf-8'],
      ['NAP301', 'info', 5, undefined],
      ['NAP013', 'info', undefined, undefined],
    ]);
    const utf8 = await extractFixture('min.txt');
    expect(u16.annex.activities).toEqual(utf8.annex.activities);
    const be = Buffer.from(readFileSync(adversarial('u16.txt'))).swap16();
    expect((await extractFixture('u16be.txt', new Uint8Array(be))).annex.activities).toEqual(utf8.annex.activities);
  });

  it('UTF-16 without a byte-order mark is refused naming UTF-16', async () => {
    const bytes = new Uint8Array(Buffer.from(minText(), 'utf16le'));
    await expect(extractFixture('u16-nobom.txt', bytes)).rejects.toMatchObject({
      diagnostic: { code: 'NAP001', source: 'reader:text', actual: 'utf-16', expected: 'utf-8' },
    });
  });

  it('a location with a line but no page prints `file (line N)`, not `file::N`', async () => {
    expect(formatDiagnostic(new DiagnosticBag('f.txt').report('NAP001', 'm', { line: 3 }))).toBe('f.txt (line 3) error NAP001 m');
    expect(formatDiagnostic(new DiagnosticBag('f.txt').report('NAP001', 'm', { page: 2 }))).toBe('f.txt:2 error NAP001 m');
    expect(formatDiagnostic(new DiagnosticBag('f.txt').report('NAP001', 'm'))).toBe('f.txt error NAP001 m');
  });
});
