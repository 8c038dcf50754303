/**
 * The 2024 annex as a web page made for printing (the way a ministry's site or a CMS would print
 * it): a title, the status legend once, one <table> per action line whose <thead> the browser
 * repeats on every page (one row, or three: the column header, the `Actielijn N` band and the goal
 * row), rows that the browser breaks across pages, explanation bullets as `•` text, footnote
 * markers as <sup>, and the notes after the last table as an <ol> or as lines with a <sup> number.
 * The `layout: 'headings'` variants (the family of the third blind hold-out) put the Status column
 * first, print each action line as an `Actielijn N` heading and goal paragraph above its own table,
 * draw the statuses as inline SVG shapes (one shape per status), raise markers in brackets `[n]`,
 * stripe the body rows instead of ruling them, and list the notes as `[n] text`.
 * Content: scripts/pdf-rendition/annex-data.ts (the text export's data, with marker positions).
 */
import type { AnnexData, ActivityData, RichWord } from '../pdf-rendition/annex-data.js';
import { STATUS_LABELS } from '../pdf-rendition/annex-data.js';

export interface HtmlPrintVariant {
  name: string;
  description: string;
  /** The program that prints the page to PDF. */
  engine: 'weasyprint' | 'chromium';
  /** CSS `@page size`, e.g. `A4 portrait`, `A5`. */
  pageSize: string;
  /** Page size in points [w, h], checked against the PDF. */
  pagePt: [number, number];
  marginsMm: [number, number, number, number];
  /** CSS font-family (an installed font) and size in points. */
  font: { family: string; sizePt: number; lineHeight: number };
  /** Rows of the <thead>: 1 = the column header; 3 = also the `Actielijn N` band and the goal row. */
  headRows: 1 | 3;
  /**
   * Table rules: `grid`; `row-tops` (a rule above each body row only, so a row broken by a page end
   * has no closing rule under its first part); `none`.
   */
  rules: 'grid' | 'row-tops' | 'none';
  /** Notes after the last table under "Noten": an <ol> (the browser prints `1.`), lines with a superscript number, or lines `[n] text` (the `headings` layout). */
  notes: 'ol' | 'sup-lines' | 'bracket-lines';
  /** Legend label order (STATUS_LABELS) → #rrggbb. */
  palette: [string, string, string, string, string];
  /** Relative column widths, in the printed order (Activiteit, Status, … or, with `headings`, Status, Activiteit, …). */
  columns: [number, number, number, number, number];
  /**
   * Optional, absent in the first variants: `headings` = columns `Status | Activiteit | Wanneer |
   * Wie | Toelichting`, each action line an <h2> `Actielijn N` and a bold goal paragraph above a
   * table of its own (headRows must be 1), statuses as inline SVG shapes, markers `<sup>[n]</sup>`,
   * notes as lines `[n] text`.
   */
  headings?: HeadingsLayout;
}

/** The choices of a `headings` variant. */
export interface HeadingsLayout {
  /** One SVG shape per status, in STATUS_LABELS order. */
  shapes: [IconShape, IconShape, IconShape, IconShape, IconShape];
  /** Column header fill and text colour (#rrggbb). */
  header: { fill: string; text: string };
  /** Fill of every second body row (zebra stripes; no rules). */
  stripe: string;
  /** Colour of the `Actielijn N` headings. */
  heading: string;
}

export type IconShape = 'circle' | 'square' | 'diamond' | 'triangle-up' | 'triangle-down';

const SHAPE_SVG: Record<IconShape, (c: string) => string> = {
  circle: (c) => `<circle cx="5" cy="5" r="4.5" fill="${c}"/>`,
  square: (c) => `<rect x="0.8" y="0.8" width="8.4" height="8.4" fill="${c}"/>`,
  diamond: (c) => `<polygon points="5,0 10,5 5,10 0,5" fill="${c}"/>`,
  'triangle-up': (c) => `<polygon points="5,0.3 9.9,9.5 0.1,9.5" fill="${c}"/>`,
  'triangle-down': (c) => `<polygon points="0.1,0.5 9.9,0.5 5,9.7" fill="${c}"/>`,
};

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A footnote marker as printed: `<sup>12</sup>`, or `<sup>[12]</sup>` with `brackets`. */
const markerHtml = (n: number, brackets: boolean): string => `<sup>${brackets ? `[${n}]` : n}</sup>`;

function wordHtml(w: RichWord, brackets: boolean): string {
  let out = '';
  let last = 0;
  for (const m of w.markers) {
    out += esc(w.text.slice(last, m.at)) + (m.spaced ? ' ' : '') + markerHtml(m.number, brackets);
    last = m.at;
  }
  return out + esc(w.text.slice(last));
}

const wordsHtml = (words: RichWord[], brackets: boolean): string => words.map((w) => wordHtml(w, brackets)).join(' ');

function explanationHtml(a: ActivityData, brackets = false): string {
  return a.blocks
    .map((b) =>
      b.type === 'paragraph' ? `<p>${wordsHtml(b.words, brackets)}</p>` : `<ul>${b.items.map((i) => `<li>${wordsHtml(i, brackets)}</li>`).join('')}</ul>`,
    )
    .join('');
}

function css(v: HtmlPrintVariant): string {
  const [t, r, b, l] = v.marginsMm;
  const total = v.columns.reduce((x, y) => x + y, 0);
  const rule = '0.6pt solid #7f7f7f';
  const rules =
    v.rules === 'grid'
      ? `th, td { border: ${rule}; }`
      : v.rules === 'row-tops'
        ? `thead tr:first-child th { border-bottom: ${rule}; } tbody tr td { border-top: ${rule}; }`
        : '';
  return `
@page { size: ${v.pageSize}; margin: ${t}mm ${r}mm ${b}mm ${l}mm; }
html { font-family: ${v.font.family}; font-size: ${v.font.sizePt}pt; line-height: ${v.font.lineHeight}; color: #000; }
body { margin: 0; }
h1 { font-size: 1.4em; margin: 0 0 0.6em; }
h2 { font-size: 1.1em; margin: 1.2em 0 0.4em; }
ul.legend { list-style: none; padding: 0; margin: 0 0 1em; }
ul.legend li { margin: 0.1em 0; }
.cue { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; vertical-align: -0.05em; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 1em; }
thead { display: table-header-group; }
tr { break-inside: auto; }
th { text-align: left; font-weight: bold; }
th, td { vertical-align: top; padding: 2pt 3pt; }
td.status { text-align: center; }
tr.band td { font-weight: bold; }
td p { margin: 0 0 0.3em; }
td ul { list-style: none; margin: 0 0 0.3em; padding: 0 0 0 0.9em; }
td ul li { text-indent: -0.9em; }
td ul li::before { content: "\\2022\\00a0\\00a0"; }
sup { font-size: 0.6em; line-height: 0; }
${rules}
${v.columns.map((c, i) => `col.c${i} { width: ${((c / total) * 100).toFixed(2)}%; }`).join('\n')}
ol.notes { margin: 0; padding-left: 2em; }
p.note { margin: 0.1em 0; }
${v.headings ? headingsCss(v.headings) : ''}`;
}

/** The extra CSS of a `headings` variant: coloured column header, zebra rows, SVG cues, hanging note labels. */
function headingsCss(h: HeadingsLayout): string {
  return `html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h2 { color: ${h.heading}; margin: 1.2em 0 0.15em; break-after: avoid; }
p.goal { font-weight: bold; margin: 0 0 0.5em; break-after: avoid; }
svg.cue { width: 1em; height: 1em; vertical-align: -0.12em; }
th { background: ${h.header.fill}; color: ${h.header.text}; }
th.status, td.status { text-align: center; }
tbody tr:nth-child(even) td { background: ${h.stripe}; }
p.note { padding-left: 2.6em; text-indent: -2.6em; }
p.note span.n { display: inline-block; width: 2.6em; text-indent: 0; }
`;
}

/** The `headings` layout's page body: legend, per action line a heading, goal and table, then the notes. */
function headingsBody(annex: AnnexData, v: HtmlPrintVariant, h: HeadingsLayout): string[] {
  const cue = (label: string): string => {
    const i = STATUS_LABELS.indexOf(label);
    if (i < 0) throw new Error(`unknown status ${label}`);
    return `<svg class="cue" viewBox="0 0 10 10" width="10" height="10" role="img" aria-label="${esc(label)}">${SHAPE_SVG[h.shapes[i]!](v.palette[i]!)}</svg>`;
  };
  const out: string[] = [];
  out.push(`<h1>${esc(annex.title)}</h1>`);
  out.push(`<ul class="legend">${STATUS_LABELS.map((l) => `<li>${cue(l)} ${esc(l)}</li>`).join('')}</ul>`);
  for (const line of annex.actionLines) {
    out.push(`<h2>Actielijn ${line.number}</h2>`, `<p class="goal">${esc(line.title)}</p>`);
    out.push('<table>', `<colgroup>${v.columns.map((_, i) => `<col class="c${i}">`).join('')}</colgroup>`);
    out.push(`<thead><tr><th class="status">Status</th><th>Activiteit</th><th>${esc(line.planningHeader)}</th><th>Wie</th><th>Toelichting</th></tr></thead><tbody>`);
    for (const a of annex.activities.filter((x) => x.actionLine === line.number)) {
      out.push(
        `<tr><td class="status">${cue(a.status)}</td><td>${esc(a.title)}</td><td>${esc(a.planning)}</td><td>${esc(a.owners)}</td><td>${explanationHtml(a, true)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push('<h2>Noten</h2>');
  for (const f of annex.footnotes) out.push(`<p class="note"><span class="n">[${f.number}]</span>${esc(f.text)}</p>`);
  return out;
}

/** The HTML page of the annex for `v`. */
export function buildHtml(annex: AnnexData, v: HtmlPrintVariant): string {
  if (v.headings && (v.headRows !== 1 || v.notes !== 'bracket-lines')) throw new Error(`${v.name}: the headings layout has one head row and bracket-lines notes`);
  if (!v.headings && v.notes === 'bracket-lines') throw new Error(`${v.name}: bracket-lines notes belong to the headings layout`);
  const body = v.headings ? headingsBody(annex, v, v.headings) : tableBandsBody(annex, v);
  return `<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><title>${esc(annex.title)}</title>
<style>${css(v)}</style></head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

/** The first variants' page body: legend, one table per action line with the band and goal as rows, then the notes. */
function tableBandsBody(annex: AnnexData, v: HtmlPrintVariant): string[] {
  const cue = (label: string): string => `<span class="cue" style="background-color: ${v.palette[STATUS_LABELS.indexOf(label)]}"></span>`;
  const out: string[] = [];
  out.push(`<h1>${esc(annex.title)}</h1>`);
  out.push(`<ul class="legend">${STATUS_LABELS.map((l) => `<li>${cue(l)} ${esc(l)}</li>`).join('')}</ul>`);
  for (const line of annex.actionLines) {
    const head = `<tr><th>Activiteit</th><th>Status</th><th>${esc(line.planningHeader)}</th><th>Wie</th><th>Toelichting</th></tr>`;
    const band = `<tr class="band"><td colspan="5">Actielijn ${line.number}</td></tr>`;
    const goal = `<tr class="goal"><td colspan="5">${esc(line.title)}</td></tr>`;
    out.push('<table>', `<colgroup>${v.columns.map((_, i) => `<col class="c${i}">`).join('')}</colgroup>`);
    out.push(v.headRows === 3 ? `<thead>${head}${band}${goal}</thead><tbody>` : `<thead>${head}</thead><tbody>${band}${goal}`);
    for (const a of annex.activities.filter((x) => x.actionLine === line.number)) {
      out.push(
        `<tr><td>${esc(a.title)}</td><td class="status">${cue(a.status)}</td><td>${esc(a.planning)}</td><td>${esc(a.owners)}</td><td>${explanationHtml(a)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push('<h2>Noten</h2>');
  if (v.notes === 'ol') out.push(`<ol class="notes">${annex.footnotes.map((f) => `<li>${esc(f.text)}</li>`).join('')}</ol>`);
  else for (const f of annex.footnotes) out.push(`<p class="note"><sup>${f.number}</sup> ${esc(f.text)}</p>`);
  return out;
}
