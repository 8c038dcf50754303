/** Nothing lost: a failed run leaves existing outputs byte-identical and no temp files; CSV formulas. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomically } from '../src/emit/write-atomic.js';
import { TEXT_2024 } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'nap-out-'));
/** The files a user sees in an output folder (the set's links; the hidden sets folder and `current` are machinery). */
const visible = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.') && f !== 'current').sort();
const snapshot = (dir: string) => ({
  ...Object.fromEntries(visible(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')])),
  hidden: readdirSync(dir).filter((f) => f.startsWith('.')).sort(),
});

describe('a failed run keeps existing output', () => {
  it('input with errors: exit 1, existing files byte-identical, no temp files', async () => {
    const out = tmp();
    expect((await runCli(['extract', TEXT_2024, '-o', out, '-q'])).status).toBe(0);
    const before = snapshot(out);
    const bad = join(tmp(), 'bad.txt');
    writeFileSync(bad, readFileSync(TEXT_2024, 'utf8').replace('Actielijn 3\t', 'Actielijn 0\t'));
    const run = await runCli(['extract', bad, '-o', out, '-q']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nothing written');
    expect(snapshot(out)).toEqual(before);
  });

  it('a target that is a folder: exit 73, the other targets unchanged, no temp files', async () => {
    const out = tmp();
    // An output folder of an older nap-annex (plain files), with a folder where a file belongs.
    const oldJson = '{\n  "schemaVersion": 1\n}\n';
    writeFileSync(join(out, 'annex.json'), oldJson);
    writeFileSync(join(out, 'activities.csv'), 'old csv');
    mkdirSync(join(out, 'footnotes.csv'));
    const run = await runCli(['extract', TEXT_2024, '-o', out, '-q']);
    expect(run.status).toBe(73);
    expect(run.stderr).toMatch(/^nap-annex: cannot write the output: .*footnotes\.csv exists and is not a link that nap-annex made; move it away .*\. Nothing was written; the files in .* are unchanged\./);
    expect(readdirSync(out).sort()).toEqual(['activities.csv', 'annex.json', 'footnotes.csv']);
    expect(readFileSync(join(out, 'annex.json'), 'utf8')).toBe(oldJson);
    expect(readFileSync(join(out, 'activities.csv'), 'utf8')).toBe('old csv');
  });

  it("someone's own file of a set file's name (not an older nap-annex folder): exit 73, nothing written", async () => {
    const out = tmp();
    writeFileSync(join(out, 'activities.csv'), 'mijn eigen tabel');
    const run = await runCli(['extract', TEXT_2024, '-o', out, '-q']);
    expect(run.status).toBe(73);
    expect(run.stderr).toMatch(/activities\.csv exists and is not a link that nap-annex made/);
    expect(readdirSync(out)).toEqual(['activities.csv']);
    expect(readFileSync(join(out, 'activities.csv'), 'utf8')).toBe('mijn eigen tabel');
  });

  it('a write failing after other temps were written leaves old files and no temp files', async () => {
    const out = tmp();
    writeFileSync(join(out, 'a.txt'), 'old a');
    const files = [
      { path: join(out, 'a.txt'), content: 'new a' },
      { path: join(out, 'b.txt'), content: 'new b' },
      // Content that writeFile rejects: the third write fails after two temps exist.
      { path: join(out, 'c.txt'), content: Symbol('unwritable') as unknown as string },
    ];
    await expect(writeFilesAtomically(files)).rejects.toThrow();
    expect(readdirSync(out)).toEqual(['a.txt']);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old a');
  });
});

describe('CSV formula neutralisation through the CLI', () => {
  it("prefixes a title starting with = by ' , and keeps it with --no-neutralise-formulas", async () => {
    const input = join(tmp(), 'formula.txt');
    const text = readFileSync(TEXT_2024, 'utf8');
    const title = text.split('\n').find((l) => l.startsWith('Publiekscommunicatie'))!.split('\t')[0]!;
    writeFileSync(input, text.replace(title, '=HYPERLINK("http://evil.example","klik")'));
    const titleOf = (dir: string) => (parse(readFileSync(join(dir, 'activities.csv')), { columns: true }) as { title: string }[])[0]!.title;

    const safe = tmp();
    expect((await runCli(['extract', input, '-o', safe, '-f', 'csv', '-q'])).status).toBe(0);
    expect(titleOf(safe)).toBe(`'=HYPERLINK("http://evil.example","klik")`);

    const raw = tmp();
    expect((await runCli(['extract', input, '-o', raw, '-f', 'csv', '-q', '--no-neutralise-formulas'])).status).toBe(0);
    expect(titleOf(raw)).toBe('=HYPERLINK("http://evil.example","klik")');
  });
});
