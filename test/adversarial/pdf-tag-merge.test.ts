/**
 * What is seen wins over the tags: only the structure tree of a tagged Word rendition edited so
 * that two rows' cells sit in one table row (TR) — the page renders the same. An adversarial
 * round found 82 activities with two titles joined at exit 0; the oracle: 83 activities as the
 * page shows them (the disagreement reported, NAP120), or an error — never a silent merge.
 */
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { extractAnnex } from '../../src/pipeline.js';
import { extractFixture } from '../helpers/fixtures.js';
import { cachedPages } from '../helpers/page-cache.js';

const TAGGED = new URL('../../fixtures/word-generated/shading-a4-landscape-calibri-tagged.pdf', import.meta.url);

/** The rendition with the kids of its `k`-th TR moved into the TR before it (that TR removed from its parent). */
async function mergeRows(k: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(readFileSync(TAGGED), { updateMetadata: false });
  const trs: { ref: PDFRef; dict: PDFDict }[] = [];
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of('S'))?.toString() === '/TR') trs.push({ ref, dict: obj });
  }
  const kidsOf = (d: PDFDict): PDFObject[] => {
    const k = d.get(PDFName.of('K'));
    return k instanceof PDFArray ? k.asArray() : k !== undefined ? [k] : [];
  };
  const first = trs[k - 1]!;
  const second = trs[k]!;
  const merged = doc.context.obj([...kidsOf(first.dict), ...kidsOf(second.dict)]);
  first.dict.set(PDFName.of('K'), merged);
  for (const kid of kidsOf(second.dict)) if (kid instanceof PDFRef) (doc.context.lookup(kid) as PDFDict).set(PDFName.of('P'), first.ref);
  const parent = doc.context.lookup(second.dict.get(PDFName.of('P'))) as PDFDict;
  parent.set(PDFName.of('K'), doc.context.obj(kidsOf(parent).filter((x) => !(x instanceof PDFRef && x.toString() === second.ref.toString()))));
  return doc.save({ useObjectStreams: false });
}

describe('a structure tree that groups two rows into one TR', async () => {
  // The unedited rendition as the corpus manifest test reads it (shared, test/helpers/fixtures.ts).
  const { annex: reference } = await extractFixture(fileURLToPath(TAGGED));

  it('the unedited rendition: 83 activities (the reference)', () => {
    expect(reference.activities).toHaveLength(83);
  });

  it.each([5, 12, 40])('TRs %i and the next merged: the activities as the page shows them, or an error', async (k) => {
    const { annex } = await extractAnnex(await mergeRows(k), { fileName: 'merged.pdf' }, cachedPages);
    const errors = annex.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) {
      expect(annex.activities).toHaveLength(83);
      expect(annex.activities.map((a) => [a.id, a.title, a.status?.code])).toEqual(reference.activities.map((a) => [a.id, a.title, a.status?.code]));
    } else expect(errors.map((d) => d.code).length).toBeGreaterThan(0);
  });
});
