/**
 * What changed between two annexes (e.g. the 2024 and 2025 progress annexes): activities added,
 * removed, and, for activities present in both, changes of title, action line, status, planning,
 * owners, explanation and footnotes. Pure: two validated annexes in, one diff out.
 *
 * Matching (`matchActivities`, also used by `stack`): an activity of the new annex is the same
 * activity as one of the old annex when their stable `key`s are equal (same action line, same
 * normalised title; docs/activity-keys.md); then when their titles are equal after normalisation
 * (case, white space, punctuation; this pairs an activity that moved to another action line);
 * the rest are paired by
 * title similarity (1 − Levenshtein distance / longer length) of at least `minSimilarity`
 * (default 0.8), best pairs first, so that a corrected typo (`Invzetten` → `Inzetten`) is a
 * title change, not a removal plus an addition.
 */
import { diffWords } from 'diff';
import { distance } from 'fastest-levenshtein';
import type { Activity, Annex } from '../schema/annex.js';

/** One changed field of a matched activity: old and new value as display text. */
export interface FieldChange {
  field: 'title' | 'actionLine' | 'status' | 'planning' | 'owners' | 'explanation' | 'footnotes';
  old: string;
  new: string;
  /** For `explanation`: number of words removed and added (word diff). */
  wordsRemoved?: number;
  wordsAdded?: number;
}

/** An activity present in both annexes. */
export interface MatchedActivity {
  oldId: string;
  newId: string;
  /** The activity's key in the new annex (and in the old one, unless `oldKey` says otherwise). */
  key: string;
  /** Set when the key changed (title or action line changed). */
  oldKey?: string;
  /** How the pair was found: equal key, equal normalised title, or title similarity. */
  matchedBy: MatchKind;
  title: string;
  /** 1 for an exact (normalised) title match; the similarity for a fuzzy match. */
  similarity: number;
  changes: FieldChange[];
}

/** The diff of two annexes. */
export interface AnnexDiff {
  old: { fileName: string; activityCount: number };
  new: { fileName: string; activityCount: number };
  added: { id: string; key: string; actionLine: number; title: string; status: string | null }[];
  removed: { id: string; key: string; actionLine: number; title: string; status: string | null }[];
  matched: MatchedActivity[];
  /** Matched activities with at least one change. */
  changedCount: number;
  /** Matched activities whose positional id changed (a row above them was added or removed), in new order. */
  renumbered: { key: string; oldId: string; newId: string; title: string }[];
}

/** How two activities were paired. */
export type MatchKind = 'key' | 'title' | 'similarity';

/** One pair of the same activity in two annexes. */
export interface ActivityPair {
  old: Activity;
  new: Activity;
  /** 1 for a key or exact title match; the similarity for a fuzzy match. */
  similarity: number;
  matchedBy: MatchKind;
}

/** Title key for exact matching: lower case, letters and digits only, single spaces. */
export function titleKey(title: string): string {
  return title.toLocaleLowerCase('nl').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** 1 − Levenshtein distance / length of the longer key; 1 for equal keys. */
export function titleSimilarity(a: string, b: string): number {
  const x = titleKey(a);
  const y = titleKey(b);
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - distance(x, y) / longest;
}

/**
 * Pairs the activities of `before` and `after` (see the module doc): by key, then by normalised
 * title, then by title similarity ≥ `minSimilarity`. Returns the pairs in the order of `after`
 * and the activities left unpaired on each side, each in document order.
 */
export function matchActivities(
  before: Annex,
  after: Annex,
  minSimilarity = 0.8,
): { pairs: ActivityPair[]; unmatchedOld: Activity[]; unmatchedNew: Activity[] } {
  const pairs: ActivityPair[] = [];
  const unmatchedOld = new Set(before.activities);
  const unmatchedNew = new Set(after.activities);
  const pair = (a: Activity, b: Activity, similarity: number, matchedBy: MatchKind): void => {
    pairs.push({ old: a, new: b, similarity, matchedBy });
    unmatchedOld.delete(a);
    unmatchedNew.delete(b);
  };

  const oldByActivityKey = new Map(before.activities.map((a) => [a.key, a]));
  for (const b of after.activities) {
    const a = oldByActivityKey.get(b.key);
    if (a) pair(a, b, 1, 'key');
  }
  const oldByKey = new Map<string, Activity[]>();
  for (const a of unmatchedOld) oldByKey.set(titleKey(a.title), [...(oldByKey.get(titleKey(a.title)) ?? []), a]);
  for (const b of [...unmatchedNew]) {
    const candidates = oldByKey.get(titleKey(b.title))?.filter((a) => unmatchedOld.has(a)) ?? [];
    const a = candidates.find((c) => c.actionLine === b.actionLine) ?? candidates[0];
    if (a) pair(a, b, 1, 'title');
  }
  const fuzzy: [Activity, Activity, number][] = [];
  for (const a of unmatchedOld) {
    for (const b of unmatchedNew) {
      const s = titleSimilarity(a.title, b.title);
      if (s >= minSimilarity) fuzzy.push([a, b, s]);
    }
  }
  fuzzy.sort((x, y) => y[2] - x[2]);
  for (const [a, b, s] of fuzzy) {
    if (!unmatchedOld.has(a) || !unmatchedNew.has(b)) continue;
    pair(a, b, s, 'similarity');
  }
  const order = new Map(after.activities.map((b, i) => [b, i]));
  pairs.sort((x, y) => order.get(x.new)! - order.get(y.new)!);
  return {
    pairs,
    unmatchedOld: before.activities.filter((a) => unmatchedOld.has(a)),
    unmatchedNew: after.activities.filter((b) => unmatchedNew.has(b)),
  };
}

/** Compares `before` with `after`; see the module doc for the matching rule. */
export function compareAnnexes(before: Annex, after: Annex, options: { minSimilarity?: number } = {}): AnnexDiff {
  const { pairs, unmatchedOld, unmatchedNew } = matchActivities(before, after, options.minSimilarity ?? 0.8);
  const matched = pairs.map(({ old: a, new: b, similarity, matchedBy }): MatchedActivity => ({
    oldId: a.id,
    newId: b.id,
    key: b.key,
    ...(a.key !== b.key ? { oldKey: a.key } : {}),
    matchedBy,
    title: b.title,
    similarity: Math.round(similarity * 1000) / 1000,
    changes: fieldChanges(a, b),
  }));
  const brief = (x: Activity) => ({ id: x.id, key: x.key, actionLine: x.actionLine, title: x.title, status: x.status?.label ?? null });
  return {
    old: { fileName: before.source.fileName, activityCount: before.activities.length },
    new: { fileName: after.source.fileName, activityCount: after.activities.length },
    added: unmatchedNew.map(brief),
    removed: unmatchedOld.map(brief),
    matched,
    changedCount: matched.filter((m) => m.changes.length > 0).length,
    renumbered: matched.filter((m) => m.oldId !== m.newId).map((m) => ({ key: m.key, oldId: m.oldId, newId: m.newId, title: m.title })),
  };
}

function fieldChanges(a: Activity, b: Activity): FieldChange[] {
  const changes: FieldChange[] = [];
  const push = (field: FieldChange['field'], x: string, y: string): void => {
    if (x !== y) changes.push({ field, old: x, new: y });
  };
  push('title', a.title, b.title);
  push('actionLine', String(a.actionLine), String(b.actionLine));
  // A status that one side does not carry (text export) is not a change of status.
  if (a.status !== null && b.status !== null) push('status', a.status.label, b.status.label);
  push('planning', a.planning.text, b.planning.text);
  push('owners', ownerList(a), ownerList(b));
  push('footnotes', footnoteCount(a), footnoteCount(b));
  if (a.explanation.text !== b.explanation.text) {
    const parts = diffWords(a.explanation.text, b.explanation.text);
    const count = (added: boolean) =>
      parts.filter((p) => (added ? p.added : p.removed)).reduce((n, p) => n + (p.value.match(/\S+/g)?.length ?? 0), 0);
    changes.push({ field: 'explanation', old: a.explanation.text, new: b.explanation.text, wordsRemoved: count(false), wordsAdded: count(true) });
  }
  return changes;
}

function ownerList(a: Activity): string {
  return a.owners.actors.length > 0 ? a.owners.actors.map((x) => x.canonical).join(', ') : a.owners.text;
}

function footnoteCount(a: Activity): string {
  return `${a.footnotes.length} footnote${a.footnotes.length === 1 ? '' : 's'}`;
}
