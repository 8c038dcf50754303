/**
 * Damage on the real 2024 rendition: a page whose drawing pdfjs had to skip part of is an error
 * naming the page (never exit 0 with part of a page missing), and text a reader cannot see,
 * added to a page that then renders the same, is left out with NAP017. Oracle: where the result
 * has no error, its activities and footnotes equal the unmutated rendition's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractAnnex } from '../../src/pipeline.js';
import { PDF_2024, extract2024Pdf } from '../helpers/fixtures.js';
import { appendToPage, pageSize } from '../helpers/pdf-edit.js';
import { cachedPages } from '../helpers/page-cache.js';

const original = new Uint8Array(readFileSync(PDF_2024));
const { annex: clean } = await extract2024Pdf();
const { width, height } = await pageSize(original, 3);
/** A place inside the table on pages 3–6 (the right half, half-way down; the pages are of one size), in PDF user space. */
const X = Math.round(width * 0.7);
const Y = Math.round(height * 0.5);

async function extract(bytes: Uint8Array) {
  return extractAnnex(bytes, { fileName: 'mutated.pdf' }, cachedPages);
}

const data = (a: typeof clean) => ({ activities: a.activities, footnotes: a.footnotes, actionLines: a.actionLines });

/** The rendition with `ops[k]` appended to page `pages[k]`. */
async function appendToPages(pages: number[], ops: string[]): Promise<Uint8Array> {
  let bytes: Uint8Array = original;
  for (const [k, op] of ops.entries()) bytes = await appendToPage(bytes, pages[k]!, op);
  return bytes;
}

// Each case on a page of its own, so that one read checks them all and every diagnostic names the
// page of its case. On these pages the place (X, Y) lies inside an activity's cell (on page 6 it
// falls between two rows).
const PAGES = [3, 4, 5, 7];
describe('every page read completely or reported (the 2024 rendition)', () => {
  it('an unknown ExtGState, XObject and shading appended to pages 3, 4 and 5: one NAP019 error on each, naming what pdfjs skipped; the rest of each page is read', async () => {
    const { annex, diagnostics } = await extract(await appendToPages(PAGES, ['/GSX gs', '/ImX Do', '/ShX sh']));
    const skipped = diagnostics.filter((d) => d.code === 'NAP019');
    expect(skipped.map((d) => [d.place.page, d.severity, d.source])).toEqual([3, 4, 5].map((page) => [page, 'error', 'reader:pdf']));
    expect(skipped[0]!.cause).toContain('ExtGState');
    expect(skipped[1]!.cause).toContain('XObject');
    expect(skipped[2]!.cause).toContain('Shading');
    // Read as a viewer reads it: nothing else was lost (before, the page's icons were lost too).
    expect(data(annex)).toEqual(data(clean));
  });
});

describe('text a reader cannot see, added to the rendition, is not data', () => {
  const visible = `q 0 0 0 rg BT /NapH 8 Tf ${X} ${Y} Td (Ingevoegde zin) Tj ET Q`;
  const hidden: [string, string, string][] = [
    ['render mode 3', `q 3 Tr BT /NapH 8 Tf ${X} ${Y} Td (Ingevoegde zin) Tj ET Q`, 'render-mode'],
    ['white on the white page', `q 1 1 1 rg BT /NapH 8 Tf ${X} ${Y} Td (Ingevoegde zin) Tj ET Q`, 'background-colour'],
    ['covered by a white box', `q 0 0 0 rg BT /NapH 8 Tf ${X} ${Y} Td (Ingevoegde zin) Tj ET 1 1 1 rg ${X - 2} ${Y - 3} 80 12 re f Q`, 'covered'],
    ['0.5 pt tall', `q 0 0 0 rg BT /NapH 0.5 Tf ${X} ${Y} Td (Ingevoegde zin) Tj ET Q`, 'tiny'],
  ];

  it('visible text at the same places (pages 3, 4, 5, 7) is read (control)', async () => {
    const { annex } = await extract(await appendToPages(PAGES, hidden.map(() => visible)));
    const found = annex.activities.filter((a) => a.explanation.text.includes('Ingevoegde zin')).map((a) => a.id);
    expect(found).toEqual(['AL1-12', 'AL1-16', 'AL1-21', 'AL2-06']);
  });

  it(`${hidden.map(([name], k) => `${name} (page ${PAGES[k]})`).join(', ')}: the same data as the rendition, one NAP017 on each page with its reason`, async () => {
    const { annex, diagnostics } = await extract(await appendToPages(PAGES, hidden.map(([, ops]) => ops)));
    expect(data(annex)).toEqual(data(clean));
    const found = diagnostics.filter((d) => d.code === 'NAP017');
    expect(found.map((d) => [d.place.page, d.actual, d.note])).toEqual(hidden.map(([, , reason], k) => [PAGES[k], 'Ingevoegde zin', reason]));
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(false);
  });
});

describe('a status icon a reader cannot see is no status (the rendition, page 3, first row AL1-11)', () => {
  it('covered by an opaque white image drawn later: NAP017 (covered), and the row is still its own activity, without status (NAP304)', async () => {
    const { annex, diagnostics } = await extract(await appendToPage(original, 3, 'q 12 0 0 12 196 444 cm BI /W 1 /H 1 /CS /G /BPC 8 /F /AHx ID FF> EI Q'));
    expect(annex.activities).toHaveLength(83);
    expect(annex.activities.find((a) => a.id === 'AL1-11')?.status).toBeNull();
    expect(diagnostics.filter((d) => d.code === 'NAP017').map((d) => [d.place.page, d.note])).toEqual([[3, 'covered']]);
    expect(diagnostics.filter((d) => d.code === 'NAP304').map((d) => [d.severity, d.row])).toEqual([['error', 'AL1-11']]);
  });
});
