/**
 * Work bounded while it starts (src/readers/pdf/page-budget.ts): a page whose drawing is far
 * beyond any annex page is refused with one NAP031 naming the page and what it exceeded, while
 * pdfjs is still parsing it; a page within the budget is read (control). The crafted inputs at
 * full size (scripts/bench/crafted-pdfs.ts) are timed by `npm run bench:adversarial`.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/bag.js';
import { InputError } from '../../src/diagnostics/errors.js';
import { BudgetCounter, budgetExceeded, budgetMessage } from '../../src/readers/pdf/page-budget.js';
import { PAGE_BUDGET } from '../../src/readers/pdf/settings.js';
import { readPdf } from '../helpers/read-pdf.js';
import { type MiniPage, buildPdf, streamObject } from '../readers/pdf/mini-pdf.js';

async function refusal(content: string, more: Omit<MiniPage, 'content'> = {}): Promise<unknown> {
  const bag = new DiagnosticBag('budget.pdf', 'reader:pdf');
  try {
    await readPdf(buildPdf([{ content, ...more }]), { diagnostics: bag });
    return null;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return bag.items.filter((d) => d.severity === 'error').map((d) => [d.code, d.place.page, d.note]);
  }
}

describe('a page over the budget is refused while pdfjs parses it (NAP031)', () => {
  it(`graphics states nested deeper than ${PAGE_BUDGET.nesting}`, async () => {
    expect(await refusal(`${'q 0 0 1 1 re f '.repeat(PAGE_BUDGET.nesting + 100)}${'Q '.repeat(PAGE_BUDGET.nesting + 100)}`)).toEqual([['NAP031', 1, 'nesting']]);
  });

  it(`more than ${PAGE_BUDGET.glyphs} glyphs`, async () => {
    expect(await refusal(`BT /F1 1 Tf 10 10 Td (${'x'.repeat(PAGE_BUDGET.glyphs + 1000)}) Tj ET`)).toEqual([['NAP031', 1, 'glyphs']]);
  });

  /** A fan-out of form XObjects: form k paints form k-1 twice, form 0 fills a square; the page paints form `levels` once (2^(levels+1) − 1 form paints). */
  const fanOut = (levels: number): Omit<MiniPage, 'content'> => ({
    objects: Array.from({ length: levels + 1 }, (_, k) => ({
      name: `f${k}`,
      body: k === 0 ? streamObject('/Type /XObject /Subtype /Form /BBox [0 0 10 10]', '0 0 1 1 re f') : streamObject(`/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X {{f${k - 1}}} >> >>`, '/X Do /X Do'),
    })),
    xobjects: `/Top {{f${levels}}}`,
  });

  it(`more than ${PAGE_BUDGET.formPaints} form paints, counted with their multiplicity (12 forms nested, each painting the next twice: 8,191 paints from 13 small forms)`, async () => {
    expect(2 ** 13 - 1).toBeGreaterThan(PAGE_BUDGET.formPaints);
    expect(await refusal('/Top Do', fanOut(12))).toEqual([['NAP031', 1, 'forms']]);
  });

  it('a fan-out within the budget is read (control: 9 forms nested, 1,023 paints)', async () => {
    expect(2 ** 10 - 1).toBeLessThan(PAGE_BUDGET.formPaints);
    expect(await refusal('/Top Do', fanOut(9))).toBeNull();
  });

  it('a page within the budget is read (control)', async () => {
    expect(await refusal(`${'q 0 0 1 1 re f '.repeat(100)}${'Q '.repeat(100)} BT /F1 9 Tf 10 10 Td (${'x'.repeat(1000)}) Tj ET`)).toBeNull();
  });
});

describe('BudgetCounter', () => {
  const ops = { save: 1, restore: 2, showText: 3, constructPath: 4, paintFormXObjectBegin: 5 };
  it('counts operators, glyphs, paths, nesting and form paints as the list grows, and names the first budget exceeded', () => {
    const c = new BudgetCounter(ops);
    expect(c.update([1, 1, 4, 3, 2, 5, 5], [null, null, null, [['a', 'b']], null, null, null], 5)).toBeNull();
    expect([c.glyphs, c.paths, c.maxDepth, c.depth, c.forms]).toEqual([2, 1, 2, 1, 2]);
    expect(c.update([1, 1, 4, 3, 2], [], PAGE_BUDGET.parseMs + 1)).toEqual({ what: 'time', count: PAGE_BUDGET.parseMs + 1, limit: PAGE_BUDGET.parseMs });
  });

  it('its message round-trips; other messages are no budget', () => {
    const b = { what: 'paths' as const, count: 9, limit: 8 };
    expect(budgetExceeded(budgetMessage(b))).toEqual(b);
    expect(budgetExceeded('Invalid stream')).toBeNull();
  });
});
