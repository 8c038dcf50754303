/**
 * The page reader thread as shipped (the bundle the test setup builds) runs pdfjs-dist with V8's
 * own Array.prototype.push, not core-js's slower replacement, and without loading the native
 * canvas add-on (src/threads/pdfjs-environment.ts). Each check runs in a fresh Node process, so
 * nothing else this test run loaded can hide or fake the result (in the full tier: each check
 * starts a Node process that loads pdfjs-dist and reads pages).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_BUNDLE } from '../global-setup.js';
import { PDF_2024 } from '../helpers/fixtures.js';

const THREAD = fileURLToPath(new URL(`../../${TEST_BUNDLE}/page-reader-thread.js`, import.meta.url));

/** Runs an ES module script in a fresh `node` and returns what it printed, parsed as JSON. */
function runFresh(script: string): unknown {
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 }));
}

/**
 * Reads pages 1–2 of the 2024 PDF in the shipped page reader thread; prints its `done` message, the
 * pages read and the native libraries loaded. The thread is started from a bootstrap that wraps its
 * port's postMessage, so that its `done` says whether Array.prototype.push is V8's own at that
 * moment (in a fresh realm's eyes: core-js also replaces Function.prototype.toString).
 */
const READ_IN_WORKER = `
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
const bootstrap = \`
const { parentPort } = require('node:worker_threads');
const toString = require('node:vm').runInNewContext('Function.prototype.toString');
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (m) => post(m && m.done ? { ...m, nativeArrayPush: toString.call(Array.prototype.push).includes('[native code]') } : m);
import(\${JSON.stringify(${JSON.stringify(pathToFileURL(THREAD).href)})});
\`;
const claimed = new Int32Array(new SharedArrayBuffer(4));
const worker = new Worker(bootstrap, { eval: true, workerData: { thread: 'page-reader' }, execArgv: [] /* not this process's --input-type */ });
worker.postMessage({ bytes: new Uint8Array(readFileSync(${JSON.stringify(PDF_2024)})), claimed });
const pages = [];
const done = await new Promise((resolve, reject) => {
  worker.on('error', reject);
  worker.on('message', (m) => {
    if ('opened' in m) worker.postMessage({ go: 2 });
    else if ('fatal' in m) reject(new Error(m.fatal.message));
    else if ('page' in m) pages.push(m.page);
    else if ('done' in m) resolve(m);
  });
});
await worker.terminate();
const addons = process.report.getReport().sharedObjects.filter((s) => s.endsWith('.node'));
console.log(JSON.stringify({ done, pages, addons }));
`;

/**
 * Control: what loading pdf.mjs and pdf.worker.mjs does to Array.prototype.push in a plain thread,
 * and whether this V8 has the bug core-js replaces push for (no TypeError on push() onto an array
 * with a non-writable length; V8 up to 12.1, so Node 20).
 */
const PLAIN_IMPORT = `
import { runInNewContext } from 'node:vm';
const toString = runInNewContext('Function.prototype.toString');
const before = toString.call(Array.prototype.push);
let v8Bug = true;
try { Object.defineProperty([], 'length', { writable: false }).push(); } catch (e) { v8Bug = !(e instanceof TypeError); }
await import('pdfjs-dist/legacy/build/pdf.mjs');
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
const after = toString.call(Array.prototype.push);
console.log(JSON.stringify({ v8Bug, before: before.includes('[native code]'), after: after.includes('[native code]'), looksNative: Function.prototype.toString.call(Array.prototype.push).includes('[native code]') }));
`;

describe('the page reader thread', () => {
  it('has V8’s own Array.prototype.push after pdfjs-dist is loaded and pages are read, and loads no native add-on', () => {
    const { done, pages, addons } = runFresh(READ_IN_WORKER) as { done: { nativeArrayPush?: boolean }; pages: number[]; addons: string[] };
    expect(pages.sort()).toEqual([1, 2]);
    expect(done).toEqual({ done: true, nativeArrayPush: true });
    expect(addons.filter((a) => /napi-rs|canvas|skia/i.test(a))).toEqual([]);
  });

  it('needs to where V8 has the bug core-js works around: loading pdfjs-dist then replaces push with a function that only claims to be native', () => {
    const control = runFresh(PLAIN_IMPORT) as { v8Bug: boolean; before: boolean; after: boolean; looksNative: boolean };
    // Node 20: replaced. If a Node or pdfjs-dist upgrade leaves push alone, native-array-push.ts is a no-op and can go.
    expect(control).toEqual({ v8Bug: control.v8Bug, before: true, after: !control.v8Bug, looksNative: true });
    if (process.versions.node.startsWith('20.')) expect(control.v8Bug).toBe(true);
  });
});
