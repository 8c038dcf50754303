/**
 * A status legend printed only at the end of the document, below endnotes set in two columns (the
 * fifth hold-out's last page: pdfTeX, a bold `Legenda` and a list of `■ label` lines, each square a
 * filled rectangle path): the legend is read wherever it stands, the notes end above it, and the
 * rows before it take their colours from it (legend-scope.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractAnnex } from '../../../src/pipeline.js';
import { LABELS, miniAnnex } from './mini-annex.js';
import { pdfString, rgbOperands } from './mini-pdf.js';

const COLORS = ['#1b7f3b', '#2b6cb0', '#8e44ad', '#e08a00', '#c0392b'];
const text = (x: number, y: number, s: string, size = 8): string => `BT /F1 ${size} Tf ${x} ${y} Td ${pdfString(s)} Tj ET`;
const square = (hex: string, x: number, y: number): string => `q ${rgbOperands(hex)} rg ${x} ${y} 6.8 6.8 re f Q`;

/** The last page: `Noten`, notes 1–3 left and 4–5 right (lines of both columns at one height), then the legend. */
function notesAndLegend(): string {
  const out = [text(40, 540, 'Noten', 10)];
  const left: [string, string][] = [['1', 'Kamerstukken II 2022/23, 34843,'], ['', 'nr. 80 en nr. 81'], ['2', 'Te vinden op: www.rcgog.nl'], ['3', 'Regioplan (2023) Digitale dimensie']];
  const right: [string, string][] = [['4', 'Kamerstukken II 2023/24, 32239, nr. 14'], ['5', 'I&O Research (2023) Onderzoek seksueel'], ['', 'grensoverschrijdend gedrag'], ['', 'op de werkvloer']];
  left.forEach(([n, t], i) => out.push(text(40, 520 - 11 * i, n), text(52, 520 - 11 * i, t)));
  right.forEach(([n, t], i) => out.push(text(300, 520 - 11 * i, n), text(312, 520 - 11 * i, t)));
  out.push(text(40, 450, 'Legenda', 10));
  LABELS.forEach((label, i) => out.push(square(COLORS[i]!, 40, 432 - 12 * i - 1), text(55, 432 - 12 * i, label)));
  return out.join('\n');
}

describe('a legend printed only after the notes', () => {
  it('reads the legend on the last page, ends the notes above it, and gives every row its status', async () => {
    const bytes = miniAnnex('vector', COLORS, [
      {
        noLegend: true,
        rows: [
          { title: ['Actielijn 5'], toelichting: [] },
          { title: ['Er is goede hulpverlening die makkelijk vindbaar is'], toelichting: [] },
          { title: ['Eerste'], status: 0, wanneer: '2024', wie: ['VWS'], toelichting: ['Tekst een.'], marker: 1 },
          { title: ['Tweede'], status: 1, wanneer: '2025', wie: ['OCW'], toelichting: ['Tekst twee.'], marker: 2 },
          { title: ['Derde'], status: 2, wanneer: '2025', wie: ['JenV'], toelichting: ['Tekst drie.'], marker: 3 },
        ],
      },
      {
        noLegend: true,
        rows: [
          { title: ['Vierde'], status: 3, wanneer: '2023', wie: ['SZW'], toelichting: ['Tekst vier.'], marker: 4 },
          { title: ['Vijfde'], status: 4, wanneer: '2026', wie: ['BZK'], toelichting: ['Tekst vijf.'], marker: 5 },
        ],
      },
      { noLegend: true, noHeader: true, rows: [], extra: notesAndLegend() },
    ]);
    const { annex, diagnostics } = await extractAnnex(bytes, { fileName: 'legend-after-notes.pdf' });
    expect(annex.activities.map((a) => [a.title, a.status?.label ?? null])).toEqual([
      ['Eerste', LABELS[0]],
      ['Tweede', LABELS[1]],
      ['Derde', LABELS[2]],
      ['Vierde', LABELS[3]],
      ['Vijfde', LABELS[4]],
    ]);
    expect(annex.footnotes.map((f) => [f.number, f.text])).toEqual([
      [1, 'Kamerstukken II 2022/23, 34843, nr. 80 en nr. 81'],
      [2, 'Te vinden op: www.rcgog.nl'],
      [3, 'Regioplan (2023) Digitale dimensie'],
      [4, 'Kamerstukken II 2023/24, 32239, nr. 14'],
      [5, 'I&O Research (2023) Onderzoek seksueel grensoverschrijdend gedrag op de werkvloer'],
    ]);
    // No NAP109 (no legend), NAP303 (a colour no legend entry matches), NAP202 (a note never cited)
    // nor NAP106 (the legend's heading or lines as stray text): only that this mini annex prints one
    // action line of five (NAP503) and no edition date (NAP013).
    expect(diagnostics.map((d) => d.code)).toEqual(['NAP503', 'NAP013']);
  });
});

describe('fixtures/latex-generated/latex-a4-centred-lmroman.pdf (pdfLaTeX: legend only at the end, notes "n." in two columns)', () => {
  const file = 'fixtures/latex-generated/latex-a4-centred-lmroman.pdf';
  const truth = JSON.parse(readFileSync(new URL(`../../../fixtures/latex-generated/latex-a4-centred-lmroman.truth.json`, import.meta.url), 'utf8')) as {
    activities: { title: string; status: string }[];
    footnotes: { number: number; text: string; page: number }[];
  };
  it('reads the legend of the last page, each cue of a row with it, and the 25 notes of both columns as printed', async () => {
    const { annex, diagnostics } = await extractAnnex(new Uint8Array(readFileSync(new URL(`../../../${file}`, import.meta.url))), { fileName: file });
    expect(annex.legend.map((e) => e.label)).toEqual(LABELS);
    expect(diagnostics.filter((d) => d.code === 'NAP109' || d.code === 'NAP303')).toEqual([]);
    // Rows the layout reads whole (their title as printed) have the truth's status: 56 of them today.
    const want = new Map(truth.activities.map((a) => [a.title, a.status]));
    const whole = annex.activities.filter((a) => want.has(a.title));
    expect(whole.length).toBeGreaterThanOrEqual(56);
    expect(whole.filter((a) => a.status?.label !== want.get(a.title)).map((a) => `${a.id} ${a.status?.label ?? null}`)).toEqual([]);
    expect(annex.footnotes.map((f) => [f.number, f.text, f.location.page])).toEqual(truth.footnotes.map((f) => [f.number, f.text, f.page]));
  });
});
