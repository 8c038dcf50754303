/**
 * Typesets the 2024 annex with pdfLaTeX (build-tex.ts: one longtable per action line) in the
 * variants of variants.ts — the TeX producer family: cells centred vertically in their row, the
 * legend only at the end, notes in two columns, a continuation line at the foot of a broken table;
 * or top-aligned justified cells hyphenated by TeX, the legend on page 1, one-column endnotes. Each
 * PDF gets a truth file whose pages are read back from the PDF (scripts/corpus/locate.ts, hyphens
 * left out of the comparison where TeX hyphenates), and the layout is checked (generation fails
 * otherwise): no overfull box, stable longtable widths, page size, embedded font, the column header
 * on every page with rows, the legend where the variant puts it, the continuation line on exactly
 * the pages where a table goes on, cells centred or top-aligned as the variant says, and (with
 * hyphenation) at least one word TeX broke with a hyphen that the data does not have.
 *
 *   npx tsx scripts/latex-rendition/generate.ts                          # all variants → fixtures/latex-generated/
 *   npx tsx scripts/latex-rendition/generate.ts --variant NAME [--out DIR] [--keep-tex]
 *   npx tsx scripts/latex-rendition/generate.ts --check                  # regenerate in a temporary folder, compare with the committed files
 *
 * Set-up (Debian 12; `npm test` reads the committed PDFs and needs none of it):
 *   apt-get install -y --no-install-recommends texlive-latex-recommended texlive-fonts-recommended lmodern
 * plus poppler-utils (pdffonts). TeX Live 2022 (pdfTeX 1.40.24) was used. pdfLaTeX runs three
 * times (longtable's column widths settle); SOURCE_DATE_EPOCH and a fixed \pdftrailerid make the
 * PDF byte-identical from run to run with the same TeX Live.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { STATUS_LABELS, loadAnnexData, plainBlocks, type AnnexData } from '../pdf-rendition/annex-data.js';
import { locateAnnex, type Located } from '../corpus/locate.js';
import { pdfFonts } from '../html-rendition/generate.js';
import { buildTex } from './build-tex.js';
import { LATEX_VARIANTS, type LatexVariant } from './variants.js';

export { LATEX_VARIANTS } from './variants.js';
export const LATEX_GENERATED_DIR = fileURLToPath(new URL('../../fixtures/latex-generated/', import.meta.url));

/** The date written into the PDF (2024-12-05 17:33:20 UTC), so that a rerun gives the same bytes. */
const SOURCE_DATE_EPOCH = '1733420000';

export interface LatexTruth {
  name: string;
  description: string;
  generator: string;
  producer: string;
  pages: number;
  pageSize: [number, number];
  tagged: boolean;
  font: { family: string; sizePt: number; pdfFonts: string[] };
  statusCue: 'dingbat' | 'diamond';
  icon: { kind: 'dingbat'; font: 'ZapfDingbats'; code: number } | { kind: 'diamond'; pdf: { drawnAs: 'path' } };
  palette: Record<string, string>;
  statusFoundBy: 'icon';
  legendPlacement: LatexVariant['legend'];
  footnotePlacement: 'note-list';
  noteColumns: 1 | 2;
  noteNumbering: 'dot' | 'superscript';
  noteHeading: 'Noten';
  cellAlignment: 'middle' | 'top';
  continuation: string | null;
  repeatedHeaderRows: 1;
  rules: LatexVariant['rules'];
  /** Words TeX broke at a line end with a hyphen the data does not have, as printed (`ervarings-|deskundigen`), with their page. */
  texHyphenations: Array<{ page: number; printed: string }>;
  title: string;
  actionLines: Array<{ number: number; title: string; planningHeader: string }>;
  activities: Array<{ id: string; actionLine: number; title: string; status: string; planning: string; owners: string; footnotes: number[]; page: number; pages: number[]; split: boolean }>;
  footnotes: Array<{ number: number; text: string; page: number }>;
}

/** A text item of the PDF as pdfjs-dist gives it: its text, left x and baseline y in PDF points, and whether a line ends after it. */
interface TextItem {
  str: string;
  x: number;
  y: number;
  hasEOL: boolean;
}

async function textItems(bytes: Uint8Array): Promise<TextItem[][]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: TextItem[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const tc = await (await doc.getPage(p)).getTextContent();
    pages.push(
      tc.items.flatMap((it) => ('str' in it ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, hasEOL: it.hasEOL }] : [])),
    );
  }
  await doc.destroy();
  return pages;
}

/** Every word of the data (titles, Wanneer, Wie, explanations, notes, goals, headers), for telling TeX's hyphens from the data's. */
function dataWords(annex: AnnexData): Set<string> {
  const texts = [
    annex.title,
    ...annex.actionLines.flatMap((l) => [l.title, l.planningHeader]),
    ...annex.activities.flatMap((a) => [a.title, a.planning, a.owners, ...plainBlocks(a.blocks).flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.items))]),
    ...annex.footnotes.map((f) => f.text),
  ];
  return new Set(texts.flatMap((t) => t.split(/\s+/)));
}

/**
 * Words TeX hyphenated: a text item that ends a line with `letters-` whose next line starts with
 * letters, where the data has the joined word without the hyphen and not with it.
 */
function texHyphenations(pages: TextItem[][], annex: AnnexData): Array<{ page: number; printed: string }> {
  const known = dataWords(annex);
  const strip = (w: string): string => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
  const knownStripped = new Set([...known].map(strip));
  const out: Array<{ page: number; printed: string }> = [];
  pages.forEach((items, p) => {
    for (let i = 0; i + 1 < items.length; i++) {
      const it = items[i]!;
      if (!it.hasEOL) continue;
      const head = /(\S*\p{L})-$/u.exec(it.str.trimEnd());
      const tail = /^(\p{L}\S*)/u.exec(items[i + 1]!.str.trimStart());
      if (!head || !tail) continue;
      const joined = strip(head[1]! + tail[1]!);
      const hyphened = strip(`${head[1]!}-${tail[1]!}`);
      if (knownStripped.has(joined) && !knownStripped.has(hyphened)) out.push({ page: p + 1, printed: `${head[1]!}-|${tail[1]!}` });
    }
  });
  return out;
}

/** The pdflatex run: three passes in `work`; throws with the log's tail on an error, an overfull box or a longtable still asking for a rerun. */
function typeset(work: string, name: string): string {
  let log = '';
  for (let run = 1; run <= 3; run++) {
    try {
      execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', `${name}.tex`], {
        cwd: work,
        encoding: 'utf8',
        maxBuffer: 64 << 20,
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 300_000,
        env: { ...process.env, SOURCE_DATE_EPOCH, FORCE_SOURCE_DATE: '1' },
      });
    } catch (e) {
      const tail = existsSync(join(work, `${name}.log`)) ? readFileSync(join(work, `${name}.log`), 'utf8').slice(-2500) : String(e);
      throw new Error(`${name}: pdflatex run ${run} failed:\n${tail}`);
    }
    log = readFileSync(join(work, `${name}.log`), 'latin1');
  }
  const overfull = log.split('\n').filter((l) => /^Overfull \\[hv]box/.test(l));
  if (overfull.length > 0) throw new Error(`${name}: ${overfull.length} overfull boxes (widen a column): ${overfull.slice(0, 5).join('; ')}`);
  if (/Rerun LaTeX|Table widths have changed/.test(log)) throw new Error(`${name}: longtable still asks for a rerun after three runs`);
  return log;
}

/** pdfTeX's version line. */
function producerVersion(): string {
  return execFileSync('pdflatex', ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
}

const squeezed = (items: TextItem[]): string => items.map((i) => i.str.replace(/\s+/g, '')).join('');

/** The layout checks of the module docstring that the read-back alone does not make. */
function checkLayout(v: LatexVariant, annex: AnnexData, at: Located, pages: TextItem[][], truth: LatexTruth): void {
  const text = pages.map(squeezed);
  const rowsOn = (p: number): LatexTruth['activities'] => truth.activities.filter((a) => a.pages.includes(p));
  for (let p = 1; p <= at.pages; p++) {
    if (rowsOn(p).length > 0 && !['Activiteit', 'Status', 'Wie', 'Toelichting'].every((h) => text[p - 1]!.includes(h))) throw new Error(`${v.name}: page ${p} repeats no column header`);
  }
  const legendPages = text.flatMap((t, i) => (t.includes('Legenda') ? [i + 1] : []));
  const lastNotePage = Math.max(...truth.footnotes.map((f) => f.page));
  if (v.legend === 'page-1' && legendPages.join() !== '1') throw new Error(`${v.name}: legend on pages ${legendPages.join(',')}, not page 1 only`);
  if (v.legend === 'end') {
    if (legendPages.length !== 1 || legendPages[0]! < lastNotePage) throw new Error(`${v.name}: legend on pages ${legendPages.join(',')}, not once after the notes`);
    const last = text[legendPages[0]! - 1]!;
    if (last.indexOf('Legenda') < last.lastIndexOf(annex.footnotes.at(-1)!.text.replace(/\s+/g, '').slice(0, 20))) throw new Error(`${v.name}: legend before the last note`);
  }
  // The continuation line: on every page where an action line's rows go on to the next page, and nowhere else.
  if (v.continuation) {
    const want = new Set<number>();
    for (const l of annex.actionLines) {
      const ps = truth.activities.filter((a) => a.actionLine === l.number).flatMap((a) => a.pages);
      for (let p = Math.min(...ps); p < Math.max(...ps); p++) want.add(p);
    }
    const key = v.continuation.replace(/\s+/g, '');
    const got = text.flatMap((t, i) => (t.includes(key) ? [i + 1] : []));
    if (got.join() !== [...want].sort((a, b) => a - b).join()) throw new Error(`${v.name}: continuation line on pages ${got.join(',')}, expected ${[...want].join(',')}`);
    if (got.length < 3) throw new Error(`${v.name}: only ${got.length} continued tables`);
  }
  // Vertical alignment: per row, the title's first line against the first line of the Toelichting
  // column drawn after it (cells are drawn row by row, left to right).
  const bare = (t: string): string => t.replace(v.hyphenation ? /[\s-]+/g : /\s+/g, '');
  let lower = 0;
  let level = 0;
  for (const a of annex.activities) {
    const items = pages[truth.activities.find((t) => t.id === a.id)!.page - 1]!;
    const column = items.find((i) => i.str.trim() === 'Toelichting')?.x;
    const key = bare(a.title).slice(0, 12);
    const t = items.findIndex((i) => bare(i.str) !== '' && (bare(i.str).startsWith(key) || key.startsWith(bare(i.str))));
    if (column === undefined || t < 0) throw new Error(`${v.name}: ${a.id}: no Toelichting header or title item on page ${truth.activities.find((x) => x.id === a.id)!.page}`);
    const e = items.slice(t + 1).find((i) => i.x >= column - 1 && bare(i.str) !== '');
    if (!e) throw new Error(`${v.name}: ${a.id}: no Toelichting text after the title`);
    if (items[t]!.y < e.y - 2) lower++;
    else if (Math.abs(items[t]!.y - e.y) <= 1) level++;
  }
  // m{}: a row whose Toelichting is as short as its title has both level, so not every row.
  if (v.cells === 'm' && lower < 70) throw new Error(`${v.name}: only ${lower} rows have their title below the explanation's first line (m{} cells centre it)`);
  if (v.cells === 'p' && level < annex.activities.length) throw new Error(`${v.name}: only ${level} rows have their title level with the explanation's first line (p{} cells are top-aligned)`);
  if (v.hyphenation && truth.texHyphenations.length === 0) throw new Error(`${v.name}: TeX hyphenated no word`);
  if (!v.hyphenation && truth.texHyphenations.length > 0) throw new Error(`${v.name}: hyphenation is off, yet ${truth.texHyphenations[0]!.printed}`);
}

/** The truth of a typeset rendition: the annex data, with pages read back from the PDF. */
function truthOf(annex: AnnexData, v: LatexVariant, at: Located, producer: string, fonts: string[], hyphenations: LatexTruth['texHyphenations']): LatexTruth {
  const byId = new Map(at.rows.map((r) => [r.id, r]));
  return {
    name: v.name,
    description: v.description,
    generator: `scripts/latex-rendition/generate.ts --variant ${v.name}`,
    producer,
    pages: at.pages,
    pageSize: at.pageSize,
    tagged: at.tagged,
    font: { family: v.font.family, sizePt: v.font.sizePt, pdfFonts: fonts },
    statusCue: v.cue.kind,
    icon: v.cue.kind === 'dingbat' ? { kind: 'dingbat', font: 'ZapfDingbats', code: v.cue.char } : { kind: 'diamond', pdf: { drawnAs: 'path' } },
    palette: Object.fromEntries(STATUS_LABELS.map((l, i) => [l, v.palette[i]!])),
    statusFoundBy: 'icon',
    legendPlacement: v.legend,
    footnotePlacement: 'note-list',
    noteColumns: v.notes.columns,
    noteNumbering: v.notes.numbers === 'dot' ? 'dot' : 'superscript',
    noteHeading: 'Noten',
    cellAlignment: v.cells === 'm' ? 'middle' : 'top',
    continuation: v.continuation ?? null,
    repeatedHeaderRows: 1,
    rules: v.rules,
    texHyphenations: hyphenations,
    title: annex.title,
    actionLines: annex.actionLines.map((l) => ({ number: l.number, title: l.title, planningHeader: l.planningHeader })),
    activities: annex.activities.map((a) => {
      const r = byId.get(a.id)!;
      if (r.titlePage !== r.page) throw new Error(`${v.name}: ${a.id}'s title starts on page ${r.titlePage}, its row on ${r.page} (longtable keeps a row on one page)`);
      return { id: a.id, actionLine: a.actionLine, title: a.title, status: a.status, planning: a.planning, owners: a.owners, footnotes: a.footnotes, page: r.page, pages: r.pages, split: r.pages.length > 1 };
    }),
    footnotes: annex.footnotes.map((f) => ({ number: f.number, text: f.text, page: at.notes.find((n) => n.number === f.number)!.page })),
  };
}

export const truthJson = (t: LatexTruth): string => `${JSON.stringify(t, null, 2)}\n`;

/** Typesets and reads back one variant; writes `<name>.pdf` and `<name>.truth.json` (and with keepTex `<name>.tex`) to `outDir`. */
export async function generateLatex(v: LatexVariant, outDir: string, keepTex = false): Promise<LatexTruth> {
  const annex = await loadAnnexData();
  const work = mkdtempSync(join(tmpdir(), `latex-rendition-${v.name}-`));
  try {
    const tex = buildTex(annex, v);
    writeFileSync(join(work, `${v.name}.tex`), tex);
    typeset(work, v.name);
    const pdf = join(work, `${v.name}.pdf`);
    const bytes = new Uint8Array(readFileSync(pdf));
    const at = await locateAnnex(bytes, annex, { ignoreHyphens: v.hyphenation });
    if (Math.abs(at.pageSize[0] - v.pagePt[0]) > 1.5 || Math.abs(at.pageSize[1] - v.pagePt[1]) > 1.5) throw new Error(`${v.name}: page size ${at.pageSize.join('x')}`);
    const fonts = pdfFonts(pdf);
    if (!fonts.some((f) => f.startsWith(v.font.pdfFontPrefix))) throw new Error(`${v.name}: ${v.font.pdfFontPrefix}… not embedded (${fonts.join(', ')})`);
    const items = await textItems(bytes);
    const truth = truthOf(annex, v, at, producerVersion(), fonts, texHyphenations(items, annex));
    checkLayout(v, annex, at, items, truth);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `${v.name}.pdf`), bytes);
    writeFileSync(join(outDir, `${v.name}.truth.json`), truthJson(truth));
    if (keepTex) writeFileSync(join(outDir, `${v.name}.tex`), tex);
    return truth;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { variant: { type: 'string', multiple: true }, out: { type: 'string' }, 'keep-tex': { type: 'boolean' }, check: { type: 'boolean' } } });
  const chosen = values.variant ? LATEX_VARIANTS.filter((v) => values.variant!.includes(v.name)) : LATEX_VARIANTS;
  if (values.variant && chosen.length !== values.variant.length) throw new Error(`unknown variant; known: ${LATEX_VARIANTS.map((v) => v.name).join(', ')}`);
  const check = values.check ? mkdtempSync(join(tmpdir(), 'latex-check-')) : undefined;
  let failed = 0;
  try {
    for (const v of chosen) {
      try {
        const t = await generateLatex(v, check ?? values.out ?? LATEX_GENERATED_DIR, values['keep-tex'] ?? false);
        const perPage = Array.from({ length: t.pages }, (_, p) => t.activities.filter((a) => a.page === p + 1).length).join(',');
        let state = '';
        if (check) {
          const same = (f: string): boolean => Buffer.compare(readFileSync(join(check, f)), readFileSync(join(LATEX_GENERATED_DIR, f))) === 0;
          const pdfSame = same(`${v.name}.pdf`);
          const truthSame = same(`${v.name}.truth.json`);
          state = `: truth ${truthSame ? 'up to date' : 'STALE'}, PDF ${pdfSame ? 'byte-identical' : 'differs'}`;
          if (!truthSame) failed++;
        }
        console.log(`${t.name}: ${t.pages} pages, rows per page ${perPage}, ${t.activities.filter((a) => a.split).length} split, ${t.texHyphenations.length} words hyphenated by TeX, fonts ${t.font.pdfFonts.join(' ')}${state}`);
      } catch (e) {
        failed++;
        console.error(`${v.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  } finally {
    if (check) rmSync(check, { recursive: true, force: true });
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(2);
    },
  );
}
