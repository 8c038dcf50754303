/**
 * A later edition of the 2024 annex for comparison tests, made from the annex.json of the 2024 PDF
 * rendition (which carries statuses): statuses, plannings, owners and an explanation changed, one
 * row removed (later rows renumbered, as a new edition would print them), one added, one title
 * corrected. Plannings and owners are re-parsed by the project's own normalisers, so the edited
 * copy is what extracting such an annex would give.
 */
import { baseActivityKey } from '../../src/normalise/activity-key.js';
import { parseOwners } from '../../src/normalise/owners.js';
import { parsePlanning } from '../../src/normalise/planning.js';
import type { Activity, Annex, Status, StatusCode } from '../../src/schema/annex.js';

/** What the edit does, for the assertions. */
export const EDITS = {
  statuses: [
    ['AL1-02', 'completed'],
    ['AL1-05', 'completed'],
    ['AL1-08', 'completed'],
    ['AL3-02', 'in_progress'],
    ['AL1-03', 'delayed'],
  ] as [string, StatusCode][],
  plannings: [
    ['AL1-19', 'Q1-Q2 2024'],
    ['AL3-27', '2024-2025'],
    ['AL1-09', 'Q3 2022-Q1 2025'],
  ] as [string, string][],
  owners: [['AL1-04', 'OCW en VWS']] as [string, string][],
  explanation: ['AL1-04', ' In 2025 volgt de derde publieksmonitor.'] as [string, string],
  removed: 'AL1-06',
  renamed: ['AL3-08', 'Inzetten op veilige sport'] as [string, string],
  added: { actionLine: 5, title: 'Evaluatie van het NAP', planning: 'Q4 2025', owners: 'OCW', status: 'in_progress' as StatusCode },
};

/** The edited copy of `annex` (the 2024 PDF rendition's annex.json); `annex` is not changed. */
export function editedAnnex(annex: Annex): Annex {
  const copy = structuredClone(annex);
  copy.source = { ...copy.source, fileName: 'bijlage-1-2025-bewerkt.json' };
  const statusOf = new Map<StatusCode, Status>();
  for (const a of copy.activities) if (a.status && !statusOf.has(a.status.code)) statusOf.set(a.status.code, a.status);
  const byId = new Map(copy.activities.map((a) => [a.id, a]));
  const get = (id: string): Activity => byId.get(id)!;
  for (const [id, code] of EDITS.statuses) get(id).status = { ...statusOf.get(code)! };
  for (const [id, text] of EDITS.plannings) get(id).planning = parsePlanning(text).value;
  const context = { knownWords: new Set<string>() };
  for (const [id, text] of EDITS.owners) get(id).owners = parseOwners(text, context).value;
  const [explained, sentence] = EDITS.explanation;
  const e = get(explained).explanation;
  e.text += sentence;
  const last = e.blocks[e.blocks.length - 1]!;
  if (last.type === 'paragraph') last.text += sentence;
  get(EDITS.renamed[0]).title = EDITS.renamed[1];
  // Extract derives the key from the title as printed: a corrected title is a new key, paired by similarity.
  get(EDITS.renamed[0]).key = baseActivityKey(get(EDITS.renamed[0]).actionLine, EDITS.renamed[1]);
  const template = copy.activities.find((a) => a.actionLine === EDITS.added.actionLine)!;
  const added: Activity = {
    ...structuredClone(template),
    // A new activity has a key of its own (not the template's), as extract would give it.
    key: baseActivityKey(EDITS.added.actionLine, EDITS.added.title),
    title: EDITS.added.title,
    status: { ...statusOf.get(EDITS.added.status)! },
    planning: parsePlanning(EDITS.added.planning).value,
    owners: parseOwners(EDITS.added.owners, context).value,
    explanation: { text: 'Het NAP wordt in 2025 geëvalueerd.', blocks: [{ type: 'paragraph', text: 'Het NAP wordt in 2025 geëvalueerd.' }] },
    footnotes: [],
  };
  copy.activities = [...copy.activities.filter((a) => a.id !== EDITS.removed), added];
  // Renumber within each action line, as a new edition prints them.
  for (const line of copy.actionLines) {
    const rows = copy.activities.filter((a) => a.actionLine === line.number);
    rows.forEach((a, i) => {
      a.sequence = i + 1;
      a.id = `AL${line.number}-${String(i + 1).padStart(2, '0')}`;
    });
    line.activityCount = rows.length;
  }
  copy.activities.sort((a, b) => a.actionLine - b.actionLine || a.sequence - b.sequence);
  return copy;
}
