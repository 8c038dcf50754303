import { describe, expect, it } from 'vitest';
import { stripMarkers } from '../../src/assemble/footnotes.js';
import { fromSuperscript, toSuperscript } from '../../src/model/superscript.js';

describe('footnote markers', () => {
  it.each([
    ['after a space', 'ontvangen. ¹⁶ De', 'ontvangen. De', [16]],
    ['glued to a word', 'beleidsreactie¹⁵ en', 'beleidsreactie en', [15]],
    ['glued to a full stop', 'mei 2023.¹⁴ Op', 'mei 2023. Op', [14]],
    ['single digit ¹ ² ³ (Latin-1 code points)', 'a¹ b² c³', 'a b c', [1, 2, 3]],
    ['multi digit', 'gedrag ²⁵', 'gedrag', [25]],
    ['none', 'geen voetnoot', 'geen voetnoot', []],
  ])('%s', (_name, input, text, numbers) => {
    expect(stripMarkers(input)).toEqual({ text, numbers });
  });

  it('converts between numbers and superscripts', () => {
    expect(toSuperscript(10)).toBe('¹⁰');
    expect(toSuperscript(25)).toBe('²⁵');
    expect(fromSuperscript('¹⁰')).toBe(10);
    expect(fromSuperscript('⁹')).toBe(9);
    expect(fromSuperscript('1')).toBeNaN();
    expect(fromSuperscript('')).toBeNaN();
  });
});
