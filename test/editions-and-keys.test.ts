/** Stable activity keys, the edition in `source.edition`, base names in output, and diff's key pairing. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareAnnexes } from '../src/diff/compare-annexes.js';
import { assignActivityKeys, titleSlug } from '../src/normalise/activity-key.js';
import { findEdition, findKamerstuk } from '../src/normalise/edition.js';
import { extractAnnex } from '../src/pipeline.js';
import { TEXT_2024, extract2024Text, extractString } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

const original = readFileSync(TEXT_2024, 'utf8');
/** The 2024 export without the row "Podcast alles op tafel" (AL1-06). */
const withoutPodcast = original.replace(/^Podcast alles op tafel\t.*\n/m, '');

describe('activity keys', () => {
  it('are the action line and the slug of the title, unique over the 83 activities of 2024', async () => {
    const { annex } = await extract2024Text();
    const keys = annex.activities.map((a) => a.key);
    expect(new Set(keys).size).toBe(83);
    expect(annex.activities.find((a) => a.title === 'Aanpak grensoverschrijdend gedrag in de danssector')!.key).toBe(
      'al3-aanpak-grensoverschrijdend-gedrag-in-de-danssector',
    );
    expect(annex.activities[4]!.key).toBe('al1-rondetafelgesprekken-lhbtqi');
    expect(annex.diagnostics.filter((d) => d.code === 'NAP112')).toEqual([]);
  });

  it('slugs: accents removed, punctuation as one "-", long titles cut at a word boundary', async () => {
    expect(titleSlug('Café “Één” — ronde (2024)!')).toBe('cafe-een-ronde-2024');
    const long = titleSlug('Campagne gericht op het voeren van het gesprek over gewenste omgangsvormen en seksueel grensoverschrijdend gedrag');
    expect(long).toBe('campagne-gericht-op-het-voeren-van-het-gesprek-over-gewenste-omgangsvormen-en');
    expect(long.length).toBeLessThanOrEqual(80);
    expect(titleSlug('—')).toBe('activiteit');
  });

  it('collisions in one action line get -2, -3 in document order, each reported (NAP112)', async () => {
    const { keys, problems } = assignActivityKeys([
      { id: 'AL1-01', actionLine: 1, title: 'Publieksmonitor' },
      { id: 'AL1-02', actionLine: 1, title: 'Publieksmonitor.' },
      { id: 'AL2-01', actionLine: 2, title: 'Publieksmonitor' },
      { id: 'AL1-03', actionLine: 1, title: 'PUBLIEKSMONITOR' },
    ]);
    expect(keys).toEqual(['al1-publieksmonitor', 'al1-publieksmonitor-2', 'al2-publieksmonitor', 'al1-publieksmonitor-3']);
    expect(problems.map((p) => [p.code, p.index, p.actual])).toEqual([['NAP112', 1, 'al1-publieksmonitor'], ['NAP112', 3, 'al1-publieksmonitor']]);
  });

  it('deleting one row of the 2024 export: keys of the other 82 are unchanged, 21 ids renumbered, diff says so', async () => {
    const { annex: before } = await extract2024Text();
    const { annex: after } = await extractString(withoutPodcast, 'later.txt');
    expect(after.activities).toHaveLength(82);
    const keysBefore = before.activities.filter((a) => a.title !== 'Podcast alles op tafel').map((a) => a.key);
    expect(after.activities.map((a) => a.key)).toEqual(keysBefore);
    const diff = compareAnnexes(before, after);
    expect(diff.removed.map((a) => [a.id, a.key])).toEqual([['AL1-06', 'al1-podcast-alles-op-tafel']]);
    expect(diff.added).toEqual([]);
    expect(diff.changedCount).toBe(0);
    expect(diff.matched.every((m) => m.matchedBy === 'key')).toBe(true);
    // AL1-07 … AL1-27 become AL1-06 … AL1-26.
    expect(diff.renumbered).toHaveLength(21);
    expect(diff.renumbered[0]).toMatchObject({ oldId: 'AL1-07', newId: 'AL1-06' });
    expect(diff.renumbered.at(-1)).toMatchObject({ oldId: 'AL1-27', newId: 'AL1-26' });
  });

  it('`nap-annex diff` prints the removed row and the renumbered ids', async () => {
    const run = await runCli(['diff', TEXT_2024, '-'], { input: withoutPodcast });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[2]).toBe('0 added, 1 removed, 0 changed, 82 unchanged; 21 renumbered');
    expect(lines).toContain('  - AL1-06  Podcast alles op tafel');
    expect(lines).toContain('  # AL1-07 → AL1-06  al1-project-mannenemancipatie-als-deel-van-de-oplossing');
  });
});

describe('source.edition and source.fileName', () => {
  it('the 2024 export prints neither date nor Kamerstuk: null, and one NAP013 info', async () => {
    const { annex } = await extract2024Text();
    expect(annex.source.edition).toEqual({ date: null, kamerstuk: null, dateFoundBy: 'absent', kamerstukFoundBy: 'absent' });
    expect(annex.diagnostics.filter((d) => d.code === 'NAP013').map((d) => d.severity)).toEqual(['info']);
  });

  it('options fill what the document does not print', async () => {
    const { annex } = await extractAnnex(readFileSync(TEXT_2024), { fileName: 'a.txt', editionDate: '2024-03-18', kamerstuk: '34843-109' });
    expect(annex.source.edition).toEqual({ date: '2024-03-18', kamerstuk: '34843-109', dateFoundBy: 'option', kamerstukFoundBy: 'option' });
    expect(annex.diagnostics.map((d) => d.code)).not.toContain('NAP013');
  });

  it('a date and Kamerstuk printed in the title block are read from the document', async () => {
    const titled = `Bijlage 1 bij Kamerstuk 34843, nr. 109 van 18 maart 2024. Voortgang activiteiten\n${original}`;
    const { annex } = await extractString(titled, 'titled.txt');
    expect(annex.source.edition).toEqual({ date: '2024-03-18', kamerstuk: '34843-109', dateFoundBy: 'document', kamerstukFoundBy: 'document' });
    expect(findEdition('Bijlage bij Kamerstukken II 2023/24, 36200-VIII, nr. 12', { editionDate: '2024-01-02' }).value).toMatchObject({
      date: '2024-01-02',
      kamerstuk: '36200-VIII-12',
    });
    expect(findKamerstuk('kst-34843-109')).toBe('34843-109');
  });

  it('the CLI takes --edition-date and --kamerstuk, refuses invalid ones (64), and writes only the base name', async () => {
    const run = await runCli(['extract', TEXT_2024, '--edition-date', '2024-03-18', '--kamerstuk', '34843 nr. 109', '-q']);
    expect(run.status).toBe(0);
    const annex = JSON.parse(run.stdout);
    expect(annex.source.fileName).toBe('bijlage-1.txt');
    expect(annex.source.edition).toMatchObject({ date: '2024-03-18', kamerstuk: '34843-109' });
    expect(JSON.stringify(annex)).not.toContain(TEXT_2024);
    expect(annex.diagnostics.every((d: { file?: string }) => d.file === 'bijlage-1.txt')).toBe(true);
    expect((await runCli(['extract', TEXT_2024, '--edition-date', '2024-02-30'])).status).toBe(64);
    expect((await runCli(['extract', TEXT_2024, '--kamerstuk', 'nr. 109'])).status).toBe(64);
  });
});
