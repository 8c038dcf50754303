/**
 * What the PDF reader decides about cells' words once the whole document is laid out: line-end
 * hyphens inside words (the producer's hyphenation or the text's own, line-end-hyphens.ts) and
 * words a narrow column may have broken at its edge (word-breaks.ts), within a page and across a
 * page end, against the words the whole document prints and Dutch spelling (dutch-spelling.ts,
 * loaded only when those words leave a case undecided; NAP035 when it cannot be loaded).
 * Changes the cells of `model` in place. Linear in the document's text.
 */
import { type DiagnosticBag } from '../../diagnostics/bag.js';
import type { BodyRow, ColumnKey, LineEnds, Page, PageModel } from '../../model/page-model.js';
import { HEADER_WORDS, STATUS_LABELS, actionLineNumberOf } from '../../model/vocabulary.js';
import { type SpellsDutch, dutchSpeller } from './dutch-spelling.js';
import { documentHyphenates, hasLineEndHyphens, markPageEndHyphen, pageEndHyphen, printedWords, resolveLineEndHyphens } from './line-end-hyphens.js';
import { decidedByDocument, hasWordBreaks, markPageEndBreak, needsSpelling, pageEndBreakParts, resolveWordBreaks, wordsOutsideBreaks } from './word-breaks.js';

/**
 * What the layout left to the whole document to decide in cells' text: line-end hyphens inside
 * words (resolveDocumentHyphens), then words a narrow column may have broken (resolveDocumentWordBreaks).
 */
export async function resolveDocumentWords(model: PageModel, diagnostics: DiagnosticBag): Promise<void> {
  let loaded: Promise<SpellsDutch> | null = null;
  // Dutch spelling, loaded once and only when asked for; a broken install is NAP035, and words
  // are then decided by the document's own.
  const speller = (): Promise<SpellsDutch> =>
    (loaded ??= dutchSpeller().catch((err: unknown) => {
      diagnostics.report('NAP035', `Dutch spelling could not be loaded (${err instanceof Error ? err.message : String(err)}): words a narrow column broke at its edge, or hyphenated at line ends, were decided by the words the document prints only; check them. Reinstall nap-annex (npm ci).`, {});
      return () => false;
    }));
  await resolveDocumentHyphens(model, speller);
  await resolveDocumentWordBreaks(model, speller);
}

/** Every cell's text of the model, in document order. */
function* cellTexts(model: PageModel): Generator<string> {
  for (const page of model.pages) for (const table of page.tables) for (const row of table.rows) yield* Object.values(row.cells);
}

/**
 * The words the whole document prints, for deciding line-end hyphens and broken words: the
 * annex's own labels and column headers, every cell and every note, split by `split`; the two
 * parts of a word a page end cut (`pageEnds`: the end of the cell before, matched by `cut.end`,
 * and the start of the cell after, `cut.start`) left out, as they are not words the document prints.
 */
function documentWords(
  model: PageModel,
  pageEnds: readonly { before: BodyRow; after: BodyRow; key: ColumnKey }[],
  split: (text: string) => Iterable<string>,
  cut: { end: RegExp; start: RegExp },
): Set<string> {
  const printed = new Set<string>();
  const add = (text: string): void => {
    for (const w of split(text)) printed.add(w);
  };
  for (const [label] of STATUS_LABELS) add(label);
  for (const word of HEADER_WORDS) add(word);
  const parts = new Map<BodyRow, Map<ColumnKey, 'end' | 'start'>>();
  const partAt = (row: BodyRow, key: ColumnKey, part: 'end' | 'start'): void => {
    parts.set(row, (parts.get(row) ?? new Map<ColumnKey, 'end' | 'start'>()).set(key, part));
  };
  for (const { before, after, key } of pageEnds) {
    partAt(before, key, 'end');
    partAt(after, key, 'start');
  }
  for (const page of model.pages) {
    for (const table of page.tables) {
      for (const row of table.rows) {
        for (const [key, cell] of Object.entries(row.cells) as [ColumnKey, string][]) {
          const part = parts.get(row)?.get(key);
          add(part === undefined ? cell : cell.replace(part === 'end' ? cut.end : cut.start, ''));
        }
      }
    }
  }
  for (const page of model.pages) for (const f of page.footnotes) add(f.text);
  return printed;
}

/**
 * Resolves the line-end hyphens inside words the layout marked in cells (line-end-hyphens.ts):
 * dropped where the document shows they are its producer's hyphenation, kept otherwise. Against
 * the words the whole document prints (cells, notes, the annex's own labels); Dutch spelling is
 * loaded only when the document hyphenates and a marked word is printed nowhere else. Runs before
 * resolveDocumentWordBreaks, which then sees the text as it is where no hyphen was marked.
 */
async function resolveDocumentHyphens(model: PageModel, speller: () => Promise<SpellsDutch>): Promise<void> {
  const pageEnds = pageEndHyphens(model);
  if (pageEnds.length === 0 && !hasLineEndHyphens(cellTexts(model))) return;
  const printed = documentWords(model, pageEnds, printedWords, { end: /[\p{L}\p{N}-]+$/u, start: /^\s*[\p{L}\p{N}]+/u });
  const hyphenates = documentHyphenates([...cellTexts(model), ...pageEnds.map((p) => p.marked)], printed);
  let spellsDutch: ((word: string) => boolean) | null = null;
  if (hyphenates) spellsDutch = await speller();
  const words = { printed, hyphenates, spellsDutch: (w: string): boolean => spellsDutch !== null && spellsDutch(w) };
  for (const { before, after, key } of pageEnds) before.cells[key] = markPageEndHyphen(before.cells[key]!, after.cells[key]!, words);
  for (const page of model.pages) {
    for (const table of page.tables) {
      for (const row of table.rows) {
        for (const [key, cell] of Object.entries(row.cells) as [ColumnKey, string][]) row.cells[key] = resolveLineEndHyphens(cell, words);
        if (row.statusCue.kind === 'text') row.statusCue = { kind: 'text', text: resolveLineEndHyphens(row.statusCue.text, words) };
      }
    }
  }
}

/**
 * Cells a page end may have cut at a hyphen inside a word: the last row of a page whose cell ends
 * in a hyphen glued to a letter, and the first row of the next page when it continues that row
 * (continuationAtTop) with the same cell starting in a letter, as line-end-hyphens.ts pageEndHyphen
 * gives them (`marked`). The Activiteit cell is left to assembly's carried-title rule.
 */
function pageEndHyphens(model: PageModel): { before: BodyRow; after: BodyRow; key: ColumnKey; marked: string }[] {
  const out: { before: BodyRow; after: BodyRow; key: ColumnKey; marked: string }[] = [];
  for (const { before, after } of rowsBrokenByPageEnds(model)) {
    for (const [key, cell] of Object.entries(before.cells) as [ColumnKey, string][]) {
      const marked = key === 'title' ? null : pageEndHyphen(cell, after.cells[key] ?? '');
      if (marked !== null) out.push({ before, after, key, marked });
    }
  }
  return out;
}

/**
 * Cells a page end may have cut inside a word: the last row of a page whose cell's last line
 * fills the column with one long word (LineEnds.brokenWord), and the first row of the next page
 * when it continues that row (no Activiteit text) with the same cell starting in a lower-case
 * letter. The Activiteit cell itself is left to assembly's carried-title rule.
 */
function pageEndBreaks(model: PageModel): { before: BodyRow; after: BodyRow; key: ColumnKey }[] {
  const out: { before: BodyRow; after: BodyRow; key: ColumnKey }[] = [];
  for (const { before, after } of rowsBrokenByPageEnds(model)) {
    for (const [key, ends] of Object.entries(before.lineEnds ?? {}) as [ColumnKey, LineEnds][]) {
      if (key !== 'title' && ends.brokenWord === true && before.cells[key] !== undefined && /^\p{Ll}/u.test((after.cells[key] ?? '').trim())) out.push({ before, after, key });
    }
  }
  return out;
}

/**
 * Each page's last row with the first row of the next page when that row continues it
 * (continuationAtTop): the rows a page end may have broken, in document order.
 */
function* rowsBrokenByPageEnds(model: PageModel): Generator<{ before: BodyRow; after: BodyRow }> {
  for (let i = 0; i + 1 < model.pages.length; i++) {
    const before = model.pages[i]!.tables.at(-1)?.rows.at(-1);
    const after = continuationAtTop(model.pages[i + 1]!);
    if (before !== undefined && after !== undefined) yield { before, after };
  }
}

/**
 * The first row of a page when it continues a row of the page before: no Activiteit text, after
 * any repeated `Actielijn N` row and the goal row under it (a page that repeats them as header
 * rows, word-generated/three-headers-a5-arial); undefined when the page starts with a row of its own.
 */
function continuationAtTop(page: Page): BodyRow | undefined {
  const rows = page.tables[0]?.rows ?? [];
  for (let i = 0; i < rows.length; i++) {
    const title = (rows[i]!.cells.title ?? '').trim();
    if (title === '') return rows[i];
    if (actionLineNumberOf(title) === null) return undefined;
    // The goal row under a repeated Actielijn row.
    if ((rows[i + 1]?.cells.title ?? '').trim() !== '') i++;
  }
  return undefined;
}

/**
 * Resolves the possible mid-word breaks the layout marked in cells (word-breaks.ts) against the
 * words the whole document prints and Dutch spelling (loaded only when a cell holds a mark).
 */
async function resolveDocumentWordBreaks(model: PageModel, speller: () => Promise<SpellsDutch>): Promise<void> {
  const pageEnds = pageEndBreaks(model);
  if (pageEnds.length === 0 && !hasWordBreaks(cellTexts(model))) return;
  const printed = documentWords(model, pageEnds, wordsOutsideBreaks, { end: /\p{L}+$/u, start: /^\s*\p{L}+/u });
  // Dutch spelling is loaded only where the words the document prints leave a mark undecided.
  const undecidedAtPageEnd = pageEnds.some(({ before, after, key }) => {
    const parts = pageEndBreakParts(before.cells[key]!, after.cells[key]!);
    return parts !== null && decidedByDocument(parts.a, parts.b, printed) === null;
  });
  const spellsDutch = undecidedAtPageEnd || needsSpelling(cellTexts(model), printed) ? await speller() : (): boolean => false;
  const words = { printed, spellsDutch };
  for (const { before, after, key } of pageEnds) before.cells[key] = markPageEndBreak(before.cells[key]!, after.cells[key]!, words);
  for (const page of model.pages) {
    for (const table of page.tables) {
      for (const row of table.rows) {
        for (const [key, cell] of Object.entries(row.cells) as [ColumnKey, string][]) row.cells[key] = resolveWordBreaks(cell, words);
        // A status printed in words was read from the same lines as its cell.
        if (row.statusCue.kind === 'text') row.statusCue = { kind: 'text', text: resolveWordBreaks(row.statusCue.text, words) };
      }
    }
  }
}
