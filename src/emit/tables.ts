/**
 * The published tables of one annex, defined once: their columns (name, type, description in
 * English and Dutch, enum), keys, and how each row is made from the annex. The CSV files, the
 * XLSX sheets, `datapackage.json` and docs/data-dictionary.md are all generated from these
 * definitions, and a column's descriptions come from the zod schema field it shows
 * (`.meta(bilingual(…))` in src/schema/annex.ts), so the published descriptions and the schema
 * cannot drift apart.
 *
 * Lists inside a cell are joined with LIST_SEPARATOR (`|`): unlike `,` or `;` it is neither a
 * decimal nor a thousands separator in any locale, so no spreadsheet reads `14|15` as a number.
 */
import type { z } from 'zod';
import {
  activitySchema,
  actionLineSchema,
  actorSchema,
  citationSchema,
  diagnosticSchema,
  footnoteSchema,
  planningRangeSchema,
  planningSchema,
  ownersSchema,
  explanationSchema,
  sourceLocationSchema,
  statusSchema,
  statusCodeSchema,
  statusFoundBySchema,
  severitySchema,
  type Activity,
  type Annex,
  type Citation,
  type Footnote,
} from '../schema/annex.js';

/** Joins the items of a list cell. */
export const LIST_SEPARATOR = '|';

/**
 * Type of a column, as Frictionless Table Schema names it. It decides how a cell is written
 * everywhere: CSV (numbers and booleans as such, dates as ISO; only `string` cells are
 * neutralised against formulas), XLSX (number, boolean and date cells; text cells as text) and
 * the Table Schema of `datapackage.json`.
 */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

/** A cell value before it is written: null is an empty cell, an array a list cell. */
export type CellValue = string | number | boolean | null | readonly (string | number)[];

/** English and Dutch description of a column. */
export interface Description {
  en: string;
  nl: string;
}

/** One column of a published table. */
export interface ColumnSpec<R> {
  name: string;
  type: ColumnType;
  /** A list cell: the items joined with LIST_SEPARATOR; type describes the items. */
  list?: boolean;
  description: Description;
  /** Allowed values (from a zod enum). */
  enum?: readonly string[];
  /** Never empty. */
  required?: boolean;
  /** Long text: wrapped in the spreadsheet. */
  long?: boolean;
  value: (row: R) => CellValue;
}

/** What writing a cell needs to know of its column (a ColumnSpec, or a column of a sheet). */
export type ColumnShape = Pick<ColumnSpec<never>, 'name' | 'type' | 'list' | 'long'>;

/**
 * A published table: file/sheet names, what a row is, its columns and keys. `S` is what the rows
 * are made from: one annex (the default), or a stack of editions (src/stack/stack-tables.ts).
 */
export interface TableSpec<R = never, S = Annex> {
  /** File name without `.csv`, and the Data Package resource name. */
  name: string;
  /** Sheet name in the XLSX workbook (Dutch), when the table is a sheet. */
  sheet?: string;
  description: Description;
  primaryKey: string[];
  foreignKeys: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  columns: ColumnSpec<R>[];
  rows: (source: S) => R[];
}

/**
 * The English and Dutch descriptions that a zod field carries in its metadata (looking through
 * `.nullable()` / `.optional()`). Throws when the field has none: every published column must be
 * described in the schema.
 */
export function fieldDescription(field: z.ZodType, note?: Description): Description {
  let current: unknown = field;
  for (let depth = 0; depth < 4 && current; depth++) {
    const meta = (current as z.ZodType).meta() as { description?: string; description_nl?: string } | undefined;
    if (meta?.description && meta.description_nl) {
      return { en: meta.description + (note ? ` ${note.en}` : ''), nl: meta.description_nl + (note ? ` ${note.nl}` : '') };
    }
    const unwrap = (current as { unwrap?: () => unknown }).unwrap;
    current = typeof unwrap === 'function' ? unwrap.call(current) : undefined;
  }
  throw new Error('A published column shows a schema field without bilingual .meta() descriptions.');
}

/** The values of a zod enum. */
function enumOf(schema: z.ZodType): readonly string[] {
  return (schema as unknown as { options: string[] }).options;
}

const LIST_NOTE: Description = { en: '(list, items separated by "|")', nl: '(lijst, gescheiden door "|")' };

/** A column showing a zod field. */
function col<R>(name: string, type: ColumnType, field: z.ZodType, value: (row: R) => CellValue, extra: Partial<ColumnSpec<R>> = {}): ColumnSpec<R> {
  return { name, type, description: fieldDescription(field, extra.list ? LIST_NOTE : undefined), value, ...extra };
}

const own = (en: string, nl: string): Description => ({ en, nl });

/** The ministry and agency codes an activity's owners stand for (`Allen` → the programme's ministries). */
export function ownerCodes(a: Activity): string[] {
  return a.owners.actors.flatMap((x) => (x.kind === 'all' ? x.members : x.code !== null ? [x.code] : []));
}

/** activities.csv / sheet Activiteiten: one row per activity. */
export function activitiesTable(): TableSpec<{ a: Activity; annex: Annex; titles: Map<number, string>; footnotes: Map<number, Footnote> }> {
  type R = { a: Activity; annex: Annex; titles: Map<number, string>; footnotes: Map<number, Footnote> };
  const A = activitySchema.shape;
  const range = planningRangeSchema.shape;
  return {
    name: 'activities',
    sheet: 'Activiteiten',
    description: own('One row per activity of the annex', 'Eén rij per activiteit van de bijlage'),
    primaryKey: ['id'],
    foreignKeys: [],
    rows: (annex) => {
      const titles = new Map(annex.actionLines.map((x) => [x.number, x.title]));
      const footnotes = new Map(annex.footnotes.map((f) => [f.number, f]));
      return annex.activities.map((a) => ({ a, annex, titles, footnotes }));
    },
    columns: [
      col<R>('action_line', 'integer', A.actionLine, (r) => r.a.actionLine, { required: true }),
      col<R>('action_line_title', 'string', actionLineSchema.shape.title, (r) => r.titles.get(r.a.actionLine) ?? null, { long: true }),
      col<R>('id', 'string', A.id, (r) => r.a.id, { required: true }),
      col<R>('key', 'string', A.key, (r) => r.a.key, { required: true }),
      col<R>('sequence', 'integer', A.sequence, (r) => r.a.sequence, { required: true }),
      col<R>('title', 'string', A.title, (r) => r.a.title, { required: true, long: true }),
      col<R>('status_code', 'string', statusCodeSchema, (r) => r.a.status?.code ?? null, { enum: enumOf(statusCodeSchema) }),
      col<R>('status_label', 'string', statusSchema.shape.label, (r) => r.a.status?.label ?? null),
      col<R>('status_found_by', 'string', statusFoundBySchema, (r) => r.a.statusFoundBy, { enum: enumOf(statusFoundBySchema), required: true }),
      col<R>('planning_text', 'string', planningSchema.shape.text, (r) => r.a.planning.text),
      col<R>('planning_kind', 'string', planningSchema.shape.kind, (r) => r.a.planning.kind, { enum: enumOf(planningSchema.shape.kind), required: true }),
      col<R>('planning_start', 'date', range.start, (r) => r.a.planning.ranges[0]?.start ?? null),
      col<R>('planning_end', 'date', range.end, (r) => r.a.planning.ranges.at(-1)?.end ?? null),
      col<R>('planning_open_ended', 'boolean', range.openEnded, (r) => (r.a.planning.ranges.length > 0 ? r.a.planning.ranges.some((x) => x.openEnded) : null)),
      col<R>('planning_ranges', 'string', planningSchema.shape.ranges, (r) => r.a.planning.ranges.map((x) => `${x.start ?? '..'}/${x.end ?? '..'}`), { list: true }),
      col<R>('owners_text', 'string', ownersSchema.shape.text, (r) => r.a.owners.text),
      col<R>('owner_names', 'string', actorSchema.shape.canonical, (r) => r.a.owners.actors.map((x) => x.canonical), { list: true }),
      col<R>('owner_codes', 'string', actorSchema.shape.code, (r) => ownerCodes(r.a), { list: true }),
      col<R>('explanation', 'string', explanationSchema.shape.text, (r) => r.a.explanation.text, { long: true }),
      col<R>('footnotes', 'integer', A.footnotes, (r) => r.a.footnotes, { list: true }),
      col<R>('citation_ids', 'string', citationSchema.shape.id, (r) => [...new Set(r.a.footnotes.flatMap((n) => r.footnotes.get(n)?.citations.map((c) => c.id) ?? []))], { list: true }),
      col<R>('page', 'integer', sourceLocationSchema.shape.page, (r) => r.a.location.page, { required: true }),
      col<R>('line', 'integer', sourceLocationSchema.shape.line, (r) => r.a.location.line),
    ],
  };
}

/** footnotes.csv / sheet Voetnoten: one row per footnote. */
export function footnotesTable(): TableSpec<Footnote> {
  const F = footnoteSchema.shape;
  return {
    name: 'footnotes',
    sheet: 'Voetnoten',
    description: own('One row per footnote', 'Eén rij per voetnoot'),
    primaryKey: ['number'],
    foreignKeys: [],
    rows: (annex) => annex.footnotes,
    columns: [
      col<Footnote>('number', 'integer', F.number, (f) => f.number, { required: true }),
      col<Footnote>('label', 'string', F.label, (f) => f.label ?? null),
      col<Footnote>('text', 'string', F.text, (f) => f.text, { long: true }),
      col<Footnote>('plain_text', 'string', F.plainText, (f) => f.plainText, { long: true }),
      col<Footnote>('link_urls', 'string', F.links.element.shape.url, (f) => f.links.flatMap((l) => (l.url !== null ? [l.url] : [])), { list: true }),
      col<Footnote>('citation_ids', 'string', citationSchema.shape.id, (f) => f.citations.map((c) => c.id), { list: true }),
      col<Footnote>('cited_by', 'string', F.citedBy, (f) => f.citedBy, { list: true }),
      col<Footnote>('page', 'integer', sourceLocationSchema.shape.page, (f) => f.location.page, { required: true }),
      col<Footnote>('line', 'integer', sourceLocationSchema.shape.line, (f) => f.location.line),
    ],
  };
}

type OwnerRow = { a: Activity; position: number; actor: Activity['owners']['actors'][number] };

/** activity_owners.csv / sheet Eigenaren: one row per owner of an activity. */
export function activityOwnersTable(): TableSpec<OwnerRow> {
  const X = actorSchema.shape;
  return {
    name: 'activity_owners',
    sheet: 'Eigenaren',
    description: own('One row per owner (Wie) of an activity', 'Eén rij per eigenaar (Wie) van een activiteit'),
    primaryKey: ['activity_id', 'position'],
    foreignKeys: [{ fields: ['activity_id'], reference: { resource: 'activities', fields: ['id'] } }],
    rows: (annex) => annex.activities.flatMap((a) => a.owners.actors.map((actor, i) => ({ a, position: i + 1, actor }))),
    columns: [
      col<OwnerRow>('activity_id', 'string', activitySchema.shape.id, (r) => r.a.id, { required: true }),
      col<OwnerRow>('activity_key', 'string', activitySchema.shape.key, (r) => r.a.key, { required: true }),
      { name: 'position', type: 'integer', required: true, description: own('1-based position of the owner in Wie', 'Positie van de eigenaar in Wie (vanaf 1)'), value: (r) => r.position },
      col<OwnerRow>('name', 'string', X.name, (r) => r.actor.name, { required: true }),
      col<OwnerRow>('canonical', 'string', X.canonical, (r) => r.actor.canonical, { required: true }),
      col<OwnerRow>('kind', 'string', X.kind, (r) => r.actor.kind, { enum: enumOf(X.kind), required: true }),
      col<OwnerRow>('code', 'string', X.code, (r) => r.actor.code),
      col<OwnerRow>('full_name', 'string', X.fullName, (r) => r.actor.fullName),
      col<OwnerRow>('members', 'string', X.members, (r) => r.actor.members, { list: true }),
      col<OwnerRow>('recognised', 'boolean', X.recognised, (r) => r.actor.recognised, { required: true }),
    ],
  };
}

type CitedRow = { a: Activity; position: number; number: number };

/** activity_footnotes.csv: one row per footnote reference of an activity. */
export function activityFootnotesTable(): TableSpec<CitedRow> {
  return {
    name: 'activity_footnotes',
    description: own('One row per footnote an activity cites, in order of appearance', 'Eén rij per voetnoot die een activiteit aanhaalt, in volgorde van voorkomen'),
    primaryKey: ['activity_id', 'position'],
    foreignKeys: [
      { fields: ['activity_id'], reference: { resource: 'activities', fields: ['id'] } },
      { fields: ['footnote_number'], reference: { resource: 'footnotes', fields: ['number'] } },
    ],
    rows: (annex) => annex.activities.flatMap((a) => a.footnotes.map((number, i) => ({ a, position: i + 1, number }))),
    columns: [
      col<CitedRow>('activity_id', 'string', activitySchema.shape.id, (r) => r.a.id, { required: true }),
      col<CitedRow>('activity_key', 'string', activitySchema.shape.key, (r) => r.a.key, { required: true }),
      { name: 'position', type: 'integer', required: true, description: own('1-based position of the reference in the row', 'Positie van de verwijzing in de rij (vanaf 1)'), value: (r) => r.position },
      col<CitedRow>('footnote_number', 'integer', footnoteSchema.shape.number, (r) => r.number, { required: true }),
    ],
  };
}

type CitationRow = { f: Footnote; position: number; c: Citation };

/** citations.csv / sheet Citaties: one row per Kamerstuk cited in a footnote. */
export function citationsTable(): TableSpec<CitationRow> {
  const C = citationSchema.shape;
  return {
    name: 'citations',
    sheet: 'Citaties',
    description: own('One row per parliamentary paper (Kamerstuk) cited in a footnote', 'Eén rij per Kamerstuk dat in een voetnoot wordt aangehaald'),
    primaryKey: ['footnote_number', 'position'],
    foreignKeys: [{ fields: ['footnote_number'], reference: { resource: 'footnotes', fields: ['number'] } }],
    rows: (annex) => annex.footnotes.flatMap((f) => f.citations.map((c, i) => ({ f, position: i + 1, c }))),
    columns: [
      col<CitationRow>('footnote_number', 'integer', footnoteSchema.shape.number, (r) => r.f.number, { required: true }),
      { name: 'position', type: 'integer', required: true, description: own('1-based position of the citation in the footnote', 'Positie van de verwijzing in de voetnoot (vanaf 1)'), value: (r) => r.position },
      col<CitationRow>('text', 'string', C.text, (r) => r.c.text, { required: true }),
      col<CitationRow>('chamber', 'string', C.chamber, (r) => r.c.chamber, { enum: ['I', 'II'] }),
      col<CitationRow>('session_year', 'string', C.sessionYear, (r) => r.c.sessionYear),
      col<CitationRow>('dossiers', 'string', C.dossiers, (r) => r.c.dossiers, { list: true, required: true }),
      col<CitationRow>('document_number', 'string', C.documentNumber, (r) => r.c.documentNumber, { required: true }),
      col<CitationRow>('id', 'string', C.id, (r) => r.c.id, { required: true }),
      col<CitationRow>('url', 'string', C.url, (r) => r.c.url, { required: true }),
    ],
  };
}

type DiagnosticRow = { d: Annex['diagnostics'][number]; number: number };

/** diagnostics.csv / sheet Diagnostiek: one row per diagnostic. */
export function diagnosticsTable(): TableSpec<DiagnosticRow> {
  const D = diagnosticSchema.shape;
  const P = D.place.shape;
  return {
    name: 'diagnostics',
    sheet: 'Diagnostiek',
    description: own('One row per diagnostic (problem or fact found while reading)', 'Eén rij per melding (probleem of feit gevonden bij het lezen)'),
    primaryKey: ['number'],
    foreignKeys: [],
    rows: (annex) => annex.diagnostics.map((d, i) => ({ d, number: i + 1 })),
    columns: [
      { name: 'number', type: 'integer', required: true, description: own('1-based number of the diagnostic in this annex', 'Volgnummer van de melding in deze bijlage (vanaf 1)'), value: (r) => r.number },
      col<DiagnosticRow>('code', 'string', D.code, (r) => r.d.code, { enum: enumOf(D.code), required: true }),
      col<DiagnosticRow>('severity', 'string', severitySchema, (r) => r.d.severity, { enum: enumOf(severitySchema), required: true }),
      col<DiagnosticRow>('reason', 'string', D.reason, (r) => r.d.reason, { required: true, long: true }),
      col<DiagnosticRow>('file', 'string', D.file, (r) => r.d.file ?? null),
      col<DiagnosticRow>('page', 'integer', P.page, (r) => r.d.place.page ?? null),
      col<DiagnosticRow>('line', 'integer', P.line, (r) => r.d.place.line ?? null),
      col<DiagnosticRow>('column', 'integer', P.column, (r) => r.d.place.column ?? null),
      col<DiagnosticRow>('row', 'string', D.row, (r) => r.d.row ?? null),
      col<DiagnosticRow>('field', 'string', D.field, (r) => r.d.field ?? null),
      col<DiagnosticRow>('source', 'string', D.source, (r) => r.d.source, { required: true }),
    ],
  };
}

/** Every published table of one annex, in the order of the files and sheets. */
export function annexTables(): TableSpec<any>[] {
  return [activitiesTable(), footnotesTable(), activityOwnersTable(), activityFootnotesTable(), citationsTable(), diagnosticsTable()];
}

/** The rows of `table` for `source` (an annex, or a stack) as arrays of cell values, in column order. */
export function tableRecords<R, S>(table: TableSpec<R, S>, source: S): CellValue[][] {
  return table.rows(source).map((row) => table.columns.map((c) => c.value(row)));
}

/**
 * Checks that `value` fits the type of `column` (a number for `integer`/`number`, a boolean for
 * `boolean`, `YYYY-MM-DD` for `date`, items of that type in a list); throws otherwise. Every
 * emitter calls it, so a cell of a numeric column is always a number (a nap-annex defect otherwise).
 */
export function checkCell(value: CellValue, column: ColumnShape): void {
  if (value === null) return;
  const items = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) !== (column.list === true)) throw new TypeError(`Column ${column.name}: ${column.list ? 'a list' : 'one value'} expected, got ${JSON.stringify(value)}.`);
  for (const item of items) {
    const ok =
      column.type === 'integer' ? Number.isInteger(item) :
      column.type === 'number' ? typeof item === 'number' && Number.isFinite(item) :
      column.type === 'boolean' ? typeof item === 'boolean' :
      column.type === 'date' ? typeof item === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(item) :
      typeof item === 'string';
    if (!ok) throw new TypeError(`Column ${column.name} (${column.type}): ${JSON.stringify(item)} is not of that type.`);
  }
}
