/**
 * The report page's own style sheet and its one small script (vanilla JS, no framework), inlined
 * into the page. The script filters and searches the activity table and opens an activity's
 * explanation; everything else on the page works without it.
 */

/** The page's CSS: screen layout, and A4 print (`@media print`). */
export const PAGE_CSS = `
:root { --ink: #111827; --muted: #4b5563; --line: #d1d5db; --soft: #f3f4f6; --accent: #1d4ed8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
header.page { border-bottom: 3px solid var(--ink); padding-bottom: .75rem; margin-bottom: 1rem; }
header.page .kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .78rem; color: var(--muted); margin: 0; }
h1 { font-size: 1.45rem; line-height: 1.25; margin: .2rem 0 .4rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; padding-top: .25rem; border-top: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1.25rem 0 .35rem; }
p.meta { margin: .15rem 0; color: var(--muted); font-size: .9rem; }
nav.toc { font-size: .9rem; margin: .5rem 0 0; }
nav.toc a { margin-right: 1rem; }
a { color: var(--accent); }
.note { background: #fef3c7; border-left: 4px solid #d97706; padding: .6rem .8rem; margin: .75rem 0; }
.small { font-size: .85rem; color: var(--muted); }
figure { margin: .5rem 0 1rem; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .4rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--soft); border-bottom: 2px solid var(--ink); font-weight: 600; }
th .small { font-weight: normal; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: #9ca3af; }
td.diagonal { background: var(--soft); }
td.moved { background: #fef3c7; font-weight: 700; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .35em; vertical-align: -.05em; border: 1px solid rgba(0,0,0,.25); }
.status { white-space: nowrap; }
.nowrap { white-space: nowrap; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; background: var(--soft); padding: .6rem .75rem; border-radius: 4px; position: sticky; top: 0; z-index: 1; }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
.filters select, .filters input { font: inherit; font-size: .9rem; padding: .25rem .35rem; border: 1px solid #9ca3af; border-radius: 3px; background: #fff; color: var(--ink); }
.filters input { min-width: 16rem; }
.filters output { font-size: .9rem; margin-left: auto; }
button.toggle { font: inherit; text-align: left; background: none; border: 0; padding: 0; color: var(--ink); cursor: pointer; }
button.toggle::before { content: "▸"; display: inline-block; width: 1em; color: var(--muted); }
button.toggle[aria-expanded="true"]::before { content: "▾"; }
button.toggle:hover span, button.toggle:focus-visible span { text-decoration: underline; }
tr.detail td { background: #fafafa; padding: .5rem .8rem .8rem 2.2rem; }
tr.detail p { margin: .3rem 0; max-width: 80ch; }
tr.detail ol.footnotes { font-size: .82rem; color: var(--muted); padding-left: 1.4rem; }
.where { font-size: .78rem; color: var(--muted); }
ins { background: #dcfce7; text-decoration: none; border-bottom: 2px solid #15803d; }
del { background: #fee2e2; text-decoration: line-through; }
ins::before { content: "+"; font-size: .7em; vertical-align: super; }
del::before { content: "−"; font-size: .7em; vertical-align: super; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; }
.counts span { background: var(--soft); border-radius: 3px; padding: .15rem .5rem; font-size: .9rem; }
.sev-error { color: #b91c1c; font-weight: 600; }
.sev-warning { color: #92400e; font-weight: 600; }
footer { margin-top: 2rem; font-size: .8rem; color: var(--muted); }
@media print {
  @page { size: A4; margin: 14mm 12mm 16mm; }
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  nav.toc, .filters, .no-print { display: none !important; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 1.2rem; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, tr, tbody.activity { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  button.toggle::before { content: none; }
  .swatch, td.diagonal, td.moved, ins, del, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The page's script: filter by action line, status and owner, search as you type, open a row. */
export const PAGE_SCRIPT = `(function () {
  'use strict';
  var table = document.getElementById('activity-table');
  if (!table) return;
  var groups = Array.prototype.slice.call(table.querySelectorAll('tbody.activity'));
  var fold = function (s) { return s.toLocaleLowerCase('nl').normalize('NFD').replace(/[\\u0300-\\u036f]/g, ''); };
  var texts = groups.map(function (g) { return fold(g.textContent); });
  var byId = function (id) { return document.getElementById(id); };
  var line = byId('filter-action-line'), status = byId('filter-status'), owner = byId('filter-owner'), search = byId('filter-search'), count = byId('filter-count');
  function apply() {
    var words = fold(search.value).split(/\\s+/).filter(Boolean);
    var shown = 0;
    groups.forEach(function (g, i) {
      var ok = (!line.value || g.getAttribute('data-action-line') === line.value)
        && (!status || !status.value || g.getAttribute('data-status') === status.value)
        && (!owner.value || g.getAttribute('data-owners').split('|').indexOf(owner.value) >= 0)
        && words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      g.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = String(shown);
  }
  [line, status, owner].forEach(function (el) { if (el) el.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  table.addEventListener('click', function (event) {
    var button = event.target.closest('button.toggle');
    if (!button) return;
    var detail = document.getElementById(button.getAttribute('aria-controls'));
    var open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    detail.hidden = !open;
  });
  apply();
})();`;
