/**
 * How a rendition's extraction is compared with its truth: one module for the fixture-manifest
 * test (test/corpus-manifest.test.ts) and the scoring tool (scripts/score-rendition.ts), so that
 * "equal to the truth" means the same thing in both.
 *
 * - Row fields (title, status label and how it was found, Wanneer, Wie, footnote numbers, start
 *   page) equal the truth file's.
 * - Explanations are compared as words with the text export's (the truth files carry no
 *   explanation text; every rendition is the same annex).
 * - Note texts equal the truth's, by number.
 *
 * The tests compare whole lists positionally (`expect(rows).toEqual(want)`); the scoring tool
 * first aligns the extracted rows with the truth's by title (a missing or merged row shifts
 * every row after it), then counts per field.
 */
import { diffArrays } from 'diff';
import type { ExtractResult } from '../../src/pipeline.js';
import type { RenditionTruth, TruthActivity } from './truth.js';

type Annex = ExtractResult['annex'];
type Activity = Annex['activities'][number];

/**
 * A line end right after a hyphen hides whether a space followed it (`2023- 2025` and `2023-2025`
 * print alike when the column wraps there): where a manifest entry tolerates it, Wanneer is
 * compared with that one ambiguity folded.
 */
export const foldHyphenBreak = (s: string): string => s.replace(/-\s+/g, '-');

/**
 * An explanation's words as one string: line breaks and runs of spaces count as one space (a cell
 * wraps where the column ends), but a space is never dropped or added inside a word (a word broken
 * by a narrow column, or two words joined, differ). Hyphen breaks are folded as in Wanneer.
 */
export const explanationWords = (v: unknown): string => foldHyphenBreak(JSON.stringify(v).replace(/\\n/g, ' ').replace(/\s+/g, ' '));

/** What a manifest entry tolerates where the reader is known to differ for a stated reason. */
export interface Tolerances {
  /** Compare Wanneer with line-end hyphens folded (see foldHyphenBreak). */
  hyphenBreaks?: boolean;
  /** Activity ids whose explanation words may differ from the text export's (each with its reason in the manifest). */
  explanations?: readonly string[];
  /** Note numbers whose text may read `] (` where the PDF prints `](` (a note wrapped between the two). */
  noteBracketSpace?: readonly number[];
}

/** One row as compared: the fields the truth files carry. */
export interface RowView {
  id: string;
  title: string;
  status: string | null;
  foundBy: 'icon' | 'text' | null;
  planning: string;
  owners: string;
  footnotes: number[];
  page: number;
}

/** An extracted activity as compared with the truth. */
export function extractedRow(a: Activity, tolerate: Tolerances = {}): RowView {
  return {
    id: a.id,
    title: a.title,
    status: a.status?.label ?? null,
    foundBy: a.status?.foundBy ?? null,
    planning: tolerate.hyphenBreaks ? foldHyphenBreak(a.planning.text) : a.planning.text,
    owners: a.owners.text,
    footnotes: [...a.footnotes],
    page: a.location.page,
  };
}

/** A truth activity as compared with an extracted one. */
export function truthRow(t: TruthActivity, truth: RenditionTruth, tolerate: Tolerances = {}): RowView {
  return {
    id: t.id,
    title: t.title,
    status: t.status,
    foundBy: truth.statusFoundBy,
    planning: tolerate.hyphenBreaks ? foldHyphenBreak(t.planning) : t.planning,
    owners: t.owners,
    footnotes: [...t.footnotes],
    page: t.page,
  };
}

/** Note `[number, text]` pairs of the extraction, with the tolerated `] (` folded. */
export function extractedNotes(annex: Annex, tolerate: Tolerances = {}): Array<[number, string]> {
  return annex.footnotes.map((f) => [f.number, tolerate.noteBracketSpace?.includes(f.number) ? f.text.replace(/\] \(/g, '](') : f.text]);
}

export function truthNotes(truth: RenditionTruth): Array<[number, string]> {
  return truth.footnotes.map((f) => [f.number, f.text]);
}

/** Ids of the extracted activities whose explanation words differ from the text export's row at the same index, tolerated ones left out. */
export function explanationMismatches(annex: Annex, reference: Annex, tolerate: Tolerances = {}): string[] {
  return annex.activities
    .filter((a, i) => {
      const ref = reference.activities[i];
      return !ref || explanationWords(a.explanation) !== explanationWords(ref.explanation);
    })
    .map((a) => a.id)
    .filter((id) => !tolerate.explanations?.includes(id));
}

/** Activity counts per action line 1..5 (0 where an action line is missing). */
export function perActionLine(counts: Array<{ number: number; count: number }>, lines = 5): number[] {
  return Array.from({ length: lines }, (_, i) => counts.filter((c) => c.number === i + 1).reduce((n, c) => n + c.count, 0));
}

// ---------------------------------------------------------------------------------------------
// Scoring (scripts/score-rendition.ts)

/** How an extraction ended, as the command line would exit. */
export type Outcome =
  | { kind: 'annex'; result: ExtractResult }
  | { kind: 'failed'; exit: 2 | 3; code?: string; reason: string; diagnostics: Array<{ code: string; severity: string; reason: string; page?: number }> };

export interface Mismatch {
  id: string;
  want: unknown;
  got: unknown;
}

export interface FieldScore {
  equal: number;
  of: number;
  mismatches: Mismatch[];
}

export type ScoredField = 'title' | 'status' | 'planning' | 'owners' | 'footnotes' | 'page' | 'explanation';
export const SCORED_FIELDS: readonly ScoredField[] = ['title', 'status', 'planning', 'owners', 'footnotes', 'page', 'explanation'];

export interface Score {
  /** Exit code the command line gives: 0 clean, 1 error diagnostics, 2 unreadable, 3 internal failure. */
  exit: number;
  errors: number;
  warnings: number;
  /** Diagnostic codes with their counts, most frequent first. */
  codes: Array<[string, number]>;
  /** The first diagnostics of severity error: code, page, reason. */
  firstErrors: Array<{ code: string; page?: number; reason: string }>;
  pages: { got: number | null; want: number };
  activities: { got: number; want: number; matched: number; perActionLine: { got: number[]; want: number[] } };
  fields: Record<ScoredField, FieldScore>;
  notes: FieldScore;
  /** True when every field, the notes and the counts equal the truth at exit 0. */
  perfect: boolean;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Pairs extracted activities with truth activities: equal titles by a shortest edit script
 * (Myers, the `diff` package), and within a run of replaced rows the rows in order up to the
 * shorter run's length (a row whose title came out wrong is still compared field by field).
 * Returns [truth index, extracted index] pairs in document order.
 */
export function alignRows(want: readonly string[], got: readonly string[]): Array<[number, number]> {
  const changes = diffArrays(want.map(norm), got.map(norm));
  const pairs: Array<[number, number]> = [];
  let w = 0;
  let g = 0;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const n = c.count ?? c.value.length;
    if (!c.added && !c.removed) {
      for (let k = 0; k < n; k++) pairs.push([w + k, g + k]);
      w += n;
      g += n;
    } else if (c.removed) {
      const next = changes[i + 1];
      if (next?.added) {
        const m = next.count ?? next.value.length;
        for (let k = 0; k < Math.min(n, m); k++) pairs.push([w + k, g + k]);
        g += m;
        i++;
      }
      w += n;
    } else {
      g += n;
    }
  }
  return pairs;
}

const MISMATCHES_KEPT = 5;

function field(): FieldScore {
  return { equal: 0, of: 0, mismatches: [] };
}

/** Counts one comparison of `want` and `got` (compared whole); a mismatch is kept as `show` gives it (clipped for reading). */
function tally(f: FieldScore, id: string, want: unknown, got: unknown, show?: () => { want: unknown; got: unknown }): void {
  f.of++;
  if (JSON.stringify(want) === JSON.stringify(got)) f.equal++;
  else if (f.mismatches.length < MISMATCHES_KEPT) f.mismatches.push({ id, ...(show ? show() : { want, got }) });
}

const clip = (s: string, n = 70): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Scores one extraction against its truth and the text export (`reference`, for explanations).
 * Every field counts out of the truth's rows: a row the reader lost counts as unequal in every field.
 */
export function scoreRendition(outcome: Outcome, truth: RenditionTruth, reference: Annex, tolerate: Tolerances = {}): Score {
  const want = truth.activities;
  const fields = Object.fromEntries(SCORED_FIELDS.map((f) => [f, field()])) as Record<ScoredField, FieldScore>;
  const notes = field();
  const wantPerLine = perActionLine(truth.actionLines.map((l) => ({ number: l.number, count: want.filter((a) => a.actionLine === l.number).length })));
  if (outcome.kind === 'failed') {
    for (const f of SCORED_FIELDS) fields[f].of = want.length;
    notes.of = truth.footnotes.length;
    const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
    return {
      exit: outcome.exit,
      errors: Math.max(1, errors.length),
      warnings: outcome.diagnostics.filter((d) => d.severity === 'warning').length,
      codes: countCodes(outcome.diagnostics.length > 0 ? outcome.diagnostics.map((d) => d.code) : [outcome.code ?? 'exception']),
      firstErrors: (errors.length > 0 ? errors : [{ code: outcome.code ?? 'exception', reason: outcome.reason, page: undefined }])
        .slice(0, 3)
        .map((d) => ({ code: d.code, reason: clip(d.reason, 160), ...(d.page !== undefined ? { page: d.page } : {}) })),
      pages: { got: null, want: truth.pages },
      activities: { got: 0, want: want.length, matched: 0, perActionLine: { got: [0, 0, 0, 0, 0], want: wantPerLine } },
      fields,
      notes,
      perfect: false,
    };
  }
  const { annex, diagnostics } = outcome.result;
  const got = annex.activities;
  const pairs = alignRows(
    want.map((a) => a.title),
    got.map((a) => a.title),
  );
  const byTruth = new Map(pairs);
  want.forEach((t, i) => {
    const j = byTruth.get(i);
    const w = truthRow(t, truth, tolerate);
    if (j === undefined) {
      const wanted: Record<ScoredField, unknown> = { ...w, status: `${w.status} (${w.foundBy})`, explanation: '(the text export\'s)' };
      for (const f of SCORED_FIELDS) tally(fields[f], t.id, wanted[f], '(row not found)');
      return;
    }
    const a = got[j]!;
    const g = extractedRow(a, tolerate);
    tally(fields.title, t.id, w.title, g.title);
    tally(fields.status, t.id, `${w.status} (${w.foundBy})`, g.status === null ? null : `${g.status} (${g.foundBy})`);
    tally(fields.planning, t.id, w.planning, g.planning);
    tally(fields.owners, t.id, w.owners, g.owners);
    tally(fields.footnotes, t.id, w.footnotes, g.footnotes);
    tally(fields.page, t.id, w.page, g.page);
    const ref = reference.activities[i];
    const tolerated = tolerate.explanations?.includes(t.id) ?? false;
    const ew = ref ? explanationWords(ref.explanation) : '';
    const eg = explanationWords(a.explanation);
    if (tolerated) tally(fields.explanation, t.id, 'tolerated', 'tolerated');
    else
      tally(fields.explanation, t.id, ew, eg, () => {
        const d = firstDifference(ew, eg);
        return { want: clip(d.want), got: clip(d.got) };
      });
  });
  const gotNotes = new Map(extractedNotes(annex, tolerate));
  for (const [n, text] of truthNotes(truth)) {
    const g = gotNotes.get(n) ?? '(missing)';
    tally(notes, `note ${n}`, text, g, () => {
      const d = firstDifference(text, g);
      return { want: clip(d.want, 100), got: clip(d.got, 100) };
    });
  }
  const extraNotes = [...gotNotes.keys()].filter((n) => !truth.footnotes.some((f) => f.number === n));
  for (const n of extraNotes.slice(0, MISMATCHES_KEPT - Math.min(MISMATCHES_KEPT, notes.mismatches.length))) {
    notes.mismatches.push({ id: `note ${n}`, want: '(no such note)', got: clip(gotNotes.get(n)!) });
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const gotPerLine = perActionLine(annex.actionLines.map((l) => ({ number: l.number, count: l.activityCount })));
  const exit = errors.length > 0 ? 1 : 0;
  const perfect =
    exit === 0 &&
    annex.source.pageCount === truth.pages &&
    got.length === want.length &&
    JSON.stringify(gotPerLine) === JSON.stringify(wantPerLine) &&
    SCORED_FIELDS.every((f) => fields[f].equal === want.length) &&
    notes.equal === truth.footnotes.length &&
    extraNotes.length === 0;
  return {
    exit,
    errors: errors.length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    codes: countCodes(diagnostics.map((d) => d.code)),
    firstErrors: errors.slice(0, 3).map((d) => ({ code: d.code, reason: clip(d.reason, 160), ...(d.place.page !== undefined ? { page: d.place.page } : {}) })),
    pages: { got: annex.source.pageCount ?? null, want: truth.pages },
    activities: { got: got.length, want: want.length, matched: pairs.length, perActionLine: { got: gotPerLine, want: wantPerLine } },
    fields,
    notes,
    perfect,
  };
}

function countCodes(codes: string[]): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const c of codes) m.set(c, (m.get(c) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The two strings around their first difference (a few words of context), for a readable mismatch. */
export function firstDifference(want: string, got: string): { want: string; got: string } {
  if (want === got) return { want, got };
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  const from = Math.max(0, want.lastIndexOf(' ', Math.max(0, i - 25)));
  const pre = from > 0 ? '…' : '';
  return { want: pre + want.slice(from, i + 45), got: pre + got.slice(from, i + 45) };
}
