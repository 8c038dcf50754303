/**
 * The committed ConTeXt variants (scripts/context-rendition/generate.ts): ConTeXt MkIV on LuaTeX,
 * the TeX family's other branch (OpenType fonts embedded as CID fonts with ToUnicode, words placed
 * by LuaTeX with no space characters, PDF 1.7 with cross-reference streams and XMP). The seventh
 * blind hold-out was made with the same route (A4 portrait, TeX Gyre Adventor, a Nr. column, a
 * two-row header with a group heading, OpenSymbol glyphs, a contents page, right-aligned Wanneer, a
 * rule under each row); these variants differ from it and from each other on purpose.
 */

/**
 * How the Status cell shows the status: a filled circle drawn by MetaPost (a vector path, ConTeXt
 * reuses one drawing per colour as a form XObject), or a coloured glyph of a second font.
 */
export type ContextCue =
  | { kind: 'metapost-disc'; diameterPt: number }
  | {
      kind: 'glyph';
      /** The font file (copied beside the source: ConTeXt's font database does not list system fonts). */
      fontFile: string;
      /** The family as people name it. */
      fontFamily: string;
      sizePt: number;
      /** One glyph per legend label, in STATUS_LABELS order. */
      glyphs: [string, string, string, string, string];
    };

/** A table column, by the annex field it shows. */
export type ColumnKey = 'title' | 'status' | 'planning' | 'owners' | 'explanation';

export interface ContextVariant {
  name: string;
  description: string;
  /** \setuppapersize's paper (e.g. `A4,landscape`). */
  paper: string;
  /** Page size in points [w, h], checked against the PDF. */
  pagePt: [number, number];
  /** Left margin (ConTeXt backspace) and text width in mm; the columns below must fill the text width where `table` is xtable. */
  backspaceMm: number;
  textWidthMm: number;
  /** The rest of \setuplayout (top space, header, footer …), as ConTeXt keys. */
  layout: string;
  font: {
    /** The family as ConTeXt's \definefontfamily finds it, and as the truth names it. */
    family: string;
    /** ConTeXt style: serif (rm) or sans (ss). */
    style: 'rm' | 'ss';
    sizePt: number;
    /** A prefix of the embedded font's name as pdffonts lists it (subset tag dropped). */
    pdfFontPrefix: string;
  };
  /**
   * `xtable`: ConTeXt's extreme tables (rows never split across pages; the header row repeated with
   * header=repeat); `tabulate`: ConTeXt's tabulate (paragraph cells split line by line across pages,
   * the head repeated with header=repeat).
   */
  table: 'xtable' | 'tabulate';
  /** Column widths in mm, in printed order Activiteit, Status, Wanneer, Wie, Toelichting (tabulate: Toelichting takes the rest, Status its natural width). */
  columnsMm: Record<ColumnKey, number>;
  /** Cell text justified and hyphenated by TeX (Dutch patterns, visible hyphen), or ragged right with no hyphenation. */
  hyphenation: boolean;
  /** `grid`: every cell framed; `horizontal`: a rule above and under the header, a thin rule between rows and one under the table. */
  rules: 'grid' | 'horizontal';
  /** `row`: an `Actielijn N` + goal row spanning the columns under the header (in the table); `heading`: an unnumbered section heading and the goal in italics above the table. */
  actionLine: 'row' | 'heading';
  cue: ContextCue;
  /** STATUS_LABELS order → #rrggbb. */
  palette: [string, string, string, string, string];
  /** `inline-under-title`: one line `Legenda:` with cue + label pairs under the title; `list-under-title`: a heading `Legenda` and one line per status. */
  legend: 'inline-under-title' | 'list-under-title';
  /** Endnotes after the last table under "Noten"; the label before each note. */
  notes: { label: 'dot' | 'paren'; sizePt: number; hangMm: number };
  /** ConTeXt itemize symbol for the explanation's lists (1 •, 2 –). */
  itemSymbol: 1 | 2;
  /** Page furniture: \setupheadertexts / \setupfootertexts arguments (left and right), as ConTeXt source. */
  furniture: { header?: [string, string]; footer?: [string, string] };
  /** Pinned dates and ids (determinism): the PDF date (UTC) and the text hashed into the trailer /ID. */
  date: { year: number; month: number; day: number; hour: number };
  trailerSeed: string;
}

export const CONTEXT_VARIANTS: ContextVariant[] = [
  {
    name: 'context-a4-landscape-heros-discs',
    description:
      'ConTeXt MkIV (LuaTeX) xtables, TeX Gyre Heros 8 pt, A4 landscape, full grid, a plain one-row column header on a grey fill repeated on every page, an `Actielijn N` + goal row spanning the columns at the top of each action line\'s table, coloured filled circles drawn with MetaPost as status cues, the legend as one line under the title, rows never split, no hyphenation, endnotes "n." under "Noten" after the last table, the page number at the right of the footer',
    paper: 'A4,landscape',
    pagePt: [841.89, 595.28],
    backspaceMm: 15,
    textWidthMm: 267,
    layout: 'topspace=10mm,header=0mm,headerdistance=0mm,footer=8mm,footerdistance=4mm,height=middle,bottomspace=10mm',
    font: { family: 'TeX Gyre Heros', style: 'ss', sizePt: 8, pdfFontPrefix: 'TeXGyreHeros' },
    table: 'xtable',
    columnsMm: { title: 58, status: 14, planning: 30, owners: 44, explanation: 121 },
    hyphenation: false,
    rules: 'grid',
    actionLine: 'row',
    cue: { kind: 'metapost-disc', diameterPt: 7 },
    palette: ['#1B7837', '#2166AC', '#762A83', '#E08214', '#B2182B'],
    legend: 'inline-under-title',
    notes: { label: 'dot', sizePt: 7, hangMm: 6 },
    itemSymbol: 2,
    furniture: { footer: ['Bijlage 1 \\emdash\\ Voortgang activiteiten NAP', 'Pagina \\pagenumber'] },
    date: { year: 2024, month: 12, day: 6, hour: 10 },
    trailerSeed: 'nap-annex context-a4-landscape-heros-discs',
  },
  {
    name: 'context-letter-lmroman-split-dejavu-glyphs',
    description:
      'ConTeXt MkIV (LuaTeX) tabulate, Latin Modern Roman 8 pt, US Letter portrait, ragged-right cells without hyphenation, rows split across pages line by line, rules above and under the column header, between rows and under each table, the header repeated on every page, each action line an unnumbered heading `Actielijn N` with its goal in italics above its table, coloured status glyphs of DejaVu Sans (a different shape per status: ■ ◆ ★ ▼ ✖), a legend (heading and one line per status) under the title, endnotes "n)" under "Noten", a running header and the page number in the footer',
    paper: 'letter',
    pagePt: [612, 792],
    backspaceMm: 16,
    textWidthMm: 184,
    layout: 'topspace=9mm,header=8mm,headerdistance=3mm,footer=8mm,footerdistance=3mm,height=middle,bottomspace=10mm',
    font: { family: 'Latin Modern Roman', style: 'rm', sizePt: 8, pdfFontPrefix: 'LMRoman' },
    table: 'tabulate',
    columnsMm: { title: 44, status: 0, planning: 23, owners: 27, explanation: 0 },
    // Hyphenated, tabulate may break a row at a hyphenated line's end (\brokenpenalty is not
    // consulted), leaving half a word at a page foot; scripts/corpus/locate.ts cannot read that back.
    hyphenation: false,
    rules: 'horizontal',
    actionLine: 'heading',
    cue: {
      kind: 'glyph',
      fontFile: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
      fontFamily: 'DejaVu Sans',
      sizePt: 8,
      glyphs: ['\u25A0', '\u25C6', '\u2605', '\u25BC', '\u2716'],
    },
    palette: ['#4D9221', '#4575B4', '#8E0152', '#F46D43', '#D73027'],
    legend: 'list-under-title',
    notes: { label: 'paren', sizePt: 7, hangMm: 6 },
    itemSymbol: 1,
    furniture: { header: ['', 'Voortgang activiteiten NAP'], footer: ['', '\\pagenumber'] },
    date: { year: 2024, month: 12, day: 6, hour: 11 },
    trailerSeed: 'nap-annex context-letter-lmroman-split-dejavu-glyphs',
  },
];
