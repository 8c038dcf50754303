/** Letters a font's Unicode map gives byte-swapped (swapped-unicode.ts), as Ghostscript 10.00 writes Calibri's ligatures. */
import { describe, expect, it } from 'vitest';
import { unswapLetters } from '../../../src/readers/pdf/swapped-unicode.js';

describe('byte-swapped letters', () => {
  it('reads a swapped ligature inside a Latin word as its letters', () => {
    expect(unswapLetters('Ac\u7400\u6900viteit')).toEqual({ text: 'Activiteit', repaired: 2, damaged: [] });
    expect(unswapLetters('Toelich\u7400\u6900ng a\u6600\u6c00eiden')).toEqual({ text: 'Toelichting afleiden', repaired: 4, damaged: [] });
  });

  it('reads a three-letter ligature written as its first letter and the sum of the other two, as Ghostscript does', () => {
    // The words of rewritten/gs-wingdings-a4-landscape-calibri, as pdf.js reads them.
    expect(unswapLetters('sinds de o\u6600\ucf00ciële lancering')).toEqual({ text: 'sinds de officiële lancering', repaired: 2, damaged: [] });
    expect(unswapLetters('o\u6600\ud200ine.')).toEqual({ text: 'offline.', repaired: 2, damaged: [] });
    // tti: 0x74 + 0x69 = 0xDD, a surrogate, which pdf.js decodes as U+50000.
    expect(unswapLetters('nu\u7400\u{50000}g en opva\u7400\u{50000}ngen')).toEqual({ text: 'nuttig en opvattingen', repaired: 4, damaged: [] });
  });

  it('leaves text of another script alone, and names a word with a character that cannot be swapped back', () => {
    expect(unswapLetters('\u7400\u6900 漢字')).toEqual({ text: '\u7400\u6900 漢字', repaired: 0, damaged: [] });
    const left = unswapLetters('sinds de of\ucf00ciële lancering');
    expect(left.damaged).toEqual(['of\ucf00ciële']);
    expect(left.text).toBe('sinds de of\ucf00ciële lancering');
    // A sum that spells no three-letter ligature (f, then 0xC0 = f + 0x5A "Z") stays as read.
    const unknown = unswapLetters('o\u6600\uc000ciële');
    expect(unknown).toEqual({ text: 'of\uc000ciële', repaired: 1, damaged: ['of\uc000ciële'] });
  });
});
