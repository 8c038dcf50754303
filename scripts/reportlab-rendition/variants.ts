/**
 * The layouts the ReportLab generator makes (layout.py reads one as JSON). Sizes in PDF points
 * unless a name says mm; colours as #RRGGBB. Fonts are Debian's TrueType files, embedded by
 * ReportLab as 8-bit subsets (fonts-dejavu-core, fonts-liberation).
 */

/** A table column, by the annex field it shows. */
export type ColumnKey = 'title' | 'status' | 'planning' | 'owners' | 'explanation';

export interface ReportlabVariant {
  name: string;
  description: string;
  /** Page width and height. */
  pagePt: [number, number];
  /** Left, right, top, bottom margins in mm. */
  marginsMm: [number, number, number, number];
  font: {
    /** The family as people name it (the truth's font.family). */
    family: string;
    /** The name registered with ReportLab (faces get -regular, -bold, -italic). */
    name: string;
    /** TrueType files; without `italic` the goal is set upright. */
    files: { regular: string; bold: string; italic?: string };
    sizePt: number;
    leadingPt: number;
    /** A prefix of the embedded font's name as pdffonts lists it (subset tag dropped). */
    pdfFontPrefix: string;
  };
  titleSizePt: number;
  /** Columns in printed order. */
  columns: ColumnKey[];
  /** Widths of every column but `explanation`, which takes the rest of the frame. */
  columnWidthsPt: Partial<Record<ColumnKey, number>>;
  /** Cell padding: left/right, top, bottom. */
  cellPadding: [number, number, number];
  /** `rows`: `Actielijn N` and goal as two rows spanning the columns under the column header; `heading`: a heading and a goal paragraph above the table. */
  actionLines: 'rows' | 'heading';
  pageBreakPerActionLine: boolean;
  /** The column header repeated at the top of every page of a table (LongTable repeatRows), or printed once per table. */
  headerRepeat: boolean;
  headerFill: boolean;
  goalItalic: boolean;
  /** ReportLab's splitInRow: a row may break across pages. */
  splitInRow: boolean;
  cue: {
    shape: 'square' | 'ring' | 'triangle' | 'disc-symbol';
    sizePt: number;
    /** In STATUS_LABELS order. */
    palette: [string, string, string, string, string];
    /** The cue at the top of its cell (about the first line) or centred in the row. */
    valign: 'top' | 'middle';
  };
  /** `page-1`: a boxed legend table under the title; `beside-title`: the same table to the right of the title; `footer-every-page`: one line in every page's foot. */
  legend: 'page-1' | 'beside-title' | 'footer-every-page';
  rules: 'grid' | 'horizontal' | 'vertical-zebra';
  colours: {
    accent: string;
    rule: string;
    headerFill: string;
    headerText: string;
    actionLineFill: string;
    actionLineRowText: string;
    goalFill: string;
    zebra: string;
    furniture: string;
  };
  /** Markers as raised numbers, or raised `n)`. */
  markers: 'super' | 'paren';
  bullet: { char: string; indentPt: number };
  paragraphGapPt: number;
  notes: {
    /** After the last table, or after each action line's table (the notes that action line cites). */
    placement: 'end' | 'per-action-line';
    /** `{number}` is the action line's number. */
    heading: string;
    /** The label hanging before each note: `n.`, `n)` or a bold `n`. */
    label: 'dot' | 'paren' | 'bold';
    sizePt: number;
    indentPt: number;
    newPage?: boolean;
  };
  /** Page furniture; `{page}`, `{pages}` and `{section}` are filled in. */
  furniture: { headerLeft?: string; headerRight?: string; footer?: string; footerAlign?: 'centre' | 'right' };
}

const DEJAVU = '/usr/share/fonts/truetype/dejavu/';
const LIBERATION = '/usr/share/fonts/truetype/liberation/';

export const REPORTLAB_VARIANTS: ReportlabVariant[] = [
  {
    name: 'reportlab-a4-portrait-dejavu-squares',
    description:
      'ReportLab: A4 portrait, DejaVu Sans 6.8 pt, columns Activiteit | Toelichting | Wanneer | Wie | Status (Status last), grid, column header on a grey fill repeated on every page, `Actielijn N` and goal rows spanning the columns once per action line, rows never split (ReportLab 3.6.12 with splitInRow prints a stray column header mid-page), filled rounded squares centred in the Status cell, a boxed legend under the title on page 1, endnotes "n." under "Noten" after the last table, "Pagina x van y" in the footer',
    pagePt: [595.2756, 841.8898],
    marginsMm: [12, 12, 14, 16],
    font: {
      family: 'DejaVu Sans',
      name: 'DejaVuSans',
      files: { regular: `${DEJAVU}DejaVuSans.ttf`, bold: `${DEJAVU}DejaVuSans-Bold.ttf` },
      sizePt: 6.8,
      leadingPt: 8.6,
      pdfFontPrefix: 'DejaVuSans',
    },
    titleSizePt: 13,
    columns: ['title', 'explanation', 'planning', 'owners', 'status'],
    columnWidthsPt: { title: 104, planning: 68, owners: 89, status: 33 },
    cellPadding: [3.5, 3, 3.5],
    actionLines: 'rows',
    pageBreakPerActionLine: false,
    headerRepeat: true,
    headerFill: true,
    goalItalic: false,
    splitInRow: false,
    cue: { shape: 'square', sizePt: 7, palette: ['#2E7D32', '#1565C0', '#6A1B9A', '#F9A825', '#C62828'], valign: 'middle' },
    legend: 'page-1',
    rules: 'grid',
    colours: {
      accent: '#333333',
      rule: '#8C8C8C',
      headerFill: '#E3E3E3',
      headerText: '#000000',
      actionLineFill: '#C9D7E8',
      actionLineRowText: '#0B2A4A',
      goalFill: '#EEF3F9',
      zebra: '#F4F4F4',
      furniture: '#555555',
    },
    markers: 'super',
    bullet: { char: '\u2022', indentPt: 8 },
    paragraphGapPt: 3,
    notes: { placement: 'end', heading: 'Noten', label: 'dot', sizePt: 6.5, indentPt: 12 },
    furniture: { footer: 'Pagina {page} van {pages}', footerAlign: 'right' },
  },
  {
    name: 'reportlab-letter-landscape-liberationserif-rings',
    description:
      'ReportLab: US Letter landscape, Liberation Serif 8.5 pt, columns Activiteit | Status | Toelichting | Wie | Wanneer (Wanneer last), rules between rows only, the column header printed once per action line (not repeated), each action line a heading `Actielijn N` with its goal in italics above its table, rows never split, coloured rings (stroked circles) as cues, the legend in a box beside the title, the notes each action line cites under "Noten bij actielijn N" after its table (bold number labels), a running header with the page number',
    pagePt: [792, 612],
    marginsMm: [17, 17, 20, 15],
    font: {
      family: 'Liberation Serif',
      name: 'LiberationSerif',
      files: { regular: `${LIBERATION}LiberationSerif-Regular.ttf`, bold: `${LIBERATION}LiberationSerif-Bold.ttf`, italic: `${LIBERATION}LiberationSerif-Italic.ttf` },
      sizePt: 8.5,
      leadingPt: 10.4,
      pdfFontPrefix: 'LiberationSerif',
    },
    titleSizePt: 16,
    columns: ['title', 'status', 'explanation', 'owners', 'planning'],
    columnWidthsPt: { title: 150, status: 40, owners: 108, planning: 80 },
    cellPadding: [4, 3.5, 4.5],
    actionLines: 'heading',
    pageBreakPerActionLine: false,
    headerRepeat: false,
    headerFill: false,
    goalItalic: true,
    splitInRow: false,
    cue: { shape: 'ring', sizePt: 8.5, palette: ['#009E73', '#0072B2', '#CC79A7', '#E69F00', '#D55E00'], valign: 'top' },
    legend: 'beside-title',
    rules: 'horizontal',
    colours: {
      accent: '#004D40',
      rule: '#9E9E9E',
      headerFill: '#FFFFFF',
      headerText: '#004D40',
      actionLineFill: '#FFFFFF',
      actionLineRowText: '#004D40',
      goalFill: '#FFFFFF',
      zebra: '#FFFFFF',
      furniture: '#616161',
    },
    markers: 'super',
    bullet: { char: '\u2022', indentPt: 10 },
    paragraphGapPt: 4,
    notes: { placement: 'per-action-line', heading: 'Noten bij actielijn {number}', label: 'bold', sizePt: 7.5, indentPt: 14 },
    furniture: { headerLeft: 'Bijlage 1 \u2013 Voortgang activiteiten NAP', headerRight: '{page}' },
  },
];
