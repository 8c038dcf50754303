/**
 * The truth of a rendition as the comparison needs it, whatever made it: the truth files of the
 * generators (scripts/pdf-rendition, scripts/word-rendition, scripts/corpus) share these fields;
 * a rendition with no generator of its own (the 2024 PDF rendition, the HTML rendition) takes its
 * truth from the text export through the pipeline plus its expected-statuses file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractOptions, ExtractResult } from '../../src/pipeline.js';

/**
 * The pipeline's extract function, passed in (the tests give src/'s, the scoring tool its bundle's),
 * so that this module loads no second copy of the pipeline.
 */
export type Extract = (bytes: Uint8Array, options: ExtractOptions) => Promise<ExtractResult>;

/** One activity row of a truth file (the fields every generator writes). */
export interface TruthActivity {
  id: string;
  actionLine: number;
  title: string;
  /** The legend label the row's status cue stands for. */
  status: string;
  planning: string;
  owners: string;
  footnotes: number[];
  /** Page where the row starts. */
  page: number;
}

/** A rendition's truth, as compared (scripts/corpus/compare.ts). */
export interface RenditionTruth {
  name: string;
  pages: number;
  actionLines: Array<{ number: number; title: string }>;
  activities: TruthActivity[];
  footnotes: Array<{ number: number; text: string }>;
  /** How the reader should find each status: from an icon, or from the label printed as text. */
  statusFoundBy: 'icon' | 'text';
}

/** Where a manifest entry's truth comes from: a truth file, or the text export plus the statuses the rendition shows. */
export type TruthSource = string | { textExport: string; statuses: string };

/** Fields of a truth file that the comparison reads (pdf-rendition, word-rendition and corpus truths all have them). */
interface TruthFile {
  name: string;
  pages: number;
  actionLines: Array<{ number: number; title: string }>;
  activities: TruthActivity[];
  footnotes: Array<{ number: number; text: string }>;
  statusCue?: string;
  statusFoundBy?: 'icon' | 'text';
}

/** A truth file's content as a RenditionTruth. */
export function truthFromFile(json: TruthFile): RenditionTruth {
  return {
    name: json.name,
    pages: json.pages,
    actionLines: json.actionLines.map((l) => ({ number: l.number, title: l.title })),
    activities: json.activities.map((a) => ({
      id: a.id,
      actionLine: a.actionLine,
      title: a.title,
      status: a.status,
      planning: a.planning,
      owners: a.owners,
      footnotes: a.footnotes,
      page: a.page,
    })),
    footnotes: json.footnotes.map((f) => ({ number: f.number, text: f.text })),
    statusFoundBy: json.statusFoundBy ?? (json.statusCue === 'words' ? 'text' : 'icon'),
  };
}

/** The text export's annex, once per process (it is the reference for explanations). */
let textExport: Promise<ExtractResult['annex']> | undefined;
export const TEXT_EXPORT_FILE = 'nap-2024/bijlage-1.txt';

export function textExportAnnex(fixturesDir: string, extract: Extract): Promise<ExtractResult['annex']> {
  textExport ??= extract(new Uint8Array(readFileSync(join(fixturesDir, TEXT_EXPORT_FILE))), { fileName: 'bijlage-1.txt' }).then((r) => r.annex);
  return textExport;
}

/**
 * The truth for a manifest entry. A text-export truth: rows, notes and pages as the text export
 * reads them (the rendition has the export's pages), statuses from the statuses file in document order.
 */
export async function loadTruth(source: TruthSource, fixturesDir: string, name: string, extract: Extract): Promise<RenditionTruth> {
  if (typeof source === 'string') return truthFromFile(JSON.parse(readFileSync(join(fixturesDir, source), 'utf8')) as TruthFile);
  const annex = await extract(new Uint8Array(readFileSync(join(fixturesDir, source.textExport))), { fileName: source.textExport.split('/').pop()! });
  const base = annex.annex;
  const statuses = JSON.parse(readFileSync(join(fixturesDir, source.statuses), 'utf8')) as Array<{ title: string; status: string }>;
  if (statuses.length !== base.activities.length) throw new Error(`${source.statuses}: ${statuses.length} statuses for ${base.activities.length} activities`);
  return {
    name,
    pages: base.source.pageCount ?? 0,
    actionLines: base.actionLines.map((l) => ({ number: l.number, title: l.title })),
    activities: base.activities.map((a, i) => {
      if (statuses[i]!.title !== a.title) throw new Error(`${source.statuses}: entry ${i + 1} is "${statuses[i]!.title}", the export's row is "${a.title}"`);
      return {
        id: a.id,
        actionLine: a.actionLine,
        title: a.title,
        status: statuses[i]!.status,
        planning: a.planning.text,
        owners: a.owners.text,
        footnotes: [...a.footnotes],
        page: a.location.page,
      };
    }),
    footnotes: base.footnotes.map((f) => ({ number: f.number, text: f.text })),
    statusFoundBy: 'icon',
  };
}
