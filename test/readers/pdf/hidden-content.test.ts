/**
 * Only what a reader sees is data: text and icons a PDF draws invisibly are left out,
 * each with NAP017 naming page, box and why. Oracle: the page model of a PDF with hidden content
 * added equals the page model of the same PDF without it. A visible control proves the
 * injection place is read at all (so the tests can fail).
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/diagnostics/bag.js';
import type { PageModel } from '../../../src/model/page-model.js';
import { readPdf } from '../../helpers/read-pdf.js';
import { type MiniAnnexPage, miniAnnex } from './mini-annex.js';

const COLORS = ['#008080', '#ffb000', '#5a5a5a', '#d0006f', '#101010'];

/** One page: an action line and two activities; row 1's Toelichting has free room to its right (x ≥ 650). */
function page(extra?: string, toelichting = 'Een korte toelichting.'): MiniAnnexPage[] {
  return [
    {
      rows: [
        { title: ['Actielijn 1'], toelichting: [] },
        { title: ['Eerste activiteit'], status: 1, wanneer: 'Q1 2024', wie: ['OCW'], toelichting: [toelichting] },
        { title: ['Tweede activiteit'], status: 0, wanneer: '2023', wie: ['VWS'], toelichting: ['Afgerond.'] },
      ],
      ...(extra !== undefined ? { extra } : {}),
    },
  ];
}

/** Row 1 ("Eerste activiteit") has its first line at y = 465 (mini-annex layout: header 510, action line 490, row pitch 11 + 6 + 8). */
const ROW_Y = 465;
const at = (ops: string): string => `q ${ops} Q`;
const text = (s: string, x = 700, y = ROW_Y, size = 9): string => `BT /F1 ${size} Tf ${x} ${y} Td (${s}) Tj ET`;

async function read(bytes: Uint8Array): Promise<{ model: PageModel; bag: DiagnosticBag }> {
  const bag = new DiagnosticBag('hidden.pdf', 'reader:pdf');
  return { model: await readPdf(bytes, { diagnostics: bag }), bag };
}

const cells = (m: PageModel): string[][] => m.pages.flatMap((p) => p.tables.flatMap((t) => t.rows.map((r) => [...(['title', 'status', 'planning', 'owners', 'explanation'] as const).map((k) => r.cells[k] ?? ''), r.statusCue.kind === 'icon' ? (r.statusCue.color ?? '') : r.statusCue.kind])));

const CASES: { name: string; ops: string; reason: string }[] = [
  { name: 'invisible render mode 3', ops: at(`3 Tr ${text('Verborgen tekst')}`), reason: 'render-mode' },
  { name: 'clip-only render mode 7', ops: at(`7 Tr ${text('Verborgen tekst')}`), reason: 'render-mode' },
  { name: 'white on the white page', ops: at(`1 1 1 rg ${text('Verborgen tekst')}`), reason: 'background-colour' },
  { name: 'coloured like the fill under it', ops: at(`0.2 0.4 0.6 rg 695 460 90 14 re f ${text('Verborgen tekst')}`), reason: 'background-colour' },
  { name: 'covered by a white box drawn later', ops: at(`0 0 0 rg ${text('Verborgen tekst')} 1 1 1 rg 695 457 100 20 re f`), reason: 'covered' },
  { name: 'clipped away', ops: at(`10 10 5 5 re W n 0 0 0 rg ${text('Verborgen tekst')}`), reason: 'clipped' },
  { name: 'in an optional-content layer that is off', ops: `/OC /OCoff BDC ${at(text('Verborgen tekst'))} EMC`, reason: 'optional-content' },
  { name: 'painted with alpha 0', ops: at(`/Clear gs ${text('Verborgen tekst')}`), reason: 'transparent' },
  { name: '0.5 pt tall', ops: at(text('Verborgen tekst', 700, ROW_Y, 0.5)), reason: 'tiny' },
  { name: 'placed beyond the right edge of the page', ops: at(text('Verborgen tekst', 2000)), reason: 'off-page' },
  { name: 'white and beyond the page: reported once', ops: at(`1 1 1 rg ${text('Verborgen tekst', 2000)}`), reason: 'background-colour' },
  { name: 'invisible (render mode 3) and beyond the page: reported once', ops: at(`3 Tr ${text('Verborgen tekst', 2000)}`), reason: 'render-mode' },
  { name: 'placed below the page (row 1, moved down by a transform)', ops: at(`1 0 0 1 0 -900 cm ${text('Verborgen tekst')}`), reason: 'off-page' },
];

describe('hidden PDF content is left out of the data, with NAP017', async () => {
  const clean = await read(miniAnnex('vector', COLORS, page()));

  it('the clean page reads as printed (the baseline)', () => {
    expect(cells(clean.model)).toEqual([
      ['Actielijn 1', '', '', '', '', 'none'],
      ['Eerste activiteit', '', 'Q1 2024', 'OCW', 'Een korte toelichting.', '#ffb000'],
      ['Tweede activiteit', '', '2023', 'VWS', 'Afgerond.', '#008080'],
    ]);
    expect(clean.bag.items.filter((d) => d.code === 'NAP017')).toEqual([]);
  });

  it('visible text at the same place becomes data (control: the place is read)', async () => {
    const { model, bag } = await read(miniAnnex('vector', COLORS, page(at(`0 0 0 rg ${text('Zichtbare tekst')}`))));
    expect(cells(model)[1]![4]).toBe('Een korte toelichting. Zichtbare tekst');
    expect(bag.items.filter((d) => d.code === 'NAP017')).toEqual([]);
  });

  it.each(CASES)('text $name: same page model as without it, NAP017 ($reason) with page and box', async ({ ops, reason }) => {
    const { model, bag } = await read(miniAnnex('vector', COLORS, page(ops)));
    expect(model).toEqual(clean.model);
    const found = bag.items.filter((d) => d.code === 'NAP017');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', place: { page: 1 }, actual: 'Verborgen tekst', note: reason, source: 'reader:pdf' });
    const [x0, , x1] = found[0]!.place.bbox!;
    expect(x0).toBeGreaterThanOrEqual(699);
    expect(x1).toBeGreaterThan(x0);
  });

  it('text squeezed to no width (0 Tz) is hidden as tiny', async () => {
    const { model, bag } = await read(miniAnnex('vector', COLORS, page(at(`0 Tz ${text('Verborgen tekst')}`))));
    expect(model).toEqual(clean.model);
    expect(bag.items.filter((d) => d.code === 'NAP017').map((d) => [d.actual, d.note])).toEqual([['Verborgen tekst', 'tiny']]);
  });

  // Visible text must stay data, whatever is drawn around it (found by an adversarial review).
  it.each([
    ['a soft mask whose group paints the whole page grey, used for a faint band', `q /SM gs 0.6 g 100 40 640 30 re f Q`],
    ['four thin borders drawn as one path around it', `q 0 g 695 460 0.5 16 re 790 460 0.5 16 re 695 460 95 0.5 re 695 475.5 95 0.5 re f Q`],
    ['a white even-odd frame around it', `q 1 1 1 rg 690 455 110 26 re 693 458 104 20 re f* Q`],
    ['a white box beside it, cut by a clip, whose unclipped box would cover it', `q 800 0 40 595 re W n 1 1 1 rg 690 455 150 25 re f Q`],
    ['a 90% black box under it (white text)', `q /Half gs 0 0 0 rg 695 460 100 16 re f Q`],
    ['a light highlight multiplied over it', `q /Half gs 1 1 0 rg 695 460 100 16 re f Q`],
  ])('visible text stays data with %s', async (_what, around) => {
    const white = around.includes('/Half gs 0 0 0 rg') ? '1 1 1 rg' : '0 0 0 rg';
    const ops = around.includes('1 1 0 rg') ? at(`0 0 0 rg ${text('Zichtbare tekst')}`) + around : around + at(`${white} ${text('Zichtbare tekst')}`);
    const { model, bag } = await read(miniAnnex('vector', COLORS, page(ops)));
    expect(cells(model)[1]![4]).toBe('Een korte toelichting. Zichtbare tekst');
    expect(bag.items.filter((d) => d.code === 'NAP017')).toEqual([]);
  });

  it('the same text drawn visibly and invisibly at one place: the visible copy stays data', async () => {
    const { model, bag } = await read(miniAnnex('vector', COLORS, page(at(`0 0 0 rg ${text('Zichtbare tekst')} 3 Tr ${text('Zichtbare tekst')}`))));
    expect(cells(model)[1]![4]).toBe('Een korte toelichting. Zichtbare tekst');
    expect(bag.items.filter((d) => d.code === 'NAP017').map((d) => [d.actual, d.note])).toEqual([['Zichtbare tekst', 'render-mode']]);
  });

  it('text drawn with a stroke outline in a colour unlike the page is visible (render mode 2, white fill, black outline)', async () => {
    const { model } = await read(miniAnnex('vector', COLORS, page(at(`2 Tr 1 1 1 rg 0 0 0 RG ${text('Zichtbare tekst')}`))));
    expect(cells(model)[1]![4]).toBe('Een korte toelichting. Zichtbare tekst');
  });

  it('a hidden word inside a visible cell (one text item) is cut out of it', async () => {
    const inner = `BT /F1 9 Tf 470 ${ROW_Y} Td (Zichtbaar ) Tj 3 Tr (geheim ) Tj 0 Tr (einde.) Tj ET`;
    const { model, bag } = await read(miniAnnex('vector', COLORS, page(at(inner), '')));
    expect(cells(model)[1]![4]).toBe('Zichtbaar einde.');
    expect(bag.items.filter((d) => d.code === 'NAP017').map((d) => [d.actual, d.note])).toEqual([['geheim', 'render-mode']]);
  });

  it.each([
    ['placed with TJ gaps', '[-300 (ver) -300 (borgen)] TJ', 'verborgen'],
    ['with a hyphen inside (byte 0xAD)', '(ver\\255borgen) Tj', 'ver-borgen'],
  ])('a white word %s inside a visible line is cut out exactly: the visible words around it stay data', async (_name, word, reported) => {
    const inner = `BT /F1 9 Tf 470 ${ROW_Y} Td (Zichtbaar) Tj 1 1 1 rg ${word} 0 0 0 rg [-300 (ook.)] TJ ET`;
    const { model, bag } = await read(miniAnnex('vector', COLORS, page(at(inner), '')));
    expect(cells(model)[1]![4]).toBe('Zichtbaar ook.');
    expect(bag.items.filter((d) => d.code === 'NAP023')).toEqual([]);
    expect(bag.items.filter((d) => d.code === 'NAP017').map((d) => [d.actual, d.note])).toEqual([[reported, 'background-colour']]);
  });

  it('a status icon in an optional-content layer that is off is no status (NAP304 later, not a status)', async () => {
    // Row 2 loses its visible icon; an icon of the Afgerond colour is drawn in the hidden layer instead.
    const pages = page(`/OC /OCoff BDC q 0 0.5 0.5 rg 207 440 m 213 440 l 213 446 l 207 446 l f Q EMC`);
    pages[0]!.rows[2] = { ...pages[0]!.rows[2]!, status: undefined };
    const { model } = await read(miniAnnex('vector', COLORS, pages));
    expect(cells(model)[2]![5]).toBe('none');
  });

  it('a status icon drawn outside the clip is no status', async () => {
    const pages = page(`q 10 10 5 5 re W n 0 0.5 0.5 rg 207 440 m 213 440 l 213 446 l 207 446 l f Q`);
    pages[0]!.rows[2] = { ...pages[0]!.rows[2]!, status: undefined };
    const { model } = await read(miniAnnex('vector', COLORS, pages));
    expect(cells(model)[2]![5]).toBe('none');
  });

  it('a status icon covered by a white box drawn later is no status, with NAP017 (covered)', async () => {
    const pages = page(`q 0 0.5 0.5 rg 207 440 m 213 440 l 213 446 l 207 446 l f Q q 1 1 1 rg 195 435 50 16 re f Q`);
    pages[0]!.rows[2] = { ...pages[0]!.rows[2]!, status: undefined };
    const { model, bag } = await read(miniAnnex('vector', COLORS, pages));
    expect(cells(model)[2]![5]).toBe('none');
    expect(bag.items.filter((d) => d.code === 'NAP017').map((d) => [d.place.page, d.actual, d.note])).toEqual([[1, 1, 'covered']]);
  });

  it('a status icon under a later fill of its own colour is still a status (a fill drawn twice)', async () => {
    const pages = page(`q 0 0.5 0.5 rg 207 440 m 213 440 l 213 446 l 207 446 l f 207 440 6 6 re f Q`);
    pages[0]!.rows[2] = { ...pages[0]!.rows[2]!, status: undefined };
    const { model } = await read(miniAnnex('vector', COLORS, pages));
    expect(cells(model)[2]![5]).toBe('#008080');
  });

  it('text covered by an opaque image drawn later is hidden (covered)', async () => {
    const white = '\xff\xff\xff';
    const { model, bag } = await read(miniAnnex('vector', COLORS, page(at(`0 0 0 rg ${text('Verborgen tekst')}`) + ` q 100 0 0 20 695 457 cm BI /W 1 /H 1 /CS /RGB /BPC 8 ID ${white} EI Q`)));
    expect(model).toEqual(clean.model);
    expect(bag.items.filter((d) => d.code === 'NAP017').map((d) => [d.actual, d.note])).toEqual([['Verborgen tekst', 'covered']]);
  });

  it('the same icon drawn visibly is a status (control)', async () => {
    const pages = page(`q 0 0.5 0.5 rg 207 440 m 213 440 l 213 446 l 207 446 l f Q`);
    pages[0]!.rows[2] = { ...pages[0]!.rows[2]!, status: undefined };
    const { model } = await read(miniAnnex('vector', COLORS, pages));
    expect(cells(model)[2]![5]).toBe('#008080');
  });
});
