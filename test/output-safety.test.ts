/** Nothing lost: a failed run leaves existing outputs byte-identical and no temp files; CSV formulas. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TEXT_2024 } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'nap-out-'));
/** Every file of an output folder (hidden ones included) with its content. */
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

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

  it('a target that is a folder: exit 73, the other files unchanged, nothing of the run left', async () => {
    const out = tmp();
    writeFileSync(join(out, 'annex.json'), '{\n  "schemaVersion": 1\n}\n');
    writeFileSync(join(out, 'activities.csv'), 'old csv');
    mkdirSync(join(out, 'footnotes.csv'));
    const run = await runCli(['extract', TEXT_2024, '-o', out, '-q']);
    expect(run.status).toBe(73);
    expect(run.stderr).toMatch(/^nap-annex: cannot write the output: .*footnotes\.csv exists and is not a file; move it away .*\. Nothing was written; the files in .* are unchanged\./);
    expect(readdirSync(out).sort()).toEqual(['activities.csv', 'annex.json', 'footnotes.csv']);
    expect(readFileSync(join(out, 'activities.csv'), 'utf8')).toBe('old csv');
  });

  it('files of other names stay; a file of a name nap-annex writes is its output and is replaced', async () => {
    const out = tmp();
    writeFileSync(join(out, 'notities.txt'), 'mijn eigen notities');
    writeFileSync(join(out, 'activities.csv'), 'een oudere uitvoer');
    expect((await runCli(['extract', TEXT_2024, '-o', out, '-q', '-f', 'csv'])).status).toBe(0);
    expect(readFileSync(join(out, 'notities.txt'), 'utf8')).toBe('mijn eigen notities');
    expect(readFileSync(join(out, 'activities.csv'), 'utf8')).toMatch(/^action_line,/);
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
