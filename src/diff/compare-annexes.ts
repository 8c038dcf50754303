/**
 * What changed between two annexes (e.g. the 2024 and 2025 progress annexes): activities added,
 * removed, and, for activities present in both, changes of title, action line, status, planning,
 * owners, explanation and footnotes. Pure: two validated annexes in, one diff out.
 *
 * Matching: an activity of the new annex is the same activity as one of the old annex when their
 * titles are equal after normalisation (case, white space, punctuation); the rest are paired by
 * title similarity (1 − Levenshtein distance / longer length) of at least `minSimilarity`
 * (default 0.8), best pairs first, so that a corrected typo (`Invzetten` → `Inzetten`) is a
 * title change, not a removal plus an addition. Fuzzy pairs are sought within the same action
 * line only, among the nearest FUZZY_CANDIDATES activities (see compareAnnexes).
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
  title: string;
  /** 1 for an exact (normalised) title match; the similarity for a fuzzy match. */
  similarity: number;
  changes: FieldChange[];
}

/** The diff of two annexes. */
export interface AnnexDiff {
  old: { fileName: string; activityCount: number };
  new: { fileName: string; activityCount: number };
  added: { id: string; actionLine: number; title: string; status: string | null }[];
  removed: { id: string; actionLine: number; title: string; status: string | null }[];
  matched: MatchedActivity[];
  /** Matched activities with at least one change. */
  changedCount: number;
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
 * Fuzzy pairing compares each unmatched old activity with at most this many unmatched new ones:
 * those of the same action line nearest to it in sequence.
 */
export const FUZZY_CANDIDATES = 16;

/** Titles are compared on at most this many characters of their keys (Levenshtein is quadratic in length). */
export const MAX_COMPARED_TITLE = 500;

/**
 * Compares `before` with `after`; see the module doc for the matching rule. Bounded work: exact
 * matches come from an index of normalised titles (linear); only the activities left over are
 * paired by similarity, each with at most FUZZY_CANDIDATES of the same action line, nearest in
 * sequence, on at most MAX_COMPARED_TITLE characters — O(n · FUZZY_CANDIDATES) comparisons
 * instead of all pairs.
 */
export function compareAnnexes(before: Annex, after: Annex, options: { minSimilarity?: number } = {}): AnnexDiff {
  const minSimilarity = options.minSimilarity ?? 0.8;
  const pairs: [Activity, Activity, number][] = [];
  const unmatchedOld = new Set(before.activities);
  const unmatchedNew = new Set(after.activities);

  // Exact matches: the same key in the same action line first, then the same key anywhere.
  const byKeyAndLine = new Map<string, Activity[]>();
  const byKey = new Map<string, Activity[]>();
  const keyOf = new Map<Activity, string>();
  for (const a of before.activities) {
    const key = titleKey(a.title);
    keyOf.set(a, key);
    listIn(byKeyAndLine, `${a.actionLine}\u0000${key}`).push(a);
    listIn(byKey, key).push(a);
  }
  const heads = new Map<Activity[], number>();
  const take = (list: Activity[] | undefined): Activity | undefined => {
    if (!list) return undefined;
    let i = heads.get(list) ?? 0;
    while (i < list.length && !unmatchedOld.has(list[i]!)) i++;
    heads.set(list, i);
    return list[i];
  };
  const newKeyOf = new Map<Activity, string>();
  for (const b of after.activities) {
    const key = titleKey(b.title);
    newKeyOf.set(b, key);
    const a = take(byKeyAndLine.get(`${b.actionLine}\u0000${key}`)) ?? take(byKey.get(key));
    if (a) {
      pairs.push([a, b, 1]);
      unmatchedOld.delete(a);
      unmatchedNew.delete(b);
    }
  }

  // Fuzzy matches among the leftovers, per action line, with a bounded candidate set.
  const newByLine = new Map<number, Activity[]>();
  for (const b of unmatchedNew) listIn(newByLine, b.actionLine).push(b);
  const fuzzy: [Activity, Activity, number][] = [];
  for (const a of unmatchedOld) {
    const line = newByLine.get(a.actionLine);
    if (!line) continue;
    // `line` is in sequence order: the candidates nearest to a.sequence.
    let lo = 0;
    let hi = line.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (line[mid]!.sequence < a.sequence) lo = mid + 1;
      else hi = mid;
    }
    const from = Math.max(0, lo - FUZZY_CANDIDATES / 2);
    for (const b of line.slice(from, from + FUZZY_CANDIDATES)) {
      const s = boundedSimilarity(keyOf.get(a)!, newKeyOf.get(b)!, minSimilarity);
      if (s >= minSimilarity) fuzzy.push([a, b, s]);
    }
  }
  fuzzy.sort((x, y) => y[2] - x[2]);
  for (const [a, b, s] of fuzzy) {
    if (!unmatchedOld.has(a) || !unmatchedNew.has(b)) continue;
    pairs.push([a, b, s]);
    unmatchedOld.delete(a);
    unmatchedNew.delete(b);
  }
  const order = new Map(after.activities.map((b, i) => [b, i]));
  pairs.sort((x, y) => order.get(x[1])! - order.get(y[1])!);

  const matched = pairs.map(([a, b, similarity]): MatchedActivity => ({
    oldId: a.id,
    newId: b.id,
    title: b.title,
    similarity: Math.round(similarity * 1000) / 1000,
    changes: fieldChanges(a, b),
  }));
  const brief = (x: Activity) => ({ id: x.id, actionLine: x.actionLine, title: x.title, status: x.status?.label ?? null });
  return {
    old: { fileName: before.source.fileName, activityCount: before.activities.length },
    new: { fileName: after.source.fileName, activityCount: after.activities.length },
    added: after.activities.filter((b) => unmatchedNew.has(b)).map(brief),
    removed: before.activities.filter((a) => unmatchedOld.has(a)).map(brief),
    matched,
    changedCount: matched.filter((m) => m.changes.length > 0).length,
  };
}

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/**
 * Similarity of two title keys as titleSimilarity, on at most MAX_COMPARED_TITLE characters, and
 * 0 without computing when the lengths alone rule out `min` (the distance is at least the length difference).
 */
function boundedSimilarity(x: string, y: string, min: number): number {
  const a = x.slice(0, MAX_COMPARED_TITLE);
  const b = y.slice(0, MAX_COMPARED_TITLE);
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  if (1 - Math.abs(a.length - b.length) / longest < min) return 0;
  return 1 - distance(a, b) / longest;
}

/** Above this many characters (both explanations together) words are counted, not diffed. */
export const MAX_WORD_DIFF_CHARS = 20_000;

/**
 * Words removed and added between two explanations: from a word diff (jsdiff's diffWords) for
 * explanations up to MAX_WORD_DIFF_CHARS together; above that, from the difference of the two
 * word multisets (linear; the same counts unless words moved).
 */
export function wordChanges(a: string, b: string): { wordsRemoved: number; wordsAdded: number } {
  if (a.length + b.length <= MAX_WORD_DIFF_CHARS) {
    const parts = diffWords(a, b);
    const count = (added: boolean) =>
      parts.filter((p) => (added ? p.added : p.removed)).reduce((n, p) => n + (p.value.match(/\S+/g)?.length ?? 0), 0);
    return { wordsRemoved: count(false), wordsAdded: count(true) };
  }
  const counts = new Map<string, number>();
  for (const w of a.match(/\S+/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  let wordsAdded = 0;
  for (const w of b.match(/\S+/g) ?? []) {
    const n = counts.get(w) ?? 0;
    if (n > 0) counts.set(w, n - 1);
    else wordsAdded++;
  }
  let wordsRemoved = 0;
  for (const n of counts.values()) wordsRemoved += n;
  return { wordsRemoved, wordsAdded };
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
    changes.push({ field: 'explanation', old: a.explanation.text, new: b.explanation.text, ...wordChanges(a.explanation.text, b.explanation.text) });
  }
  return changes;
}

function ownerList(a: Activity): string {
  return a.owners.actors.length > 0 ? a.owners.actors.map((x) => x.canonical).join(', ') : a.owners.text;
}

function footnoteCount(a: Activity): string {
  return `${a.footnotes.length} footnote${a.footnotes.length === 1 ? '' : 's'}`;
}
