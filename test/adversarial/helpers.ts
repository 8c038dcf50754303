/** Shared helpers for the adversarial regression tests (inputs in fixtures/adversarial/). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractAnnex, type ExtractResult } from '../../src/pipeline.js';

/** Absolute path of a file in fixtures/adversarial/. */
export function adversarial(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/adversarial/${name}`, import.meta.url));
}

/** Runs the pipeline on a file of fixtures/adversarial/ (or on given text/bytes under that name). */
export function extractFixture(name: string, content?: string | Uint8Array): Promise<ExtractResult> {
  const bytes = content === undefined ? readFileSync(adversarial(name)) : typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return extractAnnex(bytes, { fileName: name });
}

/** The minimal clean annex (five action lines, one activity each, one footnote) as text. */
export function minText(): string {
  return readFileSync(adversarial('min.txt'), 'utf8');
}

/** `code severity` pairs of a result, for compact assertions. */
export function codes(result: ExtractResult): string[] {
  return result.diagnostics.map((d) => `${d.code} ${d.severity}`);
}
