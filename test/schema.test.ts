/** The committed JSON Schema is generated from the zod schema and validates real output. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { annexJsonSchema } from '../src/schema/json-schema.js';
import { annexSchema } from '../src/schema/annex.js';
import { extract2024Text } from './helpers/fixtures.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsImport as unknown as (ajv: Ajv2020) => Ajv2020;
const committed = JSON.parse(readFileSync(new URL('../schemas/annex.schema.json', import.meta.url), 'utf8'));

describe('schemas/annex.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema` when this fails)', () => {
    expect(committed).toEqual(annexJsonSchema());
  });

  it('validates the 2024 annex output, and rejects a broken copy', async () => {
    const { annex } = await extract2024Text();
    const validate = addFormats(new Ajv2020({ allErrors: true, strict: true, keywords: ['description_nl'] })).compile(committed);
    const json = JSON.parse(JSON.stringify(annex));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    json.activities[0].id = 'A1';
    delete json.footnotes[0].number;
    expect(validate(json)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/activities/0/id', '/footnotes/0']),
    );
  });

  it('the zod schema rejects an activity without title', async () => {
    const { annex } = await extract2024Text();
    const broken = structuredClone(annex);
    broken.activities[3]!.title = '';
    const result = annexSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['activities', 3, 'title']);
  });
});
