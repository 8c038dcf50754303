/**
 * Warm threads (src/workers/warm-threads.ts): a page reader or pipeline thread that finished its
 * input serves the next one, with exactly the result a fresh thread gives; a thread stopped by a
 * limit is never reused.
 */
import { Worker } from 'node:worker_threads';
import { beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../src/model/diagnostics.js';
import { extractAnnexLimited } from '../src/pipeline-limited.js';
import { readPdf } from '../src/readers/pdf/index.js';
import { closeWarmThreads, giveWarmThread, takeWarmThread, warmThreadCount } from '../src/workers/warm-threads.js';
import { miniAnnex } from './readers/pdf/mini-annex.js';

const PDF = miniAnnex('vector', ['#008080', '#ffb000', '#5a5a5a', '#d0006f', '#101010'], [
  { rows: [{ title: ['Activiteit 1'], status: 0, wanneer: '2024', wie: ['OCW'], toelichting: ['Eerste.'] }] },
  { rows: [{ title: ['Activiteit 2'], status: 3, wanneer: '2025', wie: ['VWS'], toelichting: ['Tweede.'] }] },
]);
const TEXT = new TextEncoder().encode('Activiteit\tStatus\tWanneer\tWie\tToelichting\nActielijn 1\t\t\t\t\nEen activiteit\t\t2024\tOCW\tUitleg.\n');

beforeEach(closeWarmThreads);

describe('page readers', () => {
  it('a second read uses the thread of the first (one thread kept, not two) and gives the same page model', async () => {
    const first = await readPdf(PDF, { diagnostics: new DiagnosticBag('a.pdf') });
    expect(warmThreadCount()).toBe(1);
    const second = await readPdf(PDF, { diagnostics: new DiagnosticBag('a.pdf') });
    expect(warmThreadCount()).toBe(1);
    expect(second).toEqual(first);
    expect(first.pages.map((p) => p.tables.flatMap((t) => t.rows.map((r) => r.cells[0])))).toEqual([['Activiteit 1'], ['Activiteit 2']]);
  });

  it('a thread whose document did not open is reused; a read stopped by the time limit leaves no thread', async () => {
    await expect(readPdf(new TextEncoder().encode('%PDF-1.7\ngarbage\n%%EOF\n'), { diagnostics: new DiagnosticBag('bad.pdf') })).rejects.toMatchObject({ diagnostic: { code: 'NAP004' } });
    expect(warmThreadCount()).toBe(1);
    await expect(readPdf(PDF, { diagnostics: new DiagnosticBag('a.pdf'), timeoutMs: 1 })).rejects.toMatchObject({ diagnostic: { code: 'NAP009' } });
    expect(warmThreadCount()).toBe(0);
  });
});

describe('pipeline threads', () => {
  it('the limited pipeline keeps its thread per memory limit and gives the same annex each time; a thread stopped by the time limit is not kept', async () => {
    const a = await extractAnnexLimited(TEXT, { fileName: 'a.txt' });
    expect(warmThreadCount()).toBe(1);
    const b = await extractAnnexLimited(TEXT, { fileName: 'a.txt' });
    expect(warmThreadCount()).toBe(1);
    expect(b).toEqual(a);
    expect(a.annex.activities.map((x) => [x.id, x.title, x.planning.text, x.owners.text])).toEqual([['AL1-01', 'Een activiteit', '2024', 'OCW']]);
    // Another memory limit: another thread.
    await extractAnnexLimited(TEXT, { fileName: 'a.txt', maxMemoryMb: 300 });
    expect(warmThreadCount()).toBe(2);
    await expect(extractAnnexLimited(TEXT, { fileName: 'a.txt', maxMemoryMb: 300, timeoutMs: 1 })).rejects.toMatchObject({ diagnostic: { code: 'NAP009' } });
    expect(warmThreadCount()).toBe(1);
  });
});

describe('the pool', () => {
  it('an idle thread is terminated after its idle time (IDLE_MS by default); one that exits while idle is forgotten; take gives nothing for another key', async () => {
    const start = (): Worker => new Worker('require("node:worker_threads").parentPort.on("message", () => {})', { eval: true });
    const one = start();
    giveWarmThread('k', one, 300);
    expect(takeWarmThread('other')).toBeUndefined();
    expect(warmThreadCount('k')).toBe(1);
    const exited = new Promise((resolve) => one.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await exited;
    expect(warmThreadCount('k')).toBe(0);
    const two = start();
    giveWarmThread('k', two);
    await two.terminate();
    expect(warmThreadCount('k')).toBe(0);
  });
});
