/**
 * Owners ("Wie") → actors.
 *
 * Input: the Wie cell as printed and `knownWords` (the pipeline passes every word of the whole
 * document; used only to decide whether a line-break hyphen may be joined). Output: `Owners`
 * with `text` unchanged and one `Actor` per owner, in printed order.
 *
 * Rules (DESIGN.md, owners; docs/normalisation.md):
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
import { cleanText, quote } from './text.js';

/** What `parseOwners` needs to know about the document. */
export interface OwnersContext {
  /** Words of the whole document; any case. A broken word is joined only if the joined word is here (or an actor name). */
  knownWords: ReadonlySet<string>;
}

function keyOf(text: string): string {
  return cleanText(text).toLocaleLowerCase('nl').replace(/^[\s.,;:]+|[\s.,;:]+$/g, '');
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

const SEPARATOR = /\s*[,;&]\s*(?:en\s+)?|\s+(?:en|in samenwerking met|samen met|i\.s\.m\.)\s+/iu;

/** Splits a Wie cell into owner parts; parentheses and protected names are never split. */
function splitOwners(text: string): string[] {
  const saved: string[] = [];
  const hold = (s: string): string => `\u0001${saved.push(s) - 1}\u0002`;
  let masked = text.replace(PROTECTED, hold);
  // innermost parentheses first, so nested ones are held whole
  for (let prev = ''; prev !== masked; ) {
    prev = masked;
    masked = masked.replace(/\([^()]*\)/g, hold);
  }
  const restore = (s: string): string => {
    for (let prev = ''; prev !== s; ) {
      prev = s;
      s = s.replace(/\u0001(\d+)\u0002/g, (_, i: string) => saved[Number(i)] ?? '');
    }
    return s;
  };
  return masked
    .split(SEPARATOR)
    .map((p) => restore(p).trim())
    .filter((p) => p !== '');
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
      message:
        `Owner ${quote(part)} in Wie ${quote(cleaned)} is not a known actor; it is kept as printed (recognised: false). ` +
        'Correct the spelling in the source, or add the actor to ACTORS in src/normalise/actors.ts.',
    });
    return { name: part, canonical: part, kind: 'other', code: null, fullName: null, members: [], recognised: false };
  });
  return { value: { text, actors }, problems };
}
