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
 *
 * Fields are compared by meaning (`compareActivities`), never by their printed text alone:
 * - status by its code: `Afgerond` → `afgerond` or `In uitvoering met vertraging` → `Vertraagd`
 *   is no change, but a note (`notes`, kind `label`);
 * - planning by its normalised ranges (start, end, open end) and kind: `2023- 2025` →
 *   `2023-2025` is a note (kind `text`), not a shift of ±0 quarters;
 * - owners by the set of their canonical names (order and spelling are notes);
 * - title and explanation by their words: white space (spaces, line and paragraph breaks) is
 *   never a change;
 * - footnotes by the texts of the footnotes cited (a renumbered footnote is no change).
 * So a status change is exactly an off-diagonal cell of the status-transition matrix.
 *
 * On top of the field changes: the transition matrix over all matched activities that carry a
 * status on both sides, the planning shift in quarters (start and end), the owners added and
 * removed, and a word-level diff of a changed explanation (capped, see EXPLANATION_MAX_EDITS).
 * `nap-annex report --compare` draws exactly this result and `stack` builds its transitions from
 * the same `compareActivities`: none of them compares on its own. Values are given as printed
 * (labels, planning text, owner names, counts as digits); words such as "footnotes" are the
 * caller's, in its language.
 * Fuzzy pairs are sought within the same action line only, among the nearest FUZZY_CANDIDATES
 * activities (bounded work, see matchActivities).
 */
import { diffWords } from 'diff';
import { distance } from 'fastest-levenshtein';
import { foldText } from '../model/plain-text.js';
import { STATUS_LEGEND, labelKey } from '../model/vocabulary.js';
import { statusCodeSchema, type Activity, type Annex, type Footnote, type Planning, type StatusCode } from '../schema/annex.js';

/**
 * A word diff of two explanations gives up above this many edits (words inserted plus removed)
 * and reports only the word counts: the diff costs O((n + m) · edits), so this keeps very long or
 * wholly rewritten texts linear in their length.
 */
export const EXPLANATION_MAX_EDITS = 400;

/** Planning shift in quarters between old and new (`+2` = two quarters later); null where an end is not dated. */
export interface PlanningShift {
  /** Start of the first range, new minus old, in quarters. */
  startQuarters: number | null;
  /** End of the last range, new minus old, in quarters; null when either side is open-ended. */
  endQuarters: number | null;
}

/** One piece of a word diff: text common to both, or only in old (`removed`) or new (`added`). */
export interface WordDiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** How many matched activities went from one status to another (from = to: unchanged). */
export interface StatusTransition {
  from: { code: StatusCode; label: string };
  to: { code: StatusCode; label: string };
  count: number;
}

/** One changed field of a matched activity: old and new value as printed (counts as digits). */
export interface FieldChange {
  field: 'title' | 'actionLine' | 'status' | 'planning' | 'owners' | 'explanation' | 'footnotes';
  old: string;
  new: string;
  /** For `status`: the codes (they differ; a changed label alone is a note, not a change). */
  oldCode?: StatusCode;
  newCode?: StatusCode;
  /** For `explanation`: number of words removed and added (word diff). */
  wordsRemoved?: number;
  wordsAdded?: number;
  /** For `explanation`: the word diff; absent when it needed more than EXPLANATION_MAX_EDITS edits (then the counts are whole texts). */
  words?: WordDiffPart[];
  /** For `planning`: the shift in quarters, when both plannings have dated ranges. */
  shift?: PlanningShift;
  /** For `owners`: owners (canonical) only in the new or only in the old annex. */
  ownersAdded?: string[];
  ownersRemoved?: string[];
}

/**
 * What differs in print but not in meaning: a status label for the same code (`label`), a
 * planning written otherwise for the same ranges or an owner list written otherwise for the same
 * owners (`text`). Never counted as a change.
 */
export interface ChangeNote {
  field: 'status' | 'planning' | 'owners';
  kind: 'label' | 'text';
  old: string;
  new: string;
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
  /** Differences in print only (see ChangeNote). */
  notes: ChangeNote[];
}

/** The diff of two annexes. */
export interface AnnexDiff {
  old: { fileName: string; activityCount: number };
  new: { fileName: string; activityCount: number };
  /** Activities only in the new annex; `status` the label as printed, `statusCode` its code. */
  added: { id: string; key: string; actionLine: number; title: string; status: string | null; statusCode: StatusCode | null }[];
  /** Activities only in the old annex. */
  removed: { id: string; key: string; actionLine: number; title: string; status: string | null; statusCode: StatusCode | null }[];
  matched: MatchedActivity[];
  /** Matched activities with at least one change. */
  changedCount: number;
  /** Matched activities with a note and no change. */
  notedCount: number;
  /**
   * Status transitions of the matched activities that carry a status in both annexes, in legend
   * order of `from` then `to`; unchanged statuses are the diagonal (from = to). Empty when an input
   * carries no statuses (text export).
   */
  statusTransitions: StatusTransition[];
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
  return labelKey(title);
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
 * Pairs the activities of `before` and `after` (see the module doc): by key, then by normalised
 * title (an index: linear), then by title similarity ≥ `minSimilarity` among at most
 * FUZZY_CANDIDATES of the same action line, nearest in sequence, on at most MAX_COMPARED_TITLE
 * characters — O(n · FUZZY_CANDIDATES) comparisons instead of all pairs. Returns the pairs in the
 * order of `after` and the activities left unpaired on each side, each in document order.
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
  // Exact titles: the same title key in the same action line first, then anywhere.
  const byKeyAndActionLine = new Map<string, Activity[]>();
  const byKey = new Map<string, Activity[]>();
  const keyOf = new Map<Activity, string>();
  for (const a of before.activities) {
    const key = titleKey(a.title);
    keyOf.set(a, key);
    if (!unmatchedOld.has(a)) continue;
    listIn(byKeyAndActionLine, `${a.actionLine}\u0000${key}`).push(a);
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
    if (!unmatchedNew.has(b)) continue;
    const a = take(byKeyAndActionLine.get(`${b.actionLine}\u0000${key}`)) ?? take(byKey.get(key));
    if (a) pair(a, b, 1, 'title');
  }

  // Fuzzy matches among the leftovers, per action line, with a bounded candidate set.
  for (const [a, b, s] of similarPairs(unmatchedOld, unmatchedNew, keyOf, newKeyOf, minSimilarity)) {
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

/**
 * The activities still unpaired on each side (old in document order) and their title keys → the
 * pairs of the same action line, among the FUZZY_CANDIDATES new ones nearest in sequence, whose
 * titles are at least `minSimilarity` alike, most alike first.
 */
function similarPairs(
  unmatchedOld: ReadonlySet<Activity>,
  unmatchedNew: ReadonlySet<Activity>,
  keyOf: ReadonlyMap<Activity, string>,
  newKeyOf: ReadonlyMap<Activity, string>,
  minSimilarity: number,
): [Activity, Activity, number][] {
  const newByActionLine = new Map<number, Activity[]>();
  for (const b of unmatchedNew) listIn(newByActionLine, b.actionLine).push(b);
  const fuzzy: [Activity, Activity, number][] = [];
  for (const a of unmatchedOld) {
    const sameActionLine = newByActionLine.get(a.actionLine);
    if (!sameActionLine) continue;
    // `sameActionLine` is in sequence order: the candidates nearest to a.sequence.
    let lo = 0;
    let hi = sameActionLine.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sameActionLine[mid]!.sequence < a.sequence) lo = mid + 1;
      else hi = mid;
    }
    const from = Math.max(0, lo - FUZZY_CANDIDATES / 2);
    for (const b of sameActionLine.slice(from, from + FUZZY_CANDIDATES)) {
      const s = boundedSimilarity(keyOf.get(a)!, newKeyOf.get(b)!, minSimilarity);
      if (s >= minSimilarity) fuzzy.push([a, b, s]);
    }
  }
  return fuzzy.sort((x, y) => y[2] - x[2]);
}

/** Compares `before` with `after`; see the module doc for the matching rule. */
export function compareAnnexes(before: Annex, after: Annex, options: { minSimilarity?: number } = {}): AnnexDiff {
  const { pairs, unmatchedOld, unmatchedNew } = matchActivities(before, after, options.minSimilarity ?? 0.8);
  const oldNotes = new Map(before.footnotes.map((f) => [f.number, f]));
  const newNotes = new Map(after.footnotes.map((f) => [f.number, f]));
  const matched = pairs.map(({ old: a, new: b, similarity, matchedBy }): MatchedActivity => {
    const { changes, notes } = compareActivities(a, b, oldNotes, newNotes);
    return {
      oldId: a.id,
      newId: b.id,
      key: b.key,
      ...(a.key !== b.key ? { oldKey: a.key } : {}),
      matchedBy,
      title: b.title,
      similarity: Math.round(similarity * 1000) / 1000,
      changes,
      notes,
    };
  });
  const brief = (x: Activity) => ({ id: x.id, key: x.key, actionLine: x.actionLine, title: x.title, status: x.status?.label ?? null, statusCode: x.status?.code ?? null });
  return {
    old: { fileName: before.source.fileName, activityCount: before.activities.length },
    new: { fileName: after.source.fileName, activityCount: after.activities.length },
    added: unmatchedNew.map(brief),
    removed: unmatchedOld.map(brief),
    matched,
    changedCount: matched.filter((m) => m.changes.length > 0).length,
    notedCount: matched.filter((m) => m.changes.length === 0 && m.notes.length > 0).length,
    statusTransitions: statusTransitions(pairs.map((p) => [p.old, p.new])),
    renumbered: matched.filter((m) => m.oldId !== m.newId).map((m) => ({ key: m.key, oldId: m.oldId, newId: m.newId, title: m.title })),
  };
}

const STATUS_ORDER: readonly StatusCode[] = statusCodeSchema.options;
const LEGEND_LABEL = new Map(STATUS_LEGEND.map((e) => [e.code, e.label]));

function statusTransitions(pairs: [Activity, Activity][]): StatusTransition[] {
  const counts = new Map<string, StatusTransition>();
  for (const [a, b] of pairs) {
    if (a.status === null || b.status === null) continue;
    const key = `${a.status.code}>${b.status.code}`;
    // The legend's label of each code: the matrix counts codes, whatever label an edition printed.
    const t = counts.get(key) ?? { from: { code: a.status.code, label: LEGEND_LABEL.get(a.status.code)! }, to: { code: b.status.code, label: LEGEND_LABEL.get(b.status.code)! }, count: 0 };
    t.count++;
    counts.set(key, t);
  }
  const rank = (t: StatusTransition): number => STATUS_ORDER.indexOf(t.from.code) * 10 + STATUS_ORDER.indexOf(t.to.code);
  return [...counts.values()].sort((x, y) => rank(x) - rank(y));
}

/** Quarter number of an ISO date (year · 4 + quarter − 1). */
function quarterIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 4 + Math.floor((Number(iso.slice(5, 7)) - 1) / 3);
}

/**
 * The shift of a planning in quarters: start of the first range and end of the last range, new
 * minus old. Undefined unless both are dated; an end is null when either side is open-ended or has
 * no start (`t/m 2025`).
 */
export function planningShift(before: Planning, after: Planning): PlanningShift | undefined {
  if (before.kind !== 'dated' || after.kind !== 'dated' || before.ranges.length === 0 || after.ranges.length === 0) return undefined;
  const edge = (p: Planning, side: 'start' | 'end'): number | null => {
    const r = side === 'start' ? p.ranges[0]! : p.ranges[p.ranges.length - 1]!;
    const date = side === 'start' ? r.start : r.openEnded ? null : r.end;
    return date === null ? null : quarterIndex(date);
  };
  const delta = (side: 'start' | 'end'): number | null => {
    const x = edge(before, side);
    const y = edge(after, side);
    return x === null || y === null ? null : y - x;
  };
  return { startQuarters: delta('start'), endQuarters: delta('end') };
}

/** Word diff of two explanations, or undefined when it needs more than EXPLANATION_MAX_EDITS edits. */
function explanationWordDiff(before: string, after: string): WordDiffPart[] | undefined {
  const parts = diffWords(before, after, { maxEditLength: EXPLANATION_MAX_EDITS });
  return parts?.map((p) => ({ op: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value }));
}

function wordCount(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
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

/** The words of a text: white space never counts (spaces, line breaks, paragraph breaks). */
export function words(text: string): string[] {
  return text.match(/\S+/g) ?? [];
}

function sameWords(x: string, y: string): boolean {
  const a = words(x);
  const b = words(y);
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** The meaning of a planning: its kind and ranges (dates and open ends), or for an undated one its words (case ignored). */
function planningMeaning(p: Planning): string {
  if (p.kind === 'dated') return JSON.stringify(['dated', p.ranges.map((r) => [r.start, r.end, r.openEnded])]);
  return JSON.stringify([p.kind, words(foldText(p.text))]);
}

/** The owners as a set of canonical names (sorted), or the words of the text when no owner was recognised. */
function ownerSet(a: Activity): string[] {
  if (a.owners.actors.length === 0) return words(a.owners.text);
  return [...new Set(a.owners.actors.map((x) => x.canonical))].sort();
}

/** The cited footnotes' texts, by words, as a sorted list: renumbering is no change. */
function citedTexts(a: Activity, footnotes: ReadonlyMap<number, Footnote>): string[] {
  return a.footnotes.map((n) => words(footnotes.get(n)?.plainText ?? `#${n}`).join(' ')).sort();
}

/**
 * The changes and notes between two editions of one activity (see the module doc for each
 * field's rule): the one comparison that `diff`, `report --compare` and `stack` use. `oldNotes`
 * and `newNotes` are the footnotes of each annex by number (for comparing cited footnotes by text).
 */
export function compareActivities(
  a: Activity,
  b: Activity,
  oldNotes: ReadonlyMap<number, Footnote> = new Map(),
  newNotes: ReadonlyMap<number, Footnote> = new Map(),
): { changes: FieldChange[]; notes: ChangeNote[] } {
  const changes: FieldChange[] = [];
  const notes: ChangeNote[] = [];
  if (!sameWords(a.title, b.title)) changes.push({ field: 'title', old: a.title, new: b.title });
  if (a.actionLine !== b.actionLine) changes.push({ field: 'actionLine', old: String(a.actionLine), new: String(b.actionLine) });
  // A status that one side does not carry (text export) is not a change of status.
  if (a.status !== null && b.status !== null) {
    if (a.status.code !== b.status.code) changes.push({ field: 'status', old: a.status.label, new: b.status.label, oldCode: a.status.code, newCode: b.status.code });
    else if (a.status.label !== b.status.label) notes.push({ field: 'status', kind: 'label', old: a.status.label, new: b.status.label });
  }
  if (planningMeaning(a.planning) !== planningMeaning(b.planning)) {
    const shift = planningShift(a.planning, b.planning);
    changes.push({ field: 'planning', old: a.planning.text, new: b.planning.text, ...(shift ? { shift } : {}) });
  } else if (a.planning.text !== b.planning.text && !sameWords(a.planning.text, b.planning.text)) {
    notes.push({ field: 'planning', kind: 'text', old: a.planning.text, new: b.planning.text });
  }
  const x = ownerSet(a);
  const y = ownerSet(b);
  if (x.join('\u0000') !== y.join('\u0000')) {
    const had = new Set(x);
    const has = new Set(y);
    changes.push({ field: 'owners', old: ownerList(a), new: ownerList(b), ownersAdded: y.filter((o) => !had.has(o)), ownersRemoved: x.filter((o) => !has.has(o)) });
  } else if (!sameWords(a.owners.text, b.owners.text)) {
    notes.push({ field: 'owners', kind: 'text', old: a.owners.text, new: b.owners.text });
  }
  if (citedTexts(a, oldNotes).join('\u0000') !== citedTexts(b, newNotes).join('\u0000')) {
    changes.push({ field: 'footnotes', old: String(a.footnotes.length), new: String(b.footnotes.length) });
  }
  if (!sameWords(a.explanation.text, b.explanation.text)) {
    const total = a.explanation.text.length + b.explanation.text.length;
    const parts = total <= MAX_WORD_DIFF_CHARS ? explanationWordDiff(a.explanation.text, b.explanation.text) : undefined;
    const count = (op: WordDiffPart['op']): number => parts!.filter((p) => p.op === op).reduce((n, p) => n + wordCount(p.text), 0);
    changes.push({
      field: 'explanation',
      old: a.explanation.text,
      new: b.explanation.text,
      ...(parts ? { wordsRemoved: count('removed'), wordsAdded: count('added'), words: parts } : wordChanges(a.explanation.text, b.explanation.text)),
    });
  }
  return { changes, notes };
}

function ownerList(a: Activity): string {
  return a.owners.actors.length > 0 ? [...new Set(a.owners.actors.map((x) => x.canonical))].join(', ') : a.owners.text;
}
