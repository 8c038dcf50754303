/** Page furniture by repetition (furniture.ts): running headers, footers and page numbers, never table text. */
import { describe, expect, it } from 'vitest';
import { findFurniture } from '../../../src/readers/pdf/furniture.js';
import type { PageContent } from '../../../src/readers/pdf/page-content.js';
import { type Chunk, buildLines, joinChunks } from '../../../src/readers/pdf/text.js';

const SIZE = 9;
const chunk = (text: string, x0: number, baseline: number, size = SIZE): Chunk => ({
  text, x0, x1: x0 + text.length * size * 0.5, y0: baseline - 0.8 * size, y1: baseline + 0.2 * size, baseline, size, font: 'F1', sup: false,
});
const page = (number: number, chunks: Chunk[]): PageContent => ({
  number, lines: buildLines(chunks), bodySize: SIZE, icons: [], hRulings: [], vRulings: [], fills: [], runs: [], structure: null, duplicates: [],
});
/** A page of a borderless table: a running header, body rows, and a page number centred under the Toelichting column. */
const tablePage = (n: number, rows: string[]): PageContent =>
  page(n, [
    chunk('Bijlage 1 Voortgang NAP', 40, 30),
    ...rows.flatMap((r, i) => [chunk(r, 40, 80 + 14 * i), chunk('OCW', 300, 80 + 14 * i), chunk(`Toelichting ${r}`, 420, 80 + 14 * i)]),
    chunk(String(n), 560, 800),
  ]);
const texts = (f: ReturnType<typeof findFurniture>, n: number): string[] =>
  [...(f.get(n) ?? new Map()).entries()].map(([l, kind]) => `${kind}:${joinChunks(l.chunks)}`).sort();

describe('page furniture by repetition', () => {
  it('finds a running header and a page number under a column on every page, and no table text', () => {
    const pages = Array.from({ length: 6 }, (_, i) => tablePage(i + 1, [`Activiteit ${String.fromCharCode(65 + i)}`, `Andere titel ${String.fromCharCode(75 + i)}`]));
    const f = findFurniture(pages);
    for (let n = 1; n <= 6; n++) expect(texts(f, n)).toEqual(['page-number:' + n, 'running:Bijlage 1 Voortgang NAP']);
  });

  it('does not take a table row for furniture when its text differs from page to page in several numbers', () => {
    // Rows that differ only in numbers, at the same place on every page (a synthetic annex).
    const pages = Array.from({ length: 7 }, (_, i) =>
      page(i + 1, [chunk(`Activiteit ${i + 1}.1`, 40, 80), chunk(`Q1 202${i}`, 200, 80), chunk(`Toelichting van pagina ${i + 1}, rij 1.`, 300, 80),
        chunk(`Activiteit ${i + 1}.2`, 40, 100), chunk(`Q2 202${i}`, 200, 100), chunk(`Toelichting van pagina ${i + 1}, rij 2.`, 300, 100)]),
    );
    const f = findFurniture(pages);
    expect(f.size).toBe(0);
  });

  it('needs the line at the page edge: the same text in the middle of the page is content', () => {
    const pages = Array.from({ length: 4 }, (_, i) => page(i + 1, [chunk(`Rij ${i}`, 40, 60), chunk('Zie toelichting', 40, 300), chunk(`Slot ${i}`, 40, 700)]));
    expect(findFurniture(pages).size).toBe(0);
  });

  it('keeps a page that would be all furniture as it is (nothing to frame)', () => {
    const pages = Array.from({ length: 3 }, (_, i) => page(i + 1, [chunk('Hello, this is not an annex', 72, 80)]));
    expect(findFurniture(pages).size).toBe(0);
  });

  it('takes the running header of a page with nothing else for furniture where it frames content on the other pages (adversarial review 3: h3, a blank last page)', () => {
    const pages = Array.from({ length: 6 }, (_, i) => tablePage(i + 1, [`Activiteit ${String.fromCharCode(65 + i)}`]));
    pages.push(page(7, [chunk('Bijlage 1 Voortgang NAP', 40, 30)]));
    expect(texts(findFurniture(pages), 7)).toEqual(['running:Bijlage 1 Voortgang NAP']);
  });

  it('reads a page counter as furniture only while it grows with the page', () => {
    const counted = Array.from({ length: 4 }, (_, i) => page(i + 1, [chunk(`Tekst ${'abcd'[i]}`, 40, 80), chunk(`Pagina ${i + 1} van 4`, 40, 800)]));
    expect(texts(findFurniture(counted), 3)).toEqual(['page-number:Pagina 3 van 4']);
    const shuffled = [3, 1, 4, 2].map((v, i) => page(i + 1, [chunk(`Tekst ${'abcd'[i]}`, 40, 80), chunk(`Stap ${v} van 4`, 40, 800)]));
    expect(findFurniture(shuffled).size).toBe(0);
  });

  it('finds a running header that names the current section (hold-out 6): the section number never falls, the page counter grows, and the last page\'s other section name is the same header', () => {
    const sections = [1, 1, 2, 2, 3, 3];
    const header = (n: number, section: string): Chunk[] => [chunk('Bijlage 1 – Voortgang NAP', 40, 30), chunk(`${section} | blz. ${n} van 7`, 400, 30)];
    const pages = sections.map((s, i) => page(i + 1, [...header(i + 1, `Actielijn ${s}`), chunk(`Activiteit ${'abcdef'[i]}`, 40, 80), chunk(`Toelichting ${'ghijkl'[i]}`, 300, 80)]));
    pages.push(page(7, [...header(7, 'Eindnoten'), chunk('1) Kamerstukken II 2023/24, 34843, nr. 100.', 40, 80)]));
    const f = findFurniture(pages);
    expect(texts(f, 3)).toEqual(['running:Bijlage 1 – Voortgang NAP Actielijn 2 | blz. 3 van 7']);
    expect(texts(f, 7)).toEqual(['running:Bijlage 1 – Voortgang NAP Eindnoten | blz. 7 van 7']);
    // Section numbers that go down again are no running header's: content, as the rows of the test above.
    const shuffled = [3, 1, 2, 1, 3, 2].map((s, i) => page(i + 1, [...header(i + 1, `Actielijn ${s}`), chunk(`Activiteit ${'abcdef'[i]}`, 40, 80)]));
    expect(findFurniture(shuffled).size).toBe(0);
  });

  it('finds a running header that ends in the section it is in, with no page counter (hold-out 7): each section\'s pages print one text, the short sections follow from the long ones', () => {
    const sections = ['Actielijn 1', 'Actielijn 1', 'Actielijn 1', 'Actielijn 2', 'Actielijn 3', 'Actielijn 3', 'Actielijn 3', 'Noten'];
    const pages = sections.map((s, i) =>
      page(i + 1, [chunk('Bijlage 1 | Voortgang activiteiten NAP', 40, 30), chunk(s, 500, 30), chunk(`Activiteit ${'abcdefgh'[i]}`, 40, 80), chunk(`Toelichting ${'ijklmnop'[i]}`, 300, 80), chunk(`pagina ${i + 1} van 8`, 480, 800)]),
    );
    const f = findFurniture(pages);
    for (const [i, s] of sections.entries()) expect(texts(f, i + 1)).toEqual([`page-number:pagina ${i + 1} van 8`, `running:Bijlage 1 | Voortgang activiteiten NAP ${s}`]);
    // An Actielijn row at the top of the table (its first piece) is never furniture, on however many pages.
    const rows = Array.from({ length: 5 }, (_, i) => page(i + 1, [chunk('Actielijn 2', 40, 30), chunk('Vervolg', 500, 30), chunk(`Activiteit ${'abcde'[i]}`, 40, 80)]));
    expect(findFurniture(rows).size).toBe(0);
  });

  it('finds a page number printed where the table ends, at another height on each page and missing on some (adversarial review 6: f4b), and no bare number in a cell', () => {
    const pages = Array.from({ length: 8 }, (_, i) => {
      const rows = 2 + (i % 3);
      const body = Array.from({ length: rows }, (_, r) => [chunk(`Activiteit ${i}.${r}`, 40, 80 + 14 * r), chunk(String(i + 1), 250, 80 + 14 * r), chunk(`Toelichting ${i}.${r}`, 420, 80 + 14 * r)]).flat();
      return page(i + 1, [chunk('Bijlage 1 Voortgang NAP', 40, 30), ...body, ...(i === 4 ? [] : [chunk(`- ${i + 1} -`, 450, 90 + 14 * rows)]), chunk('Legenda: Afgerond', 40, 780)]);
    });
    const f = findFurniture(pages);
    expect(texts(f, 2)).toEqual(['page-number:- 2 -', 'running:Bijlage 1 Voortgang NAP', 'running:Legenda: Afgerond']);
    expect(texts(f, 5)).toEqual(['running:Bijlage 1 Voortgang NAP', 'running:Legenda: Afgerond']);
    // The same numbers that do not count the pages are content.
    const shuffled = pages.map((p, i) => page(p.number, p.lines.flatMap((l) => l.chunks).map((c) => (/^- \d+ -$/.test(c.text) ? chunk(`- ${[5, 3, 7, 1, 0, 2, 6, 4][i]!} -`, c.x0, c.baseline) : c))));
    expect(shuffled.flatMap((p) => texts(findFurniture(shuffled), p.number)).filter((t) => t.startsWith('page-number'))).toEqual([]);
  });

  it('never takes the legend, the table header or an Actielijn row for furniture', () => {
    const pages = Array.from({ length: 4 }, (_, i) =>
      page(i + 1, [chunk('Afgerond', 40, 30), chunk('Activiteit', 40, 60), chunk('Status', 150, 60), chunk('Wanneer', 200, 60), chunk('Actielijn 2', 40, 80), chunk(`Rij ${i}`, 40, 100), chunk('Afgerond', 40, 700)]),
    );
    expect(findFurniture(pages).size).toBe(0);
  });

  it('finds a header printed on even pages only and a footer on odd pages only (mirrored layouts), counting pages of that parity', () => {
    // 9 pages: the header is on 4 of them (pages 2, 4, 6, 8), under the document's half, over the half of the even pages.
    const pages = Array.from({ length: 9 }, (_, i) => {
      const n = i + 1;
      const mirrored = n % 2 === 0 ? [chunk('Kamerstuk 34843 nr. 109', 400, 30)] : [chunk('Voortgang NAP 2024', 40, 810)];
      return page(n, [...mirrored, chunk(`Activiteit ${'abcdefghi'[i]}`, 40, 80), chunk(`Toelichting ${'jklmnopqr'[i]}`, 300, 80)]);
    });
    const f = findFurniture(pages);
    expect(texts(f, 4)).toEqual(['running:Kamerstuk 34843 nr. 109']);
    expect(texts(f, 5)).toEqual(['running:Voortgang NAP 2024']);
    expect([...f.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('takes a line on a few pages for furniture only when it stands apart from the text (a stamp), not when it follows the text', () => {
    // The same line on 3 of 20 pages: right under the last line of text (content), or far below it (a stamp, a section's footer).
    const make = (gap: number) =>
      Array.from({ length: 20 }, (_, i) => {
        const n = i + 1;
        const closing = [4, 8, 12].includes(n) ? [chunk('Zie de toelichting hierboven.', 40, 80 + gap)] : [];
        return page(n, [chunk(`Activiteit ${n}`, 40, 80), chunk(`Toelichting bij ${n}`, 300, 80), ...closing]);
      });
    expect(findFurniture(make(12)).size).toBe(0);
    expect(texts(findFurniture(make(700)), 8)).toEqual(['running:Zie de toelichting hierboven.']);
  });

  it('reads page numbers in Roman numerals as a page counter, and not a Roman-looking word that does not count up', () => {
    const roman = ['i', 'ii', 'iii', 'iv', 'v', 'vi'];
    const counted = roman.map((r, i) => page(i + 1, [chunk(`Tekst ${'abcdef'[i]}`, 40, 80), chunk(`- ${r} -`, 290, 810)]));
    expect(texts(findFurniture(counted), 4)).toEqual(['page-number:- iv -']);
    const words = ['mix', 'dim', 'xi', 'mix', 'dim', 'xi'].map((w, i) => page(i + 1, [chunk(`Tekst ${'abcdef'[i]}`, 40, 80), chunk(w, 290, 810)]));
    expect(findFurniture(words).size).toBe(0);
  });

  it('does not take the tail of a note that ends at the same height on even pages for a footer: it does not stand apart', () => {
    const pages = Array.from({ length: 9 }, (_, i) => {
      const n = i + 1;
      const note = n % 2 === 0 ? [chunk(`${n} Kamerstukken II 2023/24, 34843 nr. ${n}`, 40, 790), chunk('Geraadpleegd via de website van de Rijksoverheid.', 40, 803)] : [];
      return page(n, [chunk(`Activiteit ${'abcdefghi'[i]}`, 40, 80), chunk(`Toelichting ${'jklmnopqr'[i]}`, 300, 80), ...note]);
    });
    expect(findFurniture(pages).size).toBe(0);
  });

  it('does not take a sentence ending the notes of most pages for a footer: it follows the note at a line\'s distance (f2-fn-tail-last)', () => {
    // Word sets footnotes at the foot of the text area: the sentence closing each page's last note recurs at one height on 8 of 9 pages.
    const pages = Array.from({ length: 9 }, (_, i) => {
      const n = i + 1;
      const note = n !== 5 ? [chunk(`${n} Kamerstukken II 2023/24, 34843 nr. ${n}`, 40, 790), chunk('Geraadpleegd via de website van de Rijksoverheid.', 40, 801)] : [];
      return page(n, [chunk(`Activiteit ${'abcdefghi'[i]}`, 40, 80), chunk(`Toelichting ${'jklmnopqr'[i]}`, 300, 80), ...note, chunk(String(n), 290, 830)]);
    });
    const f = findFurniture(pages);
    expect(texts(f, 2)).toEqual(['page-number:2']);
    // The same sentence set apart from the notes, in the margin, is a footer; and so is a two-line footer's second line.
    const footer = Array.from({ length: 9 }, (_, i) => {
      const n = i + 1;
      return page(n, [chunk(`Activiteit ${'abcdefghi'[i]}`, 40, 80), chunk(`${n} Kamerstukken II 2023/24, 34843 nr. ${n}`, 40, 760), chunk('Ministerie van OCW', 40, 805), chunk('Geraadpleegd via de website van de Rijksoverheid.', 40, 816)]);
    });
    expect(texts(findFurniture(footer), 3)).toEqual(['running:Geraadpleegd via de website van de Rijksoverheid.', 'running:Ministerie van OCW']);
  });

  it('takes a footer set close under the notes for a footer when it is right-aligned or in another size (adversarial review 3: fc2, fc3)', () => {
    const pages = (x: number, size: number) =>
      Array.from({ length: 9 }, (_, i) => {
        const n = i + 1;
        return page(n, [chunk(`Activiteit ${'abcdefghi'[i]}`, 40, 80), chunk(`${n} Kamerstukken II 2023/24, 34843 nr. ${n}`, 40, 790), chunk('Voortgang NAP 2024, bijlage 1', x, 802, size)]);
      });
    expect(texts(findFurniture(pages(400, 9)), 4)).toEqual(['running:Voortgang NAP 2024, bijlage 1']);
    expect(texts(findFurniture(pages(40, 6)), 4)).toEqual(['running:Voortgang NAP 2024, bijlage 1']);
    // Left-aligned in the notes' size, at a line's distance: the notes' closing sentence (text).
    expect(findFurniture(pages(40, 9)).size).toBe(0);
  });

  it('keeps page numbers in Arabic numerals a page counter after front matter numbered in Roman ones', () => {
    const labels = ['i', 'ii', 'iii', '1', '2', '3', '4', '5', '6'];
    const pages = labels.map((label, i) => page(i + 1, [chunk(`Tekst ${'abcdefghi'[i]}`, 40, 80), chunk(label, 290, 810)]));
    expect(texts(findFurniture(pages), 6)).toEqual(['page-number:3']);
  });
});
