/**
 * A page source for tests that remembers what page-reader threads read, on disk: the corpus
 * manifest test and the per-folder tests read the same committed renditions in every `npm test`,
 * and reading a rendition's pages (pdfjs-dist and the operator walk) is most of what reading it
 * costs. Everything after the pages (layout, assembly, normalising, validating) runs every time.
 *
 * An entry is found only by the SHA-256 of everything that decides the pages: the PDF's bytes,
 * the read's options, the text of every file of src/ that the page reader is built from (the
 * sources esbuild bundles for src/threads/page-reader-thread.ts, which runs pdfjs-dist and the
 * operator walk, and src/threads/read-pages.ts, which hands the pages over: the walk, the
 * reader's settings, the threads; not the layout, assembly or outputs, which run after the pages
 * and every time), scripts/build-bundles.mjs, the TypeScript and vitest configurations, the
 * tests' thread set-up and this file (how the tests build the reader and how an entry is
 * written), package-lock.json (pdfjs-dist's version) and the Node version. Change any of them
 * and the pages are read again. Entries live in
 * node_modules/.cache/nap-annex/pages/<code hash>/; the folders of other code are removed when
 * the first entry of new code is written. A read that fails is not remembered (it fails again
 * each time, as it should). NAP_TEST_PAGE_CACHE=0 turns the cache off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { PageSource } from '../../src/readers/pdf/page-source.js';
import { readPagesInWorkers } from '../../src/threads/read-pages.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE = join(ROOT, 'node_modules/.cache/nap-annex/pages');

/** The entries the page reader is built from: the thread that reads pages and the code that hands them to the caller. */
const READER_ENTRIES = ['src/threads/page-reader-thread.ts', 'src/threads/read-pages.ts'];
/** Files outside those entries' imports that decide how the tests build and run the reader, or how an entry is kept. */
const SETUP_FILES = ['scripts/build-bundles.mjs', 'scripts/bundle-externals.mjs', 'tsconfig.json', 'vitest.config.ts', 'test/global-setup.ts', 'test/helpers/thread-script.ts', 'test/helpers/page-cache.ts', 'package-lock.json'];

/**
 * The source files the page reader is built from, sorted, relative to the repository root: every
 * file esbuild bundles for READER_ENTRIES (static and dynamic imports; packages are external, their
 * versions are in package-lock.json).
 */
export async function pageReaderSources(): Promise<string[]> {
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: READER_ENTRIES,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: join(ROOT, 'dist/page-cache-probe'),
    packages: 'external',
    logLevel: 'silent',
  });
  return Object.keys(metafile.inputs).sort();
}

let codeHash: Promise<string> | undefined;

/**
 * pageReaderSources, remembered on disk by the contents of every file under src/ and the set-up
 * files: asking esbuild costs each test process about half a second of CPU, and between two runs
 * of the same code the answer is the same.
 */
async function readerSourcesRemembered(): Promise<string[]> {
  const all = createHash('sha256');
  for (const entry of readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort()) {
    all.update(`\0${entry}\0`).update(readFileSync(entry));
  }
  for (const file of SETUP_FILES) all.update(`\0${file}\0`).update(readFileSync(join(ROOT, file)));
  const remembered = join(ROOT, 'node_modules/.cache/nap-annex', `reader-sources-${all.digest('hex').slice(0, 24)}.json`);
  try {
    return JSON.parse(readFileSync(remembered, 'utf8')) as string[];
  } catch {
    const sources = await pageReaderSources();
    try {
      mkdirSync(dirname(remembered), { recursive: true });
      for (const other of readdirSync(dirname(remembered))) if (other.startsWith('reader-sources-') && join(dirname(remembered), other) !== remembered) rmSync(join(dirname(remembered), other), { force: true });
      const partial = `${remembered}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify(sources));
      renameSync(partial, remembered);
    } catch {
      // Not remembered: esbuild is asked again next time.
    }
    return sources;
  }
}

/** The hash of the code and versions that decide what the page reader gives (see the file's comment). */
export function pageCodeHash(): Promise<string> {
  codeHash ??= readerSourcesRemembered().then((sources) => {
    const h = createHash('sha256').update(process.version);
    for (const file of [...sources, ...SETUP_FILES]) h.update(`\0${file}\0`).update(readFileSync(join(ROOT, file)));
    return h.digest('hex').slice(0, 24);
  });
  return codeHash;
}

/** True unless NAP_TEST_PAGE_CACHE=0. */
const enabled = (): boolean => process.env.NAP_TEST_PAGE_CACHE !== '0';

/**
 * readPagesInWorkers, remembered: the same pages, in order, with the same page count. Each page
 * is serialised (node:v8, the structured clone the threads use) when it arrives, before `onPage`
 * sees it, so what a later test gets is what the reader gave.
 */
export const cachedPages: PageSource = async (bytes, onPage, options) => {
  if (!enabled()) return readPagesInWorkers(bytes, onPage, options);
  const folder = join(CACHE, await pageCodeHash());
  const { keepWarm: _keepWarm, ...decisive } = options;
  const key = createHash('sha256').update(JSON.stringify(decisive)).update('\0').update(bytes).digest('hex');
  const file = join(folder, `${key}.v8`);
  let saved: { pageCount: number; pages: Buffer[] } | undefined;
  try {
    saved = deserialize(readFileSync(file)) as { pageCount: number; pages: Buffer[] };
  } catch {
    saved = undefined;
  }
  if (saved !== undefined) {
    for (const page of saved.pages) onPage(deserialize(page) as Parameters<typeof onPage>[0]);
    return saved.pageCount;
  }
  const pages: Buffer[] = [];
  const pageCount = await readPagesInWorkers(
    bytes,
    (page) => {
      pages.push(serialize(page));
      onPage(page);
    },
    options,
  );
  remember(folder, file, { pageCount, pages });
  return pageCount;
};

/** Writes an entry atomically (a test process beside this one may read it), dropping the folders of other code first. */
function remember(folder: string, file: string, entry: { pageCount: number; pages: Buffer[] }): void {
  try {
    mkdirSync(folder, { recursive: true });
    for (const other of readdirSync(CACHE)) if (join(CACHE, other) !== folder) rmSync(join(CACHE, other), { recursive: true, force: true });
    const partial = `${file}.${process.pid}.partial`;
    // Not compressed: inflating every entry in every run cost more CPU than reading the larger file.
    writeFileSync(partial, serialize(entry));
    renameSync(partial, file);
  } catch {
    // A cache that cannot be written only costs time.
  }
}
