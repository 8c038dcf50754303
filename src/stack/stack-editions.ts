/**
 * Several editions of the annex as one long dataset (pure): one row per activity per edition,
 * the transitions between consecutive editions, and per activity the first and last edition it
 * appears in. Activities are followed across editions with the diff's matching
 * (`matchActivities`: key, then normalised title, then title similarity), so an activity keeps
 * the key of its first edition (`stack key`) even when its title is corrected later.
 *
 * Edition order: by `source.edition.date` when every edition has one (ties keep the given
 * order), else the order given. What changed between two editions is the diff's own comparison
 * (`compareActivities`: status by code, planning by ranges, owners by canonical set, text by
 * words), so `stack` and `diff` of the same two editions never disagree: a `changed` transition
 * is exactly a matched activity the diff lists as changed. Planning shift: the end of the
 * planning (its last range) moved by this many quarters (`Q4 2024` → `Q2 2025` is +2), as the
 * diff measures it (`planningShift`); empty when either end is unknown.
 */
import { compareActivities, matchActivities, planningShift, type FieldChange } from '../diff/compare-annexes.js';
import { ownerCodes } from '../emit/tables.js';
import type { Activity, Annex } from '../schema/annex.js';

/** One edition given to `stackEditions`: its annex and a label (e.g. the file name). */
export interface EditionInput {
  label: string;
  annex: Annex;
}

/** An edition in the stack, numbered from 1 in edition order. */
export interface StackEdition {
  edition: number;
  label: string;
  date: string | null;
  kamerstuk: string | null;
  fileName: string;
  format: Annex['source']['format'];
  activities: number;
}

/** One activity in one edition. */
export interface StackRow {
  edition: number;
  editionDate: string | null;
  key: string;
  id: string;
  activityKey: string;
  actionLine: number;
  title: string;
  statusCode: string | null;
  planningText: string;
  planningStart: string | null;
  planningEnd: string | null;
  ownerCodes: string[];
}

/** What happened to an activity between two consecutive editions. */
export interface Transition {
  key: string;
  fromEdition: number;
  toEdition: number;
  kind: 'added' | 'removed' | 'changed';
  fromId: string | null;
  toId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  fromPlanning: string | null;
  toPlanning: string | null;
  /** Quarters the planning end moved (positive = later); null when not comparable. */
  planningShiftQuarters: number | null;
  titleChanged: boolean;
  /** The fields the diff finds changed (`status`, `planning`, `owners`, …); empty for added and removed. */
  changedFields: FieldChange['field'][];
}

/** Per stack key: where it first and last appears. */
export interface StackActivity {
  key: string;
  actionLine: number;
  title: string;
  firstEdition: number;
  lastEdition: number;
  editions: number;
}

/** The stacked dataset. */
export interface Stack {
  editions: StackEdition[];
  rows: StackRow[];
  transitions: Transition[];
  activities: StackActivity[];
}

/** Quarters between the planning ends of `a` and `b` (the diff's planningShift); null when either has no dated end. */
export function planningShiftQuarters(a: Activity, b: Activity): number | null {
  return planningShift(a.planning, b.planning)?.endQuarters ?? null;
}

/** An edition's annex and the stack key of each of its activities. */
interface KeyedEdition {
  annex: Annex;
  keys: Map<Activity, string>;
}

/** How the activities of an edition pair with those of the edition before it (matchActivities). */
type EditionMatch = ReturnType<typeof matchActivities>;

/** Stacks `inputs` (see the module doc); `minSimilarity` as for diff (default 0.8). */
export function stackEditions(inputs: readonly EditionInput[], minSimilarity = 0.8): Stack {
  const ordered = inEditionOrder(inputs);
  const editions: StackEdition[] = ordered.map((e, i) => ({
    edition: i + 1,
    label: e.label,
    date: e.annex.source.edition.date,
    kamerstuk: e.annex.source.edition.kamerstuk,
    fileName: e.annex.source.fileName,
    format: e.annex.source.format,
    activities: e.annex.activities.length,
  }));
  const rows: StackRow[] = [];
  const transitions: Transition[] = [];
  const activities = new Map<string, StackActivity>();
  let previous: KeyedEdition | null = null;
  for (const [index, { annex }] of ordered.entries()) {
    const edition = index + 1;
    const match = previous === null ? null : matchActivities(previous.annex, annex, minSimilarity);
    const keys = stackKeys(annex, edition, previous, match);
    if (previous !== null && match !== null) for (const t of transitionsBetween(previous, { annex, keys }, match, edition)) transitions.push(t);
    addEditionRows(annex, edition, keys, rows, activities);
    previous = { annex, keys };
  }
  return { editions, rows, transitions, activities: [...activities.values()] };
}

/** The inputs → in edition order: by date when every edition has one, else as given (a stable sort either way). */
function inEditionOrder(inputs: readonly EditionInput[]): EditionInput[] {
  const dated = inputs.every((e) => e.annex.source.edition.date !== null);
  return inputs
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => (dated ? a.annex.source.edition.date!.localeCompare(b.annex.source.edition.date!) : 0) || a.i - b.i);
}

/** An edition and how it pairs with the edition before (none for the first) → each activity's stack key: its partner's, else its own activity key; never two alike in one edition. */
function stackKeys(annex: Annex, edition: number, previous: KeyedEdition | null, match: EditionMatch | null): Map<Activity, string> {
  const keys = new Map<Activity, string>();
  const used = new Set<string>();
  const assign = (a: Activity, key: string): void => {
    let k = key;
    // Two activities of one edition never share a stack key (e.g. a new row that takes the title of a renamed one).
    for (let n = 2; used.has(k); n++) k = `${key}-e${edition}${n > 2 ? `-${n - 1}` : ''}`;
    used.add(k);
    keys.set(a, k);
  };
  if (previous === null || match === null) {
    for (const a of annex.activities) assign(a, a.key);
  } else {
    for (const p of match.pairs) assign(p.new, previous.keys.get(p.old)!);
    for (const b of match.unmatchedNew) assign(b, b.key);
  }
  return keys;
}

/** Two consecutive editions (`edition` the later) and how their activities pair → the transitions: changed pairs, then removed, then added activities. */
function transitionsBetween(prev: KeyedEdition, current: KeyedEdition, { pairs, unmatchedOld, unmatchedNew }: EditionMatch, edition: number): Transition[] {
  const transitions: Transition[] = [];
  const base = { fromEdition: edition - 1, toEdition: edition };
  const oldNotes = new Map(prev.annex.footnotes.map((f) => [f.number, f]));
  const newNotes = new Map(current.annex.footnotes.map((f) => [f.number, f]));
  for (const p of pairs) {
    const { changes } = compareActivities(p.old, p.new, oldNotes, newNotes);
    if (changes.length === 0) continue;
    const fromStatus = p.old.status?.code ?? null;
    const toStatus = p.new.status?.code ?? null;
    const shift = planningShiftQuarters(p.old, p.new);
    const titleChanged = changes.some((c) => c.field === 'title');
    transitions.push({
      key: current.keys.get(p.new)!,
      ...base,
      kind: 'changed',
      fromId: p.old.id,
      toId: p.new.id,
      fromStatus,
      toStatus,
      fromPlanning: p.old.planning.text,
      toPlanning: p.new.planning.text,
      planningShiftQuarters: shift,
      titleChanged,
      changedFields: changes.map((c) => c.field),
    });
  }
  for (const a of unmatchedOld) {
    transitions.push({ key: prev.keys.get(a)!, ...base, kind: 'removed', fromId: a.id, toId: null, fromStatus: a.status?.code ?? null, toStatus: null, fromPlanning: a.planning.text, toPlanning: null, planningShiftQuarters: null, titleChanged: false, changedFields: [] });
  }
  for (const b of unmatchedNew) {
    transitions.push({ key: current.keys.get(b)!, ...base, kind: 'added', fromId: null, toId: b.id, fromStatus: null, toStatus: b.status?.code ?? null, fromPlanning: null, toPlanning: b.planning.text, planningShiftQuarters: null, titleChanged: false, changedFields: [] });
  }
  return transitions;
}

/** An edition's activities and their stack keys → one row each added to `rows`, and each stack activity in `activities` created or brought up to this edition. */
function addEditionRows(annex: Annex, edition: number, keys: ReadonlyMap<Activity, string>, rows: StackRow[], activities: Map<string, StackActivity>): void {
  for (const a of annex.activities) {
    const key = keys.get(a)!;
    rows.push({
      edition,
      editionDate: annex.source.edition.date,
      key,
      id: a.id,
      activityKey: a.key,
      actionLine: a.actionLine,
      title: a.title,
      statusCode: a.status?.code ?? null,
      planningText: a.planning.text,
      planningStart: a.planning.ranges[0]?.start ?? null,
      planningEnd: a.planning.ranges.at(-1)?.end ?? null,
      ownerCodes: ownerCodes(a),
    });
    const seen = activities.get(key);
    if (seen) Object.assign(seen, { actionLine: a.actionLine, title: a.title, lastEdition: edition, editions: seen.editions + 1 });
    else activities.set(key, { key, actionLine: a.actionLine, title: a.title, firstEdition: edition, lastEdition: edition, editions: 1 });
  }
}
