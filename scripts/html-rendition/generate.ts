/**
 * Prints the 2024 annex as a web page (build-html.ts) to PDF with a browser engine other than the
 * one the reader was tuned on: WeasyPrint, Chromium with a three-row <thead> on A5, and Chromium
 * with the layout family of the third blind hold-out (Status column first, `Actielijn N` headings
 * above a table per action line, zebra rows, SVG shapes, `[n]` markers) on A4 landscape. Each PDF
 * gets a truth file whose pages are read back from the PDF (scripts/corpus/locate.ts).
 *
 *   npx tsx scripts/html-rendition/generate.ts                          # all variants → fixtures/html-printed/
 *   npx tsx scripts/html-rendition/generate.ts --variant NAME [--out DIR] [--keep-html]
 *
 * Needs `weasyprint` (Debian package, 57.2 used) and `chromium` (156 used), fonts-dejavu,
 * fonts-crosextra-carlito and fonts-liberation; `npm test` reads the committed PDFs and needs none of them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { STATUS_LABELS, loadAnnexData, type AnnexData } from '../pdf-rendition/annex-data.js';
import { locateAnnex, type Located } from '../corpus/locate.js';
import { buildHtml, type HtmlPrintVariant } from './build-html.js';

export const HTML_PRINTED_DIR = fileURLToPath(new URL('../../fixtures/html-printed/', import.meta.url));

export const HTML_PRINT_VARIANTS: HtmlPrintVariant[] = [
  {
    name: 'weasyprint-a4-portrait-dejavuserif',
    description:
      'WeasyPrint, DejaVu Serif 8 pt, A4 portrait, a rule only above each body row (a row broken by a page end has no closing rule), column header repeated (thead), CSS circles, legend once, notes as an <ol> ("1. …" at body size) under "Noten"; untagged',
    engine: 'weasyprint',
    pageSize: 'A4 portrait',
    pagePt: [595.28, 841.89],
    marginsMm: [16, 14, 16, 14],
    font: { family: '"DejaVu Serif"', sizePt: 8, lineHeight: 1.3 },
    headRows: 1,
    rules: 'row-tops',
    notes: 'ol',
    palette: ['#3b8c3b', '#2f6db5', '#8e44ad', '#e67e22', '#c0392b'],
    columns: [19, 7, 10, 15, 49],
  },
  {
    name: 'chromium-a5-three-headers-carlito',
    description:
      'Chromium, Carlito 7.5 pt, A5 portrait, no rules, a <thead> of three rows (column header, `Actielijn N` band, goal row) repeated on every page, CSS circles, legend once, notes as lines with a superscript number under "Noten"',
    engine: 'chromium',
    pageSize: 'A5',
    pagePt: [419.53, 595.28],
    marginsMm: [9, 7, 9, 7],
    font: { family: 'Carlito', sizePt: 7.5, lineHeight: 1.25 },
    headRows: 3,
    rules: 'none',
    notes: 'sup-lines',
    palette: ['#2ca25f', '#2b8cbe', '#8856a7', '#f03b20', '#bd0026'],
    columns: [20, 8, 11, 17, 44],
  },
  {
    name: 'chromium-a4-landscape-headings-liberationserif',
    description:
      'Chromium, Liberation Serif 8.5 pt, A4 landscape, columns Status | Activiteit | Wanneer | Wie | Toelichting, each action line an `Actielijn N` heading and goal paragraph above a table of its own, column header (dark red text on a pale fill) repeated on every page, zebra rows, no rules, SVG icons of five shapes, markers raised in brackets [n], legend once, notes as lines "[n] text" under "Noten"',
    engine: 'chromium',
    pageSize: 'A4 landscape',
    pagePt: [841.89, 595.28],
    marginsMm: [12, 15, 12, 15],
    font: { family: '"Liberation Serif"', sizePt: 8.5, lineHeight: 1.2 },
    headRows: 1,
    rules: 'none',
    notes: 'bracket-lines',
    palette: ['#1a7f37', '#0b5cad', '#6f42c1', '#d4760a', '#b31d28'],
    columns: [6.5, 20, 12, 14.5, 47],
    headings: {
      shapes: ['circle', 'square', 'diamond', 'triangle-up', 'triangle-down'],
      header: { fill: '#f4e3e3', text: '#7a1020' },
      stripe: '#e6eef7',
      heading: '#7a1020',
    },
  },
];

export interface HtmlTruth {
  name: string;
  description: string;
  generator: string;
  producer: string;
  pages: number;
  pageSize: [number, number];
  tagged: boolean;
  font: { family: string; sizePt: number; pdfFonts: string[] };
  statusCue: 'css-circle' | 'svg-shapes';
  icon: { kind: 'css-circle' | 'svg-shapes'; shapes?: Record<string, string>; pdf: { drawnAs: 'path' } };
  palette: Record<string, string>;
  legendPlacement: 'page-1';
  footnotePlacement: 'note-list';
  noteNumbering: 'ol' | 'superscript' | 'bracket';
  noteHeading: 'Noten';
  /** Only in `headings` variants: each action line as a heading and goal paragraph above its own table. */
  sectionRows?: 'heading-above-table';
  /** Only in `headings` variants: the printed column order. */
  columnOrder?: string[];
  repeatedHeaderRows: number;
  rules: HtmlPrintVariant['rules'];
  title: string;
  actionLines: Array<{ number: number; title: string; planningHeader: string }>;
  activities: Array<{
    id: string;
    actionLine: number;
    title: string;
    status: string;
    planning: string;
    owners: string;
    footnotes: number[];
    page: number;
    titlePage?: number;
    pages: number[];
    split: boolean;
  }>;
  footnotes: Array<{ number: number; text: string; page: number }>;
}

/** The fonts embedded in a PDF (pdffonts), subset prefixes removed. */
export function pdfFonts(file: string): string[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return [...new Set(out.split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')))].sort();
}

function engineVersion(engine: HtmlPrintVariant['engine']): string {
  if (engine === 'weasyprint') return execFileSync('weasyprint', ['--version'], { encoding: 'utf8' }).trim();
  return execFileSync('chromium', ['--version'], { encoding: 'utf8' }).trim().replace(/ built on.*/, '');
}

function print(v: HtmlPrintVariant, html: string, pdf: string, work: string): void {
  if (v.engine === 'weasyprint') {
    execFileSync('weasyprint', ['--quiet', html, pdf], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
    return;
  }
  execFileSync(
    'chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(work, 'chromium-profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`],
    { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 },
  );
}

/** The truth of a printed rendition: the annex data, with pages read back from the PDF. */
export function truthOf(annex: AnnexData, v: HtmlPrintVariant, at: Located, producer: string, fonts: string[]): HtmlTruth {
  const byId = new Map(at.rows.map((r) => [r.id, r]));
  return {
    name: v.name,
    description: v.description,
    generator: `scripts/html-rendition/generate.ts --variant ${v.name}`,
    producer,
    pages: at.pages,
    pageSize: at.pageSize,
    tagged: at.tagged,
    font: { family: v.font.family.replace(/"/g, ''), sizePt: v.font.sizePt, pdfFonts: fonts },
    statusCue: v.headings ? 'svg-shapes' : 'css-circle',
    icon: v.headings
      ? { kind: 'svg-shapes', shapes: Object.fromEntries(STATUS_LABELS.map((l, i) => [l, v.headings!.shapes[i]!])), pdf: { drawnAs: 'path' } }
      : { kind: 'css-circle', pdf: { drawnAs: 'path' } },
    palette: Object.fromEntries(STATUS_LABELS.map((l, i) => [l, v.palette[i]!])),
    legendPlacement: 'page-1',
    footnotePlacement: 'note-list',
    noteNumbering: v.notes === 'ol' ? 'ol' : v.notes === 'bracket-lines' ? 'bracket' : 'superscript',
    noteHeading: 'Noten',
    ...(v.headings ? { sectionRows: 'heading-above-table' as const, columnOrder: ['Status', 'Activiteit', 'Wanneer', 'Wie', 'Toelichting'] } : {}),
    repeatedHeaderRows: v.headRows,
    rules: v.rules,
    title: annex.title,
    actionLines: annex.actionLines.map((l) => ({ number: l.number, title: l.title, planningHeader: l.planningHeader })),
    activities: annex.activities.map((a) => {
      const r = byId.get(a.id)!;
      return {
        id: a.id,
        actionLine: a.actionLine,
        title: a.title,
        status: a.status,
        planning: a.planning,
        owners: a.owners,
        footnotes: a.footnotes,
        page: r.page,
        // A browser may carry the title to the next page while the row's other cells start here.
        ...(r.titlePage !== r.page ? { titlePage: r.titlePage } : {}),
        pages: r.pages,
        split: r.pages.length > 1,
      };
    }),
    footnotes: annex.footnotes.map((f) => ({ number: f.number, text: f.text, page: at.notes.find((n) => n.number === f.number)!.page })),
  };
}

/** Builds, prints and reads back one variant; writes `<name>.pdf` and `<name>.truth.json` to `outDir`. */
export async function generateHtmlPrint(v: HtmlPrintVariant, outDir: string, keepHtml = false): Promise<HtmlTruth> {
  const annex = await loadAnnexData();
  const work = mkdtempSync(join(tmpdir(), `html-rendition-${v.name}-`));
  try {
    const html = join(work, `${v.name}.html`);
    writeFileSync(html, buildHtml(annex, v));
    const pdf = join(work, `${v.name}.pdf`);
    print(v, html, pdf, work);
    const bytes = new Uint8Array(readFileSync(pdf));
    const at = await locateAnnex(bytes, annex);
    if (Math.abs(at.pageSize[0] - v.pagePt[0]) > 1.5 || Math.abs(at.pageSize[1] - v.pagePt[1]) > 1.5) throw new Error(`${v.name}: page size ${at.pageSize.join('x')}`);
    const fonts = pdfFonts(pdf);
    const family = v.font.family.replace(/["\s-]/g, '');
    if (!fonts.some((f) => f.replace(/[\s-]/g, '').startsWith(family))) throw new Error(`${v.name}: ${family} not embedded (${fonts.join(', ')})`);
    const truth = truthOf(annex, v, at, engineVersion(v.engine), fonts);
    if (!truth.activities.some((a) => a.split)) throw new Error(`${v.name}: no row is broken by a page end`);
    // Every page after the first shows the column header again (the <thead>), and with three head rows the band and goal of its action line.
    for (let p = 2; p <= at.pages; p++) {
      const rowsHere = truth.activities.filter((a) => a.pages.includes(p));
      if (rowsHere.length === 0) continue;
      if (!at.pageText[p - 1]!.includes(v.headings ? 'StatusActiviteit' : 'ActiviteitStatus')) throw new Error(`${v.name}: page ${p} repeats no column header`);
      if (v.headRows === 3) {
        const line = rowsHere[0]!.actionLine;
        if (!at.pageText[p - 1]!.includes(`Actielijn${line}`)) throw new Error(`${v.name}: page ${p} repeats no Actielijn ${line} band`);
      }
    }
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `${v.name}.pdf`), bytes);
    writeFileSync(join(outDir, `${v.name}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);
    if (keepHtml) writeFileSync(join(outDir, `${v.name}.html`), readFileSync(html));
    return truth;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { variant: { type: 'string', multiple: true }, out: { type: 'string' }, 'keep-html': { type: 'boolean' } } });
  const chosen = values.variant ? HTML_PRINT_VARIANTS.filter((v) => values.variant!.includes(v.name)) : HTML_PRINT_VARIANTS;
  if (values.variant && chosen.length !== values.variant.length) throw new Error(`unknown variant; known: ${HTML_PRINT_VARIANTS.map((v) => v.name).join(', ')}`);
  let failed = 0;
  for (const v of chosen) {
    try {
      const t = await generateHtmlPrint(v, values.out ?? HTML_PRINTED_DIR, values['keep-html'] ?? false);
      console.log(`${t.name}: ${t.pages} pages, ${t.activities.filter((a) => a.split).length} rows broken by a page end, tagged ${t.tagged}`);
    } catch (e) {
      failed++;
      console.error(`${v.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (failed > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
