/**
 * nap-annex as a library: `extractAnnex(bytes, { fileName })` runs the whole pipeline and returns
 * the validated annex; the schema, emitters and stage functions are exported for reuse.
 */
export { extractAnnex, checkExpectedCounts, DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, SchemaViolationError, type ExtractOptions, type ExtractResult } from './pipeline.js';
export { annexSchema } from './schema/annex.js';
export type * from './schema/annex.js';
export { annexJsonSchema } from './schema/json-schema.js';
export { activitiesCsv, footnotesCsv, ACTIVITY_COLUMNS, FOOTNOTE_COLUMNS, type CsvOptions } from './emit/csv.js';
export { annexJson } from './emit/json.js';
export { writeFilesAtomically } from './emit/write-atomic.js';
export { DIAGNOSTIC_CODES, DiagnosticBag, InputError, type Diagnostic, type DiagnosticCode, type Severity } from './model/diagnostics.js';
export type * from './model/page-model.js';
export { readText } from './readers/text-reader.js';
export { readHtml } from './readers/html-reader.js';
export { readPdf, type ReadPdfOptions } from './readers/pdf/index.js';
export { detectFormat } from './readers/detect-format.js';
export { assembleRows } from './assemble/rows.js';
export { attachFootnotes, stripMarkers } from './assemble/footnotes.js';
export { normaliseExplanation } from './normalise/explanation.js';
export * from './normalise/index.js';
export { compareAnnexes, titleSimilarity, type AnnexDiff, type FieldChange, type MatchedActivity } from './diff/compare-annexes.js';
