/**
 * Lays out an annex like the real one and draws it with pdf-lib, recording the truth
 * (which activity starts on which page, which rows are split, where footnotes are defined).
 *
 * Page structure: title (page 1 only), status legend, then per action line a table head
 * (header row, `Actielijn N` row, goal sentence row; repeated on every page where the action
 * line continues), activity rows, footnote definitions at the bottom of the page that cites
 * them, and a page number in the footer. Footnote markers are drawn as raised small digits.
 *
 * `draw: false` runs the same layout without drawing (used to size the scaled annex).
 */
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ActionLineData, ActivityData, AnnexData, FootnoteData, Marker, RichBlock, RichWord } from './annex-data.js';
import { STATUS_LABELS } from './annex-data.js';
import { IconPainter, hexColor, type IconStyle } from './icons.js';

export type FontFamily = 'Helvetica' | 'Times-Roman' | 'Courier';

export interface VariantConfig {
  name: string;
  /** One line: what this variant varies (goes into the truth file). */
  description: string;
  fontFamily: FontFamily;
  /** [width, height] in points. */
  pageSize: readonly [number, number];
  margins: { top: number; right: number; bottom: number; left: number };
  fontSize: number;
  /** Line height as a multiple of the font size. */
  leading: number;
  cellPadding: number;
  icon: IconStyle;
  iconSize: number;
  /** Where the icon sits in the Status cell: vertical middle of the row part, or the first line. */
  iconAlign: 'middle' | 'top';
  /** Legend label → `#rrggbb`. */
  palette: Record<string, string>;
  /** Relative column widths: Activiteit, Status, Wanneer, Wie, Toelichting. */
  columns: readonly [number, number, number, number, number];
  headerFill: string | null;
  headerTextColor: string;
  actionLineFill: string | null;
  /** `rows`: horizontal rules between rows; `grid`: also vertical rules between cells. */
  rules: 'rows' | 'grid';
  ruleColor: string;
  ruleWidth: number;
  /** `avoid`: a row that does not fit moves to the next page (split only if taller than a page);
   *  `fill`: a row is split when at least `minSplitLines` explanation lines fit. */
  splitRows: 'avoid' | 'fill';
  minSplitLines: number;
  pageNumber: 'plain' | 'pagina';
  legendBox: boolean;
}

export interface TruthActivity {
  id: string;
  actionLine: number;
  title: string;
  status: string;
  planning: string;
  owners: string;
  footnotes: number[];
  /** Page where the row starts. */
  page: number;
  /** True when the row continues on the next page(s). */
  split: boolean;
  /** Every page the row occupies. */
  pages: number[];
}

export interface Truth {
  name: string;
  description: string;
  generator: string;
  pages: number;
  pageSize: [number, number];
  font: FontFamily;
  icon: IconStyle;
  palette: Record<string, string>;
  title: string;
  actionLines: Array<{ number: number; title: string; planningHeader: string; pages: number[] }>;
  activities: TruthActivity[];
  footnotes: Array<{ number: number; text: string; page: number }>;
  /** Characters the standard fonts' WinAnsi encoding lacks, and what was printed instead. */
  substitutions: Array<{ char: string; printed: string; count: number }>;
}

/** Fixed metadata so that output is byte-for-byte reproducible. */
const FIXED_DATE = new Date('2024-03-18T12:00:00Z');

const FONT_NAMES: Record<FontFamily, { regular: StandardFonts; bold: StandardFonts; italic: StandardFonts }> = {
  Helvetica: { regular: StandardFonts.Helvetica, bold: StandardFonts.HelveticaBold, italic: StandardFonts.HelveticaOblique },
  'Times-Roman': { regular: StandardFonts.TimesRoman, bold: StandardFonts.TimesRomanBold, italic: StandardFonts.TimesRomanItalic },
  Courier: { regular: StandardFonts.Courier, bold: StandardFonts.CourierBold, italic: StandardFonts.CourierOblique },
};

/** Characters WinAnsi lacks → what to print. Anything else unencodable prints as `?`. */
const FALLBACKS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
  '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2212': '-',
  '\u2032': "'", '\u2033': '"', '\u2192': '->', '\u2264': '<=', '\u2265': '>=',
};

interface VLine {
  indent: number;
  bullet: boolean;
  words: RichWord[];
  gapBefore: number;
}

interface RowMeasure {
  title: string[];
  planning: string[];
  owners: string[];
  lines: VLine[];
}

export interface RenderResult {
  bytes: Uint8Array | null;
  truth: Truth;
}

export async function renderAnnex(data: AnnexData, cfg: VariantConfig, options: { draw?: boolean } = {}): Promise<RenderResult> {
  const r = await Renderer.create(data, cfg, options.draw ?? true);
  return r.run();
}

class Renderer {
  private page: PDFPage | null = null;
  private pageNo = 0;
  private y = 0; // distance from the top edge
  private rowsOnPage = 0;
  private pageFootnotes: FootnoteData[] = [];
  private pageFootnoteHeight = 0;
  private currentLine: ActionLineData | null = null;
  private readonly subs = new Map<string, { printed: string; count: number }>();
  private readonly encodable = new Map<string, boolean>();
  private readonly widthCache = new Map<string, number>();
  private readonly footnotesByNumber: Map<number, FootnoteData>;
  private readonly truthActivities: TruthActivity[] = [];
  private readonly truthLines = new Map<number, number[]>();
  private readonly truthFootnotes: Array<{ number: number; text: string; page: number }> = [];

  private readonly W: number;
  private readonly H: number;
  private readonly colX: number[];
  private readonly colW: number[];
  private readonly lh: number;
  private readonly supSize: number;
  private readonly fnSize: number;
  private readonly fnLh: number;

  private constructor(
    private readonly data: AnnexData,
    private readonly cfg: VariantConfig,
    private readonly draw: boolean,
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly italic: PDFFont,
    private readonly icons: IconPainter,
  ) {
    [this.W, this.H] = cfg.pageSize;
    const tableW = this.W - cfg.margins.left - cfg.margins.right;
    const total = cfg.columns.reduce((a, b) => a + b, 0);
    this.colW = cfg.columns.map((c) => (c / total) * tableW);
    this.colX = [];
    let x = cfg.margins.left;
    for (const w of this.colW) {
      this.colX.push(x);
      x += w;
    }
    this.lh = cfg.fontSize * cfg.leading;
    this.supSize = cfg.fontSize * 0.6;
    this.fnSize = cfg.fontSize * 0.85;
    this.fnLh = this.fnSize * 1.2;
    this.footnotesByNumber = new Map(data.footnotes.map((f) => [f.number, f]));
  }

  static async create(data: AnnexData, cfg: VariantConfig, draw: boolean): Promise<Renderer> {
    for (const label of STATUS_LABELS) if (!cfg.palette[label]) throw new Error(`${cfg.name}: palette lacks "${label}"`);
    const doc = await PDFDocument.create({ updateMetadata: false });
    const names = FONT_NAMES[cfg.fontFamily];
    const [regular, bold, italic, dingbats] = await Promise.all([
      doc.embedFont(names.regular),
      doc.embedFont(names.bold),
      doc.embedFont(names.italic),
      doc.embedFont(StandardFonts.ZapfDingbats),
    ]);
    const icons = await IconPainter.create(doc, cfg.icon, dingbats, STATUS_LABELS.map((l) => cfg.palette[l]!));
    return new Renderer(data, cfg, draw, doc, regular, bold, italic, icons);
  }

  // ---------------------------------------------------------------- text helpers

  /** Maps characters WinAnsi cannot encode (recording each substitution). */
  private safe(text: string, strict = false): string {
    let out = '';
    for (const ch of text) {
      let ok = this.encodable.get(ch);
      if (ok === undefined) {
        try {
          this.regular.encodeText(ch);
          ok = true;
        } catch {
          ok = false;
        }
        this.encodable.set(ch, ok);
      }
      if (ok) {
        out += ch;
        continue;
      }
      if (strict) throw new Error(`"${text}" holds "${ch}", which the standard fonts cannot print; it must print exactly`);
      const printed = FALLBACKS[ch] ?? '?';
      const s = this.subs.get(ch) ?? { printed, count: 0 };
      s.count++;
      this.subs.set(ch, s);
      out += printed;
    }
    return out;
  }

  private width(text: string, font: PDFFont, size: number): number {
    const key = `${font.name}|${size}|${text}`;
    let w = this.widthCache.get(key);
    if (w === undefined) {
      w = font.widthOfTextAtSize(text, size);
      this.widthCache.set(key, w);
    }
    return w;
  }

  /**
   * Splits a word wider than `max`: after its last fitting hyphen, else by characters. `strict`
   * (cells whose text must read back exactly) refuses character breaks: widen the column instead.
   */
  private breakWord(word: string, font: PDFFont, size: number, max: number, strict = false): string[] {
    const parts: string[] = [];
    let rest = word;
    while (this.width(rest, font, size) > max && rest.length > 1) {
      let cut = 1;
      while (cut < rest.length && this.width(rest.slice(0, cut + 1), font, size) <= max) cut++;
      const hyphen = rest.lastIndexOf('-', cut - 1);
      if (hyphen > 0) cut = hyphen + 1;
      else if (strict) throw new Error(`${this.cfg.name}: "${word}" is wider than its column (${max.toFixed(1)} pt); widen the column`);
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    parts.push(rest);
    return parts;
  }

  /** Greedy wrap of plain text (single spaces between words, as all cell texts have). */
  private wrap(text: string, font: PDFFont, size: number, max: number, strict = false): string[] {
    const lines: string[] = [];
    let line = '';
    for (const raw of text.split(' ').filter((w) => w !== '')) {
      for (const word of this.breakWord(raw, font, size, max, strict)) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (line !== '' && this.width(candidate, font, size) > max) {
          lines.push(line);
          line = word;
        } else {
          line = candidate;
        }
      }
    }
    if (line !== '') lines.push(line);
    return lines.length > 0 ? lines : [''];
  }

  private markerWidth(m: Marker): number {
    return this.width(String(m.number), this.regular, this.supSize) + (m.spaced ? this.width(' ', this.regular, this.cfg.fontSize) : 0);
  }

  private richWidth(word: RichWord, size: number): number {
    let w = this.width(word.text, this.regular, size);
    for (const m of word.markers) w += this.markerWidth(m);
    return w;
  }

  private wrapRich(words: RichWord[], max: number): RichWord[][] {
    const lines: RichWord[][] = [];
    const space = this.width(' ', this.regular, this.cfg.fontSize);
    let line: RichWord[] = [];
    let lineW = 0;
    const expanded: RichWord[] = [];
    for (const w of words) {
      if (w.markers.length === 0 && this.richWidth(w, this.cfg.fontSize) > max) {
        for (const part of this.breakWord(w.text, this.regular, this.cfg.fontSize, max)) expanded.push({ text: part, markers: [] });
      } else expanded.push(w);
    }
    for (const w of expanded) {
      const ww = this.richWidth(w, this.cfg.fontSize);
      if (line.length > 0 && lineW + space + ww > max) {
        lines.push(line);
        line = [];
        lineW = 0;
      }
      lineW += (line.length > 0 ? space : 0) + ww;
      line.push(w);
    }
    if (line.length > 0) lines.push(line);
    return lines;
  }

  private explanationLines(blocks: RichBlock[]): VLine[] {
    const max = this.colW[4]! - 2 * this.cfg.cellPadding;
    const bulletIndent = this.width('•', this.regular, this.cfg.fontSize) + this.cfg.fontSize * 0.6;
    const gap = this.lh * 0.4;
    const out: VLine[] = [];
    blocks.forEach((block, bi) => {
      if (block.type === 'paragraph') {
        this.wrapRich(block.words, max).forEach((words, li) =>
          out.push({ indent: 0, bullet: false, words, gapBefore: bi > 0 && li === 0 ? gap : 0 }),
        );
      } else {
        block.items.forEach((item, ii) => {
          this.wrapRich(item, max - bulletIndent).forEach((words, li) =>
            out.push({ indent: bulletIndent, bullet: li === 0, words, gapBefore: bi > 0 && ii === 0 && li === 0 ? gap : 0 }),
          );
        });
      }
    });
    return out;
  }

  private linesHeight(lines: VLine[]): number {
    return lines.reduce((h, l) => h + l.gapBefore + this.lh, 0);
  }

  // ---------------------------------------------------------------- drawing primitives

  private pdfY(top: number): number {
    return this.H - top;
  }

  private text(s: string, x: number, baselineTop: number, font: PDFFont, size: number, color = '#000000'): void {
    if (!this.page || s === '') return;
    this.page.drawText(s, { x, y: this.pdfY(baselineTop), font, size, color: hexColor(color) });
  }

  private rule(x0: number, x1: number, top: number, color = this.cfg.ruleColor, thickness = this.cfg.ruleWidth): void {
    if (!this.page) return;
    this.page.drawLine({ start: { x: x0, y: this.pdfY(top) }, end: { x: x1, y: this.pdfY(top) }, thickness, color: hexColor(color) });
  }

  private vrule(x: number, top: number, bottom: number): void {
    if (!this.page) return;
    this.page.drawLine({
      start: { x, y: this.pdfY(top) },
      end: { x, y: this.pdfY(bottom) },
      thickness: this.cfg.ruleWidth,
      color: hexColor(this.cfg.ruleColor),
    });
  }

  private fill(x: number, top: number, w: number, h: number, color: string): void {
    if (!this.page) return;
    this.page.drawRectangle({ x, y: this.pdfY(top + h), width: w, height: h, color: hexColor(color) });
  }

  private ascent(size: number): number {
    return size * 0.8;
  }

  /** Draws a line of rich words; markers as raised digits at `supSize`. */
  private richLine(words: RichWord[], x: number, baselineTop: number): void {
    const size = this.cfg.fontSize;
    const space = this.width(' ', this.regular, size);
    let buf = '';
    let bufX = x;
    let cx = x;
    const flush = (): void => {
      this.text(buf, bufX, baselineTop, this.regular, size);
      buf = '';
    };
    words.forEach((w, i) => {
      if (i > 0) {
        buf += ' ';
        cx += space;
      }
      let last = 0;
      for (const m of w.markers) {
        const piece = w.text.slice(last, m.at);
        buf += piece;
        cx += this.width(piece, this.regular, size);
        flush();
        const digits = String(m.number);
        const dx = m.spaced ? this.width(' ', this.regular, size) : 0;
        this.text(digits, cx + dx, baselineTop - size * 0.38, this.regular, this.supSize);
        cx += this.markerWidth(m);
        bufX = cx;
        last = m.at;
      }
      const tail = w.text.slice(last);
      buf += tail;
      cx += this.width(tail, this.regular, size);
    });
    flush();
  }

  // ---------------------------------------------------------------- page furniture

  private get bottomLimit(): number {
    return this.H - this.cfg.margins.bottom - this.cfg.fontSize * 2;
  }

  private newPage(): void {
    if (this.pageNo > 0) this.finishPage();
    this.pageNo++;
    this.page = this.draw ? this.doc.addPage([this.W, this.H]) : null;
    this.y = this.cfg.margins.top;
    this.rowsOnPage = 0;
    this.pageFootnotes = [];
    this.pageFootnoteHeight = 0;
    if (this.pageNo === 1) this.drawTitle();
    this.drawLegend();
    if (this.currentLine) this.drawTableHead(this.currentLine);
  }

  private drawTitle(): void {
    const { margins } = this.cfg;
    const full = this.safe(this.data.title, true);
    const m = /^(Bijlage \d+\.)\s+(.*)$/.exec(full);
    const head = m ? m[1]! : full;
    const rest = m ? m[2]! : '';
    const big = this.cfg.fontSize * 1.9;
    const sub = this.cfg.fontSize * 1.35;
    this.y += this.ascent(big);
    this.text(head, margins.left, this.y, this.bold, big, '#1f2a44');
    this.y += big * 0.5;
    for (const line of this.wrap(rest, this.regular, sub, this.W - margins.left - margins.right)) {
      this.y += sub * 1.25;
      this.text(line, margins.left, this.y, this.regular, sub, '#1f2a44');
    }
    this.y += sub;
  }

  private drawLegend(): void {
    const { margins, fontSize, iconSize } = this.cfg;
    const x0 = margins.left;
    const maxW = this.W - margins.left - margins.right;
    const pad = this.cfg.legendBox ? 4 : 0;
    const itemGap = fontSize * 1.6;
    const lineH = Math.max(iconSize, fontSize) * 1.5;
    // Flow the five entries into lines.
    const entries = STATUS_LABELS.map((label) => ({ label, w: iconSize + 4 + this.width(label, this.regular, fontSize) }));
    const lines: Array<typeof entries> = [[]];
    let used = 0;
    for (const e of entries) {
      const cur = lines[lines.length - 1]!;
      if (cur.length > 0 && used + itemGap + e.w > maxW - 2 * pad - 4) {
        lines.push([e]);
        used = e.w;
      } else {
        used += (cur.length > 0 ? itemGap : 0) + e.w;
        cur.push(e);
      }
    }
    const boxH = lines.length * lineH + 2 * pad;
    if (this.cfg.legendBox && this.page) {
      this.page.drawRectangle({
        x: x0,
        y: this.pdfY(this.y + boxH),
        width: maxW,
        height: boxH,
        borderColor: hexColor(this.cfg.ruleColor),
        borderWidth: this.cfg.ruleWidth,
      });
    }
    lines.forEach((line, li) => {
      const midTop = this.y + pad + li * lineH + lineH / 2;
      let x = x0 + pad + 4;
      for (const e of line) {
        if (this.page) this.icons.draw(this.page, x + iconSize / 2, this.pdfY(midTop), iconSize, this.cfg.palette[e.label]!);
        this.text(e.label, x + iconSize + 4, midTop + fontSize * 0.35, this.regular, fontSize);
        x += e.w + itemGap;
      }
    });
    this.y += boxH + fontSize;
  }

  private headerCells(line: ActionLineData): string[] {
    return ['Activiteit', 'Status', line.planningHeader, 'Wie', 'Toelichting'];
  }

  private tableHeadHeight(line: ActionLineData): number {
    const p = this.cfg.cellPadding;
    const headerLines = Math.max(...this.headerCells(line).map((c, i) => this.wrap(c, this.bold, this.cfg.fontSize, this.colW[i]! - 2 * p).length));
    const goalLines = this.wrap(this.safe(line.title, true), this.italic, this.cfg.fontSize, this.tableWidth - 2 * p).length;
    return headerLines * this.lh + (1 + goalLines) * this.lh + 6 * p;
  }

  private get tableWidth(): number {
    return this.colW.reduce((a, b) => a + b, 0);
  }

  private drawTableHead(line: ActionLineData): void {
    const p = this.cfg.cellPadding;
    const x0 = this.cfg.margins.left;
    const tw = this.tableWidth;
    const cells = this.headerCells(line).map((c, i) => this.wrap(c, this.bold, this.cfg.fontSize, this.colW[i]! - 2 * p));
    const hh = Math.max(...cells.map((c) => c.length)) * this.lh + 2 * p;
    if (this.cfg.headerFill) this.fill(x0, this.y, tw, hh, this.cfg.headerFill);
    this.rule(x0, x0 + tw, this.y);
    cells.forEach((lines, i) =>
      lines.forEach((l, k) =>
        this.text(l, this.colX[i]! + p, this.y + p + this.ascent(this.cfg.fontSize) + k * this.lh, this.bold, this.cfg.fontSize, this.cfg.headerTextColor),
      ),
    );
    if (this.cfg.rules === 'grid') for (const x of [...this.colX, x0 + tw]) this.vrule(x, this.y, this.y + hh);
    this.y += hh;
    this.rule(x0, x0 + tw, this.y);
    // Actielijn N
    const ah = this.lh + 2 * p;
    if (this.cfg.actionLineFill) this.fill(x0, this.y, tw, ah, this.cfg.actionLineFill);
    this.text(`Actielijn ${line.number}`, x0 + p, this.y + p + this.ascent(this.cfg.fontSize), this.bold, this.cfg.fontSize);
    if (this.cfg.rules === 'grid') for (const x of [x0, x0 + tw]) this.vrule(x, this.y, this.y + ah);
    this.y += ah;
    this.rule(x0, x0 + tw, this.y);
    // goal sentence
    const goal = this.wrap(this.safe(line.title, true), this.italic, this.cfg.fontSize, tw - 2 * p);
    const gh = goal.length * this.lh + 2 * p;
    goal.forEach((l, k) => this.text(l, x0 + p, this.y + p + this.ascent(this.cfg.fontSize) + k * this.lh, this.italic, this.cfg.fontSize));
    if (this.cfg.rules === 'grid') for (const x of [x0, x0 + tw]) this.vrule(x, this.y, this.y + gh);
    this.y += gh;
    this.rule(x0, x0 + tw, this.y);
    const pages = this.truthLines.get(line.number) ?? [];
    if (!pages.includes(this.pageNo)) pages.push(this.pageNo);
    this.truthLines.set(line.number, pages);
  }

  // ---------------------------------------------------------------- footnotes

  private footnoteLines(f: FootnoteData): { num: string; numW: number; lines: string[] } {
    const num = String(f.number);
    const numW = this.width(num, this.regular, this.fnSize * 0.7) + 2;
    const lines = this.wrap(this.safe(f.text), this.regular, this.fnSize, this.W - this.cfg.margins.left - this.cfg.margins.right - numW);
    return { num, numW, lines };
  }

  private footnotesHeight(extra: FootnoteData[]): number {
    const all = [...this.pageFootnotes, ...extra];
    if (all.length === 0) return 0;
    const sep = this.fnSize * 1.2;
    return sep + all.reduce((h, f) => h + this.footnoteLines(f).lines.length * this.fnLh + 1, 0);
  }

  private finishPage(): void {
    const { margins } = this.cfg;
    if (this.pageFootnotes.length > 0) {
      let top = this.bottomLimit - this.footnotesHeight([]);
      this.rule(margins.left, margins.left + (this.W - margins.left - margins.right) * 0.35, top + this.fnSize * 0.4, '#000000', 0.5);
      top += this.fnSize * 1.2;
      for (const f of this.pageFootnotes) {
        const { num, numW, lines } = this.footnoteLines(f);
        lines.forEach((l, k) => {
          const base = top + this.ascent(this.fnSize) + k * this.fnLh;
          if (k === 0) this.text(num, margins.left, base - this.fnSize * 0.35, this.regular, this.fnSize * 0.7);
          this.text(l, margins.left + numW, base, this.regular, this.fnSize);
        });
        top += lines.length * this.fnLh + 1;
        this.truthFootnotes.push({ number: f.number, text: f.text, page: this.pageNo });
      }
    }
    const label = this.cfg.pageNumber === 'pagina' ? `Pagina ${this.pageNo}` : String(this.pageNo);
    const w = this.width(label, this.regular, this.cfg.fontSize);
    const x = this.cfg.pageNumber === 'pagina' ? this.W - margins.right - w : (this.W - w) / 2;
    this.text(label, x, this.H - margins.bottom, this.regular, this.cfg.fontSize, '#444444');
  }

  private footnotesOf(lines: VLine[]): FootnoteData[] {
    const out: FootnoteData[] = [];
    for (const l of lines)
      for (const w of l.words)
        for (const m of w.markers) {
          const f = this.footnotesByNumber.get(m.number);
          if (f && !this.pageFootnotes.includes(f) && !out.includes(f)) out.push(f);
        }
    return out;
  }

  // ---------------------------------------------------------------- rows

  private measure(a: ActivityData): RowMeasure {
    const p = this.cfg.cellPadding;
    return {
      title: this.wrap(this.safe(a.title, true), this.regular, this.cfg.fontSize, this.colW[0]! - 2 * p, true),
      planning: this.wrap(this.safe(a.planning, true), this.regular, this.cfg.fontSize, this.colW[2]! - 2 * p, true),
      owners: this.wrap(this.safe(a.owners, true), this.regular, this.cfg.fontSize, this.colW[3]! - 2 * p, true),
      lines: this.explanationLines(a.blocks.map((b) => this.safeBlock(b))),
    };
  }

  private safeBlock(b: RichBlock): RichBlock {
    const fix = (w: RichWord): RichWord => ({ text: this.safe(w.text), markers: w.markers });
    return b.type === 'paragraph' ? { type: 'paragraph', words: b.words.map(fix) } : { type: 'list', items: b.items.map((i) => i.map(fix)) };
  }

  /** Height of a row part: fixed cells (first part only) and some explanation lines. */
  private partHeight(m: RowMeasure, first: boolean, lines: VLine[]): number {
    const fixed = first ? Math.max(m.title.length, m.planning.length, m.owners.length) * this.lh : 0;
    return Math.max(fixed, this.linesHeight(lines)) + 2 * this.cfg.cellPadding;
  }

  private fits(height: number, footnotes: FootnoteData[]): boolean {
    return this.y + height + this.footnotesHeight(footnotes) <= this.bottomLimit + 0.01;
  }

  private placeActivity(a: ActivityData): void {
    const m = this.measure(a);
    let remaining = m.lines;
    let first = true;
    const pages: number[] = [];
    for (;;) {
      const fns = this.footnotesOf(remaining);
      if (this.fits(this.partHeight(m, first, remaining), fns)) {
        pages.push(this.pageNo);
        this.drawPart(a, m, first, remaining, fns);
        break;
      }
      const emptyPage = this.rowsOnPage === 0;
      if (this.cfg.splitRows === 'avoid' && !emptyPage) {
        this.newPage();
        continue;
      }
      // Split: as many explanation lines as fit here (always fewer than all).
      let k = 0;
      while (k < remaining.length - 1) {
        const part = remaining.slice(0, k + 1);
        if (!this.fits(this.partHeight(m, first, part), this.footnotesOf(part))) break;
        k++;
      }
      if (k >= (emptyPage ? 1 : this.cfg.minSplitLines)) {
        const part = remaining.slice(0, k);
        pages.push(this.pageNo);
        this.drawPart(a, m, first, part, this.footnotesOf(part));
        remaining = remaining.slice(k);
        first = false;
        this.newPage();
        continue;
      }
      if (emptyPage) throw new Error(`${this.cfg.name}: ${a.id} does not fit even on an empty page`);
      this.newPage();
    }
    this.truthActivities.push({
      id: a.id,
      actionLine: a.actionLine,
      title: a.title,
      status: a.status,
      planning: a.planning,
      owners: a.owners,
      footnotes: a.footnotes,
      page: pages[0]!,
      split: pages.length > 1,
      pages,
    });
  }

  private drawPart(a: ActivityData, m: RowMeasure, first: boolean, lines: VLine[], fns: FootnoteData[]): void {
    const p = this.cfg.cellPadding;
    const size = this.cfg.fontSize;
    const h = this.partHeight(m, first, lines);
    const top = this.y;
    const base = (k: number): number => top + p + this.ascent(size) + k * this.lh;
    if (first) {
      m.title.forEach((l, k) => this.text(l, this.colX[0]! + p, base(k), this.regular, size));
      m.planning.forEach((l, k) => this.text(l, this.colX[2]! + p, base(k), this.regular, size));
      m.owners.forEach((l, k) => this.text(l, this.colX[3]! + p, base(k), this.regular, size));
      const cx = this.colX[1]! + this.colW[1]! / 2;
      const cyTop = this.cfg.iconAlign === 'middle' ? top + h / 2 : top + p + this.lh / 2;
      if (this.page) this.icons.draw(this.page, cx, this.pdfY(cyTop), this.cfg.iconSize, this.cfg.palette[a.status]!);
    }
    let yy = top + p;
    for (const l of lines) {
      yy += l.gapBefore;
      const x = this.colX[4]! + p;
      if (l.bullet) this.text('•', x, yy + this.ascent(size), this.regular, size);
      this.richLine(l.words, x + l.indent, yy + this.ascent(size));
      yy += this.lh;
    }
    const x0 = this.cfg.margins.left;
    if (this.cfg.rules === 'grid') for (const x of [...this.colX, x0 + this.tableWidth]) this.vrule(x, top, top + h);
    this.y += h;
    this.rule(x0, x0 + this.tableWidth, this.y);
    this.rowsOnPage++;
    for (const f of fns) this.pageFootnotes.push(f);
  }

  // ---------------------------------------------------------------- run

  async run(): Promise<RenderResult> {
    this.newPage();
    for (const line of this.data.actionLines) {
      const acts = this.data.activities.filter((a) => a.actionLine === line.number);
      // Start the table here only if its head and (the start of) its first row fit too.
      const firstAct = acts[0];
      let needed = this.tableHeadHeight(line);
      if (firstAct) {
        const m = this.measure(firstAct);
        const lines = this.cfg.splitRows === 'avoid' ? m.lines : m.lines.slice(0, this.cfg.minSplitLines);
        needed += this.partHeight(m, true, lines);
      }
      this.currentLine = line;
      if (this.rowsOnPage > 0 && this.y + needed + this.footnotesHeight([]) > this.bottomLimit) this.newPage();
      else this.drawTableHead(line);
      for (const a of acts) this.placeActivity(a);
      this.y += this.cfg.fontSize; // space between action-line tables
    }
    this.finishPage();

    let bytes: Uint8Array | null = null;
    if (this.draw) {
      const doc = this.doc;
      doc.setTitle('Bijlage 1. Voortgang activiteiten NAP (generated rendition)');
      doc.setAuthor('nap-annex scripts/pdf-rendition');
      doc.setSubject(`PDF rendition variant ${this.cfg.name}`);
      doc.setProducer('nap-annex pdf-rendition (pdf-lib 1.17.1)');
      doc.setCreator('nap-annex');
      doc.setCreationDate(FIXED_DATE);
      doc.setModificationDate(FIXED_DATE);
      doc.setLanguage('nl-NL');
      bytes = await doc.save({ useObjectStreams: true });
    }
    const truth: Truth = {
      name: this.cfg.name,
      description: this.cfg.description,
      generator: 'scripts/pdf-rendition/generate.ts',
      pages: this.pageNo,
      pageSize: [this.W, this.H],
      font: this.cfg.fontFamily,
      icon: this.cfg.icon,
      palette: Object.fromEntries(STATUS_LABELS.map((l) => [l, this.cfg.palette[l]!])),
      title: this.data.title,
      actionLines: this.data.actionLines.map((l) => ({ ...l, pages: this.truthLines.get(l.number) ?? [] })),
      activities: this.truthActivities,
      footnotes: this.truthFootnotes,
      substitutions: [...this.subs].map(([char, s]) => ({ char, printed: s.printed, count: s.count })),
    };
    return { bytes, truth };
  }
}
