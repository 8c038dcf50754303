/** README.md's diagnostic code table is generated from the registry and must match it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codesTable, END, START, withCodesTable } from '../scripts/readme-codes.js';
import { DIAGNOSTIC_CODES } from '../src/model/diagnostics.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README diagnostic codes', () => {
  it('the table equals DIAGNOSTIC_CODES (run `npm run readme-codes` when this fails)', () => {
    expect(readme).toBe(withCodesTable(readme));
    expect(readme).toContain(`${START}\n${codesTable()}\n${END}`);
  });

  it('lists every code once', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(readme.split(`| ${code} |`)).toHaveLength(2);
  });
});
