/**
 * Note definitions: where a page's notes begin and how each note starts. One rule for a note's
 * label, in every numbering style a producer prints:
 * - raised or smaller than its text (a superscript `¹⁰`, Word's footnote numbers, the Roman
 *   numerals of Word's endnotes: `ⁱⁱ`);
 * - printed at the text's size as `1`, `1.`, `1)` or `[1]` — a Word numbered list under "Noten",
 *   an HTML `<ol>`, notes typed by hand. These count only in sequence (the next note number),
 *   so that a year or a numbered sentence inside a note's text is not taken for a new note.
 * A note's text runs on over the lines below it until the next label.
 */
import { lowerRomanValue } from '../../model/superscript.js';
import { isNotesHeading } from '../../model/vocabulary.js';
import type { FootnoteDefinition } from '../../model/page-model.js';
import { type Box, toBBox, union } from './geometry.js';
import type { Columns } from './layout-header.js';
import { hasColumnGap, isFurniture, lineBox } from './layout-lines.js';
import { joinLineTexts } from './layout-rows.js';
import { LAYOUT } from './settings.js';
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
 * definition marked `continued`. Returns the notes in order.
 */
export function readNoteDefinitions(lines: readonly Line[], from: number, used: Set<Line>, expected: number, page: number): FootnoteDefinition[] {
  const notes: FootnoteDefinition[] = [];
  let current: { number: number; parts: string[]; box: Box; continued?: true } | null = null;
  // The lines of a continued part, to check that they read as note text.
  const continuedLines: Line[] = [];
  let labelX: number | null = null;
  const flush = (): void => {
    if (current) notes.push({ number: current.number, text: joinLineTexts(current.parts), location: { page, bbox: toBBox(current.box) }, ...(current.continued ? { continued: true as const } : {}) });
    current = null;
  };
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (used.has(l)) continue;
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
