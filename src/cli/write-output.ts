/**
 * How the commands write their output folders (`extract`, batch `extract`, `report -o`,
 * `stack`): one writer (src/emit/output-set.ts), its failures in words a user can act on, and the
 * signal handling that keeps a SIGTERM or SIGINT from leaving anything but one complete set.
 */
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { OutputIncompleteError, OutputLockedError, settleActiveWrites, writeOutputSet, type SetFile, type WriteSetOptions } from '../emit/output-set.js';
import { EXIT } from './exit-codes.js';
import type { TextSink } from './io.js';
import { printable } from './printable.js';
import { writeFailureReason } from './write-failure.js';

/** Why a set was not written: another run holds the folder's lock (LOCKED), or writing failed (CANNOT_WRITE, with the reason). */
export interface SetWriteFailure {
  exitCode: typeof EXIT.LOCKED | typeof EXIT.CANNOT_WRITE;
  message: string;
  /** The new set was committed but not fully installed: the next run completes it. */
  incomplete?: boolean;
}

/**
 * Writes `files` into `folder` as one set (output-set.ts: the complete old or the complete new set
 * survives a kill; a second run into the folder is refused while this one holds its lock).
 * Returns why it failed (nothing of this run installed, the old set unchanged), or null.
 */
export function writeSet(folder: string, files: readonly SetFile[], options: WriteSetOptions = {}): SetWriteFailure | null {
  try {
    writeOutputSet(folder, files, options);
    return null;
  } catch (error) {
    if (error instanceof OutputLockedError) return { exitCode: EXIT.LOCKED, message: error.message };
    if (error instanceof OutputIncompleteError) return { exitCode: EXIT.CANNOT_WRITE, message: error.message, incomplete: true };
    return { exitCode: EXIT.CANNOT_WRITE, message: writeFailureReason(error, folder) };
  }
}

/**
 * Writes a set (writeSet) and says so on stderr: `wrote <folder>/<name>, …` unless quiet, or why
 * nothing was written. Returns EXIT.LOCKED or EXIT.CANNOT_WRITE after a failure, else undefined.
 */
export function writeOutputFolder(folder: string, files: readonly SetFile[], options: WriteSetOptions, quiet: boolean, stderr: TextSink, shown: string = folder): number | undefined {
  const failure = writeSet(folder, files, options);
  if (failure?.exitCode === EXIT.LOCKED) {
    stderr.write(`nap-annex: ${printable(failure.message)} Nothing was written.\n`);
    return EXIT.LOCKED;
  }
  if (failure) {
    stderr.write(`nap-annex: cannot write the output: ${printable(failure.message)}. ${failure.incomplete ? 'Run again to complete it.' : isFolder(folder) ? `Nothing was written; the files in ${printable(shown)} are unchanged.` : 'Nothing was written.'}\n`);
    return EXIT.CANNOT_WRITE;
  }
  if (!quiet) stderr.write(`wrote ${files.map((f) => printable(`${shown.replace(/\/$/, '')}/${f.name}`)).join(', ')}\n`);
  return undefined;
}

/** Writes one file (`report -o page.html`) as a set of one in its folder: the same writer, lock and recovery. */
export function writeSingleFile(path: string, content: string | Uint8Array, quiet: boolean, stderr: TextSink, shown: string): number | undefined {
  const name = basename(path);
  const failure = writeSet(dirname(path), [{ name, content }], { owned: [name] });
  if (failure?.exitCode === EXIT.LOCKED) {
    stderr.write(`nap-annex: ${printable(failure.message)} Nothing was written.\n`);
    return EXIT.LOCKED;
  }
  if (failure) {
    stderr.write(`nap-annex: cannot write the output: ${printable(failure.message)}. ${failure.incomplete ? 'Run again to complete it.' : `Nothing was written; ${printable(shown)} is unchanged.`}\n`);
    return EXIT.CANNOT_WRITE;
  }
  if (!quiet) stderr.write(`wrote ${printable(shown)}\n`);
  return undefined;
}

let handlersInstalled = false;

/**
 * SIGTERM and SIGINT end the process with 143 and 130 after any output write in progress was
 * brought to one complete set (settleActiveWrites). Installed once, by the process entry (main.ts).
 */
export function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    process.on(signal, () => {
      settleActiveWrites();
      process.exit(code);
    });
  }
}

/** True when `path` is an existing folder (a write failure may name a file in the way instead). */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
