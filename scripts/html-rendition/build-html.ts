/**
 * The 2024 annex as a web page made for printing (the way a ministry's site or a CMS would print
 * it): a title, the status legend once, one <table> per action line whose <thead> the browser
 * repeats on every page (one row, or three: the column header, the `Actielijn N` band and the goal
 * row), rows that the browser breaks across pages, explanation bullets as `•` text, footnote
 * markers as <sup>, and the notes after the last table as an <ol> or as lines with a <sup> number.
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
  /** Notes after the last table under "Noten": an <ol> (the browser prints `1.`), or lines with a superscript number. */
  notes: 'ol' | 'sup-lines';
  /** Legend label order (STATUS_LABELS) → #rrggbb. */
  palette: [string, string, string, string, string];
  /** Relative column widths: Activiteit, Status, Wanneer, Wie, Toelichting. */
  columns: [number, number, number, number, number];
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function wordHtml(w: RichWord): string {
  let out = '';
  let last = 0;
  for (const m of w.markers) {
    out += esc(w.text.slice(last, m.at)) + (m.spaced ? ' ' : '') + `<sup>${m.number}</sup>`;
    last = m.at;
  }
  return out + esc(w.text.slice(last));
}

const wordsHtml = (words: RichWord[]): string => words.map(wordHtml).join(' ');

function explanationHtml(a: ActivityData): string {
  return a.blocks
    .map((b) => (b.type === 'paragraph' ? `<p>${wordsHtml(b.words)}</p>` : `<ul>${b.items.map((i) => `<li>${wordsHtml(i)}</li>`).join('')}</ul>`))
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
`;
}

/** The HTML page of the annex for `v`. */
export function buildHtml(annex: AnnexData, v: HtmlPrintVariant): string {
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
  return `<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><title>${esc(annex.title)}</title>
<style>${css(v)}</style></head>
<body>
${out.join('\n')}
</body>
</html>
`;
}
