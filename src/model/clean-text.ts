/**
 * One clean-text rule for every reader (PDF, HTML, text export): characters that a reader of the
 * printed annex cannot see, or that have no meaning of their own, never reach the data.
 *
 * | kind | characters | what happens | code |
 * | --- | --- | --- | --- |
 * | control | C0 controls other than tab, LF, FF, CR; DEL; C1 controls (`\p{Cc}`) | replaced with U+FFFD | NAP012 |
 * | bidi | bidirectional overrides, embeddings, isolates and marks (`\p{Bidi_Control}`: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) | removed | NAP018 |
 * | private-use | U+E000–U+F8FF and planes 15–16 (`\p{Co}`) | replaced with U+FFFD | NAP014 |
 * | non-character | U+FDD0–U+FDEF and every U+xxFFFE/U+xxFFFF (`\p{Noncharacter_Code_Point}`) | replaced with U+FFFD | NAP015 |
 *
 * Controls, private-use and non-characters stand where the source showed *something*, so a visible
 * U+FFFD keeps words apart (`OCW&#1;7&#2;SZW` does not become `OCWSZW`); bidi controls only reorder
 * how text is displayed (a right-to-left override can make `exe.pdf` look like `fdp.exe`), so they
 * are dropped. Readers that know better map first: the PDF reader turns Symbol/Wingdings
 * private-use code points (U+F0B7 bullet …) into their meaning before calling `cleanText`, and
 * uses `isPrivateUse` for that test. Pure; linear in the text length.
 */
import type { DiagnosticCode, DiagnosticLocation, Reporter } from './diagnostics.js';

/** The kinds of character the rule takes out; see the module table. */
export type UnsafeKind = 'control' | 'bidi' | 'private-use' | 'non-character';

const UNSAFE = /(?![\t\n\f\r])\p{Cc}|\p{Bidi_Control}|\p{Co}|\p{Noncharacter_Code_Point}/gu;

/** True for a C0 control other than tab, LF, FF, CR, for DEL and for C1 controls. */
export function isControl(codePoint: number): boolean {
  return (codePoint <= 0x1f && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0c && codePoint !== 0x0d) || (codePoint >= 0x7f && codePoint <= 0x9f);
}

/** True for bidirectional formatting characters: ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI. */
export function isBidiControl(codePoint: number): boolean {
  return codePoint === 0x061c || codePoint === 0x200e || codePoint === 0x200f || (codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069);
}

/**
 * True for private-use code points: U+E000–U+F8FF (where Symbol and Wingdings glyphs land, e.g.
 * U+F0B7 for Word's bullet) and supplementary planes 15 and 16.
 */
export function isPrivateUse(codePoint: number): boolean {
  return (codePoint >= 0xe000 && codePoint <= 0xf8ff) || (codePoint >= 0xf0000 && codePoint <= 0xffffd) || (codePoint >= 0x100000 && codePoint <= 0x10fffd);
}

/** True for the 66 Unicode non-characters: U+FDD0–U+FDEF and U+xxFFFE, U+xxFFFF of every plane. */
export function isNonCharacter(codePoint: number): boolean {
  return (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;
}

/** The kind of an unsafe code point, or null for a character the rule keeps. */
export function unsafeKindOf(codePoint: number): UnsafeKind | null {
  if (isControl(codePoint)) return 'control';
  if (isBidiControl(codePoint)) return 'bidi';
  if (isPrivateUse(codePoint)) return 'private-use';
  if (isNonCharacter(codePoint)) return 'non-character';
  return null;
}

/** What one kind of unsafe character amounted to in one input: how many, the first one and where. */
export interface UnsafeFinding {
  count: number;
  firstCodePoint: number;
  location: DiagnosticLocation;
}

/**
 * Counts what `cleanText` took out of one input, per kind, keeping the first occurrence's code
 * point and location; `report` turns the counts into one diagnostic per kind.
 */
export class CleanTextTally {
  readonly found = new Map<UnsafeKind, UnsafeFinding>();

  /** Records one unsafe character at `location`. */
  add(kind: UnsafeKind, codePoint: number, location: DiagnosticLocation): void {
    const finding = this.found.get(kind);
    if (finding) finding.count++;
    else this.found.set(kind, { count: 1, firstCodePoint: codePoint, location });
  }

  /**
   * One diagnostic per kind found (NAP012 control, NAP018 bidi, NAP014 private-use, NAP015
   * non-character), located at the first occurrence. `origins` says, per kind, where such
   * characters come from in this format, e.g. `{ control: 'decoded from character references such as "&#1;"' }`.
   */
  report(diagnostics: Reporter, origins: Partial<Record<UnsafeKind, string>> = {}): void {
    for (const [kind, f] of this.found) {
      const origin = origins[kind];
      const { code, what, action } = KIND_TEXT[kind];
      const plural = f.count === 1 ? '' : 's';
      diagnostics.report(
        code,
        `Input holds ${f.count} ${what}${plural} (the first ${codePointName(f.firstCodePoint)})${origin ? `, ${origin}` : ''}; ${f.count === 1 ? action[0] : action[1]} Remove ${f.count === 1 ? 'it' : 'them'} from the source.`,
        f.location,
        { actual: codePointName(f.firstCodePoint) },
      );
    }
  }
}

const KIND_TEXT: Record<UnsafeKind, { code: DiagnosticCode; what: string; action: [string, string] }> = {
  control: { code: 'NAP012', what: 'control character', action: ['it was replaced with U+FFFD in the output.', 'each was replaced with U+FFFD in the output.'] },
  bidi: {
    code: 'NAP018',
    what: 'bidirectional control character',
    action: ['it was removed: it changes how text is displayed without being printed.', 'they were removed: they change how text is displayed without being printed.'],
  },
  'private-use': {
    code: 'NAP014',
    what: 'private-use character',
    action: ['it has no standard meaning (a symbol-font glyph?) and was replaced with U+FFFD in the output.', 'they have no standard meaning (symbol-font glyphs?) and each was replaced with U+FFFD in the output.'],
  },
  'non-character': {
    code: 'NAP015',
    what: 'Unicode non-character',
    action: ['it was replaced with U+FFFD in the output.', 'each was replaced with U+FFFD in the output.'],
  },
};

/** `U+202E`: a code point as printed in messages. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Applies the rule to `text`: controls, private-use and non-characters → U+FFFD, bidi controls
 * removed (see the module table). Each character taken out is added to `tally` at `location`.
 * Text without such characters comes back unchanged (same string). Linear.
 */
export function cleanText(text: string, tally: CleanTextTally, location: DiagnosticLocation = {}): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (c) => {
    const codePoint = c.codePointAt(0)!;
    const kind = unsafeKindOf(codePoint)!;
    tally.add(kind, codePoint, location);
    return kind === 'bidi' ? '' : '\uFFFD';
  });
}
