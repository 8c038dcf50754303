/** docs/data-dictionary.md is generated from the table definitions and the zod schema, and must match them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataDictionary } from '../scripts/data-dictionary.js';
import { activitySchema } from '../src/schema/annex.js';

describe('docs/data-dictionary.md', () => {
  it('is up to date (run `npm run data-dictionary` when this fails)', () => {
    expect(readFileSync(new URL('../docs/data-dictionary.md', import.meta.url), 'utf8')).toBe(dataDictionary());
  });

  it("shows as its provenance example AL1-01's provenance in the 2024 rendition's expected annex.json", () => {
    const expected = JSON.parse(readFileSync(new URL('./expected/nap-2024-pdf.json', import.meta.url), 'utf8')) as { activities: { id: string; provenance: unknown }[] };
    const al101 = expected.activities.find((a) => a.id === 'AL1-01')!;
    expect(dataDictionary()).toContain(`\n"provenance": ${JSON.stringify(al101.provenance)}\n`);
  });

  it('takes its descriptions from the zod schema', () => {
    const meta = activitySchema.shape.key.meta() as { description: string; description_nl: string };
    expect(dataDictionary()).toContain(`| \`key\` | string | yes |  | ${meta.description} | ${meta.description_nl} |`);
  });
});
