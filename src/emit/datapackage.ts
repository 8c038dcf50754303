/**
 * `datapackage.json`: a Frictionless Tabular Data Package (https://specs.frictionlessdata.io/,
 * v1, which every Frictionless implementation reads) describing the CSV files written next to it
 * — one resource per CSV with its Table Schema (field types, enums, required fields, primary and
 * foreign keys), English and Dutch descriptions (`description`, and `description_nl`, an extra
 * property the profile allows), and the file's `bytes` and `hash` (`sha256:…`), so that a
 * consumer can check that the folder holds the complete set this manifest describes. Written
 * after the tables (the writer installs it last).
 *
 * The CSV files a package describes are UTF-8 without a byte-order mark (`encoding: "utf-8"`, an
 * IANA name): the specification has no way to say "UTF-8 with a BOM" (`utf-8-sig` is a Python
 * codec name, not a charset), and datapackage-js reads a BOM as part of the first column's name.
 * Files for Excel (with a BOM) are written beside the package, not as its resources
 * (docs/output-folder.md).
 *
 * `licenses` defaults to CC0 1.0, the licence of Dutch government open data (docs/open-data.md);
 * `sources` names the Kamerstuk the annex was sent with when it is known.
 */
import { createHash } from 'node:crypto';
import type { Annex } from '../schema/annex.js';
import { tableCsv, type CsvOptions } from './csv.js';
import type { ColumnSpec, TableSpec } from './tables.js';
import { DEFAULT_LICENSE, LICENSES } from './licenses.js';

export { DEFAULT_LICENSE, LICENSES, type PackageLicense } from './licenses.js';

/** One Table Schema field. */
export interface TableSchemaField {
  name: string;
  type: string;
  description: string;
  description_nl: string;
  format?: string;
  constraints?: { required?: boolean; enum?: readonly string[] };
}

/** A table's columns and keys, as a Table Schema needs them (an annex table or a stack table). */
export type SchemaTable = Pick<TableSpec<any, any>, 'name' | 'description' | 'primaryKey' | 'foreignKeys'> & { columns: Pick<ColumnSpec<never>, 'name' | 'type' | 'list' | 'description' | 'enum' | 'required'>[] };

/** The Table Schema of one published table. */
export function tableSchema(table: SchemaTable): Record<string, unknown> {
  const fields: TableSchemaField[] = table.columns.map((c) => {
    // A list cell is text (`14|15`), whatever its items are.
    const type = c.list ? 'string' : c.type;
    const constraints = {
      ...(c.required ? { required: true } : {}),
      ...(c.enum && !c.list ? { enum: c.enum } : {}),
    };
    return {
      name: c.name,
      type,
      ...(type === 'date' ? { format: 'default' } : {}),
      description: c.description.en,
      description_nl: c.description.nl,
      ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
    };
  });
  return {
    fields,
    missingValues: [''],
    primaryKey: table.primaryKey,
    ...(table.foreignKeys.length > 0 ? { foreignKeys: table.foreignKeys } : {}),
  };
}

/** `sha256:<hex>` of `content` (a string as its UTF-8 bytes), as the Data Package `hash` property writes it. */
export function contentHash(content: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

/** Bytes of `content` (a string as UTF-8). */
export function contentBytes(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
}

/** One CSV file the package describes: its table and its content as written. */
export interface PackagedTable {
  table: SchemaTable;
  /** Path inside the folder, e.g. `activities.csv`. */
  path: string;
  content: string | Uint8Array;
}

/** What the package says about itself. */
export interface PackageMeta {
  name: string;
  title: string;
  description: string;
  description_nl: string;
  keywords: string[];
  /** An SPDX id of LICENSES. */
  license: string;
  sources: { title: string; path?: string }[];
  /** ISO date the package's data is of (the edition's date), when known. */
  created?: string;
}

/**
 * The descriptor of `tables` written with `csv` options (delimiter, record ends; never a BOM, see
 * the module doc), each with its bytes and hash.
 */
export function packageDescriptor(meta: PackageMeta, tables: readonly PackagedTable[], csv: CsvOptions = {}): Record<string, unknown> {
  if (csv.bom) throw new Error('A Data Package resource cannot be described as UTF-8 with a byte-order mark; write the package CSVs without one.');
  const license = LICENSES[meta.license];
  if (!license) throw new Error(`Unknown licence ${meta.license}; one of ${Object.keys(LICENSES).join(', ')}.`);
  const dialect = {
    delimiter: csv.delimiter ?? ',',
    lineTerminator: csv.recordDelimiter ?? '\n',
    quoteChar: '"',
    doubleQuote: true,
    header: true,
  };
  return {
    profile: 'tabular-data-package',
    name: meta.name,
    title: meta.title,
    description: meta.description,
    description_nl: meta.description_nl,
    ...(meta.created ? { created: `${meta.created}T00:00:00Z` } : {}),
    keywords: meta.keywords,
    licenses: [license],
    sources: meta.sources,
    resources: tables.map(({ table, path, content }) => ({
      profile: 'tabular-data-resource',
      name: table.name,
      path,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: contentBytes(content),
      hash: contentHash(content),
      description: table.description.en,
      description_nl: table.description.nl,
      dialect,
      schema: tableSchema(table),
    })),
  };
}

/** The `sources` entry of an annex: the Kamerstuk it was sent with (and its address) when known, and the file it was read from. */
export function annexSources(annex: Annex): { title: string; path?: string }[] {
  const { kamerstuk, date } = annex.source.edition;
  const file = { title: `${annex.source.fileName} (sha256 ${annex.source.sha256})` };
  if (!kamerstuk) return [file];
  const [dossier, ...rest] = kamerstuk.split('-');
  const number = rest.at(-1);
  return [
    {
      title: `Kamerstuk ${dossier}${rest.length > 1 ? `-${rest.slice(0, -1).join('-')}` : ''}, nr. ${number}${date ? ` (${date})` : ''}: ${annex.title ?? 'Bijlage 1. Voortgang activiteiten NAP'}`,
      path: `https://zoek.officielebekendmakingen.nl/kst-${kamerstuk}.html`,
    },
    file,
  ];
}

/** The package metadata of one annex's tables. */
export function annexPackageMeta(annex: Annex, license: string = DEFAULT_LICENSE): PackageMeta {
  const edition = annex.source.edition;
  return {
    name: 'nap-annex',
    title: annex.title ?? 'NAP progress annex',
    description:
      'Progress annex (Bijlage 1) of the Dutch Nationaal Actieprogramma Aanpak seksueel grensoverschrijdend gedrag en seksueel geweld (NAP), as data: written by nap-annex from ' +
      `${annex.source.fileName} (sha256 ${annex.source.sha256}).`,
    description_nl:
      'Voortgangsbijlage (Bijlage 1) van het Nationaal Actieprogramma Aanpak seksueel grensoverschrijdend gedrag en seksueel geweld (NAP) als data: geschreven door nap-annex uit ' +
      `${annex.source.fileName} (sha256 ${annex.source.sha256}).`,
    ...(edition.date ? { created: edition.date } : {}),
    keywords: ['NAP', 'seksueel grensoverschrijdend gedrag', 'Tweede Kamer', ...(edition.kamerstuk ? [`Kamerstuk ${edition.kamerstuk}`] : [])],
    license,
    sources: annexSources(annex),
  };
}

/**
 * The descriptor for the CSV files of `tables` of `annex`, written with `csv` options: each
 * table's CSV is made here (tableCsv) to measure it. Kept for library users; the CLI passes the
 * contents it writes to packageDescriptor.
 */
export function dataPackage(annex: Annex, tables: TableSpec<any>[], csv: CsvOptions = {}, license: string = DEFAULT_LICENSE): Record<string, unknown> {
  return packageDescriptor(annexPackageMeta(annex, license), tables.map((t) => ({ table: t, path: `${t.name}.csv`, content: tableCsv(t, annex, csv) })), csv);
}
