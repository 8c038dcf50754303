import { describe, expect, it } from 'vitest';
import { normaliseExplanation } from '../../src/normalise/explanation.js';

describe('normaliseExplanation', () => {
  it.each([
    ['plain text', 'Een zin.  Nog een zin.', [{ type: 'paragraph', text: 'Een zin. Nog een zin.' }]],
    ['two <p>', '<p>Eerste.</p> <p>Tweede.</p>', [{ type: 'paragraph', text: 'Eerste.' }, { type: 'paragraph', text: 'Tweede.' }]],
    ['<i> inline', '<p>Het rapport <i>Schaduw dansen</i> verscheen.</p>', [{ type: 'paragraph', text: 'Het rapport Schaduw dansen verscheen.' }]],
    [
      'unclosed <ul> with inline bullets, then <p>',
      '<p>Het gaat om:</p> <ul style="list-style-type: none"> • Een; • Twee. <p>Daarna.</p>',
      [{ type: 'paragraph', text: 'Het gaat om:' }, { type: 'list', items: ['Een;', 'Twee.'] }, { type: 'paragraph', text: 'Daarna.' }],
    ],
    ['<ul><li>', '<ul><li>a</li><li><p>b</p></li></ul>', [{ type: 'list', items: ['a', 'b'] }]],
    ['inline bullets in plain text', 'Zoals: • een • twee', [{ type: 'paragraph', text: 'Zoals:' }, { type: 'list', items: ['een', 'twee'] }]],
    ['PDF line breaks', 'Alinea een.\nAlinea twee.\n• punt', [{ type: 'paragraph', text: 'Alinea een.' }, { type: 'paragraph', text: 'Alinea twee.' }, { type: 'list', items: ['punt'] }]],
    ['entities', '<p>R&amp;D &eacute;&eacute;n</p>', [{ type: 'paragraph', text: 'R&D één' }]],
    ['empty', '', []],
    ['a lone < is text', 'waarde < 5 en > 2', [{ type: 'paragraph', text: 'waarde < 5 en > 2' }]],
  ])('%s', (_name, input, blocks) => {
    expect(normaliseExplanation(input).blocks).toEqual(blocks);
  });

  it('renders plain text with blank lines between blocks and "• " items', () => {
    expect(normaliseExplanation('<p>Het gaat om:</p><ul> • Een • Twee</ul><p>Slot.</p>').text).toBe('Het gaat om:\n\n• Een\n• Twee\n\nSlot.');
  });

  it('drops script content instead of treating it as text', () => {
    expect(normaliseExplanation('<p>Tekst</p><script>alert(1)</script>').text).toBe('Tekst');
  });
});
