/**
 * Typesets the 2024 annex with ConTeXt MkIV on LuaTeX (build-tex.ts) in the variants of
 * variants.ts — the ConTeXt producer family: OpenType fonts embedded as CID fonts with ToUnicode,
 * words placed by LuaTeX with no space characters, PDF 1.7 with cross-reference streams and XMP;
 * xtables whose rows never split, or tabulate whose paragraph cells split line by line across
 * pages. Each PDF gets a truth file whose pages are read back from the PDF (scripts/corpus/locate.ts,
 * hyphens left out of the comparison where TeX hyphenates; never nap-annex's reader), and the layout
 * is checked (generation fails otherwise): no overfull box and nothing missing in ConTeXt's log,
 * page size, the embedded text font (and the cue font), the column header on every page with rows,
 * the legend on page 1 only, rows split or not as the table kind says, with xtables every body-size
 * text item inside its column (xtables hide overfull boxes in cells), and with hyphenation at least
 * one word TeX broke with a hyphen that the data does not have.
 *
 *   npx tsx scripts/context-rendition/generate.ts                          # all variants → fixtures/context-generated/
 *   npx tsx scripts/context-rendition/generate.ts --variant NAME [--out DIR] [--keep-tex]
 *   npx tsx scripts/context-rendition/generate.ts --check                  # regenerate in a temporary folder, compare with the committed files
 *
 * Set-up (Debian 12; `npm test` reads the committed PDFs and needs none of it):
 *   apt-get install -y --no-install-recommends context fonts-texgyre fonts-dejavu-core poppler-utils
 * ConTeXt 2021.03.05 on LuaTeX 1.15 (TeX Live 2022/Debian) was used. `context` runs until its
 * multi-pass data settles; the source pins dates and ids, so a rerun gives the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { STATUS_LABELS, loadAnnexData, plainBlocks, type AnnexData } from '../pdf-rendition/annex-data.js';
import { locateAnnex, type Located } from '../corpus/locate.js';
import { pdfFonts } from '../html-rendition/generate.js';
import { buildTex } from './build-tex.js';
import { CONTEXT_VARIANTS, type ContextVariant } from './variants.js';

export { CONTEXT_VARIANTS } from './variants.js';
export const CONTEXT_GENERATED_DIR = fileURLToPath(new URL('../../fixtures/context-generated/', import.meta.url));

/** Points per millimetre. */
const MM = 72 / 25.4;

export interface ContextTruth {
  name: string;
  description: string;
  generator: string;
  producer: string;
  pages: number;
  pageSize: [number, number];
  tagged: boolean;
  font: { family: string; sizePt: number; pdfFonts: string[] };
  table: ContextVariant['table'];
  columns: string[];
  statusCue: ContextVariant['cue']['kind'];
  icon: { kind: 'metapost-disc'; diameterPt: number; pdf: { drawnAs: 'path' } } | { kind: 'glyph'; font: string; glyphs: Record<string, string> };
  palette: Record<string, string>;
  statusFoundBy: 'icon';
  legendPlacement: ContextVariant['legend'];
  footnotePlacement: 'note-list';
  noteHeading: 'Noten';
  noteLabel: ContextVariant['notes']['label'];
  actionLineLayout: ContextVariant['actionLine'];
  headerRepeated: true;
  rules: ContextVariant['rules'];
  /** Words TeX broke at a line end with a hyphen the data does not have, as printed (`ervarings-|deskundigen`), with their page. */
  texHyphenations: Array<{ page: number; printed: string }>;
  title: string;
  actionLines: Array<{ number: number; title: string; planningHeader: string }>;
  activities: Array<{ id: string; actionLine: number; title: string; status: string; planning: string; owners: string; footnotes: number[]; page: number; pages: number[]; split: boolean }>;
  footnotes: Array<{ number: number; text: string; page: number }>;
}

/** A text item of the PDF as pdfjs-dist gives it: text, left x, width and height in PDF points, and whether a line ends after it. */
interface TextItem {
  str: string;
  x: number;
  w: number;
  h: number;
  hasEOL: boolean;
}

async function textItems(bytes: Uint8Array): Promise<TextItem[][]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: TextItem[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const tc = await (await doc.getPage(p)).getTextContent();
    pages.push(
      tc.items.flatMap((it) =>
        'str' in it
          ? [{ str: it.str, x: it.transform[4] as number, w: it.width, h: Math.hypot(it.transform[2] as number, it.transform[3] as number), hasEOL: it.hasEOL }]
          : [],
      ),
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

/** Words TeX hyphenated: an item ending a line with `letters-` whose next item starts with letters, where the data has the joined word and not the hyphened one. */
function texHyphenations(pages: TextItem[][], annex: AnnexData): Array<{ page: number; printed: string }> {
  const strip = (w: string): string => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
  const known = new Set([...dataWords(annex)].map(strip));
  const out: Array<{ page: number; printed: string }> = [];
  pages.forEach((items, p) => {
    for (let i = 0; i + 1 < items.length; i++) {
      const head = /(\S*\p{L})-$/u.exec(items[i]!.str.trimEnd());
      const tail = /^(\p{L}\S*)/u.exec(items[i + 1]!.str.trimStart());
      if (!items[i]!.hasEOL || !head || !tail) continue;
      if (known.has(strip(head[1]! + tail[1]!)) && !known.has(strip(`${head[1]!}-${tail[1]!}`))) out.push({ page: p + 1, printed: `${head[1]!}-|${tail[1]!}` });
    }
  });
  return out;
}

/** The `context` run in `work`; throws with the log's tail on an error, an overfull box or a missing character. Returns the number of runs. */
function typeset(work: string, name: string, tabulate: boolean): number {
  let stdout: string;
  try {
    stdout = execFileSync('context', ['--nonstopmode', '--batchmode', `${name}.tex`], {
      cwd: work,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
  } catch (e) {
    const tail = existsSync(join(work, `${name}.log`)) ? readFileSync(join(work, `${name}.log`), 'utf8').slice(-2500) : String(e);
    throw new Error(`${name}: context failed:\n${tail}`);
  }
  const log = readFileSync(join(work, `${name}.log`), 'utf8');
  // tabulate splits its paragraph cells line by line (\\vsplit) and reports every line taller than
  // its step (a raised marker, a list) as an overfull \\vbox; those are not text out of place.
  const overfull = log.split('\n').filter((l) => (tabulate ? /Overfull \\hbox/ : /Overfull \\[hv]box/).test(l));
  if (overfull.length > 0) throw new Error(`${name}: ${overfull.length} overfull boxes (widen a column): ${overfull.slice(0, 5).join('; ')}`);
  const missing = log.split('\n').filter((l) => /missing/.test(l));
  if (missing.length > 0) throw new Error(`${name}: ConTeXt reports something missing: ${missing.slice(0, 5).join('; ')}`);
  return Math.max(0, ...[...stdout.matchAll(/currentrun=(\d+)/g)].map((m) => Number(m[1])));
}

/** ConTeXt's and LuaTeX's versions. */
function producerVersion(): string {
  const ctx = /current version: (.+)/.exec(execFileSync('context', ['--version'], { encoding: 'utf8' }))?.[1]?.trim() ?? '?';
  const lua = execFileSync('luatex', ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim().replace(/^This is /, '');
  return `ConTeXt MkIV ${ctx} (Debian context) on ${lua}`;
}

/** A word as poppler's `pdftotext -bbox` boxes it, x in PDF points. */
interface Word {
  text: string;
  xMin: number;
  xMax: number;
}

/** Every page's words with their boxes (pdftotext -bbox, poppler-utils). */
function wordBoxes(pdf: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return html
    .split('<page ')
    .slice(1)
    .map((page) => [...page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ text: m[3]!, xMin: Number(m[1]), xMax: Number(m[2]) })));
}

const squeezed = (items: TextItem[]): string => items.map((i) => i.str.replace(/\s+/g, '')).join('');

/** The layout checks of the module docstring that the read-back alone does not make. */
function checkLayout(v: ContextVariant, at: Located, pages: TextItem[][], headerWords: Word[][], truth: ContextTruth): void {
  const text = pages.map(squeezed);
  const rowPages = (p: number): boolean => truth.activities.some((a) => a.pages.includes(p));
  for (let p = 1; p <= at.pages; p++) {
    if (rowPages(p) && !['Activiteit', 'Status', 'Wie', 'Toelichting'].every((h) => text[p - 1]!.includes(h))) throw new Error(`${v.name}: page ${p} repeats no column header`);
  }
  const legendPages = text.flatMap((t, i) => (t.includes('Legenda') ? [i + 1] : []));
  if (legendPages.join() !== '1') throw new Error(`${v.name}: legend on pages ${legendPages.join(',')}, not page 1 only`);
  if (!text[0]!.includes(STATUS_LABELS.map((l) => l.replace(/\s+/g, '')).join('')) && !STATUS_LABELS.every((l) => text[0]!.includes(l.replace(/\s+/g, ''))))
    throw new Error(`${v.name}: page 1 lacks a legend label`);
  const split = truth.activities.filter((a) => a.split).length;
  if (v.table === 'xtable' && split > 0) throw new Error(`${v.name}: ${split} rows split across pages (xtable rows never split)`);
  if (v.table === 'tabulate' && split < 3) throw new Error(`${v.name}: only ${split} rows split across pages`);
  if (v.hyphenation && truth.texHyphenations.length === 0) throw new Error(`${v.name}: TeX hyphenated no word`);
  if (!v.hyphenation && truth.texHyphenations.length > 0) throw new Error(`${v.name}: hyphenation is off, yet ${truth.texHyphenations[0]!.printed}`);
  // Cell text may run out of its column unreported (xtables \\dontcomplain in cells, tabulate's
  // paragraph cells): every body-size text item on a page with rows must end before the next
  // column's header starts (columns from the header's words on that page; the last ends at the
  // text width; the action-line row spans them all; status glyphs are not text).
  const cues = v.cue.kind === 'glyph' ? new Set<string>(v.cue.glyphs) : new Set<string>();
  const right = (v.backspaceMm + v.textWidthMm) * MM;
  const HEADER_WORDS = new Set(['Activiteit', 'Status', 'Wie', 'Toelichting', ...truth.actionLines.flatMap((l) => l.planningHeader.split(' '))]);
  let checked = 0;
  pages.forEach((items, p) => {
    if (!rowPages(p + 1)) return;
    const headerX = ['Activiteit', 'Status', truth.actionLines.map((l) => l.planningHeader.split(' ')[0]!), 'Wie', 'Toelichting'].map((h) => {
      const hit = items.find((i) => (Array.isArray(h) ? h.includes(i.str.trim().split(' ')[0]!) : i.str.trim() === h));
      if (!hit) throw new Error(`${v.name}: page ${p + 1}: no column header ${String(h)}`);
      return hit.x;
    });
    const edges = [...headerX.map((x) => x - 1), right + 1];
    for (const b of items) {
      const str = b.str.trim();
      if (str === '' || cues.has(str) || Math.abs(b.h - v.font.sizePt) > 0.3) continue;
      // The legend above the first table (page 1) is not in a column.
      if (p === 0 && (str.startsWith('Legenda') || STATUS_LABELS.includes(str))) continue;
      // The column header: pdf.js may give a two-line header cell as one item; its words are checked below, one by one.
      if (str.split(/\s+/).every((w) => HEADER_WORDS.has(w))) continue;
      // An action line's name and goal span the columns (a row) or stand above the table (a heading).
      if (truth.actionLines.some((l) => `Actielijn ${l.number}` === str || l.title.replace(/\s+/g, '').includes(str.replace(/\s+/g, '')))) continue;
      const col = edges.findIndex((e, k) => k < edges.length - 1 && b.x >= e && b.x < edges[k + 1]!);
      if (col < 0) throw new Error(`${v.name}: page ${p + 1}: text "${b.str}" outside the table columns (x ${b.x.toFixed(1)})`);
      if (b.x + b.w > edges[col + 1]! - 1) throw new Error(`${v.name}: page ${p + 1}: "${b.str}" runs out of column ${col} by ${(b.x + b.w - edges[col + 1]! + 1).toFixed(1)} pt`);
      checked++;
    }
  });
  // The header's words one by one (poppler's word boxes): each ends before the next column's header starts.
  headerWords.forEach((words, p) => {
    if (!rowPages(p + 1)) return;
    const starts = words.filter((w) => ['Activiteit', 'Status', 'Wie', 'Toelichting'].includes(w.text)).map((w) => w.xMin).sort((a, b) => a - b);
    for (const w of words.filter((x) => HEADER_WORDS.has(x.text))) {
      const next = starts.find((s) => s > w.xMin + 1) ?? right + 1;
      if (w.xMax > next - 1) throw new Error(`${v.name}: page ${p + 1}: header word "${w.text}" runs into the next column (${(w.xMax - next + 1).toFixed(1)} pt)`);
    }
  });
  if (checked < 500) throw new Error(`${v.name}: only ${checked} text items checked against the columns`);
}

/** The truth of a typeset rendition: the annex data, with pages read back from the PDF. */
function truthOf(annex: AnnexData, v: ContextVariant, at: Located, producer: string, fonts: string[], hyphenations: ContextTruth['texHyphenations']): ContextTruth {
  const byId = new Map(at.rows.map((r) => [r.id, r]));
  return {
    name: v.name,
    description: v.description,
    generator: `scripts/context-rendition/generate.ts --variant ${v.name}`,
    producer,
    pages: at.pages,
    pageSize: at.pageSize,
    tagged: at.tagged,
    font: { family: v.font.family, sizePt: v.font.sizePt, pdfFonts: fonts },
    table: v.table,
    columns: ['Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting'],
    statusCue: v.cue.kind,
    icon:
      v.cue.kind === 'metapost-disc'
        ? { kind: 'metapost-disc', diameterPt: v.cue.diameterPt, pdf: { drawnAs: 'path' } }
        : { kind: 'glyph', font: v.cue.fontFamily, glyphs: Object.fromEntries(STATUS_LABELS.map((l, i) => [l, (v.cue as { glyphs: string[] }).glyphs[i]!])) },
    palette: Object.fromEntries(STATUS_LABELS.map((l, i) => [l, v.palette[i]!])),
    statusFoundBy: 'icon',
    legendPlacement: v.legend,
    footnotePlacement: 'note-list',
    noteHeading: 'Noten',
    noteLabel: v.notes.label,
    actionLineLayout: v.actionLine,
    headerRepeated: true,
    rules: v.rules,
    texHyphenations: hyphenations,
    title: annex.title,
    actionLines: annex.actionLines.map((l) => ({ number: l.number, title: l.title, planningHeader: l.planningHeader })),
    activities: annex.activities.map((a) => {
      const r = byId.get(a.id)!;
      if (r.titlePage !== r.page) throw new Error(`${v.name}: ${a.id}'s title starts on page ${r.titlePage}, its row on ${r.page}`);
      return { id: a.id, actionLine: a.actionLine, title: a.title, status: a.status, planning: a.planning, owners: a.owners, footnotes: a.footnotes, page: r.page, pages: r.pages, split: r.pages.length > 1 };
    }),
    footnotes: annex.footnotes.map((f) => ({ number: f.number, text: f.text, page: at.notes.find((n) => n.number === f.number)!.page })),
  };
}

export const truthJson = (t: ContextTruth): string => `${JSON.stringify(t, null, 2)}\n`;

/** Typesets and reads back one variant; writes `<name>.pdf` and `<name>.truth.json` (and with keepTex `<name>.tex`) to `outDir`. */
export async function generateContext(v: ContextVariant, outDir: string, keepTex = false): Promise<ContextTruth & { runs: number }> {
  const annex = await loadAnnexData();
  const work = mkdtempSync(join(tmpdir(), `context-rendition-${v.name}-`));
  try {
    const source = buildTex(annex, v);
    writeFileSync(join(work, `${v.name}.tex`), source);
    if (v.cue.kind === 'glyph') copyFileSync(v.cue.fontFile, join(work, v.cue.fontFile.split('/').pop()!));
    const runs = typeset(work, v.name, v.table === 'tabulate');
    const pdf = join(work, `${v.name}.pdf`);
    const bytes = new Uint8Array(readFileSync(pdf));
    const at = await locateAnnex(bytes, annex, { ignoreHyphens: v.hyphenation, linesInterleaved: v.table === 'tabulate' });
    if (Math.abs(at.pageSize[0] - v.pagePt[0]) > 1.5 || Math.abs(at.pageSize[1] - v.pagePt[1]) > 1.5) throw new Error(`${v.name}: page size ${at.pageSize.join('x')}`);
    const fonts = pdfFonts(pdf);
    if (!fonts.some((f) => f.startsWith(v.font.pdfFontPrefix))) throw new Error(`${v.name}: ${v.font.pdfFontPrefix}… not embedded (${fonts.join(', ')})`);
    const cueFont = v.cue.kind === 'glyph' ? v.cue.fontFamily.replace(/\s+/g, '') : undefined;
    if (cueFont !== undefined && !fonts.some((f) => f.startsWith(cueFont))) throw new Error(`${v.name}: the cue font is not embedded (${fonts.join(', ')})`);
    const items = await textItems(bytes);
    const truth = truthOf(annex, v, at, producerVersion(), fonts, texHyphenations(items, annex));
    checkLayout(v, at, items, wordBoxes(pdf), truth);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `${v.name}.pdf`), bytes);
    writeFileSync(join(outDir, `${v.name}.truth.json`), truthJson(truth));
    if (keepTex) writeFileSync(join(outDir, `${v.name}.tex`), source);
    return { ...truth, runs };
  } finally {
    // CONTEXT_RENDITION_KEEP=1 keeps the work folder (source, log, PDF) for looking into a failed run.
    if (process.env.CONTEXT_RENDITION_KEEP === '1') console.error(`${v.name}: work folder kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { variant: { type: 'string', multiple: true }, out: { type: 'string' }, 'keep-tex': { type: 'boolean' }, check: { type: 'boolean' } } });
  const chosen = values.variant ? CONTEXT_VARIANTS.filter((v) => values.variant!.includes(v.name)) : CONTEXT_VARIANTS;
  if (values.variant && chosen.length !== values.variant.length) throw new Error(`unknown variant; known: ${CONTEXT_VARIANTS.map((v) => v.name).join(', ')}`);
  const check = values.check ? mkdtempSync(join(tmpdir(), 'context-check-')) : undefined;
  let failed = 0;
  try {
    for (const v of chosen) {
      try {
        const t = await generateContext(v, check ?? values.out ?? CONTEXT_GENERATED_DIR, values['keep-tex'] ?? false);
        const perPage = Array.from({ length: t.pages }, (_, p) => t.activities.filter((a) => a.page === p + 1).length).join(',');
        let state = '';
        if (check) {
          const same = (f: string): boolean => Buffer.compare(readFileSync(join(check, f)), readFileSync(join(CONTEXT_GENERATED_DIR, f))) === 0;
          const pdfSame = same(`${v.name}.pdf`);
          const truthSame = same(`${v.name}.truth.json`);
          state = `: truth ${truthSame ? 'up to date' : 'STALE'}, PDF ${pdfSame ? 'byte-identical' : 'differs'}`;
          if (!truthSame || !pdfSame) failed++;
        }
        console.log(
          `${t.name}: ${t.runs} context runs, ${t.pages} pages, rows per page ${perPage}, ${t.activities.filter((a) => a.split).length} split, ${t.texHyphenations.length} words hyphenated by TeX, notes on pages ${[...new Set(t.footnotes.map((f) => f.page))].join(',')}, fonts ${t.font.pdfFonts.join(' ')}${state}`,
        );
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
