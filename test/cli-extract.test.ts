/** `nap-annex extract` as a user runs it: files, stdout, summary, exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TEXT_2024 } from './helpers/fixtures.js';
import { runCli, spawnCliStderrClosed } from './helpers/run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'nap-annex-'));

describe('nap-annex extract', () => {
  it('writes annex.json, the CSV tables, datapackage.json and annex.xlsx with -o, summary on stderr, exit 0', async () => {
    const out = join(tmp(), 'out');
    const run = await runCli(['extract', TEXT_2024, '-o', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('text, 17 pages, 5 action lines, 83 activities, 25 footnotes');
    expect(run.stderr).toMatch(/Actielijn 3\s+31 activities\s+Organisaties hebben processen/);
    expect(run.stderr).toContain('0 errors, 1 warning, 2 info');
    expect(run.stderr).toMatch(/^\s*\S*fixtures\/nap-2024\/bijlage-1\.txt:6:192 warning NAP501 /m);
    expect(readdirSync(out).sort()).toEqual([
      'activities.csv',
      'activity_footnotes.csv',
      'activity_owners.csv',
      'annex.json',
      'annex.xlsx',
      'citations.csv',
      'datapackage.json',
      'diagnostics.csv',
      'footnotes.csv',
    ]);
    const annex = JSON.parse(readFileSync(join(out, 'annex.json'), 'utf8'));
    expect(annex.activities).toHaveLength(83);
    expect(annex.source).toMatchObject({ fileName: 'bijlage-1.txt', format: 'text', pageCount: 17, sha256: 'ef2bc6063569d46c12f2b867a1ca4dfc348a51070242554a775fc5ea264523b7' });
    expect(parse(readFileSync(join(out, 'activities.csv')), { columns: true })).toHaveLength(83);
    expect(parse(readFileSync(join(out, 'footnotes.csv')), { columns: true })).toHaveLength(25);
  });

  it('quiet by default: info diagnostics counted in the summary and listed only with --verbose', async () => {
    const quiet = await runCli(['extract', TEXT_2024]);
    expect(quiet.stderr).toContain('diagnostics: 0 errors, 1 warning, 2 info (--verbose lists the info ones)');
    expect(quiet.stderr).toContain('warning NAP501');
    expect(quiet.stderr).not.toMatch(/ info NAP\d{3} /);
    const verbose = await runCli(['extract', TEXT_2024, '--verbose']);
    expect(verbose.stderr).toContain('diagnostics: 0 errors, 1 warning, 2 info\n');
    expect(verbose.stderr.match(/ info NAP(301|013) /g)).toHaveLength(2);
  });

  it('prints the JSON to stdout without -o, and reads stdin with -', async () => {
    const run = await runCli(['extract', '-', '--quiet'], { input: readFileSync(TEXT_2024) });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const annex = JSON.parse(run.stdout);
    expect(annex.source.fileName).toBe('<stdin>');
    expect(annex.activities.map((a: { id: string }) => a.id).slice(0, 3)).toEqual(['AL1-01', 'AL1-02', 'AL1-03']);
  });

  it('writes only the CSVs with --format csv; with --excel also copies for Dutch Excel in excel/ (the package CSVs stay plain UTF-8)', async () => {
    const out = tmp();
    const run = await runCli(['extract', TEXT_2024, '-o', out, '--format', 'csv', '--excel', '-q']);
    expect(run.status).toBe(0);
    const tables = ['activities.csv', 'activity_footnotes.csv', 'activity_owners.csv', 'citations.csv', 'diagnostics.csv', 'footnotes.csv'];
    expect(readdirSync(out).sort()).toEqual([...tables.slice(0, 4), 'datapackage.json', 'diagnostics.csv', 'excel', 'footnotes.csv']);
    expect(readdirSync(join(out, 'excel')).sort()).toEqual(tables);
    const csv = readFileSync(join(out, 'excel', 'activities.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFaction_line;')).toBe(true);
    expect(csv.split('\r\n')[0]).toContain(';owners_text;');
    const plain = readFileSync(join(out, 'activities.csv'), 'utf8');
    expect(plain.startsWith('action_line,')).toBe(true);
    expect(plain.includes('\r\n')).toBe(false);
  });

  it('exits 2 naming the file when the input does not exist, and writes nothing', async () => {
    const out = join(tmp(), 'out');
    const run = await runCli(['extract', 'no/such/annex.txt', '-o', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('no/such/annex.txt error NAP001 Cannot read input: no such file. Check the path.\n');
    expect(() => readdirSync(out)).toThrow();
  });

  it('exits 64 on a usage error', async () => {
    const run = await runCli(['extract', TEXT_2024, '--format', 'xml']);
    expect(run.status).toBe(64);
    expect(run.stderr).toContain("argument 'xml' is invalid. Allowed choices are json, csv, xlsx, all.");
  });
});

describe('nap-annex extract: a closed standard error', () => {
  it('loses only the summary: exit 0 and the files written (`extract … 2>&1 | head -1` gave exit 1)', async () => {
    const dir = tmp();
    const status = await spawnCliStderrClosed(['extract', TEXT_2024, '-o', join(dir, 'out')]);
    expect(status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'annex.json'), 'utf8')).activities).toHaveLength(83);
  });
});

describe('nap-annex extract: output conveniences', () => {
  it('prints activities.csv to stdout with --format csv and no -o', async () => {
    const run = await runCli(['extract', TEXT_2024, '-q', '--format', 'csv']);
    expect(run.status).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(83);
    expect(rows.find((r) => r.title === 'Advisering wettelijke verplichting vertrouwenspersoon')!.planning_ranges).toBe(
      '2023-01-01/2023-03-31|2024-01-01/2024-03-31',
    );
    expect(rows.find((r) => r.title === 'Expertisepunt Burgerschap')!.planning_ranges).toBe('2022-01-01/..');
  });

  it('refuses -o followed by an option (-o -q would write a folder named "-q"): exit 64, nothing written', async () => {
    const dir = tmp();
    const run = await runCli(['extract', TEXT_2024, '-o', '-q'], { cwd: dir });
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('-o -q: a folder name that starts with "-" looks like an option');
    expect(readdirSync(dir)).toEqual([]);
    // The name is still usable when meant: ./-q
    expect((await runCli(['extract', TEXT_2024, '-q', '-f', 'json', '-o', './-q'], { cwd: dir })).status).toBe(0);
    expect(readdirSync(dir)).toEqual(['-q']);
  });

  it("refuses --excel with --delimiter , (exit 64) but accepts --excel --delimiter ';', which agree", async () => {
    const run = await runCli(['extract', TEXT_2024, '--excel', '--delimiter', ',']);
    expect(run.status).toBe(64);
    expect(run.stderr).toContain("--excel writes ';' as the delimiter");
    const agree = await runCli(['extract', TEXT_2024, '-q', '-f', 'csv', '--excel', '--delimiter', ';']);
    expect(agree.status).toBe(0);
    expect(agree.stdout.startsWith('\ufeffaction_line;action_line_title;id;')).toBe(true);
  });

  it('-o - is standard output, not a folder named -', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'nap-dash-'));
    const run = await runCli(['extract', TEXT_2024, '-q', '-o', '-'], { cwd });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).activities).toHaveLength(83);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('-f all to standard output is a usage error naming -o; -f csv says footnotes.csv was not printed', async () => {
    const all = await runCli(['extract', TEXT_2024, '-f', 'all']);
    expect(all.status).toBe(64);
    expect(all.stdout).toBe('');
    expect(all.stderr).toContain('give a folder with -o <dir>');
    const csv = await runCli(['extract', TEXT_2024, '-f', 'csv']);
    expect(csv.status).toBe(0);
    expect(csv.stderr).toContain('printed activities.csv only; footnotes.csv and the other tables are written with -o <dir>.');
  });

  it('--help shows examples and exit codes', async () => {
    const run = await runCli(['extract', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('$ nap-annex extract annex.pdf -o out');
    expect(run.stdout).toContain('73 cannot write the output');
    expect((await runCli(['diff', '--help'])).stdout).toContain('1 an input has error diagnostics');
  });

  it('exits quietly when the reader closes the pipe', async () => {
    const run = spawnSync('bash', ['-c', `node dist/test-bundle/cli.js extract '${TEXT_2024}' -q | head -c 10; echo " status \${PIPESTATUS[0]}"`], { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) });
    expect(run.stdout).toBe('{\n  "schem status 0\n');
    expect(run.stderr).toBe('');
  });
});

describe('nap-annex extract: a forced input format the bytes contradict', () => {
  it('says what the input looks like', async () => {
    const run = await runCli(['extract', fileURLToPath(new URL('../fixtures/nap-2024/bijlage-1-rendition.pdf', import.meta.url)), '--input-format', 'text']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('The input looks like PDF, but was read as TEXT (--input-format); drop --input-format to read it as PDF.');
  });
});
