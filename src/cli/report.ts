/**
 * Human-readable reporting for the CLI: one line per diagnostic
 * (`file:page:line severity code message`) and the extraction summary printed to stderr.
 */
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Annex } from '../schema/annex.js';
import { printable } from './printable.js';

/**
 * `file:page:line severity code [row field] reason`; missing parts are left out (`file severity …`); a line
 * without a page is `file (line 3)`. Control characters in names and messages are shown as escapes
 * (`\x1b`), so the result is always one printable line.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const file = d.file ?? '';
  const { page, line, column } = d.place;
  const at = line !== undefined ? [line, ...(column !== undefined ? [column] : [])] : [];
  const where = page !== undefined ? [file, page, ...at].join(':') : line !== undefined ? `${file} (line ${at.join(':')})` : file;
  const row = d.row ? ` [${d.row}${d.field ? ` ${d.field}` : ''}]` : '';
  return printable(`${where} ${d.severity} ${d.code}${row} ${d.reason}`);
}

/** Counts per severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** `0 errors, 1 warning, 1 info`. */
export function formatCounts(counts: { error: number; warning: number; info: number }): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
}

/**
 * The multi-line summary of one extraction: counts per action line, the count of diagnostics per
 * severity, then the errors and warnings — and the info diagnostics only with `verbose` (they are
 * facts, such as a row joined across a page break; quiet by default, counted always).
 * `name` and `diagnostics` default to the annex's own (base name); the CLI passes the path as typed.
 */
export function formatSummary(annex: Annex, name: string = annex.source.fileName, diagnostics: readonly Diagnostic[] = annex.diagnostics, verbose = false): string {
  const s = annex.source;
  const lines = [
    `${name}: ${s.format}, ${count(s.pageCount, 'page')}, ${count(annex.actionLines.length, 'action line')}, ${count(annex.activities.length, 'activity', 'activities')}, ${count(annex.footnotes.length, 'footnote')}`,
  ];
  for (const a of annex.actionLines) {
    const statuses = statusCounts(annex, a.number);
    lines.push(`  Actielijn ${a.number}  ${String(a.activityCount).padStart(3)} activities${statuses}  ${a.title}`);
  }
  const counts = countBySeverity(diagnostics);
  lines.push(`  diagnostics: ${formatCounts(counts)}${counts.info > 0 && !verbose ? ' (--verbose lists the info ones)' : ''}`);
  for (const d of diagnostics) if (verbose || d.severity !== 'info') lines.push(`  ${formatDiagnostic(d)}`);
  return lines.map(printable).join('\n');
}

function statusCounts(annex: Annex, actionLine: number): string {
  const counts = new Map<string, number>();
  for (const a of annex.activities) {
    if (a.actionLine !== actionLine || a.status === null) continue;
    counts.set(a.status.code, (counts.get(a.status.code) ?? 0) + 1);
  }
  if (counts.size === 0) return '';
  // Legend order, so that action lines compare at a glance.
  const order = annex.legend.map((e) => e.code);
  const rank = (code: string): number => (order.includes(code as never) ? order.indexOf(code as never) : order.length);
  return ` (${[...counts].sort((a, b) => rank(a[0]) - rank(b[0])).map(([code, n]) => `${n} ${code}`).join(', ')})`;
}

/** `n thing` or `n things` (English). */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
