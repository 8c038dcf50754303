/**
 * The normalise stage: assembled rows with footnotes → the annex's data objects (schema types).
 * Calls the pure normalisers and turns their problems into located diagnostics. Raw values stay
 * in the output next to their parsed forms.
 */
import { createHash } from 'node:crypto';
import type { AttachedFootnote, RowWithFootnotes } from '../assemble/footnotes.js';
import type { AssembledAnnex } from '../assemble/rows.js';
import { locationOf } from '../model/diagnostics.js';
import { type DiagnosticBag } from '../diagnostics/bag.js';
import type { InputFormat, SourceLocation } from '../model/page-model.js';
import type { Activity, Annex, Footnote } from '../schema/annex.js';
import { reportNoStatusCues, statusOfRow } from '../status/index.js';
import { compareActionLineTitle } from './action-lines.js';
import { assignActivityKeys } from './activity-key.js';
import { findEdition } from './edition.js';
import { parseCitations } from './citations.js';
import { type ExplanationHtmlParser, explanationOf } from './explanation-blocks.js';
import { SAFE_LINK_SCHEMES, extractLinks, plainLinkText, screenLinks } from './links.js';
import { parseOwners } from './owners.js';
import { parsePlanning } from './planning.js';
import { activityProvenance, footnoteProvenance } from './provenance.js';
import type { NormaliseProblem } from './problems.js';
import { baseName, foldText, quote } from '../model/plain-text.js';
import { statusCodeOf } from '../model/vocabulary.js';

/** What the normalise stage needs besides the assembled rows. */
export interface NormaliseInput {
  fileName: string;
  bytes: Uint8Array;
  format: InputFormat;
  assembled: AssembledAnnex;
  rows: RowWithFootnotes[];
  footnotes: AttachedFootnote[];
  /** Edition date (ISO) and Kamerstuk (`34843-109`) given as options, used where the document prints none. */
  edition?: { editionDate?: string; kamerstuk?: string };
  /**
   * The HTML parser for Toelichting cells with markup (explanation.ts, `parseExplanationHtml`);
   * needed only when some row's cell has markup (`explanationHasHtml`), so a caller loads it then.
   */
  parseHtml?: ExplanationHtmlParser;
}


/**
 * Builds the annex object (not yet validated; see validate stage). Each row's status is the
 * status rule's (src/status/row-status.ts: NAP301–NAP304); the normalisers report their problems
 * at the row and column they concern.
 */
export function normaliseAnnex(input: NormaliseInput, diagnostics: DiagnosticBag): Omit<Annex, 'diagnostics'> {
  const { assembled } = input;
  const activities = normaliseActivities(input, diagnostics);
  const footnotes = input.footnotes.map((f) => normaliseFootnote(f, input.format, diagnostics));
  const edition = findEdition(assembled.title, input.edition);
  // No edition to label where no annex was read (no action line, no row: NAP101 says so).
  if (assembled.actionLines.length > 0 || assembled.rows.length > 0) for (const p of edition.problems) diagnostics.report(p.code, p.message);
  return {
    schemaVersion: 1,
    source: {
      fileName: baseName(input.fileName),
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      byteLength: input.bytes.byteLength,
      format: input.format,
      pageCount: assembled.pageCount,
      edition: edition.value,
    },
    title: assembled.title,
    legend: assembled.legend.flatMap((e) => {
      const code = statusCodeOf(e.label);
      return code ? [{ code, label: e.label }] : [];
    }),
    actionLines: normaliseActionLines(assembled.actionLines, activities, diagnostics),
    activities,
    footnotes,
  };
}

/**
 * The activities: each row's key (NAP112), status (the status rule), planning (Wanneer), owners
 * (Wie) and explanation, reported row by row; then NAP301 once for an input without status cues.
 */
function normaliseActivities(input: NormaliseInput, diagnostics: DiagnosticBag): Activity[] {
  const inputHasIcons = input.assembled.hasStatusCues;
  const knownWords = documentWords(input);
  let absentCount = 0;
  const { keys, problems: keyProblems } = assignActivityKeys(input.rows.map((r) => ({ id: r.id, actionLine: r.actionLine, title: r.cells.title })));
  for (const p of keyProblems) {
    const row = input.rows[p.index]!;
    diagnostics.report(p.code, p.message, locationOf(row.location, row.id), problemDetails(p));
  }
  const activities = input.rows.map((row, index): Activity => {
    const { status, foundBy } = statusOfRow(row, inputHasIcons, diagnostics);
    if (foundBy === 'absent') absentCount++;
    const planning = parsePlanning(row.cells.planning);
    reportProblems(planning.problems, diagnostics, row.location, row.id, 'Wanneer');
    const owners = parseOwners(row.cells.owners, { knownWords });
    reportProblems(owners.problems, diagnostics, row.location, row.id, 'Wie');
    return {
      id: row.id,
      key: keys[index]!,
      actionLine: row.actionLine,
      sequence: row.sequence,
      title: row.cells.title,
      status,
      statusFoundBy: foundBy,
      planning: planning.value,
      owners: owners.value,
      explanation: explanationOf(row.cells.explanation, input.parseHtml),
      footnotes: row.footnotes,
      location: schemaLocation(row.location),
      provenance: activityProvenance(input.format, row.sources),
    };
  });
  if (!inputHasIcons) reportNoStatusCues(absentCount, activities.length, diagnostics);
  return activities;
}

/** A footnote: its citations (NAP403), its links (NAP404 for a refused URL), its plain text and where it was printed. */
function normaliseFootnote(f: AttachedFootnote, format: InputFormat, diagnostics: DiagnosticBag): Footnote {
  const citations = parseCitations(f.text);
  reportProblems(citations.problems, diagnostics, f.location);
  const links = screenLinks(extractLinks(f.text));
  if (links.refused.length > 0) {
    diagnostics.report(
      'NAP404',
      `Footnote ${f.number} links to ${links.refused.map((u) => quote(u, 60)).join(', ')}: only http, https and mailto links are kept; the link text stays, its URL is dropped. Check the footnote in the source.`,
      locationOf(f.location),
      { actual: links.refused.map((u) => u.slice(0, 200)), expected: [...SAFE_LINK_SCHEMES] },
    );
  }
  return {
    number: f.number,
    ...(f.label !== undefined ? { label: f.label } : {}),
    text: f.text,
    plainText: plainLinkText(f.text),
    links: links.links,
    citations: citations.value,
    citedBy: f.citedBy,
    location: schemaLocation(f.location),
    provenance: footnoteProvenance(format, f.location, f.continuedOn),
  };
}

/** The action lines: each title compared with the NAP's (NAP501), and its activity count. */
function normaliseActionLines(actionLines: AssembledAnnex['actionLines'], activities: readonly Activity[], diagnostics: DiagnosticBag): Annex['actionLines'] {
  const activityCounts = new Map<number, number>();
  for (const a of activities) activityCounts.set(a.actionLine, (activityCounts.get(a.actionLine) ?? 0) + 1);
  return actionLines.map((a) => {
    const comparison = compareActionLineTitle(a.number, a.title);
    reportProblems(comparison.problems, diagnostics, a.location);
    return {
      number: a.number,
      title: a.title,
      canonicalTitle: comparison.canonicalTitle,
      activityCount: activityCounts.get(a.number) ?? 0,
      location: schemaLocation(a.location),
    };
  });
}

/** A normaliser's problems as diagnostics at `location`, naming the row and table column where given. */
function reportProblems(problems: readonly NormaliseProblem[], diagnostics: DiagnosticBag, location: SourceLocation, row?: string, field?: string): void {
  for (const p of problems) diagnostics.report(p.code, p.message, { ...locationOf(location, row), ...(field ? { field } : {}) }, problemDetails(p));
}

/**
 * Every word of the document's cells and footnotes, lower case: the evidence for joining a
 * line-break hyphen (`Regerings-commissaris` → `Regeringscommissaris` because the annex also
 * prints `regeringscommissaris`).
 */
function documentWords(input: NormaliseInput): Set<string> {
  const words = new Set<string>();
  const add = (text: string): void => {
    for (const w of foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []) words.add(w);
  };
  for (const row of input.rows) for (const cell of Object.values(row.cells)) add(cell);
  for (const f of input.footnotes) add(f.text);
  return words;
}

function schemaLocation(location: SourceLocation): { page: number; line: number | null } {
  return { page: location.page, line: location.line ?? null };
}

/** The data fields of a normaliser's problem, for `report`. */
function problemDetails(p: NormaliseProblem): { actual?: string; expected?: string | string[] } {
  return { ...(p.actual !== undefined ? { actual: p.actual } : {}), ...(p.expected !== undefined ? { expected: p.expected } : {}) };
}
