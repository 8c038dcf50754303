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
import type { BBox, BodyRow, FootnoteDefinition, HeaderRow, LegendEntry, LooseText, Page, TableBlock } from '../../model/page-model.js';
import { type Box, overlap, toBBox, union } from './geometry.js';
import { type FurnitureKind, findFurniture } from './furniture.js';
import { isFootnoteStart, readNoteDefinitions, startsNoteList } from './notes.js';
import { type Columns, buildHeader, continueHeader, headerBand, isHeaderAnchor } from './layout-header.js';
import { type Icon, legendCells, legendFromLine } from './layout-icons.js';
import { PAGE_NUMBER, boxOf, centerY, estimatePitch, hasColumnGap, isFurniture, lineBox } from './layout-lines.js';
import { buildRows, joinLineTexts } from './layout-rows.js';
import type { PageStructure, TaggedRow } from './structure.js';
import { stripSymbolChars } from './symbols.js';
import { actionLineNumberOf, isContentsLine, isLegendHeading, isLegendLabel, isLegendLabelStart, isNotesHeading } from '../../model/vocabulary.js';
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
  /** The tables so far print their cells centred in their rows (row-starts.ts): a short segment keeps it. */
  centredCells?: boolean;
}

/**
 * A finding of the layout for the reader to report: tags and geometry disagree about rows
 * (`rows`), or the same text was drawn twice at the same place and read once (`duplicate`).
 */
export type LayoutFinding =
  | { kind: 'rows'; bbox: BBox; tagRows: number; geometryRows: number }
  | { kind: 'duplicate'; bbox: BBox; text: string }
  | { kind: 'marks'; bbox: BBox; marks: number }
  | { kind: 'uncertain'; bbox: BBox }
  | { kind: 'header-continued'; bbox: BBox; headerPage: number; header: string[] }
  | { kind: 'stray-mark'; bbox: BBox };

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
  const state: PageState = {
    content,
    previous,
    lines: content.lines.filter((l) => !furniture.has(l)),
    page: { number: content.number, legend: [], tables: [], footnotes: [], looseText: [] },
    used: new Set<Line>(),
    tableRegions: [],
    findings: content.duplicates.map((d) => ({ kind: 'duplicate' as const, ...d })),
    table: previous.table,
    lastTagged: previous.lastTagged,
    footnoteStart: null,
    centredCells: previous.centredCells === true,
  };
  for (const seg of segmentsOf(state)) layoutSegment(state, seg);
  state.footnoteStart ??= notesBelowTables(state);
  const { page } = state;
  if (state.footnoteStart !== null) page.footnotes.push(...readNoteDefinitions(state.lines, state.footnoteStart, state.used, previous.nextNote, content.number, legendLineTest(state)));
  const nextNote = page.footnotes.reduce((n, f) => Math.max(n, f.number + 1), previous.nextNote);
  legendAndLooseText(state, furniture);
  const last = page.tables.at(-1);
  const headerAlone = last !== undefined && last.inheritedHeader !== true && last.header !== null && last.rows.length === 0;
  return { page, carried: { table: state.table, lastTagged: state.lastTagged, nextNote, headerAlone, ...(state.centredCells ? { centredCells: true } : {}) }, findings: state.findings };
}

/** What the steps of layoutPage share while they lay out one page. */
interface PageState {
  readonly content: PageContent;
  readonly previous: Carried;
  /** The page's lines in reading order, furniture left out. */
  readonly lines: readonly Line[];
  readonly page: Page;
  /** Lines read into a header row, a table body or a continued header. */
  readonly used: Set<Line>;
  /** The vertical extent of each table read on the page (PDF points). */
  readonly tableRegions: { y0: number; y1: number }[];
  readonly findings: LayoutFinding[];
  /** The table in force: the last header row printed and its columns. */
  table: Carried['table'];
  lastTagged: TaggedRow | null;
  /** Index into `lines` where the page's notes begin, once seen. */
  footnoteStart: number | null;
  /** The tables so far print their cells centred in their rows (Carried.centredCells). */
  centredCells: boolean;
  /** The icons outside the page's tables, once they are laid out (freeIconsOf). */
  freeIcons?: Icon[];
  /** The page's horizontal rulings joined (joinRulings), once the first segment asks. */
  rulings?: { box: Box }[];
}

/** A run of lines under one header row (or above the page's first, continuing the table in force): lines[from, to). */
interface Segment {
  header: { band: Line[] } | null;
  from: number;
  to: number;
  /**
   * An `Actielijn N` heading printed above the segment's header row, outside the table, and the
   * lines between it and the header (the action line's goal): actionLineHeading.
   */
  heading?: { line: Line; goal: Line[] };
}

/** The page's segments: before the first header row (a headerless continuation), then one per header row. */
function segmentsOf({ lines, previous }: PageState): Segment[] {
  const headers: { band: Line[] }[] = [];
  for (let i = 0; i < lines.length; i++) if (isHeaderAnchor(lines[i]!, lines[i + 1])) headers.push({ band: headerBand(lines, i) });
  const segments: Segment[] = [];
  const starts = headers.map((h) => lines.indexOf(h.band[0]!));
  // An `Actielijn N` heading above a header row (a table per action line) ends what comes before it.
  const headings = headers.map((_, k) => actionLineHeading(lines, k > 0 ? lines.indexOf(headers[k - 1]!.band.at(-1)!) + 1 : 0, starts[k]!));
  const ends = starts.map((start, k) => (headings[k] !== undefined ? lines.indexOf(headings[k]!.line) : start));
  const firstHeaderStart = headers.length > 0 ? ends[0]! : lines.length;
  // Rows above the page's first header row (or on a page without one) continue the table in force.
  if (previous.table !== null && firstHeaderStart > 0) segments.push({ header: null, from: 0, to: firstHeaderStart });
  headers.forEach((h, k) => {
    const heading = headings[k];
    segments.push({ header: h, from: lines.indexOf(h.band[h.band.length - 1]!) + 1, to: k + 1 < headers.length ? ends[k + 1]! : lines.length, ...(heading ? { heading } : {}) });
  });
  return segments;
}

/**
 * The `Actielijn N` heading between lines `from` and `to` (a header row's first line), when the
 * document prints each action line as a heading and its goal as a paragraph above a table of its
 * own instead of as rows in the table: the last line in that range that reads `Actielijn N` alone,
 * with the lines after it up to the header row as the goal. Undefined when there is none.
 */
function actionLineHeading(lines: readonly Line[], from: number, to: number): Segment['heading'] {
  const header = lines[to];
  if (header === undefined) return undefined;
  for (let i = to - 1; i >= from; i--) {
    const line = lines[i]!;
    if (actionLineNumberOf(joinChunks(line.chunks).trim()) === null) continue;
    const goal = lines.slice(i + 1, to);
    // Heading, goal and header row stand one under the other, and the goal is a short paragraph
    // under the heading: each line one run of text starting where the heading does (not cells side
    // by side, nor a Toelichting running on, under a repeated `Actielijn N` band).
    const stacked = [line, ...goal, header].every((l, k, all) => k === 0 || l.y0 >= all[k - 1]!.y1 - LAYOUT.headingOverlapPt);
    const paragraph = goal.length <= LAYOUT.headingGoalMaxLines && goal.every((l) => !hasColumnGap(l) && Math.abs(l.x0 - line.x0) <= LAYOUT.headingGoalLeftEm * l.size);
    return stacked && paragraph ? { line, goal } : undefined;
  }
  return undefined;
}

/**
 * The heading's rows, as the table prints an action line's: the `Actielijn N` row and the goal row
 * (its lines joined), in the Activiteit column.
 */
function headingRows(heading: NonNullable<Segment['heading']>, page: number): BodyRow[] {
  const row = (ls: readonly Line[]): BodyRow => ({ cells: { title: joinLineTexts(ls.map((l) => joinChunks(l.chunks))) }, statusCue: { kind: 'none' }, location: { page, bbox: toBBox(ls.map(lineBox).reduce(union)) } });
  return heading.goal.length > 0 ? [row([heading.line]), row(heading.goal)] : [row([heading.line])];
}

/** The rulings of a segment: those that separate rows, and where the notes' separator lies (y, or null). */
interface SegmentRulings {
  all: { box: Box }[];
  rows: { box: Box }[];
  separator: number | null;
  /** A headerless segment's first row ruling: lines above it are not the table's (a legend). */
  top: number | null;
}

/**
 * The rulings between the segment's header (or the page top) and the next header. Row rulings run
 * across the table from the Activiteit column to the last column (rulingsAcross: a merged first
 * column Actielijn has none); a short ruling at the table's left edge is the footnote separator
 * Word and LibreOffice draw above page-bottom notes.
 */
function segmentRulings(state: PageState, seg: Segment, cols: Columns, headerBottom: number): SegmentRulings {
  const { content, lines } = state;
  const titleLeft = cols.bounds[Math.max(0, cols.keys.indexOf('title'))]!;
  const lastLeft = cols.bounds[cols.bounds.length - 1]!;
  const segBottom = seg.to < lines.length ? lines[seg.to]!.y0 : Infinity;
  // Joined once per page: every segment of the page filters the same list.
  state.rulings ??= joinRulings(content.hRulings);
  const all = state.rulings.filter((r) => r.box.y0 >= headerBottom - LAYOUT.rulingSlack && r.box.y1 <= segBottom + LAYOUT.rulingSlack);
  const across = new Set(rulingsAcross(all, titleLeft, lastLeft));
  const rows = all.filter((r) => across.has(r));
  const tableLeft = cols.bounds[0]!;
  const separator = all.find((r) => !across.has(r) && Math.abs(r.box.x0 - tableLeft) <= LAYOUT.separatorLeftEm * content.bodySize)?.box.y1 ?? null;
  const top = seg.header === null && rows.length > 0 ? Math.min(...rows.map((r) => r.box.y0)) : null;
  return { all, rows, separator, top };
}

/**
 * The body lines of a segment: up to a notes heading or the first note, the footnote separator, a
 * line outside the tagged rows, a legend line, or (without row rulings) a gap of
 * LAYOUT.tableEndGapPitch. Sets state.footnoteStart where the notes begin.
 */
function bodyLinesOf(state: PageState, seg: Segment, cols: Columns, rulings: SegmentRulings): Line[] {
  const { lines, content, previous } = state;
  const bodySize = content.bodySize;
  const body: Line[] = [];
  const pitch = estimatePitch(lines.slice(seg.from, seg.to), bodySize);
  for (let i = seg.from; i < seg.to; i++) {
    const l = lines[i]!;
    if (rulings.top !== null && l.y1 < rulings.top) continue;
    // A notes heading, or a numbered note at the top of a page without a header row: the notes begin.
    if (isNotesHeading(joinChunks(l.chunks))) {
      state.footnoteStart ??= i + 1;
      break;
    }
    if (isFootnoteStart(l, bodySize, cols, seg.header === null && body.length === 0) || startsNoteList(l, previous.nextNote, cols) || (rulings.separator !== null && l.y0 > rulings.separator)) {
      state.footnoteStart ??= i;
      break;
    }
    // A tagged page says which text is in a table row; a legend or paragraph between tables is not.
    if (content.structure !== null && outsideTaggedRows(l, content.structure)) break;
    // A legend line (label left of the Status column) ends the table above it.
    if (isLegendLine(l, cols)) break;
    const prev = body[body.length - 1];
    if (rulings.rows.length === 0 && prev && l.baseline - prev.baseline > LAYOUT.tableEndGapPitch * pitch) break;
    if (seg.header === null && body.length === 0 && rulings.top === null && isFurniture(l)) continue;
    body.push(l);
  }
  return body;
}

/**
 * A header row broken by the end of the page before (continueHeader): the body's first lines that
 * finish it join the header, which the previous page's table keeps (its cells are completed in
 * place). Returns the columns to read the body with.
 */
function finishCarriedHeader(state: PageState, seg: Segment, cols: Columns, body: Line[]): Columns {
  const carried = state.previous.table;
  if (seg.header !== null || state.previous.headerAlone !== true || carried === null) return cols;
  const continued = continueHeader(carried.header, cols, body);
  if (continued === null) return cols;
  const taken = body.splice(0, continued.lines);
  for (const l of taken) state.used.add(l);
  carried.header.cells = continued.header.cells;
  carried.header.keys = continued.header.keys;
  state.table = { header: carried.header, columns: continued.columns };
  state.findings.push({ kind: 'header-continued', bbox: toBBox(taken.map(lineBox).reduce(union)), headerPage: carried.header.location.page, header: continued.header.cells });
  return continued.columns;
}

/** Lays out one segment: its header row, its body lines and the table block they make. */
function layoutSegment(state: PageState, seg: Segment): void {
  const { content } = state;
  let headerRow: HeaderRow | null = null;
  let cols: Columns | null = state.previous.table?.columns ?? null;
  if (seg.header) {
    const built = buildHeader(seg.header.band, content.vRulings, content.bodySize, content.number);
    headerRow = built.header;
    cols = built.columns;
    state.table = { header: built.header, columns: cols };
    for (const l of seg.header.band) state.used.add(l);
  }
  if (cols === null) return;
  const headerBottom = seg.header ? Math.max(...seg.header.band.map((l) => l.y1)) : -Infinity;
  const rulings = segmentRulings(state, seg, cols, headerBottom);
  const body = bodyLinesOf(state, seg, cols, rulings);
  cols = finishCarriedHeader(state, seg, cols, body);
  if (body.length === 0 && headerRow === null) return;
  const regionTop = seg.header ? Math.min(...seg.header.band.map((l) => l.y0)) : null;
  addTable(state, { headerRow, cols, body, rulings, regionTop, headerBottom });
  if (seg.heading) {
    for (const l of [seg.heading.line, ...seg.heading.goal]) state.used.add(l);
    state.page.tables.at(-1)!.rows.unshift(...headingRows(seg.heading, content.number));
  }
}

/** Builds a segment's rows and adds its table block (and its region) to the page. */
function addTable(state: PageState, t: { headerRow: HeaderRow | null; cols: Columns; body: Line[]; rulings: SegmentRulings; regionTop: number | null; headerBottom: number }): void {
  const { content, page } = state;
  const { cols, body, rulings } = t;
  const pitch = estimatePitch(body, content.bodySize);
  for (const l of body) state.used.add(l);
  // The table ends at its last line, or the ruling just below it (not a ruling further down,
  // such as the top border of the next table below a legend).
  const lastY1 = body.length > 0 ? Math.max(...body.map((l) => l.y1)) : t.headerBottom;
  const closing = rulings.rows.filter((r) => r.box.y0 >= lastY1 - LAYOUT.rulingSlack && r.box.y0 <= lastY1 + LAYOUT.closingRulingPitch * pitch).map((r) => r.box.y1);
  const regionBottom = body.length > 0 ? Math.max(lastY1, ...closing) : t.headerBottom;
  state.tableRegions.push({ y0: t.regionTop ?? Math.min(...body.map((l) => l.y0)), y1: regionBottom });
  const rowRulings = new Set(rulings.rows);
  const built = buildRows(body, {
    cols,
    rulings: rulings.rows,
    partRulings: rulings.all.filter((r) => !rowRulings.has(r)),
    vRulings: content.vRulings,
    pitch,
    icons: content.icons,
    runs: content.runs,
    fills: content.fills,
    regionBottom,
    pageNumber: content.number,
    structure: content.structure,
    ...(state.centredCells ? { centredBefore: true } : {}),
  });
  state.centredCells = built.centred;
  state.findings.push(...built.disagreements.map((d) => ({ kind: 'rows' as const, ...d })));
  state.findings.push(...built.crowded.map((c) => ({ kind: 'marks' as const, ...c })));
  state.findings.push(...built.uncertain.map((bbox) => ({ kind: 'uncertain' as const, bbox })));
  // Below the header row (its Status cell may be shaded like a mark), down to the table's end.
  const bodyTop = t.headerRow !== null ? t.headerBottom : Math.min(...body.map((l) => l.y0));
  for (const box of strayMarks(content.icons, built.rows, cols, bodyTop, regionBottom)) state.findings.push({ kind: 'stray-mark', bbox: toBBox(box) });
  // Tagged rows: the page's first TR continues the previous page's last when they are the same TR.
  built.rows.forEach((row, i) => {
    const tagged = built.tagged[i];
    if (tagged === null || tagged === undefined) return;
    if (page.tables.length === 0 && built.rows.slice(0, i).every((_, j) => built.tagged[j] === null)) {
      row.continued = state.lastTagged !== null && state.lastTagged.table === tagged.table && state.lastTagged.index === tagged.index;
    }
    state.lastTagged = tagged;
  });
  const columnsOnPage = columnExtents(cols, body);
  page.tables.push(
    t.headerRow !== null
      ? { header: t.headerRow, columns: columnsOnPage, rows: built.rows }
      : { header: state.previous.table?.header ?? null, inheritedHeader: true, columns: columnsOnPage, rows: built.rows },
  );
}

/** Where the notes begin on a page whose tables did not end at them: below the tables, or anywhere on a page without one (endnotes, a note list); null when none. */
function notesBelowTables({ lines, used, tableRegions, content, previous }: PageState): number | null {
  const tablesBottom = tableRegions.length > 0 ? Math.max(...tableRegions.map((r) => r.y1)) : null;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!;
    const below = tablesBottom === null || l.y0 > tablesBottom;
    if (!used.has(l) && (isFootnoteStart(l, content.bodySize, null, below) || (below && startsNoteList(l, previous.nextNote, null)))) return i;
  }
  return null;
}

/**
 * The page's icon candidates and shaded legend cells outside its tables: the marks a legend entry
 * may have. Asked once the tables are laid out (by the notes and by the legend), and kept.
 */
function freeIconsOf(state: PageState): Icon[] {
  const { content, tableRegions } = state;
  state.freeIcons ??= [...content.icons, ...legendCells(content.fills, content.bodySize)].filter((ic) => !tableRegions.some((r) => centerY(ic.box) >= r.y0 && centerY(ic.box) <= r.y1));
  return state.freeIcons;
}

/**
 * Which lines belong to a status legend printed below the notes (the end of the document: a
 * `Legenda` heading and a list of `cue label` lines) and so end the note above them: a legend
 * heading (isLegendHeading), or a line on which legendFromLine pairs a cue outside the tables with
 * one of the five legend labels (or a wrapped label's start). Any cue the page offers counts
 * (path, glyph, image, shaded cell), wherever the legend stands.
 */
function legendLineTest(state: PageState): (l: Line) => boolean {
  const icons = freeIconsOf(state);
  return (l) => {
    if (isLegendHeading(joinChunks(l.chunks))) return true;
    const entries: LegendEntry[] = [];
    legendFromLine(l, icons, state.content.runs, entries, state.content.number);
    return entries.some((e) => isLegendLabel(e.label) || isLegendLabelStart(e.label));
  };
}

/** The lines no table or note took: furniture as loose text of its kind, legend entries, and the rest as loose text. */
function legendAndLooseText(state: PageState, furniture: ReadonlyMap<Line, FurnitureKind>): void {
  const { content, page, used } = state;
  const freeIcons = freeIconsOf(state);
  for (const l of content.lines) {
    const furnitureKind = furniture.get(l);
    if (furnitureKind !== undefined) {
      page.looseText.push({ text: joinChunks(l.chunks), location: { page: content.number, bbox: toBBox(lineBox(l)) }, kind: furnitureKind });
      continue;
    }
    if (used.has(l)) continue;
    const rest = legendFromLine(l, freeIcons, content.runs, page.legend, content.number);
    const text = joinChunks(rest);
    if (rest.length === 0 || text.trim() === '') continue;
    const kind = PAGE_NUMBER.test(text.trim()) ? 'page-number' : isNotesHeading(text) ? 'notes-heading' : isLegendHeading(text) ? 'legend-heading' : isContentsLine(text) ? 'contents' : 'text';
    page.looseText.push({ text, location: { page: content.number, bbox: toBBox(boxOf(rest)) }, kind });
  }
}

/**
 * Status marks in a table's Status column (`cols`) between `top` and `bottom` (the table's body,
 * PDF points from the top) that stand beside no row (`rows`, their boxes): the text of their row
 * is drawn as shapes (outlined glyphs) or as an image, which the reader cannot read, so its
 * activity is missing (adversarial review 6: y-outline-row, an activity gone at exit 0). The
 * marks' boxes, for NAP126; none in a table without a Status column.
 */
export function strayMarks(icons: readonly Icon[], rows: readonly BodyRow[], cols: Columns, top: number, bottom: number): Box[] {
  const status = cols.keys.indexOf('status');
  if (status < 0) return [];
  const left = cols.bounds[status]!;
  const right = cols.bounds[status + 1] ?? Infinity;
  const spans = rows.flatMap((r) => (r.location.bbox !== undefined ? [[r.location.bbox[1], r.location.bbox[3]] as const] : []));
  const out: Box[] = [];
  for (const ic of icons) {
    const x = (ic.box.x0 + ic.box.x1) / 2;
    const y = centerY(ic.box);
    if (x < left || x >= right || y < top || y > bottom) continue;
    if (spans.some(([y0, y1]) => y >= y0 - LAYOUT.edgeSlack && y <= y1 + LAYOUT.edgeSlack)) continue;
    // One mark drawn as several shapes (a disc and its outline) is one mark.
    if (!out.some((b) => overlap(b.x0, b.x1, ic.box.x0, ic.box.x1) > 0 && overlap(b.y0, b.y1, ic.box.y0, ic.box.y1) > 0)) out.push(ic.box);
  }
  return out;
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
 * Status column, or nothing but legend labels, one per chunk, after a legend heading or not (a
 * legend printed in a row: `● Afgerond   ● In uitvoering …`; `Legenda  ● Afgerond …` in the
 * page foot of hold-out 6).
 */
function isLegendLine(l: Line, cols: Columns): boolean {
  const texts = l.chunks.map((c) => stripSymbolChars(c.text).trim()).filter((t) => t !== '');
  const text = texts.join(' ');
  if ((isLegendLabel(text) || isLegendLabelStart(text)) && l.x0 < (cols.bounds[cols.statusIndex] ?? Infinity)) return true;
  const labels = isLegendHeading(texts[0] ?? '') ? texts.slice(1) : texts;
  return labels.length > 1 && labels.every((t) => isLegendLabel(t) || isLegendLabelStart(t));
}

export type { Columns } from './layout-header.js';
export { joinHeaderLines } from './layout-header.js';
export { joinLineTexts } from './layout-rows.js';
export type { FootnoteDefinition, LooseText, TableBlock };
