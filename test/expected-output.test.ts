/**
 * The 2024 annex as text export, HTML rendition and PDF rendition gives exactly the committed
 * annex.json (test/expected/*.json, written by `nap-annex extract <fixture> --force` from the repo
 * root). Diagnostics are compared by code, severity and place only, so that their wording can
 * improve without touching these files; everything else must be identical. The annexes are the
 * pipeline's results shared with the other tests of the same fixtures (extractFixture: computed
 * once per test worker; the PDF rendition read by page-reader threads).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Annex } from '../src/schema/annex.js';
import { extractFixture } from './helpers/fixtures.js';

const CASES = [
  ['fixtures/nap-2024/bijlage-1.txt', 'nap-2024-text.json'],
  ['fixtures/html-generated/bijlage-1-2024.html', 'nap-2024-html.json'],
  ['fixtures/nap-2024/bijlage-1-rendition.pdf', 'nap-2024-pdf.json'],
] as const;

/** The annex with each diagnostic cut down to code, severity and place. */
function comparable(annex: Annex): unknown {
  return { ...annex, diagnostics: annex.diagnostics.map((d) => ({ code: d.code, severity: d.severity, place: d.place })) };
}

describe('expected output of the 2024 fixtures', () => {
  it.each(CASES)('%s gives test/expected/%s', async (input, expectedFile) => {
    const expected = JSON.parse(readFileSync(new URL(`./expected/${expectedFile}`, import.meta.url), 'utf8')) as Annex;
    const { annex } = await extractFixture(fileURLToPath(new URL(`../${input}`, import.meta.url)));
    expect(comparable(annex)).toEqual(comparable(expected));
    expect(annex.activities).toHaveLength(83);
    expect(annex.footnotes).toHaveLength(25);
  });
});
