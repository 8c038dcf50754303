/**
 * The report's view model: everything the page shows, computed from one annex and, with
 * `--compare`, from the result of `compareAnnexes` (the same result `nap-annex diff` prints), so
 * the report is a view of the diff and never a second comparison. Pure: no I/O, no HTML.
 */
import type { AnnexDiff, StatusTransition, WordDiffPart } from '../diff/compare-annexes.js';
import type { Activity, Annex, ExplanationBlock, StatusCode } from '../schema/annex.js';
import { type Lang, STATUS_ORDER, statusLabel } from './labels.js';

/**
 * Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2002), one colour per status,
 * used when the input carries no icon colours.
 */
export const OKABE_ITO: Record<StatusCode, string> = {
  completed: '#009e73',
  in_progress: '#0072b2',
  ongoing: '#cc79a7',
  delayed: '#e69f00',
  not_started_or_stopped: '#d55e00',
};

/** A status as the report shows it: code, label (legend as printed, or the language's) and colour `#rrggbb`. */
export interface StatusStyle {
  code: StatusCode;
  label: string;
  color: string;
}

/** One action line: number, title as printed, activity count and the count per status (legend order, zeros included). */
export interface ActionLineView {
  number: number;
  title: string;
  activityCount: number;
  statusCounts: { code: StatusCode; count: number }[];
}

/** One activity row of the table (and of the attention list). */
export interface ActivityView {
  id: string;
  actionLine: number;
  title: string;
  status: StatusCode | null;
  planning: string;
  owners: string;
  /** Canonical owner names, for the owner filter. */
  ownerNames: string[];
  explanation: ExplanationBlock[];
  footnotes: FootnoteView[];
  page: number;
  line: number | null;
}

/** A footnote as shown under an activity: text without Markdown, links and Kamerstuk citations with their URLs. */
export interface FootnoteView {
  number: number;
  text: string;
  links: { text: string; url: string }[];
  citations: { text: string; id: string; url: string }[];
}

/** One bar of the planning timeline: a parsed range of one activity (open ends drawn as such). */
export interface TimelineBar {
  id: string;
  actionLine: number;
  title: string;
  status: StatusCode | null;
  planning: string;
  /** ISO dates; null where the range is open at that end. */
  start: string | null;
  end: string | null;
}

/** One diagnostic with its location. */
export interface DiagnosticView {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  page: number | null;
  line: number | null;
  row: string | null;
}

/** The comparison with an older annex, taken from the diff result. */
export interface CompareView {
  olderFile: string;
  olderCount: number;
  added: { id: string; title: string; status: string | null }[];
  removed: { id: string; title: string; status: string | null }[];
  renamed: { oldId: string; newId: string; oldTitle: string; newTitle: string; similarity: number }[];
  unchangedCount: number;
  changedCount: number;
  /** The transition matrix in legend order; empty when an input carries no statuses. */
  transitions: StatusTransition[];
  statusChanges: { id: string; title: string; from: string; to: string }[];
  planningShifts: { id: string; title: string; from: string; to: string; startQuarters: number | null; endQuarters: number | null }[];
  ownerChanges: { id: string; title: string; from: string; to: string; added: string[]; removed: string[] }[];
  explanationChanges: { id: string; title: string; words: WordDiffPart[] | null; wordsAdded: number; wordsRemoved: number }[];
  /** Changes of action line and of the number of footnotes. */
  otherChanges: { id: string; title: string; field: string; from: string; to: string }[];
}

/** The whole page's content. */
export interface ReportModel {
  lang: Lang;
  title: string;
  source: { fileName: string; format: string; pageCount: number; sha256: string };
  /** The date marked on the timeline (ISO), and whether it was given (`--date`) or is the build date. */
  annexDate: string;
  annexDateGiven: boolean;
  hasStatuses: boolean;
  /** Statuses in legend order with their colours; `colorsFromLegend` says whether these are the annex's icon colours. */
  statuses: StatusStyle[];
  colorsFromLegend: boolean;
  actionLines: ActionLineView[];
  activities: ActivityView[];
  /** Delayed and not-started/stopped activities. */
  attention: ActivityView[];
  timeline: TimelineBar[];
  diagnostics: DiagnosticView[];
  compare: CompareView | null;
}

/** Options of the view model: language, the date marked on the timeline (ISO, default today) and the diff. */
export interface ReportModelOptions {
  lang: Lang;
  annexDate?: string;
  diff?: AnnexDiff;
  /** The older annex, for titles and ids of the diff. */
  older?: Annex;
}

/** Builds the view model; linear in the number of activities, footnotes and diff entries. */
export function buildReportModel(annex: Annex, options: ReportModelOptions): ReportModel {
  const { lang } = options;
  const hasStatuses = annex.activities.some((a) => a.status !== null);
  const iconColors = new Map<StatusCode, string>();
  for (const a of annex.activities) if (a.status?.iconColor && !iconColors.has(a.status.code)) iconColors.set(a.status.code, a.status.iconColor);
  const printed = new Map(annex.legend.map((e) => [e.code, e.label]));
  const statuses = STATUS_ORDER.map((code) => ({
    code,
    label: lang === 'nl' ? (printed.get(code) ?? statusLabel(code, lang)) : statusLabel(code, lang),
    color: iconColors.get(code) ?? OKABE_ITO[code],
  }));
  const footnotes = new Map(annex.footnotes.map((f) => [f.number, f]));
  const activities = annex.activities.map((a): ActivityView => ({
    id: a.id,
    actionLine: a.actionLine,
    title: a.title,
    status: a.status?.code ?? null,
    planning: a.planning.text,
    owners: a.owners.text,
    ownerNames: a.owners.actors.length > 0 ? [...new Set(a.owners.actors.map((x) => x.canonical))] : a.owners.text ? [a.owners.text] : [],
    explanation: a.explanation.blocks,
    footnotes: a.footnotes.flatMap((n) => {
      const f = footnotes.get(n);
      if (!f) return [];
      return [{
        number: n,
        text: f.plainText,
        links: f.links.flatMap((l) => (l.url && /^https?:\/\//i.test(l.url) ? [{ text: l.text, url: l.url }] : [])),
        citations: f.citations.map((c) => ({ text: c.text, id: c.id, url: c.url })),
      }];
    }),
    page: a.location.page,
    line: a.location.line,
  }));
  return {
    lang,
    title: annex.title ?? 'Voortgang activiteiten NAP',
    source: { fileName: annex.source.fileName, format: annex.source.format, pageCount: annex.source.pageCount, sha256: annex.source.sha256 },
    annexDate: options.annexDate ?? new Date().toISOString().slice(0, 10),
    annexDateGiven: options.annexDate !== undefined,
    hasStatuses,
    statuses,
    colorsFromLegend: iconColors.size > 0,
    actionLines: annex.actionLines.map((l) => ({
      number: l.number,
      title: l.title,
      activityCount: l.activityCount,
      statusCounts: STATUS_ORDER.map((code) => ({ code, count: annex.activities.filter((a) => a.actionLine === l.number && a.status?.code === code).length })),
    })),
    activities,
    attention: activities.filter((a) => a.status === 'delayed' || a.status === 'not_started_or_stopped'),
    timeline: annex.activities.flatMap(timelineBars),
    diagnostics: annex.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.reason,
      page: d.place.page ?? null,
      line: d.place.line ?? null,
      row: d.row ?? null,
    })),
    compare: options.diff ? compareView(options.diff, annex, options.older) : null,
  };
}

/** One bar per parsed range; an activity without dated ranges gets one bar with no dates (shown as its text). */
function timelineBars(a: Activity): TimelineBar[] {
  const base = { id: a.id, actionLine: a.actionLine, title: a.title, status: a.status?.code ?? null, planning: a.planning.text };
  if (a.planning.ranges.length === 0) return [{ ...base, start: null, end: null }];
  return a.planning.ranges.map((r) => ({ ...base, start: r.start, end: r.openEnded ? null : r.end }));
}

function compareView(diff: AnnexDiff, annex: Annex, older: Annex | undefined): CompareView {
  const olderTitle = new Map(older?.activities.map((a) => [a.id, a.title]) ?? []);
  const view: CompareView = {
    olderFile: diff.old.fileName,
    olderCount: diff.old.activityCount,
    added: diff.added.map((a) => ({ id: a.id, title: a.title, status: a.status })),
    removed: diff.removed.map((a) => ({ id: a.id, title: a.title, status: a.status })),
    renamed: [],
    unchangedCount: diff.matched.length - diff.changedCount,
    changedCount: diff.changedCount,
    transitions: diff.statusTransitions,
    statusChanges: [],
    planningShifts: [],
    ownerChanges: [],
    explanationChanges: [],
    otherChanges: [],
  };
  const statusLabels = new Map(annex.activities.map((a) => [a.id, a.status?.label ?? '']));
  for (const m of diff.matched) {
    const base = { id: m.newId, title: m.title };
    for (const c of m.changes) {
      if (c.field === 'title') view.renamed.push({ oldId: m.oldId, newId: m.newId, oldTitle: olderTitle.get(m.oldId) ?? c.old, newTitle: c.new, similarity: m.similarity });
      else if (c.field === 'status') view.statusChanges.push({ ...base, from: c.old, to: c.new || (statusLabels.get(m.newId) ?? '') });
      else if (c.field === 'planning') view.planningShifts.push({ ...base, from: c.old, to: c.new, startQuarters: c.shift?.startQuarters ?? null, endQuarters: c.shift?.endQuarters ?? null });
      else if (c.field === 'owners') view.ownerChanges.push({ ...base, from: c.old, to: c.new, added: c.ownersAdded ?? [], removed: c.ownersRemoved ?? [] });
      else if (c.field === 'explanation') view.explanationChanges.push({ ...base, words: c.words ?? null, wordsAdded: c.wordsAdded ?? 0, wordsRemoved: c.wordsRemoved ?? 0 });
      else view.otherChanges.push({ ...base, field: c.field, from: c.old, to: c.new });
    }
  }
  return view;
}
