/**
 * Notes labelled with letters (Word: Footnote → Number format "a, b, c"; LibreOffice: "a, b, c"):
 * markers `ᵃ`, `ᵇ` … in the cells and notes `a I&O Research …` at the page bottom. The page model
 * writes every marker as superscript digits, so before the pages are laid out the raised letters
 * are rewritten to the number they stand for in their sequence (`a` → 1, `i` → 9, `aa` → 27), and
 * after layout each note gets its letter back as `label`.
 *
 * When: the document's note labels — a raised or smaller letter label (`a`, `b` … `aa`) starting a
 * line and followed by text — begin with `a` and, taken together, are every letter from `a` to the
 * last one (NOTE_LETTERS.minLabels of them at least; a label may repeat: numbering restarting on
 * each page, a marker wrapped to a line start). That is what tells letters from Roman numerals (Word's
 * endnotes `i`, `ii`, `iii`, read as numbers by text.ts): a Roman sequence starts at `i`, a letter
 * sequence at `a`, so `i`, `v` and `x` are letters only in a document whose labels start at `a`.
 *
 * Not a marker: a raised letter glued to a digit before it (no space: `2ᵉ`, `10ⁿ` — an ordinal or
 * an exponent; a note's marker glued to a number is read so too, and its note reported as never
 * cited, NAP202), and raised text that is no letter label (`ste`, `de`).
 */
import type { Page } from '../../model/page-model.js';
import { letterLabel, letterLabelValue } from '../../model/superscript.js';
import type { PageContent } from './page-content.js';
import { LAYOUT, NOTE_LETTERS, TEXT } from './settings.js';
import type { Chunk, Line } from './text.js';

/** What rewriting a document's letter labels found: how many notes it labels, from `a` to `last`. */
export interface LetterNotes {
  /** The number of the last label (`y` → 25). */
  last: number;
  /** Raised letters rewritten in the cells and notes (markers and labels). */
  rewritten: number;
}

/** The letter label starting line `l`, raised or smaller than the text after it; null if none. */
function lineLabel(l: Line): { chunk: Chunk; value: number } | null {
  const [first, second] = l.chunks;
  if (first === undefined || second === undefined) return null;
  const value = letterLabelValue(first.text.trim());
  if (value === null) return null;
  return first.sup || first.size < LAYOUT.noteMarkerShare * second.size ? { chunk: first, value } : null;
}

/** True when raised chunk `c` follows a digit on its line with no space between (an ordinal `2ᵉ` or an exponent `10ⁿ`). */
function gluedToDigit(c: Chunk, before: Chunk | undefined): boolean {
  return before !== undefined && /\d$/.test(before.text) && c.x0 - before.x1 <= TEXT.spaceGapShare * before.size;
}

/**
 * When the document labels its notes with letters (see the module doc), rewrites every letter
 * label and every raised letter marker in `contents` to its number, in place, and returns what it
 * found; otherwise changes nothing and returns null. Linear in the chunks.
 */
export function rewriteLetterLabels(contents: readonly PageContent[]): LetterNotes | null {
  const labels: { chunk: Chunk; value: number }[] = [];
  for (const page of contents) for (const l of page.lines) {
    const label = lineLabel(l);
    if (label !== null) labels.push(label);
  }
  if (labels.length === 0 || labels[0]!.value !== 1) return null;
  const values = new Set(labels.map((x) => x.value));
  const last = Math.max(...values);
  if (values.size < NOTE_LETTERS.minLabels || values.size !== last) return null;
  let rewritten = 0;
  for (const { chunk, value } of labels) {
    chunk.text = String(value);
    rewritten++;
  }
  for (const page of contents) {
    for (const l of page.lines) {
      l.chunks.forEach((c, i) => {
        if (!c.sup) return;
        const value = letterLabelValue(c.text.trim());
        if (value === null || gluedToDigit(c, l.chunks[i - 1])) return;
        c.text = String(value);
        rewritten++;
      });
    }
  }
  return { last, rewritten };
}

/** Gives each note of `pages` its letter label (`label`), after rewriteLetterLabels found them: note 1 → `a`. */
export function labelNotesWithLetters(pages: Page[]): void {
  for (const page of pages) page.footnotes = page.footnotes.map((f) => ({ ...f, label: letterLabel(f.number) }));
}
