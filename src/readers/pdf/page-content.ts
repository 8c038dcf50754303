/**
 * What the layout reads of one page, prepared once as the page arrives from its reader thread:
 * its text lines, body size, icon candidates, rulings, fills, text runs and tags. The layout of
 * the whole document (layout.ts) then works on these, so that what one page shows (a header, a
 * column edge, a running footer) can be used on every other page.
 */
import type { ImageMark, PageGraphicsInput, Ruling, RunPaint, Shape } from './page-graphics.js';
import { type Icon, collectIcons } from './layout-icons.js';
import { dominantSize } from './layout-lines.js';
import { LAYOUT } from './settings.js';
import type { PageStructure } from './structure.js';
import { type Chunk, type Line, buildLines } from './text.js';
import type { BBox } from '../../model/page-model.js';
import { toBBox } from './geometry.js';
import type { HiddenText } from './visibility.js';

/** One page's raw material from the reader thread: text chunks, graphics, icon image colours. */
export interface PageInput {
  number: number;
  /** The page's width and height as shown (PDF points, after /Rotate). */
  size?: { width: number; height: number };
  /** Text runs of an OCR text layer read as the page's text (ocr-layer.ts); absent when none. */
  ocrRuns?: number;
  chunks: Chunk[];
  graphics: PageGraphicsInput;
  /** Colours of image marks resolved by the reader (index into graphics.images). */
  imageColors: Map<ImageMark, string>;
  /** Rows, notes and list labels from the page's structure tree; null for an untagged page. */
  structure: PageStructure | null;
  /**
   * What pdfjs warned about while reading this page (and, for the first page a reader thread
   * reads, while opening the document): skipped operators, broken resources, font problems.
   */
  warnings?: string[];
  /** Text left out because a reader cannot see it (visibility.ts), for the reader's diagnostics. */
  visibility?: PageVisibility;
}

/** What visibility.ts took out of a page, and what it could not check. */
export interface PageVisibility {
  hidden: HiddenText[];
  inseparable: { text: string; box: import('./geometry.js').Box }[];
  unchecked: number;
  /** Paths, glyphs and images left out: optional content off, or clipped away. */
  hiddenMarks: number;
  /** Icon-sized paths, symbol glyphs and images left out because an opaque fill or image drawn later covers them. */
  coveredMarks: number;
}

/** One page ready for layout: lines (top to bottom), and the graphics the layout uses. */
export interface PageContent {
  number: number;
  /** Text lines, top to bottom (text.ts buildLines). */
  lines: Line[];
  /** The font size most characters of the page use (PDF points). */
  bodySize: number;
  /** Icon candidates: compact fills, symbol glyphs, small images, with their colour. */
  icons: Icon[];
  hRulings: Ruling[];
  vRulings: Ruling[];
  /** Filled shapes (cell shading candidates). */
  fills: Shape[];
  /** Painted text runs (the colour of a glyph drawn as a status cue). */
  runs: RunPaint[];
  structure: PageStructure | null;
  /** Text drawn twice at the same place (fake bold), read once. */
  duplicates: { bbox: BBox; text: string }[];
}

/** Prepares one page for layout: duplicate chunks dropped (and listed), lines built, marks and rulings sorted out. */
export function preparePage(input: PageInput): PageContent {
  const duplicates: PageContent['duplicates'] = [];
  const chunks = withoutDuplicates(input.chunks, duplicates);
  return {
    number: input.number,
    lines: buildLines(chunks),
    bodySize: dominantSize(chunks),
    icons: collectIcons(input),
    hRulings: input.graphics.rulings.filter((r) => r.orientation === 'h'),
    vRulings: input.graphics.rulings.filter((r) => r.orientation === 'v'),
    fills: input.graphics.shapes.filter((sh) => sh.mode === 'fill'),
    runs: input.graphics.runs,
    structure: input.structure,
    duplicates,
  };
}

/**
 * The chunks without exact repeats: the same text drawn again at the same place (within
 * LAYOUT.duplicateTolerance), as "fake bold" does, is read once and listed. Linear (one map
 * lookup per chunk).
 */
function withoutDuplicates(chunks: readonly Chunk[], duplicates: PageContent['duplicates']): Chunk[] {
  const seen = new Set<string>();
  const out: Chunk[] = [];
  const q = (v: number): number => Math.round(v / LAYOUT.duplicateTolerance);
  for (const c of chunks) {
    const key = `${c.text}\u0000${q(c.x0)}\u0000${q(c.baseline)}\u0000${q(c.size)}`;
    if (seen.has(key)) {
      duplicates.push({ bbox: toBBox(c), text: c.text });
      continue;
    }
    seen.add(key);
    out.push(c);
  }
  return out;
}
