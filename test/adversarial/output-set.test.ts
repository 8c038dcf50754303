/**
 * The writer of every output folder (src/emit/output-set.ts): plain files replaced as one set.
 * A seeded kill campaign against the writer itself (SIGTERM and SIGKILL at random instants while
 * a child writes sets in a loop: NAP_KILL_RUNS kills, 8 in the quick tier, 100 in the full one),
 * the lock between two runs, planted symlinks, the symbolic-link layout of nap-annex 0.1, files
 * the new set does not have, folders in the way, read-only folders and a full standard output.
 * (Kills of the real commands: output-kills.full.test.ts, in the full tier.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMIT_FILE, LOCK_FILE, OutputInTheWayError, OutputLockedError, makeFolders, recoverOutputFolder, STAGING_DIR, writeOutputSet } from '../../src/emit/output-set.js';
import { CLI_BUNDLE, runCli } from '../helpers/run-cli.js';
import { TEST_BUNDLE } from '../global-setup.js';
import { filesUnder } from '../helpers/files.js';
import { FULL_TIER } from '../helpers/fuzz.js';

/** output-set-child.ts, bundled by test/global-setup.ts (plain node starts it; tsx would cost a second of CPU per child). */
const CHILD = fileURLToPath(new URL(`../../${TEST_BUNDLE}/output-set-child.js`, import.meta.url));
const KILLS = Number(process.env.NAP_KILL_RUNS || (FULL_TIER ? 100 : 8));

/**
 * The set the folder shows: "set n" when every file of set n is there (odd sets have the Excel
 * copy, even ones not) and nothing else; otherwise a description of the mix.
 */
function setShown(folder: string): string {
  const files = filesUnder(folder);
  const sets = new Set(files.map((f) => readFileSync(join(folder, f), 'utf8').split('\n')[0]));
  const [only] = sets;
  const n = Number(only?.slice(4));
  const expected = ['activities.csv', 'annex.json', 'datapackage.json', ...(n % 2 === 1 ? ['excel/activities.csv'] : []), 'footnotes.csv'];
  return sets.size === 1 && files.join() === expected.join() ? only! : `mix: ${files.map((f) => `${f}=${readFileSync(join(folder, f), 'utf8').split('\n')[0]}`).join(', ')}`;
}

/** Starts a writer child, kills it with `signal` `delayMs` after its first complete set, and resolves when it exited. */
function killDuringWrites(folder: string, signal: 'SIGTERM' | 'SIGKILL', delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, folder], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => setTimeout(() => child.kill(signal), delayMs));
    child.on('exit', () => resolve());
  });
}

describe('kills at random instants (seeded)', () => {
  it(`${KILLS} kills with SIGTERM and SIGKILL: after SIGTERM one complete set and nothing else; after SIGKILL the old set or a committed new one, which recovery installs; never a mix after recovery`, async () => {
    const plan = fc.sample(fc.record({ kill: fc.constantFrom<'SIGTERM' | 'SIGKILL'>('SIGTERM', 'SIGKILL'), delayMs: fc.integer({ min: 0, max: 60 }) }), { numRuns: KILLS, seed: 9 });
    const root = mkdtempSync(join(tmpdir(), 'nap-kill-'));
    const outcome = { termClean: 0, killClean: 0, killCommitted: 0, killUncommitted: 0, mixedAfterRecovery: 0, outside: 0, termLitter: 0 };
    const batch = 4;
    for (let i = 0; i < plan.length; i += batch) {
      await Promise.all(
        plan.slice(i, i + batch).map(async ({ kill, delayMs }, k) => {
          const parent = join(root, `run-${i + k}`);
          const folder = join(parent, 'out');
          mkdirSync(parent);
          await killDuringWrites(folder, kill, delayMs);
          const staged = existsSync(join(folder, STAGING_DIR));
          if (kill === 'SIGTERM') {
            // The handler ran between two sets: nothing to recover, no lock, no staging.
            if (staged || existsSync(join(folder, LOCK_FILE))) outcome.termLitter++;
            else outcome.termClean++;
          } else if (!staged) outcome.killClean++;
          else if (existsSync(join(folder, STAGING_DIR, COMMIT_FILE))) outcome.killCommitted++;
          else outcome.killUncommitted++;
          recoverOutputFolder(folder);
          const shown = setShown(folder);
          if (!/^set \d+$/.test(shown)) {
            outcome.mixedAfterRecovery++;
            console.error(`${kill} after ${delayMs} ms: ${shown}`);
          }
          if (readdirSync(parent).join() !== 'out') outcome.outside++;
        }),
      );
    }
    console.log(`output-set kills: ${JSON.stringify(outcome)}`);
    expect(outcome.termClean + outcome.termLitter + outcome.killClean + outcome.killCommitted + outcome.killUncommitted).toBe(KILLS);
    expect({ mixedAfterRecovery: outcome.mixedAfterRecovery, outside: outcome.outside, termLitter: outcome.termLitter }).toEqual({ mixedAfterRecovery: 0, outside: 0, termLitter: 0 });
  }, 600_000);

  it('recovery installs a committed set and discards an uncommitted one (the two states a SIGKILL can leave)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-recover-'));
    writeOutputSet(folder, [{ name: 'a.csv', content: 'old a' }, { name: 'b.csv', content: 'old b' }], { owned: ['a.csv', 'b.csv'] });
    // Killed after the commit, with a.csv already moved in: b.csv is still staged.
    mkdirSync(join(folder, STAGING_DIR));
    writeFileSync(join(folder, 'a.csv'), 'new a');
    writeFileSync(join(folder, STAGING_DIR, 'b.csv'), 'new b');
    writeFileSync(join(folder, STAGING_DIR, COMMIT_FILE), JSON.stringify({ install: ['a.csv', 'b.csv'], remove: [] }));
    writeFileSync(join(folder, LOCK_FILE), '999999999\n');
    expect(recoverOutputFolder(folder)).toBe('installed');
    expect(filesUnder(folder).map((f) => `${f}=${readFileSync(join(folder, f), 'utf8')}`)).toEqual(['a.csv=new a', 'b.csv=new b']);
    // Killed before the commit: the staged files go, the old set stays.
    mkdirSync(join(folder, STAGING_DIR));
    writeFileSync(join(folder, STAGING_DIR, 'a.csv'), 'newer a');
    expect(recoverOutputFolder(folder)).toBe('discarded');
    expect(filesUnder(folder).map((f) => `${f}=${readFileSync(join(folder, f), 'utf8')}`)).toEqual(['a.csv=new a', 'b.csv=new b']);
    expect(recoverOutputFolder(folder)).toBe('nothing');
  });
});

describe('neighbours', () => {
  it('a second run while the first holds the lock stops with OutputLockedError; a stale lock (dead pid) is taken over', () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-lock-'));
    writeFileSync(join(folder, LOCK_FILE), `${process.pid}\n`);
    expect(() => writeOutputSet(folder, [{ name: 'annex.json', content: 'x' }])).toThrow(OutputLockedError);
    expect(existsSync(join(folder, 'annex.json'))).toBe(false);
    expect(recoverOutputFolder(folder)).toBe('locked');
    writeFileSync(join(folder, LOCK_FILE), '999999999\n');
    writeOutputSet(folder, [{ name: 'annex.json', content: 'new' }]);
    expect(readFileSync(join(folder, 'annex.json'), 'utf8')).toBe('new');
    expect(filesUnder(folder)).toEqual(['annex.json']);
  });

  it('the CLI names the lock holder and exits 75', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-lock-'));
    writeFileSync(join(folder, LOCK_FILE), `${process.pid}\n`);
    const run = await runCli(['extract', 'fixtures/adversarial/min.txt', '-o', folder, '-q']);
    expect(run.status).toBe(75);
    expect(run.stderr).toBe(`nap-annex: ${folder} is being written by another nap-annex run (pid ${process.pid}); wait for it to finish, or choose another folder with -o. Nothing was written.\n`);
  });

  it('a symlink planted where a file of the set goes is replaced, never written through', () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-plant-'));
    const victim = join(mkdtempSync(join(tmpdir(), 'nap-victim-')), 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(folder, 'annex.json'));
    expect(() => writeOutputSet(folder, [{ name: 'annex.json', content: 'evil' }])).toThrow(OutputInTheWayError);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    // A link planted inside the staging folder's place is removed by recovery, not followed.
    const other = mkdtempSync(join(tmpdir(), 'nap-plant-'));
    symlinkSync(mkdtempSync(join(tmpdir(), 'nap-victim-')), join(other, STAGING_DIR));
    writeOutputSet(other, [{ name: 'annex.json', content: 'one' }]);
    expect(filesUnder(other)).toEqual(['annex.json']);
    expect(lstatSync(join(other, 'annex.json')).isFile()).toBe(true);
  });
});

describe('right messages for folders and streams that cannot be written', () => {
  it('a read-only folder is named as read-only, exit 73', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-ro-'));
    chmodSync(folder, 0o555);
    const args = ['extract', 'fixtures/adversarial/min.txt', '-o', join(folder, 'out'), '-q'];
    // Permissions do not stop root: as root, the built CLI runs as the user nobody (65534).
    const run =
      process.getuid?.() === 0
        ? spawnSync(process.execPath, [CLI_BUNDLE, ...args], { uid: 65_534, gid: 65_534, encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)) })
        : await runCli(args);
    expect(run.status).toBe(73);
    expect(run.stderr).toContain('is read-only for this user (EACCES');
  });

  it.each([
    ['extract', 'fixtures/adversarial/min.txt'],
    ['check', 'fixtures/adversarial/min.txt'],
    ['diff', 'fixtures/adversarial/min.txt', 'fixtures/adversarial/t_al6.txt'],
    ['schema'],
  ])('%s with standard output on /dev/full: exit 73, a clear message, no stack trace', (...args: string[]) => {
    const run = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    expect(run.status).toBe(73);
    expect(run.stderr.trim().split('\n').at(-1)).toBe('nap-annex: cannot write to standard output: the disk holding standard output is full (ENOSPC). The output is incomplete.');
    expect(run.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});

describe('what the folder holds besides the set', () => {
  const set = (n: number, names = ['activities.csv', 'annex.json', 'footnotes.csv']) => names.map((name) => ({ name, content: `set ${n}\n` }));
  const owned = ['activities.csv', 'annex.json', 'footnotes.csv'];

  it("someone's other files stay untouched; a folder where a file of the set goes is in the way and nothing changes", () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-own-'));
    writeFileSync(join(folder, 'notes.txt'), 'notities\n');
    writeOutputSet(folder, set(1), { owned });
    expect(filesUnder(folder)).toEqual(['activities.csv', 'annex.json', 'footnotes.csv', 'notes.txt']);
    mkdirSync(join(folder, 'x.csv'));
    expect(() => writeOutputSet(folder, [...set(2), { name: 'x.csv', content: 'x' }], { owned })).toThrow(OutputInTheWayError);
    expect(filesUnder(folder).map((f) => `${f}=${readFileSync(join(folder, f), 'utf8').trim()}`)).toEqual(['activities.csv=set 1', 'annex.json=set 1', 'footnotes.csv=set 1', 'notes.txt=notities']);
  });

  it('the symbolic-link layout of nap-annex 0.1 becomes plain files: links, `current` and the hidden sets go', () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-old-'));
    mkdirSync(join(folder, '.nap-annex-sets', 'set-abc'), { recursive: true });
    for (const name of owned) {
      writeFileSync(join(folder, '.nap-annex-sets', 'set-abc', name), 'old\n');
      symlinkSync(join('current', name), join(folder, name));
    }
    symlinkSync(join('.nap-annex-sets', 'set-abc'), join(folder, 'current'));
    writeOutputSet(folder, set(2, ['annex.json', 'activities.csv']), { owned });
    expect(filesUnder(folder).map((f) => `${f}=${readFileSync(join(folder, f), 'utf8').trim()}`)).toEqual(['activities.csv=set 2', 'annex.json=set 2']);
    expect(lstatSync(join(folder, 'annex.json')).isFile()).toBe(true);
  });

  it('a run that writes fewer files (-f json after a full run) removes the ones of its kind the new set does not have, and an emptied folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-fewer-'));
    writeOutputSet(folder, [...set(1), { name: 'excel/activities.csv', content: 'x' }], { owned: [...owned, 'excel/activities.csv'] });
    writeOutputSet(folder, set(2, ['annex.json']), { owned: [...owned, 'excel/activities.csv'] });
    expect(readdirSync(folder)).toEqual(['annex.json']);
    expect(readFileSync(join(folder, 'annex.json'), 'utf8')).toBe('set 2\n');
  });
});

describe('makeFolders: an output folder that cannot be made is an error, never a hang', () => {
  it('makes nested folders; under a dangling link or /proc (where Node\'s recursive mkdir spins for ever: the first-time user\'s -o /proc/nope) it throws ENOENT at once', () => {
    const root = mkdtempSync(join(tmpdir(), 'nap-mk-'));
    makeFolders(join(root, 'a', 'b', 'c'));
    expect(lstatSync(join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
    makeFolders(join(root, 'a', 'b', 'c'));
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
    expect(() => makeFolders(join(root, 'dangling', 'out'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    if (existsSync('/proc/self')) expect(() => makeFolders('/proc/nap-annex-test/out')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
