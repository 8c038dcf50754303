/**
 * `nap-annex diff <old> <new>`: what changed between two annexes. Each input is an annex in any
 * format the readers know, or an `annex.json` written by `extract` (validated against the schema).
 * Output: text (default), json, or csv (one row per change). Exit 0 whatever changed; 2 when an
 * input cannot be read.
 */
import { compareAnnexes, type AnnexDiff, type ChangeNote, type FieldChange } from '../diff/compare-annexes.js';
import { baseName } from '../model/plain-text.js';
import type { Annex } from '../schema/annex.js';
import { recordsCsv } from '../emit/csv.js';
import type { CellValue, ColumnShape } from '../emit/tables.js';
import { EXIT } from './exit-codes.js';
import { type CliIo, processIo } from './io.js';
import { loadAnnex } from './load-annex.js';
import { printable } from './printable.js';
import { formatDiagnostic } from './report.js';

/** Parsed options of `diff`. */
export interface DiffCommandOptions {
  format: 'text' | 'json' | 'csv';
  maxBytes: number;
  minSimilarity: number;
  /** Seconds per input read (NAP009); the comparison itself is bounded (see compare-annexes.ts). */
  timeout?: number;
  /** MB per input read (NAP010). */
  maxMemory?: number;
}

/**
 * Runs `diff`; returns the exit code. Lets InputError through (exit 2). An input with error
 * diagnostics (e.g. NAP101, not an annex) makes the diff unreliable: its errors go to stderr and
 * the exit code is 1; an input with no activities at all gives no diff.
 */
export async function runDiff(oldPath: string, newPath: string, options: DiffCommandOptions, io: CliIo = processIo()): Promise<number> {
  if (oldPath === '-' && newPath === '-') {
    io.stderr.write('nap-annex diff: standard input (-) can be only one of <old> and <new>; give the other as a file.\n');
    return EXIT.USAGE;
  }
  const limits = { ...(options.timeout !== undefined ? { timeoutMs: options.timeout * 1000 } : {}), ...(options.maxMemory !== undefined ? { maxMemoryMb: options.maxMemory } : {}) };
  const before = await loadAnnex(oldPath, { maxBytes: options.maxBytes, ...limits }, io);
  const after = await loadAnnex(newPath, { maxBytes: options.maxBytes, ...limits }, io);
  let code: number = EXIT.OK;
  for (const side of [before, after]) {
    const errors = side.annex.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) continue;
    code = EXIT.FINDINGS;
    for (const d of errors) io.stderr.write(`${formatDiagnostic(d)}\n`);
    io.stderr.write(`nap-annex: ${printable(side.path)} has ${errors.length} error(s); the diff may be wrong where they are.\n`);
  }
  const empty = [before, after].find((side) => side.annex.activities.length === 0);
  if (empty) {
    io.stderr.write(`nap-annex: ${printable(empty.path)} has no activities; is it a NAP annex? No diff printed.\n`);
    return EXIT.FINDINGS;
  }
  const diff = compareAnnexes(before.annex, after.annex, { minSimilarity: options.minSimilarity });
  diff.old.fileName = before.path;
  diff.new.fileName = after.path;
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : options.format === 'csv' ? diffCsv(diff) : diffText(diff, before.annex, after.annex));
  return code;
}

/** Human-readable diff; `before`/`after` add the source of an annex.json and a note on statuses. */
export function diffText(diff: AnnexDiff, before?: Annex, after?: Annex): string {
  const source = (annex: Annex | undefined, path: string): string =>
    annex && annex.source.fileName !== baseName(path) ? `, extracted from ${annex.source.fileName}` : '';
  const lines = [
    `old: ${diff.old.fileName} (${diff.old.activityCount} activities${source(before, diff.old.fileName)})`,
    `new: ${diff.new.fileName} (${diff.new.activityCount} activities${source(after, diff.new.fileName)})`,
    `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changedCount} changed, ${diff.matched.length - diff.changedCount} unchanged` +
      (diff.notedCount > 0 ? ` (${diff.notedCount} printed differently)` : '') +
      (diff.renumbered.length > 0 ? `; ${diff.renumbered.length} renumbered` : ''),
  ];
  // A pair found by title similarity alone is a guess an analyst should see as one (the first-time user took a replaced activity for a renamed one).
  const guessed = diff.matched.filter((m) => m.matchedBy === 'similarity').length;
  if (guessed > 0) lines.push(`(${guessed} ${guessed === 1 ? 'activity was' : 'activities were'} paired by title similarity alone (--min-similarity), marked below: a pair that is not the same activity is one removed and one added)`);
  const withoutStatus = [before, after].filter((a) => a !== undefined && a.activities.every((x) => x.status === null));
  if (withoutStatus.length > 0) lines.push('(statuses not compared: an input carries none, e.g. a text export)');
  if (diff.added.length > 0) lines.push('', 'added:', ...diff.added.map((a) => `  + ${a.id}  ${a.title}${a.status ? `  [${a.status}]` : ''}`));
  if (diff.removed.length > 0) lines.push('', 'removed:', ...diff.removed.map((a) => `  - ${a.id}  ${a.title}`));
  const changed = diff.matched.filter((m) => m.changes.length > 0);
  if (changed.length > 0) {
    lines.push('', 'changed:');
    for (const m of changed) {
      lines.push(`  ~ ${m.oldId === m.newId ? m.newId : `${m.oldId} → ${m.newId}`}  ${m.title}${m.matchedBy === 'similarity' ? `  (paired by title similarity ${m.similarity}: check that it is the same activity)` : ''}`);
      for (const c of m.changes) lines.push(`      ${changeText(c)}`);
      // What this changed activity also prints differently with the same meaning stays with it.
      for (const n of m.notes) lines.push(`      = ${noteText(n)} (same meaning)`);
    }
  }
  // The activities counted as "printed differently": unchanged ones whose text differs without a change of meaning.
  const noted = diff.matched.filter((m) => m.changes.length === 0 && m.notes.length > 0);
  if (noted.length > 0) {
    lines.push('', 'printed differently, same meaning (not changes):');
    for (const m of noted) for (const n of m.notes) lines.push(`  = ${m.newId}  ${noteText(n)}`);
  }
  const transitions = diff.statusTransitions.filter((t) => t.from.code !== t.to.code);
  if (diff.statusTransitions.length > 0) {
    const same = diff.statusTransitions.filter((t) => t.from.code === t.to.code).reduce((n, t) => n + t.count, 0);
    lines.push('', transitions.length > 0 ? `status transitions (${same} unchanged):` : `status transitions: none (${same} unchanged)`, ...transitions.map((t) => `  ${t.from.label} → ${t.to.label}: ${t.count}`));
  }
  if (diff.renumbered.length > 0) {
    lines.push('', 'renumbered (same activity, new positional id; key unchanged unless shown):');
    const moved = new Map(diff.matched.filter((m) => m.oldKey !== undefined).map((m) => [m.newId, m.oldKey!]));
    for (const r of diff.renumbered) lines.push(`  # ${r.oldId} → ${r.newId}  ${r.key}${moved.has(r.newId) ? ` (was ${moved.get(r.newId)})` : ''}`);
  }
  return `${lines.map(printable).join('\n')}\n`;
}

/** `+2` / `-1` / `0` quarters. */
function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

const FIELD_NAMES: Record<ChangeNote['field'], string> = { status: 'status label', planning: 'planning text', owners: 'owners text' };

/** One note (same meaning, printed differently) as text. */
function noteText(n: ChangeNote): string {
  return `${FIELD_NAMES[n.field]}: ${n.old} → ${n.new}`;
}

/** `1 footnote`, `2 footnotes`. */
function footnotes(n: string): string {
  return `${n} footnote${n === '1' ? '' : 's'}`;
}

/** One field change as a line of the text diff, with the planning shift and the owners added/removed. */
function changeText(c: FieldChange): string {
  if (c.field === 'explanation') {
    return `explanation: ${c.wordsRemoved} word${c.wordsRemoved === 1 ? '' : 's'} removed, ${c.wordsAdded} added${c.words ? '' : ' (texts too different for a word diff)'}`;
  }
  if (c.field === 'footnotes') return `footnotes: ${footnotes(c.old)} → ${footnotes(c.new)}${c.old === c.new ? ' (other texts cited)' : ''}`;
  const notes: string[] = [];
  if (c.shift) {
    const part = (name: string, n: number | null): string => (n === null ? `${name} not comparable` : `${name} ${signed(n)} quarter${Math.abs(n) === 1 ? '' : 's'}`);
    notes.push(`${part('start', c.shift.startQuarters)}, ${part('end', c.shift.endQuarters)}`);
  }
  if (c.ownersAdded?.length) notes.push(`+${c.ownersAdded.join(', +')}`);
  if (c.ownersRemoved?.length) notes.push(`-${c.ownersRemoved.join(', -')}`);
  return `${c.field}: ${c.old} → ${c.new}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

/** The columns of `diff -f csv`, typed: the two shifts are integers (a spreadsheet reads -3 as a number). */
export const DIFF_CSV_COLUMNS: ColumnShape[] = [
  { name: 'change', type: 'string' },
  { name: 'old_id', type: 'string' },
  { name: 'new_id', type: 'string' },
  { name: 'key', type: 'string' },
  { name: 'title', type: 'string' },
  { name: 'field', type: 'string' },
  { name: 'old', type: 'string' },
  { name: 'new', type: 'string' },
  { name: 'start_shift_quarters', type: 'integer' },
  { name: 'end_shift_quarters', type: 'integer' },
];

/**
 * One CSV row per change (`added`, `removed`, a field, `renumbered`) and per note (`note`: printed
 * differently, same meaning), for spreadsheets: the activity's stable key (docs/activity-keys.md)
 * beside its ids, and for a planning change its shift in quarters (empty where a side has no dated range).
 */
export function diffCsv(diff: AnnexDiff): string {
  const none = [null, null];
  const quarters = (c: FieldChange): CellValue[] => (c.shift ? [c.shift.startQuarters, c.shift.endQuarters] : none);
  const rows: CellValue[][] = [
    ...diff.added.map((a) => ['added', null, a.id, a.key, a.title, null, null, null, ...none]),
    ...diff.removed.map((a) => ['removed', a.id, null, a.key, a.title, null, null, null, ...none]),
    ...diff.matched.flatMap((m) => m.changes.map((c) => ['changed', m.oldId, m.newId, m.key, m.title, c.field, c.old, c.new, ...quarters(c)])),
    ...diff.matched.flatMap((m) => m.notes.map((n) => ['note', m.oldId, m.newId, m.key, m.title, n.field, n.old, n.new, ...none])),
    ...diff.renumbered.map((r) => ['renumbered', r.oldId, r.newId, r.key, r.title, 'id', r.oldId, r.newId, ...none]),
  ];
  return recordsCsv(DIFF_CSV_COLUMNS, rows);
}
