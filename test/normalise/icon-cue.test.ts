/**
 * readIconCue: an icon status cue read with the legend in force, the one rule the normalise stage
 * and `nap-annex inspect` share. The legend is the 2024 rendition's (its five icon colours).
 */
import { sameCueFamily } from '../../src/status/cue-family.js';
import { describe, expect, it } from 'vitest';
import type { CueShape, LegendEntry } from '../../src/model/page-model.js';
import { DEFAULT_COLOR_TOLERANCE, readIconCue } from '../../src/status/index.js';

const entry = (label: string, iconColor: string, iconShape: CueShape = 'vector'): LegendEntry => ({ label, iconColor, iconShape, location: { page: 1 } });
const LEGEND = [
  entry('Afgerond', '#2e7d32'),
  entry('In uitvoering', '#1565c0'),
  entry('Doorlopend gedurende uitvoering programma', '#6a1b9a'),
  entry('In uitvoering met vertraging', '#ef6c00'),
  entry('Nog niet begonnen of afgebroken', '#c62828'),
];

describe('readIconCue', () => {
  it.each([
    ['#6a1b9a', 'vector', 'ongoing', 0],
    ['#1565c0', 'glyph', 'in_progress', 0],
    // 3 units off in each channel: √27
    ['#f26f03', 'image', 'delayed', Math.sqrt(27)],
  ] as const)('%s drawn as %s reads as %s at distance %d', (color, shape, code, distance) => {
    const r = readIconCue({ color, shape }, LEGEND);
    expect(r.code).toBe(code);
    expect(r.match?.distance).toBeCloseTo(distance, 6);
    expect(r.nearest).toEqual(r.match);
    expect(r.entries).toHaveLength(5);
  });

  it('matches nothing beyond the tolerance, and still names the nearest entry with its distance', () => {
    // #000000 is √(46²+125²+50²) ≈ 142 from Afgerond's #2e7d32 and further from the others.
    const r = readIconCue({ color: '#000000', shape: 'vector' }, LEGEND);
    expect(r.match).toBeNull();
    expect(r.code).toBeNull();
    expect(r.nearest?.entry.label).toBe('Afgerond');
    expect(r.nearest!.distance).toBeGreaterThan(DEFAULT_COLOR_TOLERANCE);
  });

  it('reads a shaded cell only with a shaded (or filled-box) legend, a mark never with a shaded legend', () => {
    const shaded = [entry('Afgerond', '#2e7d32', 'shading'), entry('In uitvoering', '#1565c0', 'glyph')];
    expect(readIconCue({ color: '#2e7d32', shape: 'shading' }, shaded)).toMatchObject({ code: 'completed', entries: [shaded[0]] });
    const mark = readIconCue({ color: '#2e7d32', shape: 'glyph' }, shaded);
    expect(mark.entries).toEqual([shaded[1]]);
    expect(mark.code).toBeNull();
    expect(mark.nearest?.entry.label).toBe('In uitvoering');
  });

  it('gives no code for a matched entry whose label is no status, and no nearest entry when two tie', () => {
    expect(readIconCue({ color: '#123456', shape: 'vector' }, [entry('Legenda', '#123456')])).toMatchObject({ code: null, match: { distance: 0 } });
    const tie = readIconCue({ color: '#808080', shape: 'vector' }, [entry('Afgerond', '#707070'), entry('In uitvoering', '#909090')]);
    expect(tie).toMatchObject({ match: null, nearest: null, code: null });
  });
});

describe('cue families (src/status/cue-family.ts)', () => {
  it('reads shading with shading, marks with marks, and a filled box with either; never a glyph or picture with shading', () => {
    expect(sameCueFamily('shading', 'shading')).toBe(true);
    expect(sameCueFamily('shading', 'vector')).toBe(true); // a short row's shaded Status cell seen as a box
    expect(sameCueFamily('vector', 'shading')).toBe(true); // a small shaded legend cell seen as a box
    expect(sameCueFamily('glyph', 'image')).toBe(true);
    expect(sameCueFamily('shading', 'glyph')).toBe(false);
    expect(sameCueFamily('glyph', 'shading')).toBe(false);
    expect(sameCueFamily('image', 'shading')).toBe(false);
    expect(sameCueFamily(undefined, 'shading')).toBe(true);
  });
});
