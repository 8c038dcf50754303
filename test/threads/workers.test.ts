/** Reading pages in worker threads gives exactly the page model of reading them in one thread. */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/bag.js';
import { readPdf } from '../helpers/read-pdf.js';
import { WORKER_PAGE_THRESHOLD, defaultWorkerCount } from '../../src/threads/read-pages.js';
import { PDF_2024 } from '../helpers/fixtures.js';
import { miniAnnex, type MiniAnnexPage } from '../readers/pdf/mini-annex.js';

/** Seven small pages, each with two rows of its own (statuses in turn), so that pages cannot be mixed up unseen. */
const PAGES: MiniAnnexPage[] = Array.from({ length: 7 }, (_, p) => ({
  rows: [0, 1].map((r) => ({
    title: [`Activiteit ${p + 1}.${r + 1}`],
    status: (p * 2 + r) % 5,
    wanneer: `Q${(r % 4) + 1} 202${p % 10}`,
    wie: ['OCW'],
    toelichting: [`Toelichting van pagina ${p + 1}, rij ${r + 1}.`],
  })),
}));

describe('readPdf with worker threads', () => {
  it('gives the same page model with 2 and 3 workers as in one thread (7 small pages; the mechanism, not the size)', async () => {
    const bytes = miniAnnex('vector', ['#008080', '#ffb000', '#5a5a5a', '#d0006f', '#101010'], PAGES);
    const single = await readPdf(bytes, { diagnostics: new DiagnosticBag('a.pdf'), workers: 1 });
    const two = await readPdf(bytes, { diagnostics: new DiagnosticBag('a.pdf'), workers: 2 });
    const three = await readPdf(bytes, { diagnostics: new DiagnosticBag('a.pdf'), workers: 3 });
    expect(single.pages).toHaveLength(7);
    expect(single.pages.map((p) => p.tables.flatMap((t) => t.rows.map((r) => [r.cells.title, r.statusCue.kind])))).toEqual(
      PAGES.map((_, p) => [[`Activiteit ${p + 1}.1`, 'icon'], [`Activiteit ${p + 1}.2`, 'icon']]),
    );
    expect(two).toEqual(single);
    expect(three).toEqual(single);
  });

  it('reports a damaged page read in a worker as NAP004 with the page', async () => {
    const good = readFileSync(PDF_2024, 'latin1');
    // Corrupt every content stream length so that pages fail to parse, keeping %PDF- and %%EOF.
    const broken = good.replace(/stream\r?\n[\s\S]{40}/g, (m) => m.slice(0, m.length - 40) + 'x'.repeat(40));
    const bag = new DiagnosticBag('broken.pdf');
    const err = await readPdf(new Uint8Array(Buffer.from(broken, 'latin1')), { diagnostics: bag, workers: 2 }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('InputError');
    expect((err as { diagnostic: unknown }).diagnostic).toMatchObject({
      code: 'NAP004',
      file: 'broken.pdf',
      place: { page: 1 },
      cause: 'Page dictionary kid reference points to wrong type of object.',
    });
  });
});

describe('defaultWorkerCount', () => {
  it('uses one reader thread unless the machine has more than 2 cores, and two only from the page threshold on', () => {
    expect(WORKER_PAGE_THRESHOLD).toBe(400);
    expect(defaultWorkerCount(1000, 400, 1)).toBe(1);
    expect(defaultWorkerCount(1000, 400, 2)).toBe(1);
    expect(defaultWorkerCount(1000, 400, 3)).toBe(2);
    expect(defaultWorkerCount(400, 400, 16)).toBe(2);
    expect(defaultWorkerCount(399, 400, 16)).toBe(1);
    expect(defaultWorkerCount(1000, 400)).toBe(availableParallelism() > 2 ? 2 : 1);
  });
});
