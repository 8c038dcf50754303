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
import { type CliIo, processIo } from './io.js';
import { readInput } from './read-input.js';
import { printable } from './printable.js';
import { formatDiagnostic } from './report.js';

/** Parsed options of `diff`. */
export interface DiffCommandOptions {
  format: 'text' | 'json' | 'csv';
  maxBytes: number;
  minSimilarity: number;
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
  const before = await loadAnnex(oldPath, options.maxBytes, io);
  const after = await loadAnnex(newPath, options.maxBytes, io);
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

/** An annex loaded for diff, with the path given on the command line. */
interface LoadedAnnex {
  path: string;
  annex: Annex;
}

/** Reads an annex file (any input format) or an annex.json written by `extract`. */
export async function loadAnnex(path: string, maxBytes: number, io: Pick<CliIo, 'stdin' | 'cwd'> = processIo()): Promise<LoadedAnnex> {
  const { name, bytes } = await readInput(path, maxBytes, io);
  if (startsAsJson(bytes)) {
    const diagnostics = new DiagnosticBag(name);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw new InputError(diagnostics.report('NAP001', `Input looks like JSON but does not parse: ${(error as Error).message}.`));
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      throw new InputError(diagnostics.report('NAP001', `JSON input is ${Array.isArray(json) ? 'an array' : `a ${json === null ? 'null' : typeof json}`}, not an annex.json written by nap-annex extract.`));
    }
    const parsed = annexSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      throw new InputError(diagnostics.report('NAP001', `JSON input is not an annex.json of this nap-annex version: ${first.path.join('.') || '(root)'}: ${first.message}.`));
    }
    return { path: name, annex: parsed.data };
  }
  return { path: name, annex: (await extractAnnex(bytes, { fileName: name, maxBytes })).annex };
}

/** True when the first character that is not white space (after a UTF-8 BOM) is `{` or `[`: JSON, whatever the indentation. */
function startsAsJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

/** Human-readable diff; `before`/`after` add the source of an annex.json and a note on statuses. */
export function diffText(diff: AnnexDiff, before?: Annex, after?: Annex): string {
  const source = (annex: Annex | undefined, path: string): string =>
    annex && annex.source.fileName !== path ? `, extracted from ${annex.source.fileName}` : '';
  const lines = [
    `old: ${diff.old.fileName} (${diff.old.activityCount} activities${source(before, diff.old.fileName)})`,
    `new: ${diff.new.fileName} (${diff.new.activityCount} activities${source(after, diff.new.fileName)})`,
    `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changedCount} changed, ${diff.matched.length - diff.changedCount} unchanged`,
  ];
  const withoutStatus = [before, after].filter((a) => a !== undefined && a.activities.every((x) => x.status === null));
  if (withoutStatus.length > 0) lines.push('(statuses not compared: an input carries none, e.g. a text export)');
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
  return `${lines.map(printable).join('\n')}\n`;
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
