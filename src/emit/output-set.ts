/**
 * Output sets that survive kills and neighbours (docs/output-folder.md).
 *
 * Layout of an output folder `out/`:
 * ```
 * out/annex.json      -> current/annex.json       (symbolic links, made once)
 * out/activities.csv  -> current/activities.csv
 * out/footnotes.csv   -> current/footnotes.csv
 * out/current         -> .nap-annex-sets/set-Ab12Cd   (the one link that is switched)
 * out/.nap-annex-sets/set-Ab12Cd/{annex.json,activities.csv,footnotes.csv}
 * out/.nap-annex.lock (only while a run writes)
 * ```
 * A run writes the new set into a fresh directory with a random name (crypto, like `mkdtemp`; created exclusively) inside
 * `.nap-annex-sets/`, every file created exclusively (`wx`: never through a planted symlink), then
 * switches `current` with one `rename` of a new symbolic link over it. `rename` is atomic, so at
 * any instant — SIGKILL included — `current` names either the complete old set or the complete
 * new one. SIGTERM and SIGINT during a run remove the unfinished set and the lock; after SIGKILL
 * the next run removes what the killed one left (sets `current` does not name, a lock whose pid
 * is gone). Two runs into one folder are serialised by the lock file (created with `wx`,
 * holding the pid): the second stops with OutputLockedError.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The hidden folder of sets inside an output folder. */
export const SETS_DIR = '.nap-annex-sets';
/** The switched link. */
export const CURRENT = 'current';
/** The lock file. */
export const LOCK_FILE = '.nap-annex.lock';

/** One file of a set: its name inside the folder and its content (or a function that makes it, called once). */
export interface SetFile {
  name: string;
  content: string | Uint8Array | (() => string | Uint8Array);
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

/** A name in the output folder is in the way (a regular file or folder where a link of the set belongs). */
export class OutputInTheWayError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists and is not a link that nap-annex made; move it away (nap-annex keeps its output files as links into ${SETS_DIR}/).`);
    this.name = 'OutputInTheWayError';
  }
}

let cleanupOnSignal: (() => void) | null = null;
let handlersInstalled = false;

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    process.on(signal, () => {
      cleanupOnSignal?.();
      process.exit(code);
    });
  }
}

/**
 * Writes `files` as the new set of `folder` (created if missing), see the module doc. Every file
 * system call is synchronous on purpose: a signal handler runs only between them, never while a
 * rename or create is still in flight on libuv's thread pool, so it always sees the true state. Rejects with
 * OutputLockedError when another live run holds the folder, OutputInTheWayError when a regular
 * file sits where a link belongs (checked before anything is written), or the fs error; on every
 * rejection the folder still holds its old set and no file of this run.
 */
export async function writeOutputSet(folder: string, files: readonly SetFile[]): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const lock = join(folder, LOCK_FILE);
  const setsDir = join(folder, SETS_DIR);
  // What a SIGTERM/SIGINT must take away. Every name is known before the call that creates it,
  // and whether the switch happened is read from `current` itself, so a signal between any two
  // steps (or during one) leaves the old set or the new one, and nothing else.
  const state = { setName: null as string | null, previous: null as string | null, links: new Set<string>() };
  let locked = false;
  cleanupOnSignal = () => {
    const current = (() => {
      try {
        return setDirName(readlinkSync(join(folder, CURRENT)));
      } catch {
        return null;
      }
    })();
    for (const name of [state.setName, state.previous]) {
      if (name !== null && name !== current) rmSync(join(setsDir, name), { recursive: true, force: true });
    }
    for (const link of state.links) rmSync(link, { force: true });
    try {
      // Ours: it holds our pid, or we are creating it right now (still empty).
      const holder = readFileSync(lock, 'utf8').trim();
      if (Number(holder) === process.pid || (holder === '' && !locked)) rmSync(lock, { force: true });
    } catch {
      // no lock of ours
    }
  };
  installSignalHandlers();
  try {
    takeLock(folder, lock);
    locked = true;
    const oldLayout = isOldLayoutFolder(folder);
    for (const f of files) checkLinkSlot(join(folder, f.name), f.name, oldLayout);
    mkdirSync(setsDir, { recursive: true });
    state.previous = currentSet(folder);
    removeStaleSets(folder, state.previous);
    // An unpredictable name (like mkdtemp), created exclusively: mkdir fails if it exists.
    state.setName = `set-${randomBytes(9).toString('base64url')}`;
    const setDir = join(setsDir, state.setName);
    mkdirSync(setDir);
    for (const f of files) {
      writeFileSync(join(setDir, f.name), typeof f.content === 'function' ? f.content() : f.content, { flag: 'wx' });
    }
    // The links `name -> current/name` do not change with the set: made (once) before the switch.
    for (const f of files) ensureFileLink(folder, f.name, state.links);
    // The switch: one atomic rename of a fresh link over `current`.
    const link = tempLinkName(folder);
    state.links.add(link);
    symlinkSync(join(SETS_DIR, state.setName), link);
    renameSync(link, join(folder, CURRENT));
    state.links.delete(link);
    // The old set goes; a signal meanwhile finishes the job (it is not `current` any more).
    if (state.previous !== null) rmSync(join(setsDir, state.previous), { recursive: true, force: true });
    removeDanglingLinks(folder, new Set(files.map((f) => f.name)));
  } catch (error) {
    const current = currentSet(folder);
    if (state.setName !== null && state.setName !== current) rmSync(join(setsDir, state.setName), { recursive: true, force: true });
    for (const link of state.links) rmSync(link, { force: true });
    throw error;
  } finally {
    if (locked) rmSync(lock, { force: true });
    cleanupOnSignal = null;
  }
}

function tempLinkName(folder: string): string {
  return join(folder, `.${CURRENT}-${randomBytes(8).toString('hex')}`);
}

function readOr<T, F>(read: () => T, fallback: F): T | F {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function setDirName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Takes the folder's lock (exclusive create); a lock whose pid is gone is stale and taken over once. */
function takeLock(folder: string, lock: string): void {
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

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The set `current` names, or null when there is none yet. */
function currentSet(folder: string): string | null {
  const target = readOr(() => readlinkSync(join(folder, CURRENT)), null);
  return target === null ? null : setDirName(target);
}

/** Removes sets (and half-made links) that runs killed before their switch left behind. */
function removeStaleSets(folder: string, keep: string | null): void {
  for (const name of readdirSync(join(folder, SETS_DIR))) {
    if (name !== keep) rmSync(join(folder, SETS_DIR, name), { recursive: true, force: true });
  }
  for (const name of readdirSync(folder)) {
    if (name.startsWith(`.${CURRENT}-`)) rmSync(join(folder, name), { force: true });
  }
}

/**
 * A set file's name in the folder must be free or already our link. A regular file is replaced
 * only in an output folder of an older nap-annex, which wrote plain files (`oldLayout`); anywhere
 * else it is someone's own file, and it is in the way.
 */
function checkLinkSlot(path: string, name: string, oldLayout: boolean): void {
  const stat = readOr(() => lstatSync(path), null);
  if (stat === null || (stat.isFile() && oldLayout)) return;
  if (stat.isSymbolicLink() && readlinkSync(path) === join(CURRENT, name)) return;
  throw new OutputInTheWayError(path);
}

/**
 * Whether `folder` is an output folder of a nap-annex before output sets: no `current` link, and
 * a plain `annex.json` that starts as nap-annex writes it (`{ "schemaVersion": …`).
 */
function isOldLayoutFolder(folder: string): boolean {
  if (readOr(() => lstatSync(join(folder, CURRENT)), null) !== null) return false;
  const stat = readOr(() => lstatSync(join(folder, 'annex.json')), null);
  if (stat === null || !stat.isFile()) return false;
  const head = readOr(() => readFileSync(join(folder, 'annex.json'), 'utf8').slice(0, 200), '');
  return /^\{\s*"schemaVersion"\s*:/u.test(head);
}

/**
 * Removes the links of names the new set does not have (`current/x` for an x the last run did
 * not write, e.g. the CSV files after `-f json`): they would point at nothing.
 */
function removeDanglingLinks(folder: string, names: ReadonlySet<string>): void {
  for (const name of readdirSync(folder)) {
    if (names.has(name) || name === CURRENT) continue;
    const target = readOr(() => readlinkSync(join(folder, name)), null);
    if (target === join(CURRENT, name)) rmSync(join(folder, name), { force: true });
  }
}

/** Makes `folder/name` the link `current/name` (atomically replacing a regular file of the old layout). */
function ensureFileLink(folder: string, name: string, temps: Set<string>): void {
  const path = join(folder, name);
  const target = join(CURRENT, name);
  const existing = readOr(() => readlinkSync(path), null);
  if (existing === target) return;
  const link = tempLinkName(folder);
  temps.add(link);
  symlinkSync(target, link);
  renameSync(link, path);
  temps.delete(link);
}
