/**
 * The committed Word-made renditions (fixtures/word-generated/, scripts/word-rendition/): each PDF
 * says what its truth file says, and each truth file holds the real 2024 annex. Checks the corpus
 * itself with pdfjs-dist, not the reader (a corpus check: full tier); needs no LibreOffice.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAnnexData, plainBlocks, type AnnexData } from '../scripts/pdf-rendition/annex-data.js';
import type { WordTruth } from '../scripts/word-rendition/generate.js';

const DIR = fileURLToPath(new URL('../fixtures/word-generated/', import.meta.url));
const truths = readdirSync(DIR)
  .filter((f) => f.endsWith('.truth.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as WordTruth);

const squeeze = (s: string): string => s.replace(/\s+/g, '');

async function open(file: string): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(readFileSync(join(DIR, file))), verbosity: 0 }).promise;
}

async function pageTexts(doc: PDFDocumentProxy): Promise<string[]> {
  const out: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const tc = await (await doc.getPage(p)).getTextContent();
    out.push(tc.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  return out;
}

function hasRole(node: unknown, role: string): boolean {
  const n = node as { role?: string; children?: unknown[] } | null;
  return !!n && (n.role === role || (n.children ?? []).some((c) => hasRole(c, role)));
}

/** The explanation's last marker-free word (a marker's digits would be glued to it in the text layer). */
function lastPlainWord(a: AnnexData['activities'][number]): string {
  const words = a.blocks.flatMap((b) => (b.type === 'paragraph' ? b.words : b.items.flat()));
  return words.filter((w) => w.markers.length === 0).at(-1)!.text;
}

/** The explanation's first word (its first line may hold no more). */
function explanationHead(a: AnnexData['activities'][number]): string {
  const first = plainBlocks(a.blocks)[0]!;
  return (first.type === 'paragraph' ? first.text : first.items[0]!).split(' ')[0]!;
}

let annex: AnnexData;
beforeAll(async () => {
  annex = await loadAnnexData();
});

describe('Word-made renditions: the corpus', () => {
  it('has at least seven variants covering every cue kind, legend and note placement, page size and tagging', () => {
    expect(truths.length).toBeGreaterThanOrEqual(7);
    const kinds = new Set(truths.map((t) => t.statusCue));
    expect([...kinds].sort()).toEqual(['inline-shape', 'picture', 'shading', 'unicode-glyph', 'wingdings-glyph', 'words']);
    expect(new Set(truths.map((t) => t.legendPlacement))).toEqual(new Set(['page-1', 'every-page', 'per-action-line', 'legenda-block', 'none']));
    // The layouts of the document-level table model: no rules, header once, page numbers, a merged first column, numbered notes.
    expect(new Set(truths.map((t) => t.repeatedHeaderRows))).toEqual(new Set([0, 1, 3]));
    expect(truths.some((t) => t.rules === 'none' && t.lineSpacing === 1.5)).toBe(true);
    expect(truths.some((t) => t.pageNumber === 'footer-centre')).toBe(true);
    expect(truths.some((t) => t.actionLineColumn === 'Actielijn')).toBe(true);
    expect(new Set(truths.map((t) => t.noteNumbering).filter((n) => n !== undefined))).toEqual(new Set(['dot', 'bracket']));
    expect(truths.some((t) => t.statusFoundBy === 'text' && t.activities.some((a) => a.split.includes('Status')))).toBe(true);
    expect(truths.some((t) => (t.markersAtLineStart?.length ?? 0) >= 3)).toBe(true);
    expect(new Set(truths.map((t) => t.footnotePlacement))).toEqual(new Set(['footnotes', 'endnotes', 'note-list']));
    expect(truths.some((t) => t.tagged === 'both')).toBe(true);
    expect(new Set(truths.map((t) => `${t.pageSize[0] > t.pageSize[1] ? 'landscape' : 'portrait'} ${Math.round(t.pageSize[0])}`))).toEqual(
      new Set(['landscape 842', 'portrait 595', 'portrait 420']),
    );
    const splitColumns = new Set(truths.flatMap((t) => t.activities.flatMap((a) => a.split)));
    for (const c of ['Activiteit', 'Wanneer', 'Wie', 'Toelichting']) expect(splitColumns, c).toContain(c);
    expect(new Set(truths.flatMap((t) => t.font.pdfFonts.map((f) => f.replace(/-.*/, ''))))).toEqual(
      new Set(['Carlito', 'LiberationSans', 'LiberationSansNarrow', 'LiberationSerif', 'DejaVuSans', 'OpenSymbol']),
    );
  });
});

describe.each(truths.map((t) => [t.name, t] as const))('Word-made rendition %s', (_name, truth) => {
  it('truth holds the real annex: 83 activities 27/7/31/6/12 as in annex-data, 25 footnotes', () => {
    const perLine = [1, 2, 3, 4, 5].map((n) => truth.activities.filter((a) => a.actionLine === n).length);
    expect(perLine).toEqual([27, 7, 31, 6, 12]);
    expect(
      truth.activities.map((a) => ({ id: a.id, title: a.title, status: a.status, planning: a.planning, owners: a.owners, footnotes: a.footnotes })),
    ).toEqual(
      annex.activities.map((a) => ({ id: a.id, title: a.title, status: a.status, planning: a.planning, owners: a.owners, footnotes: a.footnotes })),
    );
    expect(truth.footnotes.map((f) => ({ number: f.number, text: f.text }))).toEqual(annex.footnotes);
    expect(truth.footnotes.map((f) => f.number)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(truth.actionLines.map((l) => l.planningHeader)).toEqual(['Wanneer', 'Wanneer', 'Wanneer', 'Oorspronkelijke planning', 'Wanneer']);
    for (const a of truth.activities) {
      expect(a.pages[0]).toBe(a.page);
      expect(a.split.length > 0).toBe(a.pages.length > 1);
    }
  });

  it.each(truth.pdfs.map((p) => [p.file, p.tagged] as const))('%s: page count, tagging, U+F0B7 bullets, rows where the truth puts them', async (file, tagged) => {
    const doc = await open(file);
    try {
      expect(doc.numPages).toBe(truth.pages);
      // Page 1 and the page where the middle activity starts (the last page may hold only notes).
      const trees = await Promise.all([1, truth.activities[41]!.page].map(async (p) => (await doc.getPage(p)).getStructTree()));
      if (tagged) {
        for (const t of trees) for (const role of ['Table', 'TR', 'TD']) expect(hasRole(t, role), role).toBe(true);
        // LibreOffice tags a header row as TH only where it is marked "repeat as header row".
        expect(hasRole(trees[0], 'TH')).toBe(truth.repeatedHeaderRows > 0);
        expect(await doc.getMarkInfo()).toMatchObject({ Marked: true });
      } else {
        expect(trees).toEqual([null, null]);
        expect(await doc.getMarkInfo()).toBeNull();
      }
      const raw = await pageTexts(doc);
      const pages = raw.map(squeeze);
      expect(raw.join('')).toContain('\uF0B7');
      expect(pages[0]).toContain(squeeze(truth.title));
      const byId = new Map(annex.activities.map((a) => [a.id, a]));
      for (const a of truth.activities) {
        const data = byId.get(a.id)!;
        const first = pages[a.page - 1]!;
        // A split cell ends on one of the row's later pages (a row may run over three pages).
        const later = a.pages.slice(1).map((p) => pages[p - 1]!).join('');
        const title = squeeze(a.title);
        if (a.split.includes('Activiteit')) {
          expect(first, `${a.id} title starts on ${a.page}`).toContain(title.slice(0, 8));
          expect(first, `${a.id} title not whole on ${a.page}`).not.toContain(title);
          expect(later, `${a.id} title ends after ${a.page}`).toContain(title.slice(-8));
        } else {
          expect(first, `${a.id} title on page ${a.page}`).toContain(title);
        }
        for (const [column, text] of [
          ['Wanneer', a.planning],
          ['Wie', a.owners],
        ] as const) {
          if (!a.split.includes(column)) continue;
          // Cells are drawn in order: between the row's title and its Toelichting the page holds only the start of this cell.
          // The whole title where it is not split (its first letters may recur in the explanation: `Rijksove…`).
          const from = a.split.includes('Activiteit') ? first.lastIndexOf(title.slice(0, 8)) : first.lastIndexOf(title);
          const to = first.indexOf(explanationHead(data), from);
          const rest = first.slice(from, to > from ? to : undefined);
          expect(rest, `${a.id} ${column} starts on ${a.page}`).toContain(squeeze(text).slice(0, 4));
          expect(rest, `${a.id} ${column} not whole on ${a.page}`).not.toContain(squeeze(text));
          expect(later, `${a.id} ${column} ends after ${a.page}`).toContain(text.split(/[\s-]+/).at(-1));
        }
        if (a.split.includes('Toelichting')) {
          const tail = squeeze(lastPlainWord(data));
          const head = explanationHead(data);
          expect(first, `${a.id} Toelichting starts on ${a.page}`).toContain(head);
          expect(later, `${a.id} Toelichting ends after ${a.page}`).toContain(tail);
        }
      }
      for (const f of truth.footnotes) expect(pages[f.page - 1], `footnote ${f.number}`).toContain(squeeze(f.text).slice(0, 20));
    } finally {
      await doc.destroy();
    }
  });
});
