/** `extract` with several inputs and globs: one subfolder per input, a final table, the worst exit code. */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subfolderNames } from '../src/cli/extract-command.js';
import { CURRENT, LOCK_FILE, SETS_DIR } from '../src/emit/output-set.js';
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
    expect(readdirSync(out)).toEqual(['bijlage-1-rendition']);
    const annex = JSON.parse(readFileSync(join(out, 'bijlage-1-rendition', 'annex.json'), 'utf8'));
    expect(annex.activities).toHaveLength(83);
    expect(annex.activities.filter((a: { status: unknown }) => a.status !== null)).toHaveLength(83);
    expect(readdirSync(join(out, 'bijlage-1-rendition'))).toContain('annex.xlsx');
    const lines = run.stderr.split('\n');
    // Not a terminal: no progress bar, only the table and the problems.
    expect(lines[0]).toMatch(/^input\s+format\s+pages\s+activities\s+errors\s+warnings\s+exit\s+written to$/);
    expect(lines.slice(1, pdfs.length + 1).map((l) => l.split(/\s+/)[0])).toEqual(pdfs);
    expect(lines[1]).toMatch(/^fixtures\/bad\/encrypted\.pdf\s+-\s+-\s+-\s+1\s+0\s+2\s+nothing written$/);
    expect(lines[2]).toMatch(/^fixtures\/bad\/not-an-annex\.pdf\s+pdf\s+1\s+0\s+2\s+0\s+1\s+errors: nothing written \(--force writes anyway\)$/);
    expect(lines[3]).toMatch(/^fixtures\/bad\/three-pages\.pdf\s+pdf\s+3\s+0\s+4\s+0\s+1\s+errors: nothing written \(--force writes anyway\)$/);
    expect(lines[4]).toMatch(/^fixtures\/bad\/truncated\.pdf\s+-\s+-\s+-\s+1\s+0\s+2\s+nothing written$/);
    expect(lines[5]).toMatch(/^fixtures\/nap-2024\/bijlage-1-rendition\.pdf\s+pdf\s+17\s+83\s+0\s+1\s+0\s+\S+bijlage-1-rendition$/);
    expect(lines[6]).toBe('5 inputs: 1 written, 4 not written; exit 2');
    expect(run.stderr).toContain('fixtures/bad/truncated.pdf error NAP004');
    expect(run.stderr).toContain('fixtures/bad/encrypted.pdf error NAP003');
    expect(run.stderr).not.toMatch(/files \|/);
  }, 600_000);

  it('two files of the same name get name and name-2; --quiet prints nothing; a missing pattern is exit 2', async () => {
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
    expect(subfolderNames(['x/Bijlage 1.pdf', 'y/bijlage 1.txt', '.hidden', 'z/Bijlage 1.pdf'])).toEqual(['x-Bijlage_1', 'y-bijlage_1', 'input', 'z-Bijlage_1']);
    // Adding an edition keeps the others' folders; folders that do not tell inputs apart: -2.
    const years = ['annexes/2024/bijlage-1.pdf', 'annexes/2025/bijlage-1.pdf'];
    expect(subfolderNames(years)).toEqual(['2024-bijlage-1', '2025-bijlage-1']);
    expect(subfolderNames(['annexes/2023/bijlage-1.pdf', ...years])).toEqual(['2023-bijlage-1', '2024-bijlage-1', '2025-bijlage-1']);
    expect(subfolderNames(['/data/a/2024/x.pdf', '/data/b/2024/x.pdf', 'y.pdf'])).toEqual(['a-2024-x', 'b-2024-x', 'y']);
    expect(subfolderNames(['a/bijlage.pdf', 'a/bijlage.txt'])).toEqual(['bijlage', 'bijlage-2']);
  }, 120_000);

  it('writes each subfolder as an output set, as for a single input: out/<name>/current → the set, annex.json read through it; a locked subfolder is exit 75, the others are written', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), readFileSync(TEXT_2024));
    writeFileSync(join(dir, 'b.txt'), readFileSync(TEXT_2024));
    const first = await runCli(['extract', 'a.txt', 'b.txt', '-o', 'out', '-q'], { cwd: dir });
    expect(first.status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a', 'b']);
    const setOf = (name: string): string => readlinkSync(join(dir, 'out', name, CURRENT));
    for (const name of ['a', 'b']) {
      const folder = join(dir, 'out', name);
      const sets = readdirSync(join(folder, SETS_DIR));
      expect(sets).toHaveLength(1);
      expect(setOf(name)).toBe(join(SETS_DIR, sets[0]!));
      expect(lstatSync(join(folder, 'annex.json')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(folder, 'annex.json'))).toBe(join(CURRENT, 'annex.json'));
      expect(readdirSync(join(folder, setOf(name)))).toContain('annex.json');
      expect(JSON.parse(readFileSync(join(folder, 'annex.json'), 'utf8')).activities).toHaveLength(83);
      expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
    }
    // A second run switches every folder to a new set, except one that another run holds (its lock names a live pid).
    const [setA, setB] = [setOf('a'), setOf('b')];
    writeFileSync(join(dir, 'out', 'b', LOCK_FILE), `${process.pid}\n`);
    const second = await runCli(['extract', 'a.txt', 'b.txt', '-o', 'out'], { cwd: dir });
    expect(second.status).toBe(75);
    expect(setOf('a')).not.toBe(setA);
    expect(readdirSync(join(dir, 'out', 'a', SETS_DIR))).toEqual([setOf('a').slice(SETS_DIR.length + 1)]);
    expect(setOf('b')).toBe(setB);
    expect(second.stderr).toMatch(/^b\.txt\s.*\s75\s+locked: \S+ is being written by another nap-annex run \(pid \d+\); wait for it to finish, or choose another folder with -o\.$/m);
    expect(second.stderr).toContain('2 inputs: 1 written, 1 not written; exit 75');
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
