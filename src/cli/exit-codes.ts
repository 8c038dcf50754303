/**
 * Exit codes of the `nap-annex` commands (documented in docs/cli.md, "Exit codes"; test/docs.test.ts checks that every one is there):
 * - 0 `OK`: the input was read and no error diagnostic was found (with `--strict`: no warning either);
 * - 1 `FINDINGS`: error diagnostics (or warnings with `--strict`); `extract` wrote nothing unless `--force`;
 * - 2 `UNREADABLE`: an input could not be read at all (missing, empty, binary, encrypted, damaged, too large);
 * - 3 `INTERNAL`: nap-annex itself failed (output did not validate, unexpected exception); please report it;
 * - 64 `USAGE`: the command line was wrong (unknown option, missing argument);
 * - 73 `CANNOT_WRITE`: `extract` could not write its output (sysexits EX_CANTCREAT); existing
 *   output files are left unchanged; also any command whose standard output cannot be written
 *   (a full disk, `/dev/full`);
 * - 75 `LOCKED`: `extract -o` found the folder locked by another running nap-annex (sysexits
 *   EX_TEMPFAIL: try again when it has finished).
 */
export const EXIT = { OK: 0, FINDINGS: 1, UNREADABLE: 2, INTERNAL: 3, USAGE: 64, CANNOT_WRITE: 73, LOCKED: 75 } as const;
