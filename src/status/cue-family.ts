/**
 * Step 1 of the status rule: which status cues an input has, and which legend entries a cue may
 * be read with.
 *
 * A reader reports, per row, how its Status cell showed the status (the page model's
 * `StatusCue`: an icon colour and how the icon was drawn, words, or nothing) and, per page, the
 * printed legend (`LegendEntry`: label, icon colour, how the icon was drawn). Nothing here looks
 * at a page: this is what the rest of the pipeline makes of those cues.
 */
import type { CueShape, PageModel } from '../model/page-model.js';

/**
 * True when a status cue drawn as `cue` may be read with a legend entry drawn as `legend`: cell
 * shading with a shaded legend cell, a mark (path, glyph, image) with a legend of marks — never a
 * glyph or picture legend for shaded cells, nor the reverse. A filled box (`vector`) belongs to
 * both families: a reader may see a short row's shaded Status cell, or a small shaded legend
 * cell, as a filled box (calc-a4-landscape-carlito). An entry whose shape is unknown matches any cue.
 */
export function sameCueFamily(legend: CueShape | undefined, cue: CueShape): boolean {
  if (legend === undefined || legend === 'vector' || cue === 'vector') return true;
  return (cue === 'shading') === (legend === 'shading');
}

/**
 * True when the input carries status cues: a legend with icon colours or a row with an icon.
 * The one place that decides it (assembly reports a missing legend from it, the row status
 * NAP301 and NAP304).
 */
export function hasStatusCues(model: PageModel): boolean {
  return model.pages.some(
    (p) => p.legend.some((e) => e.iconColor !== null) || p.tables.some((t) => t.rows.some((r) => r.statusCue.kind === 'icon')),
  );
}
