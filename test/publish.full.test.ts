/**
 * Publishing, with the programs a publisher uses (full tier: git and zip must be installed; a
 * missing one fails): `git add` of an output folder after two identical runs shows no change and
 * every entry is a regular file; `zip -r` stores each file once. On the real 2024 annex.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from './helpers/files.js';
import { PDF_2024, TEXT_2024 } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

const EDITION = ['--edition-date', '2024-03-18', '--kamerstuk', '34843-109'];
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nap-publish-'));
  expect((await runCli(['extract', PDF_2024, '-o', join(dir, 'excel'), '-q', '--excel', ...EDITION])).status).toBe(0);
}, 240_000);

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
}

describe('a folder a publisher can commit and upload', () => {
  it('git: two identical runs leave `git status` clean; every entry is a regular file (mode 100644), none a link', async () => {
    expect(spawnSync('git', ['--version']).status, 'git is not installed').toBe(0);
    const repo = mkdtempSync(join(tmpdir(), 'nap-git-'));
    git(repo, 'init', '-q');
    const args = ['extract', TEXT_2024, '-o', join(repo, 'out'), '-q', '--excel', ...EDITION];
    expect((await runCli(args)).status).toBe(0);
    git(repo, 'add', 'out');
    git(repo, 'commit', '-q', '-m', 'first run');
    const entries = git(repo, 'ls-files', '-s').trim().split('\n');
    expect(entries).toHaveLength(15); // annex.json, 6 CSVs, datapackage.json, annex.xlsx, 6 Excel copies
    expect(entries.every((e) => e.startsWith('100644 '))).toBe(true);
    expect((await runCli(args)).status).toBe(0);
    git(repo, 'add', 'out');
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('zip -r stores each file once: the entries are the files, and hold their bytes once', () => {
    expect(spawnSync('zip', ['-v']).status, 'zip is not installed').toBe(0);
    const zip = join(mkdtempSync(join(tmpdir(), 'nap-zip-')), 'out.zip');
    execFileSync('zip', ['-qr', zip, 'excel'], { cwd: dir });
    const entries = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n').filter((e) => !e.endsWith('/'));
    const files = filesUnder(join(dir, 'excel'));
    expect(entries.sort()).toEqual(files.map((f) => `excel/${f}`));
    const data = files.reduce((n, f) => n + statSync(join(dir, 'excel', f)).size, 0);
    const listed = execFileSync('unzip', ['-l', zip], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
    expect(Number(listed.trim().split(/\s+/)[0])).toBe(data);
  });

});
