/**
 * Owners ("Wie") → actors.
 *
 * Input: the Wie cell as printed and `knownWords` (the pipeline passes every word of the whole
 * document; used only to decide whether a line-break hyphen may be joined). Output: `Owners`
 * with `text` unchanged and one `Actor` per owner, in printed order.
 *
 * Rules (docs/normalisation.md, owners; docs/architecture.md, "The input"):
 * - split on `,` `;` `&` ` en ` ` in samenwerking met ` ` samen met ` ` i.s.m. `, never inside
 *   parentheses and never inside a known multi-word name (`Ministerie van Justitie en Veiligheid`);
 * - for matching only: a leading `de`/`het` or `(de) ministerie(s) van` is dropped, a trailing
 *   parenthetical is dropped (`Initiatiefnemer (Lid Maatoug van PvdA-GL)` → Initiatiefnemer), and a
 *   line-break hyphen is joined when the joined word is known (see `joinLineBreakHyphens`);
 * - `name` is each part as printed (whitespace collapsed);
 * - an unknown actor is kept with `recognised: false`, canonical = name, and a NAP402 problem.
 */
import type { Actor, Owners } from '../schema/annex.js';
import { ACTORS, type ActorEntry } from './actors.js';
import { joinLineBreakHyphens } from './hyphenation.js';
import type { Normalised, NormaliseProblem } from './problems.js';
import { cleanText, foldText, quote } from '../model/plain-text.js';

/** What `parseOwners` needs to know about the document. */
export interface OwnersContext {
  /** Words of the whole document; any case. A broken word is joined only if the joined word is here (or an actor name). */
  knownWords: ReadonlySet<string>;
}

function keyOf(text: string): string {
  return foldText(text).replace(/^[\s.,;:]+|[\s.,;:]+$/g, '');
}

const BY_ALIAS: ReadonlyMap<string, ActorEntry> = new Map(ACTORS.flatMap((a) => a.aliases.map((alias) => [keyOf(alias), a] as const)));

/** Single words of actor names: the built-in list a line-break hyphen may be joined to. */
const ACTOR_WORDS: ReadonlySet<string> = new Set(
  ACTORS.flatMap((a) => a.aliases.flatMap((alias) => keyOf(alias).split(/[^\p{L}]+/u))).filter((w) => w.length > 1),
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Aliases that contain a space or a separator, longest first: kept whole while splitting. */
const PROTECTED = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...BY_ALIAS.keys()]
    .filter((k) => /[^\p{L}\p{N}]/u.test(k))
    .sort((a, b) => b.length - a.length)
    .map((k) => escapeRegExp(k).replace(/ /g, '\\s+'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

const SEPARATOR_GLOBAL = /\s*[,;&]\s*(?:en\s+)?|\s+(?:en|in samenwerking met|samen met|i\.s\.m\.)\s+/giu;

/**
 * Splits a Wie cell into owner parts; parentheses and protected names are never split.
 * One left-to-right pass marks the protected characters (inside a balanced pair of parentheses,
 * or inside a protected name); separators are then looked for only in unprotected text. No
 * placeholder characters are inserted, so any input (control characters included) terminates,
 * and the work is linear in the length of the cell.
 */
function splitOwners(text: string): string[] {
  const n = text.length;
  // Difference array: +1 where a protected span starts, -1 after it ends.
  const delta = new Int32Array(n + 1);
  const open: number[] = [];
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x28) open.push(i);
    else if (ch === 0x29 && open.length > 0) {
      delta[open.pop()!]! += 1;
      delta[i + 1]! -= 1;
    }
  }
  for (const m of text.matchAll(PROTECTED)) {
    delta[m.index]! += 1;
    delta[m.index + m[0].length]! -= 1;
  }
  // Protected characters become `x`: same length, so indices map back to `text`, and no
  // separator (which needs `,` `;` `&` or white space) can match inside them.
  let masked = '';
  let depth = 0;
  let runStart = 0;
  for (let i = 0; i < n; i++) {
    const before = depth;
    depth += delta[i]!;
    if (before === 0 && depth > 0) {
      masked += text.slice(runStart, i);
      runStart = i;
    } else if (before > 0 && depth === 0) {
      masked += 'x'.repeat(i - runStart);
      runStart = i;
    }
  }
  masked += depth > 0 ? 'x'.repeat(n - runStart) : text.slice(runStart);
  const parts: string[] = [];
  let start = 0;
  for (const m of masked.matchAll(SEPARATOR_GLOBAL)) {
    if (m[0].length === 0) continue;
    parts.push(text.slice(start, m.index));
    start = m.index + m[0].length;
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Matching keys for one part, most literal first. */
function candidateKeys(part: string, knownWords: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const add = (k: string): void => {
    const key = keyOf(k);
    if (key !== '' && !out.includes(key)) out.push(key);
  };
  for (const base of [part, part.replace(/\s*\([^()]*\)\s*$/, '')]) {
    for (const form of [base, joinLineBreakHyphens(base, knownWords, ACTOR_WORDS)]) {
      add(form);
      const noArticle = form.replace(/^(?:de|het)\s+/i, '');
      add(noArticle);
      add(noArticle.replace(/^ministeries\s+van\s+/i, ''));
      add(noArticle.replace(/^ministerie\s+van\s+/i, ''));
    }
  }
  return out;
}

function toActor(name: string, entry: ActorEntry): Actor {
  return {
    name,
    canonical: entry.canonical,
    kind: entry.kind,
    code: entry.code,
    fullName: entry.fullName,
    members: [...entry.members],
    recognised: true,
  };
}

/**
 * Parses a Wie cell into actors (see the module doc for the rules).
 * `parseOwners('OCW, SZW, JenV, en VWS', ctx)` → OCW, SZW, JenV, VWS;
 * `parseOwners('Regerings-commissaris', ctx)` → Regeringscommissaris (government_commissioner).
 * Never throws; empty text → no actors and a NAP402 problem.
 */
export function parseOwners(text: string, context: OwnersContext): Normalised<Owners> {
  const cleaned = cleanText(text);
  const problems: NormaliseProblem[] = [];
  if (cleaned === '') {
    problems.push({
      code: 'NAP402',
      actual: text,
      message: `Owner (Wie) ${quote(text)} is empty; no owner is recorded. Fill in the responsible party in the source.`,
    });
    return { value: { text, actors: [] }, problems };
  }
  const actors = splitOwners(cleaned).map((part): Actor => {
    for (const key of candidateKeys(part, context.knownWords)) {
      const entry = BY_ALIAS.get(key);
      if (entry) return toActor(part, entry);
    }
    problems.push({
      code: 'NAP402',
      actual: part,
      message:
        `Owner ${quote(part)} in Wie ${quote(cleaned)} is not a known actor; it is kept as printed (recognised: false). ` +
        'Correct the spelling in the source, or add the actor to ACTORS in src/normalise/actors.ts.',
    });
    return { name: part, canonical: part, kind: 'other', code: null, fullName: null, members: [], recognised: false };
  });
  return { value: { text, actors }, problems };
}
