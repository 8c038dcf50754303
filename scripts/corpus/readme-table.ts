/**
 * The table of the test corpus in docs/pdfs.md ("Which PDFs it reads"; README links there),
 * generated from fixtures/manifest.json between the markers `<!-- corpus-table:start -->` and
 * `<!-- corpus-table:end -->`.
 *
 *   npx tsx scripts/corpus/readme-table.ts            # print the table
 *   npx tsx scripts/corpus/readme-table.ts --write    # put it into docs/pdfs.md
 *
 * test/corpus-manifest.test.ts fails when the page's table is not the one the manifest gives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readManifest, type Manifest, type ManifestEntry } from './manifest.js';

/** The page that holds the table: docs/pdfs.md. */
export const CORPUS_PAGE = fileURLToPath(new URL('../../docs/pdfs.md', import.meta.url));
export const START = '<!-- corpus-table:start (generated from fixtures/manifest.json by scripts/corpus/readme-table.ts; do not edit) -->';
export const END = '<!-- corpus-table:end -->';

/** A table cell: one line, `|` escaped, and `<` as an entity (`<thead>`, `<sup>` are words here, not HTML). */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\s+/g, ' ').trim();

/** What today's reader makes of it: as its truth, or the first clause of the measured gap. */
function today(e: ManifestEntry): string {
  if (e.known === undefined) return e.expect === 'no-text-layer' ? 'refused as a scan' : 'as its truth';
  return `not yet: ${e.known.split(/;\s/)[0]}`;
}

/** The markdown table (with a line before it) for the manifest. */
export function corpusTable(manifest: Manifest = readManifest()): string {
  const reads = manifest.renditions.filter((r) => r.known === undefined).length;
  const rows = manifest.renditions.map((r) => {
    const l = r.layout;
    const layout = [l.page, l.status, `legend ${l.legend}`, l.header, `rules: ${l.rules}`, l.notes, l.tagged ? 'tagged' : 'untagged'].join('; ');
    return `| \`${r.file}\` | ${cell(r.producer)} | ${cell(layout)} | ${cell(today(r))} |`;
  });
  return [
    `The test corpus: ${manifest.renditions.length} renditions of the same 2024 annex (83 activities, 25 notes), each read against its truth file by the tests; ${reads} read as their truth today, the others are layouts being worked on (what fails is measured, and the test turns red when it reads right). Score the reader on any of them with \`npx tsx scripts/score-rendition.ts --all\`.`,
    '',
    '| file (under `fixtures/`) | producer | layout | read today |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The page's text with the generated table between the markers (which must be there). */
export function withTable(page: string, table: string): string {
  const a = page.indexOf(START);
  const b = page.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/pdfs.md has no ${START} … ${END} block`);
  return `${page.slice(0, a + START.length)}\n${table}\n${page.slice(b)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const table = corpusTable();
  if (process.argv.includes('--write')) {
    writeFileSync(CORPUS_PAGE, withTable(readFileSync(CORPUS_PAGE, 'utf8'), table));
    console.log(`docs/pdfs.md: table of ${readManifest().renditions.length} renditions written`);
  } else console.log(table);
}
