/**
 * Notes labelled with letters (Word: Footnote → Number format "a, b, c"; LibreOffice: "a, b, c"):
 * markers `ᵃ`, `ᵇ` … in the cells and notes `a I&O Research …` at the page bottom. The page model
 * writes every marker as superscript digits, so before the pages are laid out the raised letters
 * are rewritten to the number they stand for in their sequence (`a` → 1, `i` → 9, `aa` → 27), and
 * after layout each note gets its letter back as `label`.
 *
 * When: the document's note labels — a raised or smaller letter label (`a`, `b` … `aa`, or `A`,
 * `B` …) starting a line and followed by text — are, taken together, every letter from the first to
 * the last one, all small or all capitals (NOTE_LETTERS.minLabels of them at least; a label may
 * repeat: numbering restarting on each page, a marker wrapped to a line start; a PDF cut from a
 * longer document may start after `a`). That is what tells letters from Roman numerals (Word's
 * endnotes `i`, `ii`, `iii`, read as numbers by text.ts): labels that are all Roman numerals are
 * Roman, and a Roman sequence of two or more labels leaves letters out as letters (`i`, `ii` are 9
 * and 35), so `i`, `v` and `x` are letters only among letters. Labels that are all capital Roman
 * numerals (Word's "I, II, III") are read here the same way as letters: rewritten to their values
 * (`IV` → 4), each note keeping its numeral as its label; so are Word's note symbols `*`, `†`, `‡`,
 * `§`, `**` … (`**` → 5), when they run without a gap.
 *
 * Not a marker: a raised letter glued to a digit before it (no space: `2ᵉ`, `10ⁿ` — an ordinal or
 * an exponent; a note's marker glued to a number is read so too, and its note reported as never
 * cited, NAP202), and raised text that is no letter label (`ste`, `de`).
 */
import type { Page } from '../../model/page-model.js';
import { letterLabel, letterLabelValue, lowerRomanValue, symbolLabel, symbolLabelValue, upperRoman, upperRomanValue } from '../../model/superscript.js';
import type { Box } from './geometry.js';
import type { PageContent } from './page-content.js';
import { LAYOUT, NOTE_LETTERS, TEXT } from './settings.js';
import type { Chunk, Line } from './text.js';

/**
 * What rewriting a document's letter labels found: the notes it labels, from `first` to `last`
 * (`a` = 1); `kind` `roman` for capital Roman numerals (`upper` then true), `symbols` for Word's
 * `*`, `†`, `‡`, `§`, `**` ….
 */
export interface LetterNotes {
  kind: 'letters' | 'roman' | 'symbols';
  first: number;
  last: number;
  /** The labels are capitals (`A`, `B` …). */
  upper: boolean;
  /** Raised letters rewritten in the cells and notes (markers and labels). */
  rewritten: number;
}

/** A letter where the page printed it: its text, page and box (PDF points). */
export interface PlacedLetter {
  text: string;
  page: number;
  box: Box;
}

/**
 * Letters that look like note labels but are not read: line-start letter labels that are no
 * sequence of letters (nor Roman numerals), and raised letters in the text (markers) where no
 * notes are labelled with letters — a list of notes `a.` … at text size is not read, as it cannot
 * be told from an enumeration in the text. Left as text, and reported (NAP208).
 */
export interface UnreadLetters {
  kind: 'unread';
  labels: PlacedLetter[];
  markers: PlacedLetter[];
}

interface Label {
  chunk: Chunk;
  value: number;
  page: number;
}

/** The letter label (or capital Roman numeral, or note symbol) starting line `l`, raised or smaller than the text after it; null if none. */
function lineLabel(l: Line, page: number): Label | null {
  const [first, second] = l.chunks;
  if (first === undefined || second === undefined) return null;
  const text = first.text.trim();
  const value = letterLabelValue(text) ?? upperRomanValue(text) ?? symbolLabelValue(text);
  if (value === null) return null;
  return first.sup || first.size < LAYOUT.noteMarkerShare * second.size ? { chunk: first, value, page } : null;
}

/** True when raised chunk `c` follows a digit on its line with no space between (an ordinal `2ᵉ` or an exponent `10ⁿ`). */
function gluedToDigit(c: Chunk, before: Chunk | undefined): boolean {
  return before !== undefined && /\d$/.test(before.text) && c.x0 - before.x1 <= TEXT.spaceGapShare * before.size;
}

/**
 * The raised letters of `contents` that nothing reads: letter labels (`a`, `B`, `aa`) that are no
 * Roman numeral (text.ts reads those as numbers), not glued to a digit (an ordinal `2ᵉ`), and not
 * one of the line-start `labels`.
 */
function unreadRaisedLetters(contents: readonly PageContent[], labels: ReadonlySet<Chunk> = new Set()): PlacedLetter[] {
  const found: PlacedLetter[] = [];
  for (const page of contents) {
    for (const l of page.lines) {
      l.chunks.forEach((c, i) => {
        const text = c.text.trim();
        if (c.sup && !labels.has(c) && letterLabelValue(text) !== null && lowerRomanValue(text) === null && !gluedToDigit(c, l.chunks[i - 1])) found.push({ text, page: page.number, box: c });
      });
    }
  }
  return found;
}

/** True when every label is a Roman numeral (Word's endnotes `i`, `ii`, `iii`): text.ts reads those. */
function allRoman(labels: readonly Label[]): boolean {
  return labels.every((x) => lowerRomanValue(x.chunk.text.trim()) !== null);
}

/**
 * When the document labels its notes with letters (see the module doc), rewrites every letter
 * label and every raised letter marker in `contents` to its number, in place, and returns what it
 * found. Line-start letter labels that run with a gap, or mix capitals and small letters, and
 * raised letters where no notes are labelled with letters (NOTE_LETTERS.minLabels different ones
 * at least), are left as they are and returned as `unread` (Roman numerals are no such labels);
 * null when there are none.
 * Linear in the chunks.
 */
export function rewriteLetterLabels(contents: readonly PageContent[]): LetterNotes | UnreadLetters | null {
  const labels: Label[] = [];
  for (const page of contents) for (const l of page.lines) {
    const label = lineLabel(l, page.number);
    if (label !== null) labels.push(label);
  }
  const texts = labels.map((x) => x.chunk.text.trim());
  if (labels.length > 0 && texts.every((t) => upperRomanValue(t) !== null)) return rewriteWith(contents, labels, upperRomanValue, 'roman');
  if (labels.length > 0 && texts.every((t) => symbolLabelValue(t) !== null)) {
    const values = new Set(labels.map((x) => x.value));
    if (values.size >= NOTE_LETTERS.minLabels && values.size === Math.max(...values) - Math.min(...values) + 1) return rewriteWith(contents, labels, symbolLabelValue, 'symbols');
    return { kind: 'unread', labels: labels.map((x) => ({ text: x.chunk.text.trim(), page: x.page, box: x.chunk })), markers: [] };
  }
  if (labels.length === 0 || allRoman(labels)) {
    // No notes in letters: raised letters in the text are markers of notes not read (a list `a.` at text size), if several.
    const markers = unreadRaisedLetters(contents);
    return new Set(markers.map((m) => m.text)).size >= NOTE_LETTERS.minLabels ? { kind: 'unread', labels: [], markers } : null;
  }
  const values = new Set(labels.map((x) => x.value));
  const first = Math.min(...values);
  const last = Math.max(...values);
  const cases = new Set(labels.map((x) => x.chunk.text.trim() === x.chunk.text.trim().toUpperCase()));
  if (values.size < NOTE_LETTERS.minLabels || values.size !== last - first + 1 || cases.size > 1) {
    return { kind: 'unread', labels: labels.map((x) => ({ text: x.chunk.text.trim(), page: x.page, box: x.chunk })), markers: unreadRaisedLetters(contents, new Set(labels.map((x) => x.chunk))) };
  }
  const upper = cases.has(true);
  let rewritten = 0;
  for (const { chunk, value } of labels) {
    chunk.text = String(value);
    rewritten++;
  }
  for (const page of contents) {
    for (const l of page.lines) {
      l.chunks.forEach((c, i) => {
        if (!c.sup) return;
        const text = c.text.trim();
        const value = letterLabelValue(text);
        if (value === null || (text === text.toUpperCase()) !== upper || gluedToDigit(c, l.chunks[i - 1])) return;
        c.text = String(value);
        rewritten++;
      });
    }
  }
  return { kind: 'letters', first, last, upper, rewritten };
}

/**
 * Labels read by `valueOf` (capital Roman numerals, note symbols) and the raised markers it reads,
 * not glued to a digit, rewritten to their values.
 */
function rewriteWith(contents: readonly PageContent[], labels: readonly Label[], valueOf: (text: string) => number | null, kind: 'roman' | 'symbols'): LetterNotes {
  let rewritten = 0;
  // `I`, `II`, `V`, `X` are read as letters by lineLabel: here they are numerals.
  const values = labels.map((x) => valueOf(x.chunk.text.trim())!);
  labels.forEach(({ chunk }, i) => {
    chunk.text = String(values[i]);
    rewritten++;
  });
  for (const page of contents) {
    for (const l of page.lines) {
      l.chunks.forEach((c, i) => {
        const value = c.sup ? valueOf(c.text.trim()) : null;
        if (value === null || gluedToDigit(c, l.chunks[i - 1])) return;
        c.text = String(value);
        rewritten++;
      });
    }
  }
  return { kind, first: Math.min(...values), last: Math.max(...values), upper: kind === 'roman', rewritten };
}

/** How a document labelled as `found` prints note `n`: `a`, `A`, `IV`, `**`. */
export function noteLabelOf(found: Pick<LetterNotes, 'kind' | 'upper'>): (n: number) => string {
  return (n) => (found.kind === 'roman' ? upperRoman(n) : found.kind === 'symbols' ? symbolLabel(n) : letterLabel(n, found.upper));
}

/** Gives each note of `pages` its letter label (`label`), after rewriteLetterLabels found them: note 1 → `a` (`A` in capitals, `I` in capital Roman numerals). */
export function labelNotesWithLetters(pages: Page[], found: Pick<LetterNotes, 'kind' | 'upper'>): void {
  const label = noteLabelOf(found);
  for (const page of pages) page.footnotes = page.footnotes.map((f) => ({ ...f, label: label(f.number) }));
}
