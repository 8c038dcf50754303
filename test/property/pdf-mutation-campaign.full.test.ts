/**
 * The PDF oracle campaign: seeded mutations of the committed renditions' drawing
 * (test/helpers/pdf-mutations.ts: a byte flipped in a page's content, an operator dropped or
 * duplicated, a font swapped, the content truncated, a digit of the xref changed). Oracle: a
 * read that the reader lets pass (no error diagnostic, no InputError: what `extract` would exit
 * 0 on) gives exactly the data of the unmutated page (every row's cells and status cue, the
 * footnotes, the header and legend), unless a reader of the page could see the change: the
 * mutated page is rendered (pdfjs-dist with @napi-rs/canvas) and compared with the original's
 * rendering, and a change that renders identically must never change the data at exit 0. Each run reads a one-page excerpt (page 2 of each rendition,
 * a page of table rows), so that a run costs tens of milliseconds instead of a whole document.
 *
 * Counts: NAP_PDF_CAMPAIGN_RUNS per rendition (default: 4 when this file runs alone, CAMPAIGN_FULL in
 * `npm run test:all`); the tally (same data / other data at exit 0 / refused) is printed in a
 * campaign and asserted: no other data at exit 0 from a page that renders as the original, and
 * every run counted. At the local count the runs' pages come from the tests' page cache (the
 * mutations are seeded: the same bytes every run; read again after any change to the page reader);
 * a campaign and `npm run test:all` read every run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/bag.js';
import { InputError } from '../../src/diagnostics/errors.js';
import type { PageModel } from '../../src/model/page-model.js';
import { readPdf, readPdfCached } from '../helpers/read-pdf.js';
import { FULL_TIER } from '../helpers/fuzz.js';
import { type ContentMutation, mutate, nextMutation, operatorSpans, pageExcerpt, prng } from '../helpers/pdf-mutations.js';
import { pixelsDiffering, renderPage } from '../helpers/render-page.js';

/** Pixels (at 1.5×) that may differ between renderings of pages a reader sees as the same (anti-aliasing). */
const RENDER_SAME_PIXELS = 0;
/** Runs per rendition in `npm run test:all` (what fits its time budget; see docs/testing.md). */
const CAMPAIGN_FULL = 400;
const RUNS = Number(process.env.NAP_PDF_CAMPAIGN_RUNS || (FULL_TIER ? CAMPAIGN_FULL : 4));
const CAMPAIGN = (process.env.NAP_PDF_CAMPAIGN_RUNS ?? '') !== '';

const RENDITIONS = [
  'nap-2024/bijlage-1-rendition.pdf',
  'word-generated/shading-a4-landscape-calibri-tagged.pdf',
  'word-generated/wingdings-a4-landscape-calibri.pdf',
  'word-generated/shape-a4-portrait-verdana.pdf',
];

/** What a user takes away from a page. */
function data(model: PageModel): unknown {
  return model.pages.map((p) => ({
    legend: p.legend.map((l) => [l.label, l.iconColor]),
    headers: p.tables.map((t) => t.header?.cells ?? null),
    rows: p.tables.flatMap((t) => t.rows.map((r) => [r.cells, r.statusCue.kind, r.statusCue.kind === 'icon' ? r.statusCue.color : null])),
    footnotes: p.footnotes.map((f) => [f.number, f.text]),
    looseText: p.looseText.map((l) => l.text),
  }));
}

/** The page's data when the reader lets it pass; null when it refuses it (InputError or an error diagnostic). */
async function passed(bytes: Uint8Array): Promise<unknown | null> {
  const bag = new DiagnosticBag('mutated.pdf', 'reader:pdf');
  try {
    const model = await (CAMPAIGN || FULL_TIER ? readPdf : readPdfCached)(bytes, { diagnostics: bag, timeoutMs: 20_000 });
    return bag.items.some((d) => d.severity === 'error') ? null : data(model);
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

describe('PDF oracle campaign: seeded mutations of page content; exit 0 ⇒ the same data', () => {
  it.each(RENDITIONS)('%s, page 2', async (path) => {
    const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url))));
    const excerpt = await pageExcerpt(bytes, 2);
    const spans = operatorSpans(excerpt.content);
    const reference = await passed(excerpt.pdf);
    expect(reference).not.toBeNull();
    const random = prng(20_261_205 + path.length);
    const tally = { runs: 0, same: 0, otherAtExitZero: 0, refused: 0, otherButSeen: 0 };
    /** Other data at exit 0 from a page that renders as the original does: a reader could not have seen the change. */
    const unseen: ContentMutation[] = [];
    const seen: ContentMutation[] = [];
    const picture = await renderPage(excerpt.pdf);
    const started = performance.now();
    for (let k = 0; k < RUNS; k++) {
      const m = nextMutation(random, excerpt.content.length, spans.length, excerpt.fonts.length);
      const mutated = await mutate(excerpt, spans, m);
      const got = await passed(mutated);
      tally.runs++;
      if (got === null) tally.refused++;
      else if (JSON.stringify(got) === JSON.stringify(reference)) tally.same++;
      else {
        tally.otherAtExitZero++;
        // A change a reader of the page can see (a swapped font shows other glyphs, a moved icon) is allowed to change the data.
        const differs = pixelsDiffering(picture, await renderPage(mutated).catch(() => ({ width: 0, height: 0, data: new Uint8ClampedArray() })));
        if (differs > RENDER_SAME_PIXELS) {
          tally.otherButSeen++;
          seen.push(m);
        } else unseen.push(m);
      }
    }
    if (CAMPAIGN) {
      console.log(`${path}: ${JSON.stringify(tally)} in ${((performance.now() - started) / 1000).toFixed(1)} s; other data at exit 0, seen: ${JSON.stringify(seen.slice(0, 12))}; unseen: ${JSON.stringify(unseen)}`);
    }
    expect(tally.runs).toBe(RUNS);
    expect(tally.same + tally.otherAtExitZero + tally.refused).toBe(RUNS);
    // None known: the last that were (dropped border segments and fills, a clip's lost `n`) read the original's data
    // since row-starts.ts's part of a ruling, merged-cells.ts's cell sides and walk/paths.ts's subpaths
    // (test/readers/pdf/path-subpaths.test.ts).
    expect(unseen).toEqual([]);
  }, 3_600_000);
});
