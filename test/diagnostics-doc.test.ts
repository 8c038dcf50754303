/** docs/diagnostics.md is generated from the code table and must match it; every code's url points at its section. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnosticsDoc } from '../scripts/diagnostics-doc.js';
import { DIAGNOSTIC_CODES, DIAGNOSTICS_DOC_URL, type DiagnosticCode } from '../src/model/diagnostics.js';
import { DiagnosticBag } from '../src/diagnostics/bag.js';

const doc = readFileSync(new URL('../docs/diagnostics.md', import.meta.url), 'utf8');

describe('docs/diagnostics.md', () => {
  it('equals the generated text (run `npm run diagnostics-doc` when this fails)', () => {
    expect(doc).toBe(diagnosticsDoc());
  });

  it('has one section per code, the anchor each diagnostic url names', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]) {
      expect(doc.split(`\n### ${code}\n`)).toHaveLength(2);
      expect(new DiagnosticBag('x').report(code, 'r').url).toBe(`${DIAGNOSTICS_DOC_URL}#${code.toLowerCase()}`);
    }
  });
});
