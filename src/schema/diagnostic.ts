/**
 * What a diagnostic is: the zod schema of one diagnostic, the one definition of its shape. The
 * `Diagnostic` type is inferred from it; annex.json's `diagnostics` and schemas/annex.schema.json
 * use it; stages report diagnostics into a DiagnosticBag (src/diagnostics/bag.ts).
 */
import { z } from 'zod';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCES, SEVERITIES } from '../model/diagnostics.js';
import { bilingual } from './bilingual.js';

/** A value a diagnostic found or expected: text, a number, or a list of them. */
export const diagnosticValueSchema = z.union([z.string(), z.number(), z.array(z.string()), z.array(z.number())]);

/** Severity of a diagnostic. */
export const severitySchema = z
  .enum(SEVERITIES)
  .meta(bilingual('error: a value of the source is lost or wrong; warning: the source is odd, nothing lost; info: a fact worth knowing', 'error: een waarde uit de bron is verloren of fout; warning: de bron is afwijkend, niets verloren; info: wetenswaardig feit'));

/**
 * One diagnostic, as reported to users and written into annex.json, on the model of
 * vfile-message: `reason` is the sentence; the values it speaks of are also fields — `actual` (the
 * value found), `expected` (the value or values accepted), `field` (the table column), `row` (the
 * activity) — so that programs and tests need not parse the sentence. `place` is where in the
 * source (page, text line and column, PDF box), `source` the stage that reported it, `url` the
 * code's section in docs/diagnostics.md. Codes and their severities: src/model/diagnostics.ts.
 */
export const diagnosticSchema = z.object({
  code: z
    .enum(Object.keys(DIAGNOSTIC_CODES) as [keyof typeof DIAGNOSTIC_CODES, ...(keyof typeof DIAGNOSTIC_CODES)[]])
    .meta(bilingual('Diagnostic code (see docs/diagnostics.md)', 'Code van de melding (zie docs/diagnostics.md)')),
  severity: severitySchema,
  reason: z.string().meta(bilingual('What is wrong and what to do', 'Wat er mis is en wat te doen')),
  file: z.string().optional().meta(bilingual('Base name of the input file', 'Bestandsnaam van de invoer (zonder map)')),
  place: z
    .object({
      page: z.number().int().positive().optional().meta(bilingual('1-based page', 'Paginanummer (vanaf 1)')),
      line: z.number().int().positive().optional().meta(bilingual('1-based line of a text or HTML input', 'Regelnummer (tekst- en HTML-invoer, vanaf 1)')),
      column: z.number().int().positive().optional().meta(bilingual('1-based character column of a text input', 'Tekenpositie in de regel (tekstinvoer, vanaf 1)')),
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional().meta(bilingual('[x0, y0, x1, y1] in PDF points, origin top-left of the page', '[x0, y0, x1, y1] in PDF-punten, oorsprong linksboven op de pagina')),
      end: z.object({ line: z.number().int().positive(), column: z.number().int().positive().optional() }).optional(),
    })
    .meta(bilingual('Where in the source', 'Waar in de bron')),
  row: z.string().optional().meta(bilingual('Id of the activity concerned, e.g. AL3-12', 'Id van de betrokken activiteit, bijv. AL3-12')),
  field: z.string().optional().meta(bilingual('Table column: Activiteit, Status, Wanneer, Wie, Toelichting', 'Tabelkolom: Activiteit, Status, Wanneer, Wie, Toelichting')),
  actual: diagnosticValueSchema.optional().meta(bilingual('The value found', 'De gevonden waarde')),
  expected: diagnosticValueSchema.optional().meta(bilingual('The value or values accepted', 'De toegestane waarde(n)')),
  note: z.string().optional().meta(bilingual('Further explanation', 'Nadere uitleg')),
  source: z.enum(DIAGNOSTIC_SOURCES).meta(bilingual('The pipeline stage that reported it', 'De stap in de verwerking die de melding gaf')),
  url: z.string().meta(bilingual("The code's section in docs/diagnostics.md", 'De paragraaf van de code in docs/diagnostics.md')),
  cause: z.string().optional().meta(bilingual('Message of the underlying error', 'Melding van de onderliggende fout')),
});

/** One diagnostic (see diagnosticSchema). */
export type Diagnostic = z.infer<typeof diagnosticSchema>;
