/**
 * Lays the 2024 annex out with ReportLab (layout.py, Debian python3-reportlab 3.6.12 under
 * /usr/bin/python3) in the variants of variants.ts — the ReportLab producer family: platypus
 * LongTables with vector status cues drawn by reportlab.graphics, TrueType fonts embedded as 8-bit
 * subsets, each laid-out line one string with real spaces, rows never split, furniture drawn by a
 * two-pass canvas. Each PDF gets a truth file whose pages are read back from the PDF
 * (scripts/corpus/locate.ts), and the layout is checked (generation fails otherwise): page size,
 * embedded font, the column header on every page with rows (or, printed once, missing from some),
 * the legend where the variant puts it, every note after the rows that cite it (and before the
 * next action line's when notes follow each table), no row split unless the variant splits rows.
 *
 *   npx tsx scripts/reportlab-rendition/generate.ts                       # all variants → fixtures/reportlab-generated/
 *   npx tsx scripts/reportlab-rendition/generate.ts --variant NAME [--out DIR]
 *   npx tsx scripts/reportlab-rendition/generate.ts --check               # regenerate in a temporary folder, compare with the committed files
 *
 * Set-up (Debian 12; `npm test` reads the committed PDFs and needs none of it):
 *   apt-get install -y --no-install-recommends python3-reportlab fonts-dejavu-core fonts-liberation poppler-utils
 * SOURCE_DATE_EPOCH fixes the PDF's dates, and ReportLab's /ID is a digest of the content, so a
 * rerun with the same ReportLab and fonts gives the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { STATUS_LABELS, loadAnnexData, type AnnexData } from '../pdf-rendition/annex-data.js';
import { locateAnnex, type Located } from '../corpus/locate.js';
import { pdfFonts } from '../html-rendition/generate.js';
import { REPORTLAB_VARIANTS, type ReportlabVariant } from './variants.js';

export { REPORTLAB_VARIANTS } from './variants.js';
export const REPORTLAB_GENERATED_DIR = fileURLToPath(new URL('../../fixtures/reportlab-generated/', import.meta.url));
const LAYOUT_SCRIPT = fileURLToPath(new URL('./layout.py', import.meta.url));
/** Debian's Python, which has python3-reportlab (a Python first on PATH may not). */
const PYTHON = '/usr/bin/python3';

/** The date written into the PDF (2024-12-05 22:00:00 UTC), so that a rerun gives the same bytes. */
const SOURCE_DATE_EPOCH = '1733436000';

export interface ReportlabTruth {
  name: string;
  description: string;
  generator: string;
  producer: string;
  pages: number;
  pageSize: [number, number];
  tagged: boolean;
  font: { family: string; sizePt: number; pdfFonts: string[] };
  columns: string[];
  statusCue: ReportlabVariant['cue']['shape'];
  icon: { kind: ReportlabVariant['cue']['shape']; sizePt: number; valign: ReportlabVariant['cue']['valign']; pdf: { drawnAs: 'path' } };
  palette: Record<string, string>;
  statusFoundBy: 'icon';
  legendPlacement: ReportlabVariant['legend'];
  footnotePlacement: 'note-list';
  notePlacement: ReportlabVariant['notes']['placement'];
  noteHeading: string;
  noteLabel: ReportlabVariant['notes']['label'];
  actionLineLayout: ReportlabVariant['actionLines'];
  headerRepeated: boolean;
  rules: ReportlabVariant['rules'];
  title: string;
  actionLines: Array<{ number: number; title: string; planningHeader: string }>;
  activities: Array<{ id: string; actionLine: number; title: string; status: string; planning: string; owners: string; footnotes: number[]; page: number; pages: number[]; split: boolean }>;
  footnotes: Array<{ number: number; text: string; page: number }>;
}

/** Runs layout.py on the annex in variant `v`; throws with its message (a word wider than its column, a Python error). */
function layOut(annex: AnnexData, v: ReportlabVariant, work: string): string {
  const input = join(work, 'input.json');
  const pdf = join(work, `${v.name}.pdf`);
  writeFileSync(input, JSON.stringify({ annex, statusLabels: STATUS_LABELS, variant: v }));
  try {
    execFileSync(PYTHON, [LAYOUT_SCRIPT, input, pdf], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
      env: { ...process.env, SOURCE_DATE_EPOCH, PYTHONHASHSEED: '0' },
    });
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string };
    throw new Error(`${v.name}: layout.py failed: ${(err.stderr || err.stdout || String(e)).trim().slice(-2000)}`);
  }
  return pdf;
}

/** ReportLab's version as Debian's Python imports it. */
function producerVersion(): string {
  const version = execFileSync(PYTHON, ['-c', 'import reportlab; print(reportlab.Version)'], { encoding: 'utf8' }).trim();
  return `ReportLab ${version} (Debian python3-reportlab, platypus LongTable) under ${execFileSync(PYTHON, ['--version'], { encoding: 'utf8' }).trim()}`;
}

/** The layout checks of the module docstring that the read-back alone does not make. */
function checkLayout(v: ReportlabVariant, annex: AnnexData, at: Located, truth: ReportlabTruth): void {
  const text = at.pageText;
  const header = ['Activiteit', 'Status', 'Wie', 'Toelichting'];
  const rowPages = (p: number): boolean => truth.activities.some((a) => a.pages.includes(p));
  const withoutHeader = Array.from({ length: at.pages }, (_, i) => i + 1).filter((p) => rowPages(p) && !header.every((h) => text[p - 1]!.includes(h)));
  if (v.headerRepeat && withoutHeader.length > 0) throw new Error(`${v.name}: pages ${withoutHeader.join(',')} repeat no column header`);
  if (!v.headerRepeat && withoutHeader.length < 3) throw new Error(`${v.name}: the header is printed once, yet only ${withoutHeader.length} pages with rows lack it`);
  const legendPages = text.flatMap((t, i) => (t.includes('Legenda') ? [i + 1] : []));
  if (v.legend === 'footer-every-page' ? legendPages.length !== at.pages : legendPages.join() !== '1') throw new Error(`${v.name}: legend on pages ${legendPages.join(',')}`);
  const lastPage = new Map<number, number>();
  const firstPage = new Map<number, number>();
  for (const a of truth.activities) {
    lastPage.set(a.actionLine, Math.max(lastPage.get(a.actionLine) ?? 0, ...a.pages));
    firstPage.set(a.actionLine, Math.min(firstPage.get(a.actionLine) ?? Infinity, a.page));
  }
  for (const f of truth.footnotes) {
    const line = annex.activities.find((a) => a.footnotes.includes(f.number))!.actionLine;
    const after = v.notes.placement === 'end' ? Math.max(...lastPage.values()) : lastPage.get(line)!;
    if (f.page < after) throw new Error(`${v.name}: note ${f.number} on page ${f.page}, before the rows it follows end (page ${after})`);
    const next = firstPage.get(line + 1);
    if (v.notes.placement === 'per-action-line' && next !== undefined && f.page > next) throw new Error(`${v.name}: note ${f.number} on page ${f.page}, after action line ${line + 1} starts`);
  }
  const split = truth.activities.filter((a) => a.split).length;
  if (!v.splitInRow && split > 0) throw new Error(`${v.name}: ${split} rows split across pages`);
}

/** The truth of a laid-out rendition: the annex data, with pages read back from the PDF. */
function truthOf(annex: AnnexData, v: ReportlabVariant, at: Located, producer: string, fonts: string[]): ReportlabTruth {
  const byId = new Map(at.rows.map((r) => [r.id, r]));
  const names = { title: 'Activiteit', status: 'Status', planning: 'Wanneer', owners: 'Wie', explanation: 'Toelichting' };
  return {
    name: v.name,
    description: v.description,
    generator: `scripts/reportlab-rendition/generate.ts --variant ${v.name}`,
    producer,
    pages: at.pages,
    pageSize: at.pageSize,
    tagged: at.tagged,
    font: { family: v.font.family, sizePt: v.font.sizePt, pdfFonts: fonts },
    columns: v.columns.map((c) => names[c]),
    statusCue: v.cue.shape,
    icon: { kind: v.cue.shape, sizePt: v.cue.sizePt, valign: v.cue.valign, pdf: { drawnAs: 'path' } },
    palette: Object.fromEntries(STATUS_LABELS.map((l, i) => [l, v.cue.palette[i]!])),
    statusFoundBy: 'icon',
    legendPlacement: v.legend,
    footnotePlacement: 'note-list',
    notePlacement: v.notes.placement,
    noteHeading: v.notes.heading.replace('{number}', 'N'),
    noteLabel: v.notes.label,
    actionLineLayout: v.actionLines,
    headerRepeated: v.headerRepeat,
    rules: v.rules,
    title: annex.title,
    actionLines: annex.actionLines.map((l) => ({ number: l.number, title: l.title, planningHeader: l.planningHeader })),
    activities: annex.activities.map((a) => {
      // A row starts at its title: ReportLab draws a row's cells left to right, and locate.ts looks
      // for Wanneer and Wie from where the previous explanation ended, so with those columns after
      // the Toelichting (both variants) it may find the previous row's equal values there.
      const r = byId.get(a.id)!;
      const pages = r.pages.filter((p) => p >= r.titlePage);
      return { id: a.id, actionLine: a.actionLine, title: a.title, status: a.status, planning: a.planning, owners: a.owners, footnotes: a.footnotes, page: r.titlePage, pages, split: pages.length > 1 };
    }),
    footnotes: annex.footnotes.map((f) => ({ number: f.number, text: f.text, page: at.notes.find((n) => n.number === f.number)!.page })),
  };
}

export const truthJson = (t: ReportlabTruth): string => `${JSON.stringify(t, null, 2)}\n`;

/** Lays out and reads back one variant; writes `<name>.pdf` and `<name>.truth.json` to `outDir`. */
export async function generateReportlab(v: ReportlabVariant, outDir: string): Promise<ReportlabTruth> {
  const annex = await loadAnnexData();
  const work = mkdtempSync(join(tmpdir(), `reportlab-rendition-${v.name}-`));
  try {
    const pdf = layOut(annex, v, work);
    const bytes = new Uint8Array(readFileSync(pdf));
    const at = await locateAnnex(bytes, annex, { notesBetweenTables: v.notes.placement === 'per-action-line' });
    if (Math.abs(at.pageSize[0] - v.pagePt[0]) > 1.5 || Math.abs(at.pageSize[1] - v.pagePt[1]) > 1.5) throw new Error(`${v.name}: page size ${at.pageSize.join('x')}`);
    const fonts = pdfFonts(pdf);
    if (!fonts.some((f) => f.startsWith(v.font.pdfFontPrefix))) throw new Error(`${v.name}: ${v.font.pdfFontPrefix}… not embedded (${fonts.join(', ')})`);
    const truth = truthOf(annex, v, at, producerVersion(), fonts);
    checkLayout(v, annex, at, truth);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `${v.name}.pdf`), bytes);
    writeFileSync(join(outDir, `${v.name}.truth.json`), truthJson(truth));
    return truth;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { variant: { type: 'string', multiple: true }, out: { type: 'string' }, check: { type: 'boolean' } } });
  const chosen = values.variant ? REPORTLAB_VARIANTS.filter((v) => values.variant!.includes(v.name)) : REPORTLAB_VARIANTS;
  if (values.variant && chosen.length !== values.variant.length) throw new Error(`unknown variant; known: ${REPORTLAB_VARIANTS.map((v) => v.name).join(', ')}`);
  const check = values.check ? mkdtempSync(join(tmpdir(), 'reportlab-check-')) : undefined;
  let failed = 0;
  try {
    for (const v of chosen) {
      try {
        const t = await generateReportlab(v, check ?? values.out ?? REPORTLAB_GENERATED_DIR);
        const perPage = Array.from({ length: t.pages }, (_, p) => t.activities.filter((a) => a.page === p + 1).length).join(',');
        let state = '';
        if (check) {
          const same = (f: string): boolean => Buffer.compare(readFileSync(join(check, f)), readFileSync(join(REPORTLAB_GENERATED_DIR, f))) === 0;
          const pdfSame = same(`${v.name}.pdf`);
          const truthSame = same(`${v.name}.truth.json`);
          state = `: truth ${truthSame ? 'up to date' : 'STALE'}, PDF ${pdfSame ? 'byte-identical' : 'differs'}`;
          if (!truthSame || !pdfSame) failed++;
        }
        console.log(`${t.name}: ${t.pages} pages, rows per page ${perPage}, ${t.activities.filter((a) => a.split).length} split, notes on pages ${[...new Set(t.footnotes.map((f) => f.page))].join(',')}, fonts ${t.font.pdfFonts.join(' ')}${state}`);
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
