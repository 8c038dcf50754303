/**
 * Whether dist/ was built from the sources as they are now, so that `npm start` builds only when
 * something changed (a build takes about 10 s; the command it serves about 1 s).
 *
 *   node scripts/build-stamp.mjs write    # end of `npm run build`: record what dist/ was built from
 *   node scripts/build-stamp.mjs ensure   # `prestart`: run `npm run build` unless dist/ is current
 *
 * What dist/ is built from: every file under src/, the build script, the TypeScript configs,
 * package.json and package-lock.json (dependency versions go into the bundles). The record is a
 * SHA-256 of their paths and contents in dist/.build-inputs: contents, not modification times, so a
 * checkout that touches files without changing them costs no build, and one that puts back older
 * files is still seen. Hashing them takes a few milliseconds.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(root, 'dist', '.build-inputs');
/** Files the build writes last (tsc, then esbuild): without them dist/ is not complete, whatever the record says. */
const OUTPUTS = ['dist/index.js', 'dist/bundle/cli.js', 'dist/bundle/page-reader-thread.js'];
const INPUTS = ['scripts/build-bundles.mjs', 'scripts/build-stamp.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

/** Every file under `dir` (absolute paths), in a stable order. */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** The hash of the build's inputs as they are now. */
function inputsHash() {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(join(root, 'src')), ...INPUTS.map((f) => join(root, f))]) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(existsSync(file) ? readFileSync(file) : '(missing)');
    hash.update('\0');
  }
  return hash.digest('hex');
}

const command = process.argv[2];
if (command === 'write') {
  writeFileSync(STAMP, `${inputsHash()}\n`);
} else if (command === 'ensure') {
  const current = existsSync(STAMP) && OUTPUTS.every((f) => existsSync(join(root, f))) && readFileSync(STAMP, 'utf8').trim() === inputsHash();
  if (!current) {
    console.error('dist/ is not built from the current sources: building it (npm run build).');
    // Through the npm that runs this script (npm_execpath), else the one on the PATH.
    const npm = process.env.npm_execpath;
    const run = npm ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' }) : spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
    process.exitCode = run.status ?? 1;
  }
} else {
  console.error('usage: node scripts/build-stamp.mjs write|ensure');
  process.exitCode = 64;
}
