/**
 * GitHub Actions workflow commands for diagnostics: `::error file=…,line=…,title=NAP201::message`
 * (also `::warning`, and `::notice` for info). Escaping follows GitHub's toolkit
 * (@actions/core command.ts): in the message `%`, CR and LF are percent-encoded; in property
 * values also `:` and `,`.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
import type { Diagnostic } from '../schema/diagnostic.js';
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
 * shows the annotation on that line; `col` for a character column); page, row and table column
 * (`field`), which GitHub has no property for, go into the title next to the code.
 */
export function githubCommand(d: Diagnostic): string {
  const props: string[] = [];
  if (d.file !== undefined && d.file !== '<stdin>') props.push(`file=${escapeProperty(d.file)}`);
  if (d.place.line !== undefined) props.push(`line=${d.place.line}`);
  if (d.place.line !== undefined && d.place.column !== undefined) props.push(`col=${d.place.column}`);
  const where = [d.place.page !== undefined ? `page ${d.place.page}` : '', d.row ?? '', d.field ?? ''].filter((x) => x !== '');
  props.push(`title=${escapeProperty(where.length > 0 ? `${d.code} (${where.join(', ')})` : d.code)}`);
  return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.reason)}`;
}
