/**
 * The page-break rule: when a body row at the top of a page continues the row that the page end
 * broke off, and how the two parts become one.
 *
 * Assembly asks only at a page break: of the first body row of a page, when the row it might
 * continue (the last activity, or the action line's goal sentence) was last seen on the page
 * before. Then:
 * - the reader's word decides where it has one (`BodyRow.continued`: a tagged PDF puts both parts
 *   in the same TR);
 * - an activity continues (NAP108, info) when the row's Activiteit cell is empty; or, in an input
 *   with status cues, when it shows no cue under a row that has one and its Wanneer or Wie is
 *   empty (a new activity always shows its status, Wanneer and Wie; a continuation does not
 *   repeat a mark); or when its Status cell has the same shading as the row before and its
 *   Wanneer or Wie is empty (shading runs on into the part on the next page; the part at the page
 *   bottom may be a few lines tall, so that a reader sees its shading as a filled box);
 * - a status printed in words continues when its part on the next page is no label alone but
 *   completes the part before to one (`In uitvoering` / `met vertraging`), Wanneer or Wie empty;
 * - a goal sentence continues when the row holds nothing but text in its first cell and no cue;
 * - the parts are joined cell by cell as a wrapped line joins (model/wrapped-text.ts joinWrapped),
 *   a status printed in words and broken by the page end too (`Doorlopend gedurende` /
 *   `uitvoering programma`), before it is matched to a label; both parts' boxes are kept
 *   (sources.ts).
 */
import type { BodyRow, LineEnds, StatusCue } from '../model/page-model.js';
import { joinWrapped } from '../model/wrapped-text.js';
import { type ColumnKey, isLegendLabel } from '../model/vocabulary.js';
import { sameCueFamily } from '../status/index.js';
import { type RowSources, joinSources } from './sources.js';

/** The cells of an assembled activity that a continued part is joined into. */
export interface ActivityCells {
  title: string;
  status: string;
  planning: string;
  owners: string;
  explanation: string;
}

/** What the rule reads of the activity a row might continue (an assembled row). */
export interface ContinuedActivity {
  cells: ActivityCells;
  statusCue: StatusCue;
  /** Where its values were printed (PDF input): the continued part's boxes are appended. */
  sources?: RowSources;
  /** How its last part's cells end (PDF input: BodyRow.lineEnds). */
  lineEnds?: Partial<Record<keyof ActivityCells, LineEnds>>;
}

/**
 * True when `row`, the first body row of a page, continues `previous`, the last activity of the
 * page before. `cues`: the input carries status cues (src/status/cue-family.ts hasStatusCues).
 */
export function continuesActivity(row: BodyRow, previous: ContinuedActivity, cues: boolean): boolean {
  if (row.continued !== undefined) return row.continued;
  const blank = (key: ColumnKey): boolean => (row.cells[key] ?? '').trim() === '';
  // An empty Activiteit cell continues the row, unless the row shows what only a new activity
  // shows: a status mark of its own under a row that has one, and its own Wanneer and Wie (an
  // Activiteit cell merged over two rows and broken by the page end: the row is left untitled,
  // NAP104, rather than joined).
  if (blank('title')) return !(isMark(row.statusCue) && previous.statusCue.kind !== 'none' && !blank('planning') && !blank('owners'));
  // A status printed in words and broken by the page end: the part on the next page is no label
  // alone and completes the one before to a label (`In uitvoering` / `met vertraging`).
  if (row.statusCue.kind === 'text' && previous.statusCue.kind === 'text' && completesLabel(previous.statusCue.text, row.statusCue.text)) return blank('planning') || blank('owners');
  if (!cues || previous.statusCue.kind === 'none') return false;
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

/** True when `after` is no status label alone and `before` + `after` is one (legend vocabulary). */
function completesLabel(before: string, after: string): boolean {
  return !isLegendLabel(after) && isLegendLabel(joinWrapped(before, after.trim()));
}

/** A status mark drawn in the Status cell (an icon or glyph, not the cell's shading, which runs on into a continued part). */
function isMark(cue: StatusCue): boolean {
  return cue.kind === 'icon' && cue.shape !== 'shading';
}

/**
 * True when `row`, the first body row of a page right after a goal sentence on the page before,
 * is that sentence's second part: text in its first cell (`first`), nothing in the other printed
 * cells (`rest`), no status cue, and not a new row by the reader's word.
 */
export function continuesGoalSentence(row: BodyRow, first: string, rest: readonly string[]): boolean {
  return row.continued !== false && first.trim() !== '' && rest.every((c) => c.trim() === '') && row.statusCue.kind === 'none';
}

/**
 * share of the first word's width. The room must exceed the measured first word by this much: a
 * first word's width is estimated from its chunk (shared out by character), and lines that
 * wrapped in the corpus leave up to 1.21 times that estimate (a paragraph's last line: 3.4 times
 * and more, word-generated/marker-wrap-a5-calibri).
 */
const PARAGRAPH_ROOM_SHARE = 1.5;

/**
 * True when a cell's part on the next page opens a new paragraph: its first word (`after.lead`,
 * with the space before it) would have fitted in the room left on the last line before the page
 * end (`before.room`), so that line ended its paragraph (a line wraps only when the next word does
 * not fit). Both in PDF points; false where either is unknown (text and HTML input).
 * word-generated/marker-wrap-a5-calibri: AL1-12's second paragraph starts on the next page.
 */
export function opensParagraph(before: LineEnds | undefined, after: LineEnds | undefined): boolean {
  return before !== undefined && after !== undefined && after.lead * PARAGRAPH_ROOM_SHARE < before.room;
}

/** Appends the continued part of a row to its first part, cell by cell (see the module doc). */
export function joinContinuation(previous: ContinuedActivity, row: BodyRow): void {
  for (const key of ['title', 'status', 'planning', 'owners', 'explanation'] as const) {
    previous.cells[key] = joinWrapped(previous.cells[key], (row.cells[key] ?? '').trim(), key === 'explanation' && opensParagraph(previous.lineEnds?.[key], row.lineEnds?.[key]));
  }
  if (row.lineEnds !== undefined) previous.lineEnds = { ...previous.lineEnds, ...row.lineEnds };
  const before = previous.statusCue;
  const after = row.statusCue;
  if (previous.sources !== undefined) joinSources(previous.sources, row, before);
  if (before.kind === 'none') previous.statusCue = after;
  else if (before.kind === 'text' && after.kind === 'text') previous.statusCue = { kind: 'text', text: joinWrapped(before.text, after.text) };
}
