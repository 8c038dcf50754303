/**
 * Provenance (annex.json `provenance`): where an activity's values and a footnote were printed,
 * from the boxes the PDF reader gave and assembly kept (src/assemble/sources.ts). PDF input only;
 * null for text and HTML input, whose `location` gives page and line.
 */
import type { RowSources } from '../assemble/sources.js';
import type { InputFormat, PagedBox, SourceLocation } from '../model/page-model.js';
import type { ActivityProvenance, SourceBox } from '../schema/annex.js';

/** Copies of the boxes (the schema's mutable tuples); empty for none. */
function copy(boxes: readonly PagedBox[] | undefined): SourceBox[] {
  return (boxes ?? []).map((b) => ({ page: b.page, bbox: [b.bbox[0], b.bbox[1], b.bbox[2], b.bbox[3]] }));
}

/** An activity's provenance: the boxes of its row, cells and status cue (every list empty when the reader gave none); null unless `format` is pdf. */
export function activityProvenance(format: InputFormat, sources: RowSources | undefined): ActivityProvenance | null {
  if (format !== 'pdf') return null;
  return {
    row: copy(sources?.row),
    title: copy(sources?.title),
    status: copy(sources?.status),
    planning: copy(sources?.planning),
    owners: copy(sources?.owners),
    explanation: copy(sources?.explanation),
  };
}

/** A footnote's provenance: the box of its definition and of each part it runs on in (`continuedOn`), in page order (empty when it has none); null unless `format` is pdf. */
export function footnoteProvenance(format: InputFormat, location: SourceLocation, continuedOn: readonly SourceLocation[] = []): SourceBox[] | null {
  if (format !== 'pdf') return null;
  return copy([location, ...continuedOn].flatMap((l) => (l.bbox !== undefined ? [{ page: l.page, bbox: l.bbox }] : [])));
}
