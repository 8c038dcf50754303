/**
 * The report's view model: everything the page shows, computed from one annex and, with
 * `--compare`, from the result of `compareAnnexes` (the same result `nap-annex diff` prints), so
 * the report is a view of the diff and never a second comparison. Pure: no I/O, no HTML.
 */
import type { AnnexDiff, StatusTransition, WordDiffPart } from '../diff/compare-annexes.js';
import { DIAGNOSTIC_SUMMARIES_NL } from '../model/diagnostics-nl.js';
import type { Activity, Annex, ExplanationBlock, StatusCode } from '../schema/annex.js';
import { type Lang, STATUS_ORDER, statusLabel, WORDS, footnoteCount } from './labels.js';

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

/** One diagnostic with its location, its message in the page's language (Dutch: by its code, with its fields). */
export interface DiagnosticView {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  /** The values it found and expected, and its note, as text (shown under the Dutch message; the English reason names them itself). */
  details: string | null;
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
  /** Changes of action line and of the footnotes cited (counts, in the page's words). */
  otherChanges: { id: string; title: string; field: string; from: string; to: string }[];
  /** Printed differently, same meaning (a status label, a planning or owner text): not changes. */
  notes: { id: string; title: string; field: string; from: string; to: string }[];
}

/** The whole page's content. */
export interface ReportModel {
  lang: Lang;
  title: string;
  source: { fileName: string; format: string; pageCount: number; sha256: string };
  /**
   * The reference date marked on the timeline (ISO): given with `--date`, else the edition's own
   * date; null when neither is known (no line is drawn: a page never depends on the day it was made).
   */
  annexDate: string | null;
  annexDateSource: 'given' | 'edition' | null;
  /** The input's name as given on the command line (a path's file name when it was absolute). */
  sourceName: string;
  hasStatuses: boolean;
  /** Statuses in legend order with their colours; `colorsFromLegend` says whether these are the annex's icon colours. */
  statuses: StatusStyle[];
  colorsFromLegend: boolean;
  actionLines: ActionLineView[];
  activities: ActivityView[];
  /** Delayed and not-started/stopped activities. */
  attention: ActivityView[];
  timeline: TimelineBar[];
  /** The diagnostics listed: errors and warnings, and info ones only with `verbose`. */
  diagnostics: DiagnosticView[];
  /** Counts per severity of all diagnostics (info ones are counted even when not listed). */
  diagnosticCounts: { error: number; warning: number; info: number };
  /** Info diagnostics not listed (0 with `verbose`). */
  hiddenInfo: number;
  compare: CompareView | null;
}

/** Options of the view model: language, the reference date (ISO; default the edition's date), the diff. */
export interface ReportModelOptions {
  lang: Lang;
  annexDate?: string;
  diff?: AnnexDiff;
  /** The older annex, for titles and ids of the diff. */
  older?: Annex;
  /** List info diagnostics too (default: counted only). */
  verbose?: boolean;
  /** The input's name as given (default the annex's file name). */
  sourceName?: string;
}

/** A name as given on the command line, for a page that may be published: an absolute path shows as its file name. */
export function shownName(name: string): string {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(name) ? name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1) : name;
}

/** The message of a diagnostic in `lang`: English as reported; Dutch by its code (DIAGNOSTIC_SUMMARIES_NL), with its values as details. */
function diagnosticView(d: Annex['diagnostics'][number], lang: Lang): DiagnosticView {
  const w = WORDS[lang];
  const value = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v));
  const details = lang === 'en' ? null : [
    ...(d.field ? [`${w.column}: ${d.field}`] : []),
    ...(d.actual !== undefined ? [`${w.found}: ${value(d.actual)}`] : []),
    ...(d.expected !== undefined ? [`${w.expected}: ${value(d.expected)}`] : []),
  ].join(' · ') || null;
  return {
    severity: d.severity,
    code: d.code,
    message: lang === 'nl' ? DIAGNOSTIC_SUMMARIES_NL[d.code] : d.reason,
    details,
    page: d.place.page ?? null,
    line: d.place.line ?? null,
    row: d.row ?? null,
  };
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
    annexDate: options.annexDate ?? annex.source.edition.date ?? null,
    annexDateSource: options.annexDate !== undefined ? 'given' : annex.source.edition.date !== null ? 'edition' : null,
    sourceName: shownName(options.sourceName ?? annex.source.fileName),
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
    diagnostics: annex.diagnostics.filter((d) => options.verbose === true || d.severity !== 'info').map((d) => diagnosticView(d, lang)),
    diagnosticCounts: {
      error: annex.diagnostics.filter((d) => d.severity === 'error').length,
      warning: annex.diagnostics.filter((d) => d.severity === 'warning').length,
      info: annex.diagnostics.filter((d) => d.severity === 'info').length,
    },
    hiddenInfo: options.verbose === true ? 0 : annex.diagnostics.filter((d) => d.severity === 'info').length,
    compare: options.diff ? compareView(options.diff, annex, options.older, lang, new Map(statuses.map((x) => [x.code, x.label]))) : null,
  };
}

/** One bar per parsed range; an activity without dated ranges gets one bar with no dates (shown as its text). */
function timelineBars(a: Activity): TimelineBar[] {
  const base = { id: a.id, actionLine: a.actionLine, title: a.title, status: a.status?.code ?? null, planning: a.planning.text };
  if (a.planning.ranges.length === 0) return [{ ...base, start: null, end: null }];
  return a.planning.ranges.map((r) => ({ ...base, start: r.start, end: r.openEnded ? null : r.end }));
}

function compareView(diff: AnnexDiff, annex: Annex, older: Annex | undefined, lang: Lang, labels: ReadonlyMap<StatusCode, string>): CompareView {
  const w = WORDS[lang];
  const olderTitle = new Map(older?.activities.map((a) => [a.id, a.title]) ?? []);
  // Statuses in the page's words (the legend's label of each code): the diff compares codes.
  const statusText = (code: StatusCode | null | undefined, printed: string | null): string | null => (code ? (labels.get(code) ?? printed) : printed);
  const view: CompareView = {
    olderFile: shownName(diff.old.fileName),
    olderCount: diff.old.activityCount,
    added: diff.added.map((a) => ({ id: a.id, title: a.title, status: statusText(a.statusCode, a.status) })),
    removed: diff.removed.map((a) => ({ id: a.id, title: a.title, status: statusText(a.statusCode, a.status) })),
    renamed: [],
    unchangedCount: diff.matched.length - diff.changedCount,
    changedCount: diff.changedCount,
    transitions: diff.statusTransitions,
    statusChanges: [],
    planningShifts: [],
    ownerChanges: [],
    explanationChanges: [],
    otherChanges: [],
    notes: [],
  };
  for (const m of diff.matched) {
    const base = { id: m.newId, title: m.title };
    for (const c of m.changes) {
      if (c.field === 'title') view.renamed.push({ oldId: m.oldId, newId: m.newId, oldTitle: olderTitle.get(m.oldId) ?? c.old, newTitle: c.new, similarity: m.similarity });
      else if (c.field === 'status') view.statusChanges.push({ ...base, from: statusText(c.oldCode, c.old)!, to: statusText(c.newCode, c.new)! });
      else if (c.field === 'planning') view.planningShifts.push({ ...base, from: c.old, to: c.new, startQuarters: c.shift?.startQuarters ?? null, endQuarters: c.shift?.endQuarters ?? null });
      else if (c.field === 'owners') view.ownerChanges.push({ ...base, from: c.old, to: c.new, added: c.ownersAdded ?? [], removed: c.ownersRemoved ?? [] });
      else if (c.field === 'explanation') view.explanationChanges.push({ ...base, words: c.words ?? null, wordsAdded: c.wordsAdded ?? 0, wordsRemoved: c.wordsRemoved ?? 0 });
      else if (c.field === 'footnotes') view.otherChanges.push({ ...base, field: c.field, from: footnoteCount(Number(c.old), w), to: footnoteCount(Number(c.new), w) });
      else view.otherChanges.push({ ...base, field: c.field, from: c.old, to: c.new });
    }
    for (const n of m.notes) view.notes.push({ ...base, field: n.field, from: n.old, to: n.new });
  }
  return view;
}
