/**
 * annex.xlsx as LibreOffice Calc reads it (full tier: needs `soffice` with Calc; apt-get install -y
 * libreoffice-calc-nogui). The workbook's content is checked with exceljs in open-data.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TEXT_2024 } from './helpers/fixtures.js';
import { requireProgram } from './helpers/programs.js';
import { runCli } from './helpers/run-cli.js';

describe('annex.xlsx in LibreOffice', () => {
  it('opens in LibreOffice Calc: 83 rows, dates as dates, footnote lists as text', async () => {
    requireProgram('soffice', ['--version'], 'libreoffice-calc-nogui');
    // soffice runs without Calc too (Writer only), and then cannot read a workbook.
    expect(existsSync('/usr/lib/libreoffice/program/libsclo.so'), 'LibreOffice Calc is missing: apt-get install -y libreoffice-calc-nogui').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'nap-lo-'));
    const out = join(dir, 'out');
    expect((await runCli(['extract', TEXT_2024, '-o', out, '-q', '--edition-date', '2024-03-18', '--kamerstuk', '34843-109'])).status).toBe(0);
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'csv', '--outdir', dir, join(out, 'annex.xlsx')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const rows = parse(readFileSync(join(dir, 'annex.csv')), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(83);
    const dans = rows.find((r) => r.id === 'AL3-09')!;
    expect(dans).toMatchObject({ planning_start: '2023-01-01', planning_end: '2025-12-31', footnotes: '14|15', action_line: '3' });
  }, 150_000);
});
