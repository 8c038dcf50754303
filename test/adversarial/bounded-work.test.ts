/**
 * Bounded work. Outcomes only (no timings: speed is in `npm run bench:adversarial`):
 * the time and memory limits stop any format by terminating the work, diagnostics of one code are
 * capped, and the indexed diff still pairs what the all-pairs diff paired.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareAnnexes, wordChanges } from '../../src/diff/compare-annexes.js';
import { MAX_DIAGNOSTICS_PER_CODE } from '../../src/model/diagnostics.js';
import { normaliseExplanation } from '../../src/normalise/explanation.js';
import { extractAnnexLimited, readsInCallingThread } from '../../src/threads/limited-pipeline.js';
import { textAnnexWithRows } from '../../scripts/bench/crafted-cases.js';
import { runCli } from '../helpers/run-cli.js';
import { startThreadsFromSource } from '../helpers/thread-script.js';
import { extractFixture } from './helpers.js';

const TEXT_HEAD = 'Activiteit\tStatus\tWanneer\tWie\tToelichting\n';

describe('the limits cover the whole pipeline, for text and HTML too', () => {
  it('a text export of 165k compact rows is refused before assembly: exit 2, NAP025 (more rows than any annex)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-rows-'));
    const file = join(dir, 'compact.txt');
    writeFileSync(file, `${TEXT_HEAD}Actielijn 1\t\t\t\t\n${'A\t\t\t\t\n'.repeat(165_000)}`);
    const run = await runCli(['check', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('error NAP025 The input has 165001 table rows, more than the 20000 any NAP annex could have');
  });

  it('the time limit stops the whole pipeline (19,000 compact rows, just under the row limit, 50 ms): NAP009', async () => {
    // In a warm pipeline thread these rows take about 0.45 s here; 50 ms leaves a margin for faster machines.
    const bytes = new TextEncoder().encode(`${TEXT_HEAD}Actielijn 1\t\t\t\t\n${'A\t\t\t\t\n'.repeat(19_000)}`);
    await expect(extractAnnexLimited(bytes, { fileName: 'slow.txt', timeoutMs: 50 })).rejects.toMatchObject({ diagnostic: { code: 'NAP009', severity: 'error' } });
  });

  it('--max-memory measures the work (a worker heap), not the host: 40 MB stops it with NAP010', async () => {
    const bytes = new TextEncoder().encode(`${TEXT_HEAD}Actielijn 1\t\t\t\t\n${'A\t\t\t\t\n'.repeat(19_000)}`);
    await expect(extractAnnexLimited(bytes, { fileName: 'big.txt', maxMemoryMb: 40 })).rejects.toMatchObject({ diagnostic: { code: 'NAP010', severity: 'error' } });
  });

  it('the limited pipeline gives the same annex as the plain one, in a pipeline thread (a limit under the default) and in the calling thread (the default limits)', async () => {
    const text = textAnnexWithRows(10);
    const bytes = new TextEncoder().encode(text);
    const plain = await extractFixture('ten.txt', text);
    expect(readsInCallingThread(bytes, { timeoutMs: 60_000 })).toBe(false);
    expect((await extractAnnexLimited(bytes, { fileName: 'ten.txt', timeoutMs: 60_000 })).annex).toEqual(plain.annex);
    expect(readsInCallingThread(bytes, {})).toBe(true);
    expect((await extractAnnexLimited(bytes, { fileName: 'ten.txt' })).annex).toEqual(plain.annex);
  });

  it('from source without the built thread (the thread loads tsx, as under `tsx src/cli/bin.ts`): the same annex', async () => {
    // The suite starts threads from the tests' bundle (test/helpers/thread-script.ts); this run takes the source path.
    const text = textAnnexWithRows(10);
    const plain = await extractFixture('ten.txt', text);
    startThreadsFromSource(true);
    try {
      const limited = await extractAnnexLimited(new TextEncoder().encode(text), { fileName: 'ten.txt', keepWarm: false, timeoutMs: 60_000 });
      expect(limited.annex).toEqual(plain.annex);
    } finally {
      startThreadsFromSource(false);
    }
  });
});

describe('diagnostics of one code are capped', () => {
  it('20,000 stray lines: 200 NAP106 listed, one more counts the other 19,800, still an error, from the stage that found them', async () => {
    const result = await extractFixture('stray.txt', `${TEXT_HEAD}Actielijn 1\t\t\t\t\nA\t\t2024\tOCW\tx\n${'x\n'.repeat(20_000)}`);
    const nap106 = result.diagnostics.filter((d) => d.code === 'NAP106');
    expect(nap106).toHaveLength(MAX_DIAGNOSTICS_PER_CODE + 1);
    expect(nap106.at(-1)).toMatchObject({ code: 'NAP106', severity: 'error', actual: 19_800, source: 'assemble', place: {} });
  });
});

describe('linear regexes and bounded diffs', () => {
  it('a Toelichting of 50k "<a" without ">" is plain text', async () => {
    expect(normaliseExplanation('<a'.repeat(50_000)).text).toBe('<a'.repeat(50_000));
  });

  it('diff of two 2,000-row exports with every title changed a little: all paired as title changes', async () => {
    const before = (await extractFixture('a.txt', textAnnexWithRows(2000, (i) => `Activiteit over onderwerp ${i} en nog wat`))).annex;
    const after = (await extractFixture('b.txt', textAnnexWithRows(2000, (i) => `Activiteit over onderwerp ${i} en nog wat meer`))).annex;
    const diff = compareAnnexes(before, after);
    expect([diff.added.length, diff.removed.length, diff.matched.length]).toEqual([0, 0, 2000]);
    expect(diff.matched.every((m) => m.oldId === m.newId && m.changes.map((c) => c.field).join() === 'title')).toBe(true);
  });

  it('explanations over 20,000 characters are counted as word multisets', async () => {
    const a = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
    const b = `${a.replace('w10 ', '')} extra1 extra2`;
    expect(wordChanges(a, b)).toEqual({ wordsRemoved: 1, wordsAdded: 2 });
    expect(wordChanges('een twee drie', 'een drie vier')).toEqual({ wordsRemoved: 1, wordsAdded: 1 });
  });
});
