import { describe, expect, it } from 'vitest';
import type { StatusCode } from '../../src/schema/annex.js';
import { normaliseStatusLabel } from '../../src/status/status-label.js';
import { STATUS_LABELS, STATUS_LEGEND, statusLabelKey } from '../../src/model/vocabulary.js';

describe('normaliseStatusLabel', () => {
  it.each<[string, StatusCode]>([
    ['Afgerond', 'completed'],
    ['In uitvoering', 'in_progress'],
    ['Doorlopend gedurende uitvoering programma', 'ongoing'],
    ['In uitvoering met vertraging', 'delayed'],
    ['Nog niet begonnen of afgebroken', 'not_started_or_stopped'],
    // case, spacing, punctuation, NBSP
    ['afgerond', 'completed'],
    ['AFGEROND', 'completed'],
    ['  In  uitvoering ', 'in_progress'],
    ['In\u00a0uitvoering', 'in_progress'],
    ['In uitvoering (met vertraging).', 'delayed'],
    ['in uitvoering - met vertraging', 'delayed'],
    ['Afgerond.', 'completed'],
    ['Doorlopend gedurende\nuitvoering programma', 'ongoing'],
    // synonyms
    ['Gereed', 'completed'],
    ['Voltooid', 'completed'],
    ['Loopt', 'in_progress'],
    ['Lopend', 'in_progress'],
    ['Doorlopend', 'ongoing'],
    ['Vertraagd', 'delayed'],
    ['vertraagd', 'delayed'],
    ['Nog niet gestart', 'not_started_or_stopped'],
    ['Nog niet begonnen', 'not_started_or_stopped'],
    ['Afgebroken', 'not_started_or_stopped'],
    ['Gestopt', 'not_started_or_stopped'],
  ])('%j → %s', (label, code) => {
    expect(normaliseStatusLabel(label)).toEqual({ value: code, problems: [] });
  });

  it.each(['', '   ', '\u00a0'])('empty label %j → null without a problem (absent status)', (label) => {
    expect(normaliseStatusLabel(label)).toEqual({ value: null, problems: [] });
  });

  it.each(['Groen', 'Bijna klaar', 'In voorbereiding', 'Afgerond?? misschien', 'completed'])(
    'unknown label %j → null + NAP302 quoting it',
    (label) => {
      const r = normaliseStatusLabel(label);
      expect(r.value).toBeNull();
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]?.code).toBe('NAP302');
      expect(r.problems[0]).toMatchObject({ actual: label, expected: STATUS_LEGEND.map((e) => e.label) });
    },
  );

  it('the legend lists the five codes once each, in legend order', () => {
    expect(STATUS_LEGEND.map((e) => e.code)).toEqual([
      'completed',
      'in_progress',
      'ongoing',
      'delayed',
      'not_started_or_stopped',
    ]);
  });

  it('the label table has no key that maps to two codes', () => {
    const seen = new Map<string, StatusCode>();
    for (const [label, code] of STATUS_LABELS) {
      const key = statusLabelKey(label);
      expect(seen.get(key) ?? code, label).toBe(code);
      seen.set(key, code);
    }
  });

  it('reads every legend label of the fixture', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../fixtures/nap-2024/bijlage-1.txt', import.meta.url), 'utf8');
    const labels = new Set(STATUS_LEGEND.map((e) => e.label));
    const lines = text.split('\n').filter((l) => labels.has(l.trim()));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(normaliseStatusLabel(l).value).not.toBeNull();
  });
});
