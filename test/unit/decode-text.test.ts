/** Text decoding: UTF-8, Windows-1252 fallback (spelled-out table, not Node 20's Latin-1 decoder). */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/bag.js';
import { InputError } from '../../src/diagnostics/errors.js';
import { decodeText, decodeWindows1252 } from '../../src/readers/decode-text.js';

describe('decodeWindows1252', () => {
  it('maps 0x80–0x9F to the Windows-1252 characters, the rest as Latin-1', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x99]))).toBe('€…‘’“”•–—™');
    expect(decodeWindows1252(Uint8Array.from([0x41, 0xe9, 0xeb, 0xef, 0xa0, 0xff]))).toBe('Aéëï\u00a0ÿ');
  });

  it('handles inputs longer than one chunk', () => {
    const bytes = new Uint8Array(20_000).fill(0x96);
    expect(decodeWindows1252(bytes)).toBe('–'.repeat(20_000));
  });
});

describe('decodeText', () => {
  it('decodes non-UTF-8 text as Windows-1252 and reports NAP006', () => {
    const bag = new DiagnosticBag('x.txt');
    expect(decodeText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x92, 0x74]), bag).text).toBe('Café – ’t');
    expect(bag.items.map((d) => d.code)).toEqual(['NAP006']);
  });

  it('refuses a Windows-1252 input holding an unassigned byte (0x81) as binary', () => {
    expect(() => decodeText(Uint8Array.from([0x41, 0x81, 0xe9]), new DiagnosticBag())).toThrow(InputError);
  });
});
