/** Writes schemas/annex.schema.json from the zod schema (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { annexJsonSchema } from '../src/schema/json-schema.js';

const target = new URL('../schemas/annex.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(annexJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
