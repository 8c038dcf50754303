/**
 * The 2024 annex as a LaTeX document (the way an author typesets a long table with pdfLaTeX): the
 * title, one `longtable` per action line whose column header longtable repeats on every page it
 * continues on (Actielijn 4: `Oorspronkelijke planning`), one table row per activity (longtable
 * never breaks a row across pages), footnote markers as `\textsuperscript`, explanation bullets as
 * `\textbullet` with a hanging indent, endnotes after the last table under "Noten", and the legend
 * where the variant puts it. Content: scripts/pdf-rendition/annex-data.ts (the text export's data,
 * with marker positions); nothing is typed by hand.
 *
 * Text is escaped so that the PDF's text equals the data: TeX specials, straight quotes kept
 * straight (`\textquotesingle`, `\textquotedbl`), and the T1 ligature pairs (`--`, `,,`, `<<`,
 * `>>`, `!``, `?``) broken with `{}`.
 */
import type { ActivityData, AnnexData, RichWord } from '../pdf-rendition/annex-data.js';
import { STATUS_LABELS } from '../pdf-rendition/annex-data.js';
import type { LatexVariant } from './variants.js';

/** LaTeX-safe text (see the module docstring); throws on a character the set-up's fonts and inputenc cannot print. */
export function texEscape(s: string): string {
  let out = '';
  for (const c of s) {
    switch (c) {
      case '\\': out += '\\textbackslash{}'; break;
      case '{': out += '\\{'; break;
      case '}': out += '\\}'; break;
      case '&': out += '\\&'; break;
      case '%': out += '\\%'; break;
      case '$': out += '\\$'; break;
      case '#': out += '\\#'; break;
      case '_': out += '\\_'; break;
      case '~': out += '\\textasciitilde{}'; break;
      case '^': out += '\\textasciicircum{}'; break;
      case "'": out += '\\textquotesingle{}'; break;
      case '`': out += '\\textasciigrave{}'; break;
      case '"': out += '\\textquotedbl{}'; break;
      case '-': case ',': case '<': case '>': case '!': case '?': out += `${c}{}`; break;
      default:
        if (c.charCodeAt(0) > 126 && !'éèïëö–'.includes(c)) throw new Error(`character U+${c.charCodeAt(0).toString(16).padStart(4, '0')} "${c}" has no tested LaTeX rendering`);
        out += c;
    }
  }
  return out;
}

function word(w: RichWord): string {
  let out = '';
  let last = 0;
  for (const m of w.markers) {
    out += texEscape(w.text.slice(last, m.at)) + (m.spaced ? ' ' : '') + `\\textsuperscript{${m.number}}`;
    last = m.at;
  }
  return out + texEscape(w.text.slice(last));
}
const words = (ws: RichWord[]): string => ws.map(word).join(' ');

function cue(status: string): string {
  const i = STATUS_LABELS.indexOf(status);
  if (i < 0) throw new Error(`unknown status ${status}`);
  return `\\cue{st${i + 1}}`;
}

/** The Toelichting cell: paragraphs and bullet items, a small skip between blocks. */
function explanation(a: ActivityData): string {
  const out: string[] = [];
  a.blocks.forEach((b, k) => {
    const skip = k > 0 ? '\\par\\smallskip ' : '';
    if (b.type === 'paragraph') out.push(`${skip}${words(b.words)}`);
    else b.items.forEach((item, j) => out.push(`${j === 0 ? skip : '\\par '}\\bulletitem ${words(item)}`));
  });
  return out.join('\n');
}

const hex = (c: string): string => c.replace(/^#/, '').toUpperCase();

/** The column specification of the variant's tables. */
function columnSpec(v: LatexVariant): string {
  const [title, status, planning, owners] = v.columnsMm;
  const bar = v.rules === 'grid' ? '|' : '';
  const text = v.justified ? '' : '>{\\raggedright\\arraybackslash}';
  const edge = v.rules === 'grid' ? '' : '@{}';
  const ruleWidths = v.rules === 'grid' ? '-6\\arrayrulewidth' : '';
  const pads = v.rules === 'grid' ? 10 : 8;
  const rest = `\\dimexpr\\linewidth-${title + status + planning + owners}mm-${pads}\\tabcolsep${ruleWidths}\\relax`;
  const c = v.cells;
  return [
    `${edge}${bar}${text}${c}{${title}mm}`,
    `${bar}>{\\centering\\arraybackslash}${c}{${status}mm}`,
    `${bar}${text}${c}{${planning}mm}`,
    `${bar}${text}${c}{${owners}mm}`,
    `${bar}${text}${c}{${rest}}${bar}${edge}`,
  ].join('');
}

/** The LaTeX source of the annex in variant `v`. */
export function buildTex(annex: AnnexData, v: LatexVariant): string {
  const m = v.margins;
  const src: string[] = [
    '\\documentclass[10pt]{article}',
    '\\usepackage[T1]{fontenc}',
    '\\usepackage[utf8]{inputenc}',
    ...v.font.packages.map((p) => `\\usepackage{${p}}`),
    '\\usepackage{textcomp}',
    // ToUnicode CMaps for every font, as accessibility-minded templates do.
    '\\input{glyphtounicode}\\pdfgentounicode=1',
    `\\usepackage[${v.paper}${v.landscape ? ',landscape' : ''},left=${m.left}mm,right=${m.right}mm,top=${m.top}mm,bottom=${m.bottom}mm]{geometry}`,
    '\\usepackage[table]{xcolor}',
    `\\usepackage{array,longtable,multicol,graphicx,pifont${v.rules === 'booktabs' ? ',booktabs' : ''}${v.pageStyle === 'fancy' ? ',fancyhdr' : ''}}`,
    // A fixed trailer /ID (pdfTeX derives one from the date and the file name otherwise).
    `\\pdftrailerid{${v.name}}`,
    ...v.palette.map((c, i) => `\\definecolor{st${i + 1}}{HTML}{${hex(c)}}`),
    v.cue.kind === 'dingbat'
      ? `\\newcommand{\\cue}[1]{\\textcolor{#1}{\\fontsize{${v.cue.sizePt}pt}{${v.cue.sizePt}pt}\\selectfont\\ding{${v.cue.char}}}}`
      : `\\newcommand{\\cue}[1]{\\raisebox{0.4mm}{\\rotatebox{45}{\\textcolor{#1}{\\rule{${v.cue.sideMm}mm}{${v.cue.sideMm}mm}}}}}`,
    '\\newcommand{\\bulletitem}{\\hangindent=1em\\hangafter=1\\noindent\\makebox[1em][l]{\\textbullet}}',
    `\\setlength{\\tabcolsep}{${v.tabcolsepPt}pt}`,
    '\\setlength{\\parindent}{0pt}',
    '\\setlength{\\LTpre}{4pt}\\setlength{\\LTpost}{6pt}',
    v.hyphenation
      ? // TeX's defaults (\hyphenpenalty 50), with some emergency stretch so that narrow justified cells do not overrun.
        '\\emergencystretch=1.5em'
      : '\\hyphenpenalty=10000 \\exhyphenpenalty=50 \\emergencystretch=2em',
  ];
  if (v.headerFill) src.push(`\\definecolor{headerfill}{HTML}{${hex(v.headerFill)}}`);
  if (v.pageStyle === 'fancy') {
    src.push(
      '\\pagestyle{fancy}\\fancyhf{}',
      '\\fancyhead[L]{\\footnotesize\\itshape Bijlage 1 bij de voortgangsrapportage NAP 2024}',
      '\\fancyfoot[R]{\\footnotesize\\thepage}',
      '\\renewcommand{\\headrulewidth}{0.4pt}',
    );
  } else src.push('\\pagestyle{plain}');
  src.push('\\begin{document}', `{\\Large\\bfseries ${texEscape(annex.title)}\\par}`, '\\bigskip');
  const legend = (): void => {
    if (v.legend === 'page-1') {
      src.push(`{${v.font.sizeCommand}\\textbf{Legenda:}${STATUS_LABELS.map((l) => `\\quad ${cue(l)}\\,${texEscape(l)}`).join('')}\\par}`, '\\bigskip');
    } else {
      src.push('\\bigskip', '{\\normalsize\\bfseries Legenda\\par}', '\\smallskip', `{${v.font.sizeCommand}\\begin{tabular}{@{}c@{\\quad}l@{}}`);
      src.push(...STATUS_LABELS.map((l) => `${cue(l)} & ${texEscape(l)} \\\\`), '\\end{tabular}\\par}');
    }
  };
  if (v.legend === 'page-1') legend();
  src.push(v.font.sizeCommand, `\\renewcommand{\\arraystretch}{${v.cells === 'm' ? '1.3' : '1.15'}}`);

  const spec = columnSpec(v);
  const fullWidth = v.rules === 'grid' ? '\\dimexpr\\linewidth-2\\tabcolsep-2\\arrayrulewidth\\relax' : '\\linewidth';
  for (const al of annex.actionLines) {
    const headerCells = ['Activiteit', 'Status', al.planningHeader, 'Wie', 'Toelichting'].map((h) => `\\textbf{${texEscape(h)}}`).join(' & ');
    const fill = v.headerFill ? '\\rowcolor{headerfill}' : '';
    if (v.actionLine === 'heading') {
      src.push(`\\subsection*{Actielijn ${al.number}}`, `${texEscape(al.title)}\\par`);
    }
    src.push(`\\begin{longtable}{${spec}}`);
    if (v.rules === 'grid') {
      src.push('\\hline', `${fill}${headerCells} \\\\`, '\\hline', '\\endhead');
      src.push(v.continuation ? `\\multicolumn{5}{r}{\\scriptsize\\itshape ${texEscape(v.continuation)}} \\\\` : '', '\\endfoot', '\\endlastfoot');
      src.push(
        `\\multicolumn{5}{|l|}{\\normalsize\\bfseries Actielijn ${al.number}} \\\\`,
        '\\hline',
        `\\multicolumn{5}{|>{\\raggedright\\arraybackslash}p{${fullWidth}}|}{${texEscape(al.title)}} \\\\`,
        '\\hline',
      );
    } else {
      src.push('\\toprule', `${fill}${headerCells} \\\\`, '\\midrule', '\\endhead');
      src.push('\\bottomrule');
      if (v.continuation) src.push(`\\multicolumn{5}{r@{}}{\\scriptsize\\itshape ${texEscape(v.continuation)}} \\\\`);
      src.push('\\endfoot', '\\bottomrule', '\\endlastfoot');
      if (v.actionLine === 'rows') {
        src.push(`\\multicolumn{5}{@{}l@{}}{\\normalsize\\bfseries Actielijn ${al.number}} \\\\`, `\\multicolumn{5}{@{}p{${fullWidth}}@{}}{${texEscape(al.title)}} \\\\`, '\\midrule');
      }
    }
    const rows = annex.activities.filter((a) => a.actionLine === al.number);
    rows.forEach((a, k) => {
      src.push(`${texEscape(a.title)} & ${cue(a.status)} & ${texEscape(a.planning)} & ${texEscape(a.owners)} &`, `${explanation(a)} \\\\`);
      if (v.rules === 'grid') src.push('\\hline');
      else if (k + 1 < rows.length) src.push('\\midrule');
    });
    src.push('\\end{longtable}');
  }

  const note = (n: number, text: string): string =>
    v.notes.numbers === 'dot'
      ? `\\hangindent=1.6em\\hangafter=1\\noindent\\makebox[1.6em][l]{${n}.}${texEscape(text)}\\par\\smallskip`
      : `\\hangindent=1.2em\\hangafter=1\\noindent\\makebox[1.2em][l]{\\textsuperscript{${n}}}${texEscape(text)}\\par\\smallskip`;
  // Notes: ragged right in both (their URLs cannot be justified), the heading kept with the first note.
  const heading = '{\\normalsize\\bfseries Noten\\par}\\smallskip';
  if (v.notes.columns === 2) {
    // multicols' preface keeps the heading with the columns; it takes no \par, hence the macro.
    src.push('\\bigskip', `\\newcommand{\\notesheading}{${heading}}`, '\\setlength{\\columnsep}{8mm}', '\\begin{multicols}{2}[\\notesheading]', '\\raggedright');
    src.push(...annex.footnotes.map((f) => note(f.number, f.text)), '\\end{multicols}');
  } else {
    src.push('\\bigskip', '\\begin{flushleft}', heading);
    src.push(...annex.footnotes.map((f) => note(f.number, f.text)), '\\end{flushleft}');
  }
  if (v.legend === 'end') legend();
  src.push('\\end{document}');
  return `${src.filter((l) => l !== '').join('\n')}\n`;
}
