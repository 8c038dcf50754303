/**
 * The report's charts as Vega-Lite specifications, compiled by vega-lite and rendered to SVG
 * strings by vega's headless renderer (`View.toSVG()`), when the report is built: the page
 * carries the finished SVG and runs no chart code. Every mark has a text label (a count, a
 * planning text), so a chart reads in black and white and to a screen reader (vega writes
 * `aria-label`s from `description`).
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ReportModel, StatusStyle, TimelineBar } from './data.js';
import type { Words } from './labels.js';

/** Fonts of the charts: the page's system font stack, so the SVG text matches the page. */
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
/** Colour of bars without a status (text export): neutral grey with enough contrast on white. */
const NO_STATUS_COLOR = '#6b7280';
/** Width of every chart in SVG pixels; the page scales the SVG to its column (and to A4). */
const CHART_WIDTH = 940;

const BASE_CONFIG = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, labelColor: '#1f2937', titleColor: '#1f2937', domainColor: '#9ca3af', tickColor: '#9ca3af', gridColor: '#e5e7eb' },
  legend: { labelFontSize: 11, symbolType: 'square', labelLimit: 480 },
  background: 'white',
};

/** Renders a Vega-Lite spec to an SVG string (vega's headless SVG renderer; no DOM, no network). */
export async function renderSvg(spec: TopLevelSpec, ariaLabel: string): Promise<string> {
  const vega = compile(spec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // Make the SVG scale with its container, and name it for screen readers.
    return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeAttribute(ariaLabel)}" preserveAspectRatio="xMinYMin meet" `);
  } finally {
    view.finalize();
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textColorOn(hex: string): string {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

/**
 * The stacked bar of statuses per action line: one bar per action line, one segment per status
 * (legend order and colours), the count written in each segment and the total after the bar.
 */
export function statusBarSpec(model: ReportModel, words: Words): TopLevelSpec {
  const rank = new Map(model.statuses.map((s, i) => [s.code, i]));
  const style = new Map(model.statuses.map((s) => [s.code, s]));
  const values = model.actionLines.flatMap((l) =>
    l.statusCounts
      .filter((c) => c.count > 0)
      .map((c) => {
        const s = style.get(c.code)!;
        return { line: `${words.actionLine} ${l.number}`, rank: rank.get(c.code)!, label: s.label, count: c.count, textColor: textColorOn(s.color), description: `${words.actionLine} ${l.number}, ${s.label}: ${c.count}` };
      }),
  );
  const lines = model.actionLines.map((l) => `${words.actionLine} ${l.number}`);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH - 360,
    height: { step: 30 },
    config: BASE_CONFIG,
    data: { values },
    transform: [
      { stack: 'count', groupby: ['line'], sort: [{ field: 'rank', order: 'ascending' }], as: ['x0', 'x1'] },
      { calculate: '(datum.x0 + datum.x1) / 2', as: 'mid' },
    ],
    encoding: { y: { field: 'line', type: 'nominal', sort: lines, title: null, axis: { labelFontWeight: 'bold', ticks: false, domain: false } } },
    layer: [
      {
        mark: { type: 'bar', stroke: 'white', strokeWidth: 1.5, height: { band: 0.75 } },
        encoding: {
          x: { field: 'x0', type: 'quantitative', title: words.activities, axis: { tickMinStep: 1, format: 'd' } },
          x2: { field: 'x1' },
          color: {
            field: 'label',
            type: 'nominal',
            title: null,
            scale: { domain: model.statuses.map((s) => s.label), range: model.statuses.map((s) => s.color) },
            legend: { orient: 'bottom', direction: 'vertical', columns: 2, symbolStrokeWidth: 0 },
          },
          description: { field: 'description' },
        },
      },
      {
        mark: { type: 'text', fontSize: 11, fontWeight: 'bold' },
        encoding: {
          x: { field: 'mid', type: 'quantitative' },
          text: { field: 'count', type: 'quantitative' },
          color: { field: 'textColor', type: 'nominal', scale: null },
        },
      },
      {
        transform: [{ aggregate: [{ op: 'sum', field: 'count', as: 'total' }], groupby: ['line'] }],
        mark: { type: 'text', align: 'left', dx: 5, fontSize: 11, color: '#1f2937' },
        encoding: { x: { field: 'total', type: 'quantitative' }, text: { field: 'total', type: 'quantitative' } },
      },
    ],
  };
}

/** First and last day of the timeline's axis, shared by all action lines so they line up. */
export interface TimelineDomain {
  start: string;
  /** Where an open-ended bar stops (its arrow). */
  openEnd: string;
  end: string;
}

/** The axis of the timeline: from the first year of any range to the last, plus room for labels after the bars. */
export function timelineDomain(bars: readonly TimelineBar[], annexDate: string): TimelineDomain {
  let first = Number(annexDate.slice(0, 4));
  let last = first;
  for (const b of bars) {
    for (const d of [b.start, b.end]) {
      if (d === null) continue;
      const y = Number(d.slice(0, 4));
      if (y < first) first = y;
      if (y > last) last = y;
    }
  }
  return { start: `${first}-01-01`, openEnd: `${last + 1}-01-01`, end: `${last + 4}-01-01` };
}

/**
 * The planning timeline of one action line: one row per activity (id and title on the axis), one
 * bar per parsed range coloured by status, open ends drawn to an arrow, the planning text after
 * the bar, and the reference date as a vertical rule.
 */
export function timelineSpec(bars: readonly TimelineBar[], statuses: readonly StatusStyle[], domain: TimelineDomain, annexDate: string, words: Words): TopLevelSpec {
  const color = new Map(statuses.map((s) => [s.code, s]));
  const order = [...new Set(bars.map((b) => rowLabel(b)))];
  const x = { type: 'temporal' as const, scale: { domainMin: Date.parse(domain.start), domainMax: Date.parse(domain.end) } };
  const y = { field: 'row', type: 'nominal' as const, sort: order, title: null, axis: { labelLimit: 400, ticks: false, domain: false, labelFontSize: 10.5 } };
  const lastOfActivity = new Map(bars.map((b, i) => [b.id, i]));
  const values = bars.map((b, i) => {
    const s = b.status ? color.get(b.status)! : null;
    const dated = b.start !== null || b.end !== null;
    const open = dated && b.end === null;
    const end = b.end ?? (dated ? domain.openEnd : domain.start);
    const start = b.start ?? domain.start;
    // One label per activity, after its last range (`Q1 2023 en Q1 2024` is two bars and one text).
    const label = lastOfActivity.get(b.id) !== i ? '' : !dated ? `${b.planning || words.noDate} (${words.noDate})` : open ? `${b.planning} → (${words.open})` : b.planning;
    return {
      row: rowLabel(b),
      start,
      end,
      open,
      color: s?.color ?? NO_STATUS_COLOR,
      label,
      description: `${b.id} ${b.title}: ${b.planning}${s ? `, ${s.label}` : ''}`,
    };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH - 420,
    height: { step: 17 },
    config: BASE_CONFIG,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 }, cornerRadius: 1.5 },
        encoding: {
          y,
          x: { field: 'start', ...x, title: null, axis: { format: '%Y', tickCount: { interval: 'year', step: 1 }, orient: 'bottom', grid: true, labelAngle: 0, labelOverlap: true } },
          x2: { field: 'end' },
          color: { field: 'color', type: 'nominal', scale: null },
          fillOpacity: { condition: { test: 'datum.open', value: 0.45 }, value: 1 },
          strokeDash: { condition: { test: 'datum.open', value: [3, 2] }, value: [1, 0] },
          stroke: { field: 'color', type: 'nominal', scale: null },
          description: { field: 'description' },
        },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 10, color: '#1f2937' },
        encoding: { y, x: { field: 'end', type: 'temporal' }, text: { field: 'label' } },
      },
      {
        data: { values: [{ date: annexDate, text: dutchDate(annexDate) }] },
        mark: { type: 'rule', color: '#111827', strokeWidth: 1.5, strokeDash: [5, 3] },
        encoding: { x: { field: 'date', type: 'temporal' } },
      },
      {
        data: { values: [{ date: annexDate, text: dutchDate(annexDate) }] },
        mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -3, y: 0, fontSize: 10, fontWeight: 'bold', color: '#111827' },
        encoding: { x: { field: 'date', type: 'temporal' }, text: { field: 'text' } },
      },
    ],
  };
}

/** `2024-03-18` → `18-03-2024`. */
export function dutchDate(iso: string): string {
  return iso.split('-').reverse().join('-');
}

function rowLabel(b: TimelineBar): string {
  return `${b.id}  ${b.title}`;
}
