/**
 * The PDF reader's thresholds, each with its unit, why it has the value it has, and the fixture
 * or attack that set it. Reader logic names these instead of writing decimal literals.
 */

// --- Drawing and visibility (graphics.ts, walk/, visibility.ts) ---

/**
 * Text less tall than this (PDF points, the glyph height along the text's axis) cannot be read.
 * Reason: the smallest text in any fixture is a 5.5 pt footnote marker; 2 pt is unreadable on
 * screen and paper. Motivating case: `0.5 Tf` text of test/readers/pdf/hidden-content.test.ts.
 */
export const MIN_TEXT_SIZE = 2;

/**
 * Text whose characters advance less than this (points each, e.g. `0 Tz`) is squeezed to nothing.
 * Reason: a glyph narrower than half a point overprints its neighbours. Motivating case: the
 * `0 Tz` attack of hidden-content.test.ts.
 */
export const MIN_ADVANCE = 0.5;

/**
 * Text of which the clip leaves less than this share (by area) visible is clipped away.
 * Reason: a quarter of a glyph box does not show a readable glyph. Motivating case: the clipped
 * text of hidden-content.test.ts.
 */
export const MIN_VISIBLE_FRACTION = 0.25;

/**
 * A filled rectangle or stroked segment at most this thick (points) is a ruling (a table border).
 * Reason: Word draws cell borders 0.5–1.5 pt; 2.5 pt leaves room for a thick outer border.
 * Motivating fixtures: fixtures/word-generated/*.pdf.
 */
export const MAX_RULING_THICKNESS = 2.5;

// --- Layout (page-content.ts, furniture.ts, layout*.ts) ---

/** Thresholds of the layout stage (layout*.ts, page-content.ts, furniture.ts, table-grid.ts). */
export const LAYOUT = {
  // --- text of one page -------------------------------------------------------------------------
  /**
   * pt. The same text drawn again within this distance (position, baseline, size) is one text
   * drawn twice ("fake bold", or a hidden duplicate), read once (NAP121).
   */
  duplicateTolerance: 0.5,

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
} as const;
