/**
 * Stable activity keys (pure). An activity's positional id (`AL1-07`) changes when a row above it
 * is added or removed; its key does not: `al<action line>-<slug>`, where the slug is the title in
 * lower case with accents removed and every run of other characters than a–z and 0–9 turned into
 * one `-` (e.g. `al3-aanpak-grensoverschrijdend-gedrag-in-de-danssector`). A slug that repeats
 * within one action line gets `-2`, `-3` … in document order (reported as NAP112). Rule and
 * collisions: docs/activity-keys.md.
 */
import type { NormaliseProblem } from './problems.js';
import { foldText } from '../model/plain-text.js';

/** Longest slug kept (characters); longer slugs are cut at the last `-` before it. */
export const MAX_SLUG_LENGTH = 80;

/** The slug of a title: lower case, accents removed, other characters as single `-`, at most MAX_SLUG_LENGTH. */
export function titleSlug(title: string): string {
  const slug = foldText(title.normalize('NFKD').replace(/\p{M}+/gu, ''))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug === '' ? 'activiteit' : slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const at = cut.lastIndexOf('-');
  return at > 0 ? cut.slice(0, at) : slug.slice(0, MAX_SLUG_LENGTH);
}

/** The key before collisions are resolved: `al<actionLine>-<slug>`. */
export function baseActivityKey(actionLine: number, title: string): string {
  return `al${actionLine}-${titleSlug(title)}`;
}

/**
 * Keys for activities in document order (linear: one map of keys seen). Returns one key per
 * activity and a NAP112 problem (with the index of the activity) for each key that needed a suffix.
 */
export function assignActivityKeys(
  activities: ReadonlyArray<{ id: string; actionLine: number; title: string }>,
): { keys: string[]; problems: (NormaliseProblem & { index: number })[] } {
  const seen = new Map<string, { count: number; firstId: string }>();
  const taken = new Set<string>();
  const problems: (NormaliseProblem & { index: number })[] = [];
  const keys = activities.map((a, index) => {
    const base = baseActivityKey(a.actionLine, a.title);
    const entry = seen.get(base);
    if (!entry) {
      seen.set(base, { count: 1, firstId: a.id });
      taken.add(base);
      return base;
    }
    let n = entry.count + 1;
    while (taken.has(`${base}-${n}`)) n++;
    entry.count = n;
    const key = `${base}-${n}`;
    taken.add(key);
    problems.push({
      code: 'NAP112',
      actual: base,
      message: `${a.id} "${a.title}" has the same key as ${entry.firstId} in Actielijn ${a.actionLine} (${base}); it gets the key ${key}. The key stays stable only while the order of these rows stays the same.`,
      index,
    });
    return key;
  });
  return { keys, problems };
}
