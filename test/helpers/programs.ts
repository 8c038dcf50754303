/**
 * Programs outside Node that tests of the full tier (`*.full.test.ts`, `npm run test:all`) need.
 * There a missing program is a failure, never a skip: `requireProgram` throws, naming the Debian
 * package that provides it (`.ci/run` installs them all). The quick tier (`npm test`) needs none.
 */
import { spawnSync } from 'node:child_process';

/**
 * Throws unless `command` runs (`args` is a harmless probe such as `--version`, exit 0 expected);
 * the message names `aptPackage`. Returns the probe's standard output (a version, for messages).
 */
export function requireProgram(command: string, args: string[], aptPackage: string): string {
  const probe = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (probe.error !== undefined || probe.status !== 0) {
    const why = probe.error?.message ?? `exit ${probe.status}: ${probe.stderr.trim().slice(0, 200)}`;
    throw new Error(`This test needs \`${command}\`, which did not run (${why}). Install it: apt-get install -y ${aptPackage} (.ci/run installs every program of the full tier).`);
  }
  return probe.stdout.trim();
}
