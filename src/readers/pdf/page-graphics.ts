/**
 * What the operator-list walk (graphics.ts) collects from one page's drawing: painted shapes,
 * rulings, symbol glyphs, images and text runs with their paint, and the runs and marks it
 * already knows to be invisible. Page coordinates: PDF points, origin top-left, y down.
 */
import type { Box } from './geometry.js';
import type { FontFacts, ImageObject } from './pdfjs-contract.js';
import type { Region } from './regions.js';

/**
 * Where a mark was drawn in a tagged PDF: the marked-content id (`p12R_mc3`) that the structure
 * tree links to an element, and whether it is an `/Artifact` (page furniture, borders, shading).
 */
export interface MarkedContent {
  contentId?: string;
  artifact?: boolean;
}

/** A painted path: its box in page coordinates and its paint colour. */
export interface Shape extends MarkedContent {
  box: Box;
  color: string;
  mode: 'fill' | 'stroke';
  /** Position in drawing order among all marks and text runs of the page (later paints over earlier). */
  order: number;
  /** Painted fully opaque (alpha ≥ 0.99, normal blending, no soft mask) and one solid rectangle: hides what lies under it. */
  opaque: boolean;
  /** The effective alpha it was painted with (fill alpha × enclosing transparency groups' alpha). */
  alpha: number;
  /** Blended by multiplying (`Multiply`, `Darken`): darkens what lies under it instead of covering it. */
  multiply: boolean;
  /** The path is one axis-aligned rectangle (not a frame, a ring or a set of separate borders). */
  rect: boolean;
}

/** A thin horizontal or vertical line (a stroked segment or a thin filled rectangle). */
export interface Ruling {
  box: Box;
  orientation: 'h' | 'v';
}

/** A symbol glyph (Unicode category So or private use) drawn as text, with its fill colour. */
export interface GlyphMark extends MarkedContent {
  box: Box;
  /** Position in drawing order (that of its run; see Shape.order). */
  order?: number;
  color: string;
  char: string;
}

/** Image pixels as pdfjs delivers them (`kind` an ImageKind: 1 gray 1bpp, 2 RGB, 3 RGBA). */
export type ImageData = ImageObject;

/** An image placed on the page: an XObject (by pdfjs object id), inline data, or a stencil mask. */
export interface ImageMark extends MarkedContent {
  box: Box;
  /** Position in drawing order (see Shape.order). */
  order?: number;
  objId?: string;
  inline?: ImageData;
  /** For stencil masks the fill colour paints the image. */
  maskColor?: string;
  /** Set by the reader when the image's pixels are all opaque: it hides what lies under it. */
  opaque?: boolean;
}

/** A text run (one showText) with the fill colour it was painted in. */
export interface TextRun extends MarkedContent {
  box: Box;
  color: string;
  /** The run's text (the glyphs' Unicode values, spaces included). */
  text: string;
  /** Position in drawing order (see Shape.order). */
  order: number;
  /** The outline colour when the run is stroked too (render mode 1, 2, 5, 6). */
  strokeColor?: string;
  /** The run's number on its page (every drawn showText, visible or hidden, in drawing order): chunks name it in their spans. */
  run?: number;
  /** How it was painted, for the visibility pass: alpha (fill alpha × groups), blend mode (pdfjs's name), soft mask. */
  alpha?: number;
  blend?: string;
  mask?: SoftMask | null;
  /** Points of its glyphs (page coordinates, `[x, y, …]`) that the clip leaves visible: where the visibility pass looks. */
  points?: Float64Array;
}

/**
 * Anything painted on the page, as the visibility pass composites it point by point: where
 * (its region, inside its clip), in what colour (null when the reader does not know it: an
 * image, a pattern, a shading), with what alpha, blend mode and soft mask.
 */
export interface Paint {
  order: number;
  region: Region;
  color: string | null;
  alpha: number;
  blend: string;
  mask: SoftMask | null;
  /** The clip's box and its non-rectangular parts when the paint was made. */
  clip: Box | null;
  clips: readonly Region[] | null;
  /** An image: its opacity is known once the reader has looked at its pixels (ImageMark.opaque). */
  image?: ImageMark;
}

/** A soft mask (PDF 32000-1 §11.6.5.2): what its group paints, over its backdrop. */
export interface SoftMask {
  /** `Luminosity` or `Alpha`. */
  subtype: string | null;
  /** The backdrop colour `#rrggbb` (luminosity masks; default black). */
  backdrop: string | null;
  paints: Paint[];
}

/**
 * Why text drawn on a page cannot be seen: an invisible render mode (3 or 7), no paint (alpha
 * ≈ 0 or a pattern the reader does not see through), optional content that is off, clipped away,
 * painted in the colour of what lies under it, covered by an opaque paint drawn later, too
 * small to read, placed outside the page, masked out by a soft mask, blended into what lies under
 * it (Screen, Lighten, Difference …), drawn with Type3 glyphs that paint nothing, or drawn in an
 * annotation or form field (not the page's content).
 */
export type HiddenReason =
  | 'render-mode'
  | 'transparent'
  | 'optional-content'
  | 'clipped'
  | 'background-colour'
  | 'covered'
  | 'tiny'
  | 'off-page'
  | 'soft-mask'
  | 'blend-mode'
  | 'empty-glyph'
  | 'annotation';

/** A text run that cannot be seen, and why. */
export interface HiddenRun {
  box: Box;
  text: string;
  reason: HiddenReason;
  /** The run's number (TextRun.run), when the walker numbered it. */
  run?: number;
}

export interface PageGraphics {
  shapes: Shape[];
  rulings: Ruling[];
  glyphs: GlyphMark[];
  images: ImageMark[];
  /** Every text run the walker saw painted (colour, box, text): glyph icon colours, and visibility.ts. */
  runs: TextRun[];
  /** Text runs the walker already knows are invisible (render mode, no paint, optional content off, clipped away). */
  hiddenRuns: HiddenRun[];
  /** Marks (paths, symbol glyphs, images) left out because optional content is off or a clip removes them. */
  hiddenMarks: number;
  /** Everything painted (fills, strokes, images, stencil masks, shadings), in drawing order: what the visibility pass composites. */
  paints: Paint[];
  /**
   * What the page's content left open at its end, as a truncated content stream does: saved
   * graphics states pdfjs had to close, a text object, marked content. Empty for a whole page.
   */
  unfinished?: string[];
  /**
   * Glyphs drawn in a font whose /ToUnicode map leaves them out, so that pdfjs read them as raw
   * codes or control characters (a damaged map): how many, of how many glyphs in such fonts, where the first was.
   */
  unmapped?: { glyphs: number; of: number; box: Box | null };
}

/**
 * What the layout gets of a text run: its box and paint colour (the colour of a glyph drawn as a
 * status cue or a legend icon, layout-icons.ts runColorAt). The rest of a TextRun (text, order,
 * alpha, blend, mask, sample points …) serves the visibility pass in the reader thread; the page
 * input crosses threads without it.
 */
export type RunPaint = Pick<TextRun, 'box' | 'color'>;

/** A page's graphics as the page input carries them to the layout: the runs as RunPaint, the paints emptied (document.ts readPageInput). */
export type PageGraphicsInput = Omit<PageGraphics, 'runs'> & { runs: RunPaint[] };

/** Looks a font up by its pdfjs id; undefined when pdfjs has not published it. */
export type FontLookup = (fontRefName: string) => FontFacts | undefined;

/** Maps a marked-content id (MCID) of this page to the content id the structure tree uses. */
export type ContentIdOf = (mcid: number) => string;

/**
 * Whether an optional-content group or membership dictionary (pdfjs's `{type: 'OCG', id}` /
 * `{type: 'OCMD', …}`) is visible in the document's default configuration.
 */
export type OptionalContentVisible = (group: unknown) => boolean;
