/**
 * Builds a .docx of the 2024 annex laid out the way a ministry's Word file is: a title paragraph,
 * the status legend, then one Word table per action line (header row marked "repeat as header
 * row", an `Actielijn N` row, a goal row, one row per activity; rows may break across pages),
 * explanation bullets as a Word bullet list whose bullet is the Symbol-font character U+F0B7, and
 * footnote markers as real footnotes, endnotes or superscript numbers with a "Noten" list.
 */
import JSZip from 'jszip';
import {
  AlignmentType,
  BorderStyle,
  Document,
  EndnoteReferenceRun,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeightRule,
  LevelFormat,
  NumberFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
  convertMillimetersToTwip,
  type ParagraphChild,
} from 'docx';
import type { AnnexData, ActivityData, RichWord } from '../pdf-rendition/annex-data.js';
import { STATUS_LABELS } from '../pdf-rendition/annex-data.js';
import { cueRun, cueShading } from './cues.js';
import type { WordVariant } from './variants.js';

/** Page sizes in twips, portrait. */
const PAPER_TWIPS = { A4: [11906, 16838], A5: [8391, 11906] } as const;
const HEADERS = ['Activiteit', 'Status', 'Wanneer', 'Wie', 'Toelichting'];
const BULLETS = 'symbol-bullets';
const NOTE_NUMBERS = 'note-numbers';
/** Header of the sixth, merged first column (variants with `actionLineColumn`). */
const ACTION_LINE_HEADER = 'Actielijn';
/** The footnote properties (`w:footnotePr`) of each footnote numbering a variant may ask for. */
const FOOTNOTE_PR: Record<NonNullable<WordVariant['footnoteNumbering']>, string> = {
  'restart-each-page': '<w:footnotePr><w:numRestart w:val="eachPage"/></w:footnotePr>',
  letters: '<w:footnotePr><w:numFmt w:val="lowerLetter"/></w:footnotePr>',
  'letters-restart-each-page': '<w:footnotePr><w:numFmt w:val="lowerLetter"/><w:numRestart w:val="eachPage"/></w:footnotePr>',
};

/**
 * Word's settings part where docx has no option for what the variant needs: decimal endnote
 * numbers (Word's default endnote numbering is i, ii, iii; the annex numbers its notes 1, 2, 3),
 * footnote numbering that restarts on each page (Word: Footnote → Numbering "Restart each page")
 * or in letters (Number format "a, b, c").
 * Null when docx's own settings part will do.
 */
function settingsXml(v: WordVariant): string | null {
  const footnotePr = v.footnoteNumbering !== undefined ? FOOTNOTE_PR[v.footnoteNumbering] : '';
  const endnotePr = v.notes === 'endnotes' ? '<w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>' : '';
  if (footnotePr === '' && endnotePr === '') return null;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:displayBackgroundShape/><w:evenAndOddHeaders w:val="false"/>' +
    footnotePr +
    endnotePr +
    '<w:compat><w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/></w:compat>' +
    '</w:settings>'
  );
}

/** Mirrored running headers: even pages print the Kamerstuk on their outer (left) side; odd pages print none. */
function mirroredHeaders(): { default: Header; even: Header } {
  const text = (t: string) => [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: t, size: 14 })] })];
  return { default: new Header({ children: [new Paragraph({ children: [] })] }), even: new Header({ children: text('Tweede Kamer, vergaderjaar 2024–2025, 34 843, nr. 109') }) };
}

/** Mirrored footers: odd pages a running footer and the page number on the right, even pages the page number on the left. */
function mirroredFooters(): { default: Footer; even: Footer } {
  const running = new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: 'Voortgang Nationaal Actieprogramma 2024 — bijlage 1', size: 14 })] });
  const number = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) => new Paragraph({ alignment, children: [new TextRun({ children: [PageNumber.CURRENT], size: 16 })] });
  return { default: new Footer({ children: [running, number(AlignmentType.RIGHT)] }), even: new Footer({ children: [number(AlignmentType.LEFT)] }) };
}

/** Page width and height in points for a variant (landscape applied). */
export function pageSizePt(v: WordVariant): [number, number] {
  const [w, h] = PAPER_TWIPS[v.paper];
  const pt: [number, number] = [Math.round((w / 20) * 100) / 100, Math.round((h / 20) * 100) / 100];
  return v.landscape ? [pt[1], pt[0]] : pt;
}

function hex(c: string): string {
  return c.replace('#', '').toUpperCase();
}

/** Table width in twips: the page's text width. */
function textWidthTwips(v: WordVariant): number {
  const [pw, ph] = PAPER_TWIPS[v.paper];
  const width = v.landscape ? ph : pw;
  return width - convertMillimetersToTwip(v.marginsMm[1]) - convertMillimetersToTwip(v.marginsMm[3]);
}

/**
 * Average advance of a long lower-case word, in em, per embedded font: measured on this data
 * (`Publiekscommunicatie` broken by LibreOffice at a known column width) plus a margin.
 */
const EM_PER_CHAR: Record<string, number> = { Carlito: 0.5, 'Liberation Sans': 0.56, 'DejaVu Sans': 0.63, 'Liberation Serif': 0.5, 'Liberation Sans Narrow': 0.46 };
/** Cell padding (left + right, 2 × 0.19 cm) plus slack, in points. */
const CELL_SLACK_PT = 14;

/** The longest unbreakable piece of `texts`: words, and a hyphenated word may break after its hyphen. */
function longestPiece(texts: string[]): number {
  return Math.max(...texts.flatMap((t) => t.split(/\s+/).flatMap((w) => w.split(/(?<=-)/))).map((w) => w.length));
}

/**
 * Column widths in twips, summing to the text width: the variant's proportions, but Activiteit,
 * Wanneer and Wie at least as wide as their longest word (Word would break such a word inside,
 * which no reader can undo), the difference taken from Toelichting.
 */
export function columnTwips(v: WordVariant, annex: AnnexData): number[] {
  const sum = v.columns.reduce((a, b) => a + b, 0);
  const total = textWidthTwips(v) - actionLineTwips(v);
  const cols = v.columns.map((c) => Math.floor((c / sum) * total));
  const em = EM_PER_CHAR[v.font.embedded];
  if (em === undefined) throw new Error(`no width estimate for font ${v.font.embedded}`);
  const minimum = (texts: string[]): number => Math.ceil((longestPiece(texts) * em * v.font.sizePt + CELL_SLACK_PT) * 20);
  const a = annex.activities;
  cols[0] = Math.max(cols[0]!, minimum(a.map((x) => x.title)));
  cols[2] = Math.max(cols[2]!, minimum(a.map((x) => x.planning)));
  cols[3] = Math.max(cols[3]!, minimum(a.map((x) => x.owners)));
  cols[4] = total - cols.slice(0, 4).reduce((x, y) => x + y, 0);
  if (cols[4]! < total * 0.2) throw new Error(`${v.name}: Toelichting would be only ${cols[4]} twips wide`);
  return cols;
}

/** Width in twips of the merged first column "Actielijn" (0 without one): its share of the text width, as the five columns' shares. */
export function actionLineTwips(v: WordVariant): number {
  if (v.actionLineColumn === undefined) return 0;
  const sum = v.columns.reduce((a, b) => a + b, 0) + v.actionLineColumn;
  return Math.floor((v.actionLineColumn / sum) * textWidthTwips(v));
}

/** Runs of one word with its footnote markers (footnote/endnote references or superscript digits). */
function wordRuns(word: RichWord, v: WordVariant): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  let last = 0;
  for (const m of word.markers) {
    const before = word.text.slice(last, m.at) + (m.spaced ? ' ' : '');
    if (before !== '') runs.push(new TextRun(before));
    if (v.notes === 'footnotes') runs.push(new FootnoteReferenceRun(m.number));
    else if (v.notes === 'endnotes') runs.push(new EndnoteReferenceRun(m.number));
    else runs.push(new TextRun({ text: String(m.number), superScript: true }));
    last = m.at;
  }
  const rest = word.text.slice(last);
  if (rest !== '') runs.push(new TextRun(rest));
  return runs;
}

function wordsRuns(words: RichWord[], v: WordVariant): ParagraphChild[] {
  return words.flatMap((w, i) => (i === 0 ? wordRuns(w, v) : [new TextRun(' '), ...wordRuns(w, v)]));
}

function explanationParagraphs(a: ActivityData, v: WordVariant): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of a.blocks) {
    if (b.type === 'paragraph') out.push(new Paragraph({ children: wordsRuns(b.words, v), spacing: { after: 60 } }));
    else {
      for (const item of b.items) {
        out.push(new Paragraph({ children: wordsRuns(item, v), numbering: { reference: BULLETS, level: 0 } }));
      }
    }
  }
  return out.length > 0 ? out : [new Paragraph('')];
}

function cell(children: Paragraph[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, ...extra });
}

function headerRow(planningHeader: string, cols: number[], v: WordVariant): TableRow {
  const texts = [...HEADERS];
  texts[2] = planningHeader;
  const widths = v.actionLineColumn !== undefined ? [actionLineTwips(v), ...cols] : cols;
  if (v.actionLineColumn !== undefined) texts.unshift(ACTION_LINE_HEADER);
  return new TableRow({
    tableHeader: v.repeatRows >= 1,
    children: texts.map((t, i) =>
      cell([new Paragraph({ children: [new TextRun({ text: t, bold: true })] })], widths[i]!, {
        shading: v.headerFill ? { fill: hex(v.headerFill), type: ShadingType.CLEAR, color: 'auto' } : undefined,
      }),
    ),
  });
}

function sectionRow(text: string, bold: boolean, cols: number[], v: WordVariant): TableRow {
  const para = new Paragraph({ children: [new TextRun({ text, bold })] });
  const children =
    v.sectionRows === 'merged'
      ? [cell([para], cols.reduce((a, b) => a + b, 0), { columnSpan: 5 })]
      : cols.map((w, i) => cell(i === 0 ? [para] : [new Paragraph('')], w));
  return new TableRow({ tableHeader: v.repeatRows === 3, children });
}

/**
 * The goal row of a table with the merged "Actielijn" column: `Actielijn N` in the first cell,
 * which starts the vertical merge, and the goal across the other five columns.
 */
function goalRowWithActionLineCell(number: number, goal: string, cols: number[], v: WordVariant): TableRow {
  return new TableRow({
    children: [
      cell([new Paragraph({ children: [new TextRun({ text: `Actielijn ${number}`, bold: true })] })], actionLineTwips(v), { verticalMerge: VerticalMergeType.RESTART }),
      cell([new Paragraph({ children: [new TextRun(goal)] })], cols.reduce((a, b) => a + b, 0), { columnSpan: 5 }),
    ],
  });
}

function activityRow(a: ActivityData, cols: number[], v: WordVariant): TableRow {
  const status = STATUS_LABELS.indexOf(a.status);
  const color = v.palette[status]!;
  const statusCell =
    v.cue.kind === 'shading'
      ? cell([new Paragraph('')], cols[1]!, { shading: cueShading(color) })
      : v.cue.kind === 'words'
        ? cell([new Paragraph({ children: [new TextRun({ text: a.status, color: hex(color) })] })], cols[1]!)
        : cell([new Paragraph({ alignment: AlignmentType.CENTER, children: [cueRun(v, color)] })], cols[1]!);
  const merged = v.actionLineColumn !== undefined ? [cell([new Paragraph('')], actionLineTwips(v), { verticalMerge: VerticalMergeType.CONTINUE })] : [];
  return new TableRow({
    cantSplit: false,
    children: [
      ...merged,
      cell([new Paragraph(a.title)], cols[0]!),
      statusCell,
      cell([new Paragraph(a.planning)], cols[2]!),
      cell([new Paragraph(a.owners)], cols[3]!),
      cell(explanationParagraphs(a, v), cols[4]!),
    ],
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const TABLE_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
const NO_RULE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_RULE, bottom: NO_RULE, left: NO_RULE, right: NO_RULE, insideHorizontal: NO_RULE, insideVertical: NO_RULE };

/** Rows of one action line's table before its activities: the header, then `Actielijn N` and the goal (or the goal row with the merged first cell). */
export function leadingRows(v: WordVariant): number {
  return v.actionLineColumn !== undefined ? 2 : 3;
}

function actionLineTable(annex: AnnexData, line: AnnexData['actionLines'][number], v: WordVariant): Table {
  const cols = columnTwips(v, annex);
  const section =
    v.actionLineColumn !== undefined
      ? [goalRowWithActionLineCell(line.number, line.title, cols, v)]
      : [sectionRow(`Actielijn ${line.number}`, true, cols, v), sectionRow(line.title, false, cols, v)];
  const rows = [
    headerRow(line.planningHeader, cols, v),
    ...section,
    ...annex.activities.filter((a) => a.actionLine === line.number).map((a) => activityRow(a, cols, v)),
  ];
  const widths = v.actionLineColumn !== undefined ? [actionLineTwips(v), ...cols] : cols;
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: (v.rules ?? 'grid') === 'none' ? NO_BORDERS : TABLE_BORDERS,
  });
}

/** The legend: five lines "cue label", or for shading a small table of shaded cells + labels. */
function legend(v: WordVariant): Array<Paragraph | Table> {
  if (v.cue.kind === 'words') throw new Error(`${v.name}: a status printed in words has no legend`);
  if (v.cue.kind === 'shading') {
    const w = convertMillimetersToTwip(6);
    const labelW = convertMillimetersToTwip(v.paper === 'A5' ? 60 : 80);
    return [
      new Table({
        width: { size: w + labelW, type: WidthType.DXA },
        columnWidths: [w, labelW],
        layout: TableLayoutType.FIXED,
        borders: {
          top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          insideHorizontal: { style: BorderStyle.SINGLE, size: 8, color: 'FFFFFF' },
          insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        },
        rows: STATUS_LABELS.map(
          (label, i) =>
            new TableRow({
              height: { value: convertMillimetersToTwip(4), rule: HeightRule.ATLEAST },
              children: [
                new TableCell({ children: [new Paragraph('')], width: { size: w, type: WidthType.DXA }, shading: cueShading(v.palette[i]!) }),
                new TableCell({
                  children: [new Paragraph({ children: [new TextRun(label)], indent: { left: 80 } })],
                  width: { size: labelW, type: WidthType.DXA },
                  verticalAlign: VerticalAlign.CENTER,
                }),
              ],
            }),
        ),
      }),
      new Paragraph(''),
    ];
  }
  return [
    ...STATUS_LABELS.map((label, i) => new Paragraph({ children: [cueRun(v, v.palette[i]!), new TextRun(`  ${label}`)] })),
    new Paragraph(''),
  ];
}

function noteDefinition(text: string): Paragraph[] {
  return [new Paragraph({ children: [new TextRun(text)] })];
}

/**
 * The notes after the last table: a heading ("Noten" unless the variant says otherwise or none),
 * then one paragraph per note numbered as the variant says: a superscript number, a Word numbered
 * list (`1.`), or a typed `1)` / `[1]` with a hanging indent.
 */
function noteList(annex: AnnexData, v: WordVariant): Paragraph[] {
  const heading = v.noteHeading === undefined ? 'Noten' : v.noteHeading;
  const out: Paragraph[] = [];
  if (heading !== null) out.push(new Paragraph({ children: [new TextRun({ text: heading, bold: true })], spacing: { before: 200, after: 80 } }));
  else out.push(new Paragraph({ children: [], spacing: { before: 120 } }));
  const hanging = { left: convertMillimetersToTwip(6), hanging: convertMillimetersToTwip(6) };
  for (const f of annex.footnotes) {
    switch (v.noteNumbering ?? 'superscript') {
      case 'superscript':
        out.push(new Paragraph({ children: [new TextRun({ text: String(f.number), superScript: true }), new TextRun(` ${f.text}`)] }));
        break;
      case 'dot':
        out.push(new Paragraph({ children: [new TextRun(f.text)], numbering: { reference: NOTE_NUMBERS, level: 0 } }));
        break;
      case 'paren':
      case 'bracket': {
        const label = v.noteNumbering === 'paren' ? `${f.number})` : `[${f.number}]`;
        out.push(new Paragraph({ indent: hanging, children: [new TextRun(label), new TextRun({ children: [new Tab(), f.text] })] }));
        break;
      }
    }
  }
  return out;
}

/** The .docx bytes of the annex in variant `v`. */
export async function buildDocx(annex: AnnexData, v: WordVariant): Promise<Uint8Array> {
  const body: Array<Paragraph | Table> = [
    new Paragraph({ children: [new TextRun({ text: annex.title, bold: true, size: Math.round(v.font.sizePt * 2 * 1.5) })], spacing: { after: 200 } }),
  ];
  if (v.legend === 'page-1') body.push(...legend(v));
  if (v.legend === 'legenda-block') {
    body.push(new Paragraph({ children: [new TextRun({ text: 'Legenda', bold: true })], spacing: { after: 80 } }), ...legend(v));
  }
  for (const line of annex.actionLines) {
    if (v.legend === 'per-action-line') body.push(...legend(v));
    body.push(actionLineTable(annex, line, v), new Paragraph(''));
  }
  if (v.notes === 'note-list') body.push(...noteList(annex, v));
  const notes = Object.fromEntries(annex.footnotes.map((f) => [String(f.number), { children: noteDefinition(f.text) }]));
  const [pw, ph] = PAPER_TWIPS[v.paper];
  const [mt, mr, mb, ml] = v.marginsMm.map(convertMillimetersToTwip) as [number, number, number, number];
  const doc = new Document({
    creator: 'nap-annex word-rendition generator',
    ...(v.pageNumber === 'mirrored-roman' ? { evenAndOddHeaderAndFooters: true } : {}),
    title: annex.title,
    styles: {
      default: {
        document: {
          run: { font: v.font.embedded, size: Math.round(v.font.sizePt * 2) },
          paragraph: { spacing: { after: 0, line: Math.round(240 * (v.lineSpacing ?? 1)) } },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '\uF0B7',
              alignment: AlignmentType.LEFT,
              style: {
                run: { font: 'Symbol' },
                paragraph: { indent: { left: convertMillimetersToTwip(4), hanging: convertMillimetersToTwip(4) } },
              },
            },
          ],
        },
        {
          reference: NOTE_NUMBERS,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: convertMillimetersToTwip(6), hanging: convertMillimetersToTwip(6) } } },
            },
          ],
        },
      ],
    },
    ...(v.notes === 'footnotes' ? { footnotes: notes } : {}),
    ...(v.notes === 'endnotes' ? { endnotes: notes } : {}),
    sections: [
      {
        properties: {
          page: {
            size: { width: pw, height: ph, orientation: v.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            ...(v.pageNumber === 'mirrored-roman' ? { pageNumbers: { start: 1, formatType: NumberFormat.LOWER_ROMAN } } : {}),
            margin: {
              top: mt,
              right: mr,
              bottom: mb,
              left: ml,
              header: convertMillimetersToTwip(Math.max(4, mt / 56.7 / 2)),
              footer: convertMillimetersToTwip(Math.max(4, mb / 56.7 / 3)),
            },
          },
        },
        headers: v.pageNumber === 'mirrored-roman' ? mirroredHeaders() : v.legend === 'every-page' ? { default: new Header({ children: legend(v) }) } : undefined,
        footers:
          v.pageNumber === 'footer-centre'
            ? { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) }
            : v.pageNumber === 'mirrored-roman'
              ? mirroredFooters()
              : undefined,
        children: body,
      },
    ],
  });
  // docx has no option for w:endnotePr or w:footnotePr: the settings part is given with them where needed.
  const settings = settingsXml(v);
  const overrides = settings !== null ? [{ path: 'word/settings.xml', data: settings }] : [];
  const docx = await Packer.toBuffer(doc, false, overrides);
  return v.footnoteNumbering !== undefined ? withSectionFootnotePr(docx, FOOTNOTE_PR[v.footnoteNumbering]) : new Uint8Array(docx);
}

/**
 * The .docx with the footnote properties `footnotePr` in its section properties too, as Word
 * writes them (besides the document settings): LibreOffice reads the section's, and docx has no
 * option for them.
 */
async function withSectionFootnotePr(docx: Uint8Array | Buffer, footnotePr: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/document.xml');
  if (file === null) throw new Error('no word/document.xml in the .docx');
  const xml = await file.async('string');
  const at = xml.lastIndexOf('<w:pgSz ');
  if (at < 0 || xml.indexOf('<w:sectPr', 0) < 0) throw new Error('no section properties with a page size in word/document.xml');
  zip.file('word/document.xml', xml.slice(0, at) + footnotePr + xml.slice(at));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
