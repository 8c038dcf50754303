/**
 * Assembly: page model → action lines and activity rows in document order.
 * - Drops page furniture: the repeated header, the `Actielijn N` row and its goal sentence row
 *   (counted once: the first occurrence gives the action line's title).
 * - Joins a row that a page break split in two: a body row with an empty Activiteit cell at the
 *   top of a page continues the last activity of the previous page (NAP108, info).
 * - Assigns each activity its action line and a stable id `AL<n>-<seq>` (seq 2 digits, 1-based).
 * Everything it cannot place becomes a diagnostic quoting the text, never silently dropped.
 */
import { locationOf as loc, type DiagnosticBag } from '../model/diagnostics.js';
import type { BodyRow, FootnoteDefinition, HeaderRow, LegendEntry, PageModel, SourceLocation, StatusCue } from '../model/page-model.js';
import { joinWrapped } from '../model/wrapped-text.js';
import { checkLegends, hasStatusCues, legendInForce, legendsOf, sameCueFamily } from '../status/index.js';
import { clip, withoutFormatChars } from '../model/plain-text.js';
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
  cells: { title: string; status: string; planning: string; owners: string; explanation: string };
  statusCue: StatusCue;
  /** The legend in force where the row is printed (src/status/legend-scope.ts): icon colours for status matching. */
  legend: LegendEntry[];
  location: SourceLocation;
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
  const actionLines: AssembledActionLine[] = [];
  const rows: AssembledRow[] = [];
  const footnotes: FootnoteDefinition[] = [];
  const titleParts: string[] = [];
  let current = null as AssembledActionLine | null;
  let expectGoalFor = null as number | null;
  let tableCount = 0;
  /** Activities per action line so far: the next sequence number without rescanning `rows`. */
  const perActionLine = new Map<number, number>();
  /** Per page with a table: rows that carry content, and the action line in force at its end. */
  const pageTables: Array<{ page: number; contentRows: number; actionLineAtEnd: number | null; firstActionLine: number | null }> = [];
  // The page the last activity was last seen on: a row may run over several pages.
  let lastRowPage = 0;
  // Whether the last body row read was an action line's goal sentence (which a page end may break too).
  let lastBodyRow: 'goal' | 'other' = 'other';

  /**
   * Starts action line `number` (printed as `text`), or returns to it when it was started before
   * (repeated page furniture: a continuation row may still follow): 'new', 'known', or 'invalid'
   * for a number outside 1 … MAX_ACTION_LINE (NAP504: the rows under it get no action line).
   */
  const startActionLine = (number: number, text: string, location: SourceLocation): 'new' | 'known' | 'invalid' => {
    if (!(Number.isSafeInteger(number) && number >= 1 && number <= MAX_ACTION_LINE)) {
      diagnostics.report('NAP504', `"${clip(text)}" is not a valid action line (numbers run from 1 to ${MAX_ACTION_LINE}); the rows under it are not assigned to any action line. Correct the number in the input.`, loc(location));
      current = null;
      expectGoalFor = null;
      return 'invalid';
    }
    const known = actionLines.find((a) => a.number === number);
    if (known) current = known;
    else {
      current = { number, title: '', location };
      actionLines.push(current);
    }
    expectGoalFor = number;
    return known ? 'known' : 'new';
  };

  const cues = hasStatusCues(model);
  const legends = legendsOf(model);
  // The legend only matters where statuses are cues: a text export without one loses nothing.
  if (cues) checkLegends(legends, diagnostics);
  const legendAt = legendInForce(legends);
  // An input without any table is most likely not an annex: say so first, before its lines of
  // loose text (NAP106), which are then all of its text.
  const noTable = model.pages.every((p) => p.tables.length === 0);
  if (noTable) reportNoTable(diagnostics);
  for (const page of model.pages) {
    footnotes.push(...page.footnotes);
    for (const loose of page.looseText) {
      if (loose.kind === 'page-number' || loose.kind === 'running' || loose.kind === 'notes-heading') continue;
      if (page.number === 1 && rows.length === 0 && page.tables.length > 0 && isBeforeTables(loose.location, page)) {
        titleParts.push(loose.text);
      } else {
        diagnostics.report('NAP106', `Text outside the table is not known page furniture: "${clip(loose.text)}". It is not in the output; check whether the reader missed a row or footnote.`, loc(loose.location));
      }
    }
    let firstRowOfPage = true;
    const pageTable = { page: page.number, contentRows: 0, actionLineAtEnd: null as number | null, firstActionLine: null as number | null };
    if (page.tables.length > 0) pageTables.push(pageTable);
    for (const table of page.tables) {
      tableCount++;
      if (table.header === null) {
        diagnostics.report('NAP102', `${table.rows.length} table row(s) without a header row above them on page ${page.number}; columns are assumed to be ${COLUMNS.join(' | ')}. Check that the header row "Activiteit | Status | Wanneer | Wie | Toelichting" is in the input.`, loc(table.rows[0]?.location ?? { page: page.number }));
      } else if (table.inheritedHeader !== true) {
        // A header row carried over from an earlier page was checked where it was printed.
        checkHeader(table.header, diagnostics);
      }
      const width = table.header?.cells.length ?? COLUMNS.length;
      for (const row of table.rows) {
        const cells = row.cells;
        if ((row.printedCells ?? width) !== width || (row.unplaced?.length ?? 0) > 0) {
          const printed = row.printedCells ?? width;
          const texts = [...orderedCells(row, table.header?.keys ?? null), ...(row.unplaced ?? [])];
          diagnostics.report('NAP105', `Row has ${printed} cells where the header has ${width}: "${clip(texts.join(' | '))}". Cells were read left to right; check the column split.`, loc(row.location), { actual: printed, expected: width });
        }
        const first = cells.title ?? '';
        const rest = PRINTED_COLUMN_KEYS.slice(1).map((k) => cells[k] ?? '');
        // An `Actielijn N` in a merged first column starts that action line; the rest of its row is read as usual (the goal, or an activity).
        const inColumn = actionLineNumberOf(cells.actionLine ?? '');
        if (inColumn !== null) {
          const started = startActionLine(inColumn, cells.actionLine!, row.location);
          if (started === 'invalid') continue;
          if (started === 'new') firstRowOfPage = false;
        }
        const lineNumber = actionLineNumberOf(first);
        if (lineNumber !== null) {
          const extra = rest.filter((c) => c.trim() !== '');
          if (extra.length > 0) {
            diagnostics.report('NAP110', `The "${clip(first)}" row has text in its other cells: ${extra.map((c) => `"${clip(c)}"`).join(', ')}. It is not in the output; move it into an activity row or a footnote.`, loc(row.location));
          }
          const started = startActionLine(lineNumber, first, row.location);
          if (started === 'new') firstRowOfPage = false;
          continue;
        }
        // The goal sentence broken by a page end: its second part opens the next page (the same TR
        // in a tagged PDF; otherwise a first row with nothing but text in its first cell).
        if (
          lastBodyRow === 'goal' && firstRowOfPage && current !== null && lastRowPage === page.number - 1 &&
          row.continued !== false && first.trim() !== '' && rest.every((c) => c.trim() === '') && row.statusCue.kind === 'none'
        ) {
          current.title = joinWrapped(current.title, first.trim());
          lastBodyRow = 'other';
          firstRowOfPage = false;
          continue;
        }
        if (expectGoalFor !== null && current !== null && first.trim() !== '' && rest.every((c) => c.trim() === '')) {
          if (current.title === '') {
            current.title = first.trim();
            lastBodyRow = 'goal';
            lastRowPage = page.number;
          }
          else if (current.title !== first.trim()) {
            diagnostics.report('NAP113', `Goal sentence of Actielijn ${current.number} on page ${page.number} differs from the first one printed: "${clip(first)}". The first one is kept as the title.`, loc(row.location));
          }
          expectGoalFor = null;
          continue;
        }
        expectGoalFor = null;
        lastBodyRow = 'other';
        const previous = rows.at(-1);
        const continues = firstRowOfPage && previous !== undefined && lastRowPage === page.number - 1 && continuesPrevious(row, previous, cues);
        if (first.trim() === '' || continues) {
          if (first.trim() === '' && rest.every((c) => c.trim() === '')) continue;
          pageTable.contentRows++;
          if (continues && previous) {
            joinContinuation(previous, row);
            lastRowPage = page.number;
            diagnostics.report('NAP108', `Row continued from page ${page.number - 1} joined into ${previous.id} "${clip(previous.cells.title)}".`, loc(row.location, previous.id));
          } else {
            diagnostics.report('NAP104', `Row without a title (Activiteit cell empty): "${clip([first, ...rest].join(' | '))}". It is not in the output; give the row its title.`, loc(row.location));
          }
          firstRowOfPage = false;
          continue;
        }
        firstRowOfPage = false;
        pageTable.contentRows++;
        if (current === null) {
          diagnostics.report('NAP107', `Activity "${clip(first)}" appears before any "Actielijn N" row; it is not in the output. Check that the action line row is in the input.`, loc(row.location));
          continue;
        }
        const sequence = (perActionLine.get(current.number) ?? 0) + 1;
        perActionLine.set(current.number, sequence);
        pageTable.firstActionLine ??= current.number;
        lastRowPage = page.number;
        rows.push({
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
          legend: legendAt(row.location)?.entries ?? [],
          location: row.location,
        });
      }
    }
    pageTable.actionLineAtEnd = current?.number ?? null;
  }
  reportDuplicateTitles(rows, diagnostics);
  if (tableCount === 0 || (rows.length === 0 && actionLines.length === 0)) {
    if (!noTable) reportNoTable(diagnostics);
  } else {
    checkActionLineSequence(actionLines, diagnostics);
    checkStructureCounts(actionLines, perActionLine, pageTables, diagnostics);
  }
  return {
    title: titleParts.length > 0 ? titleParts.join(' ') : null,
    legend: legends[0]?.entries ?? [],
    hasStatusCues: cues,
    actionLines,
    rows,
    footnotes,
    pageCount: model.pages.length,
  };
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
    diagnostics.report('NAP503', `Actielijn ${missing.join(', ')} not found (the NAP has action lines 1 to ${ACTION_LINE_COUNT}; this input has ${seen.length > 0 ? seen.join(', ') : 'none'}). Check whether pages or action-line rows are missing from the input.`, {});
  }
  const outOfOrder = actionLines.find((a, i) => i > 0 && a.number < actionLines[i - 1]!.number);
  if (outOfOrder) {
    diagnostics.report('NAP505', `Actielijn ${outOfOrder.number} starts after Actielijn ${actionLines[actionLines.indexOf(outOfOrder) - 1]!.number}; action lines are printed in order. Check the page order of the input.`, loc(outOfOrder.location));
  }
  for (const beyond of actionLines.filter((a) => a.number > ACTION_LINE_COUNT)) {
    diagnostics.report('NAP506', `Actielijn ${beyond.number} is beyond the NAP's ${ACTION_LINE_COUNT} action lines; its rows are read as printed. Check the number in the input.`, loc(beyond.location));
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
  pageTables: ReadonlyArray<{ page: number; contentRows: number; actionLineAtEnd: number | null; firstActionLine: number | null }>,
  diagnostics: DiagnosticBag,
): void {
  const total = [...perActionLine.values()].reduce((a, b) => a + b, 0);
  if (total === 0) {
    diagnostics.report('NAP116', `${actionLines.length} "Actielijn N" row${actionLines.length === 1 ? '' : 's'} but no activity row at all: the output would hold 0 activities. Check that the input's table rows were read (tab-separated cells in a text export, <tr>/<td> in HTML).`, {});
  }
  for (const line of actionLines) {
    if ((perActionLine.get(line.number) ?? 0) > 0) continue;
    diagnostics.report('NAP115', `Actielijn ${line.number} has no activity rows under it; its activities are missing from the output. Check the pages after its "Actielijn ${line.number}" row.`, loc(line.location));
  }
  for (let i = 0; i + 1 < pageTables.length; i++) {
    const page = pageTables[i]!;
    const next = pageTables[i + 1]!;
    if (page.contentRows > 0 || page.actionLineAtEnd === null || next.firstActionLine !== page.actionLineAtEnd) continue;
    diagnostics.report('NAP117', `Page ${page.page} holds the table header of Actielijn ${page.actionLineAtEnd} but no rows, while Actielijn ${page.actionLineAtEnd} continues on page ${next.page}: the rows of page ${page.page} are missing. Check that page in the input.`, { page: page.page });
  }
}

/** NAP111: an activity whose title (spacing and case aside) repeats an earlier one in the same action line. */
function reportDuplicateTitles(rows: AssembledRow[], diagnostics: DiagnosticBag): void {
  const first = new Map<string, AssembledRow>();
  for (const row of rows) {
    const key = `${row.actionLine}\u0000${row.cells.title.replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl')}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, row);
      continue;
    }
    diagnostics.report('NAP111', `${row.id} "${clip(row.cells.title)}" has the same title as ${earlier.id} in Actielijn ${row.actionLine}; both are kept. Remove the row if it is a duplicate.`, loc(row.location, row.id));
  }
}

/** `AL1-05`: action line number and 1-based sequence, at least two digits. */
export function activityId(actionLine: number, sequence: number): string {
  return `AL${actionLine}-${String(sequence).padStart(2, '0')}`;
}

/**
 * True when `row`, the first body row of a page, continues `previous`, the last activity of the
 * page before (a table row broken by the page end). The reader's word decides where it has one
 * (a tagged PDF: the same TR on both pages); otherwise an empty Activiteit cell, or — in an input
 * with status cues — a row without a cue under a row that has one, with an empty Wanneer or Wie
 * (a new activity always shows its status, Wanneer and Wie; a continuation does not repeat a
 * mark), or a row whose Status cell has the same shading as the row before (which may have been
 * seen as a filled box) and whose Wanneer or Wie is empty (shading runs on into the part on the
 * next page; a new activity has both).
 */
function continuesPrevious(row: BodyRow, previous: AssembledRow, cues: boolean): boolean {
  if (row.continued !== undefined) return row.continued;
  if ((row.cells.title ?? '').trim() === '') return true;
  if (!cues || previous.statusCue.kind === 'none') return false;
  const blank = (key: ColumnKey): boolean => (row.cells[key] ?? '').trim() === '';
  // Without a cue: a continued part, unless it has its own Wanneer and Wie as a new activity has
  // (then its cue is missing, and NAP304 says so, rather than two activities becoming one).
  if (row.statusCue.kind === 'none') return blank('planning') || blank('owners');
  // A shaded Status cell stays shaded in the part on the next page; a new activity has its Wanneer
  // and Wie. The part at the page bottom may be a few lines tall, so that a reader sees its
  // shading as a filled box (`vector`) rather than a cell background.
  const cue = row.statusCue;
  const before = previous.statusCue;
  return cue.kind === 'icon' && cue.shape === 'shading' && before.kind === 'icon' && sameCueFamily(before.shape, cue.shape) && cue.color === before.color && (blank('planning') || blank('owners'));
}

/**
 * Appends the continued part of a row to its first part, cell by cell, as a wrapped line joins
 * (joinWrapped). A status printed in words and broken by the page end (`Doorlopend gedurende` /
 * `uitvoering programma`) is joined the same way, before it is matched to a label.
 */
function joinContinuation(previous: AssembledRow, row: BodyRow): void {
  for (const key of ['title', 'status', 'planning', 'owners', 'explanation'] as const) {
    previous.cells[key] = joinWrapped(previous.cells[key], (row.cells[key] ?? '').trim());
  }
  const before = previous.statusCue;
  const after = row.statusCue;
  if (before.kind === 'none') previous.statusCue = after;
  else if (before.kind === 'text' && after.kind === 'text') previous.statusCue = { kind: 'text', text: joinWrapped(before.text, after.text) };
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
      diagnostics.report('NAP103', `Column ${i + 1} header "${printed}" not recognised; it names none of the columns ${COLUMNS.join(', ')}. Its values are not read.`, at, { actual: printed });
      return;
    }
    const aliases = COLUMN_ALIASES[key];
    if (!aliases.includes(headerKey(printed))) {
      diagnostics.report('NAP103', `Column ${i + 1} header "${printed}" not recognised; expected ${aliases.map((a) => `"${a}"`).join(' or ')}. Values of this column may be read as ${COLUMN_NAMES[key]}.`, { ...at, field: COLUMN_NAMES[key] }, { actual: printed, expected: [...aliases] });
    }
  });
  for (const key of PRINTED_COLUMN_KEYS) {
    if (header.keys.includes(key)) continue;
    diagnostics.report('NAP103', `The header has no ${COLUMN_NAMES[key]} column; expected ${COLUMN_ALIASES[key].map((a) => `"${a}"`).join(' or ')}. Values of this column are empty.`, { ...at, field: COLUMN_NAMES[key] }, { expected: [...COLUMN_ALIASES[key]] });
  }
}

function isBeforeTables(location: SourceLocation, page: PageModel['pages'][number]): boolean {
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
