/**
 * A scan (full tier: needs ocrmypdf with Tesseract's Dutch data, and qpdf): the image-only PDF
 * fixtures/scanned/ (pages 1–3 of a Word rendition at 200 dpi gray, no text layer; made by
 * scripts/scan-rendition/generate.ts) is refused with one diagnostic that names the missing text
 * layer, and one page of it, run through OCR as the diagnostic advises, is read: what OCR gets right
 * there (the rows of page 1) is what the reader must give back.
 *
 * OCR text is drawn invisibly (render mode 3, over the page image: that is how ocrmypdf and every
 * OCR tool make a searchable PDF); the reader reads such a layer as the page's text (ocr-layer.ts)
 * and says so (NAP038).
 *
 * Known today (`it.fails`, it turns red when the reader does it): OCR gives the goal row word by
 * word, with gaps wider than the reader's word gap, so its words fall into the columns and AL1-01
 * takes them into its title, Wanneer and Wie.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireProgram } from './helpers/programs.js';
import { runCli } from './helpers/run-cli.js';

const DIR = fileURLToPath(new URL('../fixtures/scanned/', import.meta.url));
const SCAN = join(DIR, 'scan-wingdings-a4-landscape-calibri-p1-3.pdf');
const truth = JSON.parse(readFileSync(join(DIR, 'scan-wingdings-a4-landscape-calibri-p1-3.truth.json'), 'utf8')) as {
  activities: Array<{ id: string; title: string; planning: string; owners: string; page: number }>;
};
/** The rows that start on page 1, the page run through OCR. */
const PAGE_1 = truth.activities.filter((a) => a.page === 1);
/**
 * What OCR (Tesseract 5.3 of Debian 12, Dutch) reads differently from the page on these rows:
 * AL1-03's Wie `OCW, SZW, JenV, en VWS` ends in `Vws`. The reader can give back only what OCR read.
 */
const OCR_READS: Record<string, { owners: string }> = { 'AL1-03': { owners: 'OCW, SZW, JenV, en Vws' } };

/** The words of `text` appear in `doc` in this order (OCR text of a table interleaves the columns' lines). */
function wordsInOrder(doc: string, text: string): boolean {
  let at = 0;
  for (const w of text.split(/\s+/)) {
    const hit = doc.indexOf(w, at);
    if (hit < 0) return false;
    at = hit + w.length;
  }
  return true;
}

let work: string;
let ocrText: string;
let ocrPdf: string;

beforeAll(() => {
  requireProgram('qpdf', ['--version'], 'qpdf');
  requireProgram('ocrmypdf', ['--version'], 'ocrmypdf');
  const langs = requireProgram('tesseract', ['--list-langs'], 'tesseract-ocr');
  if (!/^nld$/m.test(langs)) throw new Error('This test needs Tesseract\'s Dutch data: apt-get install -y tesseract-ocr-nld');
  work = mkdtempSync(join(tmpdir(), 'nap-ocr-'));
  const page1 = join(work, 'page-1.pdf');
  execFileSync('qpdf', [SCAN, '--pages', SCAN, '1', '--', page1]);
  ocrPdf = join(work, 'page-1-ocr.pdf');
  execFileSync('ocrmypdf', ['--quiet', '-l', 'nld', '--output-type', 'pdf', page1, ocrPdf], { timeout: 600_000 });
  ocrText = execFileSync('pdftotext', [ocrPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}, 900_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a scan: an image-only PDF', () => {
  it('is refused: exit 2, no output, one diagnostic naming the missing text layer (NAP039)', async () => {
    const out = join(work, 'out');
    const run = await runCli(['extract', SCAN, '-o', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/text layer/i);
    expect(run.stderr.match(/\bNAP\d{3}\b/g)).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('one page of the scan after OCR (ocrmypdf -l nld)', () => {
  it('OCR reads the rows of page 1: every title and Wanneer, and Wie but for one word, words in order', () => {
    expect(PAGE_1.map((a) => a.id)).toEqual(['AL1-01', 'AL1-02', 'AL1-03']);
    for (const a of PAGE_1) {
      expect(wordsInOrder(ocrText, a.title), `${a.id} title`).toBe(true);
      expect(wordsInOrder(ocrText, a.planning), `${a.id} Wanneer`).toBe(true);
      const owners = OCR_READS[a.id]?.owners ?? a.owners;
      expect(wordsInOrder(ocrText, owners), `${a.id} Wie`).toBe(true);
      if (owners !== a.owners) expect(wordsInOrder(ocrText, a.owners), `${a.id} Wie as printed`).toBe(false);
    }
    // The legend labels and the column header come through; the page title loses "Bijlage" (bold, larger).
    for (const label of ['Afgerond', 'In uitvoering', 'Doorlopend gedurende uitvoering programma', 'Nog niet begonnen of afgebroken', 'Toelichting']) {
      expect(ocrText).toContain(label);
    }
    expect(ocrText).toContain('1. Voortgang activiteiten Nationaal Actieprogramma');
    expect(ocrText).not.toContain('Bijlage');
  });

  it('nap-annex reads the OCR\'d page from its text layer (NAP038): three rows, the second and third with the title, Wanneer and Wie OCR read', async () => {
    const run = await runCli(['extract', ocrPdf, '--format', 'json', '--force']);
    expect(run.status).toBe(1);
    const annex = JSON.parse(run.stdout) as { activities: Array<{ title: string; planning: { text: string }; owners: { text: string } }>; diagnostics: Array<{ code: string }> };
    expect(annex.diagnostics.map((d) => d.code)).toContain('NAP038');
    expect(annex.activities).toHaveLength(3);
    expect(annex.activities.slice(1).map((a) => [a.title, a.planning.text, a.owners.text])).toEqual(
      PAGE_1.slice(1).map((a) => [a.title, a.planning, OCR_READS[a.id]?.owners ?? a.owners]),
    );
  });

  it.fails('nap-annex reads the OCR\'d page: the rows OCR got right come out, with their Wanneer and Wie (known: OCR gives the goal row word by word across the columns, so AL1-01 takes the goal row\'s words into its title, Wanneer and Wie)', async () => {
    const run = await runCli(['extract', ocrPdf, '--format', 'json', '--force']);
    expect(run.status).not.toBe(2);
    const annex = JSON.parse(run.stdout) as { activities: Array<{ title: string; planning: { text: string }; owners: { text: string } }> };
    expect(annex.activities.map((a) => [a.title, a.planning.text, a.owners.text])).toEqual(
      PAGE_1.map((a) => [a.title, a.planning, OCR_READS[a.id]?.owners ?? a.owners]),
    );
  });
});
