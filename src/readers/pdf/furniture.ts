/**
 * Page furniture found by repetition across the document: running headers and footers and page
 * numbers. A line is furniture when it sits in the page's top or bottom zone (no line of content
 * above it, or none below it) and recurs at the same place on many pages (its digits folded, so
 * `Pagina 3` and `Pagina 4` are one line); in a document too short for repetition to tell, a line
 * there that reads as a page number is one. Furniture is never
 * data: the layout hands it over as loose text of kind `running` or `page-number`, which assembly
 * drops. The annex's own repeated rows (legend, table header, `Actielijn N`) are not furniture
 * here: the legend and the table model read them.
 *
 * Linear in the lines of the document (one map of line keys, one sort per key).
 */
import { foldText } from '../../model/plain-text.js';
import { isFirstHeaderCell, isHeaderText, isLegendLabel, isLegendLabelStart, actionLineNumberOf } from '../../model/vocabulary.js';
import { PAGE_NUMBER } from './layout-lines.js';
import type { PageContent } from './page-content.js';
import { LAYOUT } from './settings.js';
import { type Line, joinChunks } from './text.js';
import { stripSymbolChars } from './symbols.js';

/** What a furniture line is: a page number, or another running header or footer. */
export type FurnitureKind = 'page-number' | 'running';

/** The furniture lines of each page (by page number), with their kind. */
export type Furniture = Map<number, Map<Line, FurnitureKind>>;

/**
 * Finds the furniture of every page. A line recurs when the same text has a baseline within
 * LAYOUT.furnitureBaselineTolerance on at least max(LAYOUT.furnitureMinPages,
 * LAYOUT.furnitureMinShare × pages) pages, or on LAYOUT.furnitureMinPages pages standing apart
 * from the page's other lines on each (mirrored layouts print a header or footer on left-hand or
 * right-hand pages only; a stamp or a section's own header on some pages); or when the same text
 * but its numbers does, one of which grows from page to page (a page counter: `Pagina 3`,
 * `Pagina 4`, `xiv`, a total such as `van 17` may stay) and the others never fall (a section
 * number) — a table row whose numbers go up and down is not furniture; and then a line at the same
 * place that prints the same first or last piece (sameFurnitureElsewhere). A table's continuation
 * note is furniture too (continuationNotes).
 */
export function findFurniture(pages: readonly PageContent[]): Furniture {
  const needed = neededPages(pages.length);
  // Each line's key once: recurringLines, sameFurnitureElsewhere and continuationNotes all ask it.
  const keyOf = rememberedKeys();
  const recurring = recurringLines(pages, keyOf);
  // Too few pages for repetition to tell: a page number is still recognised by its form.
  const tooFewPages = pages.length < needed;
  const out: Furniture = new Map();
  const onlyFurniture: { page: number; found: Map<Line, FurnitureKind> }[] = [];
  const floating = floatingPageNumbers(pages);
  for (const page of pages) {
    const kindOf = (l: Line): FurnitureKind | null =>
      recurring.get(l) ?? (tooFewPages && PAGE_NUMBER.test(joinChunks(l.chunks).trim()) ? 'page-number' : null);
    const found = new Map<Line, FurnitureKind>();
    // Top zone, then bottom zone: furniture runs from the page edge to the first line of content.
    for (const order of [page.lines, [...page.lines].reverse()]) {
      for (const l of order) {
        if (found.has(l)) continue;
        const kind = kindOf(l);
        if (kind === null) break;
        found.set(l, kind);
      }
    }
    for (const l of page.lines) if (floating.has(l)) found.set(l, 'page-number');
    if (found.size > 0 && found.size < page.lines.length) out.set(page.number, found);
    else if (found.size > 0) onlyFurniture.push({ page: page.number, found });
  }
  // Furniture frames content: a page with nothing else (Word's paragraph after a table pushed onto
  // a page of its own, printing only its running header) is furniture where the same lines frame
  // content on other pages; in a document where they frame nothing, the lines are kept as they are.
  if (out.size > 0) for (const { page, found } of onlyFurniture) out.set(page, found);
  for (const [page, line] of continuationNotes(pages, out, keyOf)) {
    const found = out.get(page) ?? new Map<Line, FurnitureKind>();
    found.set(line, 'running');
    out.set(page, found);
  }
  return out;
}

/** A page number in a form no cell text takes: with dashes or a word around it (`- 7 -`, `Pagina 7`, `7 van 20`), not a bare number. */
const DECORATED_PAGE_NUMBER = /\D/u;

/**
 * Page numbers printed where the page's text ends rather than at one height (centred under the
 * table, above a footer: adversarial review 6's f4b, whose number also misses on some pages): a
 * line that reads alone as a page number in a decorated form (DECORATED_PAGE_NUMBER), whose number
 * is its page's number plus the offset that most such lines share, on at least
 * LAYOUT.furnitureMinPages pages. Linear in the lines of the document.
 */
function floatingPageNumbers(pages: readonly PageContent[]): Set<Line> {
  const byOffset = new Map<number, Line[]>();
  for (const page of pages) {
    for (const l of page.lines) {
      if (l.chunks.length > 2) continue;
      const text = joinChunks(l.chunks).trim();
      if (!PAGE_NUMBER.test(text) || !DECORATED_PAGE_NUMBER.test(text)) continue;
      const offset = Number(text.match(DIGITS)![0]) - page.number;
      const lines = byOffset.get(offset);
      if (lines) lines.push(l);
      else byOffset.set(offset, [l]);
    }
  }
  let best: Line[] = [];
  for (const lines of byOffset.values()) if (lines.length > best.length) best = lines;
  return new Set(best.length >= LAYOUT.furnitureMinPages ? best : []);
}

/**
 * A table's continuation note (`vervolg op volgende pagina`, `wordt vervolgd`): a line that is the
 * last of its page's content (below it only furniture, above it other content) wherever it is printed, on at least
 * LAYOUT.furnitureMinPages pages, with the same text (numbers too: `Slot 1`, `Slot 2` are two texts), the same size and the same
 * left or right edge (within LAYOUT.furnitureFlowSizeShare and LAYOUT.furnitureFlowLeftEm), and
 * printed nowhere else, and not set as the text above it a line below it on half its pages or more
 * (a note's closing sentence, continuesText). It ends each page a table continues from, so its height follows the table
 * (hold-out 5: LaTeX's longtable foot, right-aligned under the Toelichting column). Linear in the
 * lines of the document.
 */
function continuationNotes(pages: readonly PageContent[], furniture: Furniture, keyOf: KeyOf): [number, Line][] {
  const feet = new Map<string, { page: number; line: Line; inFlow: boolean }[]>();
  const footLines = new Set<Line>();
  for (const page of pages) {
    const found = furniture.get(page.number);
    const content = page.lines.filter((l) => !found?.has(l));
    // A note ends content above it: a page holding that one line is not a page a table continues from.
    const foot = content.length > 1 ? content[content.length - 1] : undefined;
    const key = foot === undefined ? null : keyOf(foot);
    if (foot === undefined || key === null) continue;
    footLines.add(foot);
    // The last line of the text above it (a note's closing sentence, a row's closing paragraph, set
    // as that text is, up to a paragraph gap below it) is text.
    const above = content[content.length - 2]!;
    const inFlow = foot.baseline - above.baseline <= LAYOUT.continuationApartEm * foot.size && sameColumnOfText(foot, above);
    const list = feet.get(key);
    if (list) list.push({ page: page.number, line: foot, inFlow });
    else feet.set(key, [{ page: page.number, line: foot, inFlow }]);
  }
  const elsewhere = new Set<string>();
  for (const page of pages) {
    for (const l of page.lines) {
      const key = footLines.has(l) ? null : keyOf(l);
      if (key !== null && feet.has(key)) elsewhere.add(key);
    }
  }
  const out: [number, Line][] = [];
  for (const [key, list] of feet) {
    if (list.length < LAYOUT.furnitureMinPages || elsewhere.has(key) || list.filter((e) => e.inFlow).length * 2 >= list.length) continue;
    const first = list[0]!.line;
    const near = (a: number, b: number): boolean => Math.abs(a - b) <= LAYOUT.furnitureFlowLeftEm * first.size;
    const alike = list.every(({ line }) => Math.abs(line.size - first.size) <= LAYOUT.furnitureFlowSizeShare * first.size);
    const aligned = list.every(({ line }) => near(line.x0, first.x0)) || list.every(({ line }) => near(line.x1, first.x1));
    if (alike && aligned) for (const { page, line } of list) out.push([page, line]);
  }
  return out;
}

/**
 * A line of some page: its text as furnitureKey gives it, the page number it reads as alone
 * (readPageNumber, or null), and its distance from the page's text (distancesApart, points).
 */
interface Entry {
  page: number;
  line: Line;
  text: string;
  pageNumber: PageNumber | null;
  apart: number;
  /** The lines of the nearest band toward the page's middle (distancesApart). */
  toward: readonly Line[];
}

/** Pages on which a line must recur, in a document of `pages` pages. */
function neededPages(pages: number): number {
  return Math.max(LAYOUT.furnitureMinPages, Math.ceil(LAYOUT.furnitureMinShare * pages));
}

/**
 * The parts of a cluster that print the same text, numbers and all, and recur often enough on
 * their own (recursOften): a running header that names the section it is in (`Bijlage 1 |
 * Voortgang activiteiten NAP` … `Actielijn 3`, hold-out 7) reads one text on all pages of a
 * section, and its numbers go up without one that counts pages, so the cluster as a whole is no
 * furniture (isSameOrCounted). The pages of short sections follow from the long ones
 * (sameFurnitureElsewhere).
 */
function sameTextClusters(cluster: readonly Entry[], pageCount: number): Entry[][] {
  const byText = new Map<string, Entry[]>();
  for (const e of cluster) {
    const list = byText.get(e.text);
    if (list) list.push(e);
    else byText.set(e.text, [e]);
  }
  return byText.size > 1 ? [...byText.values()].filter((c) => recursOften(c, pageCount)) : [];
}

/**
 * True when a cluster's pages are enough: neededPages of the document, or LAYOUT.furnitureMinPages
 * when the line stands apart on each of them.
 */
function recursOften(cluster: readonly Entry[], pageCount: number): boolean {
  const onPages = new Set(cluster.map((e) => e.page));
  if (onPages.size >= neededPages(pageCount)) return true;
  // Fewer pages (a header on left-hand pages only, or on some pages: a section's own header, a
  // stamp) need the line set apart as a header or footer is: at least LAYOUT.furnitureApartEm from
  // every other line of its page (the tail line of a note that happens to end at the same height on
  // several pages is not).
  return onPages.size >= LAYOUT.furnitureMinPages && cluster.every((e) => e.apart >= LAYOUT.furnitureApartEm * e.line.size);
}

/** The lines that recur at the same baseline on enough pages (see findFurniture), with their kind. */
function recurringLines(pages: readonly PageContent[], keyOf: KeyOf): Map<Line, FurnitureKind> {
  const byKey = new Map<string, Entry[]>();
  for (const page of pages) {
    const apart = distancesApart(page.lines, pageMiddle(page));
    for (const line of page.lines) {
      const text = keyOf(line);
      if (text === null) continue;
      // Page numbers are one key per kind of numeral (`7`, `- 7 -`, `Pagina 7`; `vii`): front matter
      // numbered i, ii, iii before 1, 2, 3 counts up in each; other text folds its digits.
      const pageNumber = readPageNumber(joinChunks(line.chunks).trim());
      const folded = pageNumber !== null ? `${PAGE_NUMBER_KEY}${pageNumber.numeral}` : text.replace(DIGITS, '#');
      const list = byKey.get(folded);
      const near = apart.get(line);
      const entry: Entry = { page: page.number, line, text, pageNumber, apart: near?.distance ?? Infinity, toward: near?.toward ?? [] };
      if (list) list.push(entry);
      else byKey.set(folded, [entry]);
    }
  }
  const clusters: Entry[][] = [];
  for (const list of byKey.values()) {
    if (list.length < LAYOUT.furnitureMinPages) continue;
    list.sort((a, b) => a.line.baseline - b.line.baseline);
    // Clusters of baselines within the tolerance of the cluster's first.
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      if (i < list.length && list[i]!.line.baseline - list[start]!.line.baseline <= LAYOUT.furnitureBaselineTolerance) continue;
      const cluster = list.slice(start, i);
      if (recursOften(cluster, pages.length) && isSameOrCounted(cluster)) clusters.push(cluster);
      else clusters.push(...sameTextClusters(cluster, pages.length));
      start = i;
    }
  }
  const recurring = new Set(clusters.flatMap((c) => c.map((e) => e.line)));
  const out = new Map<Line, FurnitureKind>();
  const furniture = clusters.filter((cluster) => !continuesText(cluster, recurring));
  for (const cluster of furniture) {
    for (const e of cluster) out.set(e.line, e.pageNumber !== null ? 'page-number' : 'running');
  }
  for (const [line, kind] of sameFurnitureElsewhere(pages, furniture, keyOf)) if (!out.has(line)) out.set(line, kind);
  return out;
}

/**
 * True when a recurring line is the last line of the text next to it rather than furniture: on at
 * least half its pages it follows that text at a line's distance (LAYOUT.furnitureFlowEm), set as
 * that text is (sameColumnOfText), and that text is no recurring line itself (the second line of
 * a two-line footer follows the first). Word
 * sets footnotes at the foot of the text area, so a sentence ending every note (`Geraadpleegd via
 * …`) recurs at one height on most pages; a footer sits apart from the text, in the margin.
 */
function continuesText(cluster: readonly Entry[], recurring: ReadonlySet<Line>): boolean {
  const inFlow = cluster.filter((e) => e.apart <= LAYOUT.furnitureFlowEm * e.line.size && e.toward.every((l) => !recurring.has(l)) && e.toward.some((l) => sameColumnOfText(e.line, l)));
  return inFlow.length * 2 >= cluster.length;
}

/**
 * True when line `a` is set as the text of line `b` is: the same size (within
 * LAYOUT.furnitureFlowSizeShare) and the same left edge (within LAYOUT.furnitureFlowLeftEm). A
 * footer set close to the text is right-aligned, centred or in another size (the adversarial
 * review's fc1–fc4 and h2); a note's last line starts where the note's text does.
 */
function sameColumnOfText(a: Line, b: Line): boolean {
  return Math.abs(a.size - b.size) <= LAYOUT.furnitureFlowSizeShare * b.size && Math.abs(a.x0 - b.x0) <= LAYOUT.furnitureFlowLeftEm * b.size;
}

/**
 * Each line's distance (points, between baselines) from the text of its page, and the lines it is measured to: to the nearest line
 * at another height on the side of the page's middle (below a line in the top half, above one in
 * the bottom half), so that the lines of a two-line footer each count from the text above them.
 * Lines within LAYOUT.furnitureBaselineTolerance, such as a footer's text and its page number, are
 * one band. n log n.
 */
function distancesApart(lines: readonly Line[], pageMiddle: number): Map<Line, { distance: number; toward: readonly Line[] }> {
  const sorted = [...lines].sort((a, b) => a.baseline - b.baseline);
  const tol = LAYOUT.furnitureBaselineTolerance;
  const bands: { baseline: number; lines: Line[] }[] = [];
  for (const l of sorted) {
    const last = bands[bands.length - 1];
    if (last && l.baseline - last.baseline <= tol) last.lines.push(l);
    else bands.push({ baseline: l.baseline, lines: [l] });
  }
  const out = new Map<Line, { distance: number; toward: readonly Line[] }>();
  bands.forEach((band, i) => {
    // Page space runs downwards (y grows towards the foot): the top half looks at the band below.
    const towardText = band.baseline < pageMiddle ? bands[i + 1] : bands[i - 1];
    const distance = towardText === undefined ? Infinity : Math.abs(towardText.baseline - band.baseline);
    for (const l of band.lines) out.set(l, { distance, toward: towardText?.lines ?? [] });
  });
  return out;
}

/** The height of a page's middle (points), from the extent of its lines: the page size is not in the page content. */
function pageMiddle(page: PageContent): number {
  let top = Infinity;
  let bottom = -Infinity;
  for (const l of page.lines) {
    top = Math.min(top, l.y0);
    bottom = Math.max(bottom, l.y1);
  }
  return (top + bottom) / 2;
}

const DIGITS = /\p{Nd}+/gu;
/** The key of every line that reads as a page number alone. */
const PAGE_NUMBER_KEY = '\u0000page-number';
/** A page number in Roman numerals, as front matter and some annexes print it: `xiv`, `- IV -`, `Pagina ix`. */
const ROMAN_PAGE_NUMBER = /^(?:[-–]\s*)?(?:(?:pagina|page|blz\.?)\s*)?([ivxlcdm]{1,9})(?:\s*[-–])?$/i;
const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** A page number as printed alone on a line: its value and the kind of numeral it is written in. */
interface PageNumber {
  value: number;
  numeral: 'arabic' | 'roman';
}

/**
 * The page number a line's text reads as alone (PAGE_NUMBER, or Roman numerals written the
 * standard subtractive way, `iv` not `iiii`); null otherwise.
 */
function readPageNumber(text: string): PageNumber | null {
  if (PAGE_NUMBER.test(text)) return { value: Number(text.match(DIGITS)![0]), numeral: 'arabic' };
  const roman = ROMAN_PAGE_NUMBER.exec(text)?.[1]?.toLowerCase();
  if (roman === undefined) return null;
  let value = 0;
  for (let i = 0; i < roman.length; i++) {
    const digit = ROMAN_DIGITS[roman[i]!]!;
    const next = ROMAN_DIGITS[roman[i + 1] ?? ''] ?? 0;
    value += digit < next ? -digit : digit;
  }
  return toRoman(value) === roman ? { value, numeral: 'roman' } : null;
}

/** `value` (1 … 3999) in lower-case Roman numerals. */
function toRoman(value: number): string {
  const steps: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let rest = value;
  for (const [n, s] of steps) for (; rest >= n; rest -= n) out += s;
  return out;
}

/**
 * True when the lines of a cluster (same text once digits are folded, or all page numbers) read
 * the same, or differ in numbers of which one grows with the page number (a page counter) and any
 * other never falls from page to page (the number of the section a running header names:
 * `Actielijn 1 | blz. 3 van 20`, hold-out 6). A table row whose text differs from page to page in
 * numbers that go up and down is not furniture.
 */
function isSameOrCounted(cluster: readonly Entry[]): boolean {
  const numbers = cluster.map((e) => (e.pageNumber !== null ? [e.pageNumber.value] : [...e.text.matchAll(DIGITS)].map((m) => Number(m[0]))));
  const width = numbers[0]!.length;
  const varying: number[] = [];
  for (let g = 0; g < width; g++) if (numbers.some((n) => n[g] !== numbers[0]![g])) varying.push(g);
  if (varying.length === 0) return true;
  const order = cluster.map((e, i) => ({ page: e.page, values: numbers[i]! })).sort((a, b) => a.page - b.page);
  if (order.some((e, i) => i > 0 && e.page === order[i - 1]!.page)) return false;
  const grows = (g: number, strictly: boolean): boolean => order.every((e, i) => i === 0 || (strictly ? e.values[g]! > order[i - 1]!.values[g]! : e.values[g]! >= order[i - 1]!.values[g]!));
  const counters = varying.filter((g) => grows(g, true));
  return counters.length === 1 && varying.every((g) => grows(g, false));
}

/**
 * The lines that stand where a running header or footer of `clusters` stands (baseline within
 * LAYOUT.furnitureBaselineTolerance, the same size within LAYOUT.furnitureFlowSizeShare) on a page
 * it is not read on, and print its first or last piece of text as it does on every page (a running
 * header that names the section: `Bijlage 1 – Voortgang activiteiten NAP … Eindnoten | blz. 20 van
 * 20` after 19 pages of `… Actielijn N | blz. …`, hold-out 6; the first piece alone on a page
 * before any section, hold-out 7). Pieces are a line's chunks.
 */
function sameFurnitureElsewhere(pages: readonly PageContent[], clusters: readonly Entry[][], keyOf: KeyOf): Map<Line, FurnitureKind> {
  const out = new Map<Line, FurnitureKind>();
  for (const cluster of clusters) {
    const first = cluster[0]!.line;
    if (first.chunks.length < 2 || cluster.some((e) => e.pageNumber !== null)) continue;
    const pieceAt = (l: Line, k: 0 | -1): string => foldText(joinChunks([l.chunks.at(k)!]).trim());
    const shared = ([0, -1] as const).filter((k) => cluster.every((e) => pieceAt(e.line, k) === pieceAt(first, k)));
    if (shared.length === 0) continue;
    const onPages = new Set(cluster.map((e) => e.page));
    const baseline = cluster.reduce((sum, e) => sum + e.line.baseline, 0) / cluster.length;
    for (const page of pages) {
      if (onPages.has(page.number)) continue;
      for (const l of page.lines) {
        const placed = Math.abs(l.baseline - baseline) <= LAYOUT.furnitureBaselineTolerance && Math.abs(l.size - first.size) <= LAYOUT.furnitureFlowSizeShare * first.size;
        if (placed && keyOf(l) !== null && shared.some((k) => pieceAt(l, k) === pieceAt(first, k))) out.set(l, 'running');
      }
    }
  }
  return out;
}

/** A line → its furnitureKey. */
type KeyOf = (l: Line) => string | null;

/** furnitureKey, remembered for each line of one document (findFurniture asks it up to three times per line). */
function rememberedKeys(): KeyOf {
  const keys = new Map<Line, string | null>();
  return (l) => {
    let key = keys.get(l);
    if (key === undefined) {
      key = furnitureKey(l);
      keys.set(l, key);
    }
    return key;
  };
}

/**
 * The key under which a line can recur as furniture: its text, spacing collapsed, lower case; null for lines that are the annex's own repeated rows (legend labels,
 * table header, `Actielijn N`), which are read by the legend and the table model.
 */
function furnitureKey(l: Line): string | null {
  const text = joinChunks(l.chunks).replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  const words = l.chunks.map((c) => stripSymbolChars(c.text).trim());
  // An `Actielijn N` row starts with it; a running header may end with the section it is in (hold-out 7).
  if (actionLineNumberOf(words[0]!) !== null || words.some((w) => isLegendLabel(w) || isLegendLabelStart(w) || isFirstHeaderCell(w))) return null;
  if (words.filter((w) => isHeaderText(w)).length >= 2) return null;
  return foldText(text);
}
