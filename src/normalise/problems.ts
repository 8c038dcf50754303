/**
 * The result shape every normaliser returns: a value plus the problems found while making it.
 * Normalisers never throw on odd input; the pipeline turns problems into diagnostics and adds
 * the location (page, line, row, table column), which a pure function does not know.
 */
import type { DiagnosticCode } from '../model/diagnostics.js';

/** The diagnostic codes normalisers report (meanings in `src/model/diagnostics.ts`). */
export type NormaliseProblemCode = Extract<DiagnosticCode, 'NAP013' | 'NAP112' | 'NAP302' | 'NAP401' | 'NAP402' | 'NAP403' | 'NAP501'>;

/**
 * One problem: a code, a message that quotes the raw value and says what to do, and the same
 * facts as data: `actual` the value found, `expected` the accepted value or values.
 */
export interface NormaliseProblem {
  code: NormaliseProblemCode;
  message: string;
  actual?: string;
  expected?: string | string[];
}

/** A normalised value and the problems found (empty when the input was fine). */
export interface Normalised<T> {
  value: T;
  problems: NormaliseProblem[];
}
