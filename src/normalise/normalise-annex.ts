/**
 * The normalise stage: assembled rows with footnotes → the annex's data objects (schema types).
 * Calls the pure normalisers and turns their problems into located diagnostics. Raw values stay
 * in the output next to their parsed forms.
 */
import { createHash } from 'node:crypto';
import type { AttachedFootnote, RowWithFootnotes } from '../assemble/footnotes.js';
import type { AssembledAnnex } from '../assemble/rows.js';
import { locationOf, type DiagnosticBag } from '../model/diagnostics.js';
import type { InputFormat, LegendEntry, SourceLocation } from '../model/page-model.js';
import { findLegendLabel } from '../model/status-legend.js';
import type { Activity, Annex, Footnote, Status } from '../schema/annex.js';
import { normaliseExplanation } from './explanation.js';
import { nearestLegendEntry } from './icon-colour.js';

/** What the normalise stage needs besides the assembled rows. */
export interface NormaliseInput {
  fileName: string;
  bytes: Uint8Array;
  format: InputFormat;
  assembled: AssembledAnnex;
  rows: RowWithFootnotes[];
  footnotes: AttachedFootnote[];
}

/**
 * Builds the annex object (not yet validated; see validate stage). Diagnostics reported:
 * NAP301 once when the input has no status icons, NAP302 unknown status label, NAP303 icon colour
 * not in the legend, NAP304 row without icon in an input that has icons.
 */
export function normaliseAnnex(input: NormaliseInput, diagnostics: DiagnosticBag): Omit<Annex, 'diagnostics'> {
  const { assembled } = input;
  const inputHasIcons = assembled.legend.some((e) => e.iconColor !== null);
  let absentCount = 0;

  const activities = input.rows.map((row): Activity => {
    const { status, foundBy } = statusOf(row, inputHasIcons, diagnostics);
    if (foundBy === 'absent') absentCount++;
    return {
      id: row.id,
      actionLine: row.actionLine,
      sequence: row.sequence,
      title: row.cells.title,
      status,
      statusFoundBy: foundBy,
      planning: { text: row.cells.planning, kind: 'unparsed', ranges: [] },
      owners: { text: row.cells.owners, actors: [] },
      explanation: normaliseExplanation(row.cells.explanation),
      footnotes: row.footnotes,
      location: schemaLocation(row.location),
    };
  });
  if (!inputHasIcons && absentCount > 0) {
    diagnostics.report(
      'NAP301',
      `The input carries no status icons (a text export loses them): status is null for ${absentCount} of ${activities.length} activities. Read the PDF as published to get statuses.`,
    );
  }

  const footnotes = input.footnotes.map(
    (f): Footnote => ({
      number: f.number,
      text: f.text,
      links: [],
      citations: [],
      citedBy: f.citedBy,
      location: schemaLocation(f.location),
    }),
  );

  return {
    schemaVersion: 1,
    source: {
      fileName: input.fileName,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      byteLength: input.bytes.byteLength,
      format: input.format,
      pageCount: assembled.pageCount,
    },
    title: assembled.title,
    legend: assembled.legend.flatMap((e) => {
      const known = findLegendLabel(e.label);
      return known ? [{ code: known.code, label: e.label }] : [];
    }),
    actionLines: assembled.actionLines.map((a) => ({
      number: a.number,
      title: a.title,
      canonicalTitle: null,
      activityCount: activities.filter((x) => x.actionLine === a.number).length,
      location: schemaLocation(a.location),
    })),
    activities,
    footnotes,
  };
}

function statusOf(
  row: RowWithFootnotes,
  inputHasIcons: boolean,
  diagnostics: DiagnosticBag,
): { status: Status | null; foundBy: Activity['statusFoundBy'] } {
  const cue = row.statusCue;
  const where = locationOf(row.location, row.id);
  if (cue.kind === 'text') {
    const known = findLegendLabel(cue.text);
    if (!known) {
      diagnostics.report('NAP302', `Unknown status label "${cue.text}" in ${row.id}; status left empty. Use one of the legend labels.`, { ...where, column: 'Status' });
      return { status: null, foundBy: 'absent' };
    }
    return { status: { code: known.code, label: cue.text, foundBy: 'text', iconColor: null }, foundBy: 'text' };
  }
  if (cue.kind === 'icon') {
    const match = nearestLegendEntry(cue.color, row.pageLegend);
    const known = match ? findLegendLabel(match.entry.label) : undefined;
    if (!match || !known) {
      diagnostics.report('NAP303', `Status icon colour ${cue.color} in ${row.id} matches no legend entry on page ${row.location.page} (${legendColours(row.pageLegend)}); status left empty. Check the icon and the page's legend in the source.`, { ...where, column: 'Status' });
      return { status: null, foundBy: 'absent' };
    }
    return { status: { code: known.code, label: match.entry.label, foundBy: 'icon', iconColor: cue.color.toLowerCase() }, foundBy: 'icon' };
  }
  if (inputHasIcons) {
    diagnostics.report('NAP304', `No status icon in the Status cell of ${row.id} "${row.cells.title}"; status left empty. Check the row's Status cell in the source.`, { ...where, column: 'Status' });
  }
  return { status: null, foundBy: 'absent' };
}

function legendColours(legend: LegendEntry[]): string {
  return legend.map((e) => `${e.label} ${e.iconColor ?? 'no icon'}`).join(', ');
}

function schemaLocation(location: SourceLocation): { page: number; line: number | null } {
  return { page: location.page, line: location.line ?? null };
}
