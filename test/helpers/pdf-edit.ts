/**
 * Edits of real PDFs for adversarial tests, with pdf-lib: content appended to one page (drawn
 * after everything the page draws), with a standard Helvetica font as /NapH in its resources.
 */
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';

/** Size of a page (PDF points, width × height) of a PDF. */
export async function pageSize(bytes: Uint8Array, page: number): Promise<{ width: number; height: number }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPage(page - 1).getSize();
}

/**
 * Appends content-stream operators to page `page` (1-based). `/NapH` names Helvetica in the
 * page's fonts, so `BT /NapH 9 Tf … Tj ET` draws text. Returns the new file's bytes.
 */
export async function appendToPage(bytes: Uint8Array, page: number, ops: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const p = doc.getPage(page - 1);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  p.node.setFontDictionary(PDFName.of('NapH'), font.ref);
  p.node.addContentStream(doc.context.register(doc.context.stream(ops)));
  return doc.save({ useObjectStreams: false });
}
