/**
 * The progress bar of `extract` with several inputs, on a real terminal (full tier: needs util-linux
 * `script` for a pseudo-terminal; apt-get install -y bsdutils). Without a terminal there is no bar:
 * cli-extract-many.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXT_2024 } from './helpers/fixtures.js';
import { requireProgram } from './helpers/programs.js';
import { CLI_BUNDLE } from './helpers/run-cli.js';

describe('extract with several inputs on a terminal', () => {
  it('shows a progress bar with files done, pages read and the current file', () => {
    requireProgram('script', ['--version'], 'bsdutils');
    const dir = mkdtempSync(join(tmpdir(), 'nap-progress-'));
    const command = [process.execPath, CLI_BUNDLE, 'extract', TEXT_2024, TEXT_2024.replace('bijlage-1.txt', '../html-generated/bijlage-1-2024.html'), '-o', join(dir, 'out')]
      .map((a) => `'${a}'`)
      .join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ 2\/2 files \| 3\d pages read \| /);
    expect(run.stdout).toContain('2 inputs: 2 written, 0 not written; exit 0');
  }, 120_000);
});
