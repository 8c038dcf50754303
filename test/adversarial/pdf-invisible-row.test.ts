/**
 * Attacks of an adversarial round on the 2024 rendition, each appended to a page with a content
 * editor (test/helpers/pdf-edit.ts): a whole invented table row inside a clip made of two 4-pt
 * squares at opposite page corners, and a word after a title hidden by a non-rectangular clip or
 * a cover that is no rectangle. Oracle: the data are the unedited rendition's (83 activities,
 * the same titles), with NAP017 for what was left out; the same row drawn visibly becomes an
 * 84th activity (so the test can fail).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractAnnex } from '../../src/pipeline.js';
import type { Annex } from '../../src/schema/annex.js';
import { PDF_2024, extract2024Pdf } from '../helpers/fixtures.js';
import { appendToPage } from '../helpers/pdf-edit.js';
import { cachedPages } from '../helpers/page-cache.js';

const original = new Uint8Array(readFileSync(PDF_2024));
/** Page 17's table ends at y = 152 pt from the top (page height 594.96 pt): the invented row goes below it. */
const H = 594.96;
const y = (fromTop: number): string => (H - fromTop).toFixed(2);

/** A row as the rendition draws one: borders, a title, a green status circle, Wanneer, Wie and Toelichting. */
const ROW = [
  `0.725 0.776 0.839 rg 28.5 ${y(175.5)} 785.2 0.75 re f 28.5 ${y(175.5)} 0.75 23.25 re f 177.75 ${y(175.5)} 0.75 23.25 re f`,
  `224.25 ${y(175.5)} 0.75 23.25 re f 295.5 ${y(175.5)} 0.75 23.25 re f 381.75 ${y(175.5)} 0.75 23.25 re f 813 ${y(175.5)} 0.75 23.25 re f`,
  `0.18 0.49 0.196 rg 205.5 ${y(163.75)} m 205.5 ${y(161.7)} 203.8 ${y(160)} 201.75 ${y(160)} c 199.7 ${y(160)} 198 ${y(161.7)} 198 ${y(163.75)} c`,
  `198 ${y(165.8)} 199.7 ${y(167.5)} 201.75 ${y(167.5)} c 203.8 ${y(167.5)} 205.5 ${y(165.8)} 205.5 ${y(163.75)} c f`,
  `0 0 0 rg BT /NapH 7.5 Tf 32.25 ${y(166.2)} Td (Verzonnen activiteit) Tj ET BT /NapH 7.5 Tf 228.4 ${y(166.2)} Td (2024) Tj ET`,
  `BT /NapH 7.5 Tf 299 ${y(166.2)} Td (OCW) Tj ET BT /NapH 7.5 Tf 385.2 ${y(166.2)} Td (Een rij die niemand ziet.) Tj ET`,
].join(' ');

const titles = (a: Annex): string[] => a.activities.map((x) => x.title);

async function extract(bytes: Uint8Array): Promise<Annex> {
  return (await extractAnnex(bytes, { fileName: 'edited.pdf' }, cachedPages)).annex;
}

describe('attacks on the 2024 rendition: what a reader cannot see is no data', async () => {
  const { annex: reference } = await extract2024Pdf();

  it('an invented row inside a clip of two 4-pt squares at opposite corners: 83 activities, the row reported (NAP017)', async () => {
    const annex = await extract(await appendToPage(original, 17, `q 0 0 4 4 re 837.9 590.9 4 4 re W n ${ROW} Q`));
    expect(annex.activities).toHaveLength(83);
    expect(titles(annex)).toEqual(titles(reference));
    const hidden = annex.diagnostics.filter((d) => d.code === 'NAP017').map((d) => [d.place.page, d.actual, d.note]);
    expect(hidden).toEqual(expect.arrayContaining([[17, 'Verzonnen activiteit', 'clipped'], [17, 'Een rij die niemand ziet.', 'clipped']]));
    expect(annex.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('control: the same row drawn visibly is an 84th activity', async () => {
    const annex = await extract(await appendToPage(original, 17, `q ${ROW} Q`));
    expect(annex.activities).toHaveLength(84);
    expect(annex.activities.at(-1)).toMatchObject({ id: 'AL5-13', title: 'Verzonnen activiteit', status: { code: 'completed' } });
  });

  // "Regionale bezoeken" (page 17) ends near x = 98 pt; the word follows it on its baseline.
  const word = `0 0 0 rg BT /NapH 7.5 Tf 100 ${y(138)} Td (geheim) Tj ET`;
  it.each([
    ['an even-odd ring with the word in its hole', `q 90 ${y(152)} 60 24 re 95 ${y(148)} 50 16 re W* n ${word} Q`, 'clipped'],
    ['a white pentagon drawn over it', `q ${word} 1 1 1 rg 98 ${y(142)} m 130 ${y(142)} l 134 ${y(136)} l 115 ${y(129)} l 96 ${y(136)} l h f Q`, 'covered'],
    ['a thick white stroke drawn over it', `q ${word} 1 1 1 RG 8 w 99 ${y(135.5)} m 128 ${y(135.5)} l S Q`, 'covered'],
  ])('a word after a title hidden by %s: the title as printed, NAP017 (%s)', async (_what, ops, reason) => {
    const annex = await extract(await appendToPage(original, 17, ops));
    expect(titles(annex)).toEqual(titles(reference));
    expect(annex.diagnostics.filter((d) => d.code === 'NAP017').map((d) => [d.place.page, d.actual, d.note])).toEqual([[17, 'geheim', reason]]);
  });
});
