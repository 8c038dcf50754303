/**
 * What `nap-annex inspect` draws over a page: the boxes of the page model (src/model/page-model.ts)
 * as the PDF reader made them, each with the words that explain it. Pure: page model in,
 * boxes out; drawing.ts lays them out as an image, render-png.ts and render-svg.ts draw them.
 *
 * Every box is a box of the page model, unchanged (PDF points, origin top-left, y down):
 * - `column`: a table column (`TableBlock.columns`, x0…x1) from the table's top to its bottom;
 * - `header`: the header row printed on the page (`TableBlock.header`, unless `inheritedHeader`);
 * - `row`: a body row (`BodyRow.location.bbox`), labelled with the activity it became (assembly,
 *   src/assemble/rows.ts: `AL1-05`, `AL1-05 (continued)` for the part after a page end) and the
 *   signals that started it (`BodyRow.startedBy`);
 * - `cell`: the text of a cell (`BodyRow.cellBoxes`);
 * - `status`: a status cue (`BodyRow.statusBox`), labelled with how the status rule reads it
 *   (src/status/row-status.ts readIconCue: the legend entry matched and the colour distance, or
 *   the nearest entry when none is near enough; words: their status code);
 * - `legend`: a legend entry (`LegendEntry.location.bbox`) with its icon colour;
 * - `furniture`: page numbers, running headers and footers, notes headings (`LooseText.kind`);
 * - `text`: other loose text (the title; anything else is NAP106);
 * - `note`: a footnote definition (`FootnoteDefinition.location.bbox`);
 * - `marker`: a footnote marker in a cell (`BodyRow.markers`).
 */
import { assembleRows } from '../assemble/rows.js';
import { DiagnosticBag } from '../diagnostics/bag.js';
import type { BBox, BodyRow, LegendEntry, Page, PageModel } from '../model/page-model.js';
import { fromSuperscript } from '../model/superscript.js';
import { COLUMN_NAMES, actionLineNumberOf } from '../model/vocabulary.js';
import { legendInForce, legendsOf, normaliseStatusLabel, printableColor, readIconCue } from '../status/index.js';

/** The kinds of box inspect draws, in drawing order (later kinds are drawn over earlier ones). */
export const OVERLAY_KINDS = ['column', 'header', 'row', 'cell', 'status', 'legend', 'furniture', 'text', 'note', 'marker'] as const;

/** One kind of box (OVERLAY_KINDS). */
export type OverlayKind = (typeof OVERLAY_KINDS)[number];

/** One box drawn over a page: its kind, its box in the page model, what it says, and the page model's text in it. */
export interface OverlayBox {
  kind: OverlayKind;
  /** `[x0, y0, x1, y1]` in PDF points, origin top-left: exactly the page model's box. */
  bbox: BBox;
  /** What the box is, in a few words (drawn beside the page); absent for cells. */
  label?: string;
  /** The page model's text of the box (cells, header, notes, loose text): the SVG drawing writes it, where the page itself is not rendered. */
  text?: string;
}

/** The boxes of one page. */
export interface PageOverlay {
  page: number;
  /** Page size in points (the page model's), or null when the reader gave none. */
  size: { width: number; height: number } | null;
  boxes: OverlayBox[];
}

/** Which activity each body row became, and the legend a row's cue is read with. */
interface RowReading {
  /** `AL1-05`, `AL1-05 (continued)`, or null for a row that is no activity. */
  activity: string | null;
  /** What a row that is no activity is: `Actielijn 1 row`, `goal of Actielijn 1`, or `not an activity` (a row assembly reported). */
  role: string;
  legend: readonly LegendEntry[];
}

/**
 * The boxes of `pages` (1-based page numbers; every page when absent) of a PDF's page model. Runs
 * assembly on the model (its diagnostics are dropped: inspect shows the reading, `check` reports
 * it) to name each row's activity and the legend in force there.
 */
export function pageOverlays(model: PageModel, pages?: readonly number[]): PageOverlay[] {
  const readings = rowReadings(model);
  const wanted = pages === undefined ? null : new Set(pages);
  return model.pages.filter((p) => wanted === null || wanted.has(p.number)).map((p) => pageOverlay(p, readings));
}

/** The boxes of one page, in OVERLAY_KINDS order. */
function pageOverlay(page: Page, readings: ReadonlyMap<BodyRow, RowReading>): PageOverlay {
  const boxes: OverlayBox[] = [];
  for (const table of page.tables) boxes.push(...tableBoxes(table, page.number));
  for (const table of page.tables) {
    for (const row of table.rows) boxes.push(...rowBoxes(row, readings.get(row) ?? { activity: null, role: 'row', legend: [] }));
  }
  for (const e of page.legend) {
    if (e.location.bbox) boxes.push({ kind: 'legend', bbox: e.location.bbox, label: `legend: ${e.label} ${e.iconColor === null ? '(no icon)' : `${printableColor(e.iconColor)} ${e.iconShape ?? ''}`.trim()}`, text: e.label });
  }
  for (const t of page.looseText) {
    if (!t.location.bbox) continue;
    const kind = t.kind ?? 'text';
    boxes.push(kind === 'text' ? { kind: 'text', bbox: t.location.bbox, label: `text outside the table: ${t.text}`, text: t.text } : { kind: 'furniture', bbox: t.location.bbox, label: `${kind}: ${t.text}`, text: t.text });
  }
  for (const f of page.footnotes) {
    // A note labelled with a letter is drawn with the letter the page prints (`note a`), not its number.
    const label = f.label ?? String(f.number);
    if (f.location.bbox) boxes.push({ kind: 'note', bbox: f.location.bbox, label: `note ${label}`, text: `${label} ${f.text}` });
  }
  for (const table of page.tables) {
    for (const row of table.rows) for (const m of row.markers ?? []) boxes.push({ kind: 'marker', bbox: m.bbox, label: `marker ${fromSuperscript(m.text)}` });
  }
  boxes.sort((a, b) => OVERLAY_KINDS.indexOf(a.kind) - OVERLAY_KINDS.indexOf(b.kind));
  return { page: page.number, size: page.size ?? null, boxes };
}

/** A table's columns (from its top to its bottom on this page) and its header row where the page prints it. */
function tableBoxes(table: Page['tables'][number], page: number): OverlayBox[] {
  const boxes: OverlayBox[] = [];
  const printedHeader = table.header !== null && table.inheritedHeader !== true && table.header.location.page === page ? table.header : null;
  const tops: number[] = [];
  const bottoms: number[] = [];
  if (printedHeader?.location.bbox) {
    boxes.push({ kind: 'header', bbox: printedHeader.location.bbox, label: `header row: ${printedHeader.cells.join(' | ')}`, text: printedHeader.cells.join(' | ') });
    tops.push(printedHeader.location.bbox[1]);
    bottoms.push(printedHeader.location.bbox[3]);
  }
  for (const r of table.rows) {
    if (!r.location.bbox) continue;
    tops.push(r.location.bbox[1]);
    bottoms.push(r.location.bbox[3]);
  }
  if (tops.length === 0) return boxes;
  const top = Math.min(...tops);
  const bottom = Math.max(...bottoms);
  const carried = table.inheritedHeader === true && table.header !== null ? ` (header of page ${table.header.location.page})` : '';
  for (const c of table.columns ?? []) {
    boxes.push({ kind: 'column', bbox: [c.x0, top, c.x1, bottom], label: `${c.key === null ? 'unnamed column' : COLUMN_NAMES[c.key]}${carried}` });
  }
  return boxes;
}

/** A body row's boxes: the row (labelled), its cells, its status cue (labelled). */
function rowBoxes(row: BodyRow, reading: RowReading): OverlayBox[] {
  const boxes: OverlayBox[] = [];
  if (row.location.bbox) {
    const what = reading.activity ?? reading.role;
    const signals = row.startedBy && row.startedBy.length > 0 ? ` (started by: ${row.startedBy.join(', ')})` : '';
    boxes.push({ kind: 'row', bbox: row.location.bbox, label: `${what}${signals}` });
  }
  for (const [key, bbox] of Object.entries(row.cellBoxes ?? {}) as [keyof NonNullable<BodyRow['cellBoxes']>, BBox][]) {
    boxes.push({ kind: 'cell', bbox, text: row.cells[key] ?? '' });
  }
  if (row.statusBox) boxes.push({ kind: 'status', bbox: row.statusBox, label: statusLabel(row, reading.legend) });
  return boxes;
}

/**
 * How the status rule reads a row's cue: `distance 3.2: Afgerond (vector #2b7a30)` (the colour
 * distance to the legend entry it matched);
 * `no match: nearest Afgerond at distance 60.1 (vector #123456)`; `words "Vertraagd": delayed`.
 * The distance comes first: a name too long for the margin is cut at its end.
 */
export function statusLabel(row: Pick<BodyRow, 'statusCue'>, legend: readonly LegendEntry[]): string {
  const cue = row.statusCue;
  if (cue.kind === 'none') return 'no status cue';
  if (cue.kind === 'text') {
    const code = normaliseStatusLabel(cue.text).value;
    return `words "${cue.text}": ${code ?? 'no status label'}`;
  }
  const reading = readIconCue(cue, legend);
  const color = printableColor(cue.color);
  if (reading.match) {
    return `distance ${reading.match.distance.toFixed(1)}: ${reading.match.entry.label} (${cue.shape} ${color})`;
  }
  if (reading.nearest) return `no match: nearest ${reading.nearest.entry.label} at distance ${reading.nearest.distance.toFixed(1)} (${cue.shape} ${color})`;
  return `no match: ${reading.entries.length === 0 ? 'no legend of its kind in force' : 'two legend entries tie'} (${cue.shape} ${color})`;
}

/**
 * Which activity each body row became and the legend its cue is read with: the rows of an
 * activity (its first part, and the parts after page ends) by their boxes in its sources, the
 * legend in force as assembly gives it; a row that is no activity gets the legend in force at its
 * place (src/status/legend-scope.ts).
 */
function rowReadings(model: PageModel): Map<BodyRow, RowReading> {
  const assembled = assembleRows(model, new DiagnosticBag('inspect'));
  const byBox = new Map<string, RowReading>();
  const key = (page: number, bbox: BBox): string => `${page}:${bbox.join(',')}`;
  for (const a of assembled.rows) {
    (a.sources?.row ?? []).forEach((part, i) => byBox.set(key(part.page, part.bbox), { activity: i === 0 ? a.id : `${a.id} (continued)`, role: '', legend: a.legend }));
  }
  const goals = new Map(assembled.actionLines.map((a) => [a.title, a.number]));
  const role = (row: BodyRow): string => {
    const title = (row.cells.title ?? '').trim();
    const line = actionLineNumberOf(title) ?? actionLineNumberOf(row.cells.actionLine ?? '');
    if (line !== null && actionLineNumberOf(title) !== null) return `Actielijn ${line} row`;
    const goal = goals.get(title);
    return goal !== undefined ? `goal of Actielijn ${goal}` : 'not an activity (see nap-annex check)';
  };
  const legendAt = legendInForce(legendsOf(model));
  const readings = new Map<BodyRow, RowReading>();
  for (const page of model.pages) {
    for (const table of page.tables) {
      for (const row of table.rows) {
        const inForce = legendAt(row.location)?.entries ?? [];
        const found = row.location.bbox ? byBox.get(key(page.number, row.location.bbox)) : undefined;
        readings.set(row, found ?? { activity: null, role: role(row), legend: inForce });
      }
    }
  }
  return readings;
}
