/**
 * Note numbering that restarts on each page (Word: Footnotes → Numbering "Restart each page";
 * LibreOffice: "per page"). Every page then prints its own notes from 1 (or, as LibreOffice does
 * after a reflow, from any number), and a marker refers to the note with its label **on its own
 * page**. The annex's data keys notes by one document-wide number, so such a document's notes are
 * numbered 1 … N in document order (page by page, top to bottom), each keeping the label it was
 * printed with (`label`), and every marker is rewritten to the number of the note its page gives
 * its label — before assembly joins a row's parts across pages, while each part still knows its page.
 *
 * When: some note label is defined on two or more pages and cited on each of them, and no page
 * defines a label twice (then the labels of each page are unambiguous): restartingLabels. A
 * document numbered through (1 … 25) never defines a label twice, so its page model is returned
 * unchanged; a page with two notes of one label keeps today's reading (NAP203, the first kept), as
 * there is no telling which one a marker meant; so does a number defined again on a page that
 * does not cite it (a number typed twice).
 *
 * A note that found no room on its marker's page is printed at the top of the next page's notes,
 * with its marker's label (LibreOffice): a marker whose page has no note with its label cites the
 * next page's note with that label when no marker of that page cites it. A marker with neither is
 * NAP201 with the page and the marker's box, and is removed from the text (it cites no note: a
 * number would name another page's note).
 */
import { type DiagnosticBag } from '../diagnostics/bag.js';
import { locationOf } from '../model/diagnostics.js';
import type { BBox, BodyRow, FootnoteDefinition, Page, PageModel, RowCells } from '../model/page-model.js';
import { clip } from '../model/plain-text.js';
import { fromSuperscript, toSuperscript } from '../model/superscript.js';
import { COLUMNS, type ColumnKey } from '../model/vocabulary.js';
import { MARKER_WITH_SPACE, isFootnoteNumber, isUnitExponent } from './footnotes.js';

/** The printed column name of a cell key, for messages. */
const COLUMN_NAME: Partial<Record<ColumnKey, string>> = { title: COLUMNS[0], status: COLUMNS[1], planning: COLUMNS[2], owners: COLUMNS[3], explanation: COLUMNS[4] };

/**
 * The pages on which each note label is defined, when the document numbers its notes per page;
 * otherwise null. Per page means: no page defines a label twice (each page's labels are then
 * unambiguous), and some label is defined on two or more pages and cited by a marker on each of
 * them. A document numbered through never defines a label twice; a number typed twice by mistake
 * (defined again on a page that does not cite it) stays NAP203, as before.
 */
export function restartingLabels(pages: readonly Page[]): Map<number, number[]> | null {
  const pagesOf = new Map<number, number[]>();
  const citedOn = new Map<number, Set<number>>();
  for (const page of pages) {
    const seen = new Set<number>();
    for (const f of page.footnotes) {
      if (!isFootnoteNumber(f.number)) continue;
      if (seen.has(f.number)) return null;
      seen.add(f.number);
      const list = pagesOf.get(f.number) ?? [];
      list.push(page.number);
      pagesOf.set(f.number, list);
    }
    citedOn.set(page.number, markerLabels(page));
  }
  for (const [label, on] of pagesOf) if (on.length > 1 && on.every((p) => citedOn.get(p)!.has(label))) return pagesOf;
  return null;
}

/** The labels of the footnote markers in a page's table cells. */
function markerLabels(page: Page): Set<number> {
  const labels = new Set<number>();
  for (const t of page.tables) for (const r of t.rows) for (const text of Object.values(r.cells)) {
    renumberText(text, (label) => {
      labels.add(label);
      return label;
    });
  }
  return labels;
}

/**
 * The page model with notes numbered per page resolved (see the module doc); the same object
 * when the document numbers its notes through. Reports NAP206 (info, once: numbering restarts,
 * how the notes were numbered) and NAP201 for a marker whose page has no note with its label.
 */
export function resolvePageNumbering(model: PageModel, diagnostics: DiagnosticBag): PageModel {
  const labels = restartingLabels(model.pages);
  if (labels === null) return model;
  let next = 1;
  const numbered = model.pages.map((page) => {
    const byLabel = new Map<number, number>();
    const footnotes = page.footnotes.map((f): FootnoteDefinition => {
      // A label that is no footnote number stays as it is: attachFootnotes reports it (NAP204).
      if (!isFootnoteNumber(f.number)) return f;
      const number = next++;
      byLabel.set(f.number, number);
      return { ...f, number, label: f.label ?? String(f.number) };
    });
    return { byLabel, footnotes };
  });
  const resolvers = model.pages.map((page, i) => noteOnPage(page, numbered[i]!.byLabel, model.pages[i + 1], numbered[i + 1]?.byLabel));
  const pages = model.pages.map((page, i): Page => {
    const tables = page.tables.map((t) => ({ ...t, rows: t.rows.map((r) => renumberRow(r, page.number, resolvers[i]!, diagnostics)) }));
    return { ...page, footnotes: numbered[i]!.footnotes, tables };
  });
  const total = next - 1;
  const repeated = [...labels.entries()].filter(([, on]) => on.length > 1).sort((a, b) => a[0] - b[0]);
  const [label, on] = repeated[0]!;
  diagnostics.report(
    'NAP206',
    `Footnote numbering restarts on each page (note ${label} is printed on pages ${on.slice(0, 6).join(', ')}${on.length > 6 ? ' …' : ''}): each marker is read with the notes of its own page, and the ${total} notes are numbered 1 to ${total} in document order, each keeping the label it was printed with ("label").`,
    { page: on[0]! },
    { actual: repeated.map(([l]) => l), note: 'actual: note labels printed on more than one page' },
  );
  return { ...model, pages };
}

/** How a page's markers find their notes: the labels its own notes have, and what it prints (for messages). */
interface NoteResolver {
  /** The document number of the note a marker with `label` cites, or undefined. */
  numberOf(label: number): number | undefined;
  /** The labels of the page's own notes, ascending. */
  printed: number[];
  /** The next page's number, when a note carried there could be cited. */
  nextPage: number | null;
}

/**
 * The notes a marker on `page` may cite: the page's own by label (`byLabel`), and else one carried
 * to the top of the next page's notes when the page had no room left — LibreOffice keeps its
 * marker's label, so it is a note of the next page with that label that no marker of the next page
 * cites.
 */
function noteOnPage(page: Page, byLabel: ReadonlyMap<number, number>, nextPage: Page | undefined, nextByLabel: ReadonlyMap<number, number> | undefined): NoteResolver {
  const printed = [...byLabel.keys()].sort((a, b) => a - b);
  const adjacent = nextPage !== undefined && nextByLabel !== undefined && nextPage.number === page.number + 1;
  const citedThere = adjacent ? markerLabels(nextPage) : new Set<number>();
  return {
    numberOf: (label) => byLabel.get(label) ?? (adjacent && !citedThere.has(label) ? nextByLabel.get(label) : undefined),
    printed,
    nextPage: adjacent ? nextPage.number : null,
  };
}

/** A row with each marker rewritten to the document number its page (or a note carried to the next page) gives its label; NAP201 for a label neither has. */
function renumberRow(row: BodyRow, page: number, notes: NoteResolver, diagnostics: DiagnosticBag): BodyRow {
  const cells: RowCells = {};
  for (const [key, text] of Object.entries(row.cells) as [ColumnKey, string][]) {
    cells[key] = renumberText(text, (label) => {
      const number = notes.numberOf(label);
      if (number === undefined) reportUnresolved(row, key, label, page, notes, diagnostics);
      return number;
    });
  }
  const unplaced = row.unplaced?.map((text) => renumberText(text, (label) => notes.numberOf(label)));
  return { ...row, cells, ...(unplaced !== undefined ? { unplaced } : {}) };
}

/**
 * `text` with each footnote marker (a superscript run that is a footnote number and no unit
 * exponent, as stripMarkers reads it) rewritten to `numberOf(label)` as superscript digits, or
 * removed with the white space before it where `numberOf` gives undefined.
 */
export function renumberText(text: string, numberOf: (label: number) => number | undefined): string {
  return text.replace(MARKER_WITH_SPACE, (m, digits: string, offset: number) => {
    if (m === digits && isUnitExponent(text, offset, digits)) return m;
    const label = fromSuperscript(digits);
    if (!isFootnoteNumber(label)) return m;
    const number = numberOf(label);
    return number === undefined ? '' : m.slice(0, m.length - digits.length) + toSuperscript(number);
  });
}

function reportUnresolved(row: BodyRow, key: ColumnKey, label: number, page: number, notes: NoteResolver, diagnostics: DiagnosticBag): void {
  const box: BBox | undefined = row.markers?.find((m) => fromSuperscript(m.text) === label)?.bbox;
  const printed = notes.printed;
  const carried = notes.nextPage !== null ? `, and page ${notes.nextPage} prints no note ${label} that its own markers do not cite` : '';
  diagnostics.report(
    'NAP201',
    `Footnote marker ${label} in the ${COLUMN_NAME[key] ?? key} cell of the row "${clip(row.cells.title ?? '')}" on page ${page} cites no note: the document numbers its notes per page, page ${page} prints ${printed.length === 0 ? 'no notes' : `notes ${printed.join(', ')}`}${carried}. The marker is left out; add note ${label} at the bottom of page ${page}, or correct the marker.`,
    { ...locationOf({ page, ...(box !== undefined ? { bbox: box } : row.location.bbox !== undefined ? { bbox: row.location.bbox } : {}) }), field: COLUMN_NAME[key] ?? key },
    { actual: label, expected: printed },
  );
}
