/**
 * Writes the files of the diff, report and stack examples of docs/cli.md: out/annex-2024.json (the 2024 PDF
 * rendition extracted) and out/annex-2025.json, a copy edited the way a later annex could differ
 * (test/helpers/edited-annex.ts: statuses, plannings, owners and an explanation changed, one row
 * removed, one added, one title corrected); and out/bijlage-1-2025.txt, a 2025 edition as a text
 * export with its statuses in words, some only respelled (test/helpers/edition-2025.ts). There is
 * one real annex so far; these are stand-ins.
 *
 *   npx tsx scripts/make-diff-example.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractAnnex } from '../src/pipeline.js';
import { editedAnnex } from '../test/helpers/edited-annex.js';
import { edition2025Text } from '../test/helpers/edition-2025.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const { annex } = await extractAnnex(readFileSync(`${root}fixtures/nap-2024/bijlage-1-rendition.pdf`), { fileName: 'bijlage-1-rendition.pdf' });
mkdirSync(`${root}out`, { recursive: true });
writeFileSync(`${root}out/annex-2024.json`, `${JSON.stringify(annex, null, 2)}\n`);
writeFileSync(`${root}out/annex-2025.json`, `${JSON.stringify(editedAnnex(annex), null, 2)}\n`);
writeFileSync(`${root}out/bijlage-1-2025.txt`, edition2025Text());
console.log('wrote out/annex-2024.json, out/annex-2025.json (an edited copy) and out/bijlage-1-2025.txt (a 2025 text export): stand-ins for a later annex');
