/** Adversarial findings A4 (size limit on devices and FIFOs) and C17 (NAP002 wording, one name for stdin). */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics/errors.js';
import { readInput } from '../../src/cli/read-input.js';
import { runCli } from '../helpers/run-cli.js';

describe('A4: --max-bytes is enforced while reading', () => {
  it.runIf(existsSync('/dev/zero'))('check /dev/zero --max-bytes 1000: exit 2, NAP002 without a size', async () => {
    const run = await runCli(['check', '/dev/zero', '--max-bytes', '1000']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(
      '/dev/zero error NAP002 Input is larger than the limit of 1000 bytes. Raise --max-bytes if this file is genuine.\n/dev/zero: UNREADABLE — NAP002, nothing checked\n',
    );
  });

  it.runIf(process.platform !== 'win32')('a FIFO fed without end is refused at the limit', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'nap-fifo-')), 'endless');
    const mk = spawn('mkfifo', [fifo]);
    await new Promise((resolve) => mk.on('exit', resolve));
    // A writer that never stops: `yes` until the pipe closes.
    const writer = spawn('sh', ['-c', `yes > '${fifo}'`], { stdio: 'ignore' });
    try {
      const error = await readInput(fifo, 1000).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      // A FIFO has no size: no `actual`, the limit as `expected`.
      expect((error as InputError).diagnostic).toMatchObject({ code: 'NAP002', expected: 1000 });
      expect((error as InputError).diagnostic.actual).toBeUndefined();
    } finally {
      writer.kill();
    }
  });
});

describe('C17: standard input has one name', () => {
  it('the verdict line and the diagnostic both say <stdin>; NAP002 says "larger than the limit"', async () => {
    const run = await runCli(['check', '-', '--max-bytes', '100'], { input: 'x'.repeat(500) });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(
      '<stdin> error NAP002 Input is larger than the limit of 100 bytes. Raise --max-bytes if this file is genuine.\n<stdin>: UNREADABLE — NAP002, nothing checked\n',
    );
  });
});
