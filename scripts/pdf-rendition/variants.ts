/**
 * The committed rendition variants (fixtures/pdf-generated/<name>.pdf) and the variant used for
 * scaled benchmark annexes. Every palette is used by exactly one variant, and none is the
 * palette of fixtures/nap-2024/bijlage-1-rendition.pdf, so a reader cannot get by on known colours.
 */
import type { VariantConfig } from './render.js';

export const A4_LANDSCAPE = [841.89, 595.28] as const;
export const A4_PORTRAIT = [595.28, 841.89] as const;
export const LETTER_LANDSCAPE = [792, 612] as const;
export const LETTER_PORTRAIT = [612, 792] as const;

/** Builds a palette from five colours in legend order. */
export function palette(colors: readonly [string, string, string, string, string]): Record<string, string> {
  return {
    Afgerond: colors[0],
    'In uitvoering': colors[1],
    'Doorlopend gedurende uitvoering programma': colors[2],
    'In uitvoering met vertraging': colors[3],
    'Nog niet begonnen of afgebroken': colors[4],
  };
}

export const VARIANTS: readonly VariantConfig[] = [
  {
    name: 'vector-a4-landscape',
    description: 'Helvetica 7.5 pt, A4 landscape, filled vector circles centred in the row, dark header, rules between rows, rows never split',
    fontFamily: 'Helvetica',
    pageSize: A4_LANDSCAPE,
    margins: { top: 34, right: 36, bottom: 28, left: 36 },
    fontSize: 7.5,
    leading: 1.25,
    cellPadding: 3.5,
    icon: { kind: 'vector', shape: 'circle' },
    iconSize: 7,
    iconAlign: 'middle',
    palette: palette(['#1b9e77', '#2c7fb8', '#7b3294', '#e08214', '#c51b7d']),
    columns: [20, 6, 10, 11, 53],
    headerFill: '#22304a',
    headerTextColor: '#ffffff',
    actionLineFill: '#e8ebf0',
    rules: 'rows',
    ruleColor: '#9aa3b0',
    ruleWidth: 0.5,
    splitRows: 'avoid',
    minSplitLines: 3,
    pageNumber: 'plain',
    legendBox: true,
  },
  {
    name: 'glyph-a4-portrait',
    description: 'Times-Roman 8 pt, A4 portrait, ZapfDingbats ● glyphs on the first line, grey header, full grid, rows split across pages',
    fontFamily: 'Times-Roman',
    pageSize: A4_PORTRAIT,
    margins: { top: 42, right: 40, bottom: 36, left: 40 },
    fontSize: 8,
    leading: 1.2,
    cellPadding: 3,
    icon: { kind: 'glyph', glyph: '●' },
    iconSize: 8,
    iconAlign: 'top',
    palette: palette(['#3c8d2f', '#0a6fa8', '#6a3d9a', '#d9822b', '#b2182b']),
    columns: [19, 6, 10, 17, 48],
    headerFill: '#d9d9d9',
    headerTextColor: '#000000',
    actionLineFill: null,
    rules: 'grid',
    ruleColor: '#707070',
    ruleWidth: 0.4,
    splitRows: 'fill',
    minSplitLines: 3,
    pageNumber: 'pagina',
    legendBox: false,
  },
  {
    name: 'image-letter',
    description: 'Courier 7 pt, US Letter landscape, embedded PNG circle icons, teal header, rules between rows, rows never split',
    fontFamily: 'Courier',
    pageSize: LETTER_LANDSCAPE,
    margins: { top: 30, right: 30, bottom: 28, left: 30 },
    fontSize: 7,
    leading: 1.25,
    cellPadding: 3,
    icon: { kind: 'image', shape: 'circle' },
    iconSize: 8,
    iconAlign: 'middle',
    palette: palette(['#2a9d8f', '#264653', '#9b5de5', '#f4a261', '#e63946']),
    columns: [19, 6, 10, 13, 52],
    headerFill: '#35506b',
    headerTextColor: '#ffffff',
    actionLineFill: '#f2efe6',
    rules: 'rows',
    ruleColor: '#b0b0b0',
    ruleWidth: 0.6,
    splitRows: 'avoid',
    minSplitLines: 3,
    pageNumber: 'plain',
    legendBox: true,
  },
  {
    name: 'split-letter-portrait',
    description: 'Helvetica 8 pt, US Letter portrait, vector diamonds, no header fill, full grid, wide margins, rows split across pages',
    fontFamily: 'Helvetica',
    pageSize: LETTER_PORTRAIT,
    margins: { top: 54, right: 48, bottom: 44, left: 48 },
    fontSize: 8,
    leading: 1.22,
    cellPadding: 4,
    icon: { kind: 'vector', shape: 'diamond' },
    iconSize: 7.5,
    iconAlign: 'middle',
    palette: palette(['#5aae61', '#4393c3', '#8073ac', '#fdb863', '#d6604d']),
    columns: [22, 6, 10, 18, 44],
    headerFill: null,
    headerTextColor: '#000000',
    actionLineFill: '#eeeeee',
    rules: 'grid',
    ruleColor: '#555555',
    ruleWidth: 0.5,
    splitRows: 'fill',
    minSplitLines: 2,
    pageNumber: 'pagina',
    legendBox: false,
  },
];

/** The variant of scaled (benchmark) annexes: A4 landscape, square icons, rows split to fill pages. */
export const SCALED_VARIANT: VariantConfig = {
  ...VARIANTS[0]!,
  name: 'scaled',
  description: 'Benchmark annex: activities cycled within each action line (titles suffixed " (kopie N)"), A4 landscape, vector squares, rows split to fill pages',
  icon: { kind: 'vector', shape: 'square' },
  palette: palette(['#008b74', '#0057a8', '#a34fc2', '#c98b00', '#cc2255']),
  splitRows: 'fill',
};

export function variantByName(name: string): VariantConfig {
  const v = VARIANTS.find((x) => x.name === name);
  if (!v) throw new Error(`unknown variant "${name}"; known: ${VARIANTS.map((x) => x.name).join(', ')}`);
  return v;
}
