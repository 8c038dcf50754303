/**
 * Reads a LibreOffice-made tagged PDF back to find where things landed: for every table row and
 * cell the pages that carry its content (from the structure tree: `Table/TR/TD` elements and the
 * marked-content ids of their text), where each footnote text is printed, and what the status cue
 * became in the PDF (font and code point of a glyph, vector paths, images). Nothing here is
 * guessed from the layout: a value the PDF does not show is an error.
 */
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** Per table (document order), per row, per cell: the pages where that cell has visible text. */
export type CellPages = number[][][][];

/** What the PDF shows of a tagged export. */
export interface ReadBack {
  pages: number;
  pageSize: [number, number];
  /** tables[t][row][cell] = sorted page numbers with text in that cell. */
  tables: CellPages;
  /** lines[t][row][cell] = the cell's marked-content texts (about one per printed line), across pages in order. */
  lines: string[][][][];
  /** Sorted pages on which each table has any tagged content. */
  tablePages: number[][];
  /** Whitespace-free text per page (for locating notes). */
  pageText: string[];
  /** The page's text items, each whitespace-free, empty ones left out (for reading a note's printed label). */
  pageItems: string[][];
  /** Count per character (code point hex) and PDF font name, of characters outside Basic Latin/Latin-1 letters. */
  specialChars: Map<string, number>;
  /** Operator counts over all pages: image paints and path fills. */
  imagePaints: number;
  pathFills: number;
  /** Per page: distinct fill colours (#rrggbb) used for path fills. */
  fillColours: Set<string>;
  /** Distinct fill colours (#rrggbb) text was drawn in. */
  textColours: Set<string>;
}

/** The structure kinds pdfjs reports for the whole document (role names), to check tagging. */
export async function structRoles(doc: PDFDocumentProxy): Promise<Set<string>> {
  const roles = new Set<string>();
  for (let p = 1; p <= doc.numPages; p++) {
    const tree = (await (await doc.getPage(p)).getStructTree()) as StructNode | null;
    const walk = (n: StructNode): void => {
      if (n.role) roles.add(n.role);
      for (const c of n.children ?? []) walk(c);
    };
    if (tree) walk(tree);
  }
  return roles;
}

/** Rows of a legend printed as a table (one per status). */
const LEGEND_ROWS = 5;

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

function tablesOf(n: StructNode, out: StructNode[] = []): StructNode[] {
  if (n.role === 'Table') out.push(n);
  else for (const c of n.children ?? []) tablesOf(c, out);
  return out;
}

function contentIds(n: StructNode, out: string[] = []): string[] {
  if (n.type === 'content' && n.id) out.push(n.id);
  for (const c of n.children ?? []) contentIds(c, out);
  return out;
}

async function textByMarkedContent(page: PDFPageProxy): Promise<Map<string, string>> {
  const tc = await page.getTextContent({ includeMarkedContent: true });
  const byId = new Map<string, string>();
  const open: string[] = [];
  for (const it of tc.items) {
    if ('type' in it) {
      if (it.type === 'beginMarkedContentProps' || it.type === 'beginMarkedContent') open.push(it.id ?? '');
      else if (it.type === 'endMarkedContent') open.pop();
    } else if (open.length > 0) {
      const id = open[open.length - 1]!;
      if (id !== '') byId.set(id, (byId.get(id) ?? '') + it.str);
    }
  }
  return byId;
}

function rgbHex(args: unknown[]): string {
  const first = args[0];
  if (typeof first === 'string') return first.toLowerCase();
  return `#${(args as number[]).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Reads a tagged PDF. `tableSizes` are the expected row counts of the tables in document order;
 * a page's tables are identified by their row count (each action line's table has a distinct one).
 */
export async function readBack(bytes: Uint8Array, tableSizes: number[]): Promise<ReadBack> {
  const doc = await openPdf(bytes);
  if (new Set(tableSizes).size !== tableSizes.length) throw new Error('table sizes must be distinct to identify tables');
  const tables: CellPages = tableSizes.map((n) => Array.from({ length: n }, () => [] as number[][]));
  const tablePages: number[][] = tableSizes.map(() => []);
  const lines: string[][][][] = tableSizes.map((n) => Array.from({ length: n }, () => [] as string[][]));
  const pageText: string[] = [];
  const pageItems: string[][] = [];
  const specialChars = new Map<string, number>();
  const fillColours = new Set<string>();
  const textColours = new Set<string>();
  let imagePaints = 0;
  let pathFills = 0;
  const first = await doc.getPage(1);
  const [x0, y0, x1, y1] = first.view as [number, number, number, number];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const tree = (await page.getStructTree()) as StructNode | null;
    if (!tree) throw new Error(`page ${p} has no structure tree: not a tagged PDF`);
    const text = await textByMarkedContent(page);
    for (const table of tablesOf(tree)) {
      const rows = (table.children ?? []).filter((c) => c.role === 'TR');
      const t = tableSizes.indexOf(rows.length);
      if (t < 0 && rows.length === LEGEND_ROWS) continue; // the legend as a table of shaded cells
      if (t < 0) throw new Error(`page ${p}: a table with ${rows.length} rows matches no action line`);
      let any = false;
      rows.forEach((row, r) => {
        const cells = (row.children ?? []).filter((c) => c.role === 'TD' || c.role === 'TH');
        cells.forEach((cellNode, c) => {
          const texts = contentIds(cellNode).map((id) => text.get(id) ?? '');
          if (!texts.some((x) => x.trim() !== '')) return;
          (lines[t]![r]![c] ??= []).push(...texts.filter((x) => x.trim() !== ''));
          any = true;
          const slot = (tables[t]![r]![c] ??= []);
          if (!slot.includes(p)) slot.push(p);
        });
      });
      if (any && !tablePages[t]!.includes(p)) tablePages[t]!.push(p);
    }
    // Plain text of the page and its special characters, with the PDF font that draws them.
    await page.getOperatorList(); // loads fonts into commonObjs
    const tc = await page.getTextContent();
    pageText.push(tc.items.map((it) => ('str' in it ? it.str : '')).join('').replace(/\s+/g, ''));
    pageItems.push(tc.items.map((it) => ('str' in it ? it.str.replace(/\s+/g, '') : '')).filter((t) => t !== ''));
    for (const it of tc.items) {
      if (!('str' in it)) continue;
      for (const ch of it.str) {
        const cp = ch.codePointAt(0)!;
        if (cp < 0x2000 && cp !== 0xb7) continue;
        let font = it.fontName;
        try {
          font = (page.commonObjs.get(it.fontName) as { name?: string }).name ?? font;
        } catch {
          /* font not loaded: keep the loaded name */
        }
        const key = `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${font}`;
        specialChars.set(key, (specialChars.get(key) ?? 0) + 1);
      }
    }
    const ops = await page.getOperatorList();
    let fill = '#000000';
    ops.fnArray.forEach((fn, i) => {
      if (fn === OPS.setFillRGBColor) fill = rgbHex(ops.argsArray[i] as unknown[]);
      else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) imagePaints++;
      else if (fn === OPS.showText || fn === OPS.showSpacedText) textColours.add(fill);
      else if (fn === OPS.constructPath) {
        const args = ops.argsArray[i] as unknown[];
        // pdfjs 5 folds the paint operator into constructPath: args[0] is the paint op.
        if (args[0] === OPS.fill || args[0] === OPS.eoFill || args[0] === OPS.fillStroke || args[0] === OPS.eoFillStroke) {
          pathFills++;
          fillColours.add(fill);
        }
      } else if (fn === OPS.fill || fn === OPS.eoFill) {
        pathFills++;
        fillColours.add(fill);
      }
    });
  }
  const pages = doc.numPages;
  await doc.destroy();
  for (const t of tables) for (const row of t) for (const cell of row) cell?.sort((a, b) => a - b);
  return {
    pages,
    pageSize: [Math.round((x1 - x0) * 100) / 100, Math.round((y1 - y0) * 100) / 100],
    tables,
    lines,
    tablePages,
    pageText,
    pageItems,
    specialChars,
    imagePaints,
    pathFills,
    fillColours,
    textColours,
  };
}

/** A footnote marker drawn alone at the start of a Toelichting line. */
export interface MarkerAtLineStart {
  number: number;
  page: number;
  /** Baseline start in PDF user space (y up). */
  x: number;
  y: number;
}

/**
 * Footnote markers (digits drawn smaller than the body, raised) with nothing to their left on
 * their line inside the Toelichting column: a marker that wrapped alone onto the next line. The
 * column starts at the `Toelichting` header text (carried over pages that print no header);
 * notes at the page bottom start left of it and are not counted. Any PDF, tagged or not.
 */
export async function markersAtLineStart(bytes: Uint8Array): Promise<MarkerAtLineStart[]> {
  const doc = await openPdf(bytes);
  const out: MarkerAtLineStart[] = [];
  let columnX: number | undefined;
  for (let p = 1; p <= doc.numPages; p++) {
    const tc = await (await doc.getPage(p)).getTextContent();
    const items = tc.items
      .filter((it): it is typeof it & { str: string; transform: number[]; width: number; height: number } => 'str' in it && it.str.trim() !== '')
      .map((it) => ({ str: it.str.trim(), x: it.transform[4]!, y: it.transform[5]!, w: it.width, h: it.height }));
    const header = items.find((it) => it.str === 'Toelichting');
    if (header) columnX = header.x;
    if (columnX === undefined || items.length === 0) continue;
    const colX = columnX;
    const heights = items.map((it) => it.h).sort((a, b) => a - b);
    const body = heights[Math.floor(heights.length / 2)]!;
    for (const m of items) {
      if (!/^\d+$/.test(m.str) || m.h >= body * 0.8 || m.x < colX - 1) continue;
      // The marker is raised: its line's baseline lies up to 0.6 body sizes below it.
      const left = items.some((o) => o !== m && o.y > m.y - body * 0.6 && o.y < m.y + body * 0.05 && o.x < m.x - 0.5 && o.x >= colX - 1);
      if (!left) out.push({ number: Number(m.str), page: p, x: m.x, y: m.y });
    }
  }
  await doc.destroy();
  return out;
}

/** Plain text per page (whitespace removed) of any PDF, tagged or not. */
export async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await openPdf(bytes);
  const out: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const tc = await (await doc.getPage(p)).getTextContent();
    out.push(tc.items.map((it) => ('str' in it ? it.str : '')).join('').replace(/\s+/g, ''));
  }
  await doc.destroy();
  return out;
}
