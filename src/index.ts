/**
 * nap-annex as a library: `extractAnnex(bytes, { fileName })` runs the whole pipeline and returns
 * the validated annex; the schema, emitters and stage functions are exported for reuse.
 */
export { extractAnnex, checkExpectedCounts, DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, SchemaViolationError, type ExtractOptions, type ExtractResult } from './pipeline.js';
export { extractAnnexLimited } from './threads/limited-pipeline.js';
export { closeWarmThreads } from './threads/pool.js';
export { annexSchema } from './schema/annex.js';
export type * from './schema/annex.js';
export { annexJsonSchema } from './schema/json-schema.js';
export { activitiesCsv, footnotesCsv, tableCsv, recordsCsv, ACTIVITY_COLUMNS, FOOTNOTE_COLUMNS, type CsvOptions } from './emit/csv.js';
export { annexTables, LIST_SEPARATOR, type TableSpec, type ColumnSpec, type CellValue } from './emit/tables.js';
export { dataPackage, packageDescriptor, LICENSES, DEFAULT_LICENSE } from './emit/datapackage.js';
export { annexSheets, workbookBytes } from './emit/xlsx.js';
export { stackEditions, type Stack, type EditionInput, type Transition } from './stack/stack-editions.js';
export { stackTableSpecs } from './stack/stack-tables.js';
export { assignActivityKeys, titleSlug } from './normalise/activity-key.js';
export { findEdition } from './normalise/edition.js';
export { annexJson } from './emit/json.js';
export { writeOutputSet, recoverOutputFolder, type SetFile } from './emit/output-set.js';
export { annexSetFiles, annexSetNames, excelCuts, type AnnexSetOptions } from './emit/annex-set.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from './model/diagnostics.js';
export { DiagnosticBag } from './diagnostics/bag.js';
export { InputError } from './diagnostics/errors.js';
export { type Diagnostic } from './schema/diagnostic.js';
export type * from './model/page-model.js';
export { readText } from './readers/text-reader.js';
export { readHtml } from './readers/html-reader.js';
export { readPdf, type ReadPdfOptions } from './readers/pdf/index.js';
export type { PageSource, PageSourceOptions } from './readers/pdf/page-source.js';
export { readPagesInWorkers } from './threads/read-pages.js';
export { detectFormat } from './readers/detect-format.js';
export { assembleRows } from './assemble/rows.js';
export { attachFootnotes, stripMarkers } from './assemble/footnotes.js';
export { normaliseExplanation } from './normalise/explanation.js';
export * from './normalise/index.js';
export { compareAnnexes, compareActivities, matchActivities, titleSimilarity, type AnnexDiff, type FieldChange, type ChangeNote, type MatchedActivity, type ActivityPair } from './diff/compare-annexes.js';
