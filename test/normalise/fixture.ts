/**
 * Test helper: the table cells of the 2024 text-export fixture, by a deliberately small local
 * split (lines with 5 tab-separated cells; header and "Actielijn N" rows dropped). Not the
 * pipeline's reader: just enough to feed every real cell to a normaliser.
 */
import { readFileSync } from 'node:fs';

export const FIXTURE_TEXT = readFileSync(new URL('../../fixtures/nap-2024/bijlage-1.txt', import.meta.url), 'utf8');

/** Activity rows of the fixture as [Activiteit, Status, Wanneer, Wie, Toelichting]. */
export function fixtureActivityRows(): string[][] {
  return FIXTURE_TEXT.split('\n')
    .map((line) => line.replace(/\r$/, '').split('\t'))
    .filter((cells) => cells.length === 5)
    .filter((cells) => cells[0] !== 'Activiteit' && !/^Actielijn \d+$/.test(cells[0] ?? ''))
    .filter((cells) => (cells[2] ?? '') !== '' || (cells[3] ?? '') !== '');
}

/** Footnote definition lines of the fixture, as printed (marker included). */
export function fixtureFootnoteLines(): string[] {
  return FIXTURE_TEXT.split('\n').filter((l) => /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s/.test(l));
}
