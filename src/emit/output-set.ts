/**
 * The one writer of every output folder nap-annex writes (`extract -o`, each subfolder of a batch
 * `extract`, `report -o`, `stack -o`): plain files, replaced as one set (docs/output-folder.md).
 *
 * A run, all under the folder's lock (`.nap-annex.lock`, created exclusively, holding the pid):
 * 1. recovers what a killed run left (`recoverOutputFolder`);
 * 2. writes every file of the new set into the staging folder `.nap-annex-staging/` inside the
 *    output folder (each created exclusively: a planted symbolic link is never written through);
 * 3. checks every target name: free, a regular file, or a link of the old set layout — anything
 *    else (a folder, someone's link) is in the way and nothing is changed;
 * 4. commits: writes the journal `.nap-annex-staging/COMMIT` (the names to move in, the names to
 *    remove) by one `rename` — from this instant the new set is complete on disk and will be
 *    installed even if the process dies;
 * 5. rolls forward: renames each staged file over its target (each `rename` is atomic, so a file is
 *    always whole), the manifest (`datapackage.json`, with every table's `bytes` and `hash`) last;
 *    removes the names of the kind this command writes that the new set does not have; removes the
 *    staging folder and the lock.
 *
 * After any kill the folder holds the complete old set, or a committed journal that the next run
 * (or `recoverOutputFolder`) completes into the complete new set; a staging folder without a
 * journal is removed (old set kept). Every file-system call is synchronous: a signal handler (in
 * src/cli/, never here) runs only between two writes of this module, and `settleActiveWrites`
 * brings any write in progress to one complete set. Nothing is written outside the folder.
 */
import { randomBytes } from 'node:crypto';
import { type Stats, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/** The lock file: present only while a run writes the folder. */
export const LOCK_FILE = '.nap-annex.lock';
/** Where a run builds its set inside the output folder: present only while a run writes, or after a kill. */
export const STAGING_DIR = '.nap-annex-staging';
/** The journal inside STAGING_DIR: its presence means the staged set is complete and must be installed. */
export const COMMIT_FILE = 'COMMIT';
/** Names of the set layout of nap-annex 0.1 (symbolic links into hidden sets), removed when a folder is first written with plain files. */
const OLD_SETS_DIR = '.nap-annex-sets';
const OLD_CURRENT = 'current';

/** One file of a set: its path inside the folder (`/`-separated, e.g. `excel/activities.csv`) and its content (or a function that makes it, called once). */
export interface SetFile {
  name: string;
  content: string | Uint8Array | (() => string | Uint8Array);
}

/** Options of writeOutputSet. */
export interface WriteSetOptions {
  /**
   * Every name a set of this kind may hold (e.g. all files `extract` can write). Those the new set
   * does not have are removed when it is installed (`-f json` after a full run leaves no CSV of
   * the old run behind). Other names in the folder are never touched.
   */
  owned?: readonly string[];
  /** Names installed after all others (the manifest, e.g. `datapackage.json`); default: none. */
  last?: readonly string[];
}

/** Another run holds the lock of the folder (its pid is alive). */
export class OutputLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(`${folder} is being written by another nap-annex run (pid ${pid}); wait for it to finish, or choose another folder with -o.`);
    this.name = 'OutputLockedError';
  }
}

/** A name in the output folder is in the way: a folder or a link where a file of the set belongs. */
export class OutputInTheWayError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists and is not a file; move it away (nap-annex writes a file of that name there).`);
    this.name = 'OutputInTheWayError';
  }
}

/**
 * Installing a committed set failed part-way (e.g. on Windows a file open in another program
 * cannot be replaced): the folder holds a mix until the next run, which completes the set.
 */
export class OutputIncompleteError extends Error {
  constructor(
    readonly folder: string,
    readonly reason: string,
  ) {
    super(`the new set of ${folder} is complete but could not be fully installed (${reason}); the next nap-annex run into this folder installs it (close any program that holds a file of it open)`);
    this.name = 'OutputIncompleteError';
  }
}

/** The journal: what an interrupted run still has to do. */
interface Journal {
  install: string[];
  remove: string[];
}

/**
 * Creates folder `path` and its missing parents, one level at a time. Node's own `mkdirSync(path,
 * { recursive: true })` never returns where a parent exists but cannot hold the child: under
 * /proc, or on a stale mount, the kernel answers ENOENT, which Node takes for a missing parent and
 * tries again, at full CPU and deaf to Ctrl-C (the first-time user's `extract -o /proc/nope`,
 * session 5; a known Node behaviour, also met by bun and other projects). Here each level is made
 * once: throws the fs error of the first level that cannot be made (ENOENT, EACCES, ENOTDIR …).
 */
export function makeFolders(path: string): void {
  const missing: string[] = [];
  for (let p = resolve(path); statSync(p, { throwIfNoEntry: false }) === undefined; p = dirname(p)) {
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (error) {
      // A dangling link or a folder made meanwhile: the next level says whether it can hold a child.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Writes in progress in this process (at most one per folder), for settleActiveWrites. */
const active = new Map<string, { locked: boolean }>();

/**
 * Writes `files` as the new set of `folder` (created if missing), as the module doc says. Rejects
 * with OutputLockedError when another live run holds the folder, OutputInTheWayError when a name
 * of the set is taken by a folder or a link (checked before anything changes), or the fs error;
 * on every rejection the folder holds its old set and nothing of this run.
 */
export function writeOutputSet(folder: string, files: readonly SetFile[], options: WriteSetOptions = {}): void {
  makeFolders(folder);
  const state = { locked: false };
  active.set(folder, state);
  try {
    takeLock(folder);
    state.locked = true;
    recoverLocked(folder);
    const staging = join(folder, STAGING_DIR);
    mkdirSync(staging); // exclusive: recovery removed any earlier one
    for (const f of files) {
      const path = join(staging, ...f.name.split('/'));
      makeFolders(dirname(path));
      writeFileSync(path, typeof f.content === 'function' ? f.content() : f.content, { flag: 'wx' });
    }
    const names = new Set(files.map((f) => f.name));
    for (const name of names) checkTarget(folder, name);
    const last = new Set(options.last ?? []);
    const install = [...[...names].filter((n) => !last.has(n)), ...[...names].filter((n) => last.has(n))];
    const remove = (options.owned ?? []).filter((n) => !names.has(n));
    // The commit point: one rename makes the journal appear whole.
    const temp = join(staging, `.${COMMIT_FILE}-${randomBytes(6).toString('hex')}`);
    writeFileSync(temp, `${JSON.stringify({ install, remove } satisfies Journal)}\n`, { flag: 'wx' });
    renameSync(temp, join(staging, COMMIT_FILE));
    rollForward(folder);
  } catch (error) {
    if (state.locked && committed(folder)) throw new OutputIncompleteError(folder, error instanceof Error ? error.message : String(error));
    if (state.locked) rmSync(join(folder, STAGING_DIR), { recursive: true, force: true });
    throw error;
  } finally {
    if (state.locked) releaseLock(folder);
    active.delete(folder);
  }
}

/**
 * Completes or undoes what a killed run left in `folder`: a committed set is installed, an
 * uncommitted staging folder removed, a stale lock (its pid gone) removed. Does nothing while a
 * live run holds the lock. Returns what it did. Every writeOutputSet does this first.
 */
export function recoverOutputFolder(folder: string): 'nothing' | 'installed' | 'discarded' | 'locked' {
  if (lstatOrNull(folder) === null) return 'nothing';
  try {
    takeLock(folder);
  } catch (error) {
    if (error instanceof OutputLockedError) return 'locked';
    throw error;
  }
  try {
    return recoverLocked(folder);
  } finally {
    releaseLock(folder);
  }
}

/**
 * For a signal handler (src/cli/): brings every write of this process in progress to one
 * complete set — the new one when it was committed, else the old one — and releases its lock.
 * Synchronous; safe to call at any instant between two calls of this module.
 */
export function settleActiveWrites(): void {
  for (const [folder, state] of active) {
    if (!state.locked) {
      // Between creating the lock and recording that: the lock is ours if it holds our pid or nothing yet.
      const holder = readOr(() => readFileSync(join(folder, LOCK_FILE), 'utf8').trim(), null);
      if (holder === null || (holder !== '' && Number(holder) !== process.pid)) continue;
    }
    if (committed(folder)) rollForward(folder);
    else rmSync(join(folder, STAGING_DIR), { recursive: true, force: true });
    releaseLock(folder);
  }
  active.clear();
}

function recoverLocked(folder: string): 'nothing' | 'installed' | 'discarded' {
  if (lstatOrNull(join(folder, STAGING_DIR)) === null) return 'nothing';
  if (committed(folder)) {
    rollForward(folder);
    return 'installed';
  }
  rmSync(join(folder, STAGING_DIR), { recursive: true, force: true });
  return 'discarded';
}

function committed(folder: string): boolean {
  return lstatOrNull(join(folder, STAGING_DIR, COMMIT_FILE)) !== null;
}

/** Installs a committed set (idempotent: a name already moved is skipped), then removes the journal and the staging folder. */
function rollForward(folder: string): void {
  const staging = join(folder, STAGING_DIR);
  const journal = JSON.parse(readFileSync(join(staging, COMMIT_FILE), 'utf8')) as Journal;
  for (const name of journal.install) {
    const from = join(staging, ...name.split('/'));
    if (lstatOrNull(from) === null) continue;
    const to = join(folder, ...name.split('/'));
    makeFolders(dirname(to));
    renameSync(from, to);
  }
  for (const name of journal.remove) {
    const path = join(folder, ...name.split('/'));
    const stat = lstatOrNull(path);
    if (stat !== null && (stat.isFile() || isOldLayoutLink(path, name))) rmSync(path, { force: true });
    removeEmptyParents(folder, name);
  }
  removeOldLayout(folder);
  rmSync(staging, { recursive: true, force: true });
}

/** Removes the empty folders above `name` inside `folder` (e.g. `excel/` after its last file went). */
function removeEmptyParents(folder: string, name: string): void {
  const parts = name.split('/').slice(0, -1);
  for (let n = parts.length; n > 0; n--) {
    const dir = join(folder, ...parts.slice(0, n));
    if (readOr(() => readdirSync(dir).length, -1) !== 0) return;
    rmdirSync(dir);
  }
}

/** A name of the set must be free, a regular file, or a link of the old layout (`current/<name>`); a folder above it must be a folder. */
function checkTarget(folder: string, name: string): void {
  const parts = name.split('/');
  for (let n = 1; n < parts.length; n++) {
    const dir = join(folder, ...parts.slice(0, n));
    const stat = lstatOrNull(dir);
    if (stat !== null && !stat.isDirectory()) throw new OutputInTheWayError(dir);
  }
  const path = join(folder, ...parts);
  const stat = lstatOrNull(path);
  if (stat === null || stat.isFile() || isOldLayoutLink(path, name)) return;
  throw new OutputInTheWayError(path);
}

/** Whether `path` is a link that nap-annex 0.1 made (`annex.json -> current/annex.json`). */
function isOldLayoutLink(path: string, name: string): boolean {
  return readOr(() => readlinkSync(path), null) === [OLD_CURRENT, ...name.split('/')].join(sep);
}

/** Removes what the symbolic-link layout of nap-annex 0.1 left: `current`, its links, the hidden sets. */
function removeOldLayout(folder: string): void {
  const current = join(folder, OLD_CURRENT);
  if (readOr(() => readlinkSync(current), null)?.startsWith(OLD_SETS_DIR) !== true) return;
  for (const name of readdirSync(folder)) {
    if (readOr(() => readlinkSync(join(folder, name)), null)?.startsWith(`${OLD_CURRENT}${sep}`)) rmSync(join(folder, name), { force: true });
    if (name.startsWith(`.${OLD_CURRENT}-`)) rmSync(join(folder, name), { force: true });
  }
  rmSync(current, { force: true });
  rmSync(join(folder, OLD_SETS_DIR), { recursive: true, force: true });
}

/** Takes the folder's lock (exclusive create); a lock whose pid is gone is stale and taken over once. */
function takeLock(folder: string): void {
  const lock = join(folder, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number(readOr(() => readFileSync(lock, 'utf8'), '').trim());
    if (Number.isInteger(pid) && pid > 0 && pidAlive(pid)) throw new OutputLockedError(folder, pid);
    rmSync(lock, { force: true }); // stale: its run was killed
  }
  throw new OutputLockedError(folder, Number.NaN);
}

function releaseLock(folder: string): void {
  rmSync(join(folder, LOCK_FILE), { force: true });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lstatOrNull(path: string): Stats | null {
  return readOr(() => lstatSync(path), null);
}

function readOr<T, F>(read: () => T, fallback: F): T | F {
  try {
    return read();
  } catch {
    return fallback;
  }
}
