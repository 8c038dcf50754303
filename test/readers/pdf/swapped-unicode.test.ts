/** Letters a font's Unicode map gives byte-swapped (swapped-unicode.ts), as Ghostscript 10.00 writes Calibri's ligatures. */
import { describe, expect, it } from 'vitest';
import { unswapLetters } from '../../../src/readers/pdf/swapped-unicode.js';

describe('byte-swapped letters', () => {
  it('reads a swapped ligature inside a Latin word as its letters', () => {
    expect(unswapLetters('Ac\u7400\u6900viteit')).toEqual({ text: 'Activiteit', repaired: 2, damaged: [] });
    expect(unswapLetters('Toelich\u7400\u6900ng a\u6600\u6c00eiden')).toEqual({ text: 'Toelichting afleiden', repaired: 4, damaged: [] });
  });

  it('leaves text of another script alone, and names a word with a character that cannot be swapped back', () => {
    expect(unswapLetters('\u7400\u6900 漢字')).toEqual({ text: '\u7400\u6900 漢字', repaired: 0, damaged: [] });
    const left = unswapLetters('sinds de of\ucf00ciële lancering');
    expect(left.damaged).toEqual(['of\ucf00ciële']);
    expect(left.text).toBe('sinds de of\ucf00ciële lancering');
  });
});
