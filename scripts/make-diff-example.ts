/**
 * Writes the two files of the README's diff and report examples: out/annex-2024.json (the 2024 PDF
 * rendition extracted) and out/annex-2025.json, a copy edited the way a later annex could differ
 * (test/helpers/edited-annex.ts: statuses, plannings, owners and an explanation changed, one row
 * removed, one added, one title corrected). There is one real annex so far; this is a stand-in.
 *
 *   npx tsx scripts/make-diff-example.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractAnnex } from '../src/pipeline.js';
import { editedAnnex } from '../test/helpers/edited-annex.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const { annex } = await extractAnnex(readFileSync(`${root}fixtures/nap-2024/bijlage-1-rendition.pdf`), { fileName: 'bijlage-1-rendition.pdf' });
mkdirSync(`${root}out`, { recursive: true });
writeFileSync(`${root}out/annex-2024.json`, `${JSON.stringify(annex, null, 2)}\n`);
writeFileSync(`${root}out/annex-2025.json`, `${JSON.stringify(editedAnnex(annex), null, 2)}\n`);
console.log('wrote out/annex-2024.json and out/annex-2025.json (an edited copy, a stand-in for a later annex)');
