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

/**
 * Renders a Vega-Lite spec to an SVG string (vega's headless SVG renderer; no DOM, no network).
 * `rowTitles` maps the id that starts a row label (`AL1-05`) to the activity's full title: each
 * such label gets an SVG `<title>`, which browsers show on hover (vega cuts long labels with …).
 */
export async function renderSvg(spec: TopLevelSpec, ariaLabel: string, rowTitles?: ReadonlyMap<string, string>): Promise<string> {
  const vega = compile(spec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    let svg = await view.toSVG();
    if (rowTitles && rowTitles.size > 0) {
      // Vega writes each axis label as one <text> element; its text begins with the row's id.
      svg = svg.replace(/(<text\b[^>]*>)((AL\d+-\d+[\w-]*) [^<]*)(<\/text>)/g, (whole, open: string, text: string, id: string, close: string) => {
        const full = rowTitles.get(id);
        return full === undefined ? whole : `${open}<title>${escapeAttribute(`${id} ${full}`)}</title>${text}${close}`;
      });
    }
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
  end: string;
}

/** `2024-03-18` plus `months` months, as an ISO date (day 1 of that month when `months` > 0). */
function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months, 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The axis of the timeline: the programme as the annex plans it — from the first year any range
 * starts to the end of the last year any range ends (or an open range starts), widened to the
 * reference date when there is one. Open ends do not widen it: they are marked, not stretched.
 */
export function timelineDomain(bars: readonly TimelineBar[], annexDate: string | null): TimelineDomain {
  const years: number[] = annexDate ? [Number(annexDate.slice(0, 4))] : [];
  for (const b of bars) for (const d of [b.start, b.end]) if (d !== null) years.push(Number(d.slice(0, 4)));
  if (years.length === 0) years.push(2022); // no dated bar at all: any one year shows the undated texts
  return { start: `${Math.min(...years)}-01-01`, end: `${Math.max(...years) + 1}-01-01` };
}

/** Where the bar of an open-ended range stops: the reference date when it lies after the start, else one quarter after the start; never past the axis. */
export function openEndOf(start: string, domain: TimelineDomain, annexDate: string | null): string {
  const stop = annexDate !== null && annexDate > start ? annexDate : addMonths(start, 3);
  return stop < domain.end ? stop : domain.end;
}

/**
 * The planning timeline of one action line: one row per activity (id and title on the axis, the
 * full title on hover), one bar per parsed range coloured by status, an open end marked with a
 * striped bar and a ▶ where it stops (openEndOf), the planning text after the bar, and the
 * reference date as a vertical rule when there is one.
 */
export function timelineSpec(bars: readonly TimelineBar[], statuses: readonly StatusStyle[], domain: TimelineDomain, annexDate: string | null, words: Words, dateText: (iso: string) => string = dutchDate): TopLevelSpec {
  const color = new Map(statuses.map((s) => [s.code, s]));
  const order = [...new Set(bars.map((b) => rowLabel(b)))];
  const x = { type: 'temporal' as const, scale: { domainMin: Date.parse(domain.start), domainMax: Date.parse(domain.end) } };
  const y = { field: 'row', type: 'nominal' as const, sort: order, title: null, axis: { labelLimit: 400, ticks: false, domain: false, labelFontSize: 10.5 } };
  const lastOfActivity = new Map(bars.map((b, i) => [b.id, i]));
  const values = bars.map((b, i) => {
    const s = b.status ? color.get(b.status)! : null;
    const dated = b.start !== null || b.end !== null;
    const open = dated && b.end === null;
    const start = b.start ?? domain.start;
    const end = b.end ?? (open ? openEndOf(start, domain, annexDate) : domain.start);
    // One label per activity, after its last range (`Q1 2023 en Q1 2024` is two bars and one text).
    const label = lastOfActivity.get(b.id) !== i ? '' : !dated ? `${b.planning || words.noDate} (${words.noDate})` : open ? `${b.planning} (${words.open})` : b.planning;
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
  const reference = annexDate === null ? [] : [{ date: annexDate, text: dateText(annexDate) }];
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
        // The open end: a ▶ where the bar stops.
        transform: [{ filter: 'datum.open' }],
        mark: { type: 'point', shape: 'triangle-right', filled: true, size: 50, aria: false },
        encoding: { y, x: { field: 'end', type: 'temporal' }, color: { field: 'color', type: 'nominal', scale: null } },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 7, fontSize: 10, color: '#1f2937' },
        encoding: { y, x: { field: 'end', type: 'temporal' }, text: { field: 'label' } },
      },
      ...(reference.length === 0
        ? []
        : [
            {
              data: { values: reference },
              mark: { type: 'rule' as const, color: '#111827', strokeWidth: 1.5, strokeDash: [5, 3] },
              encoding: { x: { field: 'date', type: 'temporal' as const } },
            },
            {
              data: { values: reference },
              mark: { type: 'text' as const, align: 'center' as const, baseline: 'bottom' as const, dy: -3, y: 0, fontSize: 10, fontWeight: 'bold' as const, color: '#111827' },
              encoding: { x: { field: 'date', type: 'temporal' as const }, text: { field: 'text' } },
            },
          ]),
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
