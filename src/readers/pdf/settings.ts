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
