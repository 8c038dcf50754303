/**
 * Finds where the rows and notes of the annex landed in a PDF that has no usable tags (browser
 * prints, Calc, re-written files): reads the text items of every page with pdfjs-dist, in drawing
 * order, and locates each activity by its title, in document order, then the pages its text runs
 * to, and the page of each note. The result is checked, never assumed: a title that is not found
 * at the start of a text item after the previous one, a row whose words are not all there in
 * order, or a note not found, is an error, and the caller's generation fails.
 *
 * Drawing order is document order for the producers it is used on (Chromium, WeasyPrint,
 * LibreOffice): a row's cells are drawn before the next row's.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { AnnexData } from '../pdf-rendition/annex-data.js';
import { plainBlocks } from '../pdf-rendition/annex-data.js';

/** Where one activity is printed. */
export interface LocatedRow {
  id: string;
  /** The page where its first cell starts (usually the title's). */
  page: number;
  /** The page where its title starts. */
  titlePage: number;
  /** Every page from its title to the last word of its explanation. */
  pages: number[];
}

export interface Located {
  pages: number;
  pageSize: [number, number];
  /** True when the catalog marks the PDF tagged (/MarkInfo /Marked true). */
  tagged: boolean;
  /** Per page, the text without white space (for checks and for comparing two PDFs). */
  pageText: string[];
  rows: LocatedRow[];
  notes: Array<{ number: number; page: number }>;
}

/** How to read a producer's text. */
export interface LocateOptions {
  /**
   * The producer hyphenates words at line ends with a visible hyphen (TeX): a printed hyphen may be
   * one the data does not have, so every hyphen is left out of the text compared (the page's and
   * the data's). Every other character must still be there, in order.
   */
  ignoreHyphens?: boolean;
  /**
   * Notes are printed after each action line's table (the notes that table cites), not only after
   * the last row: each note is searched in number order from the first row on, and the last row
   * ends where the first note after its title starts.
   */
  notesBetweenTables?: boolean;
  /**
   * A row's cells are drawn line by line, the lines of its cells interleaved (ConTeXt's tabulate,
   * which splits rows across pages): a title's first line may be shorter than the 16-character key,
   * so a text item that is the start of the title by itself (8 characters or more) also starts it.
   */
  linesInterleaved?: boolean;
}

interface Item {
  page: number;
  /** Offset of the item's text in the document's squeezed text. */
  at: number;
  text: string;
}

/** The words of `text` found in `doc` in order within [from, to): where the first starts and the last ends, or null. */
function wordsInOrder(doc: string, text: string, from: number, to: number): { start: number; end: number } | null {
  let at = from;
  let start = -1;
  for (const w of text.split(/\s+/).filter((x) => x !== '')) {
    const hit = doc.indexOf(w, at);
    if (hit < 0 || hit + w.length > to) return null;
    if (start < 0) start = hit;
    at = hit + w.length;
  }
  return start < 0 ? null : { start, end: at };
}

/** Reads a PDF's text items (pdfjs-dist) and locates the annex's rows and notes in it; throws when anything is not where it must be. */
export async function locateAnnex(bytes: Uint8Array, annex: AnnexData, options: LocateOptions = {}): Promise<Located> {
  const squeeze = options.ignoreHyphens ? (s: string): string => s.replace(/[\s-]+/g, '') : (s: string): string => s.replace(/\s+/g, '');
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const items: Item[] = [];
  const pageText: string[] = [];
  let text = '';
  const first = await doc.getPage(1);
  const [x0, y0, x1, y1] = first.view as [number, number, number, number];
  for (let p = 1; p <= doc.numPages; p++) {
    const tc = await (await doc.getPage(p)).getTextContent();
    let page = '';
    for (const it of tc.items) {
      if (!('str' in it)) continue;
      const sq = squeeze(it.str);
      if (sq === '') continue;
      items.push({ page: p, at: text.length, text: sq });
      text += sq;
      page += sq;
    }
    pageText.push(page);
  }
  const marked = ((await doc.getMarkInfo()) as { Marked?: boolean } | null)?.Marked === true;
  const pages = doc.numPages;
  await doc.destroy();
  const pageAt = (offset: number): number => {
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (items[mid]!.at <= offset) lo = mid;
      else hi = mid - 1;
    }
    return items[lo]!.page;
  };

  // Titles: each starts a text item (its cell's first line), after the previous title.
  const starts: number[] = [];
  let item = 0;
  for (const a of annex.activities) {
    const whole = squeeze(a.title);
    const prefix = whole.slice(0, 16);
    const startsTitle = (it: Item): boolean => text.startsWith(prefix, it.at) || (options.linesInterleaved === true && it.text.length >= 8 && whole.startsWith(it.text));
    while (item < items.length && !startsTitle(items[item]!)) item++;
    if (item >= items.length) throw new Error(`${a.id}: title "${a.title}" not found at the start of a text item after the previous row`);
    starts.push(items[item]!.at);
    item++;
  }
  // Notes: in number order after the last row's title (or, between tables, after the first row's).
  let from = options.notesBetweenTables ? starts[0]! : starts.at(-1)!;
  const noteHits: number[] = [];
  const notes = annex.footnotes.map((f) => {
    const key = squeeze(f.text).slice(0, 24);
    const hit = text.indexOf(key, from);
    if (hit < 0) throw new Error(`note ${f.number}: "${f.text.slice(0, 40)}…" not found after the table`);
    from = hit + key.length;
    noteHits.push(hit);
    return { number: f.number, page: pageAt(hit) };
  });
  const notesStart = options.notesBetweenTables
    ? (noteHits.find((h) => h > starts.at(-1)!) ?? text.length)
    : text.indexOf(squeeze(annex.footnotes[0]!.text).slice(0, 24), starts.at(-1)!);

  // A row starts where the first of its cells starts: a browser may carry the title cell (orphan
  // and widow control) to the next page while Wanneer, Wie and the explanation begin at the foot of
  // this one. Cells are searched from where the previous row's explanation ended.
  let previousEnd = 0;
  const rows = annex.activities.map((a, i) => {
    const title = starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : notesStart;
    const found: number[] = [title];
    const titleHit = wordsInOrder(text, a.title.replace(/-/g, ' '), title, end);
    if (!titleHit) throw new Error(`${a.id}: title "${a.title}" not printed whole`);
    // Where each cell ends: a title (or Wanneer, Wie) may run on to the next page after the explanation has ended.
    const ends: number[] = [titleHit.end];
    for (const [what, value] of [['Wanneer', a.planning], ['Wie', a.owners]] as const) {
      const hit = wordsInOrder(text, value.replace(/-/g, ' '), previousEnd, end);
      if (!hit) throw new Error(`${a.id}: ${what} "${value}" not printed in its row`);
      found.push(hit.start);
      ends.push(hit.end);
    }
    // The explanation's words in order (markers are separate items or glued digits: words only),
    // from its first three words, a phrase no furniture has.
    const words = plainBlocks(a.blocks)
      .flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.items))
      .join(' ')
      .replace(/-/g, ' ');
    const head = words.split(/\s+/).slice(0, 3).join('');
    const headAt = text.indexOf(head, previousEnd);
    if (headAt < 0 || headAt >= end) throw new Error(`${a.id}: the explanation's first words "${head}" not found in its row`);
    const hit = wordsInOrder(text, words, headAt, end);
    if (!hit) throw new Error(`${a.id}: the explanation's words are not all printed in order in its row`);
    found.push(headAt);
    previousEnd = hit.end;
    const page = pageAt(Math.min(...found));
    const endPage = pageAt(Math.max(hit.end, ...ends) - 1);
    return { id: a.id, page, titlePage: pageAt(title), pages: Array.from({ length: endPage - page + 1 }, (_, k) => page + k) };
  });
  return { pages, pageSize: [Math.round((x1 - x0) * 100) / 100, Math.round((y1 - y0) * 100) / 100], tagged: marked, pageText, rows, notes };
}
