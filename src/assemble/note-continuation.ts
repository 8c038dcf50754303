/**
 * Notes that a page end broke: Word runs a long footnote on at the foot of the next page, under a
 * full-width separator and without a label. The PDF reader hands such a part over as a definition
 * marked `continued` (the lines above the page's first label); here it is joined to the note
 * before it in document order, whatever that note's number or label (so that numbering restarting
 * on each page, resolved after this, sees one note), as a wrapped line joins (NAP209, info). A
 * part with no note before it (the reader marks a part only after some note) stays a definition of
 * its own, and assembly reports its number if another note has it (NAP203).
 */
import type { DiagnosticBag } from '../diagnostics/bag.js';
import { locationOf } from '../model/diagnostics.js';
import type { FootnoteDefinition, PageModel } from '../model/page-model.js';
import { clip } from '../model/plain-text.js';
import { joinWrapped } from '../model/wrapped-text.js';

/**
 * `model` with every continued note part joined to the note before it (its text appended, its
 * place added to `continuedOn`); the model is returned unchanged when no part is continued.
 */
export function joinContinuedNotes(model: PageModel, diagnostics: DiagnosticBag): PageModel {
  if (!model.pages.some((p) => p.footnotes.some((f) => f.continued))) return model;
  let last: FootnoteDefinition | null = null;
  const pages = model.pages.map((page) => {
    const footnotes: FootnoteDefinition[] = [];
    for (const def of page.footnotes) {
      if (def.continued && last !== null) {
        last.text = joinWrapped(last.text, def.text);
        last.continuedOn = [...(last.continuedOn ?? []), def.location];
        diagnostics.report('NAP209', `Footnote ${last.label ?? last.number} runs on from page ${last.location.page} to page ${def.location.page} ("${clip(def.text, 60)}"); the parts were joined.`, locationOf(def.location));
        continue;
      }
      const { continued: _, ...own } = def;
      last = { ...own };
      footnotes.push(last);
    }
    return { ...page, footnotes };
  });
  return { ...model, pages };
}
