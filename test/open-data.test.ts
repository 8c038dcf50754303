/**
 * The open-data outputs of the 2024 annex: the long CSV tables, datapackage.json (validated
 * against the vendored Frictionless Tabular Data Package profile, and every CSV against its Table
 * Schema by a small checker below), and annex.xlsx (read back with exceljs; LibreOffice's reading
 * of it is in open-data.full.test.ts, full tier).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { TEXT_2024 } from './helpers/fixtures.js';

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;
const PROFILE = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/frictionless/tabular-data-package.json', import.meta.url)), 'utf8'));

interface Field {
  name: string;
  type: string;
  description: string;
  description_nl: string;
  constraints?: { required?: boolean; enum?: string[] };
}
interface Resource {
  name: string;
  path: string;
  dialect: { delimiter: string };
  encoding: string;
  schema: { fields: Field[]; primaryKey: string[]; foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[] };
}

/** Validates every CSV of a Data Package folder against its Table Schema; returns the problems (empty = valid). */
function checkTables(dir: string, pkg: { resources: Resource[] }): string[] {
  const problems: string[] = [];
  const tables = new Map<string, Record<string, string>[]>();
  for (const r of pkg.resources) {
    const rows = parse(readFileSync(join(dir, r.path)), { columns: true, delimiter: r.dialect.delimiter, bom: true }) as Record<string, string>[];
    tables.set(r.name, rows);
    const header = Object.keys(rows[0] ?? {});
    if (rows.length > 0 && header.join() !== r.schema.fields.map((f) => f.name).join()) problems.push(`${r.name}: header ${header.join()} differs from the schema`);
    rows.forEach((row, i) => {
      for (const f of r.schema.fields) {
        const v = row[f.name]!;
        const where = `${r.name} row ${i + 1} ${f.name}=${JSON.stringify(v)}`;
        if (v === '') {
          if (f.constraints?.required) problems.push(`${where}: required`);
          continue;
        }
        if (f.type === 'integer' && !/^-?\d+$/.test(v)) problems.push(`${where}: not an integer`);
        if (f.type === 'boolean' && !['true', 'false'].includes(v)) problems.push(`${where}: not a boolean`);
        if (f.type === 'date' && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v)) problems.push(`${where}: not a date`);
        if (f.constraints?.enum && !f.constraints.enum.includes(v)) problems.push(`${where}: not in enum`);
      }
    });
    const keys = rows.map((row) => r.schema.primaryKey.map((k) => row[k]).join('\u0000'));
    if (new Set(keys).size !== keys.length) problems.push(`${r.name}: primary key ${r.schema.primaryKey.join(',')} not unique`);
  }
  for (const r of pkg.resources) {
    for (const fk of r.schema.foreignKeys ?? []) {
      const target = new Set(tables.get(fk.reference.resource)!.map((row) => fk.reference.fields.map((k) => row[k]).join('\u0000')));
      for (const row of tables.get(r.name)!) {
        const value = fk.fields.map((k) => row[k]).join('\u0000');
        if (!target.has(value)) problems.push(`${r.name}: ${fk.fields.join(',')}=${value} not in ${fk.reference.resource}`);
      }
    }
  }
  return problems;
}

/** A number as a Dutch-locale spreadsheet reads it: `14,15` (decimal comma), `1.234`, `1.234,5`. */
const DUTCH_NUMBER = /^-?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$/;

let out: string;
let excelOut: string;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nap-open-data-'));
  out = join(dir, 'plain');
  excelOut = join(dir, 'excel');
  expect((await runCli(['extract', TEXT_2024, '-o', out, '-q', '--edition-date', '2024-03-18', '--kamerstuk', '34843-109'])).status).toBe(0);
  expect((await runCli(['extract', TEXT_2024, '-o', excelOut, '-q', '--excel', '--format', 'csv'])).status).toBe(0);
}, 120_000);

describe('long CSV tables', () => {
  it('one row per owner, footnote reference, citation and diagnostic of the 2024 annex', async () => {
    const read = (name: string) => parse(readFileSync(join(out, name)), { columns: true }) as Record<string, string>[];
    const annex = JSON.parse(readFileSync(join(out, 'annex.json'), 'utf8'));
    const owners = read('activity_owners.csv');
    expect(owners).toHaveLength(annex.activities.reduce((n: number, a: { owners: { actors: unknown[] } }) => n + a.owners.actors.length, 0));
    expect(owners.filter((o) => o.activity_id === 'AL3-09').map((o) => [o.position, o.canonical, o.kind, o.full_name])).toEqual([
      ['1', 'VWS', 'ministry', 'Ministerie van Volksgezondheid, Welzijn en Sport'],
      ['2', 'OCW', 'ministry', 'Ministerie van Onderwijs, Cultuur en Wetenschap'],
    ]);
    const cited = read('activity_footnotes.csv');
    expect(cited.filter((c) => c.activity_id === 'AL3-09').map((c) => c.footnote_number)).toEqual(['14', '15']);
    expect(new Set(cited.map((c) => c.footnote_number)).size).toBe(25);
    const citations = read('citations.csv');
    expect(citations.find((c) => c.id === 'kst-34843-80')).toMatchObject({ chamber: 'II', session_year: '2022/23', dossiers: '34843', document_number: '80' });
    expect(citations.some((c) => c.dossiers === '34843|30234')).toBe(true);
    expect(read('diagnostics.csv').map((d) => [d.code, d.severity, d.file])).toEqual([
      ['NAP301', 'info', 'bijlage-1.txt'],
      ['NAP501', 'warning', 'bijlage-1.txt'],
    ]);
  });

  it('no list cell reads as a number in a Dutch-locale spreadsheet, with or without --excel', async () => {
    for (const dir of [out, excelOut]) {
      const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as { resources: Resource[] };
      let lists = 0;
      for (const r of pkg.resources) {
        const rows = parse(readFileSync(join(dir, r.path)), { columns: true, delimiter: r.dialect.delimiter, bom: true }) as Record<string, string>[];
        const listFields = r.schema.fields.filter((f) => f.description.includes('separated by "|"'));
        for (const row of rows) {
          for (const f of listFields) {
            const v = row[f.name]!;
            if (!v.includes('|')) continue;
            lists++;
            expect(DUTCH_NUMBER.test(v), `${r.name}.${f.name} = ${v}`).toBe(false);
          }
        }
      }
      expect(lists).toBe(28);
      const activities = parse(readFileSync(join(dir, 'activities.csv')), { columns: true, delimiter: pkg.resources[0]!.dialect.delimiter, bom: true }) as Record<string, string>[];
      expect(activities.find((a) => a.id === 'AL3-09')!.footnotes).toBe('14|15');
    }
  });
});

describe('datapackage.json', () => {
  it('validates against the Frictionless Tabular Data Package profile, and a broken copy does not', async () => {
    const profile = { ...PROFILE };
    delete profile.$schema; // draft-04; the keywords it uses mean the same in ajv's default draft-07
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    ajv.addFormat('textarea', true);
    const validate = ajv.compile(profile);
    for (const dir of [out, excelOut]) {
      const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
      expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    pkg.resources[0].schema.fields[0].type = 'decimalish';
    delete pkg.resources[1].path;
    expect(validate(pkg)).toBe(false);
  });

  it('describes every CSV: types, enums, Dutch and English descriptions, keys; the edition as given', async () => {
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    expect(pkg.resources.map((r: Resource) => r.path)).toEqual([
      'activities.csv',
      'footnotes.csv',
      'activity_owners.csv',
      'activity_footnotes.csv',
      'citations.csv',
      'diagnostics.csv',
    ]);
    const activities = pkg.resources[0] as Resource;
    const field = (name: string) => activities.schema.fields.find((f) => f.name === name)!;
    expect(field('status_code').constraints!.enum).toEqual(['completed', 'in_progress', 'ongoing', 'delayed', 'not_started_or_stopped']);
    expect(field('planning_start').type).toBe('date');
    expect(field('action_line').type).toBe('integer');
    expect(field('key').description_nl).toMatch(/^Vaste sleutel/);
    expect(field('title').description).toBe('Activiteit: the activity title as printed');
    expect(activities.schema.primaryKey).toEqual(['id']);
    const footnoteRefs = pkg.resources[3] as Resource;
    expect(footnoteRefs.schema.foreignKeys).toEqual([
      { fields: ['activity_id'], reference: { resource: 'activities', fields: ['id'] } },
      { fields: ['footnote_number'], reference: { resource: 'footnotes', fields: ['number'] } },
    ]);
    for (const r of pkg.resources as Resource[]) for (const f of r.schema.fields) expect(f.description.length * f.description_nl.length, `${r.name}.${f.name}`).toBeGreaterThan(0);
    expect(pkg.keywords).toContain('Kamerstuk 34843-109');
    expect(pkg.created).toBe('2024-03-18T00:00:00Z');
    // With --excel too the package describes plain UTF-8 files (an IANA name; the BOM copies are in excel/, not resources).
    const excel = JSON.parse(readFileSync(join(excelOut, 'datapackage.json'), 'utf8'));
    expect(excel.resources[0]).toMatchObject({ path: 'activities.csv', encoding: 'utf-8', dialect: { delimiter: ',', lineTerminator: '\n' } });
    expect(pkg.licenses).toEqual([{ name: 'CC0-1.0', title: 'Creative Commons Zero v1.0 Universal', path: 'https://creativecommons.org/publicdomain/zero/1.0/' }]);
    expect(pkg.sources[0]).toEqual({
      title: 'Kamerstuk 34843, nr. 109 (2024-03-18): Bijlage 1. Voortgang activiteiten Nationaal Actieprogramma Aanpak seksueel grensoverschrijdend gedrag en seksueel geweld (NAP)',
      path: 'https://zoek.officielebekendmakingen.nl/kst-34843-109.html',
    });
    // bytes and hash: each resource's file as written.
    for (const r of pkg.resources as (Resource & { bytes: number; hash: string })[]) {
      const bytes = readFileSync(join(out, r.path));
      expect([r.bytes, r.hash]).toEqual([bytes.length, `sha256:${createHash('sha256').update(bytes).digest('hex')}`]);
    }
  });

  it('every CSV validates against its Table Schema (types, enums, required, primary and foreign keys), both dialects', async () => {
    for (const dir of [out, excelOut]) {
      const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
      expect(checkTables(dir, pkg)).toEqual([]);
    }
    // The checker sees a broken file.
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    pkg.resources[0].schema.fields.find((f: Field) => f.name === 'title').type = 'integer';
    expect(checkTables(out, pkg)).toHaveLength(83);
  });
});

describe('annex.xlsx', () => {
  it('has the five sheets, 83 typed activity rows, a frozen filtered header and formula-like text as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'annex.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Activiteiten', 'Voetnoten', 'Eigenaren', 'Citaties', 'Diagnostiek']);
    const ws = workbook.getWorksheet('Activiteiten')!;
    expect(ws.rowCount).toBe(84);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, name: string) => ws.getRow(row).getCell(header.indexOf(name) + 1);
    const dans = Array.from({ length: 83 }, (_, i) => i + 2).find((r) => cell(r, 'id').value === 'AL3-09')!;
    expect(cell(dans, 'planning_start').type).toBe(ExcelJS.ValueType.Date);
    expect(cell(dans, 'planning_start').value).toEqual(new Date(Date.UTC(2023, 0, 1)));
    expect(cell(dans, 'planning_end').value).toEqual(new Date(Date.UTC(2025, 11, 31)));
    expect(cell(dans, 'action_line').value).toBe(3);
    expect(cell(dans, 'footnotes').type).toBe(ExcelJS.ValueType.String);
    expect(cell(dans, 'footnotes').value).toBe('14|15');
    expect(cell(dans, 'explanation').alignment?.wrapText).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(header.indexOf('explanation') + 1).width).toBe(60);
    expect(ws.getColumn(header.indexOf('id') + 1).width).toBe(10);
    expect(workbook.getWorksheet('Voetnoten')!.rowCount).toBe(26);
    expect(workbook.getWorksheet('Diagnostiek')!.rowCount).toBe(3);
  });

  it('keeps a formula-like title as a text cell', async () => {
    const { annexSheets, workbookBytes } = await import('../src/emit/xlsx.js');
    const { annexTables } = await import('../src/emit/tables.js');
    const annex = JSON.parse(readFileSync(join(out, 'annex.json'), 'utf8'));
    annex.activities[0].title = '=HYPERLINK("http://x","y")';
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await workbookBytes(annexSheets(annex, annexTables()))) as unknown as ArrayBuffer);
    const title = workbook.getWorksheet('Activiteiten')!.getRow(2).getCell(6);
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.value).toBe('=HYPERLINK("http://x","y")');
  });
});
