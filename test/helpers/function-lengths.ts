/**
 * The length of every function in the TypeScript sources, for the architecture test's "no
 * function over 80 lines": function declarations, methods, constructors, accessors, function
 * expressions and arrow functions, each from the line its declaration starts on (after its doc
 * comment) to the line it ends on, nested functions included in the one around them (as eslint's
 * max-lines-per-function counts). Read with the TypeScript parser.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { tsFilesUnder } from './import-graph.js';
import { parseTs } from './ts-parse.js';

/** One function: its name (`Class.method`, the variable an arrow function is assigned to, or `(anonymous)`), where it starts, and how many lines it spans. */
export interface FunctionLength {
  file: string;
  name: string;
  line: number;
  lines: number;
}

/** Every function in `source` (a TypeScript file's text) with its length in lines. */
export function functionLengths(source: string, fileName = 'file.ts'): FunctionLength[] {
  const file = parseTs(source);
  const found: FunctionLength[] = [];
  const lineOf = (pos: number): number => file.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: ts.Node, owner: string | null): void => {
    let inner = owner;
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) inner = node.name?.text ?? '(anonymous class)';
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      // The declaration that carries the name: the function itself, or the variable or property an expression is assigned to.
      const holder = ts.isFunctionExpression(node) || ts.isArrowFunction(node) ? node.parent : node;
      const start = lineOf((ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder) ? holder : node).getStart(file));
      const name = functionName(node, holder, owner);
      found.push({ file: fileName, name, line: start, lines: lineOf(node.getEnd()) - start + 1 });
    }
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(file, null);
  return found;
}

function functionName(node: ts.SignatureDeclaration, holder: ts.Node, owner: string | null): string {
  const named = (n: ts.Node): string | null => {
    if ((ts.isVariableDeclaration(n) || ts.isPropertyAssignment(n) || ts.isPropertyDeclaration(n) || ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isGetAccessor(n) || ts.isSetAccessor(n)) && n.name !== undefined) {
      return ts.isIdentifier(n.name) || ts.isStringLiteral(n.name) || ts.isPrivateIdentifier(n.name) ? n.name.text : n.name.getText();
    }
    return null;
  };
  const own = ts.isConstructorDeclaration(node) ? 'constructor' : (named(holder) ?? (ts.isFunctionExpression(node) ? node.name?.text ?? null : null));
  const name = own ?? '(anonymous)';
  return owner !== null && (ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node) || ts.isPropertyDeclaration(holder)) ? `${owner}.${name}` : name;
}

/** The functions longer than `max` lines in the .ts files under each of `folders` (repository paths such as `src/assemble`), longest first. */
export function longFunctions(root: string, folders: readonly string[], max: number): FunctionLength[] {
  const long: FunctionLength[] = [];
  for (const folder of folders) {
    for (const path of tsFilesUnder(join(root, folder))) {
      const name = relative(root, path).split(sep).join('/');
      long.push(...functionLengths(readFileSync(path, 'utf8'), name).filter((f) => f.lines > max));
    }
  }
  return long.sort((a, b) => b.lines - a.lines);
}
