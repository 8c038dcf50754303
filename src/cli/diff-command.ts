/**
 * `nap-annex diff <old> <new>`: what changed between two annexes. Each input is an annex in any
 * format the readers know, or an `annex.json` written by `extract` (validated against the schema).
 * Output: text (default), json, or csv (one row per change). Exit 0 whatever changed; 2 when an
 * input cannot be read.
 */
import { stringify } from 'csv-stringify/sync';
import { compareAnnexes, type AnnexDiff } from '../diff/compare-annexes.js';
import { DiagnosticBag, InputError } from '../model/diagnostics.js';
import { extractAnnex } from '../pipeline.js';
import { annexSchema, type Annex } from '../schema/annex.js';
import { EXIT } from './exit-codes.js';
import { readInput } from './read-input.js';

/** Parsed options of `diff`. */
export interface DiffCommandOptions {
  format: 'text' | 'json' | 'csv';
  maxBytes: number;
  minSimilarity: number;
}

/** Runs `diff`; returns the exit code. Lets InputError through (exit 2). */
export async function runDiff(oldPath: string, newPath: string, options: DiffCommandOptions): Promise<number> {
  const before = await loadAnnex(oldPath, options.maxBytes);
  const after = await loadAnnex(newPath, options.maxBytes);
  const diff = compareAnnexes(before, after, { minSimilarity: options.minSimilarity });
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : options.format === 'csv' ? diffCsv(diff) : diffText(diff));
  return EXIT.OK;
}

/** Reads an annex file (any input format) or an annex.json written by `extract`. */
export async function loadAnnex(path: string, maxBytes: number): Promise<Annex> {
  const { name, bytes } = await readInput(path, maxBytes);
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) {
    const diagnostics = new DiagnosticBag(name);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw new InputError(diagnostics.report('NAP001', `Input looks like JSON but does not parse: ${(error as Error).message}.`));
    }
    const parsed = annexSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      throw new InputError(diagnostics.report('NAP001', `JSON input is not an annex.json of this nap-annex version: ${first.path.join('.') || '(root)'}: ${first.message}.`));
    }
    return parsed.data;
  }
  return (await extractAnnex(bytes, { fileName: name, maxBytes })).annex;
}

/** Human-readable diff. */
export function diffText(diff: AnnexDiff): string {
  const lines = [
    `old: ${diff.old.fileName} (${diff.old.activityCount} activities)`,
    `new: ${diff.new.fileName} (${diff.new.activityCount} activities)`,
    `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changedCount} changed, ${diff.matched.length - diff.changedCount} unchanged`,
  ];
  if (diff.added.length > 0) lines.push('', 'added:', ...diff.added.map((a) => `  + ${a.id}  ${a.title}${a.status ? `  [${a.status}]` : ''}`));
  if (diff.removed.length > 0) lines.push('', 'removed:', ...diff.removed.map((a) => `  - ${a.id}  ${a.title}`));
  const changed = diff.matched.filter((m) => m.changes.length > 0);
  if (changed.length > 0) {
    lines.push('', 'changed:');
    for (const m of changed) {
      lines.push(`  ~ ${m.oldId === m.newId ? m.newId : `${m.oldId} → ${m.newId}`}  ${m.title}`);
      for (const c of m.changes) {
        lines.push(
          c.field === 'explanation'
            ? `      explanation: ${c.wordsRemoved} word${c.wordsRemoved === 1 ? '' : 's'} removed, ${c.wordsAdded} added`
            : `      ${c.field}: ${c.old} → ${c.new}`,
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** One CSV row per change (`added`, `removed`, or a field), for spreadsheets. */
export function diffCsv(diff: AnnexDiff): string {
  const rows: (string | number)[][] = [
    ...diff.added.map((a) => ['added', '', a.id, a.title, '', '', '']),
    ...diff.removed.map((a) => ['removed', a.id, '', a.title, '', '', '']),
    ...diff.matched.flatMap((m) => m.changes.map((c) => ['changed', m.oldId, m.newId, m.title, c.field, c.old, c.new])),
  ];
  return stringify(rows, { header: true, columns: ['change', 'old_id', 'new_id', 'title', 'field', 'old', 'new'], escape_formulas: true });
}
