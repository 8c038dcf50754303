/**
 * A 2025 edition of the annex as a text export, made from the real 2024 text export
 * (fixtures/nap-2024/bijlage-1.txt) the way a later edition differs: every Status cell filled in
 * words (the 2024 statuses as read from the PDF rendition, with EDITS_2025 applied — some
 * statuses changed, some only printed with another label: `afgerond`, `Vertraagd`, `Gereed`),
 * plannings and owners changed or only respelled, an explanation extended and one only
 * re-spaced, one row removed and one added. There is one real annex so far; this is a stand-in
 * for the next one, used by the diff, report and stack tests and by scripts/make-diff-example.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What the 2025 edition changes, by the 2024 title (as printed). */
export const EDITS_2025 = {
  /** Statuses whose code changes: title → label printed in 2025. */
  statusChanges: [
    ['Rondetafelgesprekken lhbtqi+', 'Afgerond'],
    ['Project SAMEN', 'Afgerond'],
    ['Campagne gericht op het voeren van het gesprek over gewenste omgangsvormen en seksueel grensoverschrijdend gedrag op de werkvloer', 'In uitvoering'],
    ['Aanscherpen beroepscode zorg en welzijn', 'Afgerond'],
    ['Keuzehulp overzicht aanbod interventies tegen PSA', 'In uitvoering'],
    ['Veilige kerk', 'Vertraagd'],
    ['Sturen op instroom en uitstroom in de keten', 'In uitvoering met vertraging'],
  ] as [string, string][],
  /** Statuses printed with another label for the same code: not changes. */
  labelOnly: [
    ['Website Route naar RI&E', 'afgerond'],
    ['Onderzoek naar opvattingen jongeren en ouders', 'Gereed'],
    ['Wettelijke verplichting gedragscode en klachtenregeling', 'Vertraagd'],
    ['Onderzoek goede hulpverlening', 'Met vertraging'],
    ['Studentenpact', 'in uitvoering'],
    ['Meldpunt Mores', 'Doorlopend'],
    ['Regionale bezoeken', 'Nog niet begonnen'],
  ] as [string, string][],
  /** Plannings whose ranges change: title → 2025 text. */
  planningChanges: [
    ['Onderzoek naar klachtenprocedures onderwijssector', 'Q2 2025'],
    ['Aanscherpen beroepscode zorg en welzijn', 'Q1-Q2 2024'],
    ['Project SAMEN', 'Q3 2022-Q1 2025'],
    // Earlier: the end moves back four quarters.
    ['Regionale bezoeken', '2024'],
  ] as [string, string][],
  /** Plannings only spelled otherwise (same ranges): `2023- 2025` → `2023-2025`, `2024` → `2024 ` … */
  planningSpelling: [['Publiekscommunicatie', '2023-2025']] as [string, string][],
  /** Owners changed (another set): title → 2025 Wie. */
  ownerChanges: [['Publieksmonitor', 'OCW en VWS']] as [string, string][],
  /** Owners written otherwise (the same set, another order). */
  ownerSpelling: [['Jaarlijkse conferentie NAP', 'VWS, OCW, SZW en JenV']] as [string, string][],
  /** An explanation extended by a sentence. */
  explanation: ['Publieksmonitor', ' In 2025 volgt de derde publieksmonitor.'] as [string, string],
  /** An explanation only re-spaced (two spaces after each full stop): no change. */
  explanationSpacing: 'Gendergelijkheid op de werkvloer',
  removed: 'Podcast alles op tafel',
  added: { after: 'Regionale bezoeken', line: 'Evaluatie van het NAP\tIn uitvoering\tQ4 2025\tOCW\tHet NAP wordt in 2025 geëvalueerd.' },
};

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The 2024 statuses as read from the PDF rendition (its truth file): title → legend label. */
export function statuses2024(): Map<string, string> {
  const truth = JSON.parse(readFileSync(`${root}fixtures/nap-2024/bijlage-1-rendition.expected-statuses.json`, 'utf8')) as { title: string; status: string }[];
  return new Map(truth.map((t) => [t.title, t.status]));
}

/** The 2025 text export (see the module doc), from the 2024 text export's content. */
export function edition2025Text(text2024: string = readFileSync(`${root}fixtures/nap-2024/bijlage-1.txt`, 'utf8')): string {
  const statuses = statuses2024();
  const status = new Map(statuses);
  for (const [title, label] of [...EDITS_2025.statusChanges, ...EDITS_2025.labelOnly]) status.set(title, label);
  const planning = new Map([...EDITS_2025.planningChanges, ...EDITS_2025.planningSpelling]);
  const owners = new Map([...EDITS_2025.ownerChanges, ...EDITS_2025.ownerSpelling]);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text2024.split('\n')) {
    const cells = line.split('\t');
    const title = cells[0]!;
    if (cells.length < 5 || !statuses.has(title)) {
      out.push(line);
      continue;
    }
    seen.add(title);
    if (title === EDITS_2025.removed) continue;
    cells[1] = status.get(title)!;
    if (planning.has(title)) cells[2] = planning.get(title)!;
    if (owners.has(title)) cells[3] = owners.get(title)!;
    if (title === EDITS_2025.explanation[0]) cells[4] = `${cells[4]!.replace(/\s+$/, '')}${EDITS_2025.explanation[1]}`;
    if (title === EDITS_2025.explanationSpacing) cells[4] = cells[4]!.replace(/\. (?=\S)/g, '.  ');
    out.push(cells.join('\t'));
    if (title === EDITS_2025.added.after) out.push(EDITS_2025.added.line);
  }
  if (seen.size !== statuses.size) throw new Error(`edition2025Text: ${statuses.size - seen.size} activity rows of the 2024 export not found`);
  return out.join('\n');
}
