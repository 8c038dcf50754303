/**
 * Generates Word-made renditions of the 2024 NAP annex: a .docx per variant (docx package),
 * converted by LibreOffice to tagged and/or untagged PDF, with a truth file read back from the PDF.
 *
 *   npx tsx scripts/word-rendition/generate.ts                         # all variants → fixtures/word-generated/
 *   npx tsx scripts/word-rendition/generate.ts --variant NAME [--out DIR]
 *
 * Needs LibreOffice (`soffice`) and the fonts Carlito, Liberation Sans, DejaVu Sans (see scripts/word-rendition/README.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { COLUMNS } from '../../src/model/vocabulary.js';
import { STATUS_LABELS, loadAnnexData, type AnnexData } from '../pdf-rendition/annex-data.js';
import type { TruthActivity } from '../pdf-rendition/render.js';
import { buildDocx, leadingRows, pageSizePt } from './docx-build.js';
import { markersAtLineStart, openPdf, pageTexts, readBack, structRoles, type ReadBack } from './read-back.js';
import { WORD_VARIANTS, type WordVariant } from './variants.js';

export const WORD_FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/word-generated/', import.meta.url));
/** Commit the .docx next to the PDFs when it is at most this big. */
const DOCX_COMMIT_LIMIT = 100 * 1024;

/**
 * One activity row as the PDF shows it: as in the pdf-rendition truth, but `split` names the
 * columns whose text continues on a later page (Status never: its cue sits on the first line).
 */
export type WordTruthActivity = Omit<TruthActivity, 'split'> & { split: string[] };

export interface WordTruth {
  name: string;
  description: string;
  generator: string;
  /** The PDF files made from the one .docx, and whether each is tagged. */
  pdfs: Array<{ file: string; tagged: boolean }>;
  tagged: boolean | 'both';
  pages: number;
  pageSize: [number, number];
  font: { word: string; embedded: string; sizePt: number; pdfFonts: string[] };
  icon: {
    kind: WordVariant['cue']['kind'];
    /** The character typed in Word (glyph cues). */
    glyph?: string;
    /** What the PDF carries: code point and font of the glyph, or how the cue is drawn (`label`: the legend label as coloured text). */
    pdf: { drawnAs: 'text' | 'path' | 'image' | 'cell-fill' | 'label'; codePoint?: string; font?: string };
  };
  statusCue: WordVariant['cue']['kind'];
  palette: Record<string, string>;
  legendPlacement: WordVariant['legend'];
  footnotePlacement: WordVariant['notes'];
  bullets: { kind: 'symbol-font'; font: 'Symbol'; char: string; pdf: string[] };
  sectionRows: WordVariant['sectionRows'];
  repeatedHeaderRows: number;
  /** Written only when the variant sets them (older truth files stay as they were): */
  rules?: 'grid' | 'none';
  lineSpacing?: number;
  pageNumber?: WordVariant['pageNumber'];
  /** The merged first column "Actielijn": its header text. */
  actionLineColumn?: string;
  noteNumbering?: WordVariant['noteNumbering'];
  noteHeading?: string | null;
  footnoteNumbering?: WordVariant['footnoteNumbering'];
  /** How the reader should find statuses (`text` for a status printed in words). */
  statusFoundBy?: 'icon' | 'text';
  /** Footnote markers the PDF shows alone at the start of a Toelichting line (read back from the glyph positions). */
  markersAtLineStart?: Array<{ number: number; id: string; page: number }>;
  title: string;
  actionLines: Array<{ number: number; title: string; planningHeader: string; pages: number[] }>;
  activities: WordTruthActivity[];
  /** `label`: the label the note is printed with, where numbering restarts on each page or is in letters (read back). */
  footnotes: Array<{ number: number; text: string; page: number; label?: string }>;
}

const TAGGED_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}';
const UNTAGGED_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"false"}}';

/** Converts `docx` with LibreOffice into `outDir` (same base name, .pdf) and returns the PDF bytes. */
function convert(docx: string, outDir: string, filter: string, profile: string): Uint8Array {
  mkdirSync(outDir, { recursive: true });
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, docx], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
  return new Uint8Array(readFileSync(join(outDir, docx.split('/').pop()!.replace(/\.docx$/, '.pdf'))));
}

/** The fonts embedded in a PDF (pdffonts), subset prefixes removed. */
function pdfFonts(file: string): string[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return [...new Set(out.split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')))].sort();
}

/**
 * Checks the catalog: tagged → /StructTreeRoot and /MarkInfo present; untagged → neither. A
 * tagged table has TH cells only where its header row repeats (LibreOffice tags a header row that
 * is not marked "repeat as header row" as TD).
 */
async function checkTagging(file: string, bytes: Uint8Array, tagged: boolean, headerRepeats = true): Promise<void> {
  const trailer = execFileSync('qpdf', ['--show-object=trailer', file], { encoding: 'utf8' });
  const root = /\/Root (\d+) (\d+) R/.exec(trailer);
  if (!root) throw new Error(`${file}: no /Root in the trailer`);
  const cat = execFileSync('qpdf', [`--show-object=${root[1]},${root[2]}`, file], { encoding: 'utf8' });
  const has = cat.includes('/StructTreeRoot') || cat.includes('/MarkInfo');
  if (has !== tagged) throw new Error(`${file}: expected ${tagged ? 'a' : 'no'} StructTreeRoot/MarkInfo in the catalog`);
  const doc = await openPdf(bytes);
  const roles = await structRoles(doc);
  await doc.destroy();
  if (tagged) {
    for (const r of ['Table', 'TR', ...(headerRepeats ? ['TH'] : []), 'TD', 'L', 'LI']) if (!roles.has(r)) throw new Error(`${file}: no ${r} in the structure tree`);
  } else if (roles.size > 0) throw new Error(`${file}: untagged export has structure roles ${[...roles].join(',')}`);
}

/** Locates each footnote text, in number order, on the pages (whitespace-free prefix search, moving forward). */
function footnotePages(annex: AnnexData, rb: ReadBack, firstPossible: (n: number) => number): Array<{ number: number; text: string; page: number }> {
  let page = 1;
  let from = 0;
  return annex.footnotes.map((f) => {
    const key = f.text.replace(/\s+/g, '').slice(0, 24);
    const start = Math.max(page, firstPossible(f.number));
    if (start > page) from = 0;
    for (let p = start; p <= rb.pages; p++) {
      const at = rb.pageText[p - 1]!.indexOf(key, p === page ? from : 0);
      if (at >= 0) {
        page = p;
        from = at + key.length;
        return { number: f.number, text: f.text, page: p };
      }
    }
    throw new Error(`footnote ${f.number} text not found from page ${start}`);
  });
}

/**
 * The label each note is printed with on its page, read back: the text item right before the one
 * where the note's text starts (LibreOffice prints a footnote's number as an item of its own).
 * For numbering that restarts on each page or is in letters, where the label is not the note's number.
 */
function printedLabels(rb: ReadBack, footnotes: ReadonlyArray<{ number: number; text: string; page: number }>): string[] {
  // Notes in order, moving forward on each page: two notes may start alike (`Kamerstukken II 2022/23, 34843, nr. 80` and `… nr. 67`).
  let page = 0;
  let from = 1;
  return footnotes.map((f) => {
    if (f.page !== page) [page, from] = [f.page, 1];
    const items = rb.pageItems[f.page - 1]!;
    const key = f.text.replace(/\s+/g, '').slice(0, 24);
    // The note's words may also be printed in a cell above it: a start counts only right after a label.
    for (let i = from; i < items.length; i++) {
      if (!/^(?:\d{1,3}|([a-z])\1{0,3})$/.test(items[i - 1]!) || !items.slice(i, i + 12).join('').startsWith(key)) continue;
      from = i + 1;
      return items[i - 1]!;
    }
    throw new Error(`footnote ${f.number}: no label item before its text on page ${f.page}`);
  });
}

/** Builds the truth from the annex data and the read-back of the tagged PDF. */
function buildTruth(annex: AnnexData, v: WordVariant, rb: ReadBack, pdfs: WordTruth['pdfs'], fonts: string[]): WordTruth {
  const activities: WordTruthActivity[] = [];
  // With the merged first column "Actielijn", the header has a sixth cell first and the table has
  // no separate `Actielijn N` row; an activity row's tags hold only its five own cells (LibreOffice
  // tags a vertically merged cell once, in the row where the merge starts).
  const lead = leadingRows(v);
  const shift = v.actionLineColumn !== undefined ? 1 : 0;
  const actionLines = annex.actionLines.map((line, t) => {
    const rows = rb.tables[t]!;
    const header = (rb.lines[t]![0] ?? []).map((cell) => (cell ?? []).join(' ').replace(/\s+/g, ' ').trim()).slice(shift);
    const wantHeader = [...COLUMNS.slice(0, 2), line.planningHeader, ...COLUMNS.slice(3)];
    if (shift === 1) {
      const first = (rb.lines[t]![0]?.[0] ?? []).join(' ').trim();
      const merged = (rb.lines[t]![1]?.[0] ?? []).join(' ').trim();
      if (first !== 'Actielijn' || merged !== `Actielijn ${line.number}`) throw new Error(`${v.name} table ${line.number}: first column reads "${first}" / "${merged}"`);
    }
    // `Oorspronkelijke planning` (Actielijn 4) is compared without white space: a narrow column may
    // break the word (`Oorspronkelij|ke`) as Word does. Every other header must read back exactly.
    const loose = (cells: string[]): string => cells.map((c, i) => (i === 2 && line.number === 4 ? c.replace(/\s+/g, '') : c)).join('|');
    if (loose(header) !== loose(wantHeader)) throw new Error(`${v.name} table ${line.number}: header reads ${JSON.stringify(header)}`);
    const acts = annex.activities.filter((a) => a.actionLine === line.number);
    acts.forEach((a, i) => {
      const cells = rows[lead + i]!;
      const cellLines = rb.lines[t]![lead + i]!;
      if (cells.length > 5) throw new Error(`${v.name} ${a.id}: ${cells.length} tagged cells in an activity row`);
      const pages = [...new Set(cells.flatMap((c) => c ?? []))].sort((x, y) => x - y);
      if (pages.length === 0) throw new Error(`${a.id}: row not found in the PDF`);
      const titlePages = cells[0] ?? [];
      if (titlePages[0] !== pages[0]) throw new Error(`${a.id}: title does not start on the row's first page`);
      // Activiteit, Wanneer and Wie must read back exactly: lines joined by a space, or directly after
      // a line-end hyphen (`Regerings-` + `commissaris`). A word broken inside means a too-narrow column.
      for (const [c, want] of [[0, a.title], [2, a.planning], [3, a.owners]] as const) {
        const got = (cellLines[c] ?? [])
          .map((l) => l.trim())
          .reduce((acc, l) => (acc === '' ? l : acc.endsWith('-') ? acc + l : `${acc} ${l}`), '')
          .replace(/\s+/g, ' ');
        // A line that ends in a hyphen cannot show whether a space followed it (`2023- 2025`).
        if (got.replace(/- /g, '-') !== want.replace(/\s+/g, ' ').replace(/- /g, '-')) {
          throw new Error(`${v.name} ${a.id} ${COLUMNS[c]}: PDF reads "${got}", data "${want}" (widen the column)`);
        }
      }
      if (v.cue.kind === 'words') {
        const label = (cellLines[1] ?? []).map((l) => l.trim()).join(' ').replace(/\s+/g, ' ');
        if (label !== a.status) throw new Error(`${v.name} ${a.id} Status: PDF reads "${label}", data "${a.status}"`);
      }
      // Status is split only where it is printed in words (a cue sits on the first line).
      const split = COLUMNS.filter((_, c) => (c !== 1 || v.cue.kind === 'words') && (cells[c]?.length ?? 0) > 1);
      activities.push({
        id: a.id,
        actionLine: a.actionLine,
        title: a.title,
        status: a.status,
        planning: a.planning,
        owners: a.owners,
        footnotes: a.footnotes,
        page: pages[0]!,
        pages,
        split: [...split],
      });
    });
    return { ...line, pages: rb.tablePages[t]! };
  });
  const byNumber = new Map(activities.flatMap((a) => a.footnotes.map((n) => [n, a.page] as const)));
  const footnotes = footnotePages(annex, rb, (n) => (v.notes === 'footnotes' ? byNumber.get(n) ?? 1 : activities.at(-1)!.page));
  if (v.notes === 'footnotes') {
    // A footnote sits on the page of its marker, or (no room left there) at the top of the next page's notes.
    for (const a of activities) {
      for (const n of a.footnotes) {
        const fp = footnotes[n - 1]!.page;
        if (fp < a.page || fp > a.pages.at(-1)! + 1) throw new Error(`footnote ${n} printed on page ${fp}, its row ${a.id} is on ${a.pages.join(',')}`);
      }
    }
  }
  const labels = v.footnoteNumbering !== undefined ? printedLabels(rb, footnotes) : null;
  if (labels !== null && !footnotes.some((f, i) => labels[i] !== String(f.number))) throw new Error(`${v.name}: footnote labels are plain numbers (every label is its number)`);
  const chars = [...rb.specialChars.keys()];
  const bulletFonts = chars.filter((k) => k.startsWith('U+F0B7 ')).map((k) => k.slice(7));
  if (bulletFonts.length === 0) throw new Error(`${v.name}: no U+F0B7 bullet in the text layer`);
  const icon = cueInPdf(v, rb, chars);
  return {
    name: v.name,
    description: v.description,
    generator: 'scripts/word-rendition/generate.ts',
    pdfs,
    tagged: v.exports.length === 2 ? 'both' : v.exports[0] === 'tagged',
    pages: rb.pages,
    pageSize: rb.pageSize,
    font: { ...v.font, pdfFonts: fonts },
    icon: { kind: v.cue.kind, ...(v.cue.glyph ? { glyph: v.cue.glyph } : {}), pdf: icon },
    statusCue: v.cue.kind,
    palette: Object.fromEntries(STATUS_LABELS.map((l, i) => [l, v.palette[i]!])),
    legendPlacement: v.legend,
    footnotePlacement: v.notes,
    bullets: { kind: 'symbol-font', font: 'Symbol', char: 'U+F0B7', pdf: bulletFonts.map((f) => `U+F0B7 ${f}`) },
    sectionRows: v.sectionRows,
    repeatedHeaderRows: v.repeatRows,
    ...(v.rules !== undefined ? { rules: v.rules } : {}),
    ...(v.lineSpacing !== undefined ? { lineSpacing: v.lineSpacing } : {}),
    ...(v.pageNumber !== undefined ? { pageNumber: v.pageNumber } : {}),
    ...(v.actionLineColumn !== undefined ? { actionLineColumn: 'Actielijn' } : {}),
    ...(v.noteNumbering !== undefined ? { noteNumbering: v.noteNumbering } : {}),
    ...(v.noteHeading !== undefined ? { noteHeading: v.noteHeading } : {}),
    ...(v.footnoteNumbering !== undefined ? { footnoteNumbering: v.footnoteNumbering } : {}),
    ...(v.cue.kind === 'words' ? { statusFoundBy: 'text' as const } : {}),
    title: annex.title,
    actionLines,
    activities,
    footnotes: labels !== null ? footnotes.map((f, i) => ({ ...f, label: labels[i]! })) : footnotes,
  };
}

/** What the status cue became in the PDF, checked against the operators and text layer. */
function cueInPdf(v: WordVariant, rb: ReadBack, chars: string[]): WordTruth['icon']['pdf'] {
  const cues = 83 + 5;
  switch (v.cue.kind) {
    case 'wingdings-glyph':
    case 'unicode-glyph': {
      const cp = `U+${v.cue.glyph!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      const hits = chars.filter((k) => k.startsWith(`${cp} `));
      const count = hits.reduce((n, k) => n + rb.specialChars.get(k)!, 0);
      const expected = v.legend === 'page-1' || v.legend === 'legenda-block' ? cues : undefined;
      if (count === 0 || (expected !== undefined && count !== expected)) throw new Error(`${v.name}: ${count} ${cp} glyphs in the text layer`);
      return { drawnAs: 'text', codePoint: cp, font: hits.map((k) => k.slice(cp.length + 1)).join(', ') };
    }
    case 'inline-shape':
      if (rb.imagePaints !== 0) throw new Error(`${v.name}: inline shapes came out as ${rb.imagePaints} images`);
      for (const c of v.palette) if (!rb.fillColours.has(c.toLowerCase())) throw new Error(`${v.name}: no path filled with ${c}`);
      return { drawnAs: 'path' };
    case 'picture':
      if (rb.imagePaints < cues) throw new Error(`${v.name}: ${rb.imagePaints} images, expected ≥ ${cues}`);
      return { drawnAs: 'image' };
    case 'shading':
      for (const c of v.palette) if (!rb.fillColours.has(c.toLowerCase())) throw new Error(`${v.name}: no cell filled with ${c}`);
      return { drawnAs: 'cell-fill' };
    case 'words':
      // Each activity's Status cell was read back as its label (buildTruth); the colours are the text's.
      for (const c of v.palette) if (!rb.textColours.has(c.toLowerCase())) throw new Error(`${v.name}: no text drawn in ${c}`);
      return { drawnAs: 'label' };
  }
}

/** Builds, converts and reads back one variant; writes PDFs, truth (and the .docx if small) to `outDir`. */
export async function generateWordVariant(v: WordVariant, outDir: string): Promise<WordTruth> {
  const annex = await loadAnnexData();
  const work = mkdtempSync(join(tmpdir(), `word-rendition-${v.name}-`));
  try {
    const docxBytes = await buildDocx(annex, v);
    const docx = join(work, `${v.name}.docx`);
    writeFileSync(docx, docxBytes);
    const profile = join(work, 'lo-profile');
    const tagged = convert(docx, join(work, 'tagged'), TAGGED_FILTER, profile);
    const taggedFile = join(work, 'tagged', `${v.name}.pdf`);
    await checkTagging(taggedFile, tagged, true, v.repeatRows > 0);
    const sizes = annex.actionLines.map((l) => leadingRows(v) + annex.activities.filter((a) => a.actionLine === l.number).length);
    const rb = await readBack(tagged, sizes);
    const [pw, ph] = pageSizePt(v);
    if (Math.abs(rb.pageSize[0] - pw) > 1 || Math.abs(rb.pageSize[1] - ph) > 1) throw new Error(`${v.name}: page size ${rb.pageSize.join('x')}`);
    const pdfs: WordTruth['pdfs'] = [];
    const outputs: Array<[string, Uint8Array]> = [];
    const suffix = (t: boolean): string => (v.exports.length === 2 ? (t ? '-tagged' : '-untagged') : '');
    if (v.exports.includes('tagged')) {
      pdfs.push({ file: `${v.name}${suffix(true)}.pdf`, tagged: true });
      outputs.push([`${v.name}${suffix(true)}.pdf`, tagged]);
    }
    if (v.exports.includes('untagged')) {
      const untagged = convert(docx, join(work, 'untagged'), UNTAGGED_FILTER, profile);
      await checkTagging(join(work, 'untagged', `${v.name}.pdf`), untagged, false);
      // Same .docx, same layout: the untagged PDF's pages must read exactly like the tagged one's.
      const [a, b] = [await pageTexts(tagged), await pageTexts(untagged)];
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${v.name}: tagged and untagged exports differ in text`);
      pdfs.push({ file: `${v.name}${suffix(false)}.pdf`, tagged: false });
      outputs.push([`${v.name}${suffix(false)}.pdf`, untagged]);
    }
    const truth = buildTruth(annex, v, rb, pdfs, pdfFonts(taggedFile));
    await checkMustShow(v, truth, tagged, annex);
    for (const f of truth.font.pdfFonts) {
      if (/Calibri|Arial|Verdana/.test(f)) throw new Error(`${v.name}: font ${f} not substituted`);
    }
    if (!truth.font.pdfFonts.some((f) => f.replace(/\s/g, '').startsWith(v.font.embedded.replace(/\s/g, '')))) {
      throw new Error(`${v.name}: ${v.font.embedded} not embedded (${truth.font.pdfFonts.join(', ')})`);
    }
    mkdirSync(outDir, { recursive: true });
    for (const [file, bytes] of outputs) writeFileSync(join(outDir, file), bytes);
    if (docxBytes.length <= DOCX_COMMIT_LIMIT) writeFileSync(join(outDir, `${v.name}.docx`), docxBytes);
    writeFileSync(join(outDir, `${v.name}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);
    return truth;
  } finally {
    if (!process.env.KEEP_WORK) rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The layout facts a variant was made to show (`mustShow`), found in the PDF: footnote markers
 * alone at the start of a Toelichting line (recorded in the truth), a Status cell broken by a page end.
 */
async function checkMustShow(v: WordVariant, truth: WordTruth, pdf: Uint8Array, annex: AnnexData): Promise<void> {
  const want = v.mustShow;
  if (!want) return;
  if (want.statusSplitByPage) {
    const split = truth.activities.filter((a) => a.split.includes('Status'));
    if (split.length === 0) throw new Error(`${v.name}: no Status cell is broken by a page end (tune the page or margins)`);
  }
  if (want.markersAtLineStart !== undefined) {
    const citing = new Map(annex.activities.flatMap((a) => a.footnotes.map((n) => [n, a.id] as const)));
    const found = (await markersAtLineStart(pdf)).map((m) => ({ number: m.number, id: citing.get(m.number) ?? '?', page: m.page }));
    if (found.length < want.markersAtLineStart) {
      throw new Error(`${v.name}: ${found.length} footnote markers alone at a line start (${found.map((m) => m.number).join(', ')}), want ${want.markersAtLineStart} (tune the Toelichting width)`);
    }
    truth.markersAtLineStart = found;
  }
}

function summary(t: WordTruth): string {
  const splits = COLUMNS.map((c) => `${c}:${t.activities.filter((a) => a.split.includes(c)).length}`).join(' ');
  return `${t.name}: ${t.pages} pages, split rows ${splits}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { variant: { type: 'string', multiple: true }, out: { type: 'string' } } });
  const chosen = values.variant ? WORD_VARIANTS.filter((v) => values.variant!.includes(v.name)) : WORD_VARIANTS;
  if (values.variant && chosen.length !== values.variant.length) {
    throw new Error(`unknown variant; known: ${WORD_VARIANTS.map((v) => v.name).join(', ')}`);
  }
  let failed = 0;
  for (const v of chosen) {
    try {
      console.log(summary(await generateWordVariant(v, values.out ?? WORD_FIXTURE_DIR)));
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
