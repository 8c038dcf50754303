/**
 * Assembly: page model → action lines and activity rows in document order.
 * - Drops page furniture: the repeated header, the `Actielijn N` row and its goal sentence row
 *   (counted once: the first occurrence gives the action line's title).
 * - Joins a row that a page break split in two (the page-break rule, page-break.ts; NAP108, info).
 * - Assigns each activity its action line and a stable id `AL<n>-<seq>` (seq 2 digits, 1-based).
 * Everything it cannot place becomes a diagnostic quoting the text, never silently dropped.
 */
import { locationOf as loc } from '../model/diagnostics.js';
import { type DiagnosticBag } from '../diagnostics/bag.js';
import type { BodyRow, FootnoteDefinition, HeaderRow, LegendEntry, LooseText, Page, PageModel, SourceLocation, StatusCue, TableBlock } from '../model/page-model.js';
import { joinWrapped } from '../model/wrapped-text.js';
import { type Legend, checkLegends, hasStatusCues, legendInForce, legendsOf } from '../status/index.js';
import { type ActivityCells, type ContinuedActivity, continuesActivity, continuesGoalSentence, joinContinuation } from './page-break.js';
import { type RowSources, sourcesOf } from './sources.js';
import { clip, foldText, withoutFormatChars } from '../model/plain-text.js';
import { COLUMNS, COLUMN_ALIASES, COLUMN_NAMES, PRINTED_COLUMN_KEYS, type ColumnKey, actionLineNumberOf, headerKey } from '../model/vocabulary.js';

/** The NAP (2023) has five action lines. */
export const ACTION_LINE_COUNT = 5;

/** Highest action-line number accepted (the NAP has 5); higher numbers are reported (NAP504). */
export const MAX_ACTION_LINE = 99;

/** An action line as assembled: number, goal sentence as printed, where it was first seen. */
export interface AssembledActionLine {
  number: number;
  title: string;
  location: SourceLocation;
}

/** One activity row with its cells in COLUMNS order, before footnotes and normalisation. */
export interface AssembledRow {
  id: string;
  actionLine: number;
  sequence: number;
  cells: ActivityCells;
  statusCue: StatusCue;
  /** The legend in force where the row is printed (src/status/legend-scope.ts): icon colours for status matching. */
  legend: LegendEntry[];
  location: SourceLocation;
  /** Where its values were printed (PDF input; absent for text and HTML): sources.ts. */
  sources?: RowSources;
  /** How its last part's cells end (PDF input: BodyRow.lineEnds), for a part the next page continues. */
  lineEnds?: ContinuedActivity['lineEnds'];
}

/** The output of assembly. */
export interface AssembledAnnex {
  title: string | null;
  /** The first legend the document prints (all its entries). */
  legend: LegendEntry[];
  /** The input carries status cues (hasStatusCues of the page model). */
  hasStatusCues: boolean;
  actionLines: AssembledActionLine[];
  rows: AssembledRow[];
  footnotes: FootnoteDefinition[];
  pageCount: number;
}

/**
 * Assembles rows from the page model. Reports into `diagnostics`: NAP101 (no table), NAP102
 * (rows without header), NAP103 (header not recognised), NAP104 (row without title), NAP105
 * (cell count), NAP106 (unknown loose text), NAP107 (activity before any action line), NAP108
 * (row joined across a page break), NAP109 (status cues but no legend, or a legend without all labels).
 */
export function assembleRows(model: PageModel, diagnostics: DiagnosticBag): AssembledAnnex {
  const cues = hasStatusCues(model);
  const legends = legendsOf(model);
  // An input without any table is most likely not an annex: say so first, and its text outside
  // tables (then all of its text) once, not line by line (NAP106); what looks like a legend in it
  // is no annex's legend (NAP109 is left out).
  const noTable = model.pages.every((p) => p.tables.length === 0);
  if (noTable) reportNoTable(diagnostics);
  // The legend only matters where statuses are cues: a text export without one loses nothing.
  else if (cues) checkLegends(legends, diagnostics);
  const assembly = new Assembly(diagnostics, cues, legendInForce(legends), noTable);
  for (const page of model.pages) assembly.readPage(page);
  assembly.finish();
  const { actionLines, rows, perActionLine, pageTables } = assembly;
  reportDuplicateTitles(rows, diagnostics);
  if (assembly.tableCount === 0 || (rows.length === 0 && actionLines.length === 0)) {
    if (!noTable) reportNoTable(diagnostics);
  } else {
    checkActionLineSequence(actionLines, diagnostics);
    checkStructureCounts(actionLines, perActionLine, pageTables, diagnostics);
  }
  return {
    title: assembly.titleParts.length > 0 ? assembly.titleParts.join(' ') : null,
    legend: legends[0]?.entries ?? [],
    hasStatusCues: cues,
    actionLines,
    rows,
    footnotes: assembly.footnotes,
    pageCount: model.pages.length,
  };
}

/** Per page with a table: rows that carry content, and the action line in force at its end. */
interface PageTable {
  page: number;
  contentRows: number;
  actionLineAtEnd: number | null;
  firstActionLine: number | null;
}

/** A body row's printed cells as assembly reads them: the Activiteit cell and the four after it. */
interface RowText {
  /** Set when the row's one text stands under no known column (see rowText). */
  merged?: true;
  first: string;
  rest: string[];
}

/**
 * The state of assembly as it reads the pages in order: the action lines and activities so far,
 * the action line in force, and what the last rows were (for the goal sentence and the
 * page-break rule, page-break.ts). One method per kind of row.
 */
class Assembly {
  readonly actionLines: AssembledActionLine[] = [];
  readonly rows: AssembledRow[] = [];
  readonly footnotes: FootnoteDefinition[] = [];
  readonly titleParts: string[] = [];
  /** Activities per action line so far: the next sequence number without rescanning `rows`. */
  readonly perActionLine = new Map<number, number>();
  readonly pageTables: PageTable[] = [];
  tableCount = 0;
  private current: AssembledActionLine | null = null;
  private expectGoalFor: number | null = null;
  /** The page the last activity was last seen on: a row may run over several pages. */
  private lastRowPage = 0;
  /** Whether the last body row read was an action line's goal sentence (which a page end may break too). */
  private lastBodyRow: 'goal' | 'other' = 'other';
  /** The page being read, its table counts, and whether no body row of it has been placed yet. */
  private page: Page | null = null;
  private pageTable: PageTable = { page: 0, contentRows: 0, actionLineAtEnd: null, firstActionLine: null };
  private firstRowOfPage = true;
  /** A row without a title, held until the next row shows whether its title was carried to the next page. */
  private untitled: { row: BodyRow; text: RowText; page: number } | null = null;

  /** Without any table (NAP101): the lines of text outside tables, counted for one NAP106 at the end, and the first of them. */
  private readonly outsideTables: { lines: number; pages: Set<number>; first: LooseText | null } = { lines: 0, pages: new Set(), first: null };

  constructor(
    private readonly diagnostics: DiagnosticBag,
    private readonly cues: boolean,
    private readonly legendAt: (at: SourceLocation) => Legend | null,
    private readonly noTable = false,
  ) {}

  /** Reads one page: its footnote definitions, its loose text, then its tables in order. */
  readPage(page: Page): void {
    this.page = page;
    this.footnotes.push(...page.footnotes);
    this.readLooseText(page);
    this.firstRowOfPage = true;
    this.pageTable = { page: page.number, contentRows: 0, actionLineAtEnd: null, firstActionLine: null };
    if (page.tables.length > 0) this.pageTables.push(this.pageTable);
    for (const table of page.tables) this.readTable(table, page);
    this.pageTable.actionLineAtEnd = this.current?.number ?? null;
  }

  /**
   * Loose text before page 1's first table is the document title, and so is the text above the
   * first heading of a page 1 without a table (a title page with a table of contents or the
   * legend: hold-out 7); other loose text not known as furniture is NAP106.
   */
  private readLooseText(page: Page): void {
    const titlePage = page.number === 1 && this.rows.length === 0 && page.tables.length === 0;
    const firstHeading = titlePage ? page.looseText.findIndex((l) => l.kind === 'contents' || l.kind === 'legend-heading' || l.kind === 'notes-heading') : -1;
    page.looseText.forEach((loose, i) => {
      if (loose.kind === 'page-number' || loose.kind === 'running' || loose.kind === 'notes-heading' || loose.kind === 'legend-heading' || loose.kind === 'contents') return;
      if (i < firstHeading || (page.number === 1 && this.rows.length === 0 && page.tables.length > 0 && isBeforeTables(loose.location, page))) {
        this.titleParts.push(loose.text);
      } else if (this.noTable) {
        this.outsideTables.lines++;
        this.outsideTables.pages.add(page.number);
        this.outsideTables.first ??= loose;
      } else {
        this.diagnostics.report('NAP106', `Text outside the table is not known page furniture: "${clip(loose.text)}". It is not in the output; check whether the reader missed a row or footnote.`, loc(loose.location), { actual: clip(loose.text, 200) });
      }
    });
  }

  /** Checks a table's header row (NAP102, NAP103) and reads its body rows. */
  private readTable(table: TableBlock, page: Page): void {
    this.tableCount++;
    if (table.header === null) {
      this.diagnostics.report('NAP102', `${table.rows.length} table row(s) without a header row above them on page ${page.number}; columns are assumed to be ${COLUMNS.join(' | ')}. Check that the header row "Activiteit | Status | Wanneer | Wie | Toelichting" is in the input.`, loc(table.rows[0]?.location ?? { page: page.number }));
    } else if (table.inheritedHeader !== true) {
      // A header row carried over from an earlier page was checked where it was printed.
      checkHeader(table.header, this.diagnostics);
    }
    const width = table.header?.cells.length ?? COLUMNS.length;
    for (const printed of table.rows) {
      const printedText = rowText(printed);
      if (printedText.merged !== true) checkCellCount(printed, table.header?.keys ?? null, width, this.diagnostics);
      if (this.readActionLineRow(printed, printedText)) continue;
      const { row, text } = this.withoutRepeatedGoal(printed, printedText);
      if (this.readCarriedTitle(row, text)) continue;
      if (this.readGoalSentence(row, text)) continue;
      this.readActivityRow(row, text);
    }
  }

  /**
   * An `Actielijn N` row starts (or returns to) that action line and is consumed (true). An
   * `Actielijn N` in a merged first column starts it too; the rest of that row is read as usual
   * (the goal, or an activity) unless the number is invalid.
   */
  private readActionLineRow(row: BodyRow, { first, rest }: RowText): boolean {
    const inColumn = actionLineNumberOf(row.cells.actionLine ?? '');
    if (inColumn !== null) {
      const started = this.startActionLine(inColumn, row.cells.actionLine!, row.location);
      if (started === 'invalid') return true;
      if (started === 'new') this.firstRowOfPage = false;
    }
    const actionLine = actionLineNumberOf(first);
    if (actionLine === null) return false;
    const extra = rest.filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      this.diagnostics.report('NAP110', `The "${clip(first)}" row has text in its other cells: ${extra.map((c) => `"${clip(c)}"`).join(', ')}. It is not in the output; move it into an activity row or a footnote.`, loc(row.location), { actual: extra.map((c) => clip(c, 200)) });
    }
    if (this.startActionLine(actionLine, first, row.location) === 'new') this.firstRowOfPage = false;
    return true;
  }

  /**
   * Starts action line `number` (printed as `text`), or returns to it when it was started before
   * (repeated page furniture: a continuation row may still follow): 'new', 'known', or 'invalid'
   * for a number outside 1 … MAX_ACTION_LINE (NAP504: the rows under it get no action line).
   */
  private startActionLine(number: number, text: string, location: SourceLocation): 'new' | 'known' | 'invalid' {
    if (!(Number.isSafeInteger(number) && number >= 1 && number <= MAX_ACTION_LINE)) {
      this.diagnostics.report('NAP504', `"${clip(text)}" is not a valid action line (numbers run from 1 to ${MAX_ACTION_LINE}); the rows under it are not assigned to any action line. Correct the number in the input.`, loc(location), { actual: clip(text), expected: `1 to ${MAX_ACTION_LINE}` });
      this.current = null;
      this.expectGoalFor = null;
      return 'invalid';
    }
    const known = this.actionLines.find((a) => a.number === number);
    if (known) this.current = known;
    else {
      this.current = { number, title: '', location };
      this.actionLines.push(this.current);
    }
    this.expectGoalFor = number;
    return known ? 'known' : 'new';
  }

  /**
   * The row under an `Actielijn N` row that holds only text in its first cell is the action
   * line's goal sentence (the first one printed is its title; a different one later is NAP113);
   * its second part opens the next page when a page end broke it (page-break.ts). True when the
   * row was one of these.
   */
  private readGoalSentence(row: BodyRow, { first, rest }: RowText): boolean {
    const current = this.current;
    if (this.lastBodyRow === 'goal' && this.atPageBreak() && current !== null && continuesGoalSentence(row, first, rest)) {
      current.title = joinWrapped(current.title, first.trim());
      this.lastBodyRow = 'other';
      this.firstRowOfPage = false;
      return true;
    }
    if (this.expectGoalFor === null || current === null || first.trim() === '' || !rest.every((c) => c.trim() === '')) return false;
    if (current.title === '') {
      current.title = first.trim();
      this.lastBodyRow = 'goal';
      this.lastRowPage = this.page!.number;
    } else if (current.title !== first.trim()) {
      this.diagnostics.report('NAP113', `Goal sentence of Actielijn ${current.number} on page ${this.page!.number} differs from the first one printed: "${clip(first)}". The first one is kept as the title.`, loc(row.location), { actual: first.trim(), expected: current.title });
    }
    this.expectGoalFor = null;
    return true;
  }

  /**
   * A page's repeated goal row read together with the row under it (no gap or ruling between them:
   * an untagged re-distil of a browser print whose three header rows repeat on every page): the
   * first cell repeats the action line's goal word for word right after its `Actielijn N` row at
   * the top of a page, while other cells hold text or the first cell goes on (a title running on
   * from the page before). The goal is taken as the repeated header row it is, and the row is read
   * without it (a continued part, or an untitled row). Otherwise the row as it is.
   */
  private withoutRepeatedGoal(row: BodyRow, text: RowText): { row: BodyRow; text: RowText } {
    const current = this.current;
    const first = text.first.trim();
    const goal = current?.title ?? '';
    const startsWithGoal = goal !== '' && first.startsWith(goal) && (first.length === goal.length || /^\s/u.test(first.slice(goal.length)));
    const repeated = this.expectGoalFor !== null && startsWithGoal && (first !== goal || text.rest.some((c) => c.trim() !== '')) && this.atPageBreak();
    if (!repeated) return { row, text };
    this.expectGoalFor = null;
    const title = first.slice(goal.length).trim();
    return { row: { ...row, cells: { ...row.cells, title } }, text: { first: title, rest: text.rest } };
  }

  /**
   * The title of a row broken by a page end, carried alone to the top of the next page while the
   * row's other cells start at the foot of the page before (a browser keeps a title's lines
   * together, WeasyPrint's orphans and widows): the held row without a title and this first row
   * of the next page, which has a title but no Wanneer or Wie, are one activity (NAP108). Called
   * after the `Actielijn N` rows; a repeated goal sentence (page furniture) keeps the row held.
   * True when the row was read so; otherwise a held row is reported (NAP104).
   */
  private readCarriedTitle(row: BodyRow, { first }: RowText): boolean {
    const held = this.untitled;
    // A repeated goal sentence (page furniture) keeps the row held for the row after it.
    if (held === null || (this.expectGoalFor !== null && this.current !== null && this.current.title === first.trim())) return false;
    this.untitled = null;
    // The carried part is the title alone: no Wanneer, no Wie, and no status mark of its own (a row
    // with its own mark is an activity whose cells are empty, not the held row's title).
    const carried =
      this.firstRowOfPage && this.page!.number === held.page + 1 && first.trim() !== '' && (row.cells.planning ?? '').trim() === '' && (row.cells.owners ?? '').trim() === '' && (row.statusCue.kind === 'none' || held.row.statusCue.kind === 'none');
    if (!carried) {
      this.reportNoTitle(held.row, held.text);
      return false;
    }
    const cells: BodyRow['cells'] = { ...held.row.cells, title: first };
    for (const key of ['status', 'planning', 'owners', 'explanation'] as const) cells[key] = joinWrapped(held.row.cells[key] ?? '', (row.cells[key] ?? '').trim());
    this.readActivityRow({ ...held.row, cells, statusCue: held.row.statusCue.kind === 'none' ? row.statusCue : held.row.statusCue }, { first, rest: PRINTED_COLUMN_KEYS.slice(1).map((k) => cells[k] ?? '') });
    const joined = this.rows.at(-1);
    if (joined) this.diagnostics.report('NAP108', `Title of ${joined.id} "${clip(first)}" carried to page ${this.page!.number}, joined with the row's other cells on page ${held.page}.`, loc(row.location, joined.id));
    this.lastRowPage = this.page!.number;
    this.firstRowOfPage = false;
    return true;
  }

  /** Reports the held row without a title, if any (NAP104). */
  private reportUntitled(): void {
    if (this.untitled !== null) this.reportNoTitle(this.untitled.row, this.untitled.text);
    this.untitled = null;
  }

  /** NAP104: a row without a title that continues nothing. */
  private reportNoTitle(row: BodyRow, { first, rest }: RowText): void {
    this.diagnostics.report('NAP104', `Row without a title (Activiteit cell empty): "${clip([first, ...rest].join(' | '))}". It is not in the output; give the row its title.`, loc(row.location), { actual: [first, ...rest].map((c) => clip(c, 200)) });
  }

  /** Ends the document: a row without a title still held is reported. */
  finish(): void {
    this.reportUntitled();
    const { lines, pages, first } = this.outsideTables;
    if (first !== null) {
      const what = lines === 1 ? `its one line of text, "${clip(first.text)}", stands` : `all ${lines} lines of text on ${pages.size} page${pages.size === 1 ? '' : 's'} stand`;
      const firstOf = lines === 1 ? '' : `, the first "${clip(first.text)}"`;
      this.diagnostics.report('NAP106', `No table was found (NAP101), so ${what} outside any table${firstOf}; none of it is in the output.`, loc(first.location), { actual: lines });
    }
  }

  /** True for the first body row of a page whose previous row was last seen on the page before. */
  private atPageBreak(): boolean {
    return this.firstRowOfPage && this.lastRowPage === this.page!.number - 1;
  }

  /**
   * Any other row: the continued part of the last activity (joined, NAP108), a row without a
   * title (NAP104), an activity before any action line (NAP107), or a new activity with its id.
   */
  private readActivityRow(row: BodyRow, { first, rest }: RowText): void {
    this.expectGoalFor = null;
    this.lastBodyRow = 'other';
    const page = this.page!.number;
    const previous = this.rows.at(-1);
    const continues = previous !== undefined && this.atPageBreak() && continuesActivity(row, previous, this.cues);
    if (first.trim() === '' || continues) {
      if (first.trim() === '' && rest.every((c) => c.trim() === '')) return;
      this.pageTable.contentRows++;
      if (continues && previous) {
        joinContinuation(previous, row);
        this.lastRowPage = page;
        this.diagnostics.report('NAP108', `Row continued from page ${page - 1} joined into ${previous.id} "${clip(previous.cells.title)}".`, loc(row.location, previous.id));
      } else {
        // Its title may have been carried to the next page (a browser keeps a title's lines together): the next row tells.
        this.reportUntitled();
        this.untitled = { row, text: { first, rest }, page };
      }
      this.firstRowOfPage = false;
      return;
    }
    this.firstRowOfPage = false;
    this.pageTable.contentRows++;
    const current = this.current;
    if (current === null) {
      this.diagnostics.report('NAP107', `Activity "${clip(first)}" appears before any "Actielijn N" row; it is not in the output. Check that the action line row is in the input.`, loc(row.location), { actual: clip(first, 200) });
      return;
    }
    const sequence = (this.perActionLine.get(current.number) ?? 0) + 1;
    this.perActionLine.set(current.number, sequence);
    this.pageTable.firstActionLine ??= current.number;
    this.lastRowPage = page;
    const cells = row.cells;
    const sources = sourcesOf(row);
    if (cells.number !== undefined) checkRowNumber(cells.number, current.number, sequence, row.location, this.diagnostics);
    this.rows.push({
      id: activityId(current.number, sequence),
      actionLine: current.number,
      sequence,
      cells: {
        title: first.trim(),
        status: (cells.status ?? '').trim(),
        planning: (cells.planning ?? '').trim(),
        owners: (cells.owners ?? '').trim(),
        explanation: (cells.explanation ?? '').trim(),
      },
      statusCue: row.statusCue,
      legend: this.legendAt(row.location)?.entries ?? [],
      location: row.location,
      ...(sources !== undefined ? { sources } : {}),
      ...(row.lineEnds !== undefined ? { lineEnds: row.lineEnds } : {}),
    });
    if (row.mergedAbove !== undefined && previous !== undefined) this.reportMergedCells(row, row.mergedAbove, previous.id);
  }

  /** NAP123: the row shares cells with the row above (merged vertically); their text is in that row. */
  private reportMergedCells(row: BodyRow, columns: readonly ColumnKey[], above: string): void {
    const id = this.rows.at(-1)!.id;
    const names = columns.map((k) => COLUMN_NAMES[k]);
    this.diagnostics.report('NAP123', `The ${names.join(' and ')} cell of ${id} is merged with ${above}'s above it (one cell over both rows, no ruling between them): its text is in ${above}; ${id} has none of its own there.`, { ...loc(row.location, id), field: names[0]! }, { actual: names, expected: above });
  }
}

/**
 * A row's text for reading: its Activiteit cell first, then the other printed cells. A row whose
 * only text stands in one cell under no known column or in the `Nr.` column (an `Actielijn N`
 * band or a goal merged across a table whose first column is not Activiteit) reads that text as
 * its first cell, as a merged row does in the five-column table.
 */
function rowText(row: BodyRow): RowText {
  const rest = PRINTED_COLUMN_KEYS.slice(1).map((k) => row.cells[k] ?? '');
  const title = row.cells.title ?? '';
  const unplaced = [row.cells.number ?? '', ...(row.unplaced ?? [])].filter((t) => t.trim() !== '');
  if (title.trim() === '' && rest.every((c) => c.trim() === '') && unplaced.length === 1) return { merged: true, first: unplaced[0]!, rest };
  return { first: title, rest };
}

/** NAP105: a row that printed more or fewer cells than its header has, or text under no known column. */
function checkCellCount(row: BodyRow, keys: readonly (ColumnKey | null)[] | null, width: number, diagnostics: DiagnosticBag): void {
  if ((row.printedCells ?? width) === width && (row.unplaced?.length ?? 0) === 0) return;
  const printed = row.printedCells ?? width;
  const texts = [...orderedCells(row, keys), ...(row.unplaced ?? [])];
  diagnostics.report('NAP105', `Row has ${printed} cells where the header has ${width}: "${clip(texts.join(' | '))}". Cells were read left to right; check the column split.`, loc(row.location), { actual: printed, expected: width });
}

/**
 * The programme has action lines 1 … ACTION_LINE_COUNT, printed in that order. Reports once the
 * numbers that never appear (NAP503, error: their activities are missing), once an action line
 * that starts after a higher one (NAP505, warning), and every action line numbered above
 * ACTION_LINE_COUNT (NAP506, warning: read, but not an action line of the NAP).
 */
function checkActionLineSequence(actionLines: AssembledActionLine[], diagnostics: DiagnosticBag): void {
  const seen = actionLines.map((a) => a.number);
  const highest = Math.max(ACTION_LINE_COUNT, ...seen);
  const missing = Array.from({ length: highest }, (_, i) => i + 1).filter((n) => !seen.includes(n));
  if (missing.length > 0) {
    diagnostics.report('NAP503', `Actielijn ${missing.join(', ')} not found (the NAP has action lines 1 to ${ACTION_LINE_COUNT}; this input has ${seen.length > 0 ? seen.join(', ') : 'none'}). Check whether pages or action-line rows are missing from the input.`, {}, { actual: seen, expected: Array.from({ length: highest }, (_, i) => i + 1) });
  }
  const outOfOrder = actionLines.find((a, i) => i > 0 && a.number < actionLines[i - 1]!.number);
  if (outOfOrder) {
    diagnostics.report('NAP505', `Actielijn ${outOfOrder.number} starts after Actielijn ${actionLines[actionLines.indexOf(outOfOrder) - 1]!.number}; action lines are printed in order. Check the page order of the input.`, loc(outOfOrder.location), { actual: seen, expected: [...seen].sort((a, b) => a - b) });
  }
  for (const beyond of actionLines.filter((a) => a.number > ACTION_LINE_COUNT)) {
    diagnostics.report('NAP506', `Actielijn ${beyond.number} is beyond the NAP's ${ACTION_LINE_COUNT} action lines; its rows are read as printed. Check the number in the input.`, loc(beyond.location), { actual: beyond.number, expected: Array.from({ length: ACTION_LINE_COUNT }, (_, i) => i + 1) });
  }
}

/**
 * Counts the structure itself vouches for, whatever the reader: every "Actielijn N" row heads at
 * least one activity (NAP115), an annex with action lines has activities (NAP116), and a page
 * whose table holds only page furniture (header, "Actielijn N", goal sentence) cannot sit inside
 * an action line that continues on the next page (NAP117: that page's rows were lost).
 */
function checkStructureCounts(
  actionLines: AssembledActionLine[],
  perActionLine: ReadonlyMap<number, number>,
  pageTables: readonly PageTable[],
  diagnostics: DiagnosticBag,
): void {
  const total = [...perActionLine.values()].reduce((a, b) => a + b, 0);
  if (total === 0) {
    diagnostics.report('NAP116', `${actionLines.length} "Actielijn N" row${actionLines.length === 1 ? '' : 's'} but no activity row at all: the output would hold 0 activities. Check that the input's table rows were read (tab-separated cells in a text export, <tr>/<td> in HTML).`, {}, { actual: 0, expected: 'at least 1' });
  }
  for (const actionLine of actionLines) {
    if ((perActionLine.get(actionLine.number) ?? 0) > 0) continue;
    diagnostics.report('NAP115', `Actielijn ${actionLine.number} has no activity rows under it; its activities are missing from the output. Check the pages after its "Actielijn ${actionLine.number}" row.`, loc(actionLine.location), { actual: 0, expected: 'at least 1' });
  }
  for (let i = 0; i + 1 < pageTables.length; i++) {
    const page = pageTables[i]!;
    const next = pageTables[i + 1]!;
    if (page.contentRows > 0 || page.actionLineAtEnd === null || next.firstActionLine !== page.actionLineAtEnd) continue;
    diagnostics.report('NAP117', `Page ${page.page} holds the table header of Actielijn ${page.actionLineAtEnd} but no rows, while Actielijn ${page.actionLineAtEnd} continues on page ${next.page}: the rows of page ${page.page} are missing. Check that page in the input.`, { page: page.page }, { actual: 0, expected: 'at least 1' });
  }
}

/** NAP111: an activity whose title (spacing and case aside) repeats an earlier one in the same action line. */
function reportDuplicateTitles(rows: AssembledRow[], diagnostics: DiagnosticBag): void {
  const first = new Map<string, AssembledRow>();
  for (const row of rows) {
    const key = `${row.actionLine}\u0000${foldText(row.cells.title)}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, row);
      continue;
    }
    diagnostics.report('NAP111', `${row.id} "${clip(row.cells.title)}" has the same title as ${earlier.id} in Actielijn ${row.actionLine}; both are kept. Remove the row if it is a duplicate.`, loc(row.location, row.id), { actual: clip(row.cells.title, 200) });
  }
}

/** `AL1-05`: action line number and 1-based sequence, at least two digits. */
export function activityId(actionLine: number, sequence: number): string {
  return `AL${actionLine}-${String(sequence).padStart(2, '0')}`;
}

/** A printed row number: `3`, `1.3`, `1.3.` (the action line, then the activity's place in it). */
const ROW_NUMBER = /^(?:(\d+)\.)?(\d+)\.?$/;

/**
 * NAP125 when the number printed in a row's `Nr.` cell is not the number of the activity the row
 * reads as (action line `actionLine`, `sequence`-th activity in it): `1.3` or `3` for AL1-03. An
 * empty cell says nothing; another text is reported as not a number.
 */
function checkRowNumber(printed: string, actionLine: number, sequence: number, location: SourceLocation, diagnostics: DiagnosticBag): void {
  const text = printed.replace(/\s+/g, '');
  if (text === '') return;
  const m = ROW_NUMBER.exec(text);
  if (m !== null && (m[1] === undefined || Number(m[1]) === actionLine) && Number(m[2]) === sequence) return;
  const id = activityId(actionLine, sequence);
  diagnostics.report('NAP125', `The row numbered "${clip(printed, 20)}" reads as ${id}, activity ${sequence} of action line ${actionLine}: a row before it may be missing, doubled or out of order. Check the rows around it.`, { ...loc(location, id), field: COLUMN_NAMES.number }, { actual: clip(printed, 20), expected: `${actionLine}.${sequence}` });
}

/**
 * NAP103 for a header row: each cell whose text is not an accepted header of the column it was
 * read as (a cell in a five-column header takes its position's column, vocabulary.ts
 * headerColumnKeys), each cell that names no column (its values are not read), and each printed
 * column the header lacks.
 */
function checkHeader(header: HeaderRow, diagnostics: DiagnosticBag): void {
  const at = loc(header.location);
  header.cells.forEach((cell, i) => {
    const printed = withoutFormatChars(cell).replace(/\s+/g, ' ').trim();
    const key = header.keys[i] ?? null;
    if (key === null) {
      diagnostics.report('NAP103', `Column ${i + 1} header "${printed}" not recognised; it names none of the columns ${COLUMNS.join(', ')}. Its values are not read.`, at, { actual: printed, expected: [...COLUMNS] });
      return;
    }
    const aliases = COLUMN_ALIASES[key];
    if (!aliases.includes(headerKey(printed))) {
      diagnostics.report('NAP103', `Column ${i + 1} header "${printed}" not recognised; expected ${aliases.map((a) => `"${a}"`).join(' or ')}. Values of this column may be read as ${COLUMN_NAMES[key]}.`, { ...at, field: COLUMN_NAMES[key] }, { actual: printed, expected: [...aliases] });
    }
  });
  for (const key of PRINTED_COLUMN_KEYS) {
    if (header.keys.includes(key)) continue;
    diagnostics.report('NAP103', `The header has no ${COLUMN_NAMES[key]} column; expected ${COLUMN_ALIASES[key].map((a) => `"${a}"`).join(' or ')}. Values of this column are empty.`, { ...at, field: COLUMN_NAMES[key] }, { actual: header.cells.map((c) => withoutFormatChars(c).replace(/\s+/g, ' ').trim()), expected: [...COLUMN_ALIASES[key]] });
  }
}

function isBeforeTables(location: SourceLocation, page: Page): boolean {
  const firstTable = page.tables[0]?.header?.location ?? page.tables[0]?.rows[0]?.location;
  if (!firstTable) return false;
  if (location.line !== undefined && firstTable.line !== undefined) return location.line < firstTable.line;
  if (location.bbox && firstTable.bbox) return location.bbox[1] < firstTable.bbox[1];
  return false;
}

/** A row's cells in the order its header prints them (the five printed columns without a header). */
function orderedCells(row: BodyRow, keys: readonly (ColumnKey | null)[] | null): string[] {
  return (keys ?? PRINTED_COLUMN_KEYS).flatMap((k) => (k !== null && row.cells[k] !== undefined ? [row.cells[k]!] : []));
}

/** NAP101: the input has no activity table (no header row, no action line). */
function reportNoTable(diagnostics: DiagnosticBag): void {
  diagnostics.report('NAP101', 'No activity table found: no header row "Activiteit | Status | Wanneer | Wie | Toelichting" and no "Actielijn N" rows. Is this a NAP progress annex?', {});
}
