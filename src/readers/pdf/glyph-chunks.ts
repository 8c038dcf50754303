/**
 * Glyphs → chunks: the text half of the one walk over a page's operator list (graphics.ts).
 *
 * The walker hands over every glyph a `showText` draws, placed in page coordinates (points,
 * top-left origin). Consecutive glyphs stay in one chunk while they read on: the same font
 * and size, the same marked-content sequence, on the same baseline, and each starting near
 * where the one before ended. A chunk ends where that stops, so a column gap, a change of font,
 * a raised footnote marker or a jump back to the start of the next line each start a new chunk.
 *
 * Spaces: a space character in the content is a space; a gap between glyphs of at least
 * TEXT.wordGapEm is one too (PDF producers often place words apart without drawing a space). A
 * gap wider than TEXT.columnGapEm is not a word space but a gap between cells (or a hole that a
 * footnote marker drawn later fills): the chunk ends, unless space characters account for the
 * gap (a monospaced font's space is 0.6 em wide). Whitespace glyphs themselves are not text:
 * they only move the pen.
 *
 * Right-to-left scripts are drawn in visual order; the chunker does not reorder them, but says
 * so (`rightToLeft`), and the reader reads such a page with pdfjs's text items, as it does a
 * page with a vertical font (`vertical`).
 *
 * Glyphs wholly outside the page box are not on the page (a viewer shows nothing of them): they
 * are not chunked but collected in `offPage`, consecutive ones as one piece, so the reader can
 * report them.
 */
import { RememberedText, withoutFormatChars } from '../../model/plain-text.js';
import { type Box, union } from './geometry.js';
import { TEXT } from './settings.js';
import type { Chunk, RunSpan } from './text.js';

/** Latin typographic ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ, U+FB00–U+FB06): a reader sees their letters. */
const LIGATURES = /[\uFB00-\uFB06]/g;

/**
 * The text a glyph adds to its chunk: its Unicode value without invisible format characters, with
 * a Latin ligature written as its letters (`ﬁ` → `fi`), so that words read, sort and compare as
 * typed.
 */
export function glyphText(unicode: string): string {
  return GLYPH_TEXTS.of(unicode);
}

/** glyphText remembered: a page draws the same few hundred glyph values thousands of times. */
const GLYPH_TEXTS = new RememberedText((unicode) => withoutFormatChars(unicode).replace(LIGATURES, (l) => l.normalize('NFKC')));

/** Letters of right-to-left scripts. */
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Where the walker placed one glyph: page points; `em` and `height` are the font size along and across the baseline. */
export interface PlacedGlyph {
  /** The glyph's Unicode text (may be several characters, e.g. a ligature's). */
  text: string;
  /** pdfjs font id (`g_d0_f1`). */
  font: string;
  /** Start and end of the glyph's advance on its baseline (page points). */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Unit vector of the baseline's direction on the page. */
  ux: number;
  uy: number;
  /** One em along the baseline and across it (page points). */
  em: number;
  height: number;
  /** Font ascent and descent as shares of the em (positive), for the chunk's box. */
  ascent: number;
  descent: number;
}

/** Marked content a chunk was drawn in (see Chunk.contentId, Chunk.artifact). */
export interface ChunkMark {
  contentId?: string;
  artifact?: boolean;
}

interface OpenChunk {
  text: string;
  font: string;
  mark: ChunkMark;
  /** End of the last glyph (page points); the chunk starts where its first glyph does. */
  ex: number;
  ey: number;
  /** The pen is past space characters drawn after the last glyph: how far they moved it (em). */
  spaced: boolean;
  spaceEm: number;
  first: PlacedGlyph;
  /** Which run drew which characters (a word space before a glyph counts as its run's). */
  spans: RunSpan[];
}

/**
 * Builds chunks from glyphs in drawing order. `pageWidth`/`pageHeight` (points) bound the page.
 * Call `glyph` for each drawn glyph, `space` for each whitespace glyph, `end` where a
 * marked-content sequence begins or ends, and `chunks()` once at the end.
 */
export class GlyphChunker {
  private readonly out: Chunk[] = [];
  private open: OpenChunk | null = null;
  /** Text drawn outside the page box, in drawing order: consecutive off-page glyphs form one piece, with the runs that drew it. */
  readonly offPage: { text: string; box: Box; runs: number[] }[] = [];
  /** The last glyph drawn was off the page (the next off-page glyph joins its piece). */
  private wasOff = false;
  /** Set by the walker when the page draws text in a vertical font: these chunks do not place it (document.ts reads such a page with pdfjs's getTextContent). */
  vertical = false;
  /** The page draws right-to-left script, which these chunks leave in visual order (document.ts reads such a page with pdfjs's getTextContent). */
  rightToLeft = false;

  constructor(
    private readonly pageWidth: number,
    private readonly pageHeight: number,
  ) {}

  /**
   * Adds one drawn, non-whitespace glyph of text run `run` in the marked content `mark`. `hidden`:
   * its run is already known to be invisible (and reported as such), so off the page it is not
   * listed again.
   */
  glyph(g: PlacedGlyph, mark: ChunkMark, hidden = false, run = -1): void {
    if (!this.onPage(g)) {
      if (hidden) this.wasOff = false;
      else this.addOffPage(g, run);
      return;
    }
    this.wasOff = false;
    if (!this.rightToLeft && RIGHT_TO_LEFT.test(g.text)) this.rightToLeft = true;
    let o = this.open;
    let space = false;
    // (A change of marked content has ended the chunk already: the walker calls `end`.)
    if (o !== null && (o.font !== g.font || Math.abs(o.first.height - g.height) > TEXT.sizeShare * Math.max(o.first.height, g.height))) o = this.flush();
    if (o !== null) {
      const dx = g.x0 - o.ex;
      const dy = g.y0 - o.ey;
      const along = (dx * g.ux + dy * g.uy) / g.em;
      const across = (dy * g.ux - dx * g.uy) / Math.min(g.height, o.first.height);
      // A wide gap that space characters account for (less than a word gap beyond them) is spaces, not a column gap.
      const columnGap = along > TEXT.columnGapEm && along - o.spaceEm >= TEXT.wordGapEm;
      if (along < -TEXT.backwardGapEm || Math.abs(across) > TEXT.baselineShiftShare || columnGap) o = this.flush();
      else space = o.spaced || along >= TEXT.wordGapEm;
    }
    if (o === null) {
      o = { text: '', font: g.font, mark, ex: g.x0, ey: g.y0, spaced: false, spaceEm: 0, first: g, spans: [] };
      this.open = o;
    }
    // The span of a glyph's run starts with the word space before the glyph, if any.
    const start = o.text.length;
    if (space && !o.text.endsWith(' ')) o.text += ' ';
    o.text += g.text;
    const last = o.spans[o.spans.length - 1];
    if (last !== undefined && last.run === run) {
      last.end = o.text.length;
      last.x1 = g.x1;
      last.y1 = g.y1;
    } else o.spans.push({ run, start, end: o.text.length, x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y1 });
    o.spaced = false;
    o.spaceEm = 0;
    if (g.x1 !== g.x0 || g.y1 !== g.y0) {
      o.ex = g.x1;
      o.ey = g.y1;
    }
  }

  /**
   * A whitespace glyph was drawn, moving the pen `advanceEm` em: the next glyph of the chunk, if it
   * reads on, follows a space.
   */
  space(advanceEm: number): void {
    const last = this.offPage[this.offPage.length - 1];
    if (this.wasOff && last !== undefined && !last.text.endsWith(' ')) last.text += ' ';
    const o = this.open;
    if (o === null) return;
    o.spaced = true;
    if (advanceEm > 0) o.spaceEm += advanceEm;
  }

  /** Ends the open chunk (a marked-content sequence begins or ends). */
  end(): void {
    this.flush();
  }

  /** The page's chunks, in drawing order. */
  chunks(): Chunk[] {
    this.flush();
    return this.out;
  }

  private addOffPage(g: PlacedGlyph, run: number): void {
    const box = { x0: Math.min(g.x0, g.x1), y0: Math.min(g.y0, g.y1) - g.ascent * g.height, x1: Math.max(g.x0, g.x1), y1: Math.max(g.y0, g.y1) + g.descent * g.height };
    const last = this.offPage[this.offPage.length - 1];
    if (this.wasOff && last !== undefined) {
      last.text += g.text;
      last.box = union(last.box, box);
      if (last.runs[last.runs.length - 1] !== run) last.runs.push(run);
    } else this.offPage.push({ text: g.text, box, runs: [run] });
    this.wasOff = true;
  }

  private onPage(g: PlacedGlyph): boolean {
    const w = this.pageWidth;
    const h = this.pageHeight;
    const minX = Math.min(g.x0, g.x1);
    const maxX = Math.max(g.x0, g.x1);
    const minY = Math.min(g.y0, g.y1);
    const maxY = Math.max(g.y0, g.y1);
    return maxX >= 0 && minX <= w && maxY >= 0 && minY <= h;
  }

  private flush(): null {
    const o = this.open;
    this.open = null;
    if (o === null) return null;
    const text = o.text.trim();
    if (text === '') return null;
    // Offsets follow the trimmed text (a glyph's text may start or end with a space).
    const lead = o.text.length - o.text.trimStart().length;
    const spans = o.spans
      .map((sp) => ({ ...sp, start: Math.max(0, sp.start - lead), end: Math.min(text.length, sp.end - lead) }))
      .filter((sp) => sp.end > sp.start);
    const g = o.first;
    const ascent = g.ascent * g.height;
    const descent = g.descent * g.height;
    this.out.push({
      text,
      x0: Math.min(g.x0, o.ex),
      x1: Math.max(g.x0, o.ex),
      y0: g.y0 - ascent,
      y1: g.y0 + descent,
      baseline: g.y0,
      size: g.height,
      font: o.font,
      sup: false,
      ...(o.mark.contentId !== undefined ? { contentId: o.mark.contentId } : {}),
      ...(o.mark.artifact === true ? { artifact: true } : {}),
      spans,
    });
    return null;
  }
}
