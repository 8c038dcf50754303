/** Helpers for tests: the 2024 text export parsed into activity rows and footnotes. */
import { readFileSync } from 'node:fs';

export interface ExportActivity {
  title: string;
  wanneer: string;
  wie: string;
  toelichting: string;
}

const SUP_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function readExport(): { activities: ExportActivity[]; footnotes: Map<number, string> } {
  const text = readFileSync(new URL('../../../fixtures/nap-2024/bijlage-1.txt', import.meta.url), 'utf8');
  const activities: ExportActivity[] = [];
  const footnotes = new Map<number, string>();
  for (const line of text.split(/\r?\n/)) {
    const fields = line.split('\t');
    if (fields.length === 5) {
      const [title, , wanneer, wie, toelichting] = fields as [string, string, string, string, string];
      if (title === 'Activiteit' || /^Actielijn \d+$/.test(title.trim())) continue;
      if (wanneer === '' && wie === '' && toelichting === '') continue; // goal sentence row
      activities.push({ title: title.trim(), wanneer: wanneer.trim(), wie: wie.trim(), toelichting: toelichting.trim() });
      continue;
    }
    const m = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(.*)$/u.exec(line);
    if (m) {
      const n = Number([...m[1]!].map((c) => SUP_DIGITS.indexOf(c)).join(''));
      footnotes.set(n, m[2]!.trim());
    }
  }
  return { activities, footnotes };
}

/** The export's cell HTML as flat text: tags dropped, whitespace collapsed. */
export function flattenHtml(s: string): string {
  return s
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
