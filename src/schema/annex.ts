/**
 * The one schema of nap-annex's output (zod 4). `schemas/annex.schema.json` is generated from it
 * by `npm run schema` (zod's own `z.toJSONSchema`); a test fails when the committed file is stale.
 * Field meanings: docs/data-model.md and docs/architecture.md.
 */
import { z } from 'zod';
import { STATUS_CODES, STATUS_LEGEND } from '../model/vocabulary.js';
import { bilingual } from './bilingual.js';
import { diagnosticSchema } from './diagnostic.js';

export { diagnosticSchema, severitySchema } from './diagnostic.js';

export { bilingual };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta(bilingual('ISO 8601 calendar date, YYYY-MM-DD', 'Kalenderdatum volgens ISO 8601, JJJJ-MM-DD'));

/** `completed = Afgerond; in_progress = In uitvoering; …`: each status code with its legend label. */
const STATUS_CODE_MEANINGS = STATUS_LEGEND.map((e) => `${e.code} = ${e.label}`).join('; ');

/** Status code of a row, one per legend label (docs/data-model.md; src/model/vocabulary.ts). */
export const statusCodeSchema = z.enum(STATUS_CODES).meta(bilingual(`Status code: ${STATUS_CODE_MEANINGS}`, `Statuscode: ${STATUS_CODE_MEANINGS}`));

/** How a status was found: from its coloured `icon`, from `text`, or `absent` (not in the source). */
export const statusFoundBySchema = z
  .enum(['icon', 'text', 'absent'])
  .meta(bilingual('How the status was found: icon (coloured icon and legend), text (a status word), absent (the source carries none)', 'Hoe de status is gevonden: icon (gekleurd icoon en legenda), text (een statuswoord), absent (de bron bevat er geen)'));

/** A status as found: code, label, how (icon or text) and the icon colour `#rrggbb`. */
export const statusSchema = z
  .object({
    code: statusCodeSchema,
    label: z.string().meta(bilingual('The legend label (icon input) or the status text as printed (text input)', 'Het legendalabel (bij iconen) of de statustekst zoals gedrukt')),
    foundBy: z.enum(['icon', 'text']),
    iconColor: z.string().regex(/^#[0-9a-f]{6}$/).nullable().describe('#rrggbb of the icon, null for text'),
  })
  .describe('A row status and how it was found');

/** How precise one end of a planning range is (`Q3 2024` → quarter; `medio 2024` → approximate). */
export const precisionSchema = z.enum(['day', 'month', 'quarter', 'half', 'season', 'year', 'approximate']);

/** One planning range: ISO dates (YYYY-MM-DD), the precision of each end, open-ended for `Vanaf …`. */
export const planningRangeSchema = z.object({
  start: isoDate.nullable().meta(bilingual('First day of the planning (of its first range); empty when only an end is known (t/m 2025)', 'Eerste dag van de planning (van het eerste bereik); leeg als alleen een einde bekend is (t/m 2025)')),
  end: isoDate.nullable().meta(bilingual('Last day of the planning (of its last range); empty when open-ended', 'Laatste dag van de planning (van het laatste bereik); leeg als de planning open eindigt')),
  startPrecision: precisionSchema.nullable(),
  endPrecision: precisionSchema.nullable(),
  openEnded: z.boolean().meta(bilingual('True for "Vanaf …": no end given', 'Waar bij "Vanaf …": geen einde gegeven')),
});

/** Wanneer / Oorspronkelijke planning: the text as printed and its parsed ranges. */
export const planningSchema = z.object({
  text: z.string().meta(bilingual('Wanneer / Oorspronkelijke planning as printed', 'Wanneer / Oorspronkelijke planning zoals gedrukt')),
  kind: z
    .enum(['dated', 'ongoing', 'to_be_determined', 'unparsed'])
    .meta(
      bilingual(
        'Kind of planning: dated (ranges hold the dates), ongoing ("Doorlopend"), to_be_determined ("n.t.b."), unparsed (see diagnostics)',
        'Soort planning: dated (met datums), ongoing ("Doorlopend"), to_be_determined ("n.t.b."), unparsed (zie diagnostiek)',
      ),
    ),
  ranges: z.array(planningRangeSchema).meta(bilingual('Every planning range as an ISO 8601 interval start/end, ".." for an open end', 'Elk planningsbereik als ISO 8601-interval begin/einde, ".." voor een open einde')),
});

/** One owner (Wie): name as printed, canonical form, kind, ministry code and full name. */
export const actorSchema = z.object({
  name: z.string().meta(bilingual('The owner as printed', 'De eigenaar zoals gedrukt')),
  canonical: z.string().meta(bilingual('Canonical form of the owner, e.g. Regeringscommissaris or OCW', 'Vaste schrijfwijze van de eigenaar, bijv. Regeringscommissaris of OCW')),
  kind: z
    .enum(['ministry', 'agency', 'government_commissioner', 'all', 'other'])
    .meta(bilingual('Kind of owner: ministry, agency, government_commissioner, all ("Allen"), other', 'Soort eigenaar: ministry (ministerie), agency (dienst), government_commissioner (regeringscommissaris), all ("Allen"), other (overig)')),
  code: z.string().nullable().meta(bilingual('Ministry or agency code, e.g. OCW, NLA', 'Code van ministerie of dienst, bijv. OCW, NLA')),
  fullName: z.string().nullable().meta(bilingual('Full name, e.g. Ministerie van Onderwijs, Cultuur en Wetenschap', 'Volledige naam, bijv. Ministerie van Onderwijs, Cultuur en Wetenschap')),
  members: z.array(z.string()).meta(bilingual('For "Allen": the codes of the ministries of the programme', 'Bij "Allen": de codes van de ministeries van het programma')),
  recognised: z.boolean().meta(bilingual('True when the owner is a known actor', 'Waar als de eigenaar een bekende actor is')),
});

/** Wie: the text as printed and the actors it names. */
export const ownersSchema = z.object({
  text: z.string().meta(bilingual('Wie as printed', 'Wie zoals gedrukt')),
  actors: z.array(actorSchema),
});

/** A paragraph or a bullet list of a Toelichting. */
export const explanationBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('list'), items: z.array(z.string()) }),
]);

/** Toelichting as plain text and as blocks; footnote markers removed. */
export const explanationSchema = z.object({
  text: z
    .string()
    .meta(bilingual('Toelichting as plain text: paragraphs separated by a blank line, list items on lines starting "• "; footnote markers removed', 'Toelichting als platte tekst: alinea\'s gescheiden door een lege regel, opsommingen op regels die met "• " beginnen; voetnootverwijzingen verwijderd')),
  blocks: z.array(explanationBlockSchema),
});

/** Where a value was found: 1-based page, and 1-based line for text and HTML input. */
export const sourceLocationSchema = z.object({
  page: z.number().int().positive().meta(bilingual('1-based page of the source', 'Paginanummer in de bron (vanaf 1)')),
  line: z.number().int().positive().nullable().meta(bilingual('1-based line in a text or HTML input; empty for PDF', 'Regelnummer in een tekst- of HTML-bron (vanaf 1); leeg bij PDF')),
});

/** `[x0, y0, x1, y1]` in PDF points, origin top-left of the page, y down. */
const bboxSchema = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .meta(bilingual('[x0, y0, x1, y1] in PDF points (1/72 inch), origin top-left of the page, y growing downwards', '[x0, y0, x1, y1] in PDF-punten (1/72 inch), oorsprong linksboven op de pagina, y naar beneden'));

/** Where a value, or one part of it, was printed in a PDF: page and box. */
export const sourceBoxSchema = z
  .object({
    page: z.number().int().positive().meta(bilingual('1-based page of the source', 'Paginanummer in de bron (vanaf 1)')),
    bbox: bboxSchema,
  })
  .meta(bilingual('A box on a page of the PDF', 'Een vak op een pagina van de PDF'));

/** The boxes of one value: one per part, in page order (a cell broken by a page end has one per page); empty when the value was not printed. */
const sourceBoxesSchema = (en: string, nl: string) =>
  z.array(sourceBoxSchema).meta(bilingual(`${en}; one box per part, in page order; empty when not printed`, `${nl}; een vak per deel, in paginavolgorde; leeg als niet gedrukt`));

/**
 * Where an activity's values were printed (PDF input): the row and each cell, part by part, and the
 * status cue. A viewer can point at the source of each value. Text and HTML inputs carry no
 * boxes: null there (their `location` gives page and line).
 */
export const activityProvenanceSchema = z
  .object({
    row: sourceBoxesSchema('The table row', 'De tabelrij'),
    title: sourceBoxesSchema('The text of the Activiteit cell', 'De tekst van de cel Activiteit'),
    status: sourceBoxesSchema('The status cue that gave the status: the icon, the shaded Status cell, or the status words', 'Het statussignaal dat de status gaf: het icoon, de gekleurde statuscel of de statuswoorden'),
    planning: sourceBoxesSchema('The text of the Wanneer cell', 'De tekst van de cel Wanneer'),
    owners: sourceBoxesSchema('The text of the Wie cell', 'De tekst van de cel Wie'),
    explanation: sourceBoxesSchema('The text of the Toelichting cell', 'De tekst van de cel Toelichting'),
  })
  .meta(bilingual('Where the values of the activity were printed (PDF input); null for text and HTML input', 'Waar de waarden van de activiteit gedrukt staan (PDF-invoer); null bij tekst- en HTML-invoer'));

/**
 * Stable key of an activity: `al<action line>-<slug of the normalised title>`, e.g.
 * `al3-aanpak-grensoverschrijdend-gedrag-in-de-danssector`; a repeated slug in one action line gets
 * `-2`, `-3` … in document order (NAP112). Rule: docs/activity-keys.md.
 */
export const activityKeySchema = z
  .string()
  .regex(/^al\d+-[a-z0-9]+(-[a-z0-9]+)*$/)
  .meta(
    bilingual(
      'Stable key: "al" + action line + "-" + the title in lower case, accents removed, other characters as "-"; does not change when rows are added, removed or reordered',
      'Vaste sleutel: "al" + actielijn + "-" + de titel in kleine letters, zonder accenten, overige tekens als "-"; verandert niet als rijen worden toegevoegd, verwijderd of verplaatst',
    ),
  );

/** One activity row of the annex table, with raw and parsed values. */
export const activitySchema = z.object({
  id: z.string().regex(/^AL\d+-\d{2,}$/).meta(bilingual('Positional id: action line + order within it, e.g. AL1-05', 'Volgnummer-id: actielijn + volgorde daarbinnen, bijv. AL1-05')),
  key: activityKeySchema,
  actionLine: z.number().int().positive().meta(bilingual('Number of the action line (Actielijn)', 'Nummer van de actielijn')),
  sequence: z.number().int().positive().meta(bilingual('1-based order within the action line', 'Volgorde binnen de actielijn (vanaf 1)')),
  title: z.string().min(1).meta(bilingual('Activiteit: the activity title as printed', 'Activiteit: de titel zoals gedrukt')),
  status: statusSchema.nullable().describe('null when the source carries no status (see statusFoundBy)'),
  statusFoundBy: statusFoundBySchema,
  planning: planningSchema,
  owners: ownersSchema,
  explanation: explanationSchema,
  footnotes: z.array(z.number().int().positive()).meta(bilingual('Footnote numbers cited in this row, in order of appearance', 'Nummers van de voetnoten die deze rij aanhaalt, in volgorde van voorkomen')),
  location: sourceLocationSchema,
  // Absent in an annex.json written before provenance existed: read as null (unknown).
  provenance: activityProvenanceSchema.nullable().default(null),
});

/** One action line (Actielijn N) with its goal sentence as printed and the NAP title. */
export const actionLineSchema = z.object({
  number: z.number().int().positive(),
  title: z.string().meta(bilingual('The goal sentence printed under "Actielijn N", as printed', 'De doelzin onder "Actielijn N", zoals gedrukt')),
  canonicalTitle: z.string().nullable().describe('The NAP title of this action line, when known'),
  activityCount: z.number().int().nonnegative(),
  location: sourceLocationSchema,
});

/** A link in a footnote; `url` null for a link without target (`[text](#)`). */
export const linkSchema = z.object({
  text: z.string(),
  url: z.string().nullable().meta(bilingual('Link target; null when the source link has no target (e.g. "(#)")', 'Doel van de link; null als de link in de bron geen doel heeft (bijv. "(#)")')),
});

/** A parliamentary paper cited in a footnote (Kamerstuk), with its officielebekendmakingen id and URL. */
export const citationSchema = z.object({
  text: z.string().meta(bilingual('The citation as printed', 'De verwijzing zoals gedrukt')),
  chamber: z.enum(['I', 'II']).nullable().meta(bilingual('I = Eerste Kamer, II = Tweede Kamer; empty when not printed', 'I = Eerste Kamer, II = Tweede Kamer; leeg als niet gedrukt')),
  sessionYear: z.string().regex(/^\d{4}\/\d{2}$/).nullable().meta(bilingual('Parliamentary session, e.g. 2023/24', 'Vergaderjaar, bijv. 2023/24')),
  dossiers: z.array(z.string()).min(1).meta(bilingual('Kamerstuk dossier numbers, e.g. 34843 and 30234, or 36200-VIII', 'Dossiernummers van het Kamerstuk, bijv. 34843 en 30234, of 36200-VIII')),
  documentNumber: z.string().meta(bilingual('Document number (nr.) within the dossier', 'Ondernummer (nr.) binnen het dossier')),
  id: z.string().meta(bilingual('officielebekendmakingen.nl id, e.g. kst-34843-80', 'Id op officielebekendmakingen.nl, bijv. kst-34843-80')),
  url: z.string().url().meta(bilingual('https://zoek.officielebekendmakingen.nl/<id>.html', 'https://zoek.officielebekendmakingen.nl/<id>.html')),
});

/** A footnote: number, text as printed, links, citations and the activities citing it. */
export const footnoteSchema = z.object({
  number: z.number().int().positive().meta(bilingual('Footnote number', 'Voetnootnummer')),
  label: z
    .string()
    .min(1)
    .optional()
    .meta(
      bilingual(
        'The label the note was printed with, where it is not its number: notes labelled with letters (a = 1, b = 2 …), or numbering that restarts on each page (the notes numbered 1 to N in document order); absent when the label is the number',
        'Het label waarmee de noot gedrukt is, als dat niet het nummer is: noten met letters (a = 1, b = 2 …), of nummering die per pagina opnieuw begint (de noten genummerd 1 tot N in documentvolgorde); ontbreekt als het label het nummer is',
      ),
    ),
  text: z.string().meta(bilingual('The footnote as printed, marker removed (links in Markdown, as in the text export)', 'De voetnoot zoals gedrukt, zonder nummer (links in Markdown, zoals in de tekstexport)')),
  plainText: z.string().meta(bilingual('The footnote with Markdown links replaced by their text and <url> autolinks by the url', 'De voetnoot met Markdown-links vervangen door hun tekst en <url>-links door de url')),
  links: z.array(linkSchema),
  citations: z.array(citationSchema),
  citedBy: z.array(z.string()).meta(bilingual('Ids of the activities whose cells cite this footnote', 'Id\'s van de activiteiten die deze voetnoot aanhalen')),
  location: sourceLocationSchema,
  // Absent in an annex.json written before provenance existed: read as null (unknown).
  provenance: z
    .array(sourceBoxSchema)
    .nullable()
    .default(null)
    .meta(bilingual('Where the footnote was printed (PDF input): one box per part, in page order; null for text and HTML input', 'Waar de voetnoot gedrukt staat (PDF-invoer): een vak per deel, in paginavolgorde; null bij tekst- en HTML-invoer')),
});

/** One legend entry: status code and label as printed. */
export const legendEntrySchema = z.object({
  code: statusCodeSchema,
  label: z.string(),
});

/** How an edition field was found: printed in the `document`, given as an `option`, or `absent`. */
export const editionFoundBySchema = z.enum(['document', 'option', 'absent']);

/**
 * Which edition of the annex this is: the date of the letter it was sent with and its Kamerstuk
 * (`34843-109` = dossier 34843, nr. 109), each from the document where printed, else from
 * `--edition-date` / `--kamerstuk`, else null (NAP013).
 */
export const editionSchema = z
  .object({
    date: isoDate.nullable().meta(bilingual('Date of the edition (of the letter the annex was sent with); null when unknown', 'Datum van de editie (van de brief waarbij de bijlage is verstuurd); null als onbekend')),
    kamerstuk: z
      .string()
      .regex(/^\d+(-[A-Z0-9]+)?-\d+$/)
      .nullable()
      .meta(bilingual('Kamerstuk the annex was sent with: dossier-number, e.g. 34843-109; null when unknown', 'Kamerstuk waarbij de bijlage is verstuurd: dossier-nummer, bijv. 34843-109; null als onbekend')),
    dateFoundBy: editionFoundBySchema,
    kamerstukFoundBy: editionFoundBySchema,
  })
  .meta(bilingual('The edition of the annex', 'De editie van de bijlage'));

/** The whole annex: the shape of annex.json (schemas/annex.schema.json is generated from this). */
export const annexSchema = z
  .object({
    schemaVersion: z.literal(1),
    source: z.object({
      fileName: z.string().meta(bilingual('Base name of the input file (no folder)', 'Bestandsnaam van de invoer (zonder map)')),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      byteLength: z.number().int().nonnegative(),
      format: z.enum(['text', 'pdf', 'html']),
      pageCount: z.number().int().nonnegative(),
      edition: editionSchema,
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
export type Edition = z.infer<typeof editionSchema>;
/** A diagnostic as written into annex.json (the same type as `Diagnostic`, src/schema/diagnostic.ts). */
export type AnnexDiagnostic = z.infer<typeof diagnosticSchema>;
export type SourceBox = z.infer<typeof sourceBoxSchema>;
export type ActivityProvenance = z.infer<typeof activityProvenanceSchema>;
