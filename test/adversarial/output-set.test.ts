/**
 * Issue 9 item 7: output sets survive kills and neighbours. A seeded kill test (SIGTERM and
 * SIGKILL at random instants during writes; 8 kills in `npm test`, 100 in `npm run test:all`, NAP_KILL_RUNS=N for N), the lock between two
 * runs, planted symlinks, read-only folders and a full standard output.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, openSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, OutputInTheWayError, OutputLockedError, SETS_DIR, writeOutputSet } from '../../src/emit/output-set.js';
import { CLI_BUNDLE, runCli } from '../helpers/run-cli.js';
import { TEST_BUNDLE } from '../global-setup.js';
import { FULL_TIER } from '../helpers/fuzz.js';

/** output-set-child.ts, bundled by test/global-setup.ts (plain node starts it; tsx would cost a second of CPU per child). */
const CHILD = fileURLToPath(new URL(`../../${TEST_BUNDLE}/output-set-child.js`, import.meta.url));
const KILLS = Number(process.env.NAP_KILL_RUNS || (FULL_TIER ? 100 : 8));
const NAMES = ['activities.csv', 'annex.json', 'footnotes.csv'];

/** The set each visible file shows ("set n"), or null when the file does not exist. */
function setsSeen(folder: string): Array<string | null> {
  return NAMES.map((n) => (existsSync(join(folder, n)) ? readFileSync(join(folder, n), 'utf8').split('\n')[0]! : null));
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
  it(`${KILLS} kills with SIGTERM and SIGKILL: 0 mixed sets, 0 files outside the folder, no temp files after SIGTERM`, async () => {
    const plan = fc.sample(fc.record({ kill: fc.constantFrom<'SIGTERM' | 'SIGKILL'>('SIGTERM', 'SIGKILL'), delayMs: fc.integer({ min: 0, max: 60 }) }), { numRuns: KILLS, seed: 9 });
    const root = mkdtempSync(join(tmpdir(), 'nap-kill-'));
    let mixed = 0;
    let outside = 0;
    let tempsAfterTerm = 0;
    const batch = 4;
    for (let i = 0; i < plan.length; i += batch) {
      await Promise.all(
        plan.slice(i, i + batch).map(async ({ kill, delayMs }, k) => {
          const parent = join(root, `run-${i + k}`);
          const folder = join(parent, 'out');
          mkdirSync(parent);
          await killDuringWrites(folder, kill, delayMs);
          const seen = setsSeen(folder);
          if (new Set(seen).size !== 1 || seen[0] === null) mixed++;
          if (readdirSync(parent).join() !== 'out') outside++;
          if (kill === 'SIGTERM') {
            const sets = readdirSync(join(folder, SETS_DIR));
            const stray = readdirSync(folder).filter((f) => f.startsWith('.') && f !== SETS_DIR);
            if (sets.length !== 1 || stray.length > 0) {
              tempsAfterTerm++;
              console.error(`after SIGTERM (${delayMs} ms): sets ${sets.join(' ')}; hidden ${stray.join(' ')}`);
            }
          }
        }),
      );
    }
    expect({ mixed, outside, tempsAfterTerm }).toEqual({ mixed: 0, outside: 0, tempsAfterTerm: 0 });
  }, 600_000);
});

describe('neighbours', () => {
  it('a second run while the first holds the lock stops with OutputLockedError; a stale lock (dead pid) is taken over', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-lock-'));
    writeFileSync(join(folder, LOCK_FILE), `${process.pid}\n`);
    await expect(writeOutputSet(folder, [{ name: 'annex.json', content: 'x' }])).rejects.toBeInstanceOf(OutputLockedError);
    expect(existsSync(join(folder, 'annex.json'))).toBe(false);
    writeFileSync(join(folder, LOCK_FILE), '999999999\n');
    await writeOutputSet(folder, [{ name: 'annex.json', content: 'new' }]);
    expect(readFileSync(join(folder, 'annex.json'), 'utf8')).toBe('new');
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
  });

  it('the CLI names the lock holder and exits 75', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-lock-'));
    writeFileSync(join(folder, LOCK_FILE), `${process.pid}\n`);
    const run = await runCli(['extract', 'fixtures/adversarial/min.txt', '-o', folder, '-q']);
    expect(run.status).toBe(75);
    expect(run.stderr).toBe(`nap-annex: ${folder} is being written by another nap-annex run (pid ${process.pid}); wait for it to finish, or choose another folder with -o. Nothing was written.\n`);
  });

  it('a symlink planted where a temp name or a set file would go is never written through', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-plant-'));
    const victim = join(mkdtempSync(join(tmpdir(), 'nap-victim-')), 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(folder, 'annex.json'));
    await expect(writeOutputSet(folder, [{ name: 'annex.json', content: 'evil' }])).rejects.toThrow(/is not a link that nap-annex made/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    // Temp names are unpredictable (mkdtemp), and the set's files are created with `wx`.
    const other = mkdtempSync(join(tmpdir(), 'nap-plant-'));
    await writeOutputSet(other, [{ name: 'annex.json', content: 'one' }]);
    await writeOutputSet(other, [{ name: 'annex.json', content: 'two' }]);
    const [set] = readdirSync(join(other, SETS_DIR));
    expect(set).toMatch(/^set-[A-Za-z0-9_-]{12}$/);
    expect(lstatSync(join(other, 'annex.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(other, 'current'))).toBe(join(SETS_DIR, set!));
    expect(readFileSync(join(other, 'annex.json'), 'utf8')).toBe('two');
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
  const set = (n: number, names = NAMES) => names.map((name) => ({ name, content: `set ${n}\n` }));

  it("someone's own file where a set file goes is in the way: nothing is written and the file is unchanged", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-own-'));
    writeFileSync(join(folder, 'activities.csv'), 'mijn eigen tabel\n');
    writeFileSync(join(folder, 'notes.txt'), 'notities\n');
    await expect(writeOutputSet(folder, set(1))).rejects.toBeInstanceOf(OutputInTheWayError);
    expect(readFileSync(join(folder, 'activities.csv'), 'utf8')).toBe('mijn eigen tabel\n');
    expect(lstatSync(join(folder, 'activities.csv')).isFile()).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['activities.csv', 'notes.txt']);
  });

  it('the plain files of an older nap-annex output folder are replaced by the set', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-old-'));
    writeFileSync(join(folder, 'annex.json'), '{\n  "schemaVersion": 1\n}\n');
    writeFileSync(join(folder, 'activities.csv'), 'oud\n');
    await writeOutputSet(folder, set(2));
    expect(setsSeen(folder)).toEqual(['set 2', 'set 2', 'set 2']);
    expect(lstatSync(join(folder, 'activities.csv')).isSymbolicLink()).toBe(true);
  });

  it('a run that writes fewer files (-f json after a full run) leaves no link pointing at nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nap-fewer-'));
    await writeOutputSet(folder, set(1));
    await writeOutputSet(folder, set(2, ['annex.json']));
    expect(readdirSync(folder).filter((n) => !n.startsWith('.')).sort()).toEqual(['annex.json', 'current']);
    expect(readFileSync(join(folder, 'annex.json'), 'utf8')).toBe('set 2\n');
  });
});
