/**
 * The one schema of nap-annex's output (zod 4). `schemas/annex.schema.json` is generated from it
 * by `npm run schema` (zod's own `z.toJSONSchema`); a test fails when the committed file is stale.
 * Field meanings: README.md (data model) and docs/architecture.md.
 */
import { z } from 'zod';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCES } from '../model/diagnostics.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('ISO 8601 calendar date, YYYY-MM-DD');

/** Status code of a row, one per legend label (README.md, data model). */
export const statusCodeSchema = z
  .enum(['completed', 'in_progress', 'ongoing', 'delayed', 'not_started_or_stopped'])
  .describe(
    'completed = Afgerond; in_progress = In uitvoering; ongoing = Doorlopend gedurende uitvoering programma; ' +
      'delayed = In uitvoering met vertraging; not_started_or_stopped = Nog niet begonnen of afgebroken',
  );

/** A status as found: code, label, how (icon or text) and the icon colour `#rrggbb`. */
export const statusSchema = z
  .object({
    code: statusCodeSchema,
    label: z.string().describe('The legend label (icon input) or the text as printed (text input)'),
    foundBy: z.enum(['icon', 'text']),
    iconColor: z.string().regex(/^#[0-9a-f]{6}$/).nullable().describe('#rrggbb of the icon, null for text'),
  })
  .describe('A row status and how it was found');

/** How precise one end of a planning range is (`Q3 2024` → quarter; `medio 2024` → approximate). */
export const precisionSchema = z.enum(['day', 'month', 'quarter', 'half', 'season', 'year', 'approximate']);

/** One planning range: ISO dates (YYYY-MM-DD), the precision of each end, open-ended for `Vanaf …`. */
export const planningRangeSchema = z.object({
  start: isoDate.nullable().describe('First day of the range; null when only an end is known (t/m 2025)'),
  end: isoDate.nullable().describe('Last day of the range; null when open-ended'),
  startPrecision: precisionSchema.nullable(),
  endPrecision: precisionSchema.nullable(),
  openEnded: z.boolean().describe('True for "Vanaf …": no end given'),
});

/** Wanneer / Oorspronkelijke planning: the text as printed and its parsed ranges. */
export const planningSchema = z.object({
  text: z.string().describe('Wanneer / Oorspronkelijke planning as printed'),
  kind: z
    .enum(['dated', 'ongoing', 'to_be_determined', 'unparsed'])
    .describe('dated: ranges hold the dates; ongoing: "Doorlopend"; to_be_determined: "n.t.b."; unparsed: see diagnostics'),
  ranges: z.array(planningRangeSchema),
});

/** One owner (Wie): name as printed, canonical form, kind, ministry code and full name. */
export const actorSchema = z.object({
  name: z.string().describe('The owner as printed'),
  canonical: z.string().describe('Canonical form, e.g. Regeringscommissaris or OCW'),
  kind: z.enum(['ministry', 'agency', 'government_commissioner', 'all', 'other']),
  code: z.string().nullable().describe('Ministry or agency code, e.g. OCW, NLA'),
  fullName: z.string().nullable().describe('e.g. Ministerie van Onderwijs, Cultuur en Wetenschap'),
  members: z.array(z.string()).describe('For "Allen": the codes of the ministries of the programme'),
  recognised: z.boolean(),
});

/** Wie: the text as printed and the actors it names. */
export const ownersSchema = z.object({
  text: z.string().describe('Wie as printed'),
  actors: z.array(actorSchema),
});

/** A paragraph or a bullet list of a Toelichting. */
export const explanationBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('list'), items: z.array(z.string()) }),
]);

/** Toelichting as plain text and as blocks; footnote markers removed. */
export const explanationSchema = z.object({
  text: z.string().describe('Plain text: paragraphs separated by a blank line, list items on lines starting "• "'),
  blocks: z.array(explanationBlockSchema),
});

/** Where a value was found: 1-based page, and 1-based line for text and HTML input. */
export const sourceLocationSchema = z.object({
  page: z.number().int().positive(),
  line: z.number().int().positive().nullable().describe('1-based line in a text input; null for PDF'),
});

/** One activity row of the annex table, with raw and parsed values. */
export const activitySchema = z.object({
  id: z.string().regex(/^AL\d+-\d{2,}$/).describe('Action line + order within it, e.g. AL1-05'),
  actionLine: z.number().int().positive(),
  sequence: z.number().int().positive().describe('1-based order within the action line'),
  title: z.string().min(1),
  status: statusSchema.nullable().describe('null when the source carries no status (see statusFoundBy)'),
  statusFoundBy: z.enum(['icon', 'text', 'absent']),
  planning: planningSchema,
  owners: ownersSchema,
  explanation: explanationSchema,
  footnotes: z.array(z.number().int().positive()).describe('Footnote numbers cited in this row, in order of appearance'),
  location: sourceLocationSchema,
});

/** One action line (Actielijn N) with its goal sentence as printed and the NAP title. */
export const actionLineSchema = z.object({
  number: z.number().int().positive(),
  title: z.string().describe('The goal sentence as printed under "Actielijn N"'),
  canonicalTitle: z.string().nullable().describe('The NAP title of this action line, when known'),
  activityCount: z.number().int().nonnegative(),
  location: sourceLocationSchema,
});

/** A link in a footnote; `url` null for a link without target (`[text](#)`). */
export const linkSchema = z.object({
  text: z.string(),
  url: z.string().nullable().describe('null when the source link has no target (e.g. "(#)")'),
});

/** A parliamentary paper cited in a footnote (Kamerstuk), with its officielebekendmakingen id and URL. */
export const citationSchema = z.object({
  text: z.string().describe('The citation as printed'),
  chamber: z.enum(['I', 'II']).nullable().describe('I = Eerste Kamer, II = Tweede Kamer, null when not printed'),
  sessionYear: z.string().regex(/^\d{4}\/\d{2}$/).nullable().describe('Parliamentary session, e.g. 2023/24'),
  dossiers: z.array(z.string()).min(1).describe('Kamerstuk dossier numbers, e.g. ["34843", "30234"] or ["36200-VIII"]'),
  documentNumber: z.string().describe('nr. within the dossier'),
  id: z.string().describe('officielebekendmakingen id, e.g. kst-34843-80'),
  url: z.string().url().describe('https://zoek.officielebekendmakingen.nl/<id>.html'),
});

/** A footnote: number, text as printed, links, citations and the activities citing it. */
export const footnoteSchema = z.object({
  number: z.number().int().positive(),
  text: z.string().describe('The footnote as printed, marker removed'),
  plainText: z.string().describe('The text with Markdown links replaced by their text and <url> autolinks by the url'),
  links: z.array(linkSchema),
  citations: z.array(citationSchema),
  citedBy: z.array(z.string()).describe('Ids of the activities whose cells cite this footnote'),
  location: sourceLocationSchema,
});

const diagnosticValueSchema = z.union([z.string(), z.number(), z.array(z.string()), z.array(z.number())]);

/** A diagnostic as written into annex.json (see src/model/diagnostics.ts; fields after vfile-message). */
export const diagnosticSchema = z.object({
  code: z.enum(Object.keys(DIAGNOSTIC_CODES) as [keyof typeof DIAGNOSTIC_CODES, ...(keyof typeof DIAGNOSTIC_CODES)[]]),
  severity: z.enum(['error', 'warning', 'info']),
  reason: z.string().describe('What is wrong and what to do'),
  file: z.string().optional().describe('The input as named on the command line, or <stdin>'),
  place: z
    .object({
      page: z.number().int().positive().optional(),
      line: z.number().int().positive().optional().describe('1-based line of a text input'),
      column: z.number().int().positive().optional().describe('1-based character column of a text input'),
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional().describe('[x0, y0, x1, y1] in PDF points, origin top-left of the page'),
      end: z.object({ line: z.number().int().positive(), column: z.number().int().positive().optional() }).optional(),
    })
    .describe('Where in the source'),
  row: z.string().optional().describe('Activity id, e.g. AL3-12'),
  field: z.string().optional().describe('Table column: Activiteit, Status, Wanneer, Wie, Toelichting'),
  actual: diagnosticValueSchema.optional().describe('The value found'),
  expected: diagnosticValueSchema.optional().describe('The value or values accepted'),
  note: z.string().optional(),
  source: z.enum(DIAGNOSTIC_SOURCES).describe('The pipeline stage that reported it'),
  url: z.string().describe("The code's section in docs/diagnostics.md"),
  cause: z.string().optional().describe('Message of the underlying error'),
});

/** One legend entry: status code and label as printed. */
export const legendEntrySchema = z.object({
  code: statusCodeSchema,
  label: z.string(),
});

/** The whole annex: the shape of annex.json (schemas/annex.schema.json is generated from this). */
export const annexSchema = z
  .object({
    schemaVersion: z.literal(1),
    source: z.object({
      fileName: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      byteLength: z.number().int().nonnegative(),
      format: z.enum(['text', 'pdf', 'html']),
      pageCount: z.number().int().nonnegative(),
    }),
    title: z.string().nullable().describe('Document title as printed, e.g. "Bijlage 1. Voortgang activiteiten …"'),
    legend: z.array(legendEntrySchema).describe('The status legend as printed (first page that has one)'),
    actionLines: z.array(actionLineSchema),
    activities: z.array(activitySchema),
    footnotes: z.array(footnoteSchema),
    diagnostics: z.array(diagnosticSchema),
  })
  .describe('One NAP progress annex as data (nap-annex)');

/** Types inferred from the schemas above. */
export type Annex = z.infer<typeof annexSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type ActionLine = z.infer<typeof actionLineSchema>;
export type Footnote = z.infer<typeof footnoteSchema>;
export type Status = z.infer<typeof statusSchema>;
export type StatusCode = z.infer<typeof statusCodeSchema>;
export type Planning = z.infer<typeof planningSchema>;
export type PlanningRange = z.infer<typeof planningRangeSchema>;
export type Precision = z.infer<typeof precisionSchema>;
export type Owners = z.infer<typeof ownersSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Explanation = z.infer<typeof explanationSchema>;
export type ExplanationBlock = z.infer<typeof explanationBlockSchema>;
export type Link = z.infer<typeof linkSchema>;
export type Citation = z.infer<typeof citationSchema>;
