/**
 * An image-only PDF of the annex, as a scanner makes it: the first pages of a committed rendition
 * rasterised by Ghostscript (`pdfimage8`: 8-bit grayscale, 200 dpi, Flate) into a PDF whose pages
 * are one image each and which has no text layer at all. Checked: every page is one image and
 * pdfjs-dist finds no text. Its truth names the source and the rows and notes the pages show (the
 * OCR test, test/ocr-scan.full.test.ts, asserts what OCR reads of them).
 *
 *   npx tsx scripts/scan-rendition/generate.ts [--out DIR]       # → fixtures/scanned/
 *
 * Needs Ghostscript (10.00.0 used).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const SCANNED_DIR = join(FIXTURES, 'scanned');

export const SCAN = {
  name: 'scan-wingdings-a4-landscape-calibri-p1-3',
  source: 'word-generated/wingdings-a4-landscape-calibri.pdf',
  sourceTruth: 'word-generated/wingdings-a4-landscape-calibri.truth.json',
  pages: 3,
  dpi: 200,
};

interface SourceTruth {
  actionLines: Array<{ number: number; title: string; planningHeader: string; pages: number[] }>;
  activities: Array<{ id: string; page: number; pages: number[]; split: string[] } & Record<string, unknown>>;
  footnotes: Array<{ number: number; text: string; page: number }>;
  title: string;
  palette: Record<string, string>;
}

export async function generateScan(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${SCAN.name}.pdf`);
  execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfimage8', `-r${SCAN.dpi}`, '-dFirstPage=1', `-dLastPage=${SCAN.pages}`, '-o', out, join(FIXTURES, SCAN.source)]);
  const doc = await getDocument({ data: new Uint8Array(readFileSync(out)), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  if (doc.numPages !== SCAN.pages) throw new Error(`${out}: ${doc.numPages} pages`);
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const text = (await page.getTextContent()).items.filter((i) => 'str' in i && i.str.trim() !== '');
    if (text.length > 0) throw new Error(`${out}: page ${p} has text`);
    const ops = await page.getOperatorList();
    const images = ops.fnArray.filter((f) => f === OPS.paintImageXObject).length;
    if (images !== 1) throw new Error(`${out}: page ${p} paints ${images} images`);
  }
  await doc.destroy();
  const source = JSON.parse(readFileSync(join(FIXTURES, SCAN.sourceTruth), 'utf8')) as SourceTruth;
  const shown = source.activities.filter((a) => a.page <= SCAN.pages);
  const truth = {
    name: SCAN.name,
    description: `Pages 1–${SCAN.pages} of ${SCAN.source} rasterised at ${SCAN.dpi} dpi, 8-bit grayscale, one image per page, no text layer (a scan); the rows and notes are those the pages show`,
    generator: 'scripts/scan-rendition/generate.ts',
    producer: `${execFileSync('gs', ['--version'], { encoding: 'utf8' }).trim().replace(/^/, 'GPL Ghostscript ')} pdfimage8`,
    source: SCAN.source,
    expect: 'no-text-layer',
    dpi: SCAN.dpi,
    colour: 'gray',
    pages: SCAN.pages,
    title: source.title,
    palette: source.palette,
    actionLines: source.actionLines.filter((l) => l.pages.some((p) => p <= SCAN.pages)).map((l) => ({ ...l, pages: l.pages.filter((p) => p <= SCAN.pages) })),
    // Rows that start on these pages; a row running on past the last page is cut there.
    activities: shown.map((a) => ({ ...a, pages: a.pages.filter((p) => p <= SCAN.pages), cutAtLastPage: a.pages.some((p) => p > SCAN.pages) })),
    footnotes: source.footnotes.filter((f) => f.page <= SCAN.pages),
  };
  writeFileSync(join(outDir, `${SCAN.name}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);
  console.log(`${SCAN.name}: ${SCAN.pages} pages, ${shown.length} rows start on them`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  generateScan(values.out ?? SCANNED_DIR).catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
