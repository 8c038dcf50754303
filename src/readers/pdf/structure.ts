/**
 * The structure tree of a tagged PDF page (Word's "Save as PDF" and LibreOffice tag by default):
 * which marked content belongs to which table row (TR), which to a note (Note) or a list label
 * (Lbl). pdfjs serialises each page's tree (`page.getStructTree()`): element nodes
 * `{ role, children }` and content leaves `{ type: 'content', id: 'p12R_mc3' }` whose id is the
 * one the glyph chunks and drawing operators carry (see glyph-chunks.ts, graphics.ts; on a page
 * read with pdfjs's text items, text.ts).
 *
 * A table node in that tree lists all its rows, also those printed on other pages (pdfjs expands
 * Table/TR kids for every page the table touches), so a row keeps the same index in its table on
 * every page: a TR with content on two pages is one row split by the page break. A table is
 * identified by its shape (rows and cells per row), which is the same on every page it spans.
 */

/** A node of pdfjs's serialised structure tree. */
export interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** A table row (TR) of the structure tree: the table's shape and the row's index in it. */
export interface TaggedRow {
  /** Shape of the table the row belongs to (`rows:cells,cells,…`): equal on every page the table spans. */
  table: string;
  /** 0-based index of the row among all rows of its table. */
  index: number;
  /** The row's cells are TH (header cells). */
  header: boolean;
}

/** What the layout needs from one page's structure tree. */
export interface PageStructure {
  /** Content id → the table row it belongs to. */
  rowOf: Map<string, TaggedRow>;
  /** Content ids inside Note elements (footnotes and endnotes). */
  notes: Set<string>;
  /** Content ids inside list labels (Lbl: the bullet or number of a list item). */
  labels: Set<string>;
}

/** Roles as written by Word and LibreOffice; role maps (`Standard` → P) do not concern rows. */
const ROW = 'TR';
const TABLE = 'Table';
const HEADER_CELL = 'TH';
const ROW_GROUPS = new Set(['THead', 'TBody', 'TFoot']);

/** Deepest nesting followed (pdfjs itself stops at 40); deeper trees are read as far as this. */
const MAX_DEPTH = 64;

/**
 * Reads a page's serialised structure tree into rows, notes and list labels. Returns null for an
 * untagged page (no tree). Pure; linear in the tree.
 */
export function readStructure(root: StructNode | null | undefined): PageStructure | null {
  if (!root) return null;
  const out: PageStructure = { rowOf: new Map(), notes: new Set(), labels: new Set() };
  const visit = (node: StructNode, depth: number, inNote: boolean, inLabel: boolean): void => {
    if (depth > MAX_DEPTH) return;
    if (node.role === TABLE) {
      readTable(node, out, depth);
      return;
    }
    const note = inNote || node.role === 'Note' || node.role === 'Footnote' || node.role === 'Endnote';
    const label = inLabel || node.role === 'Lbl';
    for (const child of node.children ?? []) {
      if (child.type === 'content' && typeof child.id === 'string') {
        if (note) out.notes.add(child.id);
        if (label) out.labels.add(child.id);
      } else visit(child, depth + 1, note, label);
    }
  };
  visit(root, 0, false, false);
  return out;
}

function readTable(table: StructNode, out: PageStructure, depth: number): void {
  const rows: StructNode[] = [];
  const collectRows = (node: StructNode, d: number): void => {
    if (d > MAX_DEPTH) return;
    for (const child of node.children ?? []) {
      if (child.role === ROW) rows.push(child);
      else if (child.role !== undefined && ROW_GROUPS.has(child.role)) collectRows(child, d + 1);
    }
  };
  collectRows(table, depth);
  const cellsOf = (row: StructNode): StructNode[] => (row.children ?? []).filter((c) => c.role !== undefined);
  const shape = `${rows.length}:${rows.map((r) => cellsOf(r).length).join(',')}`;
  rows.forEach((row, index) => {
    const cells = cellsOf(row);
    const tagged: TaggedRow = { table: shape, index, header: cells.length > 0 && cells.every((c) => c.role === HEADER_CELL) };
    for (const cell of cells) {
      for (const { id, inLabel } of contentIds(cell, depth + 2)) {
        out.rowOf.set(id, tagged);
        if (inLabel) out.labels.add(id);
      }
    }
  });
}

/** Every content id below `node`, in tree order, and whether it sits inside a list label (Lbl). */
function contentIds(node: StructNode, depth: number): { id: string; inLabel: boolean }[] {
  const ids: { id: string; inLabel: boolean }[] = [];
  const walk = (n: StructNode, d: number, inLabel: boolean): void => {
    if (d > MAX_DEPTH) return;
    for (const child of n.children ?? []) {
      if (child.type === 'content' && typeof child.id === 'string') ids.push({ id: child.id, inLabel });
      else walk(child, d + 1, inLabel || child.role === 'Lbl');
    }
  };
  walk(node, depth, false);
  return ids;
}
