/**
 * Small annex-like PDFs for reader tests: a legend with icons, the table header, rows with a
 * status icon (vector path, ZapfDingbats glyph or image), a footnote with a superscript marker,
 * cell borders as thin filled rectangles.
 */
import { type IconKind, type MiniImage, type MiniPage, buildPdf, icon, iconImage, pdfString } from './mini-pdf.js';

export const LABELS = ['Afgerond', 'In uitvoering', 'Doorlopend gedurende uitvoering programma', 'In uitvoering met vertraging', 'Nog niet begonnen of afgebroken'];

export interface MiniRow {
  /** Title lines (first column); empty for a continuation row. */
  title: string[];
  status?: number;
  wanneer?: string;
  wie?: string[];
  toelichting: string[];
  /** Footnote marker appended (as a raised small number, or letter) to the last Toelichting line. */
  marker?: number | string;
}

export interface MiniAnnexPage {
  rows: MiniRow[];
  /** Notes at the page bottom, each after its raised label (a number, or a letter). */
  footnotes?: { number: number | string; text: string }[];
  /** Third header cell; default `Wanneer`. */
  third?: string;
  /** Content stream operators drawn after the page (e.g. text drawn a second time). */
  extra?: string;
  /** More objects and resources of the page (mini-pdf.ts MiniPage: objects, ExtGStates, fonts, annotations …). */
  pdf?: Omit<MiniPage, 'content' | 'images'>;
  /** Leave out the legend row at the page's top (a legend printed elsewhere, or none). */
  noLegend?: true;
  /** Leave out the header row (a page of notes after the table, drawn with `extra`). */
  noHeader?: true;
}

const COLS = [40, 200, 250, 370, 470];
const RIGHT = 800;
const SIZE = 9;
const LEAD = 11;

export function miniAnnex(kind: IconKind, colors: readonly string[], pages: readonly MiniAnnexPage[]): Uint8Array {
  const images: MiniImage[] = kind === 'image' ? colors.map(iconImage) : [];
  return buildPdf(
    pages.map((p) => ({
      images,
      content: pageContent(kind, colors, p),
      ...p.pdf,
    })),
  );
}

function text(x: number, y: number, s: string, size = SIZE): string {
  return `BT /F1 ${size} Tf ${x} ${y} Td ${pdfString(s)} Tj ET`;
}

function hRule(y: number): string {
  return `0.6 0.6 0.6 rg ${COLS[0]! - 4} ${y} ${RIGHT - COLS[0]! + 4} 0.6 re f 0 0 0 rg`;
}

function pageContent(kind: IconKind, colors: readonly string[], p: MiniAnnexPage): string {
  const out: string[] = [];
  // Running header and legend.
  out.push(text(40, 565, 'Bijlage 1. Voortgang activiteiten', 12));
  let x = 50;
  if (p.noLegend !== true) {
    LABELS.forEach((label, i) => {
      out.push(icon(kind, colors[i]!, x, 540 + 3));
      out.push(text(x + 8, 540, label, 8));
      x += 8 + label.length * 4.2 + 25;
    });
  }
  // Header row.
  let y = 510;
  if (p.noHeader !== true) {
    out.push(hRule(y + 12));
    ['Activiteit', 'Status', p.third ?? 'Wanneer', 'Wie', 'Toelichting'].forEach((h, i) => out.push(text(COLS[i]!, y, h)));
    out.push(hRule(y - 5));
  }
  y -= 20;
  for (const r of p.rows) {
    const top = y;
    r.title.forEach((t, i) => out.push(text(COLS[0]!, top - i * LEAD, t)));
    if (r.status !== undefined) out.push(icon(kind, colors[r.status]!, COLS[1]! + 10, top + 3));
    if (r.wanneer) out.push(text(COLS[2]!, top, r.wanneer));
    (r.wie ?? []).forEach((t, i) => out.push(text(COLS[3]!, top - i * LEAD, t)));
    r.toelichting.forEach((t, i) => {
      const last = i === r.toelichting.length - 1;
      const marker = last && r.marker !== undefined ? ` /F1 6 Tf 3.5 Ts ${pdfString(String(r.marker))} Tj 0 Ts` : '';
      out.push(`BT /F1 ${SIZE} Tf ${COLS[4]!} ${top - i * LEAD} Td ${pdfString(t)} Tj${marker} ET`);
    });
    const lines = Math.max(r.title.length, r.toelichting.length, r.wie?.length ?? 1, 1);
    y = top - lines * LEAD - 6;
    out.push(hRule(y + 8));
    y -= 8;
  }
  // Footnotes.
  let fy = 60;
  for (const f of p.footnotes ?? []) {
    out.push(`BT /F1 5 Tf 2.5 Ts 40 ${fy} Td ${pdfString(String(f.number))} Tj 0 Ts /F1 7 Tf 5 0 Td ${pdfString(f.text)} Tj ET`);
    fy -= 9;
  }
  out.push(text(410, 25, '3', 8)); // page number
  if (p.extra) out.push(p.extra);
  return out.join('\n');
}
