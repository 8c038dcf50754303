/**
 * Damage is loud: a PDF whose text a reader would get wrong fails the read with an error naming
 * the page (and box), instead of passing garbage at exit 0. Built from an adversarial round: one
 * flipped byte in the 2024 rendition's italic font's /ToUnicode map turned every action line's
 * goal into garbage or U+FFFD at exit 0; content that stops early, or hides most of a page behind
 * a lost `Q`, lost rows without an error.
 */
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFRef, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/bag.js';
import { readPdf } from '../helpers/read-pdf.js';
import { classifyPdfjsWarning } from '../../src/readers/pdf/pdfjs-warnings.js';
import { extractAnnex } from '../../src/pipeline.js';
import { PDF_2024, extract2024Pdf } from '../helpers/fixtures.js';
import { type MiniAnnexPage, miniAnnex } from '../readers/pdf/mini-annex.js';
import { cachedPages } from '../helpers/page-cache.js';

const original = readFileSync(PDF_2024);

/** The rendition with one bit of its italic font's /ToUnicode map flipped, in the second character of `where`. */
async function flipToUnicode(where: string): Promise<Uint8Array> {
  // The same bytes in every run (no new modification date), so that the page cache knows them.
  const doc = await PDFDocument.load(original, { updateMetadata: false });
  let map: PDFRef | undefined;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    const toUnicode = obj instanceof PDFDict ? obj.get(PDFName.of('ToUnicode')) : undefined;
    if (toUnicode !== undefined && /Italic/.test((obj as PDFDict).get(PDFName.of('BaseFont'))?.toString() ?? '')) map = toUnicode as PDFRef;
  }
  const text = Buffer.from(decodePDFRawStream(doc.context.lookup(map!) as PDFRawStream).decode());
  const at = text.indexOf(where) + 1;
  expect(at).toBeGreaterThan(0);
  text[at] = text[at]! ^ 1;
  doc.context.assign(map!, doc.context.stream(text));
  return doc.save({ useObjectStreams: false });
}

describe('a damaged /ToUnicode map', async () => {
  const { annex: reference } = await extract2024Pdf();

  it.each([
    ['6 beginbfrange', 'the ranges are lost: titles read as raw glyph codes ("(U zLMQ JHGHHOGH …")'],
    ['5 beginbfchar', 'a single mapping is lost: the spaces of the titles read as control characters'],
  ])('one bit flipped in "%s" (%s): an error (NAP029) with page and box, not garbage at exit 0', async (where) => {
    const { annex } = await extractAnnex(await flipToUnicode(where), { fileName: 'flipped.pdf' }, cachedPages);
    const found = annex.diagnostics.filter((d) => d.code === 'NAP029');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ severity: 'error', place: { page: 1 } });
    expect(found[0]!.place.bbox).toHaveLength(4);
  });

  it('a flipped bit the map does not depend on ("begincodespacerange"): the same data, no error (control)', async () => {
    const { annex } = await extractAnnex(await flipToUnicode('begincodespacerange'), { fileName: 'flipped.pdf' }, cachedPages);
    expect(annex.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(annex.actionLines.map((a) => a.title)).toEqual(reference.actionLines.map((a) => a.title));
  });
});

const COLORS = ['#008080', '#ffb000', '#5a5a5a', '#d0006f', '#101010'];
function page(extra: string, prefix = ''): MiniAnnexPage[] {
  return [
    {
      rows: [
        { title: ['Actielijn 1'], toelichting: [] },
        { title: ['Eerste activiteit'], status: 1, wanneer: 'Q1 2024', wie: ['OCW'], toelichting: ['Een korte toelichting.'] },
        { title: ['Tweede activiteit'], status: 0, wanneer: '2023', wie: ['VWS'], toelichting: ['Afgerond.'] },
      ],
      extra,
      ...(prefix !== '' ? { pdf: {} } : {}),
    },
  ];
}

async function errors(bytes: Uint8Array): Promise<[string, number | undefined][]> {
  const bag = new DiagnosticBag('damaged.pdf', 'reader:pdf');
  await readPdf(bytes, { diagnostics: bag });
  return bag.items.filter((d) => d.severity === 'error').map((d) => [d.code, d.place.page]);
}

describe('content that stops early or hides the page', () => {
  it.each([
    ['a text object left open (BT without ET)', 'BT /F1 9 Tf 700 465 Td (Afgebroken'],
    ['a saved graphics state left open (q without Q)', 'q 0 0 1 rg'],
    ['marked content left open', '/Span BMC'],
    ['text placed outside a text object', '700 465 Td'],
  ])('%s: NAP027 (error) on the page', async (_what, extra) => {
    // (pdfjs itself may also report the unterminated text object: NAP019.)
    expect(await errors(miniAnnex('vector', COLORS, page(extra)))).toContainEqual(['NAP027', 1]);
  });

  it('a clip left in force over the rest of the page (a lost Q): most text hidden, NAP028 (error)', async () => {
    const bytes = miniAnnex('vector', COLORS, page(''));
    const text = Buffer.from(bytes).toString('latin1').replace(/stream\n(BT \/F1 12 Tf 40 565 Td)/, 'stream\n0 0 1 1 re W n $1');
    const codes = (await errors(new Uint8Array(Buffer.from(text, 'latin1')))).map(([c]) => c);
    expect(codes).toContain('NAP028');
  });

  it('a whole page is no error (control)', async () => {
    expect(await errors(miniAnnex('vector', COLORS, page('')))).toEqual([]);
  });

  it('pdfjs saying a font could not be loaded is its own kind (NAP030, an error)', () => {
    expect(classifyPdfjsWarning('loadFont - lookup failed: "FormatError: Invalid number: x"')).toBe('font-failed');
    expect(classifyPdfjsWarning('Error during font loading: boom')).toBe('font-failed');
    expect(classifyPdfjsWarning('TT: undefined function: 32')).toBe('font');
  });
});
