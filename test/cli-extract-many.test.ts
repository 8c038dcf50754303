/** `extract` with several inputs and globs: one subfolder per input, a final table, the worst exit code. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchFolderNames, type BatchInput } from '../src/cli/batch-names.js';
import { LOCK_FILE } from '../src/emit/output-set.js';
import { filesUnder } from './helpers/files.js';
import { TEXT_2024 } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'nap-many-'));

describe('extract with several inputs', () => {
  it("'fixtures/{bad,nap-2024}/*.pdf': the good one in its own folder, the broken ones reported, exit 2", async () => {
    // The mechanism, on the committed PDFs of two folders (every PDF's data is checked by the
    // reader tests: word-variants, generated-variants, annex-2024-pdf).
    const out = join(tmp(), 'out');
    const run = await runCli(['extract', 'fixtures/{bad,nap-2024}/*.pdf', '-o', out]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const pdfs = ['bad/encrypted.pdf', 'bad/not-an-annex.pdf', 'bad/three-pages.pdf', 'bad/truncated.pdf', 'nap-2024/bijlage-1-rendition.pdf'].map((f) => `fixtures/${f}`);
    // Named by the path below the pattern's fixed folder (fixtures/): nap-2024/bijlage-1-rendition.pdf.
    expect(readdirSync(out)).toEqual(['nap-2024-bijlage-1-rendition']);
    const annex = JSON.parse(readFileSync(join(out, 'nap-2024-bijlage-1-rendition', 'annex.json'), 'utf8'));
    expect(annex.activities).toHaveLength(83);
    expect(annex.activities.filter((a: { status: unknown }) => a.status !== null)).toHaveLength(83);
    expect(readdirSync(join(out, 'nap-2024-bijlage-1-rendition'))).toContain('annex.xlsx');
    const lines = run.stderr.split('\n');
    // Not a terminal: no progress bar, only the table and the problems.
    expect(lines[0]).toMatch(/^input\s+format\s+pages\s+activities\s+errors\s+warnings\s+exit\s+written to$/);
    expect(lines.slice(1, pdfs.length + 1).map((l) => l.split(/\s+/)[0])).toEqual(pdfs);
    expect(lines[1]).toMatch(/^fixtures\/bad\/encrypted\.pdf\s+-\s+-\s+-\s+1\s+0\s+2\s+nothing written$/);
    expect(lines[2]).toMatch(/^fixtures\/bad\/not-an-annex\.pdf\s+pdf\s+1\s+0\s+2\s+0\s+1\s+errors: nothing written \(--force writes anyway\)$/);
    expect(lines[3]).toMatch(/^fixtures\/bad\/three-pages\.pdf\s+pdf\s+3\s+0\s+2\s+0\s+1\s+errors: nothing written \(--force writes anyway\)$/);
    expect(lines[4]).toMatch(/^fixtures\/bad\/truncated\.pdf\s+-\s+-\s+-\s+1\s+0\s+2\s+nothing written$/);
    expect(lines[5]).toMatch(/^fixtures\/nap-2024\/bijlage-1-rendition\.pdf\s+pdf\s+17\s+83\s+0\s+1\s+0\s+\S+nap-2024-bijlage-1-rendition$/);
    expect(lines[6]).toBe('5 inputs: 1 written, 4 not written; exit 2');
    expect(run.stderr).toContain('fixtures/bad/truncated.pdf error NAP004');
    expect(run.stderr).toContain('fixtures/bad/encrypted.pdf error NAP003');
    expect(run.stderr).not.toMatch(/files \|/);
  }, 600_000);

  it('two files of the same name get their paths; --quiet prints nothing; a missing pattern is exit 2', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'annex.txt'), readFileSync(TEXT_2024));
    writeFileSync(join(dir, 'b', 'annex.txt'), readFileSync(TEXT_2024));
    const run = await runCli(['extract', '*/annex.txt', 'none/*.pdf', '-o', 'out', '-q'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a-annex', 'b-annex']);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'b-annex', 'annex.json'), 'utf8')).activities).toHaveLength(83);
  }, 120_000);

  it('names: the edition when known, else the path below the pattern or the file name; never renumbered when inputs are added', () => {
    const out = tmp();
    const input = (path: string, base: string | null = null, date: string | null = null, sha256: string | null = null): BatchInput => ({
      path,
      base,
      edition: { date, kamerstuk: null },
      fileName: path.split('/').at(-1)!,
      sha256,
    });
    const years = [input('annexes/2024/bijlage-1.pdf', 'annexes'), input('annexes/2025/bijlage-1.pdf', 'annexes')];
    expect(batchFolderNames(years, out)).toEqual(['2024-bijlage-1', '2025-bijlage-1']);
    // Adding an edition (before or after the others) changes no other input's name.
    expect(batchFolderNames([input('annexes/2023/bijlage-1.pdf', 'annexes'), ...years], out)).toEqual(['2023-bijlage-1', '2024-bijlage-1', '2025-bijlage-1']);
    // Editions known: their dates, whatever the files are called.
    const dated = [input('x/a.pdf', null, '2024-03-18'), input('y/b.html', null, '2025-03-20')];
    expect(batchFolderNames(dated, out)).toEqual(['2024-03-18', '2025-03-20']);
    expect(batchFolderNames([input('z/c.txt', null, '2023-04-01'), ...dated], out)).toEqual(['2023-04-01', '2024-03-18', '2025-03-20']);
    // Plain arguments: the file name; two of one name are told apart by their whole paths, not by order.
    expect(batchFolderNames([input('in/a.txt'), input('in/b.txt')], out)).toEqual(['a', 'b']);
    expect(batchFolderNames([input('x/Bijlage 1.pdf'), input('y/bijlage 1.txt'), input('.hidden'), input('z/Bijlage 1.pdf')], out)).toEqual(['x-Bijlage_1-pdf', 'y-bijlage_1-txt', '_hidden', 'z-Bijlage_1-pdf']);
    // Two inputs of one edition: the one its folder of an earlier run records keeps the name.
    mkdirSync(join(out, '2024-03-18'));
    writeFileSync(join(out, '2024-03-18', 'annex.json'), `{\n  "schemaVersion": 1,\n  "source": {\n    "fileName": "a.pdf",\n    "sha256": "${'a'.repeat(64)}"`);
    const same = [input('x/a.txt', null, '2024-03-18', 'b'.repeat(64)), input('x/a.pdf', null, '2024-03-18', 'a'.repeat(64))];
    expect(batchFolderNames(same, out)).toEqual(['2024-03-18-x-a-txt', '2024-03-18']);
  });

  it('writes each subfolder as a set of plain files, as for a single input; a locked subfolder is exit 75, the others are written; stale folders of earlier runs are listed, and removed with --remove-stale', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), readFileSync(TEXT_2024));
    writeFileSync(join(dir, 'b.txt'), readFileSync(TEXT_2024));
    const first = await runCli(['extract', 'a.txt', 'b.txt', '-o', 'out', '-q'], { cwd: dir });
    expect(first.status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a', 'b']);
    const names = ['activities.csv', 'activity_footnotes.csv', 'activity_owners.csv', 'annex.json', 'annex.xlsx', 'citations.csv', 'datapackage.json', 'diagnostics.csv', 'footnotes.csv'];
    for (const name of ['a', 'b']) {
      expect(filesUnder(join(dir, 'out', name))).toEqual(names);
      expect(JSON.parse(readFileSync(join(dir, 'out', name, 'annex.json'), 'utf8')).activities).toHaveLength(83);
    }
    // A second run writes every folder, except one that another run holds (its lock names a live pid).
    const before = readFileSync(join(dir, 'out', 'b', 'annex.json'));
    writeFileSync(join(dir, 'out', 'b', LOCK_FILE), `${process.pid}\n`);
    writeFileSync(join(dir, 'b.txt'), readFileSync(TEXT_2024, 'utf8').replace('Publieksmonitor\t', 'Publieksmonitor 2025\t'));
    const second = await runCli(['extract', 'a.txt', 'b.txt', '-o', 'out'], { cwd: dir });
    expect(second.status).toBe(75);
    expect(readFileSync(join(dir, 'out', 'b', 'annex.json'))).toEqual(before);
    expect(second.stderr).toMatch(/^b\.txt\s.*\s75\s+locked: \S+ is being written by another nap-annex run \(pid \d+\); wait for it to finish, or choose another folder with -o\.$/m);
    expect(second.stderr).toContain('2 inputs: 1 written, 1 not written; exit 75');
    // A run without b.txt: out/b is stale, listed (and kept) by default, removed with --remove-stale.
    writeFileSync(join(dir, 'out', 'b', LOCK_FILE), '999999999\n');
    const third = await runCli(['extract', 'a.txt', '*.none', '-o', 'out'], { cwd: dir });
    expect(third.stderr).toContain("stale folder out/b: no input of this run is written there (an earlier run's); --remove-stale removes it");
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a', 'b']);
    const fourth = await runCli(['extract', 'a.txt', '*.none', '-o', 'out', '--remove-stale'], { cwd: dir });
    expect(fourth.stderr).toContain('removed stale folder out/b (no input of this run)');
    expect(readdirSync(join(dir, 'out'))).toEqual(['a']);
    expect(existsSync(join(dir, 'out', 'a', LOCK_FILE))).toBe(false);
  }, 120_000);

  it('several inputs without -o is a usage error (64)', async () => {
    const run = await runCli(['extract', TEXT_2024, TEXT_2024]);
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('several inputs (or a glob pattern) need -o <dir>');
    const xlsx = await runCli(['extract', TEXT_2024, '--format', 'xlsx']);
    expect(xlsx.status).toBe(64);
    expect(xlsx.stderr).toContain('--format xlsx needs -o <dir>');
  });
});
