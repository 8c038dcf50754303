/**
 * What the tests put in place of src/threads/thread-script.ts (vitest.config.ts aliases the
 * specifier `./thread-script.js`, which only src/threads/ uses): threads start from the bundles
 * the global setup builds (dist/test-bundle/), not from source, where each new thread would load
 * tsx and transpile the reader or the pipeline again (about a second of CPU each).
 * `startThreadsFromSource(true)` gives the source path back (the real threadScript), for the test
 * of that path.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ThreadKind, type ThreadScript, threadData, threadScript as sourceThreadScript } from '../../src/threads/thread-script.js';
import { TEST_BUNDLE } from '../global-setup.js';

export { threadData, type ThreadKind, type ThreadScript };

const BUNDLE = fileURLToPath(new URL(`../../${TEST_BUNDLE}/`, import.meta.url));
let fromSource = false;

/** The built thread of `kind` in the tests' bundle, or the source one after startThreadsFromSource(true). */
export function threadScript(kind: ThreadKind): ThreadScript {
  return fromSource ? sourceThreadScript(kind) : { script: pathToFileURL(`${BUNDLE}${kind}-thread.js`), eval: false };
}

/** Makes new threads start from source (true) or from the tests' bundle (false, the default). */
export function startThreadsFromSource(on: boolean): void {
  fromSource = on;
}
