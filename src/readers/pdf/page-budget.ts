/**
 * Work bounded while it starts: a page whose drawing is far beyond any annex page (hundreds of
 * thousands of operators, glyphs or paths, graphics states nested thousands deep, thousands of
 * form paints, or seconds of parsing) is refused with one diagnostic (NAP031) as soon as pdfjs's operator list shows it,
 * instead of being parsed, walked and laid out for tens of seconds and gigabytes. The watch runs
 * beside pdfjs's own parsing (document.ts `watchOperatorList`): pdfjs streams the list in chunks
 * and yields between time slots, so the counts are looked at while the list grows.
 *
 * This file does not load pdfjs-dist: the main thread reads the refusal from the page error.
 */
import { PAGE_BUDGET } from './settings.js';

/** What a page exceeded, as the page error's message says it (the reader turns it into NAP031). */
export interface BudgetExceeded {
  what: 'operators' | 'glyphs' | 'paths' | 'nesting' | 'forms' | 'time';
  count: number;
  limit: number;
}

const PREFIX = 'over the page budget: ';

/** The page error message for an exceeded budget. */
export function budgetMessage(b: BudgetExceeded): string {
  return `${PREFIX}${JSON.stringify(b)}`;
}

/** The exceeded budget a page error's message names, or null for any other error. */
export function budgetExceeded(message: string): BudgetExceeded | null {
  if (!message.startsWith(PREFIX)) return null;
  try {
    return JSON.parse(message.slice(PREFIX.length)) as BudgetExceeded;
  } catch {
    return null;
  }
}

/** Running counts of an operator list as it grows (see document.ts). */
export class BudgetCounter {
  private seen = 0;
  glyphs = 0;
  paths = 0;
  depth = 0;
  maxDepth = 0;
  /** Form XObjects painted, with multiplicity (pdfjs inlines each paint of a form into the list). */
  forms = 0;

  constructor(private readonly ops: { save: number; restore: number; showText: number; constructPath: number; paintFormXObjectBegin: number }) {}

  /** Counts the operators added since the last call; the first budget exceeded, or null. */
  update(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, elapsedMs: number): BudgetExceeded | null {
    const { save, restore, showText, constructPath, paintFormXObjectBegin } = this.ops;
    for (let i = this.seen; i < fnArray.length; i++) {
      const fn = fnArray[i];
      if (fn === save) this.maxDepth = Math.max(this.maxDepth, ++this.depth);
      else if (fn === restore) this.depth = Math.max(0, this.depth - 1);
      else if (fn === constructPath) this.paths++;
      else if (fn === paintFormXObjectBegin) this.forms++;
      else if (fn === showText) {
        const glyphs = (argsArray[i] as unknown[] | null)?.[0];
        if (Array.isArray(glyphs)) this.glyphs += glyphs.length;
      }
    }
    this.seen = fnArray.length;
    const checks: [BudgetExceeded['what'], number, number][] = [
      ['operators', fnArray.length, PAGE_BUDGET.operators],
      ['glyphs', this.glyphs, PAGE_BUDGET.glyphs],
      ['paths', this.paths, PAGE_BUDGET.paths],
      ['nesting', this.maxDepth, PAGE_BUDGET.nesting],
      ['forms', this.forms, PAGE_BUDGET.formPaints],
      ['time', elapsedMs, PAGE_BUDGET.parseMs],
    ];
    for (const [what, count, limit] of checks) if (count > limit) return { what, count, limit };
    return null;
  }
}
