/**
 * Page layout: positioned lines + drawn graphics of one page → a page of the neutral page model.
 *
 * - Header rows are lines that carry the known column titles (`Activiteit` … `Toelichting`);
 *   a header cell may wrap over lines above/below (`Oorspronkelijke` / `planning`), also mid-word
 *   in a narrow column (`Statu` / `s`, `Oorspronk` / `elijke` / `planning`): such a cell is handed
 *   over as the header word it forms (`Status`, `Oorspronkelijke planning`).
 * - Columns come from the header cells' x-positions, refined by vertical rulings in the header.
 * - Rows start at the first column's line starts (a gap larger than the line pitch) and at
 *   horizontal rulings that cross the first column.
 * - Footnote definitions start with a superscript or smaller number below the table.
 * - Status and legend icons are whatever is drawn compactly (path, symbol glyph, image); their
 *   colour is the paint colour. Nothing here depends on particular colours, fonts or coordinates.
 */
import type { BBox, FootnoteDefinition, HeaderRow, LooseText, Page, TableBlock } from '../../model/page-model.js';
import { type Box, overlap, toBBox, union } from './geometry.js';
import { type FurnitureKind, findFurniture } from './furniture.js';
import { isFootnoteStart, readNoteDefinitions, startsNoteList } from './notes.js';
import { type Columns, buildHeader, continueHeader, headerBand, isHeaderAnchor } from './layout-header.js';
import { legendCells, legendFromLine } from './layout-icons.js';
import { PAGE_NUMBER, boxOf, centerY, estimatePitch, isFurniture, lineBox } from './layout-lines.js';
import { buildRows, joinLineTexts } from './layout-rows.js';
import type { PageStructure, TaggedRow } from './structure.js';
import { stripSymbolChars } from './symbols.js';
import { isLegendLabel, isLegendLabelStart, isNotesHeading } from '../../model/vocabulary.js';
import type { PageContent } from './page-content.js';
import { type Line, joinChunks } from './text.js';
import { LAYOUT } from './settings.js';

/** What one page hands to the next: the table in force (for rows before any header row) and the last tagged row. */
export interface Carried {
  /** The last header row printed and its columns: a page that prints none continues that table. */
  table: { header: HeaderRow; columns: Columns } | null;
  /** The last table row (TR) of the page, in a tagged PDF: a page that starts with the same TR continues it. */
  lastTagged: TaggedRow | null;
  /** The number the next note of the document will have (one more than the highest read so far). */
  nextNote: number;
  /** The page's last table printed its header row and no body row under it: the header may go on on the next page. */
  headerAlone?: boolean;
}

/**
 * A finding of the layout for the reader to report: tags and geometry disagree about rows
 * (`rows`), or the same text was drawn twice at the same place and read once (`duplicate`).
 */
export type LayoutFinding =
  | { kind: 'rows'; bbox: BBox; tagRows: number; geometryRows: number }
  | { kind: 'duplicate'; bbox: BBox; text: string }
  | { kind: 'marks'; bbox: BBox; marks: number }
  | { kind: 'header-continued'; bbox: BBox; headerPage: number; header: string[] };

/** A laid-out page, what to carry to the next page, and the layout's findings. */
export interface LayoutResult {
  page: Page;
  carried: Carried;
  findings: LayoutFinding[];
}



/**
 * Lays out the whole document: finds the furniture that recurs across pages (furniture.ts), then
 * lays out each page in order, handing on what a page without a header row needs (columns, the
 * last tagged row).
 */
export function layoutDocument(contents: readonly PageContent[]): { pages: Page[]; findings: { page: number; finding: LayoutFinding }[] } {
  const furniture = findFurniture(contents);
  let carried: Carried = { table: null, lastTagged: null, nextNote: 1 };
  const pages: Page[] = [];
  const findings: { page: number; finding: LayoutFinding }[] = [];
  for (const content of contents) {
    const result = layoutPage(content, carried, furniture.get(content.number) ?? new Map());
    carried = result.carried;
    pages.push(result.page);
    for (const finding of result.findings) findings.push({ page: content.number, finding });
  }
  return { pages, findings };
}

/**
 * Lays out one page. `previous` is what the page before handed on (columns, last tagged row);
 * `furniture` the page's furniture lines, which become loose text of their kind and nothing else.
 */
export function layoutPage(content: PageContent, previous: Carried, furniture: ReadonlyMap<Line, FurnitureKind>): LayoutResult {
  const carried = previous.table;
  let lastTagged = previous.lastTagged;
  const findings: LayoutFinding[] = content.duplicates.map((d) => ({ kind: 'duplicate' as const, ...d }));
  const lines = content.lines.filter((l) => !furniture.has(l));
  const bodySize = content.bodySize;
  const icons = content.icons;
  const hRulings = content.hRulings;
  const vRulings = content.vRulings;
  const fills = content.fills;

  const page: Page = { number: content.number, legend: [], tables: [], footnotes: [], looseText: [] };
  const used = new Set<Line>();
  const tableRegions: { y0: number; y1: number }[] = [];
  let table = carried;

  // --- header rows ---
  const headers: { band: Line[]; anchorIndex: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (isHeaderAnchor(lines[i]!)) headers.push({ band: headerBand(lines, i), anchorIndex: i });
  }

  // Segments of lines: before the first header (possibly a headerless continuation), then per header.
  const segments: { header: { band: Line[] } | null; from: number; to: number }[] = [];
  const firstHeaderStart = headers.length > 0 ? lines.indexOf(headers[0]!.band[0]!) : lines.length;
  // Rows above the page's first header row (or on a page without one) continue the table in force.
  if (carried !== null && firstHeaderStart > 0) segments.push({ header: null, from: 0, to: firstHeaderStart });
  headers.forEach((h, k) => {
    const bandEnd = lines.indexOf(h.band[h.band.length - 1]!) + 1;
    const next = headers[k + 1];
    const to = next ? lines.indexOf(next.band[0]!) : lines.length;
    segments.push({ header: h, from: bandEnd, to });
  });

  let footnoteStart: number | null = null;
  for (const seg of segments) {
    let headerRow: HeaderRow | null = null;
    let cols: Columns | null;
    let regionTop: number;
    if (seg.header) {
      const built = buildHeader(seg.header.band, vRulings, bodySize, content.number);
      headerRow = built.header;
      cols = built.columns;
      table = { header: built.header, columns: cols };
      for (const l of seg.header.band) used.add(l);
      regionTop = Math.min(...seg.header.band.map((l) => l.y0));
    } else {
      cols = carried?.columns ?? null;
      regionTop = -Infinity;
    }
    if (cols === null) continue;
    const headerBottom = seg.header ? Math.max(...seg.header.band.map((l) => l.y1)) : -Infinity;

    // Body lines: up to a footnote start, the table's bottom ruling, or a large gap.
    // Row rulings run across the table from the Activiteit column to the last column (a merged
    // first column Actielijn has none; a footnote separator under a borderless table is short).
    const titleLeft = cols.bounds[Math.max(0, cols.keys.indexOf('title'))]!;
    const lastLeft = cols.bounds[cols.bounds.length - 1]!;
    const segTop = headerBottom;
    const segBottom = seg.to < lines.length ? lines[seg.to]!.y0 : Infinity;
    const segRulings = joinRulings(hRulings).filter((r) => r.box.y0 >= segTop - LAYOUT.rulingSlack && r.box.y1 <= segBottom + LAYOUT.rulingSlack);
    const across = new Set(rulingsAcross(segRulings, titleLeft, lastLeft));
    const crossesCol0 = (r: { box: Box }): boolean => across.has(r);
    const rowRulings = segRulings.filter(crossesCol0);
    // A short ruling at the table's left edge under the table: the footnote separator Word and
    // LibreOffice draw above page-bottom notes. The notes begin under it.
    const tableLeft = cols.bounds[0]!;
    const separator = segRulings.find((r) => !crossesCol0(r) && Math.abs(r.box.x0 - tableLeft) <= LAYOUT.separatorLeftEm * bodySize)?.box.y1 ?? null;
    // Lines above the first body line that sit before any header in a headerless segment: legend etc.
    const topRuling = seg.header === null && rowRulings.length > 0 ? Math.min(...rowRulings.map((r) => r.box.y0)) : null;
    const body: Line[] = [];
    let pitch = estimatePitch(lines.slice(seg.from, seg.to), bodySize);
    for (let i = seg.from; i < seg.to; i++) {
      const l = lines[i]!;
      if (topRuling !== null && l.y1 < topRuling) continue;
      // A notes heading, or a numbered note at the top of a page without a header row: the notes begin.
      if (isNotesHeading(joinChunks(l.chunks))) {
        footnoteStart ??= i + 1;
        break;
      }
      if (isFootnoteStart(l, bodySize, cols, seg.header === null && body.length === 0) || startsNoteList(l, previous.nextNote, cols)) {
        footnoteStart ??= i;
        break;
      }
      if (separator !== null && l.y0 > separator) {
        footnoteStart ??= i;
        break;
      }
      // A tagged page says which text is in a table row; a legend or paragraph between tables is not.
      if (content.structure !== null && outsideTaggedRows(l, content.structure)) break;
      // A legend line (label left of the Status column) ends the table above it.
      if (isLegendLine(l, cols)) break;
      const prev = body[body.length - 1];
      if (rowRulings.length === 0 && prev && l.baseline - prev.baseline > LAYOUT.tableEndGapPitch * pitch) break;
      if (seg.header === null && body.length === 0 && topRuling === null && isFurniture(l)) continue;
      body.push(l);
    }
    if (seg.header === null && previous.headerAlone === true && carried !== null) {
      const continued = continueHeader(carried.header, cols, body);
      if (continued !== null) {
        const taken = body.splice(0, continued.lines);
        for (const l of taken) used.add(l);
        // The header row is the previous page's: it gets its whole text there, and the columns their keys.
        carried.header.cells = continued.header.cells;
        carried.header.keys = continued.header.keys;
        cols = continued.columns;
        table = { header: carried.header, columns: cols };
        findings.push({ kind: 'header-continued', bbox: toBBox(taken.map(lineBox).reduce(union)), headerPage: carried.header.location.page, header: continued.header.cells });
      }
    }
    if (body.length === 0 && headerRow === null) continue;
    pitch = estimatePitch(body, bodySize);
    for (const l of body) used.add(l);
    // The table ends at its last line, or the ruling just below it (not a ruling further down,
    // such as the top border of the next table below a legend).
    const lastY1 = body.length > 0 ? Math.max(...body.map((l) => l.y1)) : headerBottom;
    const closing = rowRulings.filter((r) => r.box.y0 >= lastY1 - LAYOUT.rulingSlack && r.box.y0 <= lastY1 + LAYOUT.closingRulingPitch * pitch).map((r) => r.box.y1);
    const regionBottom = body.length > 0 ? Math.max(lastY1, ...closing) : headerBottom;
    tableRegions.push({ y0: seg.header ? regionTop : Math.min(...body.map((l) => l.y0)), y1: regionBottom });
    const built = buildRows(body, {
      cols,
      rulings: rowRulings,
      partRulings: segRulings.filter((r) => !crossesCol0(r)),
      vRulings,
      pitch,
      icons,
      runs: content.runs,
      fills: fills,
      regionBottom,
      pageNumber: content.number,
      structure: content.structure,
    });
    findings.push(...built.disagreements.map((d) => ({ kind: 'rows' as const, ...d })));
    findings.push(...built.crowded.map((c) => ({ kind: 'marks' as const, ...c })));
    // Tagged rows: the page's first TR continues the previous page's last when they are the same TR.
    built.rows.forEach((row, i) => {
      const tagged = built.tagged[i];
      if (tagged === null || tagged === undefined) return;
      if (page.tables.length === 0 && built.rows.slice(0, i).every((_, j) => built.tagged[j] === null)) {
        row.continued = lastTagged !== null && lastTagged.table === tagged.table && lastTagged.index === tagged.index;
      }
      lastTagged = tagged;
    });
    const columnsOnPage = columnExtents(cols, body);
    page.tables.push(
      headerRow !== null
        ? { header: headerRow, columns: columnsOnPage, rows: built.rows }
        : { header: carried?.header ?? null, inheritedHeader: true, columns: columnsOnPage, rows: built.rows },
    );
  }

  // --- footnotes: from the first footnote start to the end of the page ---
  if (footnoteStart === null) {
    // Pages without a table can still carry footnote definitions at the bottom.
    const tablesBottom = tableRegions.length > 0 ? Math.max(...tableRegions.map((r) => r.y1)) : null;
    for (let i = 0; i < lines.length; i++) {
      // Below the page's tables, or anywhere on a page without a table (endnotes, a note list).
      const below = tablesBottom === null || lines[i]!.y0 > tablesBottom;
      const l = lines[i]!;
      if (!used.has(l) && i > 0 && (isFootnoteStart(l, bodySize, null, below) || (below && startsNoteList(l, previous.nextNote, null)))) {
        footnoteStart = i;
        break;
      }
    }
  }
  if (footnoteStart !== null) page.footnotes.push(...readNoteDefinitions(lines, footnoteStart, used, previous.nextNote, content.number));
  const nextNote = page.footnotes.reduce((n, f) => Math.max(n, f.number + 1), previous.nextNote);

  // --- legend and loose text from the remaining lines ---
  const freeIcons = [...icons, ...legendCells(content.fills, bodySize)].filter((ic) => !tableRegions.some((r) => centerY(ic.box) >= r.y0 && centerY(ic.box) <= r.y1));
  for (const l of content.lines) {
    const furnitureKind = furniture.get(l);
    if (furnitureKind !== undefined) {
      page.looseText.push({ text: joinChunks(l.chunks), location: { page: content.number, bbox: toBBox(lineBox(l)) }, kind: furnitureKind });
      continue;
    }
    if (used.has(l)) continue;
    const rest = legendFromLine(l, freeIcons, content.runs, page.legend, content.number);
    if (rest.length > 0) {
      const text = joinChunks(rest);
      if (text.trim() !== '') {
        const kind = PAGE_NUMBER.test(text.trim()) ? 'page-number' : isNotesHeading(text) ? 'notes-heading' : 'text';
        page.looseText.push({ text, location: { page: content.number, bbox: toBBox(boxOf(rest)) }, kind });
      }
    }
  }
  const last = page.tables.at(-1);
  const headerAlone = last !== undefined && last.inheritedHeader !== true && last.header !== null && last.rows.length === 0;
  return { page, carried: { table, lastTagged, nextNote, headerAlone }, findings };
}

/** The columns as the page model gives them: key and x extent (the last column to the table's right edge on this page). */
function columnExtents(cols: Columns, body: readonly Line[]): NonNullable<TableBlock['columns']> {
  const right = body.reduce((x, l) => Math.max(x, l.x1), cols.bounds[cols.bounds.length - 1]!);
  const r = (v: number): number => Math.round(v * 10) / 10;
  return cols.bounds.map((x0, i) => ({ key: cols.keys[i] ?? null, x0: r(x0), x1: r(cols.bounds[i + 1] ?? right) }));
}

/**
 * Horizontal rulings drawn piece by piece (a browser draws each cell's border on its own) joined
 * into one where they lie on the same line and touch (within LAYOUT.rulingJoinTolerance). n log n.
 */
export function joinRulings(rulings: readonly { box: Box }[]): { box: Box }[] {
  const sorted = [...rulings].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const out: { box: Box }[] = [];
  const tol = LAYOUT.rulingJoinTolerance;
  for (const r of sorted) {
    // Rulings on the same line sort together by x; join with the last one on that line.
    const last = out[out.length - 1];
    if (last && Math.abs(r.box.y0 - last.box.y0) <= tol && Math.abs(r.box.y1 - last.box.y1) <= tol && r.box.x0 <= last.box.x1 + tol) {
      last.box = union(last.box, r.box);
    } else out.push({ box: { ...r.box } });
  }
  return out;
}

/**
 * The rulings that separate rows: those on a line (same height within LAYOUT.rulingJoinTolerance)
 * whose segments together cross LAYOUT.rulingCrossShare of the table from `left` (the Activiteit
 * column) to `right` (the last column's left edge), PDF points. Together: a border left open under
 * one cell (a cell merged with the row below, merged-cells.ts) or drawn in pieces still separates
 * the rows. `rulings` as joinRulings returns them (sorted by height). n log n.
 */
export function rulingsAcross(rulings: readonly { box: Box }[], left: number, right: number): { box: Box }[] {
  const mid = (r: { box: Box }): number => (r.box.y0 + r.box.y1) / 2;
  const sorted = [...rulings].sort((a, b) => mid(a) - mid(b));
  const out: { box: Box }[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && mid(sorted[j]!) - mid(sorted[i]!) <= LAYOUT.rulingJoinTolerance) j++;
    const line = sorted.slice(i, j);
    const cover = line.reduce((sum, r) => sum + overlap(r.box.x0, r.box.x1, left, right), 0);
    if (cover >= LAYOUT.rulingCrossShare * (right - left)) out.push(...line.filter((r) => overlap(r.box.x0, r.box.x1, left, right) > 0));
    i = j;
  }
  return out;
}

/** True when every chunk of `l` is tagged content that belongs to no table row (TR) of the structure tree. */
function outsideTaggedRows(l: Line, structure: PageStructure): boolean {
  return l.chunks.every((c) => c.artifact !== true && c.contentId !== undefined && !structure.rowOf.has(c.contentId));
}

/**
 * A line of the status legend: it prints a legend label (symbols aside) starting left of the
 * Status column, or nothing but legend labels, one per chunk (a legend printed in a row:
 * `● Afgerond   ● In uitvoering …`).
 */
function isLegendLine(l: Line, cols: Columns): boolean {
  const texts = l.chunks.map((c) => stripSymbolChars(c.text).trim()).filter((t) => t !== '');
  const text = texts.join(' ');
  if ((isLegendLabel(text) || isLegendLabelStart(text)) && l.x0 < (cols.bounds[cols.statusIndex] ?? Infinity)) return true;
  return texts.length > 1 && texts.every((t) => isLegendLabel(t) || isLegendLabelStart(t));
}

export type { Columns } from './layout-header.js';
export { joinHeaderLines } from './layout-header.js';
export { joinLineTexts } from './layout-rows.js';
export type { FootnoteDefinition, LooseText, TableBlock };
