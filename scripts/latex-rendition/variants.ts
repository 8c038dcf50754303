/**
 * The committed LaTeX variants (scripts/latex-rendition/generate.ts). Between them they carry the
 * structural traits of the TeX producer family that the fifth blind hold-out showed (a LaTeX
 * longtable document): cells centred vertically in their row (array `m{}` columns), the legend only
 * at the end, notes in two columns, a continuation line at the foot of a table a page end breaks —
 * and the other family: top-aligned `p{}` cells, justified and hyphenated by TeX with a visible
 * hyphen, the legend on page 1, endnotes in one column. Incidental choices (paper, font, cue shape,
 * colours, widths, rules, furniture) differ from the hold-out's on purpose.
 */

/** How the Status cell shows the status: a coloured glyph of ZapfDingbats (pifont), or a rule rotated 45° (a filled diamond path). */
export type LatexCue = { kind: 'dingbat'; char: number; sizePt: number } | { kind: 'diamond'; sideMm: number };

export interface LatexVariant {
  name: string;
  description: string;
  /** geometry's paper option and orientation. */
  paper: 'a4paper' | 'a5paper' | 'letterpaper';
  landscape: boolean;
  /** Page size in points [w, h], checked against the PDF. */
  pagePt: [number, number];
  /** geometry margins in mm. */
  margins: { left: number; right: number; top: number; bottom: number };
  /** The font: the LaTeX package that selects it, and the family name for the truth (pdffonts checks the embedded name). */
  font: { packages: string[]; family: string; pdfFontPrefix: string; sizePt: number; sizeCommand: '\\footnotesize' | '\\small' | '\\scriptsize' };
  /** `m`: every cell centred vertically in its row (array m{}); `p`: top-aligned (p{}). */
  cells: 'm' | 'p';
  /** Cell text justified (LaTeX's p{} default) or ragged right; Status is centred either way. */
  justified: boolean;
  /** TeX hyphenates words at line ends (visible hyphen; English patterns, the only ones the set-up installs). */
  hyphenation: boolean;
  /** Column widths in mm: Activiteit, Status, Wanneer, Wie; Toelichting takes the rest of the text width. */
  columnsMm: [number, number, number, number];
  /** \tabcolsep in pt. */
  tabcolsepPt: number;
  /** `grid`: vertical rules and \hline; `booktabs`: \toprule/\midrule/\bottomrule and no vertical rules. */
  rules: 'grid' | 'booktabs';
  /** `rows`: an `Actielijn N` row and a goal row inside the table (printed once); `heading`: a sectioning heading and the goal as a paragraph above the table. */
  actionLine: 'rows' | 'heading';
  /** Fill of the column header row (#rrggbb), or none. */
  headerFill?: string;
  cue: LatexCue;
  /** Legend label order (STATUS_LABELS) → #rrggbb. */
  palette: [string, string, string, string, string];
  /** `page-1`: under the title, before the first table; `end`: after the notes, on the last page. */
  legend: 'page-1' | 'end';
  /** Endnotes after the last table under "Noten": one or two columns (multicol); numbers `n.` at body size, or raised. */
  notes: { columns: 1 | 2; numbers: 'dot' | 'raised' };
  /** A line at the foot of each page where a table goes on (longtable \endfoot), or none. */
  continuation?: string;
  /** `plain`: the page number centred in the footer (LaTeX's default); `fancy`: a running head (short title left, page number right). */
  pageStyle: 'plain' | 'fancy';
}

export const LATEX_VARIANTS: LatexVariant[] = [
  {
    name: 'latex-a4-centred-lmroman',
    description:
      'pdfLaTeX longtable, Latin Modern Roman 8 pt, A4 portrait, full grid, every cell centred vertically in its row (m{} columns), column header on a grey fill repeated on every page, `Actielijn N` and goal rows once per action line, ZapfDingbats ● glyphs as status cues, a line "Vervolg op de volgende pagina" at the foot of each page a table goes on, no hyphenation, notes "n." in two columns under "Noten", the legend only at the end (after the notes), page number centred in the footer',
    paper: 'a4paper',
    landscape: false,
    pagePt: [595.28, 841.89],
    margins: { left: 16, right: 16, top: 20, bottom: 22 },
    font: { packages: ['lmodern'], family: 'Latin Modern Roman', pdfFontPrefix: 'LMRoman', sizePt: 8, sizeCommand: '\\footnotesize' },
    cells: 'm',
    justified: false,
    hyphenation: false,
    columnsMm: [36, 10, 24, 29],
    tabcolsepPt: 3,
    rules: 'grid',
    actionLine: 'rows',
    headerFill: '#D9D9D9',
    cue: { kind: 'dingbat', char: 108, sizePt: 9 },
    palette: ['#238b45', '#3182bd', '#756bb1', '#fd8d3c', '#de2d26'],
    legend: 'end',
    notes: { columns: 2, numbers: 'dot' },
    continuation: 'Vervolg op de volgende pagina',
    pageStyle: 'plain',
  },
  {
    name: 'latex-a4-landscape-top-hyphenated-times',
    description:
      'pdfLaTeX longtable, Times (URW Nimbus Roman, mathptmx) 9 pt, A4 landscape, booktabs rules, cells top-aligned (p{} columns) and justified, words hyphenated by TeX at line ends with a visible hyphen (English patterns), each action line a heading `Actielijn N` and its goal as a paragraph above its table, column header repeated on every page, filled diamonds (a rotated rule) as status cues, the legend on page 1 under the title, endnotes in one column with raised numbers under "Noten", a running head with the page number',
    paper: 'a4paper',
    landscape: true,
    pagePt: [841.89, 595.28],
    margins: { left: 18, right: 18, top: 24, bottom: 18 },
    font: { packages: ['mathptmx'], family: 'Times (URW Nimbus Roman)', pdfFontPrefix: 'NimbusRom', sizePt: 9, sizeCommand: '\\small' },
    cells: 'p',
    justified: true,
    hyphenation: true,
    columnsMm: [48, 12, 23, 30],
    tabcolsepPt: 5,
    rules: 'booktabs',
    actionLine: 'heading',
    cue: { kind: 'diamond', sideMm: 2.6 },
    palette: ['#2e7d32', '#1565c0', '#6a1b9a', '#ef6c00', '#c62828'],
    legend: 'page-1',
    notes: { columns: 1, numbers: 'raised' },
    pageStyle: 'fancy',
  },
];

export function latexVariantByName(name: string): LatexVariant {
  const v = LATEX_VARIANTS.find((x) => x.name === name);
  if (!v) throw new Error(`unknown variant ${name}; known: ${LATEX_VARIANTS.map((x) => x.name).join(', ')}`);
  return v;
}
