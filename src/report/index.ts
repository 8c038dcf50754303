/**
 * `nap-annex report`: an annex (and, with an older one, what changed) as one self-contained HTML
 * page. Builds the view model (./data.ts), renders the charts to SVG (./charts.ts) and the page
 * (./html.ts).
 */
import { compareAnnexes, type AnnexDiff } from '../diff/compare-annexes.js';
import type { Annex } from '../schema/annex.js';
import { dutchDate, renderSvg, statusBarSpec, timelineDomain, timelineSpec } from './charts.js';
import { buildReportModel } from './data.js';
import { renderReportHtml } from './html.js';
import { type Lang, WORDS } from './labels.js';

/** Options of a report: language, the reference date on the timeline (ISO; default the edition's date), an older annex to compare with. */
export interface ReportOptions {
  lang: Lang;
  annexDate?: string;
  /** List info diagnostics on the page (default: counted only). */
  verbose?: boolean;
  /** The input's name as given on the command line (default the annex's file name). */
  sourceName?: string;
  older?: Annex;
  /** The diff of `older` and the annex, when the caller already has it (otherwise computed here with the diff's defaults). */
  diff?: AnnexDiff;
  /** nap-annex's version, for the page footer. */
  version: string;
}

/** The report page as an HTML string. Charts are rendered with vega's headless SVG renderer. */
export async function buildReportHtml(annex: Annex, options: ReportOptions): Promise<string> {
  const diff = options.diff ?? (options.older ? compareAnnexes(options.older, annex) : undefined);
  const model = buildReportModel(annex, {
    lang: options.lang,
    ...(options.annexDate ? { annexDate: options.annexDate } : {}),
    ...(diff ? { diff } : {}),
    ...(options.older ? { older: options.older } : {}),
    ...(options.verbose ? { verbose: true } : {}),
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
  });
  const words = WORDS[options.lang];
  const statusBars = model.hasStatuses ? await renderSvg(statusBarSpec(model, words), words.progress) : null;
  const domain = timelineDomain(model.timeline, model.annexDate);
  const timelines = new Map<number, string>();
  const titles = new Map(model.activities.map((a) => [a.id, a.title]));
  const dateText = options.lang === 'nl' ? dutchDate : (iso: string) => iso;
  for (const actionLine of model.actionLines) {
    const bars = model.timeline.filter((b) => b.actionLine === actionLine.number);
    if (bars.length === 0) continue;
    timelines.set(actionLine.number, await renderSvg(timelineSpec(bars, model.statuses, domain, model.annexDate, words, dateText), `${words.timeline}, ${words.actionLine} ${actionLine.number}`, titles));
  }
  return renderReportHtml(model, { statusBars, timelines }, options.version);
}
