/**
 * The report page: one self-contained HTML document (CSS, script and SVG charts inline; a
 * Content-Security-Policy that allows no request at all), built from the view model. Every text
 * from the input passes through the escaping `html` template.
 */
import { createHash } from 'node:crypto';
import type { ActivityView, CompareView, DiagnosticView, FootnoteView, ReportModel, StatusStyle } from './data.js';
import { dutchDate } from './charts.js';
import { html, type SafeHtml, trustedHtml } from './html-template.js';
import { shiftText, WORDS, type Words } from './labels.js';
import { PAGE_CSS, PAGE_SCRIPT } from './page-assets.js';
import type { StatusCode } from '../schema/annex.js';

/** The rendered charts that go into the page (SVG markup from vega). */
export interface ReportCharts {
  statusBars: string | null;
  /** One timeline per action line, by action-line number. */
  timelines: Map<number, string>;
}

/** Renders the page; `version` is nap-annex's version for the footer. */
export function renderReportHtml(model: ReportModel, charts: ReportCharts, version: string): string {
  const w = WORDS[model.lang];
  const styles = new Map(model.statuses.map((s) => [s.code, s]));
  const scriptHash = createHash('sha256').update(PAGE_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`;
  const s = model.source;
  const compare = model.compare;
  const page = html`<!DOCTYPE html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nap-annex ${version}">
<title>${model.title}</title>
<style>${trustedHtml(PAGE_CSS)}</style>
</head>
<body>
<main>
<header class="page">
<p class="kicker">${w.source}: ${model.sourceName}</p>
<h1>${model.title}</h1>
<p class="meta" id="summary">${s.format.toUpperCase()}, ${s.pageCount} ${w.pages} · ${model.actionLines.length} ${w.actionLines} · <span id="activity-count">${model.activities.length}</span> ${w.activities}${compare ? html` · ${w.comparedWith} ${compare.olderFile} (${compare.olderCount} ${w.activities})` : ''}</p>
<p class="meta" id="reference-date">${model.annexDate === null ? w.dateNone : html`${model.annexDateSource === 'given' ? w.dateGiven : w.dateEdition}: ${dateText(model.annexDate, model.lang)}`}</p>
<nav class="toc" aria-label="${w.contents}"><a href="#progress">${w.progress}</a>${model.hasStatuses ? html`<a href="#attention">${w.attention}</a>` : ''}${compare ? html`<a href="#compare">${w.compare}</a>` : ''}<a href="#timeline">${w.timeline}</a><a href="#activities">${w.table}</a><a href="#diagnostics">${w.diagnostics}</a></nav>
</header>
${progressSection(model, charts, w)}
${model.hasStatuses ? attentionSection(model, w, styles) : ''}
${compare ? compareSection(compare, model, w) : ''}
${timelineSection(model, charts, w)}
${activitySection(model, w, styles)}
${diagnosticSection(model, w)}
<footer>${w.generated} ${version} · sha256 ${s.sha256.slice(0, 12)}…</footer>
</main>
<script>${trustedHtml(PAGE_SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
}

function statusCell(code: StatusCode | null, styles: Map<StatusCode, StatusStyle>, w: Words): SafeHtml {
  const s = code ? styles.get(code) : undefined;
  if (!s) return html`<span class="status small">${w.noStatus}</span>`;
  return html`<span class="status"><span class="swatch" style="background:${s.color}" aria-hidden="true"></span>${s.label}</span>`;
}

function progressSection(model: ReportModel, charts: ReportCharts, w: Words): SafeHtml {
  if (!model.hasStatuses) {
    return html`<section id="progress"><h2>${w.progress}</h2>
<p class="note" id="no-statuses">${w.noStatuses}</p>
<table id="action-lines"><thead><tr><th>${w.actionLine}</th><th class="num">${w.activities}</th></tr></thead><tbody>
${model.actionLines.map((l) => html`<tr><th scope="row">${w.actionLine} ${l.number}<div class="small">${l.title}</div></th><td class="num">${l.activityCount}</td></tr>`)}
</tbody></table></section>`;
  }
  const statuses = model.statuses;
  return html`<section id="progress"><h2>${w.progress}</h2>
<p class="small">${w.progressIntro} ${model.colorsFromLegend ? w.legendColors : w.paletteColors}</p>
<figure id="status-chart">${trustedHtml(charts.statusBars ?? '')}</figure>
<table id="status-counts"><thead><tr><th>${w.actionLine}</th>${statuses.map((s) => html`<th class="num" scope="col"><span class="swatch" style="background:${s.color}" aria-hidden="true"></span>${s.label}</th>`)}<th class="num">${w.total}</th></tr></thead><tbody>
${model.actionLines.map(
  (l) => html`<tr data-action-line="${l.number}"><th scope="row">${w.actionLine} ${l.number}<div class="small">${l.title}</div></th>${l.statusCounts.map(
    (c) => html`<td class="num${c.count === 0 ? ' zero' : ''}" data-status="${c.code}">${c.count}</td>`,
  )}<td class="num" data-total>${l.activityCount}</td></tr>`,
)}
</tbody></table></section>`;
}

function attentionSection(model: ReportModel, w: Words, styles: Map<StatusCode, StatusStyle>): SafeHtml {
  return html`<section id="attention"><h2>${w.attention} (${model.attention.length})</h2>
${model.attention.length === 0
  ? html`<p>${w.attentionNone}</p>`
  : html`<table><thead><tr><th>${w.id}</th><th>${w.activity}</th><th>${w.status}</th><th>${w.owners}</th><th>${w.planning}</th></tr></thead><tbody>
${model.attention.map((a) => html`<tr data-status="${a.status}"><td class="nowrap">${a.id}</td><td>${a.title}</td><td>${statusCell(a.status, styles, w)}</td><td>${a.owners}</td><td class="nowrap">${a.planning}</td></tr>`)}
</tbody></table>`}
</section>`;
}

function timelineSection(model: ReportModel, charts: ReportCharts, w: Words): SafeHtml {
  const activityIds = new Set(model.timeline.map((b) => b.id));
  return html`<section id="timeline"><h2>${w.timeline}</h2>
<p class="small">${w.timelineIntro} (${model.annexDate === null ? w.none : dateText(model.annexDate, model.lang)}). <span id="timeline-count">${activityIds.size}</span> ${w.timelineCount}.</p>
${model.actionLines.map((l) => html`<figure class="timeline" data-action-line="${l.number}"><figcaption><strong>${w.actionLine} ${l.number}</strong> — ${l.title}</figcaption>${trustedHtml(charts.timelines.get(l.number) ?? '')}</figure>`)}
</section>`;
}

function footnoteItems(footnotes: FootnoteView[]): SafeHtml {
  return html`<ol class="footnotes">${footnotes.map(
    (f) => html`<li value="${f.number}">${f.text}${f.citations.length > 0 ? html` — ${f.citations.map((c, i) => html`${i > 0 ? ', ' : ''}<a href="${c.url}" rel="noopener noreferrer">${c.id}</a>`)}` : ''}${f.links.length > 0 ? html` — ${f.links.map((l, i) => html`${i > 0 ? ', ' : ''}<a href="${l.url}" rel="noopener noreferrer">${l.text || l.url}</a>`)}` : ''}</li>`,
  )}</ol>`;
}

function explanationBlocks(a: ActivityView): SafeHtml {
  return html`${a.explanation.map((b) => (b.type === 'paragraph' ? html`<p>${b.text}</p>` : html`<ul>${b.items.map((i) => html`<li>${i}</li>`)}</ul>`))}`;
}

function activitySection(model: ReportModel, w: Words, styles: Map<StatusCode, StatusStyle>): SafeHtml {
  const owners = [...new Set(model.activities.flatMap((a) => a.ownerNames))].sort((x, y) => x.localeCompare(y, 'nl'));
  return html`<section id="activities"><h2>${w.table}</h2>
<div class="filters" role="search">
<label>${w.filterActionLine}<select id="filter-action-line"><option value="">${w.all}</option>${model.actionLines.map((l) => html`<option value="${l.number}">${w.actionLine} ${l.number}</option>`)}</select></label>
${model.hasStatuses ? html`<label>${w.filterStatus}<select id="filter-status"><option value="">${w.all}</option>${model.statuses.map((s) => html`<option value="${s.code}">${s.label}</option>`)}</select></label>` : ''}
<label>${w.filterOwner}<select id="filter-owner"><option value="">${w.all}</option>${owners.map((o) => html`<option value="${o}">${o}</option>`)}</select></label>
<label>${w.search}<input id="filter-search" type="search" placeholder="${w.searchPlaceholder}" autocomplete="off"></label>
<output aria-live="polite"><span id="filter-count">${model.activities.length}</span> ${w.of} ${model.activities.length} ${w.shown}</output>
</div>
<table id="activity-table"><thead><tr><th>${w.id}</th><th>${w.activity}</th>${model.hasStatuses ? html`<th>${w.status}</th>` : ''}<th>${w.planning}</th><th>${w.owners}</th></tr></thead>
${model.activities.map(
  (a) => html`<tbody class="activity" data-id="${a.id}" data-action-line="${a.actionLine}" data-status="${a.status ?? ''}" data-owners="${a.ownerNames.join('|')}">
<tr><td class="nowrap">${a.id}</td><td><button type="button" class="toggle" aria-expanded="false" aria-controls="detail-${a.id}"><span>${a.title}</span></button></td>${model.hasStatuses ? html`<td>${statusCell(a.status, styles, w)}</td>` : ''}<td>${a.planning}</td><td>${a.owners}</td></tr>
<tr class="detail" id="detail-${a.id}" hidden><td colspan="${model.hasStatuses ? 5 : 4}"><strong>${w.explanation}</strong>${explanationBlocks(a)}${a.footnotes.length > 0 ? footnoteItems(a.footnotes) : ''}<div class="where">${w.page} ${a.page}${a.line !== null ? html`, ${w.line} ${a.line}` : ''}</div></td></tr>
</tbody>`,
)}
</table></section>`;
}

function diagnosticSection(model: ReportModel, w: Words): SafeHtml {
  const diagnostics = model.diagnostics;
  const c = model.diagnosticCounts;
  return html`<section id="diagnostics"><h2>${w.diagnostics} (${c.error + c.warning + c.info})</h2>
<p class="small" id="diagnostic-counts">${c.error} / ${c.warning} / ${c.info} ${w.counted}${model.hiddenInfo > 0 ? html` · ${model.hiddenInfo} ${w.infoHidden}` : ''}</p>
${diagnostics.length === 0
  ? html`<p>${w.diagnosticsNone}</p>`
  : html`<table><thead><tr><th>${w.code}</th><th>${w.location}</th><th>${w.message}</th></tr></thead><tbody>
${diagnostics.map(
  (d) => html`<tr data-code="${d.code}"><td class="nowrap"><span class="sev-${d.severity}">${w.severity[d.severity]}</span> ${d.code}</td><td class="nowrap">${d.page !== null ? html`${w.page} ${d.page}` : ''}${d.line !== null ? html`${d.page !== null ? ', ' : ''}${w.line} ${d.line}` : ''}${d.row ? html` (${d.row})` : ''}</td><td>${d.message}${d.details ? html`<div class="small">${d.details}</div>` : ''}</td></tr>`,
)}
</tbody></table>`}
</section>`;
}

/** A date as the page's language writes it: `18-03-2024` (nl) or `2024-03-18` (en). */
function dateText(iso: string, lang: ReportModel['lang']): string {
  return lang === 'nl' ? dutchDate(iso) : iso;
}

function compareSection(c: CompareView, model: ReportModel, w: Words): SafeHtml {
  const labels = new Map(model.statuses.map((s) => [s.code, s.label]));
  const codes = model.statuses.map((s) => s.code);
  const count = (from: StatusCode, to: StatusCode): number => c.transitions.find((t) => t.from.code === from && t.to.code === to)?.count ?? 0;
  const list = (title: string, id: string, items: SafeHtml[]): SafeHtml =>
    items.length === 0 ? html`` : html`<h3 id="${id}">${title} (${items.length})</h3><ul>${items}</ul>`;
  const signed = (n: number | null): string => (n === null ? '' : n > 0 ? `+${n}` : String(n));
  return html`<section id="compare"><h2>${w.compare}</h2>
<p class="meta">${w.comparedWith} ${c.olderFile} (${c.olderCount} ${w.activities})</p>
<div class="counts" id="compare-counts"><span data-count="added">${w.added}: ${c.added.length}</span><span data-count="removed">${w.removed}: ${c.removed.length}</span><span data-count="renamed">${w.renamed}: ${c.renamed.length}</span><span data-count="changed">${w.changed}: ${c.changedCount}</span><span data-count="unchanged">${w.unchanged}: ${c.unchangedCount}</span></div>
${list(w.added, 'added', c.added.map((a) => html`<li data-id="${a.id}"><strong>${a.id}</strong> ${a.title}${a.status ? html` <span class="small">(${a.status})</span>` : ''}</li>`))}
${list(w.removed, 'removed', c.removed.map((a) => html`<li data-id="${a.id}"><strong>${a.id}</strong> ${a.title}</li>`))}
${list(w.renamed, 'renamed', c.renamed.map((r) => html`<li data-id="${r.newId}"><strong>${r.oldId === r.newId ? r.newId : `${r.oldId} → ${r.newId}`}</strong> <del>${r.oldTitle}</del> <ins>${r.newTitle}</ins></li>`))}
<h3>${w.transitions}</h3>
${c.transitions.length === 0
  ? html`<p class="note">${w.transitionsNone}</p>`
  : html`<p class="small">${w.transitionsIntro}</p>
<table id="transitions"><thead><tr><th>${w.from} ↓ / ${w.to} →</th>${codes.map((code) => html`<th class="num" scope="col">${labels.get(code)}</th>`)}</tr></thead><tbody>
${codes.map((from) => html`<tr><th scope="row">${labels.get(from)}</th>${codes.map((to) => {
  const n = count(from, to);
  return html`<td class="num${from === to ? ' diagonal' : n > 0 ? ' moved' : ''}${n === 0 ? ' zero' : ''}" data-from="${from}" data-to="${to}" title="${labels.get(from)} → ${labels.get(to)}: ${n}">${n}</td>`;
})}</tr>`)}
</tbody></table>
<ul id="transition-list">${c.transitions.filter((t) => t.from.code !== t.to.code).map((t) => html`<li>${labels.get(t.from.code)} → ${labels.get(t.to.code)}: ${t.count}</li>`)}</ul>`}
${c.statusChanges.length === 0 ? '' : html`<h3>${w.statusChanges} (${c.statusChanges.length})</h3><table id="status-changes"><thead><tr><th>${w.id}</th><th>${w.activity}</th><th>${w.from}</th><th>${w.to}</th></tr></thead><tbody>${c.statusChanges.map((s) => html`<tr data-id="${s.id}"><td class="nowrap">${s.id}</td><td>${s.title}</td><td>${s.from}</td><td>${s.to}</td></tr>`)}</tbody></table>`}
${c.planningShifts.length === 0 ? '' : html`<h3>${w.planningShifts} (${c.planningShifts.length})</h3><table id="planning-shifts"><thead><tr><th>${w.id}</th><th>${w.activity}</th><th>${w.from}</th><th>${w.to}</th><th>${w.start}/${w.end}</th></tr></thead><tbody>${c.planningShifts.map((p) => html`<tr data-id="${p.id}" data-start-shift="${signed(p.startQuarters)}" data-end-shift="${signed(p.endQuarters)}"><td class="nowrap">${p.id}</td><td>${p.title}</td><td class="nowrap">${p.from}</td><td class="nowrap">${p.to}</td><td class="nowrap">${shiftText('start', p.startQuarters, w)}, ${shiftText('end', p.endQuarters, w)}</td></tr>`)}</tbody></table>`}
${c.ownerChanges.length === 0 ? '' : html`<h3>${w.ownerChanges} (${c.ownerChanges.length})</h3><table id="owner-changes"><thead><tr><th>${w.id}</th><th>${w.activity}</th><th>${w.from}</th><th>${w.to}</th></tr></thead><tbody>${c.ownerChanges.map((o) => html`<tr data-id="${o.id}"><td class="nowrap">${o.id}</td><td>${o.title}</td><td>${o.from}</td><td>${o.to}${o.added.length + o.removed.length > 0 ? html`<div class="small">${o.added.map((x) => html`<ins>${x}</ins> `)}${o.removed.map((x) => html`<del>${x}</del> `)}</div>` : ''}</td></tr>`)}</tbody></table>`}
${c.explanationChanges.length === 0 ? '' : html`<h3>${w.explanationChanges} (${c.explanationChanges.length})</h3>${c.explanationChanges.map((e) => html`<div class="explanation-change" data-id="${e.id}"><p><strong>${e.id}</strong> ${e.title} <span class="small">(${e.wordsAdded} ${w.wordsAdded}, ${e.wordsRemoved} ${w.wordsRemoved})</span></p>${e.words ? html`<p class="word-diff">${e.words.map((p) => (p.op === 'added' ? html`<ins>${p.text}</ins>` : p.op === 'removed' ? html`<del>${p.text}</del>` : p.text))}</p>` : html`<p class="small">${w.tooDifferent}</p>`}</div>`)}`}
${c.otherChanges.length === 0 ? '' : html`<h3>${w.otherChanges} (${c.otherChanges.length})</h3><table id="other-changes"><tbody>${c.otherChanges.map((o) => html`<tr data-id="${o.id}"><td class="nowrap">${o.id}</td><td>${o.title}</td><td>${w.field[o.field] ?? o.field}: ${o.from} → ${o.to}</td></tr>`)}</tbody></table>`}
${c.notes.length === 0 ? '' : html`<h3 id="notes">${w.notes} (${c.notes.length})</h3><p class="small">${w.notesIntro}</p><table id="change-notes"><tbody>${c.notes.map((o) => html`<tr data-id="${o.id}" data-field="${o.field}"><td class="nowrap">${o.id}</td><td>${o.title}</td><td>${w.noteField[o.field] ?? o.field}: ${o.from} → ${o.to}</td></tr>`)}</tbody></table>`}
</section>`;
}
