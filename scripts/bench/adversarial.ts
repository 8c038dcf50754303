/**
 * `npm run bench:adversarial`: every crafted case (scripts/bench/crafted-cases.ts, crafted-pdfs.ts)
 * through the CLI (`check`, or `diff` for pairs) with `--timeout 10`, measured whole (Node start-up
 * included) under GNU time: wall time, peak RSS of the process (all threads), exit code, against
 * the aim that every input under 1 MB finishes or is stopped within 10 s and 500 MB.
 * Prints a markdown table; exits 1 when a case misses the aim. Not a test: figures depend on the machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { craftedCases } from './crafted-cases.js';
import { craftedPdfCases } from './crafted-pdfs.js';

const CLI = fileURLToPath(new URL('../../bin/nap-annex.js', import.meta.url));
const AIM_MS = 10_000;
const AIM_MB = 500;
const dir = mkdtempSync(join(tmpdir(), 'nap-adversarial-'));
const rows = ['| case | input | time | peak RSS | exit | aim (10 s, 500 MB) |', '| --- | --- | --- | --- | --- | --- |'];
let missed = 0;
for (const c of [...craftedCases(), ...(await craftedPdfCases())]) {
  const first = join(dir, c.name);
  writeFileSync(first, c.content);
  const args = c.second === undefined ? ['check', first, '--timeout', '10'] : ['diff', first, join(dir, `new-${c.name}`), '--timeout', '10'];
  if (c.second !== undefined) writeFileSync(join(dir, `new-${c.name}`), c.second);
  const stats = join(dir, 'time.txt');
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', '-o', stats, process.execPath, CLI, ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const mb = Number(readFileSync(stats, 'utf8').trim().split('\n').at(-1)) / 1024;
  const ok = ms <= AIM_MS + 1500 && mb <= AIM_MB; // 1.5 s for start-up and tear-down beyond the 10 s limit
  if (!ok) missed++;
  const kb = (Buffer.byteLength(c.content) + Buffer.byteLength(c.second ?? '')) / 1024;
  rows.push(`| ${c.what} | ${kb.toFixed(0)} KB | ${(ms / 1000).toFixed(1)} s | ${mb.toFixed(0)} MB | ${run.status} | ${ok ? 'met' : 'MISSED'} |`);
  console.log(rows.at(-1));
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n${rows.join('\n')}\n\n${missed === 0 ? 'every case met the aim' : `${missed} case(s) missed the aim`}`);
process.exitCode = missed === 0 ? 0 : 1;
