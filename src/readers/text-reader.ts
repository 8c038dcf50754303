/**
 * Reader for the annex as a text export (the form of `fixtures/nap-2024/bijlage-1.txt`):
 * table rows are tab-separated lines (Activiteit, Status, Wanneer, Wie, Toelichting), the legend
 * is five label lines, footnote definitions are lines that start with a superscript number.
 *
 * Pages: the export has no page-break characters, but every PDF page starts with the status
 * legend, so a legend that follows table rows or footnotes starts a new page. A header row
 * without a legend before it starts a new table on the same page (Actielijn 2 and 4 begin
 * mid-page in the 2024 annex).
 *
 * Every line passes the clean-text rule (model/clean-text.ts) before it is read: bidi controls
 * removed, private-use and non-characters replaced with U+FFFD, one diagnostic per kind.
 */
import type { DiagnosticBag } from '../diagnostics/bag.js';
import { InputError } from '../diagnostics/errors.js';
import { type BodyRow, type FootnoteDefinition, type HeaderRow, type Page, type PageModel, type TableBlock, keyedCells } from '../model/page-model.js';
import { fromSuperscript } from '../model/superscript.js';
import { decodeText } from './decode-text.js';
import { CleanTextTally, cleanText } from '../model/clean-text.js';
import { actionLineNumberOf, headerColumnKeys, startsHeaderRow, statusCodeOf } from '../model/vocabulary.js';

const FOOTNOTE_DEFINITION = /^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)$/;

/**
 * Reads a text export into the page model. Input is raw bytes (any of UTF-8, UTF-8 with BOM,
 * Windows-1252; LF or CRLF). Throws InputError (NAP001) for empty or binary input; reports
 * decoding facts (NAP006, NAP007) into `diagnostics`. Structure problems (no table, header
 * missing …) are left to the assembly stage, which sees all formats alike.
 */
export function readText(bytes: Uint8Array, diagnostics: DiagnosticBag): PageModel {
  const { text } = decodeText(bytes, diagnostics);
  refuseAnnexJson(text, diagnostics);
  const lines = text.split('\n');
  const pages: Page[] = [];
  let page = newPage(1);
  let table: TableBlock | null = null;

  const pageHasContent = (): boolean => page.tables.length > 0 || page.footnotes.length > 0;
  /** The footnote definition that a following loose line continues, if any. */
  let openFootnote: FootnoteDefinition | null = null;

  const tally = new CleanTextTally();
  lines.forEach((printed, index) => {
    const line = index + 1;
    const raw = cleanText(printed, tally, { line });
    if (raw.trim() === '') return;
    const location = { page: page.number, line };

    if (!raw.includes('\t')) {
      const legend = statusCodeOf(raw);
      if (legend) {
        if (pageHasContent()) {
          pages.push(page);
          page = newPage(page.number + 1);
          table = null;
        }
        openFootnote = null;
        page.legend.push({ label: raw.trim(), iconColor: null, location: { page: page.number, line } });
        return;
      }
      const footnote = FOOTNOTE_DEFINITION.exec(raw);
      if (footnote) {
        openFootnote = { number: fromSuperscript(footnote[1]!), text: footnote[2]!.trim(), location };
        page.footnotes.push(openFootnote);
        return;
      }
      if (actionLineNumberOf(raw) !== null) {
        // `Actielijn 2` printed without its empty cells: still the action-line row of the table.
        openFootnote = null;
        if (table === null) {
          table = { header: null, rows: [] };
          page.tables.push(table);
        }
        const width = table.header?.cells.length ?? 5;
        table.rows.push(bodyRow([raw.trim(), ...Array<string>(Math.max(0, width - 1)).fill('')], table.header, location));
        return;
      }
      if (openFootnote !== null) {
        // A footnote definition that runs on over the next line.
        openFootnote.text = openFootnote.text === '' ? raw.trim() : `${openFootnote.text} ${raw.trim()}`;
        return;
      }
      page.looseText.push({ text: raw.trim(), location });
      return;
    }

    openFootnote = null;
    const cells = raw.split('\t').map((c) => c.trim());
    if (startsHeaderRow(cells)) {
      table = { header: { cells, keys: headerColumnKeys(cells), location }, rows: [] };
      page.tables.push(table);
      return;
    }
    if (table === null) {
      table = { header: null, rows: [] };
      page.tables.push(table);
    }
    table.rows.push(bodyRow(cells, table.header, location));
  });
  pages.push(page);
  tally.report(diagnostics);
  return { format: 'text', pages: pages.filter((p, i) => i === 0 || !isEmptyPage(p)) };
}

/** A body row from its tab-separated cells, placed under the header's columns (the five printed columns without one). */
function bodyRow(printed: string[], header: HeaderRow | null, location: { page: number; line: number }): BodyRow {
  const keyed = keyedCells(printed, header?.keys ?? null);
  const status = keyed.cells.status ?? '';
  return {
    ...keyed,
    statusCue: status === '' ? { kind: 'none' } : { kind: 'text', text: status },
    location,
  };
}

function newPage(number: number): Page {
  return { number, legend: [], tables: [], footnotes: [], looseText: [] };
}

function isEmptyPage(p: Page): boolean {
  return p.legend.length === 0 && p.tables.length === 0 && p.footnotes.length === 0 && p.looseText.length === 0;
}

/** The start of an annex.json that nap-annex wrote: a JSON object whose first key is its schema version. */
const ANNEX_JSON = /^\s*\{\s*"schemaVersion"\s*:/;

/**
 * Throws InputError NAP001 for nap-annex's own annex.json given as an annex to read: it is no text
 * export (its text would all be NAP106), but an edition that `diff`, `report` and `stack` read
 * (the first-time user ran `check out/annex.json` and was told no table was found).
 */
function refuseAnnexJson(text: string, diagnostics: DiagnosticBag): void {
  if (!ANNEX_JSON.test(text.slice(0, 200))) return;
  throw new InputError(
    diagnostics.report(
      'NAP001',
      'Input is an annex.json as nap-annex writes it, not an annex to extract: it holds the data already. Give it to diff, report or stack as an edition; to read the annex again, give its PDF, text export or HTML.',
      { line: 1 },
      { actual: 'annex.json', expected: ['pdf', 'text', 'html'] },
    ),
  );
}
