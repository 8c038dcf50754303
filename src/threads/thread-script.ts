/**
 * The script a thread of each kind runs, found next to this module: `page-reader-thread.js` and
 * `pipeline-thread.js` in dist/threads/ (the library, built by tsc) and in dist/bundle/ (the
 * command line; scripts/build-bundles.mjs names its entries so, and this module's code sits in a
 * chunk of that folder).
 *
 * Run from source (`tsx src/cli/bin.ts`, or a test importing src/), the script is the .ts file, and
 * module hooks of the parent thread do not reach workers on Node 20: the thread is then started
 * from a small bootstrap that registers tsx in it first, which costs about a second of CPU per new
 * thread (the tests start threads from the built bundles instead: vitest.config.ts).
 */

/** The kinds of thread: PDF page readers (page-reader-thread.ts) and the guarded pipeline (pipeline-thread.ts). */
export type ThreadKind = 'page-reader' | 'pipeline';

/** What `new Worker` needs: a file URL, or (from source) code to evaluate. */
export interface ThreadScript {
  script: URL | string;
  eval: boolean;
}

/** The script of a thread of `kind` (see the module comment). */
export function threadScript(kind: ThreadKind): ThreadScript {
  const built = !import.meta.url.endsWith('.ts');
  const script = new URL(`./${kind}-thread.${built ? 'js' : 'ts'}`, import.meta.url);
  if (built) return { script, eval: false };
  // tsx by absolute URL: an eval worker resolves bare names from the working folder, which may be anywhere.
  const tsx = import.meta.resolve('tsx/esm/api');
  return { script: `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(script.href)}); })`, eval: true };
}

/** The workerData a thread of `kind` is started with: how its script knows it runs as that thread. */
export function threadData(kind: ThreadKind): { thread: ThreadKind } {
  return { thread: kind };
}
