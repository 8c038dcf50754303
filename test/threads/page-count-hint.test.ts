/**
 * The page count read from a PDF's bytes without pdfjs-dist (src/threads/page-count-hint.ts), by
 * which the pipeline thread sends a long PDF to page-reader threads without opening it first: on
 * every committed fixture PDF that pdfjs-dist opens it is pdfjs-dist's count (page tree roots in
 * the file's text and in object streams, the TeX renditions); where the bytes do not say it
 * plainly it is null, and the PDF is opened to count it, as before.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/readers/pdf/document.js';
import { pageCountHint } from '../../src/threads/page-count-hint.js';
import { buildPdf } from '../readers/pdf/mini-pdf.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** pdfjs-dist's page count, or null when it does not open the document. */
async function pdfjsCount(bytes: Uint8Array): Promise<number | null> {
  const task = openPdf(bytes);
  try {
    return (await task.promise).numPages;
  } catch {
    return null;
  } finally {
    await task.destroy();
  }
}

const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

/** An object stream holding `objects` (PDF 32000-1 §7.5.7), Flate-compressed, `filter` as given. */
function objectStream(objects: string[], filter = '/FlateDecode'): string {
  let header = '';
  let body = '';
  objects.forEach((o, k) => {
    header += `${10 + k} ${body.length} `;
    body += `${o}\n`;
  });
  const data = deflateSync(Buffer.from(header + body, 'latin1')).toString('latin1');
  return `9 0 obj\n<< /Type /ObjStm /N ${objects.length} /First ${header.length} /Filter ${filter} /Length ${data.length} >>\nstream\n${data}\nendstream\nendobj\n`;
}

describe('page count hint', () => {
  it("is pdfjs-dist's page count on every committed fixture PDF that pdfjs-dist opens", async () => {
    let checked = 0;
    let objectStreams = 0;
    for (const dir of readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const name of readdirSync(join(FIXTURES, dir.name)).filter((n) => n.endsWith('.pdf'))) {
        const bytes = new Uint8Array(readFileSync(join(FIXTURES, dir.name, name)));
        const count = await pdfjsCount(bytes);
        if (count === null) continue;
        expect(pageCountHint(bytes), `${dir.name}/${name}`).toBe(count);
        if (Buffer.from(bytes).includes('/ObjStm')) objectStreams++;
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(40);
    expect(objectStreams).toBeGreaterThanOrEqual(2);
  });

  it('reads a generated PDF of 120 pages', () => {
    expect(pageCountHint(buildPdf(Array.from({ length: 120 }, () => ({ content: '' }))))).toBe(120);
  });

  it('reads the root in an object stream, and leaves the intermediate page tree nodes out', () => {
    const root = '<< /Type /Pages /Kids [11 0 R] /Count 75 >>';
    const node = '<< /Type /Pages /Parent 10 0 R /Kids [] /Count 3 >>';
    expect(pageCountHint(latin1(`%PDF-1.5\n${objectStream([root, node])}%%EOF\n`))).toBe(75);
  });

  it('is null where the bytes do not tell the count plainly', () => {
    const cases = {
      'no page tree': '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
      'an indirect /Count': '%PDF-1.4\n2 0 obj\n<< /Type /Pages /Kids [] /Count 7 0 R >>\nendobj\n',
      'roots that disagree (an update)': '%PDF-1.4\n2 0 obj\n<< /Type /Pages /Count 3 >>\nendobj\n2 0 obj\n<< /Type /Pages /Count 4 >>\nendobj\n',
      'a dictionary never closed': '%PDF-1.4\n2 0 obj\n<< /Type /Pages /Count 3\n',
      'an object stream with another filter': `%PDF-1.5\n${objectStream(['<< /Type /Pages /Count 75 >>'], '/LZWDecode')}`,
      'an object stream that does not inflate': '%PDF-1.5\n9 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 5 >>\nstream\nxxxxx\nendstream\nendobj\n',
    };
    for (const [what, text] of Object.entries(cases)) expect(pageCountHint(latin1(text)), what).toBeNull();
  });

  it('counts /Type /Pages only: /PagesX, the catalog’s /Pages entry and a root with /Parent are not roots', () => {
    const text = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n3 0 obj\n<< /Type /PagesX /Count 9 >>\nendobj\n2 0 obj\n<< /Type/Pages/Kids[4 0 R]/Count 64>>\nendobj\n4 0 obj\n<< /Type /Pages /Parent 2 0 R /Count 64 /Resources << /Font << >> >> >>\nendobj\n';
    expect(pageCountHint(latin1(text))).toBe(64);
  });
});
