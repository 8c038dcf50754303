/**
 * The crafted inputs that are not PDFs, built in memory (each under 1 MB): the
 * adversarial benchmark (scripts/bench/adversarial.ts) runs them through the CLI, and the
 * regression tests under test/adversarial/ build smaller ones with the same functions.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HTML_HEAD = '<html><body><table><tr><td>Activiteit</td><td>Status</td><td>Wanneer</td><td>Wie</td><td>Toelichting</td></tr>\n<tr><td>Actielijn 1</td><td></td><td></td><td></td><td></td></tr>\n';
const TEXT_HEAD = 'Activiteit\tStatus\tWanneer\tWie\tToelichting\n';

/** The minimal clean annex (fixtures/adversarial/min.txt). */
export function minText(): string {
  return readFileSync(`${ROOT}fixtures/adversarial/min.txt`, 'utf8');
}

/** One crafted case: a file name (its extension tells the format) and its bytes. */
export interface CraftedCase {
  name: string;
  what: string;
  content: string | Uint8Array;
  /** A second input, for `diff`. */
  second?: string;
}

/** An annex as a text export with `n` activity rows spread over five action lines. */
export function textAnnexWithRows(n: number, title = (i: number) => `Activiteit nummer ${i}`, explanation = (i: number) => `Toelichting ${i}.`): string {
  const lines = [TEXT_HEAD];
  const perLine = Math.ceil(n / 5);
  let i = 0;
  for (let al = 1; al <= 5; al++) {
    lines.push(`Actielijn ${al}\t\t\t\t\n`);
    for (let k = 0; k < perLine && i < n; k++, i++) lines.push(`${title(i)}\t\tQ1 2024\tOCW\t${explanation(i)}\n`);
  }
  return lines.join('');
}

/** Every crafted case of the benchmark, at its full size (about 1 MB or less). */
export function craftedCases(): CraftedCase[] {
  const bigExplanation = (seed: number) => Array.from({ length: 30_000 }, (_, i) => `woord${(i * 7 + seed) % 5000}`).join(' ');
  return [
    { name: 'unclosed-b.html', what: '955 KB of unclosed <b>', content: `${HTML_HEAD}<tr><td>A</td><td></td><td>2024</td><td>OCW</td><td>${'<b>x'.repeat(238_000)}</td></tr></table>` },
    { name: 'nested-spans.html', what: '80k nested <span>', content: `${HTML_HEAD}<tr><td>${'<span>'.repeat(80_000)}A${'</span>'.repeat(80_000)}</td><td></td><td>2024</td><td>OCW</td><td>x</td></tr></table>` },
    { name: 'open-a.txt', what: '269 KB of "<a" in a Toelichting', content: textAnnexWithRows(1, undefined, () => '<a'.repeat(134_000)) },
    { name: 'compact-rows.txt', what: '995 KB of compact rows', content: `${TEXT_HEAD}Actielijn 1\t\t\t\t\n${'A\t\t\t\t\n'.repeat(165_000)}` },
    { name: 'stray-lines.txt', what: '965 KB of stray lines', content: `${TEXT_HEAD}Actielijn 1\t\t\t\t\nA\t\t2024\tOCW\tx\n${'x\n'.repeat(482_000)}` },
    { name: 'hidden-rows.html', what: '10k rows hidden by a CSS class', content: `<html><head><style>.h{display:none}</style></head><body><table><tr><td>Activiteit</td><td>Status</td><td>Wanneer</td><td>Wie</td><td>Toelichting</td></tr>\n<tr><td>Actielijn 1</td><td></td><td></td><td></td><td></td></tr>\n${'<tr class="h"><td>V</td><td></td><td>2024</td><td>OCW</td><td>x</td></tr>\n'.repeat(10_000)}</table>` },
    {
      name: 'diff-5000.txt',
      what: 'diff of two 5,000-row exports (every title changed a little)',
      content: textAnnexWithRows(5000, (i) => `Activiteit over onderwerp ${i} en nog wat`),
      second: textAnnexWithRows(5000, (i) => `Activiteit over onderwerp ${i} en nog wat meer`),
    },
    {
      name: 'diff-explanations.txt',
      what: 'diff of 180 KB explanations',
      content: textAnnexWithRows(1, undefined, () => bigExplanation(1)),
      second: textAnnexWithRows(1, undefined, () => bigExplanation(2)),
    },
  ];
}
