/** JSON Schema of annex.json, generated from the zod schema with zod's own `z.toJSONSchema`. */
import { z } from 'zod';
import { annexSchema } from './annex.js';

/** The JSON Schema (draft 2020-12) object for `annex.json`, with `$id` and title. */
export function annexJsonSchema(): Record<string, unknown> {
  return {
    $id: 'urn:nap-annex:schema:annex:1',
    title: 'nap-annex annex',
    ...z.toJSONSchema(annexSchema, { target: 'draft-2020-12', io: 'output' }),
  };
}
