/**
 * Makes `fixtures/html-generated/bijlage-1-2024.html`: an HTML rendition of the 2024 text export,
 * the way a web page of the annex would show it — one <section class="page"> per PDF page, the
 * legend as coloured icons, the table rows as <tr>, footnote markers as <sup>, footnotes as
 * <p class="footnote">, and each row's status as a coloured icon in the Status cell (statuses from
 * the PDF rendition's expected-statuses file). It transforms the export line by line without the
 * nap-annex pipeline, so the HTML reader is tested against an independent rendering.
 *
 * Run: npx tsx scripts/make-html-fixture.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const text = readFileSync(new URL('fixtures/nap-2024/bijlage-1.txt', root), 'utf8');
const statuses = JSON.parse(readFileSync(new URL('fixtures/nap-2024/bijlage-1-rendition.expected-statuses.json', root), 'utf8')) as { status: string }[];

/** A palette used nowhere else in the tests. */
const PALETTE: Record<string, string> = {
  Afgerond: '#1b7837',
  'In uitvoering': '#2166ac',
  'Doorlopend gedurende uitvoering programma': '#762a83',
  'In uitvoering met vertraging': '#e08214',
  'Nog niet begonnen of afgebroken': '#b2182b',
};
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (s: string): string =>
  s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (m) => `<sup>${[...m].map((c) => SUP.indexOf(c)).join('')}</sup>`);
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const icon = (label: string): string => `<span class="icon" style="background-color: ${PALETTE[label]}"></span>`;

const out: string[] = [];
let inTable = false;
let inLegend = false;
let activity = 0;
let pageOpen = false;
const closeTable = (): void => {
  if (inTable) out.push('</table>');
  inTable = false;
};
for (const line of text.split('\n')) {
  const trimmed = line.trim();
  if (trimmed === '') continue;
  const label = Object.keys(PALETTE).find((l) => l === trimmed);
  if (label && !line.includes('\t')) {
    if (!inLegend) {
      closeTable();
      if (pageOpen && out.at(-1)?.startsWith('<h1>') !== true) {
        out.push('</section>', '<section class="page">');
      }
      if (!pageOpen) out.push('<section class="page">');
      out.push('<ul class="legend">');
      pageOpen = true;
      inLegend = true;
    }
    out.push(`<li>${icon(label)} ${esc(label)}</li>`);
    continue;
  }
  if (inLegend) out.push('</ul>');
  inLegend = false;
  if (line.includes('\t')) {
    const cells = line.split('\t');
    if (cells[0] === 'Activiteit') {
      closeTable();
      out.push('<table>', `<tr>${cells.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`);
      inTable = true;
      continue;
    }
    const isFurniture = cells.slice(1).every((c) => c.trim() === '');
    let status = '';
    if (!isFurniture) status = icon(statuses[activity++]!.status);
    const [title = '', , when = '', who = '', ...rest] = cells;
    // The Toelichting keeps its HTML as the export has it; other cells are text.
    out.push(`<tr><td>${sup(esc(title))}</td><td>${status}</td><td>${sup(esc(when))}</td><td>${sup(esc(who))}</td><td>${sup(rest.join('\t'))}</td></tr>`);
    continue;
  }
  closeTable();
  const footnote = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(.*)$/.exec(trimmed);
  if (footnote) {
    out.push(`<p class="footnote">${sup(footnote[1]!)} ${esc(footnote[2]!)}</p>`);
  } else {
    if (!pageOpen) {
      out.push('<section class="page">');
      pageOpen = true;
      inLegend = false;
    }
    out.push(`<h1>${esc(trimmed)}</h1>`);
  }
}
closeTable();
out.push('</section>');
const html = `<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><title>Bijlage 1. Voortgang activiteiten NAP</title>
<style>.icon{display:inline-block;width:10px;height:10px;border-radius:5px}</style></head>
<body>
${out.join('\n')}
</body>
</html>
`;
writeFileSync(new URL('fixtures/html-generated/bijlage-1-2024.html', root), html);
console.log(`wrote fixtures/html-generated/bijlage-1-2024.html (${activity} activity rows, ${html.length} characters)`);
