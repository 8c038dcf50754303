/**
 * Pages without text, and scans: what the reader says about a page that gives no text, and about
 * text read from an OCR layer (ocr-layer.ts).
 *
 * - A PDF whose every page is an image without text is most likely a scan with no text layer: the
 *   read is refused (NAP039, exit 2, no output) with the advice to run OCR first.
 * - A page of a readable PDF that is an image without text: NAP039 for that page (its rows are
 *   missing). A page without text or image: NAP026 (blank, or damaged).
 * - Pages read from an OCR text layer: NAP038, once, naming them (OCR misreads characters).
 */
import { type DiagnosticBag } from '../../diagnostics/bag.js';
import { InputError } from '../../diagnostics/errors.js';
import type { PageInput } from './page-content.js';
import { LAYOUT } from './settings.js';

/** What one page showed, as far as text and images go. */
type PageKind = 'text' | 'ocr' | 'image-only' | 'blank';

/** Collects each page's kind as the pages arrive, and reports them once the document is read. */
export class ScanTally {
  private readonly kinds: { page: number; kind: PageKind }[] = [];

  /** Notes one page (after its text is cleaned). */
  note(input: PageInput): void {
    const hasText = input.chunks.some((c) => c.text.trim() !== '');
    const kind: PageKind = hasText ? ((input.ocrRuns ?? 0) > 0 ? 'ocr' : 'text') : imageCover(input) >= LAYOUT.ocrImageShare ? 'image-only' : 'blank';
    this.kinds.push({ page: input.number, kind });
  }

  /**
   * Reports the pages without text and the OCR'd ones. Throws InputError (NAP039) when every
   * page is an image without text.
   */
  report(diagnostics: DiagnosticBag): void {
    const of = (kind: PageKind): number[] => this.kinds.filter((k) => k.kind === kind).map((k) => k.page);
    const images = of('image-only');
    if (this.kinds.length > 0 && images.length === this.kinds.length) {
      throw new InputError(
        diagnostics.report(
          'NAP039',
          `The PDF has no text layer: its ${pages(images.length)} ${images.length === 1 ? 'is an image' : 'are images'} without text, most likely a scan. nap-annex reads a PDF's text, not its pictures. Run OCR on it first (for example \`ocrmypdf -l nld scan.pdf tekst.pdf\`, Debian package ocrmypdf) and read the result; check the data against the pages, as OCR misreads characters.`,
          {},
          { actual: images.length, note: 'pages that are images without text' },
        ),
      );
    }
    for (const page of images) {
      diagnostics.report('NAP039', `Page ${page} is an image without text (a scanned page, no text layer): its rows are missing from the data. Run OCR on the PDF first (e.g. \`ocrmypdf\`), or get a PDF with text.`, { page });
    }
    for (const page of of('blank')) {
      diagnostics.report(
        'NAP026',
        `Page ${page} has no readable text: it is blank, or damaged so that nothing on it can be read. If the page shows rows in a viewer, they are missing from the data; get an undamaged copy of the PDF.`,
        { page },
      );
    }
    const ocr = of('ocr');
    if (ocr.length > 0) {
      diagnostics.report(
        'NAP038',
        `${ocr.length === 1 ? `Page ${ocr[0]} was` : `${ocr.length} pages (${ocr.join(', ')}) were`} read from an OCR text layer (invisible text over a scanned image), not from text the document prints: OCR misreads characters and loses status colours. Check the data against the pages.`,
        { page: ocr[0]! },
        { actual: ocr },
      );
    }
  }
}

/** `1 page`, `3 pages`. */
function pages(n: number): string {
  return n === 1 ? 'page' : `${n} pages`;
}

/** The share of the page covered by its images (their boxes clipped to the page; overlaps counted twice, capped at 1). */
function imageCover(input: PageInput): number {
  const size = input.size;
  if (size === undefined || !(size.width > 0 && size.height > 0)) return 0;
  let covered = 0;
  for (const im of input.graphics.images) {
    const w = Math.min(im.box.x1, size.width) - Math.max(im.box.x0, 0);
    const h = Math.min(im.box.y1, size.height) - Math.max(im.box.y0, 0);
    if (w > 0 && h > 0) covered += w * h;
  }
  return Math.min(1, covered / (size.width * size.height));
}
