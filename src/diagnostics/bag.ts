/**
 * Where the diagnostics of one input are collected. The pipeline makes one DiagnosticBag per input
 * and hands each stage the bag of that stage (`bag.stage('assemble')`): every diagnostic records
 * the stage that reported it, and no stage can report under another's name.
 */
import { type DiagnosticCode, type DiagnosticDetails, type DiagnosticLocation, type DiagnosticPlace, type DiagnosticSource, type DiagnosticValue, DIAGNOSTIC_CODES, MAX_DIAGNOSTICS_PER_CODE, type Reporter, type Severity, diagnosticUrl } from '../model/diagnostics.js';
import type { Diagnostic } from '../schema/diagnostic.js';

/** What the bags of one input share: the diagnostics listed, and those left out per code. */
interface Collected {
  listed: Diagnostic[];
  perCode: Map<DiagnosticCode, number>;
  leftOut: Map<DiagnosticCode, { count: number; severity: Severity; source: DiagnosticSource }>;
}

/**
 * Collects the diagnostics of one input, reported by one stage (`source`, fixed when the bag is
 * made). `stage(source)` gives the bag of another stage over the same collection. Severity comes
 * from the code table unless a caller has a reason to override it.
 */
export class DiagnosticBag implements Reporter {
  private collected: Collected = { listed: [], perCode: new Map(), leftOut: new Map() };

  constructor(
    private readonly file?: string,
    readonly source: DiagnosticSource = 'input',
  ) {}

  /** The bag of stage `source`: it reports into the same collection, each diagnostic recording `source`. */
  stage(source: DiagnosticSource): DiagnosticBag {
    const bag = new DiagnosticBag(this.file, source);
    bag.collected = this.collected;
    return bag;
  }

  /**
   * The diagnostics reported by every stage, in order: at most MAX_DIAGNOSTICS_PER_CODE of each
   * code, then one diagnostic per code that had more, counting the ones left out (with the worst
   * severity among them, so the verdict is the same, and the stage of the first). A hostile input
   * with a million stray lines gives a readable report in bounded memory, not a million messages.
   */
  get items(): Diagnostic[] {
    const { listed, leftOut } = this.collected;
    if (leftOut.size === 0) return listed;
    const summaries = [...leftOut].map(([code, { count, severity, source }]): Diagnostic => ({
      code,
      severity,
      reason: `${count} more ${code} diagnostic${count === 1 ? '' : 's'} like the ${MAX_DIAGNOSTICS_PER_CODE} above ${count === 1 ? 'was' : 'were'} left out of this list (at most ${MAX_DIAGNOSTICS_PER_CODE} per code are listed).`,
      ...(this.file !== undefined ? { file: this.file } : {}),
      place: {},
      actual: count,
      source,
      url: diagnosticUrl(code),
    }));
    return [...listed, ...summaries];
  }

  /**
   * Adds a diagnostic and returns it: `reason` the sentence, `location` where (page, line, bbox,
   * row, table column as `field`), `details` the values found (`actual`) and accepted
   * (`expected`). The bag's file name and stage are filled in.
   */
  report(code: DiagnosticCode, reason: string, location: DiagnosticLocation = {}, details: DiagnosticDetails = {}): Diagnostic {
    const { file, row, field, ...place } = location;
    const name = file ?? this.file;
    const d: Diagnostic = {
      code,
      severity: details.severity ?? DIAGNOSTIC_CODES[code].severity,
      reason,
      ...(name !== undefined ? { file: name } : {}),
      place: definedOnly(place),
      ...(row !== undefined ? { row } : {}),
      ...(field !== undefined ? { field } : {}),
      ...(details.actual !== undefined ? { actual: copied(details.actual) } : {}),
      ...(details.expected !== undefined ? { expected: copied(details.expected) } : {}),
      ...(details.note !== undefined ? { note: details.note } : {}),
      source: this.source,
      url: diagnosticUrl(code),
      ...(details.cause !== undefined ? { cause: details.cause } : {}),
    };
    const { perCode, listed, leftOut } = this.collected;
    const n = perCode.get(code) ?? 0;
    if (n < MAX_DIAGNOSTICS_PER_CODE) {
      perCode.set(code, n + 1);
      listed.push(d);
      return d;
    }
    const left = leftOut.get(code) ?? { count: 0, severity: d.severity, source: d.source };
    left.count++;
    if (RANK[d.severity] > RANK[left.severity]) left.severity = d.severity;
    leftOut.set(code, left);
    return d;
  }

  /** True when any diagnostic has severity `error`. */
  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function definedOnly(place: DiagnosticPlace): Diagnostic['place'] {
  const out: Diagnostic['place'] = {};
  if (place.page !== undefined) out.page = place.page;
  if (place.line !== undefined) out.line = place.line;
  if (place.column !== undefined) out.column = place.column;
  if (place.bbox !== undefined) out.bbox = [...place.bbox] as [number, number, number, number];
  if (place.end !== undefined) out.end = place.end;
  return out;
}

/** A value as the diagnostic keeps it: a list copied, so that the caller's later changes do not reach it. */
function copied(value: DiagnosticValue): string | number | string[] | number[] {
  return typeof value === 'string' || typeof value === 'number' ? value : ([...value] as string[] | number[]);
}
