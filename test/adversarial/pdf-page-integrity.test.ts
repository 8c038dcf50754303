/**
 * Issue 9 on the real 2024 rendition: a page whose drawing pdfjs had to skip part of is an error
 * naming the page (never exit 0 with part of a page missing), and text a reader cannot see,
 * added to a page that then renders the same, is left out with NAP017. Oracle: where the result
 * has no error, its activities and footnotes equal the unmutated rendition's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractAnnex } from '../../src/pipeline.js';
import { PDF_2024, extract2024Pdf } from '../helpers/fixtures.js';
import { appendToPage, pageSize } from '../helpers/pdf-edit.js';

const original = new Uint8Array(readFileSync(PDF_2024));
const { annex: clean } = await extract2024Pdf();
const { width, height } = await pageSize(original, 3);
/** A place inside the table on page 3 (the right half, half-way down), in PDF user space. */
const X = Math.round(width * 0.7);
const Y = Math.round(height * 0.5);

async function extract(bytes: Uint8Array) {
  return extractAnnex(bytes, { fileName: 'mutated.pdf' });
}

const data = (a: typeof clean) => ({ activities: a.activities, footnotes: a.footnotes, actionLines: a.actionLines });

describe('every page read completely or reported (the 2024 rendition, page 3)', () => {
  it.each([
    ['an unknown ExtGState', '/GSX gs', 'ExtGState'],
    ['an unknown XObject', '/ImX Do', 'XObject'],
    ['an unknown shading', '/ShX sh', 'Shading'],
  ])('%s appended: NAP019 error on page 3 naming what pdfjs skipped; the rest of the page is read', async (_name, ops, what) => {
    const { annex, diagnostics } = await extract(await appendToPage(original, 3, ops));
    const skipped = diagnostics.filter((d) => d.code === 'NAP019');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ severity: 'error', place: { page: 3 }, source: 'reader:pdf' });
    expect(skipped[0]!.cause).toContain(what);
    // Read as a viewer reads it: nothing else was lost (before, the page's icons were lost too).
    expect(data(annex)).toEqual(data(clean));
  });
});

describe('text a reader cannot see, added to the rendition, is not data', () => {
  it('visible text at the place is read (control)', async () => {
    const { annex } = await extract(await appendToPage(original, 3, `q 0 0 0 rg BT /NapH 8 Tf ${X} ${Y} Td (Ingevoegde zin) Tj ET Q`));
    expect(JSON.stringify(annex.activities)).toContain('Ingevoegde zin');
  });

  it.each([
    ['render mode 3', `q 3 Tr BT /NapH 8 Tf ${X} ${Y} Td (Ingevoegde zin) Tj ET Q`, 'render-mode'],
    ['white on the white page', `q 1 1 1 rg BT /NapH 8 Tf ${X} ${Y} Td (Ingevoegde zin) Tj ET Q`, 'background-colour'],
    ['covered by a white box', `q 0 0 0 rg BT /NapH 8 Tf ${X} ${Y} Td (Ingevoegde zin) Tj ET 1 1 1 rg ${X - 2} ${Y - 3} 80 12 re f Q`, 'covered'],
    ['0.5 pt tall', `q 0 0 0 rg BT /NapH 0.5 Tf ${X} ${Y} Td (Ingevoegde zin) Tj ET Q`, 'tiny'],
  ])('%s: the same data as the rendition, NAP017 on page 3', async (_name, ops, reason) => {
    const { annex, diagnostics } = await extract(await appendToPage(original, 3, ops));
    expect(data(annex)).toEqual(data(clean));
    const hidden = diagnostics.filter((d) => d.code === 'NAP017');
    expect(hidden.map((d) => [d.place.page, d.actual, d.note])).toEqual([[3, 'Ingevoegde zin', reason]]);
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
