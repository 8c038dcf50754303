/**
 * A small text export read with the default limits is read in the calling thread
 * (readsInCallingThread, src/threads/limited-pipeline.ts): no pipeline thread is started, and the
 * annex is the one the pipeline gives. Everything else goes to a pipeline thread that the limits stop.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { extractAnnex } from '../../src/pipeline.js';
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_PDF_TIMEOUT_MS } from '../../src/model/limits.js';
import { IN_THREAD_MAX_BYTES, extractAnnexLimited, pipelinePoolKey, readsInCallingThread } from '../../src/threads/limited-pipeline.js';
import { closeWarmThreads, warmThreadCount } from '../../src/threads/pool.js';

const TEXT = readFileSync(new URL('../../fixtures/nap-2024/bijlage-1.txt', import.meta.url));
const HTML = readFileSync(new URL('../../fixtures/html-generated/bijlage-1-2024.html', import.meta.url));
const PDF_HEAD = new TextEncoder().encode('%PDF-1.7\n');

beforeEach(closeWarmThreads);

describe('which inputs are read in the calling thread', () => {
  it('the 2024 text export with the default limits (or looser ones): yes', () => {
    expect(readsInCallingThread(TEXT, {})).toBe(true);
    expect(readsInCallingThread(TEXT, { timeoutMs: DEFAULT_PDF_TIMEOUT_MS * 2, maxMemoryMb: DEFAULT_MAX_MEMORY_MB * 2 })).toBe(true);
  });

  it('a PDF or an HTML page (by its bytes or forced: checking HTML style rules is not linear, adversarial review 5), a tighter limit, or more than IN_THREAD_MAX_BYTES: no', () => {
    expect(readsInCallingThread(PDF_HEAD, {})).toBe(false);
    expect(readsInCallingThread(HTML, {})).toBe(false);
    expect(readsInCallingThread(TEXT, { format: 'html' })).toBe(false);
    expect(readsInCallingThread(TEXT, { format: 'pdf' })).toBe(false);
    expect(readsInCallingThread(TEXT, { timeoutMs: DEFAULT_PDF_TIMEOUT_MS - 1 })).toBe(false);
    expect(readsInCallingThread(TEXT, { maxMemoryMb: DEFAULT_MAX_MEMORY_MB - 1 })).toBe(false);
    expect(readsInCallingThread(new Uint8Array(IN_THREAD_MAX_BYTES), {})).toBe(true);
    expect(readsInCallingThread(new Uint8Array(IN_THREAD_MAX_BYTES + 1), {})).toBe(false);
  });
});

describe('reading in the calling thread', () => {
  it('the 2024 text export: the pipeline annex (83 activities, 25 notes), and no pipeline thread started or kept', async () => {
    const limited = await extractAnnexLimited(TEXT, { fileName: 'bijlage-1.txt', keepWarm: true });
    expect(warmThreadCount(pipelinePoolKey())).toBe(0);
    expect(limited).toEqual(await extractAnnex(TEXT, { fileName: 'bijlage-1.txt' }));
    expect(limited.annex.activities).toHaveLength(83);
    expect(limited.annex.footnotes).toHaveLength(25);
  });

  it('with a time limit under the default, the same input goes to a pipeline thread, kept warm, with the same annex', async () => {
    const limited = await extractAnnexLimited(TEXT, { fileName: 'bijlage-1.txt', keepWarm: true, timeoutMs: 60_000 });
    expect(warmThreadCount(pipelinePoolKey())).toBe(1);
    expect(limited).toEqual(await extractAnnex(TEXT, { fileName: 'bijlage-1.txt' }));
  });
});
