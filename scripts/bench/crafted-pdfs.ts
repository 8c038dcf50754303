/**
 * The crafted PDFs (each under 1 MB), built with pdf-lib for the adversarial benchmark
 * (scripts/bench/adversarial.ts): pieces of text by the ten thousand on one line, forms nested so
 * that one paint becomes millions, a page whose content is one stream listed 20,000 times, and
 * 2,000 pages; and the bound cases of the page budget (src/readers/pdf/page-budget.ts): 200k fills nested 20k deep, 1M Tj, 300k small fills
 * under text, 600k overlapping glyphs.
 */
import { PDFDocument, PDFName, PDFRef, StandardFonts } from 'pdf-lib';
import type { CraftedCase } from './crafted-cases.js';

async function onePage(build: (doc: PDFDocument, page: ReturnType<PDFDocument['addPage']>) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([842, 595]);
  const font = (await doc.embedFont(StandardFonts.Helvetica)).ref;
  page.node.setFontDictionary(PDFName.of('F1'), font);
  build(doc, page);
  return doc.save({ useObjectStreams: false });
}

/** Every crafted PDF case of the benchmark. */
export async function craftedPdfCases(): Promise<CraftedCase[]> {
  const pieces = await onePage((doc, page) => {
    const ops = `BT /F1 3 Tf 10 300 Td ${'(x) Tj 0.01 0 Td '.repeat(50_000)}ET`;
    page.node.addContentStream(doc.context.register(doc.context.flateStream(ops)));
  });
  const glued = await onePage((doc, page) => {
    // 20,000 chunks overprinting along a line, then 20,000 small chunks lowered right after its
    // end: every one is a subscript candidate of that line (text.ts buildLines step 2b). Each is
    // another number, so that none is dropped as a repeat of the one before.
    const line = Array.from({ length: 20_000 }, (_, i) => `1 0 0 1 ${(10 + i * 0.01).toFixed(2)} 300 Tm (${i}) Tj`).join(' ');
    const subs = Array.from({ length: 20_000 }, (_, i) => `1 0 0 1 237.9 297 Tm (${i}) Tj`).join(' ');
    const ops = `BT /F1 10 Tf ${line} /F1 6 Tf ${subs} ET`;
    page.node.addContentStream(doc.context.register(doc.context.flateStream(ops)));
  });
  const nested = await onePage((doc, page) => {
    // Form k paints form k-1 twice: 2^24 paints of one rectangle from 24 tiny forms.
    let inner: PDFRef = doc.context.register(doc.context.stream('0 0 1 1 re f', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10] }));
    for (let k = 0; k < 24; k++) {
      const form = doc.context.stream('/X Do /X Do', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10], Resources: { XObject: { X: inner } } });
      inner = doc.context.register(form);
    }
    page.node.setXObject(PDFName.of('Top'), inner);
    page.node.addContentStream(doc.context.register(doc.context.stream('/Top Do')));
  });
  const streams = await onePage((doc, page) => {
    // One small stream listed 20,000 times in /Contents (6 bytes per reference).
    const one = doc.context.register(doc.context.stream('BT /F1 9 Tf 40 300 Td (x) Tj ET'));
    for (let i = 0; i < 20_000; i++) page.node.addContentStream(one);
  });
  const pages = await (async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < 2000; i++) doc.addPage([595, 842]).drawText(`Pagina ${i + 1}`, { x: 50, y: 800, size: 9, font });
    return doc.save({ useObjectStreams: true });
  })();
  const nestedFills = await onePage((doc, page) => {
    // 20,000 levels of q, each with ten small fills: 200,000 fills nested 20,000 deep.
    const level = `q 0 0 1 rg ${Array.from({ length: 10 }, (_, k) => `${10 + k} 10 1 1 re f`).join(' ')} `;
    const ops = `${level.repeat(20_000)}${'Q '.repeat(20_000)}`;
    page.node.addContentStream(doc.context.register(doc.context.flateStream(ops)));
  });
  const millionTj = await onePage((doc, page) => {
    const ops = `BT /F1 1 Tf 10 300 Td ${'(x) Tj '.repeat(1_000_000)}ET`;
    page.node.addContentStream(doc.context.register(doc.context.flateStream(ops)));
  });
  const fillsUnderText = await onePage((doc, page) => {
    // 300,000 one-point fills spread over the page, then a line of text over them.
    const fills: string[] = [];
    let seed = 7;
    for (let i = 0; i < 300_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      fills.push(`${seed % 800} ${(seed >> 10) % 560} 1 1 re f`);
    }
    const ops = `0.9 g ${fills.join(' ')} 0 g BT /F1 9 Tf 40 300 Td (Tekst boven de vlakjes) Tj ET`;
    page.node.addContentStream(doc.context.register(doc.context.flateStream(ops)));
  });
  const overlapping = await onePage((doc, page) => {
    // 600,000 glyphs drawn at nearly one place (character spacing pulls each back over the last).
    const ops = `BT /F1 9 Tf -5 Tc 100 300 Td ${`(${'x'.repeat(1000)}) Tj `.repeat(600)}ET`;
    page.node.addContentStream(doc.context.register(doc.context.flateStream(ops)));
  });
  return [
    { name: 'nested-fills.pdf', what: 'PDF: 200,000 fills nested 20,000 deep (q)', content: nestedFills },
    { name: 'million-tj.pdf', what: 'PDF: 1,000,000 Tj', content: millionTj },
    { name: 'fills-under-text.pdf', what: 'PDF: 300,000 small fills under text', content: fillsUnderText },
    { name: 'overlapping-glyphs.pdf', what: 'PDF: 600,000 overlapping glyphs', content: overlapping },
    { name: 'text-pieces.pdf', what: 'PDF: 50,000 pieces of text on one line', content: pieces },
    { name: 'glued-subscripts.pdf', what: 'PDF: 20,000 subscript candidates after a line of 20,000 chunks', content: glued },
    { name: 'nested-forms.pdf', what: 'PDF: 24 forms nested, each painting the next twice (16 M paints)', content: nested },
    { name: 'content-streams.pdf', what: 'PDF: one page whose /Contents lists one stream 20,000 times', content: streams },
    { name: 'pages-2000.pdf', what: 'PDF: 2,000 pages', content: pages },
  ];
}
