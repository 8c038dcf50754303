/**
 * `nap-annex check <inputs...>`: validates annexes for CI. Runs the pipeline on every input
 * (file, glob pattern or `-`), prints the diagnostics and one verdict line per input, writes no
 * files. Exit code: the worst over all inputs (3 internal > 2 unreadable > 1 findings > 0 ok).
 */
import { appendFile } from 'node:fs/promises';
import type { Diagnostic } from '../schema/diagnostic.js';
import { InputError, SchemaViolationError } from '../diagnostics/errors.js';
import type { InputFormat } from '../model/page-model.js';
import { extractAnnexLimited as extractAnnex } from '../threads/limited-pipeline.js';
import { EXIT } from './exit-codes.js';
import { expandInputs } from './expand-inputs.js';
import { type CliIo, processIo } from './io.js';
import { escapeData, escapeProperty, githubCommand } from './github.js';
import { printable } from './printable.js';
import { readInput, STDIN_NAME } from './read-input.js';
import { type ReaderCliOptions, extractOptionsFrom, keepThreads } from './reader-options.js';
import { countBySeverity, formatCounts, formatDiagnostic } from './report.js';

/** Parsed options of `check`. */
export interface CheckCommandOptions extends ReaderCliOptions {
  format: 'text' | 'json' | 'github';
  strict: boolean;
  /** Codes accepted as known (e.g. NAP501 for a title the source truncates): printed, not counted. */
  ignore?: string[];
  /** Print only the verdict lines (and the count line for several inputs). */
  quiet?: boolean;
}

/** The outcome for one input. */
export interface CheckFileResult {
  name: string;
  verdict: 'ok' | 'findings' | 'unreadable' | 'internal';
  exitCode: number;
  format: InputFormat | null;
  activities: number | null;
  actionLines: { number: number; activityCount: number }[];
  /** Counts of the diagnostics that decide the verdict (those not in --ignore). */
  counts: { error: number; warning: number; info: number };
  /** How many diagnostics --ignore took out of the counts. */
  ignored: number;
  diagnostics: Diagnostic[];
  /** Set for `internal`: what failed inside nap-annex. */
  internalError?: string;
}

/** The JSON document of `check --format json`. */
export interface CheckReport {
  tool: 'nap-annex';
  command: 'check';
  strict: boolean;
  expect: number[] | null;
  exitCode: number;
  summary: { files: number; ok: number; findings: number; unreadable: number; internal: number };
  files: CheckFileResult[];
}

/** Severity order of exit codes: which one wins when inputs disagree. */
const RANK: Record<number, number> = { [EXIT.OK]: 0, [EXIT.FINDINGS]: 1, [EXIT.UNREADABLE]: 2, [EXIT.LOCKED]: 3, [EXIT.CANNOT_WRITE]: 4, [EXIT.INTERNAL]: 5 };

/** The worse of two exit codes (3 internal > 73 cannot write > 75 locked > 2 unreadable > 1 findings > 0). */
export function worstExit(a: number, b: number): number {
  return (RANK[b] ?? 0) > (RANK[a] ?? 0) ? b : a;
}

/** Runs `check`; returns the exit code. Output goes to stdout (it is the product of this command). */
export async function runCheck(inputs: string[], options: CheckCommandOptions, io: CliIo = processIo()): Promise<number> {
  const results: CheckFileResult[] = [];
  const emit = (r: CheckFileResult): void => {
    results.push(r);
    if (options.format !== 'json') io.stdout.write(renderFile(r, options));
  };
  const all = await expandInputs(inputs, io);
  for (const [k, expanded] of all.entries()) {
    if (expanded.kind === 'unmatched') emit(unreadable(expanded.pattern, expanded.error));
    // The threads of this input serve the next one; after the last, their memory is freed at once.
    else emit(await checkOne(expanded.path, options, io, keepThreads(io, k < all.length - 1)));
  }
  const exitCode = results.reduce((worst, r) => worstExit(worst, r.exitCode), EXIT.OK as number);
  const summary = {
    files: results.length,
    ok: results.filter((r) => r.verdict === 'ok').length,
    findings: results.filter((r) => r.verdict === 'findings').length,
    unreadable: results.filter((r) => r.verdict === 'unreadable').length,
    internal: results.filter((r) => r.verdict === 'internal').length,
  };
  if (options.format === 'json') {
    const report: CheckReport = { tool: 'nap-annex', command: 'check', strict: options.strict, expect: options.expect ?? null, exitCode, summary, files: results };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (results.length > 1) {
    const parts = [`${summary.ok} OK`, `${summary.findings} with findings`, `${summary.unreadable} unreadable`];
    if (summary.internal > 0) parts.push(`${summary.internal} internal error${summary.internal === 1 ? '' : 's'}`);
    io.stdout.write(`${summary.files} files: ${parts.join(', ')}\n`);
  }
  const stepSummary = io.env.GITHUB_STEP_SUMMARY;
  if (stepSummary) await appendFile(stepSummary, verdictMarkdown(results, exitCode));
  return exitCode;
}

/**
 * The Markdown table of verdicts appended to `$GITHUB_STEP_SUMMARY` (GitHub shows it on the run's
 * summary page): one row per input with its verdict and counts.
 */
export function verdictMarkdown(results: readonly CheckFileResult[], exitCode: number): string {
  const cell = (s: string): string => printable(s).replace(/\|/g, '\\|');
  const rows = results.map(
    (r) => `| ${cell(r.name)} | ${VERDICT[r.verdict]} | ${r.activities ?? '–'} | ${r.counts.error} | ${r.counts.warning} | ${r.counts.info} | ${r.ignored} |`,
  );
  return ['### nap-annex check', '', '| input | verdict | activities | errors | warnings | info | ignored |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |', ...rows, '', `Exit code ${exitCode}.`, '', ''].join('\n');
}

async function checkOne(path: string, options: CheckCommandOptions, io: CliIo, keepWarm: boolean): Promise<CheckFileResult> {
  // One name for standard input in the diagnostics and the verdict line.
  let name = path === '-' ? STDIN_NAME : path;
  try {
    const input = await readInput(path, options.maxBytes, io);
    name = input.name;
    const { annex, diagnostics } = await extractAnnex(input.bytes, extractOptionsFrom(input.name, options, keepWarm));
    const ignore = new Set(options.ignore ?? []);
    const counted = diagnostics.filter((d) => !ignore.has(d.code));
    const counts = countBySeverity(counted);
    const failed = counts.error > 0 || (options.strict && counts.warning > 0);
    return {
      name,
      verdict: failed ? 'findings' : 'ok',
      exitCode: failed ? EXIT.FINDINGS : EXIT.OK,
      format: annex.source.format,
      activities: annex.activities.length,
      actionLines: annex.actionLines.map((a) => ({ number: a.number, activityCount: a.activityCount })),
      counts,
      ignored: diagnostics.length - counted.length,
      diagnostics,
    };
  } catch (error) {
    if (error instanceof InputError) return unreadable(name, error);
    const message =
      error instanceof SchemaViolationError
        ? error.message
        : `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    return {
      name,
      verdict: 'internal',
      exitCode: EXIT.INTERNAL,
      format: null,
      activities: null,
      actionLines: [],
      counts: { error: 0, warning: 0, info: 0 },
      ignored: 0,
      diagnostics: [],
      internalError: message,
    };
  }
}

function unreadable(name: string, error: InputError): CheckFileResult {
  const diagnostics = [error.diagnostic];
  return {
    name,
    verdict: 'unreadable',
    exitCode: EXIT.UNREADABLE,
    format: null,
    activities: null,
    actionLines: [],
    counts: countBySeverity(diagnostics),
    ignored: 0,
    diagnostics,
  };
}

const VERDICT = { ok: 'OK', findings: 'FAIL', unreadable: 'UNREADABLE', internal: 'INTERNAL ERROR' } as const;

/**
 * Annotations GitHub shows per step and severity (10 errors, 10 warnings, 10 notices); per input,
 * diagnostics beyond these are printed as plain log lines, and one notice says how many.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
export const GITHUB_ANNOTATION_CAP = { error: 10, warning: 10, info: 9 } as const;

/** Workflow commands for one input's diagnostics, capped (GITHUB_ANNOTATION_CAP), plus one summary notice for the rest. */
export function githubLines(name: string, diagnostics: readonly Diagnostic[]): string[] {
  const shown = { error: 0, warning: 0, info: 0 };
  const lines: string[] = [];
  const rest: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (shown[d.severity] < GITHUB_ANNOTATION_CAP[d.severity]) {
      shown[d.severity]++;
      lines.push(githubCommand(d));
    } else rest.push(d);
  }
  if (rest.length === 0) return lines;
  lines.push(...rest.map(formatDiagnostic));
  const counts = countBySeverity(rest);
  const what = [`${counts.error} error(s)`, `${counts.warning} warning(s)`, `${counts.info} info`].filter((x) => !x.startsWith('0 ')).join(', ');
  const file = name !== STDIN_NAME ? `file=${escapeProperty(name)},` : '';
  lines.push(`::notice ${file}title=${escapeProperty(`nap-annex: ${rest.length} more`)}::${escapeData(`${what} more than GitHub shows as annotations (${GITHUB_ANNOTATION_CAP.error} errors, ${GITHUB_ANNOTATION_CAP.warning} warnings per step); all are listed in the step log above.`)}`);
  return lines;
}

/** Diagnostics (text lines or workflow commands) and the verdict line of one input; with `quiet` only the verdict line. */
export function renderFile(r: CheckFileResult, options: Pick<CheckCommandOptions, 'format' | 'strict' | 'quiet'>): string {
  const lines = options.quiet ? [] : options.format === 'github' ? githubLines(r.name, r.diagnostics) : r.diagnostics.map(formatDiagnostic);
  if (r.verdict === 'internal') {
    const text = `nap-annex: ${r.internalError ?? 'internal error'}`;
    if (!options.quiet) lines.push(options.format === 'github' ? `::error title=nap-annex internal error::${escapeData(text)}` : text);
    lines.push(`${r.name}: ${VERDICT.internal} — nap-annex failed on this input; please report it`);
  } else if (r.verdict === 'unreadable') {
    lines.push(`${r.name}: ${VERDICT.unreadable} — ${r.diagnostics[0]?.code ?? 'NAP001'}, nothing checked`);
  } else {
    const strictNote = options.strict && r.verdict === 'findings' && r.counts.error === 0 ? ' (--strict: warnings fail)' : '';
    const activities = `${r.activities} activit${r.activities === 1 ? 'y' : 'ies'}`;
    const ignoredNote = r.ignored > 0 ? `, ${r.ignored} ignored (--ignore)` : '';
    lines.push(`${r.name}: ${VERDICT[r.verdict]}${strictNote} — ${activities}, ${formatCounts(r.counts)}${ignoredNote}`);
  }
  // Names and messages come from the input: every line is made printable, so none can forge another.
  return `${lines.map(printable).join('\n')}\n`;
}
