/**
 * CSV output (RFC 4180, via csv-stringify): `activities.csv`, one row per activity with
 * flattened columns, and `footnotes.csv`, one row per footnote. Multi-valued cells are joined
 * with `;` (or `,` when `;` is the delimiter). Cells a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab, CR or LF) are neutralised with a leading `'`
 * (OWASP CSV-injection guidance; csv-stringify's `escape_formulas`) unless turned off. So are
 * formula characters that follow a `,`, `;` or tab inside a cell (`a;=cmd`): a reader that splits
 * on the other delimiter than the one written would start a cell there (`neutraliseCell`).
 * With `maxCellLength` (Excel: 32,767 characters) longer cells are cut, and each cut is reported.
 */
import { stringify } from 'csv-stringify/sync';
import type { Annex } from '../schema/annex.js';

/** CSV dialect options. Defaults: `,` delimiter, no BOM, LF records, formulas neutralised. */
export interface CsvOptions {
  delimiter?: ',' | ';' | '\t';
  /** Prefix the file with a UTF-8 byte-order mark (Dutch Excel needs it to read UTF-8). */
  bom?: boolean;
  /** Record separator; Excel is happiest with CRLF. */
  recordDelimiter?: '\n' | '\r\n';
  /** Neutralise formula-like cells (default true). */
  neutraliseFormulas?: boolean;
  /** Cut cells longer than this many characters (Excel's limit is EXCEL_MAX_CELL); each cut is passed to `onCut`. */
  maxCellLength?: number;
  /** Called once per cut cell: 0-based record index, column name, original length. */
  onCut?: (cut: { record: number; column: string; length: number }) => void;
}

/** Excel's limit on the characters in one cell (Microsoft, "Excel specifications and limits"). */
export const EXCEL_MAX_CELL = 32_767;

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection), and a leading line feed. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A formula character after a delimiter (and any quotes): the start of a cell for a reader using that delimiter. */
const FORMULA_AFTER_DELIMITER = /([,;\t]"*)(?=[=+\-@\t])|([\r\n]"*)(?=[=+\-@])/g;

/**
 * One cell made safe for spreadsheets in every dialect: a `'` before a leading formula character
 * (`=`, `+`, `-`, `@`, tab, CR, LF) and after every `,`, `;` or tab (and quotes) that a formula
 * character or tab follows, and after every line break that a formula character follows (a reader
 * using the other delimiter does not see the quotes, so a line break ends its record there): so
 * that neither a `,` nor a `;` reader sees a cell starting with a formula.
 * `neutraliseCell('a;=1+1')` → `"a;'=1+1"`. Used by every CSV nap-annex writes (extract, diff). Pure, linear.
 */
export function neutraliseCell(value: string): string {
  const inner = value.replace(FORMULA_AFTER_DELIMITER, "$1$2'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

/** Column names of activities.csv, in order. */
export const ACTIVITY_COLUMNS = [
  'action_line',
  'action_line_title',
  'id',
  'sequence',
  'title',
  'status_code',
  'status_label',
  'status_found_by',
  'planning_text',
  'planning_kind',
  'planning_start',
  'planning_end',
  'planning_open_ended',
  'planning_ranges',
  'owners_text',
  'owner_names',
  'owner_codes',
  'explanation',
  'footnotes',
  'citation_ids',
  'page',
  'line',
] as const;

/** Column names of footnotes.csv, in order. */
export const FOOTNOTE_COLUMNS = ['number', 'text', 'plain_text', 'link_urls', 'citation_ids', 'cited_by', 'page', 'line'] as const;

/** activities.csv as a string. */
export function activitiesCsv(annex: Annex, options: CsvOptions = {}): string {
  const sep = listSeparator(options);
  const titles = new Map(annex.actionLines.map((a) => [a.number, a.title]));
  const footnotes = new Map(annex.footnotes.map((f) => [f.number, f]));
  const records = annex.activities.map((a) => {
    const ranges = a.planning.ranges;
    const citationIds = a.footnotes.flatMap((n) => footnotes.get(n)?.citations.map((c) => c.id) ?? []);
    return [
      a.actionLine,
      titles.get(a.actionLine) ?? '',
      a.id,
      a.sequence,
      a.title,
      a.status?.code ?? '',
      a.status?.label ?? '',
      a.statusFoundBy,
      a.planning.text,
      a.planning.kind,
      ranges[0]?.start ?? '',
      ranges.at(-1)?.end ?? '',
      ranges.length > 0 ? String(ranges.some((r) => r.openEnded)) : '',
      ranges.map((r) => `${r.start ?? '..'}/${r.end ?? '..'}`).join(sep),
      a.owners.text,
      a.owners.actors.map((x) => x.canonical).join(sep),
      a.owners.actors.flatMap((x) => (x.kind === 'all' ? x.members : x.code !== null ? [x.code] : [])).join(sep),
      a.explanation.text,
      a.footnotes.join(sep),
      [...new Set(citationIds)].join(sep),
      a.location.page,
      a.location.line ?? '',
    ];
  });
  return toCsv(ACTIVITY_COLUMNS, records, options);
}

/** footnotes.csv as a string. */
export function footnotesCsv(annex: Annex, options: CsvOptions = {}): string {
  const sep = listSeparator(options);
  const records = annex.footnotes.map((f) => [
    f.number,
    f.text,
    f.plainText,
    f.links.flatMap((l) => (l.url !== null ? [l.url] : [])).join(sep),
    f.citations.map((c) => c.id).join(sep),
    f.citedBy.join(sep),
    f.location.page,
    f.location.line ?? '',
  ]);
  return toCsv(FOOTNOTE_COLUMNS, records, options);
}

function listSeparator(options: CsvOptions): string {
  return options.delimiter === ';' ? ',' : ';';
}

function toCsv(columns: readonly string[], records: unknown[][], options: CsvOptions): string {
  const neutralise = options.neutraliseFormulas ?? true;
  const max = options.maxCellLength;
  if (max !== undefined) {
    records.forEach((record, r) =>
      record.forEach((cell, c) => {
        if (typeof cell === 'string' && cell.length > max) {
          options.onCut?.({ record: r, column: columns[c]!, length: cell.length });
          record[c] = `${cell.slice(0, max - 1)}…`;
        }
      }),
    );
  }
  return stringify(records, csvStringifyOptions(columns, neutralise, options));
}

/** csv-stringify options shared by every CSV nap-annex writes: header, dialect, quoting of line breaks, neutralised cells. */
export function csvStringifyOptions(columns: readonly string[], neutralise: boolean, options: CsvOptions = {}): import('csv-stringify/sync').Options {
  return {
    header: true,
    columns: [...columns],
    delimiter: options.delimiter ?? ',',
    bom: options.bom ?? false,
    record_delimiter: options.recordDelimiter === '\r\n' ? 'windows' : 'unix',
    escape_formulas: neutralise,
    // A line break inside a cell must be quoted whatever the record delimiter: csv-stringify only
    // quotes the record delimiter itself, so with CRLF records a bare LF would end the row for
    // Excel and most readers.
    quoted_match: /[\r\n]/,
    cast: {
      boolean: (v) => String(v),
      string: (v) => (neutralise ? neutraliseCell(v) : v),
    },
  };
}
