/**
 * The PDF reader's time and memory limits stop hostile PDFs: a page with millions of drawing
 * operators (synchronous work inside pdfjs that no promise race can interrupt) and a
 * decompression bomb. The reader threads are terminated; the error names the limit and the page.
 * A short PDF read in the pipeline thread (src/threads/pipeline-thread.ts) is stopped the same
 * way, by extractAnnexLimited terminating that thread.
 */
import { describe, expect, it } from 'vitest';
import { miniAnnex } from './mini-annex.js';
import { deflateRepeated } from '../../helpers/deflate.js';
import { DiagnosticBag } from '../../../src/diagnostics/bag.js';
import { InputError } from '../../../src/diagnostics/errors.js';
import { readPdf } from '../../helpers/read-pdf.js';
import { extractAnnexLimited } from '../../../src/threads/limited-pipeline.js';

/** A one-page PDF whose content stream is `deflated` (FlateDecode), with a valid xref table. */
function onePagePdf(deflated: Buffer): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const add = (body: Buffer): void => {
    offsets.push(length);
    const obj = Buffer.concat([Buffer.from(`${offsets.length} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    length += obj.length;
  };
  add(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  add(Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'));
  add(Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>'));
  add(Buffer.concat([Buffer.from(`<< /Length ${deflated.length} /Filter /FlateDecode >>\nstream\n`), deflated, Buffer.from('\nendstream')]));
  const xref = [`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

async function limitError(bytes: Uint8Array, options: { timeoutMs?: number; maxMemoryMb?: number }) {
  const bag = new DiagnosticBag('hostile.pdf');
  const err = await readPdf(bytes, { diagnostics: bag, ...options }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  return (err as InputError).diagnostic;
}

describe('readPdf limits', () => {
  it('refuses a page of 2.4 million drawing operators by the page budget, before the time limit (NAP031)', async () => {
    const bytes = onePagePdf(deflateRepeated(Buffer.from('0 0 1 1 re f\n'.repeat(80_000)), 30));
    expect(bytes.length).toBeLessThan(200_000);
    const d = await limitError(bytes, { timeoutMs: 60_000 });
    expect(d).toMatchObject({ code: 'NAP031', file: 'hostile.pdf', place: { page: 1 }, note: 'paths' });
  });

  it('stops a page within the budget that takes longer than the time limit (NAP009)', async () => {
    const bytes = onePagePdf(deflateRepeated(Buffer.from('0 0 1 1 re f\n'.repeat(50_000)), 1));
    const d = await limitError(bytes, { timeoutMs: 150 });
    expect(d).toMatchObject({ code: 'NAP009', file: 'hostile.pdf', place: { page: 1 }, expected: 150 });
  });

  it('stops a decompression bomb at the memory limit (NAP010)', async () => {
    // 1.5 GB of spaces inflate from about 1.5 MB.
    const bytes = onePagePdf(deflateRepeated(Buffer.alloc(1024 * 1024, 0x20), 1536));
    const d = await limitError(bytes, { maxMemoryMb: 200, timeoutMs: 60_000 });
    expect(d).toMatchObject({ code: 'NAP010', place: { page: 1 }, expected: 200 });
  });

  it('in the pipeline thread, which reads a short PDF itself: the time limit stops that thread (NAP009)', async () => {
    // A warm pipeline thread, with pdfjs-dist loaded by a first PDF, so that the limit falls inside pdfjs's work on the page.
    const small = miniAnnex('vector', ['#008080', '#ffb000', '#5a5a5a', '#d0006f', '#101010'], [{ rows: [{ title: ['Actielijn 1'], toelichting: [] }] }]);
    await extractAnnexLimited(small, { fileName: 'small.pdf' });
    const bytes = onePagePdf(deflateRepeated(Buffer.from('0 0 1 1 re f\n'.repeat(50_000)), 1));
    const err = await extractAnnexLimited(bytes, { fileName: 'hostile.pdf', timeoutMs: 150 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).diagnostic).toMatchObject({ code: 'NAP009', file: 'hostile.pdf', expected: 150 });
  });

  it('in the pipeline thread: a decompression bomb (memory outside the heap) is stopped at the memory limit (NAP010)', async () => {
    const bytes = onePagePdf(deflateRepeated(Buffer.alloc(1024 * 1024, 0x20), 1536));
    const err = await extractAnnexLimited(bytes, { fileName: 'hostile.pdf', maxMemoryMb: 100, timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).diagnostic).toMatchObject({ code: 'NAP010', file: 'hostile.pdf', expected: 100 });
  });

  it('measures the read, not the host: a process already holding more than the limit still reads a small PDF', async () => {
    const ballast = Buffer.alloc(300 * 1024 * 1024, 1); // resident: filled, not just reserved
    expect(process.memoryUsage.rss()).toBeGreaterThan(250 * 1024 * 1024);
    const model = await readPdf(miniAnnex('vector', ['#008080', '#ffb000', '#5a5a5a', '#d0006f', '#101010'], [{ rows: [{ title: ['Actielijn 1'], toelichting: [] }] }]), {
      diagnostics: new DiagnosticBag('small.pdf'),
      maxMemoryMb: 250,
    });
    expect(model.pages).toHaveLength(1);
    expect(ballast[ballast.length - 1]).toBe(1);
  });
});
