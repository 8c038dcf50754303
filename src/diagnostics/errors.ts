/**
 * The two ways a run ends without output: the input cannot be read (InputError, exit 2), or what
 * nap-annex built from it does not satisfy its own schema (SchemaViolationError, exit 3).
 * Everything short of that is a diagnostic in a DiagnosticBag.
 */
import type { Diagnostic } from '../schema/diagnostic.js';

/** Thrown when an input cannot be read at all (exit code 2): the diagnostic says why. */
export class InputError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.reason);
    this.name = 'InputError';
  }
}

/**
 * Thrown when the annex built from the input does not satisfy the schema: a defect in
 * nap-annex, not in the input (exit code 3). Nothing is written.
 */
export class SchemaViolationError extends Error {
  constructor(readonly issues: string[]) {
    // The first ten issues tell the defect; all of them stay in `issues`.
    const more = issues.length > 10 ? `\n… and ${issues.length - 10} more` : '';
    super(`Output failed schema validation (a nap-annex defect, please report it):\n${issues.slice(0, 10).join('\n')}${more}`);
    this.name = 'SchemaViolationError';
  }
}
