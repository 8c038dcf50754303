/**
 * Status cues as a Word user makes them: a coloured Wingdings character (`<w:sym w:font="Wingdings"
 * w:char="F06C"/>`), a coloured Unicode ●/■ in the text font, an inline DrawingML shape, a PNG
 * picture, or the Status cell's background shading.
 */
import { ImageRun, ShadingType, SymbolRun, TextRun, WpsShapeRun, type ParagraphChild } from 'docx';
import { iconPng } from '../pdf-rendition/icons.js';
import type { WordVariant } from './variants.js';

function hex(c: string): string {
  return c.replace('#', '').toUpperCase();
}

/** The run that shows a status in `colour` (#rrggbb) for the variant's cue kind (not for shading). */
export function cueRun(v: WordVariant, color: string): ParagraphChild {
  const size = Math.round(v.font.sizePt * 2);
  const side = Math.round(v.font.sizePt * 1.1 * (96 / 72));
  switch (v.cue.kind) {
    case 'wingdings-glyph':
      return new SymbolRun({ char: (v.cue.glyph ?? '\uF06C').codePointAt(0)!.toString(16).toUpperCase(), symbolfont: 'Wingdings', color: hex(color), size });
    case 'unicode-glyph':
      return new TextRun({ text: v.cue.glyph ?? '\u25CF', color: hex(color), size });
    case 'inline-shape':
      return new WpsShapeRun({
        type: 'wps',
        children: [],
        transformation: { width: side, height: side },
        solidFill: { type: 'rgb', value: hex(color) },
        outline: { type: 'noFill' } ,
      });
    case 'picture':
      return new ImageRun({ type: 'png', data: iconPng('circle', color, 32), transformation: { width: side, height: side } });
    case 'shading':
      throw new Error('shading is a cell property, not a run');
    case 'words':
      throw new Error('a status in words is the label as text, not a cue run');
  }
}

/** The Status cell shading for `colour`. */
export function cueShading(color: string): { fill: string; type: (typeof ShadingType)[keyof typeof ShadingType]; color: string } {
  return { fill: hex(color), type: ShadingType.CLEAR, color: 'auto' };
}
