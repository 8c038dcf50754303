/**
 * `datapackage.json`: a Frictionless Tabular Data Package (https://specs.frictionlessdata.io/,
 * v1) describing the CSV files written next to it — one resource per CSV with its Table Schema
 * (field types, enums, required fields, primary and foreign keys) and English and Dutch
 * descriptions (`description`, and `description_nl`, an extra property the profile allows).
 * Everything comes from the table definitions in src/emit/tables.ts, whose descriptions come from
 * the zod schema.
 */
import type { Annex } from '../schema/annex.js';
import type { CsvOptions } from './csv.js';
import type { TableSpec } from './tables.js';

/** One Table Schema field. */
export interface TableSchemaField {
  name: string;
  type: string;
  description: string;
  description_nl: string;
  format?: string;
  constraints?: { required?: boolean; enum?: readonly string[] };
}

/** The Table Schema of one published table. */
export function tableSchema(table: TableSpec<any>): Record<string, unknown> {
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

/**
 * The descriptor for the CSV files of `tables` written with `csv` options (delimiter, BOM,
 * record ends), for `annex` (its title and edition go into the package's title and version).
 */
export function dataPackage(annex: Annex, tables: TableSpec<any>[], csv: CsvOptions = {}): Record<string, unknown> {
  const edition = annex.source.edition;
  const dialect = {
    delimiter: csv.delimiter ?? ',',
    lineTerminator: csv.recordDelimiter ?? '\n',
    quoteChar: '"',
    doubleQuote: true,
    header: true,
  };
  return {
    profile: 'tabular-data-package',
    name: 'nap-annex',
    title: annex.title ?? 'NAP progress annex',
    description:
      'Progress annex (Bijlage 1) of the Dutch Nationaal Actieprogramma Aanpak seksueel grensoverschrijdend gedrag en seksueel geweld (NAP), as data: written by nap-annex from ' +
      `${annex.source.fileName} (sha256 ${annex.source.sha256}).`,
    description_nl:
      'Voortgangsbijlage (Bijlage 1) van het Nationaal Actieprogramma Aanpak seksueel grensoverschrijdend gedrag en seksueel geweld (NAP) als data: geschreven door nap-annex uit ' +
      `${annex.source.fileName} (sha256 ${annex.source.sha256}).`,
    ...(edition.date ? { created: `${edition.date}T00:00:00Z` } : {}),
    keywords: ['NAP', 'seksueel grensoverschrijdend gedrag', 'Tweede Kamer', ...(edition.kamerstuk ? [`Kamerstuk ${edition.kamerstuk}`] : [])],
    sources: [
      {
        title: annex.source.fileName,
        ...(edition.kamerstuk ? { path: `https://zoek.officielebekendmakingen.nl/kst-${edition.kamerstuk}.html` } : {}),
      },
    ],
    resources: tables.map((t) => ({
      profile: 'tabular-data-resource',
      name: t.name,
      path: `${t.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: csv.bom ? 'utf-8-sig' : 'utf-8',
      description: t.description.en,
      description_nl: t.description.nl,
      dialect,
      schema: tableSchema(t),
    })),
  };
}
