/**
 * Scores the reader on renditions of the 2024 annex: runs the pipeline (extractAnnex, as the
 * command line does) and compares with the truth, field by field (scripts/corpus/compare.ts).
 *
 *   npx tsx scripts/score-rendition.ts <pdf> <truth.json>        # one rendition, in detail
 *   npx tsx scripts/score-rendition.ts --all                     # every rendition in fixtures/manifest.json, one line each
 *   npx tsx scripts/score-rendition.ts --all --detail            # … and the mismatches of each
 *   npx tsx scripts/score-rendition.ts --id word-generated/x     # manifest entries by id (repeatable)
 *   … --json                                                     # machine output (an array of scores)
 *   … --strict                                                   # ignore the manifest's tolerances
 *
 * A file listed in the manifest is scored with that entry's tolerances (said in the output)
 * unless --strict. Exit status: 0 when every rendition scored is perfect (or, for a manifest entry
 * expecting a scan diagnostic, got it), 1 otherwise, 2 on bad arguments.
 *
 * Speed: the pipeline and its threads are bundled once per run with esbuild, as
 * scripts/build-bundles.mjs does for the command line (each `src/threads/*-thread.ts` an entry of
 * its own name next to the chunk that starts it, where src/threads/thread-script.ts looks), about
 * a second; the reader threads then run compiled code instead of loading tsx and transpiling the
 * reader (about a second of CPU per new thread). `--from-source` skips the bundle.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SCORED_FIELDS, scoreRendition, type Outcome, type Score, type Tolerances } from './corpus/compare.js';
import { FIXTURES_DIR, readManifest, type ManifestEntry } from './corpus/manifest.js';
import { loadTruth, textExportAnnex, truthFromFile, type Extract, type RenditionTruth } from './corpus/truth.js';
import type { Diagnostic } from '../src/schema/diagnostic.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** What the scoring takes from the pipeline (scripts/corpus/score-entry.ts). */
interface Pipeline {
  extractAnnex: Extract;
  InputError: abstract new (...args: never[]) => Error & { diagnostic: Diagnostic };
}

/** The pipeline to score, bundled into a folder of this run inside node_modules (so that pdfjs-dist resolves), or from source. */
async function loadPipeline(fromSource: boolean): Promise<{ pipeline: Pipeline; cleanup: () => void }> {
  if (fromSource) return { pipeline: (await import('./corpus/score-entry.js')) as unknown as Pipeline, cleanup: () => {} };
  const { build } = await import('esbuild');
  const { BUNDLE_EXTERNALS } = await import('./bundle-externals.mjs');
  const dir = resolve(ROOT, `node_modules/.cache/nap-annex/score-${process.pid}`);
  const threads = Object.fromEntries(
    readdirSync(resolve(ROOT, 'src/threads'))
      .filter((f) => f.endsWith('-thread.ts'))
      .map((f) => [f.slice(0, -'.ts'.length), `src/threads/${f}`]),
  );
  await build({
    absWorkingDir: ROOT,
    entryPoints: { 'score-entry': 'scripts/corpus/score-entry.ts', ...threads },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: BUNDLE_EXTERNALS,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __napCreateRequire } from 'node:module'; const require = __napCreateRequire(import.meta.url);" },
  });
  const pipeline = (await import(resolve(dir, 'score-entry.js'))) as Pipeline;
  return { pipeline, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Job {
  label: string;
  file: string;
  truth: () => Promise<RenditionTruth>;
  tolerate: Tolerances;
  tolerating?: string;
  entry?: ManifestEntry;
}

interface Scored {
  label: string;
  file: string;
  seconds: number;
  score: Score;
  tolerating?: string;
  known?: string;
  expect: 'annex' | 'no-text-layer';
  /** For a scan: whether the reader said so (exit 2, one diagnostic naming the text layer). */
  scanDiagnosed?: boolean;
}

async function extract(file: string, { extractAnnex, InputError }: Pipeline): Promise<Outcome> {
  try {
    return { kind: 'annex', result: await extractAnnex(new Uint8Array(readFileSync(file)), { fileName: file }) };
  } catch (e) {
    if (e instanceof InputError) {
      const d = e.diagnostic;
      return { kind: 'failed', exit: 2, code: d.code, reason: d.reason, diagnostics: [{ code: d.code, severity: d.severity, reason: d.reason, ...(d.place.page !== undefined ? { page: d.place.page } : {}) }] };
    }
    return { kind: 'failed', exit: 3, reason: e instanceof Error ? e.message : String(e), diagnostics: [] };
  }
}

function toleranceOf(entry: ManifestEntry | undefined, strict: boolean): { tolerate: Tolerances; tolerating?: string } {
  if (!entry?.tolerate || strict) return { tolerate: {} };
  const { why, ...tolerate } = entry.tolerate;
  return { tolerate, tolerating: why };
}

const pct = (n: number, of: number): string => `${n}/${of}`;

function summaryLine(s: Scored): string {
  const sc = s.score;
  const f = (k: (typeof SCORED_FIELDS)[number]): string => pct(sc.fields[k].equal, sc.fields[k].of);
  const codes = sc.codes.slice(0, 3).map(([c, n]) => (n > 1 ? `${c}×${n}` : c)).join(' ');
  return [
    s.label.padEnd(52),
    `exit ${sc.exit}`,
    `err ${String(sc.errors).padStart(3)}`,
    `rows ${String(sc.activities.got).padStart(2)} ${sc.activities.perActionLine.got.join('/').padEnd(13)}`,
    `title ${f('title').padStart(5)}`,
    `status ${f('status').padStart(5)}`,
    `wanneer ${f('planning').padStart(5)}`,
    `wie ${f('owners').padStart(5)}`,
    `fn ${f('footnotes').padStart(5)}`,
    `page ${f('page').padStart(5)}`,
    `expl ${f('explanation').padStart(5)}`,
    `notes ${pct(sc.notes.equal, sc.notes.of).padStart(5)}`,
    `${s.seconds.toFixed(1)}s`,
    sc.perfect ? 'PERFECT' : s.scanDiagnosed ? 'SCAN-DIAGNOSED' : codes,
  ].join('  ');
}

function detail(s: Scored, perField: number): string {
  const sc = s.score;
  const out: string[] = [];
  out.push(`${s.label}  (${s.file})`);
  out.push(`  exit ${sc.exit}, ${sc.errors} errors, ${sc.warnings} warnings, ${s.seconds.toFixed(2)} s; pages ${sc.pages.got ?? '-'} (truth ${sc.pages.want})`);
  if (sc.codes.length > 0) out.push(`  codes: ${sc.codes.map(([c, n]) => `${c}×${n}`).join(' ')}`);
  for (const e of sc.firstErrors) out.push(`  error ${e.code}${e.page !== undefined ? ` p${e.page}` : ''}: ${e.reason}`);
  out.push(
    `  activities ${sc.activities.got} (truth ${sc.activities.want}), matched by title ${sc.activities.matched}; per action line ${sc.activities.perActionLine.got.join('/')} (truth ${sc.activities.perActionLine.want.join('/')})`,
  );
  if (s.tolerating) out.push(`  tolerating (manifest): ${s.tolerating}`);
  if (s.known) out.push(`  known (manifest): ${s.known}`);
  const rows: Array<[string, { equal: number; of: number; mismatches: Array<{ id: string; want: unknown; got: unknown }> }]> = [
    ...SCORED_FIELDS.map((k) => [k === 'planning' ? 'wanneer' : k === 'owners' ? 'wie' : k, sc.fields[k]] as [string, (typeof sc.fields)[typeof k]]),
    ['notes', sc.notes],
  ];
  for (const [name, f] of rows) {
    out.push(`  ${name.padEnd(12)} ${pct(f.equal, f.of).padStart(6)}`);
    for (const m of f.mismatches.slice(0, perField)) out.push(`      ${m.id}: want ${JSON.stringify(m.want)}  got ${JSON.stringify(m.got)}`);
  }
  return out.join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      all: { type: 'boolean' },
      id: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      detail: { type: 'boolean' },
      strict: { type: 'boolean' },
      'from-source': { type: 'boolean' },
      mismatches: { type: 'string', default: '3' },
    },
  });
  const manifest = readManifest();
  // Set once the pipeline is loaded (below); truths taken from the text export need it.
  let extractor: Extract = () => Promise.reject(new Error('pipeline not loaded'));
  const byFile = new Map(manifest.renditions.map((r) => [resolve(FIXTURES_DIR, r.file), r]));
  const jobs: Job[] = [];
  const fromEntry = (e: ManifestEntry): Job => ({
    label: e.id,
    file: resolve(FIXTURES_DIR, e.file),
    truth: () => loadTruth(e.truth, FIXTURES_DIR, e.id, extractor),
    entry: e,
    ...toleranceOf(e, values.strict ?? false),
  });
  if (values.all) jobs.push(...manifest.renditions.map(fromEntry));
  for (const id of values.id ?? []) {
    const e = manifest.renditions.find((r) => r.id === id);
    if (!e) {
      console.error(`no manifest entry ${id}; ids: ${manifest.renditions.map((r) => r.id).join(', ')}`);
      return 2;
    }
    jobs.push(fromEntry(e));
  }
  if (positionals.length % 2 !== 0) {
    console.error('usage: score-rendition.ts <pdf> <truth.json> [<pdf> <truth.json> …] | --all | --id ID  [--json] [--detail] [--strict]');
    return 2;
  }
  for (let i = 0; i < positionals.length; i += 2) {
    const file = resolve(positionals[i]!);
    const truthFile = resolve(positionals[i + 1]!);
    const entry = byFile.get(file);
    jobs.push({
      label: relative(process.cwd(), file),
      file,
      truth: async () => truthFromFile(JSON.parse(readFileSync(truthFile, 'utf8'))),
      ...(entry ? { entry } : {}),
      ...toleranceOf(entry, values.strict ?? false),
    });
  }
  if (jobs.length === 0) {
    console.error('nothing to score: give <pdf> <truth.json>, --all or --id');
    return 2;
  }
  const { pipeline, cleanup } = await loadPipeline(values['from-source'] ?? false);
  extractor = pipeline.extractAnnex;
  try {
    const reference = await textExportAnnex(FIXTURES_DIR, extractor);
    const results: Scored[] = [];
    for (const job of jobs) {
      const truth = await job.truth();
      const t0 = performance.now();
      const outcome = await extract(job.file, pipeline);
      const seconds = (performance.now() - t0) / 1000;
      const score = scoreRendition(outcome, truth, reference, job.tolerate);
      const expect = job.entry?.expect ?? 'annex';
      const scanDiagnosed =
        expect === 'no-text-layer'
          ? outcome.kind === 'failed' && outcome.exit === 2 && outcome.diagnostics.length === 1 && /text layer|tekstlaag/i.test(outcome.reason)
          : undefined;
      const scored: Scored = {
        label: job.label,
        file: relative(ROOT, job.file),
        seconds,
        score,
        expect,
        ...(job.tolerating ? { tolerating: job.tolerating } : {}),
        ...(job.entry?.known ? { known: job.entry.known } : {}),
        ...(scanDiagnosed !== undefined ? { scanDiagnosed } : {}),
      };
      results.push(scored);
      if (!values.json) {
        const many = jobs.length > 1;
        console.log(many && !values.detail ? summaryLine(scored) : detail(scored, Number(values.mismatches)));
        if (many && values.detail) console.log('');
      }
    }
    if (values.json) console.log(JSON.stringify(results, null, 2));
    return results.every((r) => (r.expect === 'no-text-layer' ? r.scanDiagnosed : r.score.perfect)) ? 0 : 1;
  } finally {
    cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(3);
  },
);
