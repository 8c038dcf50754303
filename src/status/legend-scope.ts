/**
 * Step 2 of the status rule: which printed status legend a row's status cue is read with.
 *
 * A legend applies from where it is printed until the next legend — on every page, once on page
 * 1, once per action line, or as a block of its own. A row before the first legend (a "Legenda"
 * block printed after the tables) uses the first legend of the document. Legend entries printed
 * together form one legend; a label that repeats within a page starts the next one (two action
 * lines on a page, each with its legend above its table). A legend broken by a page end (labels
 * on two pages) is one legend. Assembly gives each row the legend in force where it is printed.
 */
import { locationOf } from '../model/diagnostics.js';
import { type DiagnosticBag } from '../diagnostics/bag.js';
import type { LegendEntry, PageModel, SourceLocation } from '../model/page-model.js';
import { foldText } from '../model/plain-text.js';

/** One printed legend: its entries in print order and where it starts. */
export interface Legend {
  entries: LegendEntry[];
  location: SourceLocation;
}

/** The legends of a document in print order (pages in order, entries as each page lists them). */
export function legendsOf(model: PageModel): Legend[] {
  const legends: Legend[] = [];
  let current: Legend | null = null;
  for (const page of model.pages) {
    for (const entry of page.legend) {
      const label = foldText(entry.label);
      if (current === null || current.entries.some((e) => foldText(e.label) === label)) {
        current = { entries: [], location: entry.location };
        legends.push(current);
      }
      current.entries.push(entry);
    }
  }
  return legends;
}

/**
 * Returns a lookup from a row's location to the legend in force there: the last legend printed
 * before it (same page: above it, by line or box top), else the document's first legend, else
 * null when the document prints none. Lookups must come in document order (linear overall).
 */
export function legendInForce(legends: readonly Legend[]): (at: SourceLocation) => Legend | null {
  let next = 0;
  let current: Legend | null = null;
  return (at) => {
    while (next < legends.length && isBefore(legends[next]!.location, at)) current = legends[next++]!;
    return current ?? legends[0] ?? null;
  };
}

/**
 * NAP109, for an input with status cues: once when the document prints no legend at all, and
 * once per printed legend that lacks some of the five labels.
 */
export function checkLegends(legends: readonly Legend[], diagnostics: DiagnosticBag): void {
  if (legends.length === 0) {
    diagnostics.report('NAP109', 'The input has status icons but prints no status legend anywhere; their colours cannot be read as statuses. Check that the legend is in the document.', {}, { actual: 0, expected: 5 });
    return;
  }
  for (const legend of legends) {
    if (legend.entries.length < 5) {
      diagnostics.report('NAP109', `Legend on page ${legend.location.page} has ${legend.entries.length} of 5 labels: ${legend.entries.map((l) => `"${l.label}"`).join(', ')}. Check that the legend is complete.`, locationOf(legend.location), { actual: legend.entries.map((l) => l.label), expected: 5 });
    }
  }
}

/** True when `a` is printed before `b`: an earlier page, or higher on the same page. */
function isBefore(a: SourceLocation, b: SourceLocation): boolean {
  if (a.page !== b.page) return a.page < b.page;
  if (a.line !== undefined && b.line !== undefined) return a.line <= b.line;
  if (a.bbox && b.bbox) return a.bbox[1] <= b.bbox[1];
  return true;
}
