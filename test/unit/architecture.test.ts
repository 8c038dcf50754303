/**
 * The module rules of docs/architecture.md ("Module rules"), checked on the import statements of
 * every src/**\/*.ts file:
 * - readers (src/readers/) turn bytes into the page model and know nothing of what comes after:
 *   they import nothing from src/assemble/, src/normalise/ or src/status/ (a reader detects a
 *   status cue; what it means is the status rule's);
 * - src/model/ (page model, diagnostics, the annex's vocabulary, text rules) is the bottom layer:
 *   it imports nothing outside src/model/, not even a package;
 * - no import cycles among src files (type-only imports count too), nor among the folders of src/
 *   (a folder imports another if one of its files does; the two files at the top, index.ts and
 *   pipeline.ts, wire the folders together and are no folder): readers ↔ threads included;
 * - only index.ts and pipeline.ts sit at the top of src/;
 * - no function over MAX_FUNCTION_LINES lines in the folders of SHORT_FUNCTION_FOLDERS (a failure
 *   names the function, its file and line);
 * - no decimal literal in the PDF reader's logic (src/readers/pdf/): its tolerances are named in
 *   settings.ts, each documented; the only other decimal literals are the facts of the PDF format
 *   listed in SPEC_CONSTANTS (a failure names file, line and literal).
 * The rules are also run on made-up graphs and sources, so a rule that stopped finding violations
 * would fail.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decimalLiterals, decimalLiteralsUnder, settingEntries } from '../helpers/decimal-literals.js';
import { functionLengths, longFunctions } from '../helpers/function-lengths.js';
import { type ImportEdge, importCycles, importGraph, importSpecifiers } from '../helpers/import-graph.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The longest a function may be, in lines (doc comment aside, nested functions included). */
const MAX_FUNCTION_LINES = 80;

/** The folders whose functions are held to MAX_FUNCTION_LINES: all of src/. */
const SHORT_FUNCTION_FOLDERS = ['src'];

/**
 * Functions in SHORT_FUNCTION_FOLDERS still over MAX_FUNCTION_LINES while they are being split,
 * each with what it becomes. The test fails when one of them is no longer long: take it off.
 */
const LONG_FUNCTIONS_BEING_SPLIT: readonly { file: string; name: string; becomes: string }[] = [];

/** The PDF reader, whose logic names its tolerances instead of writing decimal literals. */
const READER_FOLDER = 'src/readers/pdf';

/** Where the PDF reader's tolerances live, each with unit, reason and motivating fixture: the one file whose decimal literals are all allowed. */
const READER_SETTINGS = 'src/readers/pdf/settings.ts';

/**
 * Decimal literals that are facts of the PDF format, not tolerances: they stay where they are
 * used, as named constants with their section of ISO 32000-1. Exempt by file and the name of the
 * top-level declaration that holds them; nothing else in the reader may write a decimal literal.
 */
const SPEC_CONSTANTS: readonly { file: string; name: string; source: string }[] = [
  { file: 'src/readers/pdf/walk/text.ts', name: 'DEFAULT_FONT_MATRIX', source: 'ISO 32000-1 §9.2.4: glyph space is 1000 units per unit of text space' },
  { file: 'src/readers/pdf/composite.ts', name: 'LUMINOSITY_WEIGHTS', source: 'ISO 32000-1 §11.3.5.3: Lum(C) = 0.3 R + 0.59 G + 0.11 B' },
  { file: 'src/readers/pdf/composite.ts', name: 'SEPARABLE', source: 'ISO 32000-1 §11.3.5.2: the separable blend modes (soft light)' },
  { file: 'src/readers/pdf/composite.ts', name: 'hardLight', source: 'ISO 32000-1 §11.3.5.2: hard light' },
];

/** One broken rule: which file, which import, why. */
interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

/** The violations of the layer rules (readers, model) in a graph: repository path → imports. */
function layerViolations(graph: ReadonlyMap<string, readonly ImportEdge[]>): Violation[] {
  const violations: Violation[] = [];
  for (const [file, edges] of graph) {
    for (const { specifier, target, line } of edges) {
      const at = { file, line, specifier };
      if (specifier.startsWith('.') && target === null) violations.push({ ...at, rule: 'a relative import must name a .ts file under src/' });
      if (file.startsWith('src/readers/') && target !== null && /^src\/(assemble|normalise|status)\//.test(target)) {
        violations.push({ ...at, rule: 'readers must not import src/assemble, src/normalise or src/status (move shared words to src/model/vocabulary.ts)' });
      }
      if (file.startsWith('src/model/') && !(target !== null && target.startsWith('src/model/'))) {
        violations.push({ ...at, rule: 'src/model must import nothing outside src/model' });
      }
    }
  }
  return violations;
}

/** The folder of a src file (`src/readers/pdf/x.ts` → `src/readers`), or null for a file at the top of src/. */
function folderOf(file: string): string | null {
  const parts = file.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : null;
}

/** The folder graph: folder → the other folders its files import (files at the top of src/ left out). */
function folderEdges(graph: ReadonlyMap<string, readonly ImportEdge[]>): Map<string, string[]> {
  const folders = new Map<string, Set<string>>();
  for (const [file, edges] of graph) {
    const from = folderOf(file);
    if (from === null) continue;
    const to = folders.get(from) ?? new Set<string>();
    folders.set(from, to);
    for (const e of edges) {
      const target = e.target === null ? null : folderOf(e.target);
      if (target !== null && target !== from) to.add(target);
    }
  }
  return new Map([...folders].map(([folder, to]) => [folder, [...to].sort()]));
}

/** The graph as the cycle finder wants it: file → the src files it imports. */
function fileEdges(graph: ReadonlyMap<string, readonly ImportEdge[]>): Map<string, string[]> {
  return new Map([...graph].map(([file, edges]) => [file, edges.flatMap((e) => (e.target === null ? [] : [e.target]))]));
}

const edge = (specifier: string, target: string | null): ImportEdge => ({ specifier, target, line: 1 });

describe('module rules of src/', () => {
  const graph = importGraph(ROOT);

  it('reads the real import graph (not an empty one)', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('src/readers/text-reader.ts')?.map((e) => e.target)).toContain('src/model/vocabulary.ts');
    expect(graph.get('src/threads/page-reader-thread.ts')?.map((e) => e.target)).toContain('src/threads/pdfjs-environment.ts');
  });

  it('readers import nothing from assemble/, normalise/ or status/, model/ nothing from outside model/', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(importCycles(fileEdges(graph)).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('has no import cycles between folders: threads import the readers, never the other way', () => {
    const folders = folderEdges(graph);
    expect(folders.get('src/threads')).toContain('src/readers');
    expect(importCycles(folders).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines in ${SHORT_FUNCTION_FOLDERS.join(', ')}`, () => {
    const long = longFunctions(ROOT, SHORT_FUNCTION_FOLDERS, MAX_FUNCTION_LINES);
    const beingSplit = (f: { file: string; name: string }): boolean => LONG_FUNCTIONS_BEING_SPLIT.some((s) => s.file === f.file && s.name === f.name);
    expect(long.filter((f) => !beingSplit(f)).map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`)).toEqual([]);
    // An entry of LONG_FUNCTIONS_BEING_SPLIT that is split (or gone) comes off the list.
    expect(LONG_FUNCTIONS_BEING_SPLIT.filter((s) => !long.some((f) => f.file === s.file && f.name === s.name)).map((s) => `${s.file} ${s.name} is no longer over ${MAX_FUNCTION_LINES} lines: take it off LONG_FUNCTIONS_BEING_SPLIT`)).toEqual([]);
  });

  it(`has no decimal literal in ${READER_FOLDER} outside ${READER_SETTINGS} and the PDF format's constants`, () => {
    const literals = decimalLiteralsUnder(ROOT, [READER_FOLDER]);
    const exempt = (l: { file: string; within: string[] }): boolean => l.file === READER_SETTINGS || SPEC_CONSTANTS.some((c) => c.file === l.file && c.name === l.within[0]);
    expect(literals.filter((l) => !exempt(l)).map((l) => `${l.file}:${l.line} ${l.text}${l.within.length > 0 ? ` (in ${l.within.join(' > ')})` : ''}`)).toEqual([]);
    // The check reads the real tree: the settings hold the reader's decimals, and each exemption still names a constant that holds some.
    expect(literals.filter((l) => l.file === READER_SETTINGS).length).toBeGreaterThan(50);
    expect(SPEC_CONSTANTS.filter((c) => !literals.some((l) => l.file === c.file && l.within[0] === c.name)).map((c) => `${c.file} ${c.name}`)).toEqual([]);
  });

  it(`documents every entry of ${READER_SETTINGS}`, () => {
    const entries = settingEntries(readFileSync(join(ROOT, READER_SETTINGS), 'utf8'), READER_SETTINGS);
    expect(entries.filter((e) => !e.documented).map((e) => `${READER_SETTINGS}:${e.line} ${e.group === '' ? e.name : `${e.group}.${e.name}`}`)).toEqual([]);
    expect(entries.filter((e) => e.group === '').map((e) => e.name).sort()).toEqual(['DAMAGE', 'DRAWING', 'HYPHENATION', 'ICONS', 'LAYOUT', 'NOTE_COLUMNS', 'NOTE_LETTERS', 'NUMERIC', 'PAGE_BUDGET', 'TEXT', 'VISIBILITY']);
    expect(entries.length).toBeGreaterThan(100);
  });

  it('keeps only index.ts and pipeline.ts at the top of src/', () => {
    expect([...graph.keys()].filter((file) => folderOf(file) === null).sort()).toEqual(['src/index.ts', 'src/pipeline.ts']);
  });
});

describe('the rule checks find violations', () => {
  it('finds every form of import, and none in comments or strings', () => {
    const source = [
      "import type { A } from './a.js';",
      "export type { B } from './b.js';",
      'import {',
      '  type C,',
      "  D } from './c.js';",
      "import * as e from './e.js';",
      "export * as f from './f.js';",
      "export { g } from './g.js';",
      "import './side.js';",
      "const h = await import('./h.js');",
      "type I = typeof import('./i.js');",
      "// import x from './comment.js';",
      "/* import y from './block.js'; */",
      "const s = \"import z from './string.js'\";",
      "const t = `import('./template.js')`;",
      "const r = /from '.\\/regex.js'/;",
    ].join('\n');
    expect(importSpecifiers(source).map((i) => i.specifier)).toEqual(['./a.js', './b.js', './c.js', './e.js', './f.js', './g.js', './side.js', './h.js', './i.js']);
    expect(importSpecifiers(source).map((i) => i.line)).toEqual([1, 2, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('flags a reader that imports assembly, a normaliser or the status rule, and model importing outward', () => {
    const graph = new Map<string, ImportEdge[]>([
      ['src/readers/text-reader.ts', [edge('../model/vocabulary.js', 'src/model/vocabulary.ts'), edge('../assemble/rows.js', 'src/assemble/rows.ts')]],
      ['src/readers/pdf/layout.ts', [edge('../../normalise/text.js', 'src/normalise/text.ts')]],
      ['src/readers/pdf/layout-icons.ts', [edge('../../status/index.js', 'src/status/index.ts')]],
      ['src/model/vocabulary.ts', [edge('./plain-text.js', 'src/model/plain-text.ts'), edge('../schema/annex.js', 'src/schema/annex.ts'), edge('zod', null)]],
      ['src/assemble/rows.ts', [edge('../normalise/text.js', 'src/normalise/text.ts'), edge('./gone.js', null)]],
    ]);
    expect(layerViolations(graph).map((v) => `${v.file} ${v.specifier}`)).toEqual([
      'src/readers/text-reader.ts ../assemble/rows.js',
      'src/readers/pdf/layout.ts ../../normalise/text.js',
      'src/readers/pdf/layout-icons.ts ../../status/index.js',
      'src/model/vocabulary.ts ../schema/annex.js',
      'src/model/vocabulary.ts zod',
      'src/assemble/rows.ts ./gone.js',
    ]);
  });

  it('finds a cycle between folders made of files that form no cycle', () => {
    const graph = new Map<string, ImportEdge[]>([
      ['src/readers/pdf/index.ts', [edge('../../threads/read-pages.js', 'src/threads/read-pages.ts')]],
      ['src/threads/read-pages.ts', []],
      ['src/threads/page-reader-thread.ts', [edge('../readers/pdf/document.js', 'src/readers/pdf/document.ts')]],
      ['src/readers/pdf/document.ts', []],
      ['src/pipeline.ts', [edge('./threads/read-pages.js', 'src/threads/read-pages.ts')]],
    ]);
    expect(importCycles(fileEdges(graph))).toEqual([]);
    expect(importCycles(folderEdges(graph)).map((c) => c.join(' → '))).toEqual(['src/readers → src/threads → src/readers']);
  });

  it('measures every kind of function and names it', () => {
    const body = (n: number): string => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const source = [
      '/** Doc comment lines do not count. */',
      `export function declared(): void {\n${body(3)}\n}`,
      `const arrow = (): void => {\n${body(1)}\n};`,
      'class Reader {',
      `  constructor() {\n${body(2)}\n  }`,
      `  read(): void {\n    const inner = function named(): void {\n${body(1)}\n    };\n  }`,
      '  get size(): number { return 1; }',
      '}',
      `export default function (): void {}`,
    ].join('\n');
    expect(functionLengths(source).map((f) => `${f.name}@${f.line}:${f.lines}`)).toEqual([
      'declared@2:5',
      'arrow@7:3',
      'Reader.constructor@11:4',
      'Reader.read@15:5',
      'inner@16:3',
      'Reader.size@20:1',
      '(anonymous)@22:1',
    ]);
  });

  it('finds the long functions of a folder, naming each', () => {
    // assembleRows before it was split into named steps: one function of 182 lines.
    const long = Array.from({ length: 181 }, () => '  x++;').join('\n');
    const found = functionLengths(`let x = 0;\nexport function assembleRows(): void {\n${long}\n}`, 'src/assemble/rows.ts').filter((f) => f.lines > MAX_FUNCTION_LINES);
    expect(found).toEqual([{ file: 'src/assemble/rows.ts', name: 'assembleRows', line: 2, lines: 183 }]);
    // On the real tree: with no lines allowed, every function of a folder is too long.
    expect(longFunctions(ROOT, ['src/status'], 0).map((f) => `${f.file} ${f.name}`)).toContain('src/status/row-status.ts statusOfRow');
  });

  it('finds decimal literals in code with their line and declaration, none in comments, strings or integers', () => {
    const source = [
      '// a comment: 0.5',
      '/** a doc comment: 1.5 em */',
      'const WIDE = 0.6;',
      "const s = '0.25' + `1.5`;",
      'const whole = 3 + 0x1e + 1_000 + 2e3;',
      'export function gap(size: number): number {',
      '  const inner = (x: number): number => x * .25;',
      '  return inner(size) > 1.0 * size ? 1e-6 : 2;',
      '}',
      'const SETTINGS = { nested: { tolerance: 0.01 } };',
    ].join('\n');
    expect(decimalLiterals(source, 'x.ts').map((l) => `${l.line} ${l.text} ${l.within.join('>')}`)).toEqual([
      '3 0.6 WIDE',
      '5 2e3 whole',
      '7 .25 gap>inner',
      '8 1.0 gap',
      '8 1e-6 gap',
      '10 0.01 SETTINGS>nested>tolerance',
    ]);
  });

  it('finds settings without a doc comment; a doc comment that names the next entries covers them', () => {
    const source = [
      '/** The layout. */',
      'export const LAYOUT = {',
      '  /** em. From pitchMinEm to pitchMaxEm. */',
      '  pitchMinEm: 0.9,',
      '  pitchMaxEm: 2.6,',
      '  bare: 1,',
      '  // a line comment is no doc comment',
      '  commented: 2,',
      '} as const;',
      'export const LOOSE = 3;',
      'const internal = 4;',
    ].join('\n');
    expect(settingEntries(source).map((e) => `${e.group}.${e.name}:${e.line}:${e.documented}`)).toEqual([
      '.LAYOUT:2:true',
      'LAYOUT.pitchMinEm:4:true',
      'LAYOUT.pitchMaxEm:5:true',
      'LAYOUT.bare:6:false',
      'LAYOUT.commented:8:false',
      '.LOOSE:10:false',
    ]);
  });

  it('finds cycles of any length, self-imports included, and nothing in a graph without one', () => {
    const cycles = importCycles(
      new Map([
        ['a', ['b']],
        ['b', ['c', 'd']],
        ['c', ['a']],
        ['d', []],
        ['e', ['e']],
        ['f', ['a']],
      ]),
    );
    expect(cycles.map((c) => c.join(' → '))).toEqual(['a → b → c → a', 'e → e']);
    expect(importCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });
});
