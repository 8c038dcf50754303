/**
 * GitHub Actions workflow commands for diagnostics: `::error file=…,line=…,title=NAP201::message`
 * (also `::warning`, and `::notice` for info). Escaping follows GitHub's toolkit
 * (@actions/core command.ts): in the message `%`, CR and LF are percent-encoded; in property
 * values also `:` and `,`.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
import type { Diagnostic } from '../model/diagnostics.js';
import { printable } from './printable.js';

/**
 * Escapes the message part of a workflow command. Other control characters (ESC, NUL …), which
 * the toolkit leaves alone, are shown as escapes (`\x1b`).
 */
export function escapeData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a property value (`file=`, `title=` …) of a workflow command. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * One diagnostic as a workflow command. `file` and `line` become annotation properties (GitHub
 * shows the annotation on that line); page, row and column, which GitHub has no property for,
 * go into the title next to the code.
 */
export function githubCommand(d: Diagnostic): string {
  const props: string[] = [];
  if (d.location.file !== undefined && d.location.file !== '<stdin>') props.push(`file=${escapeProperty(d.location.file)}`);
  if (d.location.line !== undefined) props.push(`line=${d.location.line}`);
  const where = [
    d.location.page !== undefined ? `page ${d.location.page}` : '',
    d.location.row ?? '',
    d.location.column ?? '',
  ].filter((x) => x !== '');
  props.push(`title=${escapeProperty(where.length > 0 ? `${d.code} (${where.join(', ')})` : d.code)}`);
  return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
}
