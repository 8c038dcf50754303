/**
 * Kills of the real commands: `extract`, batch `extract`, `report` and `stack`, run as
 * processes of the built CLI and killed with SIGTERM or SIGKILL, seeded: half at a random instant
 * of the run (between a quarter of an unkilled run's time and its end), half at a random change
 * the writer makes in the output folder (watched), so that kills land while it writes.
 * Kills in all, spread over the four commands: 100 (`npm run test:all`; the file is in the full
 * tier, since every kill starts a real process and an unkilled run to time it); NAP_KILL_RUNS=N
 * sets N. The writer's own kill test (output-set.test.ts) stays in the quick tier. After each kill, and the recovery the next run does first, every output folder
 * holds exactly the complete old set or the complete new set, byte for byte, and nothing else
 * (no lock, no staging folder, nothing beside it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, type FSWatcher, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMIT_FILE, recoverOutputFolder, STAGING_DIR } from '../../src/emit/output-set.js';
import { CLI_BUNDLE, runCli } from '../helpers/run-cli.js';
import { filesUnder } from '../helpers/files.js';
import { FULL_TIER } from '../helpers/fuzz.js';

const KILLS = Number(process.env.NAP_KILL_RUNS || (FULL_TIER ? 100 : 4));
const MIN = readFileSync(new URL('../../fixtures/adversarial/min.txt', import.meta.url), 'utf8');
/** The new edition of the inputs: the same annex with another title, so every file of the set differs. */
const NEW = MIN.replace('Activiteit 1a\t', 'Andere titel\t');

/** The commands, each with the folders it writes (relative to the work folder). */
const COMMANDS = [
  { name: 'extract', args: ['extract', 'in/a.txt', '-o', 'out', '-q'], folders: ['out'] },
  { name: 'batch extract', args: ['extract', 'in/a.txt', 'in/b.txt', '-o', 'data', '-q'], folders: ['data/a', 'data/b'] },
  { name: 'report', args: ['report', 'in/a.txt', '-o', 'rep/page.html', '--date', '2024-03-18', '-q'], folders: ['rep'] },
  { name: 'stack', args: ['stack', 'in/a.txt', 'in/b.txt', '-o', 'st', '-q'], folders: ['st'] },
] as const;

/** name → sha256 of every file under `folder`. */
function tree(folder: string): Record<string, string> {
  return Object.fromEntries(filesUnder(folder).map((f) => [f, createHash('sha256').update(readFileSync(join(folder, f))).digest('hex')]));
}

function writeInputs(work: string, text: string): void {
  mkdirSync(join(work, 'in'), { recursive: true });
  writeFileSync(join(work, 'in', 'a.txt'), text);
  writeFileSync(join(work, 'in', 'b.txt'), text);
}

/** Runs the CLI to its end in `work`; returns the wall time in ms. */
function runToEnd(work: string, args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { cwd: work, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${args.join(' ')}: exit ${run.status}: ${run.stderr}`);
  return performance.now() - started;
}

/**
 * Starts the CLI in `work` and kills it with `signal`: after `delayMs`, or (`nth` given) at the
 * nth change the writer makes in one of `folders` (its lock, its staging folder, each file it
 * installs or removes: fs.watch, inotify on Linux), so that kills land inside the few
 * milliseconds of writing too. Resolves with the exit code or the signal.
 */
function runAndKill(work: string, args: readonly string[], folders: readonly string[], signal: 'SIGTERM' | 'SIGKILL', delayMs: number, nth: number | null): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { cwd: work, stdio: 'ignore' });
    const watchers: FSWatcher[] = [];
    let seen = 0;
    const kill = (): void => {
      child.kill(signal);
    };
    const timer = nth === null ? setTimeout(kill, delayMs) : null;
    if (nth !== null) {
      for (const f of folders) {
        watchers.push(
          watch(join(work, f), () => {
            if (++seen === nth) kill();
          }),
        );
      }
    }
    child.on('exit', (code, killedBy) => {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      resolve(killedBy ?? `exit ${code}`);
    });
  });
}

describe(`kills of extract, batch extract, report and stack (${KILLS} in all)`, () => {
  it('every folder holds the complete old or the complete new set and nothing else', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nap-cli-kill-'));
    // The old and the new set of each command, from unkilled runs; and how long a run takes.
    const reference: { old: Record<string, string>[]; fresh: Record<string, string>[]; ms: number; snapshot: string }[] = [];
    for (const [c, command] of COMMANDS.entries()) {
      const work = join(root, `ref-${c}`);
      writeInputs(work, MIN);
      // The old set in-process (the same code as the built CLI, without a process start); the new one by the CLI, timed.
      expect((await runCli([...command.args], { cwd: work })).status).toBe(0);
      const old = command.folders.map((f) => tree(join(work, f)));
      const snapshot = join(root, `old-${c}`);
      cpSync(work, snapshot, { recursive: true });
      writeInputs(work, NEW);
      const ms = runToEnd(work, command.args);
      const fresh = command.folders.map((f) => tree(join(work, f)));
      for (const [i, f] of command.folders.entries()) expect(fresh[i], `${command.name} ${f}: the new set differs from the old`).not.toEqual(old[i]);
      reference.push({ old, fresh, ms, snapshot });
    }
    // Half the kills at a random instant of the run, half at a random change the writer makes (the nth of about 20).
    const plan = fc.sample(
      fc.record({ kill: fc.constantFrom<'SIGTERM' | 'SIGKILL'>('SIGTERM', 'SIGKILL'), at: fc.double({ min: 0.25, max: 1, noNaN: true }), nth: fc.option(fc.integer({ min: 1, max: 20 }), { freq: 2 }) }),
      { numRuns: KILLS, seed: 20 },
    );
    // Folders: which set they hold after recovery; and what a kill left before it (a run killed while it wrote).
    const tally = { old: 0, new: 0, mixed: 0, litter: 0, finished: 0, leftStaged: 0, leftCommitted: 0 };
    const lanes = 2;
    for (let i = 0; i < plan.length; i += lanes) {
      await Promise.all(
        plan.slice(i, i + lanes).map(async ({ kill, at, nth }, k) => {
          const n = i + k;
          const c = n % COMMANDS.length;
          const command = COMMANDS[c]!;
          const ref = reference[c]!;
          const work = join(root, `kill-${n}`);
          cpSync(ref.snapshot, work, { recursive: true });
          writeInputs(work, NEW);
          const ended = await runAndKill(work, command.args, command.folders, kill, Math.round(ref.ms * at), nth);
          if (ended === 'exit 0') tally.finished++;
          for (const [j, f] of command.folders.entries()) {
            if (existsSync(join(work, f, STAGING_DIR))) tally[existsSync(join(work, f, STAGING_DIR, COMMIT_FILE)) ? 'leftCommitted' : 'leftStaged']++;
            recoverOutputFolder(join(work, f));
            const seen = tree(join(work, f));
            const same = (x: Record<string, string>) => JSON.stringify(seen) === JSON.stringify(x);
            if (same(ref.old[j]!)) tally.old++;
            else if (same(ref.fresh[j]!)) tally.new++;
            else {
              tally.mixed++;
              console.error(`${command.name}, ${kill} ${nth === null ? `at ${Math.round(at * 100)}%` : `at change ${nth}`} (${ended}): ${f} holds ${Object.keys(seen).join(' ')}`);
            }
          }
          const expectedTop = [...new Set(['in', ...command.folders.map((f) => f.split('/')[0]!)])].sort();
          if (readdirSync(work).sort().join() !== expectedTop.join()) tally.litter++;
          rmSync(work, { recursive: true, force: true });
        }),
      );
    }
    console.log(`CLI kills: ${KILLS} runs, ${JSON.stringify(tally)} (old/new/mixed count folders)`);
    expect({ mixed: tally.mixed, litter: tally.litter }).toEqual({ mixed: 0, litter: 0 });
    expect(tally.old + tally.new + tally.mixed).toBe(plan.reduce((n, _, i) => n + COMMANDS[i % COMMANDS.length]!.folders.length, 0));
  }, 900_000);
});
