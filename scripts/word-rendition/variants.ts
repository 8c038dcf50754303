/**
 * The Word-made renditions of the 2024 annex: one entry per .docx, each converted by LibreOffice
 * into one PDF (or two: tagged and untagged). Colours differ from the pdf-rendition fixtures and
 * from variant to variant, so no reader can tune to them.
 */

/** How the Status cell shows the status; `words`: the legend label printed in the cell, in its colour. */
export type CueKind = 'wingdings-glyph' | 'unicode-glyph' | 'inline-shape' | 'picture' | 'shading' | 'words';

/** Where the status legend is printed (`none`: no legend; only with the `words` cue). */
export type LegendPlacement = 'page-1' | 'every-page' | 'per-action-line' | 'legenda-block' | 'none';

/** How a note list numbers its notes: superscript digits, or at body size `1.` (a Word numbered list), `1)` or `[1]` (typed). */
export type NoteNumbering = 'superscript' | 'dot' | 'paren' | 'bracket';

/** Where footnote texts go. */
export type FootnotePlacement = 'footnotes' | 'endnotes' | 'note-list';

export interface WordVariant {
  name: string;
  description: string;
  /** Page size in points, portrait [w, h]; `landscape` swaps them. */
  paper: 'A4' | 'A5';
  landscape: boolean;
  /** Page margins in mm (top, right, bottom, left). */
  marginsMm: [number, number, number, number];
  /** The font Word users pick, and the metric-compatible font set in the .docx so LibreOffice embeds it. */
  font: { word: string; embedded: string; sizePt: number };
  cue: { kind: CueKind; glyph?: string };
  /** Legend label order (STATUS_LABELS) → #rrggbb. */
  palette: [string, string, string, string, string];
  legend: LegendPlacement;
  notes: FootnotePlacement;
  /** Relative column widths: Activiteit, Status, Wanneer, Wie, Toelichting. */
  columns: [number, number, number, number, number];
  /** `Actielijn N` and goal rows: merged across the five columns, or in the first cell only. */
  sectionRows: 'merged' | 'first-cell';
  /**
   * Rows marked "repeat as header row": 1 = the column header only (Word's normal case); 3 = also
   * `Actielijn N` and the goal; 0 = none (the header is printed once, at the table's start).
   */
  repeatRows: 0 | 1 | 3;
  /** Table rules: a full grid (default), or none at all. */
  rules?: 'grid' | 'none';
  /** Line spacing of every paragraph, as a multiple of single (default 1). */
  lineSpacing?: number;
  /**
   * Page furniture: a page number centred in the footer of every page; or mirrored furniture as a
   * book prints it (different odd and even headers and footers: a running header on the outer side
   * of even pages only, a running footer on odd pages only, page numbers in lower-case Roman
   * numerals on the outer side of the footer).
   */
  pageNumber?: 'footer-centre' | 'mirrored-roman';
  /**
   * A sixth, first column "Actielijn" whose cell is merged vertically (w:vMerge) over the action
   * line's goal row and all its activity rows, holding `Actielijn N`; the goal spans the other five
   * columns and there is no separate `Actielijn N` row. Its relative width is `actionLineColumn`.
   */
  actionLineColumn?: number;
  /**
   * Footnotes only: their numbering restarts on each page (Word: Footnote → Numbering "Restart each
   * page"; LibreOffice "per page"), so each page's markers refer to that page's own notes; or their
   * number format is letters (Word: Number format "a, b, c"), notes a … y; or both.
   */
  footnoteNumbering?: 'restart-each-page' | 'letters' | 'letters-restart-each-page';
  /** Note list only: the numbering style (default superscript) and the heading above it (default "Noten"; null: none). */
  noteNumbering?: NoteNumbering;
  noteHeading?: string | null;
  /**
   * Layout facts the generator must find in the PDF (read back; generation fails otherwise), for
   * variants made to show them: at least this many footnote markers wrapped alone to the start of
   * a Toelichting line; at least one Status cell broken by a page end.
   */
  mustShow?: { markersAtLineStart?: number; statusSplitByPage?: boolean };
  /** Header row background (#rrggbb) or none. */
  headerFill?: string;
  /** Which PDFs to export from the .docx. */
  exports: Array<'tagged' | 'untagged'>;
}

export const WORD_VARIANTS: WordVariant[] = [
  {
    name: 'wingdings-a4-landscape-calibri',
    description:
      'Calibri (Carlito) 9 pt, A4 landscape, coloured Wingdings U+F06C dots, legend once on page 1, page-bottom footnotes, tagged',
    paper: 'A4',
    landscape: true,
    marginsMm: [20, 20, 20, 20],
    font: { word: 'Calibri', embedded: 'Carlito', sizePt: 9 },
    cue: { kind: 'wingdings-glyph', glyph: '\uF06C' },
    palette: ['#2e8b57', '#1f5fbf', '#7b4fa0', '#e08a1e', '#c0392b'],
    legend: 'page-1',
    notes: 'footnotes',
    columns: [20, 7, 9, 14, 50],
    sectionRows: 'merged',
    repeatRows: 1,
    headerFill: '#d9d9d9',
    exports: ['tagged'],
  },
  {
    name: 'unicode-a4-portrait-arial',
    description:
      'Arial (Liberation Sans) 8 pt, A4 portrait, coloured U+25CF ● in the text font, legend in the page header on every page, page-bottom footnotes, tagged',
    paper: 'A4',
    landscape: false,
    marginsMm: [15, 15, 15, 15],
    font: { word: 'Arial', embedded: 'Liberation Sans', sizePt: 8 },
    cue: { kind: 'unicode-glyph', glyph: '\u25CF' },
    palette: ['#4caf50', '#2196f3', '#9c27b0', '#ff9800', '#f44336'],
    legend: 'every-page',
    notes: 'footnotes',
    columns: [19, 7, 10, 19, 45],
    sectionRows: 'first-cell',
    repeatRows: 1,
    exports: ['tagged'],
  },
  {
    name: 'shape-a4-portrait-verdana',
    description:
      'Verdana (DejaVu Sans) 7.5 pt, A4 portrait, inline DrawingML shapes (filled squares), legend above each action line table, endnotes, tagged',
    paper: 'A4',
    landscape: false,
    marginsMm: [18, 15, 18, 15],
    font: { word: 'Verdana', embedded: 'DejaVu Sans', sizePt: 7.5 },
    cue: { kind: 'inline-shape' },
    palette: ['#228b22', '#4169e1', '#8a2be2', '#daa520', '#b22222'],
    legend: 'per-action-line',
    notes: 'endnotes',
    columns: [19, 8, 10, 20, 43],
    sectionRows: 'merged',
    repeatRows: 3,
    headerFill: '#dbe5f1',
    exports: ['tagged'],
  },
  {
    name: 'picture-a4-landscape-arial',
    description:
      'Arial (Liberation Sans) 9 pt, A4 landscape, PNG pictures of coloured circles, a "Legenda" block of its own, note list "Noten" at the end, tagged',
    paper: 'A4',
    landscape: true,
    marginsMm: [25, 25, 25, 25],
    font: { word: 'Arial', embedded: 'Liberation Sans', sizePt: 9 },
    cue: { kind: 'picture' },
    palette: ['#3a9d23', '#0072b2', '#a05195', '#e69f00', '#d55e00'],
    legend: 'legenda-block',
    notes: 'note-list',
    columns: [20, 7, 10, 16, 47],
    sectionRows: 'first-cell',
    repeatRows: 1,
    headerFill: '#e7e6e6',
    exports: ['tagged'],
  },
  {
    name: 'shading-a4-landscape-calibri',
    description:
      'Calibri (Carlito) 9 pt, A4 landscape, Status cell background shading, legend a small table of shaded cells on page 1, page-bottom footnotes; the same .docx exported tagged and untagged',
    paper: 'A4',
    landscape: true,
    marginsMm: [20, 18, 20, 18],
    font: { word: 'Calibri', embedded: 'Carlito', sizePt: 9 },
    cue: { kind: 'shading' },
    palette: ['#66bb6a', '#42a5f5', '#ab47bc', '#ffa726', '#ef5350'],
    legend: 'page-1',
    notes: 'footnotes',
    columns: [20, 6, 9, 14, 51],
    sectionRows: 'merged',
    repeatRows: 1,
    exports: ['tagged', 'untagged'],
  },
  {
    name: 'wingdings-a5-narrow-calibri',
    description:
      'Calibri (Carlito) 7 pt, A5 portrait, 6 mm side margins, narrow columns, coloured Wingdings dots, legend above each action line table, page-bottom footnotes, tagged; long cells split across pages',
    paper: 'A5',
    landscape: false,
    marginsMm: [8, 6, 8, 6],
    font: { word: 'Calibri', embedded: 'Carlito', sizePt: 7 },
    cue: { kind: 'wingdings-glyph', glyph: '\uF06C' },
    palette: ['#1b9e77', '#377eb8', '#984ea3', '#ff7f00', '#e41a1c'],
    legend: 'per-action-line',
    notes: 'footnotes',
    columns: [20, 9, 11, 21, 39],
    sectionRows: 'merged',
    repeatRows: 1,
    headerFill: '#d9d9d9',
    exports: ['tagged'],
  },
  {
    name: 'square-a5-narrow-arial',
    description:
      'Arial (Liberation Sans) 7 pt, A5 portrait, 6 mm side margins, narrow columns, coloured U+25A0 ■, legend once on page 1, endnotes, untagged; long cells split across pages',
    paper: 'A5',
    landscape: false,
    marginsMm: [7, 6, 13, 6],
    font: { word: 'Arial', embedded: 'Liberation Sans', sizePt: 7 },
    cue: { kind: 'unicode-glyph', glyph: '\u25A0' },
    palette: ['#00a087', '#3c5488', '#8491b4', '#f39b7f', '#dc0000'],
    legend: 'page-1',
    notes: 'endnotes',
    columns: [22, 11, 12, 25, 30],
    sectionRows: 'first-cell',
    repeatRows: 1,
    exports: ['untagged'],
  },
  {
    name: 'shading-a5-narrow-calibri',
    description:
      'Calibri (Carlito) 7.5 pt, A5 portrait, 6 mm side margins, narrow columns, Status cell shading, legend table in the page header on every page, note list "Noten", tagged; long cells split across pages',
    paper: 'A5',
    landscape: false,
    marginsMm: [8, 6, 8, 6],
    font: { word: 'Calibri', embedded: 'Carlito', sizePt: 7.5 },
    cue: { kind: 'shading' },
    palette: ['#5aae61', '#4393c3', '#9970ab', '#fdb863', '#d6604d'],
    legend: 'every-page',
    notes: 'note-list',
    columns: [21, 8, 11, 24, 36],
    sectionRows: 'merged',
    repeatRows: 1,
    headerFill: '#f2f2f2',
    exports: ['tagged'],
  },
  {
    name: 'shading-a5-portrait-times',
    description:
      'Times New Roman (Liberation Serif) 7.5 pt, A5 portrait, Status cell shading, legend above each action line table, endnotes, untagged; added after the reader was tuned (a shaded cell three lines tall at a page bottom was seen as a filled box, and its row split in two)',
    paper: 'A5',
    landscape: false,
    marginsMm: [12, 10, 12, 10],
    font: { word: 'Times New Roman', embedded: 'Liberation Serif', sizePt: 7.5 },
    cue: { kind: 'shading' },
    palette: ['#6aa84f', '#3d85c6', '#8e7cc3', '#f6b26b', '#e06666'],
    legend: 'per-action-line',
    notes: 'endnotes',
    columns: [22, 10, 12, 16, 40],
    sectionRows: 'first-cell',
    repeatRows: 1,
    exports: ['untagged'],
  },
  {
    name: 'unicode-a4-portrait-arialnarrow',
    description:
      'Arial Narrow (Liberation Sans Narrow) 7 pt, A4 portrait, coloured U+25CF ●, legend on every page, note list "Noten", tagged, action line and goal rows repeated on each page; added after the reader was tuned',
    paper: 'A4',
    landscape: false,
    marginsMm: [15, 12, 15, 12],
    font: { word: 'Arial Narrow', embedded: 'Liberation Sans Narrow', sizePt: 7 },
    cue: { kind: 'unicode-glyph', glyph: '\u25CF' },
    palette: ['#38761d', '#0b5394', '#674ea7', '#b45f06', '#990000'],
    legend: 'every-page',
    notes: 'note-list',
    columns: [16, 6, 9, 13, 56],
    sectionRows: 'merged',
    repeatRows: 3,
    headerFill: '#eeeeee',
    exports: ['tagged'],
  },
  // Layouts added for the reader's document-level table model: each changes one
  // convention the reader used to rely on, the rest kept to cues and notes it reads.
  {
    name: 'borderless-once-a4-landscape-calibri',
    description:
      'Calibri (Carlito) 9 pt, 1.5 line spacing, A4 landscape, no table rules at all, the column header printed once per action line (not repeated on later pages), Wingdings dots, legend on page 1, page-bottom footnotes, tagged',
    paper: 'A4',
    landscape: true,
    marginsMm: [20, 20, 20, 20],
    font: { word: 'Calibri', embedded: 'Carlito', sizePt: 9 },
    cue: { kind: 'wingdings-glyph', glyph: '\uF06C' },
    palette: ['#31a354', '#3182bd', '#756bb1', '#e6550d', '#de2d26'],
    legend: 'page-1',
    notes: 'footnotes',
    columns: [20, 7, 9, 14, 50],
    sectionRows: 'merged',
    repeatRows: 0,
    rules: 'none',
    lineSpacing: 1.5,
    headerFill: '#e0e0e0',
    exports: ['tagged'],
  },
  {
    name: 'borderless-pagenumber-a4-portrait-arial',
    description:
      'Arial (Liberation Sans) 8 pt, A4 portrait, no table rules, single spacing (the gap between rows equals the line spacing), header repeated, page number centred in the footer (under the Toelichting column), coloured ●, legend on page 1, page-bottom footnotes, untagged',
    paper: 'A4',
    landscape: false,
    marginsMm: [15, 15, 18, 15],
    font: { word: 'Arial', embedded: 'Liberation Sans', sizePt: 8 },
    cue: { kind: 'unicode-glyph', glyph: '\u25CF' },
    palette: ['#238b45', '#2171b5', '#6a51a3', '#d94801', '#cb181d'],
    legend: 'page-1',
    notes: 'footnotes',
    columns: [18, 7, 9, 12, 54],
    sectionRows: 'merged',
    repeatRows: 1,
    rules: 'none',
    pageNumber: 'footer-centre',
    exports: ['untagged'],
  },
  {
    name: 'mirrored-borderless-a4-landscape-carlito',
    description:
      'Calibri (Carlito) 8.5 pt, A4 landscape, no table rules, the column header printed once (not repeated), mirrored page furniture: a running header on even pages only, a running footer on odd pages only, page numbers i, ii, iii … on the outer side of the footer; Wingdings dots, legend on page 1, page-bottom footnotes, untagged',
    paper: 'A4',
    landscape: true,
    marginsMm: [20, 18, 20, 18],
    font: { word: 'Calibri', embedded: 'Carlito', sizePt: 8.5 },
    cue: { kind: 'wingdings-glyph', glyph: '\uF06C' },
    palette: ['#00a650', '#0070c0', '#7030a0', '#ffc000', '#c00000'],
    legend: 'page-1',
    notes: 'footnotes',
    columns: [20, 7, 10, 13, 50],
    sectionRows: 'merged',
    repeatRows: 0,
    rules: 'none',
    pageNumber: 'mirrored-roman',
    exports: ['untagged'],
  },
  {
    name: 'actionline-column-a4-landscape-verdana',
    description:
      'Verdana (DejaVu Sans) 7.5 pt, A4 landscape, a sixth, first column "Actielijn" merged vertically over each action line\'s goal and activity rows, holding `Actielijn N`; inline shapes, legend above each action line, endnotes, tagged',
    paper: 'A4',
    landscape: true,
    marginsMm: [18, 15, 18, 15],
    font: { word: 'Verdana', embedded: 'DejaVu Sans', sizePt: 7.5 },
    cue: { kind: 'inline-shape' },
    palette: ['#1a9850', '#4575b4', '#8073ac', '#f46d43', '#d73027'],
    legend: 'per-action-line',
    notes: 'endnotes',
    columns: [18, 7, 9, 14, 52],
    actionLineColumn: 9,
    sectionRows: 'merged',
    repeatRows: 1,
    headerFill: '#dde4ee',
    exports: ['tagged'],
  },
  {
    name: 'status-words-a5-times',
    description:
      'Times New Roman (Liberation Serif) 7.5 pt, A5 portrait, the status printed as the coloured label in words in the Status cell, no legend; a label broken by a page end; page-bottom footnotes, tagged',
    paper: 'A5',
    landscape: false,
    marginsMm: [10, 6, 10, 6],
    font: { word: 'Times New Roman', embedded: 'Liberation Serif', sizePt: 7.5 },
    cue: { kind: 'words' },
    palette: ['#2d7d32', '#1565c0', '#6a1b9a', '#ef6c00', '#c62828'],
    legend: 'none',
    notes: 'footnotes',
    columns: [20, 14, 11, 16, 39],
    sectionRows: 'merged',
    repeatRows: 1,
    exports: ['tagged'],
    mustShow: { statusSplitByPage: true },
  },
  {
    name: 'notes-numbered-a4-portrait-calibri',
    description:
      'Calibri (Carlito) 8.5 pt, A4 portrait, coloured ●, legend on every page, notes as a numbered list "1. …" at body size under the heading "Noten" after the last table, tagged',
    paper: 'A4',
    landscape: false,
    marginsMm: [16, 14, 16, 14],
    font: { word: 'Calibri', embedded: 'Carlito', sizePt: 8.5 },
    cue: { kind: 'unicode-glyph', glyph: '\u25CF' },
    palette: ['#4daf4a', '#377eb8', '#984ea3', '#ff7f00', '#e41a1c'],
    legend: 'every-page',
    notes: 'note-list',
    noteNumbering: 'dot',
    noteHeading: 'Noten',
    columns: [19, 7, 10, 16, 48],
    sectionRows: 'merged',
    repeatRows: 1,
    headerFill: '#e8e8e8',
    exports: ['tagged'],
  },
  {
    name: 'notes-bracketed-a4-landscape-arial',
    description:
      'Arial (Liberation Sans) 8.5 pt, A4 landscape, Wingdings dots, legend on page 1, notes as a list "[1] …" at body size after the last table with no heading, untagged',
    paper: 'A4',
    landscape: true,
    marginsMm: [18, 18, 18, 18],
    font: { word: 'Arial', embedded: 'Liberation Sans', sizePt: 8.5 },
    cue: { kind: 'wingdings-glyph', glyph: '\uF06C' },
    palette: ['#41ab5d', '#4292c6', '#807dba', '#fd8d3c', '#ef3b2c'],
    legend: 'page-1',
    notes: 'note-list',
    noteNumbering: 'bracket',
    noteHeading: null,
    columns: [20, 6, 9, 14, 51],
    sectionRows: 'first-cell',
    repeatRows: 1,
    exports: ['untagged'],
  },
  {
    name: 'marker-wrap-a5-calibri',
    description:
      'Calibri (Carlito) 7 pt, A5 portrait, Wingdings dots, legend on page 1, page-bottom footnotes, tagged; Toelichting width chosen so that several footnote markers wrap alone onto the start of the next line',
    paper: 'A5',
    landscape: false,
    marginsMm: [10, 6, 10, 6],
    font: { word: 'Calibri', embedded: 'Carlito', sizePt: 7 },
    cue: { kind: 'wingdings-glyph', glyph: '\uF06C' },
    palette: ['#006d2c', '#08519c', '#54278f', '#a63603', '#a50f15'],
    legend: 'page-1',
    notes: 'footnotes',
    columns: [18, 10, 12, 16, 46],
    sectionRows: 'merged',
    repeatRows: 1,
    exports: ['tagged'],
    mustShow: { markersAtLineStart: 3 },
  },
  {
    name: 'notes-restart-a4-portrait-calibri',
    description:
      'Calibri (Carlito) 8.5 pt, A4 portrait, Wingdings dots, legend on page 1, page-bottom footnotes whose numbering restarts on each page (each page prints its notes from 1), tagged',
    paper: 'A4',
    landscape: false,
    marginsMm: [15, 12, 15, 12],
    font: { word: 'Calibri', embedded: 'Carlito', sizePt: 8.5 },
    cue: { kind: 'wingdings-glyph', glyph: '\uF06C' },
    palette: ['#1b7837', '#2166ac', '#762a83', '#e08214', '#b2182b'],
    legend: 'page-1',
    notes: 'footnotes',
    footnoteNumbering: 'restart-each-page',
    columns: [20, 8, 12, 16, 44],
    sectionRows: 'merged',
    repeatRows: 1,
    exports: ['tagged'],
  },
  {
    name: 'notes-letters-a4-landscape-arial',
    description:
      'Arial (Liberation Sans) 8.5 pt, A4 landscape, coloured U+25CF ●, legend on page 1, page-bottom footnotes numbered with letters a, b, c … y (Word\'s "a, b, c" number format), untagged',
    paper: 'A4',
    landscape: true,
    marginsMm: [18, 15, 18, 15],
    font: { word: 'Arial', embedded: 'Liberation Sans', sizePt: 8.5 },
    cue: { kind: 'unicode-glyph', glyph: '\u25CF' },
    palette: ['#4d9221', '#4393c3', '#8073ac', '#f1a340', '#d6604d'],
    legend: 'page-1',
    notes: 'footnotes',
    footnoteNumbering: 'letters',
    columns: [19, 8, 11, 15, 47],
    sectionRows: 'merged',
    repeatRows: 1,
    exports: ['untagged'],
  },
  {
    name: 'notes-letters-restart-a4-landscape-arial',
    description:
      'Arial (Liberation Sans) 8.5 pt, A4 landscape, coloured U+25CF ●, legend on page 1, page-bottom footnotes labelled with letters that restart on each page (a, b … on every page); three notes with no room left on their marker\'s page are printed at the top of the next page\'s notes with their marker\'s letter, tagged',
    paper: 'A4',
    landscape: true,
    marginsMm: [18, 15, 18, 15],
    font: { word: 'Arial', embedded: 'Liberation Sans', sizePt: 8.5 },
    cue: { kind: 'unicode-glyph', glyph: '\u25CF' },
    palette: ['#1a9850', '#4575b4', '#984ea3', '#fdae61', '#d73027'],
    legend: 'page-1',
    notes: 'footnotes',
    footnoteNumbering: 'letters-restart-each-page',
    columns: [19, 8, 11, 15, 47],
    sectionRows: 'merged',
    repeatRows: 1,
    exports: ['tagged'],
  },
  {
    name: 'three-headers-a5-arial',
    description:
      'Arial (Liberation Sans) 7.5 pt, A5 portrait, three header rows repeated on every page (column header, `Actielijn N` band, goal row), Status cell shading, legend table on page 1, page-bottom footnotes, untagged',
    paper: 'A5',
    landscape: false,
    marginsMm: [9, 7, 9, 7],
    font: { word: 'Arial', embedded: 'Liberation Sans', sizePt: 7.5 },
    cue: { kind: 'shading' },
    palette: ['#74c476', '#6baed6', '#9e9ac8', '#fdae6b', '#fb6a4a'],
    legend: 'page-1',
    notes: 'footnotes',
    columns: [20, 10, 12, 20, 38],
    sectionRows: 'merged',
    repeatRows: 3,
    headerFill: '#d0d0d0',
    exports: ['untagged'],
  },
];
