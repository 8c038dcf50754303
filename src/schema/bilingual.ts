/**
 * The bilingual descriptions of the schemas' fields.
 */

/**
 * A field's description in English and Dutch: `description` (English, also what JSON Schema shows)
 * and `description_nl`. The Data Package, the data dictionary and the JSON Schema read these, so the
 * published descriptions and the schema cannot drift apart.
 */
export function bilingual(en: string, nl: string): { description: string; description_nl: string } {
  return { description: en, description_nl: nl };
}
