/**
 * The decimal literals of TypeScript sources, for the architecture test's "no decimal literal in
 * the reader's logic outside its settings": every numeric literal written with a decimal point or
 * an exponent (`0.5`, `.25`, `1.0`, `1e-6`), with the file, line and the names of the declarations
 * that hold it (the `const`, property or function it sits in).
 * Comments and strings are not code: read with the TypeScript parser, as the function lengths are.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { tsFilesUnder } from './import-graph.js';
import { parseTs } from './ts-parse.js';

/** One decimal literal: where it is, as written, and the declarations around it (outermost first). */
export interface DecimalLiteral {
  file: string;
  line: number;
  text: string;
  /** Names of the declarations that hold it, outermost first (`['COVER_PROBES']`, `['luminosity']`). */
  within: string[];
}

/** Every decimal literal in `source` (a TypeScript file's text). */
export function decimalLiterals(source: string, fileName = 'file.ts'): DecimalLiteral[] {
  const file = parseTs(source);
  const found: DecimalLiteral[] = [];
  const visit = (node: ts.Node, within: string[]): void => {
    const name = declarationName(node);
    const inner = name === null ? within : [...within, name];
    if (ts.isNumericLiteral(node) && isDecimal(node.getText(file))) {
      found.push({ file: fileName, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: node.getText(file), within: inner });
    }
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(file, []);
  return found;
}

/** Whether a numeric literal as written has a decimal point or an exponent (`0x1e` is hexadecimal, not one). */
function isDecimal(text: string): boolean {
  return !/^0[xXbBoO]/.test(text) && /[.eE]/.test(text);
}

/** The name a declaration gives (variable, function, method, property, class), or null for any other node. */
function declarationName(node: ts.Node): string | null {
  if (ts.isVariableDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node) || ts.isClassDeclaration(node)) {
    const n = node.name;
    if (n === undefined) return null;
    return ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n) ? n.text : n.getText();
  }
  return null;
}

/** The decimal literals in the .ts files under each of `folders` (repository paths such as `src/readers`), in file and line order. */
export function decimalLiteralsUnder(root: string, folders: readonly string[]): DecimalLiteral[] {
  const found: DecimalLiteral[] = [];
  for (const folder of folders) {
    for (const path of tsFilesUnder(join(root, folder))) {
      const name = relative(root, path).split(sep).join('/');
      found.push(...decimalLiterals(readFileSync(path, 'utf8'), name));
    }
  }
  return found;
}

/** One entry of a settings object: the object, the property, its line, and whether a doc comment explains it. */
export interface SettingEntry {
  group: string;
  name: string;
  line: number;
  documented: boolean;
}

/**
 * The entries of the exported `const` objects of a settings file (`export const LAYOUT = { … }`),
 * and its exported constants as entries of their own (group ''). An entry is documented when it
 * has a doc comment of its own, or when the doc comment of the documented entry before it names
 * it (entries set together: `pitchMinEm` … `pitchMaxEm`). An exported object or constant without
 * a doc comment is listed as an undocumented entry named after it.
 */
export function settingEntries(source: string, fileName = 'settings.ts'): SettingEntry[] {
  const file = parseTs(source);
  const lineOf = (n: ts.Node): number => file.getLineAndCharacterOfPosition(n.getStart(file)).line + 1;
  const docOf = (n: ts.Node): string | null => {
    const docs = ts.getJSDocCommentsAndTags(n).filter(ts.isJSDoc);
    return docs.length > 0 ? docs.map((d) => d.getText(file)).join('\n') : null;
  };
  const entries: SettingEntry[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name)) continue;
      const group = decl.name.text;
      entries.push({ group: '', name: group, line: lineOf(decl), documented: docOf(statement) !== null });
      let init = decl.initializer;
      while (init !== undefined && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
      if (init === undefined || !ts.isObjectLiteralExpression(init)) continue;
      let lastDoc: string | null = null;
      for (const prop of init.properties) {
        if (!ts.isPropertyAssignment(prop) || !ts.isIdentifier(prop.name)) continue;
        const name = prop.name.text;
        const own = docOf(prop);
        if (own !== null) lastDoc = own;
        const documented = own !== null || (lastDoc !== null && new RegExp(`\\b${name}\\b`).test(lastDoc));
        entries.push({ group, name, line: lineOf(prop), documented });
      }
    }
  }
  return entries;
}
