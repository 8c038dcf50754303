/**
 * Warm threads (src/threads/pool.ts): a page reader or pipeline thread that finished its
 * input serves the next one, with exactly the result a fresh thread gives; a thread stopped by a
 * limit is never reused; the threads' job loops serve one input after another.
 */
import { deserialize } from 'node:v8';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/bag.js';
import { extractAnnexLimited, pipelinePoolKey } from '../../src/threads/limited-pipeline.js';
import { readPdf } from '../helpers/read-pdf.js';
import type { PageInput } from '../../src/readers/pdf/page-content.js';
import { readPagesHere, servePageReader } from '../../src/threads/page-reader-thread.js';
import { SHORT_PDF_PAGES, servePipeline } from '../../src/threads/pipeline-thread.js';
import { extractAnnex } from '../../src/pipeline.js';
import { readPagesInWorkers, readerPoolKey } from '../../src/threads/read-pages.js';
import { MAX_IDLE_PER_KEY, closeWarmThreads, giveWarmThread, takeWarmThread, warmThreadCount } from '../../src/threads/pool.js';
import { miniAnnex } from '../readers/pdf/mini-annex.js';

const PDF = miniAnnex('vector', ['#008080', '#ffb000', '#5a5a5a', '#d0006f', '#101010'], [
  { rows: [{ title: ['Activiteit 1'], status: 0, wanneer: '2024', wie: ['OCW'], toelichting: ['Eerste.'] }] },
  { rows: [{ title: ['Activiteit 2'], status: 3, wanneer: '2025', wie: ['VWS'], toelichting: ['Tweede.'] }] },
]);
const TEXT = new TextEncoder().encode('Activiteit\tStatus\tWanneer\tWie\tToelichting\nActielijn 1\t\t\t\t\nEen activiteit\t\t2024\tOCW\tUitleg.\n');
/** A time limit under the default: a small text export is then read in a pipeline thread (readsInCallingThread), as these tests need. */
const IN_A_THREAD = { timeoutMs: 60_000 } as const;

beforeEach(closeWarmThreads);

describe('page readers', () => {
  it('a second read uses the thread of the first (one thread kept, not two) and gives the same page model', async () => {
    const first = await readPdf(PDF, { diagnostics: new DiagnosticBag('a.pdf') });
    expect(warmThreadCount()).toBe(1);
    const second = await readPdf(PDF, { diagnostics: new DiagnosticBag('a.pdf') });
    expect(warmThreadCount()).toBe(1);
    expect(second).toEqual(first);
    expect(first.pages.map((p) => p.tables.flatMap((t) => t.rows.map((r) => r.cells.title)))).toEqual([['Activiteit 1'], ['Activiteit 2']]);
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
    // Counted per pool key: a thread of another kind given back late by an earlier file does not count.
    const byDefault = (): number => warmThreadCount(pipelinePoolKey());
    const by300 = (): number => warmThreadCount(pipelinePoolKey(300));
    const a = await extractAnnexLimited(TEXT, { ...IN_A_THREAD, fileName: 'a.txt' });
    expect(byDefault()).toBe(1);
    const b = await extractAnnexLimited(TEXT, { ...IN_A_THREAD, fileName: 'a.txt' });
    expect(byDefault()).toBe(1);
    expect(b).toEqual(a);
    expect(a.annex.activities.map((x) => [x.id, x.title, x.planning.text, x.owners.text])).toEqual([['AL1-01', 'Een activiteit', '2024', 'OCW']]);
    // Another memory limit: another thread.
    await extractAnnexLimited(TEXT, { ...IN_A_THREAD, fileName: 'a.txt', maxMemoryMb: 300 });
    expect([byDefault(), by300()]).toEqual([1, 1]);
    // A job that takes far longer than its 1 ms (the tiny TEXT could answer first on a busy machine).
    const slow = new TextEncoder().encode(`Activiteit\tStatus\tWanneer\tWie\tToelichting\nActielijn 1\t\t\t\t\n${'A\t\t\t\t\n'.repeat(5000)}`);
    await expect(extractAnnexLimited(slow, { fileName: 'a.txt', maxMemoryMb: 300, timeoutMs: 1 })).rejects.toMatchObject({ diagnostic: { code: 'NAP009' } });
    expect([byDefault(), by300()]).toEqual([1, 0]);
  });
});

describe('a warm thread that dies just as it is taken', () => {
  /** A thread that waits like an idle one and exits with code 3 at its first message, before it answers. */
  const dying = (): Worker => new Worker(`require('node:worker_threads').parentPort.on('message', () => process.exit(3));`, { eval: true });

  it('page reader: the read starts again on a new thread and gives the page model', async () => {
    const thread = dying();
    giveWarmThread(readerPoolKey(), thread);
    const model = await readPdf(PDF, { diagnostics: new DiagnosticBag('a.pdf') });
    // It was taken and is gone (taking a thread drops its listeners, so its exit is read off threadId).
    expect(thread.threadId).toBe(-1);
    expect(model.pages.map((p) => p.tables.flatMap((t) => t.rows.map((r) => r.cells.title)))).toEqual([['Activiteit 1'], ['Activiteit 2']]);
  });

  it('pipeline: the job goes to a new thread and gives the annex', async () => {
    const thread = dying();
    giveWarmThread(pipelinePoolKey(), thread);
    const result = await extractAnnexLimited(TEXT, { ...IN_A_THREAD, fileName: 'a.txt' });
    // It was taken and is gone (taking a thread drops its listeners, so its exit is read off threadId).
    expect(thread.threadId).toBe(-1);
    expect(result.annex.activities.map((x) => x.title)).toEqual(['Een activiteit']);
  });

  it('a new thread that exits before it answers is an error (no retry loop)', async () => {
    // The pipeline runs in its thread; a job that makes a fresh thread exit is reported, once.
    await expect(extractAnnexLimited(TEXT, { ...IN_A_THREAD, fileName: 'a.txt', maxMemoryMb: 1 })).rejects.toMatchObject({ diagnostic: { code: 'NAP010' } });
  });
});

describe('one thread for a short PDF (the pipeline thread reads it itself)', () => {
  it('readPagesHere reads the pages in this thread, in order, the same page inputs as a page-reader thread', async () => {
    const here: PageInput[] = [];
    const otherwise = vi.fn(readPagesInWorkers);
    expect(await readPagesHere(PDF, (p) => here.push(p), {}, 2, otherwise)).toBe(2);
    expect(otherwise).not.toHaveBeenCalled();
    const there: PageInput[] = [];
    await readPagesInWorkers(PDF, (p) => there.push(p), {});
    // pdfjs names loaded fonts per document (g_d0_f1, then g_d2_f1): names only compared within a page.
    const fontsUnnamed = (ms: unknown[]): unknown => JSON.parse(JSON.stringify(ms).replace(/"g_d\d+_/g, '"g_'));
    expect(here.map((p) => p.number)).toEqual([1, 2]);
    expect(fontsUnnamed(here)).toEqual(fontsUnnamed(there));
  });

  it('a document over the page count read here goes to the other source (opened here, not read here); over maxPages it is refused', async () => {
    const pages: number[] = [];
    const otherwise = vi.fn(readPagesInWorkers);
    expect(await readPagesHere(PDF, (p) => pages.push(p.number), {}, 1, otherwise)).toBe(2);
    expect(otherwise).toHaveBeenCalledTimes(1);
    expect(pages).toEqual([1, 2]);
    await expect(readPagesHere(PDF, () => undefined, { maxPages: 1 }, 2, otherwise)).rejects.toMatchObject({ name: 'PageLimitError', pageCount: 2 });
    await expect(readPagesHere(new TextEncoder().encode('%PDF-1.7\ngarbage\n%%EOF\n'), () => undefined, {})).rejects.toMatchObject({ name: 'OpenError', kind: 'invalid' });
  });

  it('the pipeline thread reads a PDF of up to SHORT_PDF_PAGES pages itself: the annex of a read in a page-reader thread', async () => {
    expect(SHORT_PDF_PAGES).toBe(50);
    const pdf = miniAnnex('vector', ['#008080', '#ffb000', '#5a5a5a', '#d0006f', '#101010'], [
      { rows: [{ title: ['Actielijn 1'], toelichting: [] }, { title: ['Een activiteit'], status: 1, wanneer: '2024', wie: ['OCW'], toelichting: ['Uitleg.'] }] },
    ]);
    const inThreads = await extractAnnex(pdf, { fileName: 'a.pdf' });
    const limited = await extractAnnexLimited(pdf, { fileName: 'a.pdf' });
    expect(limited).toEqual(inThreads);
    expect(limited.annex.activities.map((a) => [a.title, a.status?.label])).toEqual([['Een activiteit', 'In uitvoering']]);
  });
});

describe('keepWarm: false (the CLI on its last input)', () => {
  it('frees the threads at once: no page reader and no pipeline thread is kept', async () => {
    const model = await readPdf(PDF, { diagnostics: new DiagnosticBag('a.pdf'), keepWarm: false });
    expect(model.pages).toHaveLength(2);
    expect(warmThreadCount()).toBe(0);
    const { annex } = await extractAnnexLimited(TEXT, { ...IN_A_THREAD, fileName: 'a.txt', keepWarm: false });
    expect(annex.activities).toHaveLength(1);
    expect(warmThreadCount()).toBe(0);
  });
});

describe('pipeline threads that failed', () => {
  it('options that cannot be copied to a thread reject with DataCloneError and leave no thread behind (the process could not exit before)', async () => {
    const options = { ...IN_A_THREAD, fileName: 'a.txt', onProgress: () => undefined } as unknown as Parameters<typeof extractAnnexLimited>[1];
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    try {
      await expect(extractAnnexLimited(TEXT, options)).rejects.toMatchObject({ name: 'DataCloneError' });
      expect(terminate).toHaveBeenCalledTimes(1);
      expect(warmThreadCount()).toBe(0);
      // A warm thread taken for such a call is terminated too, not left running.
      await extractAnnexLimited(TEXT, { ...IN_A_THREAD, fileName: 'a.txt' });
      expect(warmThreadCount()).toBe(1);
      await expect(extractAnnexLimited(TEXT, options)).rejects.toMatchObject({ name: 'DataCloneError' });
      expect(terminate).toHaveBeenCalledTimes(2);
      expect(warmThreadCount()).toBe(0);
    } finally {
      terminate.mockRestore();
    }
  });

  it('a thread whose job failed inside (an internal error) is not kept; one that answered with an input error is', async () => {
    await expect(extractAnnexLimited(TEXT, { ...IN_A_THREAD, fileName: 'a.txt', expect: 5 } as unknown as Parameters<typeof extractAnnexLimited>[1])).rejects.toThrow();
    expect(warmThreadCount()).toBe(0);
    await expect(extractAnnexLimited(new Uint8Array(0), { ...IN_A_THREAD, fileName: 'empty.txt' })).rejects.toMatchObject({ diagnostic: { code: 'NAP001' } });
    expect(warmThreadCount()).toBe(1);
  });
});

describe('the pool', () => {
  it('an idle thread is terminated after its idle time (IDLE_MS by default); one that exits while idle is forgotten; take gives nothing for another key; at most MAX_IDLE_PER_KEY are kept', async () => {
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
    // At most MAX_IDLE_PER_KEY are kept: one more is terminated at once.
    const kept = Array.from({ length: MAX_IDLE_PER_KEY }, start);
    for (const w of kept) giveWarmThread('k', w);
    const extra = start();
    const extraExited = new Promise((resolve) => extra.once('exit', resolve));
    giveWarmThread('k', extra);
    await extraExited;
    expect(warmThreadCount('k')).toBe(MAX_IDLE_PER_KEY);
    await closeWarmThreads();
    expect(warmThreadCount()).toBe(0);
  });
});

describe('the job loops of the threads, on a MessageChannel in this process', () => {
  /** Collects what the loop posts on `port` until `until` says stop. */
  const collect = (port: MessagePort, until: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>[]> =>
    new Promise((resolve) => {
      const got: Record<string, unknown>[] = [];
      const on = (m: Record<string, unknown>): void => {
        got.push(m);
        if (until(m)) {
          port.off('message', on);
          resolve(got);
        }
      };
      port.on('message', on);
    });

  it('the page reader reads one document after another on one port: pages in order, a document that does not open is `fatal`, the next one is read again the same', async () => {
    const { port1, port2 } = new MessageChannel();
    servePageReader(port1);
    const read = async (bytes: Uint8Array): Promise<Record<string, unknown>[]> => {
      const claimed = new Int32Array(new SharedArrayBuffer(4));
      const opened = collect(port2, () => true);
      port2.postMessage({ bytes, claimed });
      const [first] = await opened;
      if (!first || !('opened' in first)) return [first!];
      const rest = collect(port2, (m) => 'done' in m);
      port2.postMessage({ go: first.opened });
      return [first, ...(await rest)];
    };
    const first = await read(PDF);
    expect(first.map((m) => Object.keys(m)[0])).toEqual(['opened', 'page', 'page', 'done']);
    expect(first.map((m) => m.page ?? null)).toEqual([null, 1, 2, null]);
    const broken = await read(new TextEncoder().encode('%PDF-1.7\ngarbage\n%%EOF\n'));
    expect(broken).toMatchObject([{ fatal: { kind: 'invalid' } }]);
    const again = await read(PDF);
    // pdfjs names loaded fonts per document (g_d0_f1, then g_d2_f1): names only compared within a page.
    const fontsUnnamed = (ms: unknown[]): unknown => JSON.parse(JSON.stringify(ms).replace(/"g_d\d+_/g, '"g_'));
    expect(JSON.stringify(again)).not.toBe(JSON.stringify(first));
    expect(fontsUnnamed(again)).toEqual(fontsUnnamed(first));
    port1.close();
  });

  it('the pipeline thread answers each job in order on one port: a result, an input error, the same result again', async () => {
    const { port1, port2 } = new MessageChannel();
    servePipeline(port1);
    let replies = 0;
    const three = collect(port2, () => ++replies === 3);
    for (const bytes of [TEXT, new Uint8Array(0), TEXT]) port2.postMessage({ bytes, options: { fileName: 'a.txt' } });
    const [a, empty, b] = await three;
    expect(Object.keys(a!)).toEqual(['packed']);
    expect(empty).toMatchObject({ inputError: { code: 'NAP001' } });
    const result = (reply: unknown): unknown => deserialize((reply as { packed: Uint8Array }).packed);
    expect((result(a) as { annex: { activities: { title: string }[] } }).annex.activities.map((x) => x.title)).toEqual(['Een activiteit']);
    expect(result(b)).toEqual(result(a));
    port1.close();
  });
});
