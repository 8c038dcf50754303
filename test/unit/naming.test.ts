/**
 * One word, one meaning (docs/architecture.md, "Names"): checked on the identifiers of every
 * src/**\/*.ts file, read with the TypeScript parser (comments and strings are prose and may say
 * "colour"):
 * - one spelling of colour in identifiers: `color`, as the published JSON (`iconColor`), pdfjs and
 *   Vega-Lite spell it;
 * - the action line is `actionLine`, never a bare `line` or `lineNumber` holding an action line's
 *   number (`line` is a text line);
 * - one way to fold text for comparison (model/plain-text.ts foldText): no toLocaleLowerCase (the
 *   report page's script, which runs in the browser and has its own, is a string here).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tsFilesUnder } from '../helpers/import-graph.js';
import { parseTs } from '../helpers/ts-parse.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every identifier of `source` with its line, in order. */
function identifiers(source: string): Array<{ name: string; line: number }> {
  const file = parseTs(source);
  const found: Array<{ name: string; line: number }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) found.push({ name: node.text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

let srcIdentifiers: Array<{ path: string; name: string; line: number }> | undefined;

/** `file:line name` for every identifier under src/ that `bad` matches (src/ is read and parsed once). */
function offenders(bad: (name: string) => boolean): string[] {
  srcIdentifiers ??= tsFilesUnder(SRC).flatMap((path) => identifiers(readFileSync(path, 'utf8')).map((i) => ({ path: path.slice(SRC.length), ...i })));
  return srcIdentifiers.filter((i) => bad(i.name)).map((i) => `${i.path}:${i.line} ${i.name}`);
}

describe('one word, one meaning in src/', () => {
  it('reads the identifiers (not an empty list)', () => {
    expect(offenders((n) => n === 'iconColor').length).toBeGreaterThan(10);
  });

  it('spells colour one way in identifiers: color', () => {
    expect(offenders((n) => /colour/i.test(n))).toEqual([]);
  });

  it('calls an action line actionLine, not lineNumber', () => {
    expect(offenders((n) => /^lineNumbers?$/.test(n))).toEqual([]);
  });

  it('folds text one way: no toLocaleLowerCase', () => {
    expect(offenders((n) => n === 'toLocaleLowerCase')).toEqual([]);
  });

  it('finds what the rules forbid in a made-up source, and nothing in its comments and strings', () => {
    const found = identifiers("// colour\nconst colourOf = (x: string) => x.toLocaleLowerCase('nl'); const s = 'colour';").map((i) => i.name);
    expect(found).toEqual(['colourOf', 'x', 'x', 'toLocaleLowerCase', 's']);
  });
});
