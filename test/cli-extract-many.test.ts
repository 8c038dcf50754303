/** `extract` with several inputs and globs: one subfolder per input, a final table, the worst exit code. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { subfolderNames } from '../src/cli/extract-command.js';
import { TEXT_2024 } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'nap-many-'));

describe('extract with several inputs', () => {
  it("'fixtures/**/*.pdf': every committed PDF, each good one in its own folder, the broken ones reported, exit 2", async () => {
    const out = join(tmp(), 'out');
    const run = await runCli(['extract', 'fixtures/**/*.pdf', '-o', out]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    // Every committed PDF (found on disk, so that new fixtures are covered too); the broken ones are known.
    const pdfs = (readdirSync(fileURLToPath(new URL('../fixtures', import.meta.url)), { recursive: true }) as string[]).filter((f) => f.endsWith('.pdf')).map((f) => `fixtures/${f}`).sort();
    const broken = ['fixtures/bad/encrypted.pdf', 'fixtures/bad/not-an-annex.pdf', 'fixtures/bad/three-pages.pdf', 'fixtures/bad/truncated.pdf', 'fixtures/pdf-generated/encrypted-user-password.pdf'];
    const good = pdfs.filter((f) => !broken.includes(f));
    expect(good.length).toBeGreaterThanOrEqual(5);
    expect(readdirSync(out).sort()).toEqual(good.map((f) => f.replace(/^.*\//, '').replace(/\.pdf$/, '')).sort());
    for (const f of good) {
      const annex = JSON.parse(readFileSync(join(out, f.replace(/^.*\//, '').replace(/\.pdf$/, ''), 'annex.json'), 'utf8'));
      expect(annex.activities, f).toHaveLength(83);
    }
    const annex = JSON.parse(readFileSync(join(out, 'bijlage-1-rendition', 'annex.json'), 'utf8'));
    expect(annex.activities.filter((a: { status: unknown }) => a.status !== null)).toHaveLength(83);
    expect(readdirSync(join(out, 'image-letter'))).toContain('annex.xlsx');
    const lines = run.stderr.split('\n');
    // Not a terminal: no progress bar, only the table and the problems.
    expect(lines[0]).toMatch(/^input\s+format\s+pages\s+activities\s+errors\s+warnings\s+exit\s+written to$/);
    expect(lines.slice(1, pdfs.length + 1).map((l) => l.split(/\s+/)[0])).toEqual(pdfs);
    expect(lines[5]).toMatch(/^fixtures\/nap-2024\/bijlage-1-rendition\.pdf\s+pdf\s+17\s+83\s+0\s+1\s+0\s+\S+bijlage-1-rendition$/);
    expect(lines[4]).toMatch(/^fixtures\/bad\/truncated\.pdf\s+-\s+-\s+-\s+1\s+0\s+2\s+nothing written$/);
    expect(lines[2]).toMatch(/\s1\s+errors: nothing written \(--force writes anyway\)$/);
    expect(lines[pdfs.length + 1]).toBe(`${pdfs.length} inputs: ${good.length} written, 5 not written; exit 2`);
    expect(run.stderr).toContain('fixtures/bad/truncated.pdf error NAP004');
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
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['annex', 'annex-2']);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'annex-2', 'annex.json'), 'utf8')).activities).toHaveLength(83);
    expect(subfolderNames(['x/Bijlage 1.pdf', 'y/bijlage 1.txt', '.hidden', 'z/Bijlage 1.pdf'])).toEqual(['Bijlage_1', 'bijlage_1-2', 'input', 'Bijlage_1-3']);
  }, 120_000);

  it('on a terminal, a progress bar shows files done, pages read and the current file (skipped without `script`)', async () => {
    if (spawnSync('script', ['--version']).status !== 0) {
      console.warn('SKIPPED: util-linux `script` (a pseudo-terminal) is not installed; the progress bar was not checked.');
      return;
    }
    const dir = tmp();
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const entry = fileURLToPath(new URL('../src/cli/bin.ts', import.meta.url));
    const command = [process.execPath, '--import', tsx, entry, 'extract', TEXT_2024, TEXT_2024.replace('bijlage-1.txt', '../html-generated/bijlage-1-2024.html'), '-o', join(dir, 'out')]
      .map((a) => `'${a}'`)
      .join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ 2\/2 files \| 3\d pages read \| /);
    expect(run.stdout).toContain('2 inputs: 2 written, 0 not written; exit 0');
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
