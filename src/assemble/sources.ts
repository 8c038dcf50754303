/**
 * Where an activity's values were printed (PDF input), kept through assembly for provenance
 * (annex.json `provenance`): the boxes of each part of a row, and how the parts of a row a page
 * end broke are put together (page-break.ts joins the cells, joinSources their boxes).
 */
import type { BBox, BodyRow, PagedBox, StatusCue } from '../model/page-model.js';

/**
 * Per part of the row (one, or one per page for a row a page end broke) the row's box, and each
 * cell's box where the part has text in that cell; `status` holds the box of the status cue that
 * gave the status (the mark or shaded cell), or of the Status cell's words. PDF points, origin
 * top-left.
 */
export interface RowSources {
  row: PagedBox[];
  title: PagedBox[];
  status: PagedBox[];
  planning: PagedBox[];
  owners: PagedBox[];
  explanation: PagedBox[];
}

/** The value fields whose cells RowSources locates by their cell box, in COLUMNS order. */
const CELL_FIELDS = ['title', 'planning', 'owners', 'explanation'] as const;

/** The boxes of one body row (one part of an activity); undefined when the reader gave none (text, HTML). */
export function sourcesOf(row: BodyRow): RowSources | undefined {
  const { page, bbox } = row.location;
  if (bbox === undefined) return undefined;
  const at = (box: BBox | undefined): PagedBox[] => (box === undefined ? [] : [{ page, bbox: box }]);
  const sources: RowSources = { row: at(bbox), title: [], status: at(statusBoxOf(row)), planning: [], owners: [], explanation: [] };
  for (const key of CELL_FIELDS) sources[key] = at(row.cellBoxes?.[key]);
  return sources;
}

/** Where a row's status was seen: the cue's own box (mark or shaded cell), else the Status cell's words when the cue is text. */
function statusBoxOf(row: BodyRow): BBox | undefined {
  if (row.statusCue.kind === 'none') return undefined;
  return row.statusBox ?? (row.statusCue.kind === 'text' ? row.cellBoxes?.status : undefined);
}

/**
 * Appends the boxes of `row`, the continued part, to `sources` (the activity's so far). `before`
 * is the activity's status cue before the join: the status box stays the one of the cue that
 * gives the status (the part's own when the activity had none; both parts' for words broken by
 * the page end, which are joined).
 */
export function joinSources(sources: RowSources, row: BodyRow, before: StatusCue): void {
  const part = sourcesOf(row);
  if (part === undefined) return;
  for (const key of ['row', ...CELL_FIELDS] as const) sources[key].push(...part[key]);
  if (before.kind === 'none') sources.status = part.status;
  else if (before.kind === 'text' && row.statusCue.kind === 'text') sources.status.push(...part.status);
}
