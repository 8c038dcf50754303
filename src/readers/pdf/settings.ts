/**
 * The PDF reader's settings: every tolerance and threshold its logic uses, in one place, as
 * pdfplumber gathers its `table_settings`. Each entry gives its unit (pt = PDF points; em = the
 * font size of the text concerned; share = a fraction of the quantity named; pitch = the line
 * pitch of the body text), why it has the value it has, and the fixture or attack that set it.
 * Reader logic (src/readers/pdf/**) names these instead of writing decimal literals; the only
 * decimal literals left outside this file are facts of the PDF specification (the default font
 * matrix, the luminosity weights and blend-mode formulas of composite.ts), each named and cited
 * where it is used (test/unit/architecture.test.ts holds the list).
 *
 * The groups, in the order the reader uses them:
 * - DRAWING: the operator-list walk (walk/, regions.ts): what counts as paint, a ruling, a rectangle;
 * - VISIBILITY: what a reader cannot see (walk/text.ts, visibility.ts);
 * - DAMAGE, PAGE_BUDGET: when a page is damaged, or too large to read (index.ts, page-budget.ts);
 * - TEXT: glyphs → chunks → lines (glyph-chunks.ts, text.ts);
 * - ICONS: status and legend icons (layout-icons.ts, document.ts, image-color.ts);
 * - LAYOUT: lines → header, columns, rows, cells, notes, furniture (layout*.ts, row-starts.ts,
 *   notes.ts, furniture.ts, page-content.ts, ocr-layer.ts);
 * - NOTE_LETTERS: notes labelled with letters (note-letters.ts);
 * - NOTE_COLUMNS: notes set in two columns (notes.ts);
 * - HYPHENATION: when a document hyphenates words at line ends (line-end-hyphens.ts);
 * - NUMERIC: guards of the arithmetic, no tolerance (regions.ts, visibility.ts, walk/images.ts).
 *
 * "Smaller than" is not one setting but five, each measured against something else and set by its
 * own case: TEXT.smallShare (a superscript or subscript against its line, 0.85),
 * TEXT.wrappedMarkerShare (a marker wrapped alone onto a line, against the line above, 0.75),
 * LAYOUT.noteMarkerShare (a note's label against its text, 0.9), LAYOUT.noteLabelSmallerShare (a
 * number starting a line among note lines, 0.95) and LAYOUT.noteTextShare (note text against the
 * body, 0.97).
 */

// --- The operator-list walk (walk/, regions.ts, composite.ts) -------------------------------------

/** What the walk over a page's operator list counts as paint, a ruling or a rectangle. */
export const DRAWING = {
  /**
   * alpha (0 … 1, times the group's alpha). A fill, stroke, stencil mask or text run at most this
   * opaque paints nothing the reader records: no shape, ruling, icon or text run (walk/paths.ts,
   * walk/images.ts, walk/text.ts). Reason: a paint at 5 % shows at most a faint tint, never a
   * readable mark. Motivating case: the alpha-0 text and fills of the hidden-text attacks (test/adversarial/pdf-page-integrity.test.ts, hidden-geometry.test.ts)
   * (test/readers/pdf/hidden-content.test.ts).
   */
  noPaintAlpha: 0.05,
  /**
   * alpha (times its soft mask). A paint with at least this alpha hides what lies under it; at most
   * 1 − this it changes nothing (composite.ts). Reason: one step of 8-bit colour. Motivating case:
   * Word's fills (alpha 1) and the alpha-0 attack of hidden-content.test.ts.
   */
  opaqueAlpha: 0.99,
  /**
   * pt. A filled rectangle or stroked segment at most this thick is a ruling (a table border).
   * Reason: Word draws cell borders 0.5–1.5 pt; 2.5 pt leaves room for a thick outer border.
   * Motivating fixtures: fixtures/word-generated/*.pdf.
   */
  maxRulingThickness: 2.5,
  /**
   * times its thickness. A filled ruling is at least this many times as long as it is thick (a
   * thin fill shorter than that is a dash or a dot, not a border).
   */
  rulingMinAspect: 3,
  /**
   * pt. The thickness a filled ruling's length is compared with is at least this (a hairline fill
   * of 0.1 pt still has to be 1.5 pt long to be a border).
   */
  rulingMinThickness: 0.5,
  /**
   * pt. A stroked segment whose ends differ by less than this across it is straight
   * (horizontal or vertical) and may be a ruling.
   */
  strokeStraightTolerance: 0.5,
  /** pt. A stroked straight segment longer than this is a ruling (a shorter one is a tick or a dot). */
  strokeMinLength: 2,
  /**
   * pt. A stroked ruling is at least this thick (a 0-width line, one device pixel, still rules
   * a table: Word's and LibreOffice's hairline borders).
   */
  strokeMinRulingWidth: 0.1,
  /**
   * path buffer entries (pdfjs's flattened path: an operator and its coordinates each count). A
   * stroked path longer than this is a chart or drawing and gives no rulings. Reason: a table's
   * border path has tens of entries.
   */
  strokeMaxRulingPath: 2000,
  /**
   * pt. An edge of a four-sided path whose ends differ by at most this in x or y is vertical or
   * horizontal: the path is one axis-aligned rectangle (a cover or a cell shading), not a frame.
   */
  rectangleEdgeTolerance: 0.01,
  /**
   * pt. A box lies outside the clip only when it lies beyond it by more than this (a line's box
   * may have no height; rounding puts text drawn at the clip's edge a hair outside it).
   */
  clipTolerance: 0.01,
  /**
   * pt. The thinnest stroke a stroked path covers: a 0-width line is one device pixel.
   * Reason: a hairline hides nothing wider than itself. Motivating case: Word's 0-width borders.
   */
  minStrokeWidth: 0.25,
  /**
   * Straight steps a Bézier curve of a clip or painted path is flattened into (visibility tests
   * points against polygons). Reason: 8 steps keep a quarter circle of radius 50 pt within 0.2 pt.
   * Motivating case: a cover with one curved corner (test/readers/pdf/hidden-geometry.test.ts).
   */
  curveSteps: 8,
  /**
   * Most segments a clip or painted path may have to be tested point by point; a larger path
   * clips by its box and is not used as a cover. Reason: bounds the cost of one point test.
   * Motivating case: the crafted chart-like paths of scripts/bench/crafted-pdfs.ts.
   */
  maxRegionSegments: 4096,
  /**
   * count. A filled path of several subpaths is read subpath by subpath (each rectangle a shape
   * and a ruling of its own; a subpath wholly off the page or clip adds nothing to the shape's
   * box) only up to this many subpaths; a longer path keeps one box for all. Reason: the
   * rectangles are checked pairwise for overlap (a frame or ring is one shape), so the cost grows
   * with the square of this. Motivating case: two cell borders filled by one `f` (the PDF oracle
   * campaign's dropped `f` on the 2024 rendition, test/readers/pdf/path-subpaths.test.ts).
   */
  maxSplitSubpaths: 64,
} as const;

// --- What a reader cannot see (walk/text.ts, visibility.ts) -----------------------------------------

/** When text, or a mark, counts as invisible (NAP017). */
export const VISIBILITY = {
  /**
   * pt, the glyph height along the text's axis. Text less tall than this cannot be read.
   * Reason: the smallest text in any fixture is a 5.5 pt footnote marker; 2 pt is unreadable on
   * screen and paper. Motivating case: `0.5 Tf` text of test/readers/pdf/hidden-content.test.ts.
   */
  minTextSize: 2,
  /**
   * pt per character. Text whose characters advance less than this (e.g. `0 Tz`) is squeezed to
   * nothing. Reason: a glyph narrower than half a point overprints its neighbours. Motivating
   * case: the `0 Tz` attack of hidden-content.test.ts.
   */
  minAdvance: 0.5,
  /**
   * share (by area, or of the sampled points). Text of which the clip leaves less than this share
   * visible is clipped away. Reason: a quarter of a glyph box does not show a readable glyph.
   * Motivating case: the clipped text of hidden-content.test.ts.
   */
  minVisibleFraction: 0.25,
  /**
   * glyphs. Most glyphs of one text run sampled by the visibility pass (three points each, evenly
   * spread over the run). Reason: bounds the work per run; 32 glyphs leave no stretch of a word
   * unlooked at in a table cell's line. Motivating case: the two-corner clip (test/adversarial/pdf-invisible-row.test.ts).
   */
  maxRunPoints: 32,
  /**
   * shares of the font size above the baseline. The heights at which each sampled glyph is
   * probed: just above the baseline, at x-height's middle, and near the top of lower-case letters,
   * so that a clip or cover hiding the glyph's body is seen whatever the font's ascent.
   * Motivating case: the two-corner clip and the even-odd ring of
   * test/readers/pdf/hidden-geometry.test.ts.
   */
  sampleHeights: [0.05, 0.3, 0.55],
  /**
   * shares of a mark's box (x, y). Where a status-icon candidate is probed for a cover (its centre
   * and four points inside its corners): a cover must hide all five. Reason: a rounded mark's
   * corners lie outside the mark; 0.2 from each edge lies inside a circle's inscribed square.
   * Motivating case: the status icon covered by a white box of hidden-content.test.ts.
   */
  coverProbes: [
    [0.5, 0.5],
    [0.2, 0.2],
    [0.8, 0.2],
    [0.2, 0.8],
    [0.8, 0.8],
  ],
  /**
   * pt, and share of the run's height. A hidden run's box is widened by itemMatchShare of its
   * height, at least itemMatchSlack, to find the pdfjs text items that hold it: the walker's glyph box and pdfjs's item box differ
   * by the font's ascent and descent. Applies to pages read through pdfjs's text items (vertical
   * or right-to-left fonts); set with the visibility review (test/readers/pdf/hidden-geometry.test.ts), no fixture needs more.
   */
  itemMatchShare: 0.3,
  itemMatchSlack: 0.5,
  /**
   * pt. A hidden run reaching within this of a chunk's end is cut off that end of the chunk's box
   * (the rest of the chunk keeps its box otherwise).
   */
  cutEdgeSlack: 0.5,
} as const;

/** Thresholds of the damage checks (index.ts reportDamage). */
export const DAMAGE = {
  /**
   * characters. A page is "mostly hidden" (NAP028) only when at least this many characters are
   * hidden, and more than are visible. Reason: a hidden footnote marker or word is NAP017 only; a
   * page whose rows vanish behind a lost `Q` (the PDF oracle campaign: 80 of 83 activities gone) hides
   * hundreds. Motivating case: test/property/pdf-mutation-campaign.full.test.ts, a dropped `Q`.
   */
  minHiddenLetters: 40,
  /**
   * characters and share. A chunk with at least minUnreadableLetters U+FFFD, making up at least
   * unreadableShare of its characters, is unreadable (NAP029). Reason: a symbol glyph or two
   * (an unmapped bullet) are NAP014 only; a damaged ToUnicode map turns whole titles into U+FFFD.
   * Motivating case: the one-byte ToUnicode flip (test/adversarial/pdf-damage.test.ts).
   */
  minUnreadableLetters: 3,
  unreadableShare: 0.5,
} as const;


/**
 * The most one page's drawing may hold before it is refused (page-budget.ts, NAP031). Reason:
 * the largest page of any fixture has about 12,000 operators, 9,000 glyphs, 1,500 paths and
 * nesting 6; the limits are 25–100 times that, and keep every crafted input of the bounded-work cases (scripts/bench/crafted-pdfs.ts: 200k
 * fills nested 20k deep, 1M Tj, 300k fills, 600k glyphs, form fan-out) under 10 s and 500 MB.
 * Motivating cases: scripts/bench/crafted-pdfs.ts.
 */
export const PAGE_BUDGET = {
  /** operators in the page's list, forms and annotations inlined (with their multiplicity). */
  operators: 400_000,
  /** glyphs drawn. */
  glyphs: 250_000,
  /** painted or clipping paths. */
  paths: 60_000,
  /** graphics states saved one inside another (q, forms, groups). */
  nesting: 500,
  /**
   * form XObjects painted, counted with their multiplicity (a form painted twice by a form painted
   * twice counts four). Reason: pdfjs parses a form's content again at each paint (0.22 ms a
   * paint: 160,413 paints in 35.9 s on this machine at load average 25), so a fan-out of a few
   * tiny forms costs seconds long before the operator budget is reached (2.5 operators a paint). No
   * committed rendition paints a form (0 on every page; Word and Chromium may wrap a picture or a
   * transparency group in one: tens). Motivating case: scripts/bench/crafted-pdfs.ts nested-forms.pdf
   * (24 forms each painting the next twice: 16 M paints from 6 KB).
   */
  formPaints: 2_000,
  /** milliseconds pdfjs may spend building one page's operator list (a fixture page takes under 100 ms). */
  parseMs: 6_000,
} as const;

// --- Text: glyphs → chunks → lines (glyph-chunks.ts, text.ts) --------------------------------------

/**
 * How glyphs become chunks and chunks become lines: word and column gaps, baselines, and which
 * small text is a superscript (a footnote marker) or a subscript. Values of the first PDF reader,
 * set on the 2024 rendition (fixtures/nap-2024/bijlage-1-rendition.pdf), unless an entry says
 * which later fixture or test changed it.
 */
export const TEXT = {
  // --- glyphs → chunks (glyph-chunks.ts) ----------------------------------------------------------
  /** em. A gap of at least this between glyphs reads as a word space (a tenth of an em, as pdfminer's `word_margin`). */
  wordGapEm: 0.1,
  /**
   * em. A gap wider than this ends the chunk: text beyond it is another cell or column (unless
   * space characters account for the gap: a monospaced font's space is 0.6 em wide).
   */
  columnGapEm: 0.6,
  /** em. A glyph starting more than this before the end of the one before starts a new chunk (a new line, overprinting). */
  backwardGapEm: 0.2,
  /** share of the smaller font size. A baseline shift of more than this starts a new chunk (superscripts, the next line). */
  baselineShiftShare: 0.25,
  /**
   * share. Drawn sizes differing by more than this are different sizes: a change of size starts a
   * chunk (a footnote marker sized by the text matrix, not by `Tf`: glyph-chunks.test.ts).
   */
  sizeShare: 0.01,

  // --- text boxes (text.ts fontExtent, walk/text.ts) -----------------------------------------------
  /**
   * em. How far a text box reaches above (emAscent) and below (emDescent) its baseline when the
   * font gives no metrics, and the box of a run or symbol glyph in the walk: the em box of a
   * typical Latin font.
   */
  emAscent: 0.8,
  emDescent: 0.2,
  /**
   * em. A font's own ascent is kept within ascentMin to ascentMax and its descent within 0 to descentMax:
   * damaged or odd metrics would make boxes that overlap other lines.
   */
  ascentMin: 0.5,
  ascentMax: 1.1,
  descentMax: 0.5,

  // --- chunks → lines (text.ts buildLines) ---------------------------------------------------------
  /** share of the larger size. Chunks whose baselines differ by at most this are on one line. */
  lineBaselineShare: 0.2,
  /**
   * pt. Chunks within this of a line's main size (sizes counted in steps of 0.1 pt) are its main
   * text, whose lowest baseline is the line's baseline.
   */
  mainSizeTolerance: 0.06,
  /**
   * share of the line's size. Text at most this size is small: a superscript (raised) or a
   * subscript (lowered) candidate. Used for a small line above a line, for small chunks inside a
   * line, and for a subscript under the line above.
   */
  smallShare: 0.85,
  /** em of the line below. A small line raised at most this far above a line is its superscripts. */
  supRiseEm: 0.65,
  /** em of the line below. ... and only where each of its chunks lies within this of text of that line (not a separate tiny line). */
  supNeighbourEm: 2,
  /**
   * em of the line below. A line of footnote markers raised higher than usual, up to this far,
   * is still the line's superscripts when each marker starts where a word ends (a marker raised
   * 12 pt, above the line height: test/readers/pdf/pdfjs-divergence.test.ts).
   */
  markerRiseEm: 1.5,
  /** em. A raised marker starts where a word ends: the word's end lies at most this far before the marker's start. */
  markerGlueEm: 0.5,
  /** pt. ... or at most this far after it (a marker or subscript drawn right against its word). */
  glueSlack: 0.5,
  /**
   * share of the line above's size. A line of marker text at most this size, right under a line of
   * its own column, is a marker that wrapped alone onto the next line
   * (fixtures/word-generated/marker-wrap-a5-calibri.pdf).
   */
  wrappedMarkerShare: 0.75,
  /** em of the line above. ... and its baseline lies at most this far below that line's. */
  wrappedMarkerDropEm: 1.6,
  /** lines. ... that line being one of this many lines before it (a column's line, other columns' lines between). */
  wrappedMarkerLookback: 3,
  /** pt. ... and starting at most this far right of the wrapped marker's start (its own column). */
  wrappedMarkerSlack: 1,
  /** share of the line's size. A small chunk whose baseline is at least this far above the line's is a superscript. */
  inlineSupRiseShare: 0.12,
  /**
   * share of the line above's size. A small line lowered at most this far below the line above,
   * each chunk starting where a chunk of that line ends, is a subscript of that line (CO₂:
   * glyph-chunks.test.ts; lines set 0.9 em apart keep their subscripts and markers apart).
   */
  subscriptDropShare: 0.35,
  /** em of the line above. A subscript starts at most this far after the end of the word it belongs to. */
  subscriptGlueEm: 0.3,

  // --- lines → text (text.ts joinChunks) -----------------------------------------------------------
  /**
   * share. A raised chunk's size is about this share of its line's: a gap next to it is measured
   * against its size divided by this (the size of the text it belongs to).
   */
  supSizeShare: 0.65,
  /** share of the smaller size. A gap wider than this between two chunks of a line is a space (wider than a thin space). */
  spaceGapShare: 0.15,
} as const;

// --- Icons and the legend (layout-icons.ts, document.ts, image-color.ts, visibility.ts) --------------

/**
 * What may be a status or legend icon (a compact path, a symbol glyph, a small image) and how an
 * icon pairs with its legend label. Values of the first PDF reader, set on the 2024 rendition
 * (fixtures/nap-2024/bijlage-1-rendition.pdf) and pdf-generated/ (vector, glyph and image icons).
 */
export const ICONS = {
  /**
   * pt. An icon is at least this wide and tall (a smaller mark is a speck, a dot of a dotted rule)
   * and at most maxSide: a larger path or image is a shading, a picture or a cell, never a status
   * icon (an image that large is not even looked at for its colour).
   */
  minSide: 1.5,
  maxSide: 40,
  /** times. An icon is at most this many times as wide as tall, or as tall as wide (not a ruling or a bar). */
  maxAspect: 3,
  /** 0–255. An image pixel less opaque than this is background: it does not count for the icon's colour. */
  imageMinAlpha: 128,
  /** 0–255. An image pixel whose red, green and blue all exceed this is white background. */
  imageBackgroundLevel: 235,
  /**
   * em of the label's size. A legend icon lies at most this far before its label (and a 1–2
   * character chunk in a symbol font at most this far before a label is a glyph icon).
   */
  legendGapEm: 2.5,
  /** em of the label's size. ... and may overlap the label's start by up to this much. */
  legendOverlapEm: 0.3,
  /** em of the label's size. A symbol glyph starting at most this far before a label's chunk, inside it, is the label's icon. */
  legendLeadingGlyphEm: 0.5,
  /** em of the next chunk's size. A legend label runs on over chunks separated by gaps up to this (ordinary word gaps). */
  legendWordGapEm: 1,
} as const;

// --- Layout (page-content.ts, furniture.ts, layout*.ts, row-starts.ts, notes.ts, ocr-layer.ts) ---

/** Thresholds of the layout stage (layout*.ts, page-content.ts, furniture.ts, table-grid.ts). */
export const LAYOUT = {
  // --- text of one page -------------------------------------------------------------------------
  /**
   * pt. The same text drawn again within this distance (position, baseline, size) is one text
   * drawn twice ("fake bold", or a hidden duplicate), read once (NAP121).
   */
  duplicateTolerance: 0.5,

  // --- lines -------------------------------------------------------------------------------------
  /**
   * em. Baseline distances from pitchMinEm to pitchMaxEm of the font size are line pitches:
   * single spacing (about 1.2 em) to double; 1.5 spacing in Calibri is 1.83 em
   * (borderless-once-a4-landscape-calibri), which a bound of 1.8 em missed.
   */
  pitchMinEm: 0.9,
  pitchMaxEm: 2.6,
  /** em. The line pitch of a page whose lines give none (single spacing). */
  defaultPitchEm: 1.2,

  // --- notes (notes.ts) ---------------------------------------------------------------------------
  /** share. A note label smaller than this share of its text's size is a marker (Word prints footnote numbers smaller). */
  noteMarkerShare: 0.9,
  /** share of the line's size. A number at a line's start below this size starts a note among note lines. */
  noteLabelSmallerShare: 0.95,
  /** share of the body size. A note's text smaller than this is note text (page-bottom footnotes are set smaller). */
  noteTextShare: 0.97,
  /** em of the body size. A raised number this close to the table's left edge starts a note (notes are set from the margin). */
  noteLeftEm: 0.5,
  /** em. A bare number at a line's start this close to the text after it is a note's label, not a number in running text. */
  noteLabelGapEm: 2,

  // --- scans and OCR (ocr-layer.ts, index.ts) ----------------------------------------------------
  /**
   * share of the page. A page without visible text whose images cover at least this much of it
   * is a scanned page: without any text it has no text layer (NAP039); with text in render mode 3
   * over the image, that text is an OCR text layer and is read (fixtures/scanned/).
   */
  ocrImageShare: 0.5,
  /** share of the page. Images smaller than this are not part of a page scan (a logo, a status icon). */
  ocrImageMinShare: 0.1,

  /**
   * em. Chunks this close (or overlapping) touch: one word drawn in two fonts, as cairo and
   * Ghostscript re-write a ligature into a font of its own (`Ac|ti|viteit`,
   * cairo-shading-a4-landscape-calibri). They stay in one header cell and one table cell.
   */
  touchEm: 0.3,

  // --- header rows (layout-header.ts) ------------------------------------------------------------
  /** em. A wrapped header cell's other line (any text) lies within this many ems of the header line. */
  headerLineEm: 1.9,
  /**
   * em. A line of header words (`ke planning` under `Oorspronkelij`) may lie this far below: 1.5
   * line spacing puts it 2 em below (borderless-once-a4-landscape-calibri).
   */
  headerWrapEm: 2.6,
  /** share. A wrapped header line's text is within this share of the header's font size. */
  headerSizeShare: 0.2,
  /** lines. A header cell wraps over at most this many lines below the header line. */
  headerMaxLines: 3,

  // --- legend (layout-icons.ts) -------------------------------------------------------------------
  /** em of the body size. A shaded legend cell is at most this tall (a line and its cell padding). */
  legendCellMaxEm: 3,
  /** em of the body size. A shaded legend cell is at most this wide (a Status column; not a shaded band across the page). */
  legendCellMaxWidthEm: 12,

  // --- page furniture -----------------------------------------------------------------------------
  /**
   * pt. Two lines on different pages are "at the same place" when their baselines differ by at
   * most this (a running footer is placed by the page style, exactly; 2 pt allows for rounding
   * and for a page number whose digits differ in height).
   */
  furnitureBaselineTolerance: 2,
  /**
   * share of the pages. A line (digits folded) that recurs at the same place on at least this
   * share of the pages, and on at least furnitureMinPages pages, is page furniture. 0.5: a running
   * header printed on every page but the first; the page number printed under a column
   * (layout-generated page-number variants).
   */
  furnitureMinShare: 0.5,
  /** pages. Fewest pages on which a line must recur to count as furniture by repetition. */
  furnitureMinPages: 3,
  /**
   * em. A line that recurs on fewer pages than furnitureMinShare (a header on even pages only, a
   * stamp on some pages) is furniture only when no other line of its page is nearer than this
   * (baseline to baseline): a header or footer stands apart from the text; the last line of a note
   * that ends at the same height on several pages does not (adversarial review: a note tail on 6
   * even pages of 19 was dropped at exit 0, 1.5 line pitches from the line above).
   */
  furnitureApartEm: 2,
  /**
   * points. An `Actielijn N` heading printed above a table of its own (layout.ts actionLineHeading)
   * is read with the lines under it as the goal only when each of them starts below the one before
   * (overlapping by at most this): heading, goal and header row one under the other. A heading
   * row inside a table, beside other cells or followed by a page's notes, is read by the table.
   */
  headingOverlapPt: 1,
  /** lines. An action line's goal under an `Actielijn N` heading is one sentence: at most this many lines (the longest goal takes 2 at A5). */
  headingGoalMaxLines: 4,
  /** em. The goal's lines start within this of the heading's left edge (a paragraph under it, not a cell further right). */
  headingGoalLeftEm: 1,
  /**
   * em. A recurring line that follows the text toward the page's middle at no more than this
   * (between baselines) on at least half its pages continues that text: a sentence ending every
   * footnote, which Word sets at the foot of the text area (the adversarial review's
   * f2-fn-tail-last: `Geraadpleegd via de website van de Rijksoverheid.` under the notes of 15 of 19
   * pages). A line's pitch is about 1.2 em; Word puts a footer apart from the text, in the margin.
   */
  furnitureFlowEm: 1.5,
  /**
   * em. A line recurring at the foot of several pages is a table's continuation note only when it
   * is not set as the text above it (same size and left edge) within this distance: a line and a
   * paragraph gap. Adversarial review 4's L11: a row's closing paragraph `Zie de voortgangsbrief.`
   * ending ten pages, 2.3 em under the paragraph before it, was dropped as a note.
   */
  continuationApartEm: 3,
  /** share of the size. A recurring line continues the text above it only in about that text's size: f2-fn-tail-last's closing sentence is 10 pt under a 9 pt note (its own paragraph style); a 12 pt header over 9 pt text (adversarial review 3's h2) is not. */
  furnitureFlowSizeShare: 0.2,
  /** em. A recurring line continues the text above it only when it starts within this of that text's left edge (right-aligned and centred footers close to the text do not). */
  furnitureFlowLeftEm: 1,


  /**
   * em. Two lines of a cell further apart than the line pitch plus this much are two paragraphs
   * (Word's space after a paragraph). Measured against the pitch, not as a share of it: at 1.5
   * spacing a 3 pt space after is 1.17 pitches, at single spacing 1.3 (borderless-once-a4-landscape-calibri).
   */
  paragraphGapEm: 0.2,
  /**
   * gaps. A cell's own line pitch (the median distance between its lines) is used, where smaller
   * than the table's, once the cell has at least this many line gaps: with fewer, one paragraph
   * gap would be the median itself.
   */
  cellPitchMinGaps: 4,

  // --- rows (row-starts.ts) ---------------------------------------------------------------------------
  /**
   * pitch. Activiteit text (or a Wanneer/Wie block) starting more than this many body line pitches
   * below the text above it starts a new row: a row gap is a line gap plus the cells' padding
   * (the 2024 rendition: 1.5–2 pitches between rows, 1 within a cell).
   */
  rowGapPitch: 1.3,
  /**
   * em. A ruling counts as lying between two lines up to this far below the top of the lower
   * line's text box (a border drawn through the ascenders of a tightly set row).
   */
  rulingAboveLineEm: 0.25,
  /**
   * em. A status mark sits on a line when its centre lies within the line's text box widened by
   * this much above and below (marks are drawn a little above or below the text's middle).
   */
  cueLineMarginEm: 0.3,
  /**
   * share. A table is ruled between its rows when rulings separate at least this share of the
   * rows the other signals find; then its rulings decide (a table with a rule only between its
   * action lines is not ruled between its rows).
   */
  ruledShare: 0.5,
  /**
   * rows. A segment shows whether its cells are centred in their rows (row-starts.ts) when at
   * least this many rulings separate its rows; a shorter one keeps what earlier pages showed (a
   * page holding one row of a LaTeX table with m{} columns, hold-out 5's page 14).
   */
  centredMinRows: 2,
  /**
   * share. Status marks count as printed at the top of their cells (and so as a row-start signal)
   * when at least this share of the lines that carry one start a row by another signal too; the
   * 2024 rendition centres its marks in the cell, so a mark sits beside a row's second line (on
   * its page 6, one of two marked lines starts a row by another signal).
   */
  cueTopShare: 0.75,
  /**
   * em of the body size. A ruling that starts this close to the table's left edge and does not run
   * across the table is the footnote separator Word and LibreOffice draw above page-bottom notes.
   */
  separatorLeftEm: 1,
  /**
   * pitch. In a table without rulings, a gap of more than this many line pitches between two lines
   * ends the table (a paragraph or a note list after it).
   */
  tableEndGapPitch: 3.5,
  /**
   * pt. Horizontal rulings on the same line (y within this) that touch (x gap within this) are one
   * ruling: a browser draws each cell's border separately (the 2024 rendition).
   */
  rulingJoinTolerance: 1,
  /**
   * pitch. The first row of a segment reaches this far above its text (its status mark or shading
   * may sit there; the header row's shading above it may not).
   */
  rowTopMarginPitch: 0.2,
  /**
   * share of the table's width from the Activiteit column to the last column's left edge that a
   * horizontal ruling must cross to separate rows: a cell border runs across the table; a
   * footnote separator under a borderless table does not (borderless-once-a4-landscape-calibri).
   */
  rulingCrossShare: 0.8,
  /**
   * pt. Rulings within this above a table segment's first line or below its last belong to the
   * segment; a ruling starting within this above the table's last line's bottom, down to
   * closingRulingPitch below it, closes the table.
   */
  rulingSlack: 1,
  /**
   * share of a column's width. A row boundary's rulings that cover less of a column than this
   * leave it open: the cell above runs on into the next row (a vertically merged cell, merged-cells.ts).
   * 0.5: a border drawn with small gaps still rules the column (the adversarial review's vMerge'd
   * Toelichting, /tmp/adv-cases c3-vmerge-expl).
   */
  mergedCellCover: 0.5,
  /**
   * share of row boundaries. A column counts as ruled between rows (so that a boundary leaving it
   * open is a merged cell) when at least this share of the boundaries that rule the first column
   * rule it too: a table that rules its Toelichting column only under the `Actielijn N` and goal
   * rows has no merged cells (adversarial review, w8-toelichting-unruled).
   */
  mergedCellRuledShare: 0.5,
  /**
   * pitch. The ruling that closes a table lies at most this far below its last line; a ruling
   * further down (the top border of the next table, below a legend) is not part of it.
   */
  closingRulingPitch: 1.5,

  // --- columns and cells (layout-header.ts, layout-rows.ts) ---------------------------------------
  /**
   * pt. Two edges within this of each other are at the same place: the coordinates of text,
   * rulings, icons and fills drawn by different operators differ by rounding (a chunk starting on
   * a column bound, a ruling between two header cells, an icon right before its label, a fill
   * beside the Status column).
   */
  edgeSlack: 0.5,
  /**
   * em of the header's size. The first column starts this far left of the first header cell's
   * text: rows' text set a little left of the header word still lies in the first column.
   */
  firstColumnLeftEm: 1.5,
  /**
   * em of the header's size. Without a vertical ruling between two header cells, a column starts
   * this far left of its header cell's text (a cell's padding: the gap is narrower than a column gap).
   */
  columnLeftEm: 0.6,
  /**
   * share of the Status column's width. A fill is the Status cell's shading when it reaches at most
   * this far beyond the column's sides, covers at least shadingMinWidthShare of its width and more
   * than shadingMinHeightShare of the row's height (fixtures/word-generated/shading-*.pdf).
   */
  shadingOverhangShare: 0.1,
  shadingMinWidthShare: 0.6,
  shadingMinHeightShare: 0.5,
  /**
   * 0–255. A fill whose red, green and blue are all at least this is near-white: the paper or a
   * light grey band, neither a status shading nor a legend cell.
   */
  nearWhiteLevel: 0xf0,
  /**
   * share of the column's text width. A line that is one word may end in a word the column broke
   * (no hyphen printed) only when it fills at least this much of the column (narrow columns:
   * fixtures/word-generated/*-narrow-*.pdf).
   */
  brokenWordFillShare: 0.75,
  /**
   * em. A bulleted item's wrapped line starts under the item's text within this (a hanging indent);
   * a line starting further left than that ends the list (layout-rows.ts listIndent; the
   * word-generated renditions' AL3-18, whose closing paragraph starts under the bullet).
   */
  listIndentEm: 0.5,
  /**
   * em. A line that starts with a dash and a space is a list item when the line after it starts at
   * least this far right of it (dash-lists.ts: the wrapped line hangs under the item's text, as
   * ReportLab's bulletText prints it in hold-out 6, about 1.1 em)…
   */
  dashListHangMinEm: 0.3,
  /** em. …and at most this far (further right is a new column's text, not a hanging indent). */
  dashListHangMaxEm: 3,
  /**
   * em. A cell's last line before a page end may end in a broken word when less than this is left
   * on it: the next line's first character, on the next page, is not measured there (a character
   * is at most about an em wide). word-generated/three-headers-a5-arial: `Omgangsvorme` at the foot
   * of page 42, `n` on page 43.
   */
  pageEndBrokenWordRoomEm: 1,
  /** em. The width of a chunk's first character is estimated as at least this (a short chunk such as `n.` averages in its punctuation). */
  minCharWidthEm: 0.5,
  /**
   * em. The width a word space is taken to have where a line's first word is measured against the
   * room left on the line before (BodyRow.lineEnds): a quarter em (Carlito's space is 0.226 em,
   * Liberation Sans's 0.278).
   */
  spaceEm: 0.25,
  /**
   * ratio of areas. A status candidate that holds another inside it and is at least this many
   * times its area is the cell's background under a mark (a zebra stripe Chromium paints per cell:
   * the headings rendition printed on A4 portrait with a 6 % Status column, a 30 × 28 pt stripe
   * around a 7 pt icon, NAP303 ×2), not a mark; a dot inside its ring (about 2 times) stays one mark.
   */
  backgroundAreaRatio: 4,
  /**
   * em. A line that ends further than this past the next-rightmost line end of its column sticks
   * out of the column (a long unbreakable word or URL), and does not say where full lines end
   * (BodyRow.lineEnds; adversarial review 3's k3: a file name 38 pt past the Toelichting column).
   */
  lineOverflowEm: 2,
} as const;

// --- Notes labelled with letters (note-letters.ts) ------------------------------------------------

/** When a document's note labels are letters (a, b, c …) rather than Roman numerals or stray raised letters. */
export const NOTE_LETTERS = {
  /**
   * labels (a count). A document labels its notes with letters when its line-start labels begin
   * with `a` and cover `a` to the last one, with at least this many different letters: one raised
   * `a` starting a line proves nothing. Motivating case: /tmp/adv-cases/b2-fn-letters.pdf (Word's
   * "a, b, c" footnote numbering, 25 notes a … y), test/readers/pdf/note-letters.test.ts.
   */
  minLabels: 2,
} as const;

// --- Notes set in columns (notes.ts noteColumns) -------------------------------------------------

/**
 * When a notes region is set in two columns (LaTeX multicol, a Word section in two columns) and
 * its lines, which line building joins across the columns where they stand at one height, are
 * read column by column. Motivating case: the fifth blind hold-out (pdfTeX, multicol with a 6 mm
 * column gap, notes 1–14 left and 15–25 right at 8 pt; not committed, /work/holdout/holdout5.pdf).
 */
export const NOTE_COLUMNS = {
  /**
   * em of the label's size. A note label in mid-line starts the right column only after a gap at
   * least this wide: a column gap (multicol's default 10 pt, CSS's 1 em; 6 mm = 2.1 em in the
   * hold-out, at least 2.35 em there between the ragged left column and the right one), wider
   * than a word gap (about 0.3 em).
   */
  minGapEm: 1,
  /**
   * em of the label's size. Labels in mid-line whose left edges lie within this of one another
   * stand at one column edge (the hold-out's: all at x 311.0); a chunk starting this far left of
   * the edge and running past it crosses the column gap.
   */
  alignEm: 0.5,
  /**
   * labels (a count). At least this many lines hold a note label in mid-line at one column edge,
   * with text left of the gap: one number after a wide gap in a note (a page reference set off)
   * is no column. The hold-out has 9 (notes 15, 17–25; 16 stands alone on its line).
   */
  minLabels: 2,
  /**
   * em of the line's size. Below the last line holding right-column text, a line wholly left of
   * the column edge still belongs to the left column (a left column one line longer) when its
   * baseline lies at most this far below the previous left-column line's: the hold-out's note
   * lines step 1.2 em within a note and 1.6 em between notes, its "Legenda" heading below the
   * columns 4.7 em.
   */
  trailStepEm: 3,
} as const;

// --- Line-end hyphens inside a word (line-end-hyphens.ts) ----------------------------------------

/**
 * When a document counts as hyphenating its words at line ends (line-end-hyphens.ts
 * documentHyphenates), which lets Dutch spelling drop the line-end hyphen of a word the document
 * prints only once.
 */
export const HYPHENATION = {
  /**
   * different words. At least this many words whose line-end hyphen the document prints nowhere
   * else, printing the word whole without it. Reason: a document that breaks lines only at the
   * text's own hyphens has at most one such word (the 2024 annex spells both `Regerings-commissaris`
   * and `Regeringscommissaris`: pdf-generated/vector-a4-landscape, WeasyPrint and Chromium
   * renditions), pdfLaTeX's rendition 58 (latex-generated/latex-a4-landscape-top-hyphenated-times).
   */
  minHyphenatedWords: 5,
  /**
   * words per word. And at least this many of those for each different word whose line-end hyphen
   * the document prints elsewhere too. Reason: the Word A5 renditions break up to 4 such words
   * (`e-learning`, `pop-up`, `5D-benadering`, `IAO-verdrag`) and none of the other kind; pdfLaTeX's
   * rendition 58 against 1 (`Regerings-commissaris`, which TeX broke at its own hyphen).
   */
  hyphenatedPerKept: 2,
} as const;

// --- Guards of the arithmetic (regions.ts, visibility.ts, walk/images.ts) ---------------------------

/**
 * Numbers that are no tolerance of the layout but keep the arithmetic finite and its comparisons
 * meaningful; no fixture sets them, and no output depends on their exact value.
 */
export const NUMERIC = {
  /** A matrix whose determinant is at most this (in absolute value) is singular: it has no inverse. */
  singularDeterminant: 1e-12,
  /** pt. The width a chunk of no width is divided by (so a position along it stays finite). */
  minWidth: 1e-6,
  /** pt². The area two boxes that touch (an overlap of zero width or height) count as sharing, so that touching counts as overlapping. */
  touchingArea: 1e-9,
  /** pt. Half the side of the box a shading painted without a clip (`sh`) covers: the whole plane, in practice. */
  unbounded: 1e6,
} as const;
