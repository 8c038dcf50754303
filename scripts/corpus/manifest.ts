/**
 * The fixture manifest (`fixtures/manifest.json`, on the model of pdf.js's test_manifest.json):
 * every committed rendition of the 2024 annex with its producer, layout features and truth. It
 * drives the data-driven test (test/corpus-manifest.test.ts), the scoring tool's `--all`
 * (scripts/score-rendition.ts) and the table of the corpus in docs/pdfs.md (scripts/corpus/readme-table.ts).
 *
 * An entry with `known` is a layout today's reader is known to get wrong, with what fails,
 * measured: its test is `it.fails`, so the suite stays green and turns red the moment the reader
 * reads it right (then remove `known`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const MANIFEST_FILE = fileURLToPath(new URL('../../fixtures/manifest.json', import.meta.url));

const layoutSchema = z
  .object({
    /** Paper and orientation: `A4 landscape`, `A5 portrait`, `Letter portrait` … */
    page: z.string(),
    font: z.string(),
    /** How the Status cell shows the status. */
    status: z.string(),
    /** Where the legend is printed, or `none`. */
    legend: z.string(),
    /** Which header rows are printed where. */
    header: z.string(),
    /** Table rules: `grid`, `horizontal`, `none` … */
    rules: z.string(),
    /** Footnotes: where and in what numbering. */
    notes: z.string(),
    tagged: z.boolean(),
    /** Anything else that matters to a reader (page numbers, split rows, merged columns …). */
    other: z.string().optional(),
  })
  .strict();

const toleranceSchema = z
  .object({
    hyphenBreaks: z.boolean().optional(),
    explanations: z.array(z.string()).optional(),
    noteBracketSpace: z.array(z.number().int()).optional(),
    /** Why each tolerance is there (shown in the test name's context and docs/pdfs.md). */
    why: z.string(),
  })
  .strict();

const entrySchema = z
  .object({
    /** Unique and stable: the file's path under fixtures/ without extension. */
    id: z.string(),
    /** Path under fixtures/. */
    file: z.string(),
    format: z.enum(['pdf', 'html']),
    /** The program that wrote the file (and the version used). */
    producer: z.string(),
    /** The script that makes the file, with its options. */
    generator: z.string(),
    pages: z.number().int().positive(),
    layout: layoutSchema,
    /** A truth file under fixtures/, or the text export plus the statuses file. */
    truth: z.union([z.string(), z.object({ textExport: z.string(), statuses: z.string() }).strict()]),
    /** What reading it must give: the annex, or (a scan) no output and one diagnostic naming the missing text layer. */
    expect: z.enum(['annex', 'no-text-layer']).default('annex'),
    tolerate: toleranceSchema.optional(),
    /** The exact diagnostic codes (sorted) the reader gives; without it: no error, and none of the codes of rows it could not place. */
    diagnostics: z.array(z.string()).optional(),
    /** What today's reader gets wrong on this file, measured (scripts/score-rendition.ts); the test expects failure. */
    known: z.string().optional(),
  })
  .strict();

export const manifestSchema = z
  .object({
    description: z.string(),
    renditions: z.array(entrySchema),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = Manifest['renditions'][number];

/** Reads and checks fixtures/manifest.json (ids unique). */
export function readManifest(file = MANIFEST_FILE): Manifest {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const ids = manifest.renditions.map((r) => r.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0) throw new Error(`${file}: ids given twice: ${twice.join(', ')}`);
  return manifest;
}
