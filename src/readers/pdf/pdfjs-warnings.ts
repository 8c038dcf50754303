/**
 * pdfjs-dist's warnings, caught instead of printed. The reader opens PDFs leniently, as viewers
 * do (a missing resource or a broken operator is skipped and the rest of the page is read), and
 * pdfjs announces every skip only as a `console.warn("Warning: …")` line at verbosity WARNINGS.
 * The page worker installs this hook once; every warning raised while a page is read is taken
 * with that page (pages are read one at a time per thread) and becomes a diagnostic there
 * (index.ts, classifyPdfjsWarning), so no skip is silent.
 *
 * The prefix and the wording are facts of pdfjs-dist's (part of the contract, pdfjs-contract.ts,
 * which re-exports them and whose test checks them on fixtures); this file does not load
 * pdfjs-dist, so that the page worker can install its hook first and the main thread can sort
 * warnings without it.
 */

/**
 * pdfjs prints what it skips or repairs only as `console.warn` lines starting with this, at
 * verbosity `VerbosityLevel.WARNINGS` (src/shared/util.js `warn`).
 */
export const WARNING_PREFIX = 'Warning: ';

/**
 * The wording of pdfjs 5.5's warnings the reader sorts by: what a skip, a font problem and a
 * repaired file say (pdf.worker.mjs; e.g. `getOperatorList - ignoring errors during
 * "GetOperatorList: page 3".`, `Error during font loading: …`, `Indexing all PDF objects`).
 */
export const WARNING_WORDING = {
  skipped: /\bignoring\b|\bskipping\b|Unterminated|Unimplemented|Unknown command|stream.*(error|corrupt|invalid)|Bad FCHECK|Invalid (block|stream)|Empty ".*" stream/i,
  fontFailed: /^loadFont - |Error during font loading|Loading font failed|translateFont/i,
  font: /^(TT|CFF|Type1|Font|FontFile|loadFont|Error during font loading|fetchStandardFontData)|font/i,
  repaired: /Indexing all PDF objects|XRef|trailer|startxref|recovery/i,
} as const;

let pending: string[] = [];
let installed = false;

/**
 * Replaces `console.warn` in this thread by a version that keeps pdfjs's `Warning: …` lines
 * (for takeWarnings) and passes every other line through. Idempotent.
 */
export function capturePdfjsWarnings(): void {
  if (installed) return;
  installed = true;
  const original = console.warn.bind(console);
  console.warn = (...args: unknown[]): void => {
    const first = args[0];
    if (typeof first === 'string' && first.startsWith(WARNING_PREFIX)) {
      // Bounded: a page can raise thousands of identical warnings.
      if (pending.length < 1000) pending.push(first.slice(WARNING_PREFIX.length));
      return;
    }
    original(...args);
  };
}

/** The warnings caught since the last call (pdfjs's text after `Warning: `), oldest first. */
export function takeWarnings(): string[] {
  const out = pending;
  pending = [];
  return out;
}

/** What a pdfjs warning means for the page it was raised on. */
export type PdfjsWarningKind =
  /** Part of the page's drawing was skipped (a broken operator, resource or content stream): content may be missing. */
  | 'skipped'
  /** A font program could not be read fully; text is still extracted from the font's mappings. */
  | 'font'
  /** A font could not be loaded at all: the text drawn in it may be read wrongly or not at all. */
  | 'font-failed'
  /** The file's structure was repaired (cross-reference table rebuilt); pages are read from the repaired file. */
  | 'repaired'
  /** Anything else pdfjs noted. */
  | 'other';

/**
 * Sorts a pdfjs warning (pdfjs-dist 5.5, the wording in its worker source) into what it means
 * for the data. Everything unrecognised is `other`, which the reader still reports.
 */
export function classifyPdfjsWarning(message: string): PdfjsWarningKind {
  if (WARNING_WORDING.skipped.test(message)) return 'skipped';
  if (WARNING_WORDING.fontFailed.test(message)) return 'font-failed';
  if (WARNING_WORDING.font.test(message)) return 'font';
  if (WARNING_WORDING.repaired.test(message)) return 'repaired';
  return 'other';
}
