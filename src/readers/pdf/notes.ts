/**
 * Note definitions: where a page's notes begin and how each note starts. One rule for a note's
 * label, in every numbering style a producer prints:
 * - raised or smaller than its text (a superscript `¹⁰`, Word's footnote numbers, the Roman
 *   numerals of Word's endnotes: `ⁱⁱ`);
 * - printed at the text's size as `1`, `1.`, `1)` or `[1]` — a Word numbered list under "Noten",
 *   an HTML `<ol>`, notes typed by hand. These count only in sequence (the next note number),
 *   so that a year or a numbered sentence inside a note's text is not taken for a new note.
 * A note's text runs on over the lines below it until the next label. Notes set in two columns
 * are read column by column (noteColumns).
 */
import { lowerRomanValue } from '../../model/superscript.js';
import { isNotesHeading } from '../../model/vocabulary.js';
import type { FootnoteDefinition } from '../../model/page-model.js';
import { type Box, toBBox, union } from './geometry.js';
import type { Columns } from './layout-header.js';
import { boxOf, hasColumnGap, isFurniture, lineBox } from './layout-lines.js';
import { joinLineTexts } from './layout-rows.js';
import { LAYOUT, NOTE_COLUMNS } from './settings.js';
import { type Chunk, type Line, joinChunks } from './text.js';

/** A note's label at the start of a line: its number, whether it is raised or smaller, and the line's text after it. */
export interface NoteLabel {
  number: number;
  /** Raised (superscript) or smaller than the note's text. */
  raised: boolean;
  /** The chunks after the label (the first possibly cut after an embedded label: `[1] Kamerstukken`). */
  text: Chunk[];
}

/** A label printed at text size: `1`, `1.`, `1)`, `[1]`, alone or before the note's text in one piece. */
const PRINTED_LABEL = /^(?:\[(\d{1,4})\]|(\d{1,4})[.)]?)(?:\s+|$)/;

/** The note label at the start of line `l`, or null. */
export function noteLabel(l: Line): NoteLabel | null {
  const first = l.chunks[0];
  if (first === undefined) return null;
  const rest = l.chunks.slice(1);
  const raised = first.sup || first.size < LAYOUT.noteMarkerShare * (rest[0]?.size ?? first.size);
  if (raised) {
    const number = markerNumber(first.text, first.sup);
    return number !== null && rest.length > 0 ? { number, raised: true, text: rest } : null;
  }
  const m = PRINTED_LABEL.exec(first.text.trim());
  if (m === null) return null;
  const number = Number(m[1] ?? m[2]);
  const after = first.text.trim().slice(m[0].length);
  const text = after === '' ? rest : [{ ...first, text: after }, ...rest];
  return text.length > 0 ? { number, raised: false, text } : null;
}

/**
 * True when line `l` starts a footnote definition by a raised or smaller label: a raised or
 * smaller 1–4 digit number, then text smaller than the body (or left of the table). Below the
 * page's tables (`belowTables`) the text may be as large as the body: Word and LibreOffice print
 * footnotes in any size.
 */
export function isFootnoteStart(l: Line, bodySize: number, cols: Columns | null, belowTables = false): boolean {
  const first = l.chunks[0];
  if (!first || l.chunks.length < 2) return false;
  if (markerNumber(first.text, first.sup) === null) return false;
  const second = l.chunks[1]!;
  const marked = first.sup || first.size < LAYOUT.noteMarkerShare * second.size;
  if (!marked) return false;
  if (cols !== null && first.x0 >= (cols.bounds[1] ?? Infinity)) return false;
  if (belowTables) return true;
  const textSize = second.size;
  return textSize < LAYOUT.noteTextShare * bodySize || (cols !== null && first.x0 < cols.bounds[0]! + LAYOUT.noteLeftEm * bodySize);
}

/**
 * True when line `l` starts a list of notes printed at text size (`1.`, `1)`, `[1]`): its label is
 * the next note number of the document (`expected`) and stands in the table's first column (or,
 * outside a table, anywhere).
 */
export function startsNoteList(l: Line, expected: number, cols: Columns | null): boolean {
  const label = noteLabel(l);
  if (label === null || label.raised || label.number !== expected) return false;
  return cols === null || l.chunks[0]!.x0 < (cols.bounds[1] ?? Infinity);
}

/** True when the number at the start of `l` sits close to its text, as a footnote number does (not a number inside running text). */
export function startsNewFootnote(l: Line): boolean {
  const first = l.chunks[0]!;
  const second = l.chunks[1];
  return second !== undefined && second.x0 - first.x1 < LAYOUT.noteLabelGapEm * l.size;
}

/**
 * The note number a raised or leading marker text stands for: `12` → 12, and for raised text
 * (`sup`) a lower-case Roman numeral (`xiv` → 14). Null for anything else.
 */
export function markerNumber(text: string, sup: boolean): number | null {
  const t = text.replace(/\s+/g, '');
  if (/^\d{1,4}$/.test(t)) return Number(t);
  return sup ? lowerRomanValue(t) : null;
}

/**
 * The label that starts a new note on line `l`, or null: a raised or smaller number, or a bare
 * number close to its text or on the page's first note line (`first`); or a label printed at text
 * size that is the next number (`next`).
 */
function noteStart(l: Line, next: number, first: boolean, labelX: number | null): { number: number; text: Chunk[] } | null {
  const lead = l.chunks[0]!;
  const bare = l.chunks.length > 1 ? markerNumber(lead.text, lead.sup) : null;
  if (bare !== null && (lead.sup || lead.size < LAYOUT.noteLabelSmallerShare * l.size || first || startsNewFootnote(l))) return { number: bare, text: l.chunks.slice(1) };
  const label = noteLabel(l);
  // A printed label stands where the list's labels stand, not indented as a note's text runs on.
  const aligned = labelX === null || lead.x0 <= labelX + LAYOUT.noteLeftEm * l.size;
  return label !== null && !label.raised && label.number === next && aligned ? label : null;
}

/**
 * The note definitions in `lines` from index `from` on (lines in `used` are skipped; the ones read
 * are added to it). A line starts a new note when its label is raised or smaller, or a bare
 * number close to its text (startsNewFootnote), or the first of the page; a label printed at text
 * size only when it is the next number (`expected` for the page's first note). Furniture lines
 * (page numbers) are left alone. Lines before the page's first label, once some note has been
 * read (`expected` above 1), are the part of an earlier note that the page end broke off: a
 * definition marked `continued`. Notes set in two columns are read column by column (noteColumns);
 * a line that `endsNote` holds (a status legend printed below the notes, its heading) ends the note
 * before it and is left to the caller. Returns the notes in order.
 */
export function readNoteDefinitions(
  lines: readonly Line[],
  from: number,
  used: Set<Line>,
  expected: number,
  page: number,
  endsNote: (l: Line) => boolean = () => false,
): FootnoteDefinition[] {
  const region = lines.slice(from).filter((l) => !used.has(l));
  const columns = noteColumns(region);
  const notes = readNotes(columns?.lines ?? region, columns?.starts ?? new Set(), used, expected, page, endsNote);
  // A line split into its columns is read when each of its parts is; else the whole line stays unread (loose text).
  for (const [whole, parts] of columns?.parts ?? []) if (parts.every((p) => used.has(p))) used.add(whole);
  return notes;
}

/** readNoteDefinitions on the region's lines in reading order; `columnStarts`: the first line of each column after the first. */
function readNotes(lines: readonly Line[], columnStarts: ReadonlySet<Line>, used: Set<Line>, expected: number, page: number, endsNote: (l: Line) => boolean): FootnoteDefinition[] {
  const notes: FootnoteDefinition[] = [];
  let current: { number: number; parts: string[]; box: Box; continued?: true } | null = null;
  // The lines of a continued part, to check that they read as note text.
  const continuedLines: Line[] = [];
  let labelX: number | null = null;
  const flush = (): void => {
    if (current) notes.push({ number: current.number, text: joinLineTexts(current.parts), location: { page, bbox: toBBox(current.box) }, ...(current.continued ? { continued: true as const } : {}) });
    current = null;
  };
  for (const l of lines) {
    // A column's labels stand at its own left edge.
    if (columnStarts.has(l)) labelX = null;
    if (endsNote(l)) {
      flush();
      continue;
    }
    const start = noteStart(l, current === null ? expected : (current as { number: number }).number + 1, current === null, labelX);
    if (start !== null) {
      labelX ??= l.chunks[0]!.x0;
      flush();
      current = { number: start.number, parts: [joinChunks(start.text)], box: lineBox(l) };
      used.add(l);
    } else if (isFurniture(l)) {
      // A page number or running footer among the notes: loose text.
    } else if (current !== null) {
      const c = current as { parts: string[]; box: Box; continued?: true };
      if (c.continued) continuedLines.push(l);
      c.parts.push(joinChunks(l.chunks));
      c.box = union(c.box, lineBox(l));
      used.add(l);
    } else if (notes.length === 0 && expected > 1 && !isNotesHeading(joinChunks(l.chunks).trim())) {
      // Lines before the page's first label: the last note of an earlier page running on.
      current = { number: expected - 1, parts: [joinChunks(l.chunks)], box: lineBox(l), continued: true };
      continuedLines.push(l);
      used.add(l);
    }
  }
  flush();
  // A part runs on as a note's text does, in one run per line: a line of cells side by side (a
  // table row the layout did not place) is left to be reported as loose text.
  if (notes[0]?.continued && continuedLines.some(hasColumnGap)) {
    for (const l of continuedLines) used.delete(l);
    notes.shift();
  }
  return notes;
}

/** A notes region read column by column: its lines in reading order, the first line of the right column, and each split line's parts. */
export interface NoteColumns {
  /** The region's lines: those above the columns, the left column's top to bottom, the right column's, those below. */
  lines: Line[];
  /** The right column's first line. */
  starts: Set<Line>;
  /** Each line that stood in both columns, with its left and right part (lines of their own). */
  parts: Map<Line, Line[]>;
}

/**
 * The notes region `region` (its lines top to bottom) read column by column, or null when it is
 * not set in two columns. Two columns: at least NOTE_COLUMNS.minLabels lines hold, after a gap of
 * at least NOTE_COLUMNS.minGapEm and after text with a letter (not a hanging label alone), a note
 * label at one x (within NOTE_COLUMNS.alignEm): the right column's left edge. The columns run over
 * the lines around those that no chunk crosses the edge, down to the last line with text right of
 * it, and on over lines wholly left of it that step at most NOTE_COLUMNS.trailStepEm below the
 * left column's last line. Each of those lines goes to the left column, the right one, or is cut
 * in two at the edge. One-column notes (no such edge) are read as before. n log n.
 */
export function noteColumns(region: readonly Line[]): NoteColumns | null {
  const edge = rightColumnEdge(region);
  if (edge === null) return null;
  const tol = (l: Line): number => NOTE_COLUMNS.alignEm * l.size;
  const crosses = (l: Line): boolean => l.chunks.some((c) => c.x0 < edge - tol(l) && c.x1 > edge);
  const right = (l: Line): Chunk[] => l.chunks.filter((c) => c.x0 >= edge - tol(l));
  const atEdge = (l: Line): boolean => {
    const x = midLineLabelAt(l);
    return x !== null && Math.abs(x - edge) <= tol(l);
  };
  const firstLabel = region.findIndex(atEdge);
  let top = firstLabel;
  while (top > 0 && !crosses(region[top - 1]!)) top--;
  let bottom = firstLabel;
  for (let i = firstLabel; i < region.length && !crosses(region[i]!); i++) if (right(region[i]!).length > 0) bottom = i;
  // A left column one line longer than the right runs on below the right column's last line.
  let lastLeft = region.slice(top, bottom + 1).findLast((l) => right(l).length < l.chunks.length);
  while (bottom + 1 < region.length && lastLeft !== undefined) {
    const l = region[bottom + 1]!;
    if (right(l).length > 0 || crosses(l) || l.baseline - lastLeft.baseline > NOTE_COLUMNS.trailStepEm * l.size) break;
    lastLeft = l;
    bottom++;
  }
  const block = region.slice(top, bottom + 1);
  if (block.filter(atEdge).length < NOTE_COLUMNS.minLabels) return null;
  const leftLines: Line[] = [];
  const rightLines: Line[] = [];
  const parts = new Map<Line, Line[]>();
  for (const l of block) {
    const r = right(l);
    if (r.length === 0) leftLines.push(l);
    else if (r.length === l.chunks.length) rightLines.push(l);
    else {
      const pair = [partLine(l, l.chunks.filter((c) => !r.includes(c))), partLine(l, r)] as const;
      parts.set(l, [...pair]);
      leftLines.push(pair[0]);
      rightLines.push(pair[1]);
    }
  }
  return {
    lines: [...region.slice(0, top), ...leftLines, ...rightLines, ...region.slice(bottom + 1)],
    starts: new Set(rightLines.slice(0, 1)),
    parts,
  };
}

/**
 * The x where the region's right column starts: the left edge shared (within NOTE_COLUMNS.alignEm)
 * by the most note labels in mid-line (midLineLabelAt), at least NOTE_COLUMNS.minLabels of them;
 * null when there is none. n log n.
 */
function rightColumnEdge(region: readonly Line[]): number | null {
  const xs = region.flatMap((l) => {
    const x = midLineLabelAt(l);
    return x === null ? [] : [{ x, tol: NOTE_COLUMNS.alignEm * l.size }];
  });
  xs.sort((a, b) => a.x - b.x);
  let best: { x: number; n: number } | null = null;
  for (let i = 0, j = 0; i < xs.length; i++) {
    while (xs[i]!.x - xs[j]!.x > xs[i]!.tol) j++;
    const n = i - j + 1;
    if (best === null || n > best.n) best = { x: xs[j]!.x, n };
  }
  return best !== null && best.n >= NOTE_COLUMNS.minLabels ? best.x : null;
}

/**
 * The x of a note label in the middle of line `l` (a note of the right column beside a line of the
 * left one), or null: the first chunk after a gap of at least NOTE_COLUMNS.minGapEm, with a letter
 * on the line before it (so not a note's text after its hanging label), that reads as a note label
 * followed by text (noteLabel).
 */
export function midLineLabelAt(l: Line): number | null {
  const chunks = l.chunks;
  for (let k = 1; k < chunks.length; k++) {
    const c = chunks[k]!;
    if (c.x0 - chunks[k - 1]!.x1 < NOTE_COLUMNS.minGapEm * c.size) continue;
    if (!chunks.slice(0, k).some((p) => /\p{L}/u.test(p.text))) continue;
    if (noteLabel(partLine(l, chunks.slice(k))) !== null) return c.x0;
  }
  return null;
}

/** Chunks of line `l` as a line of their own (its baseline and size, their box). */
function partLine(l: Line, chunks: Chunk[]): Line {
  return { ...boxOf(chunks), chunks, baseline: l.baseline, size: l.size };
}
