/**
 * The import graph of the TypeScript sources, for the architecture test: every module specifier a
 * file names (static imports and re-exports, `import type`, side-effect imports, dynamic
 * `import('…')`, `typeof import('…')` types), read with the TypeScript parser so that comments and
 * strings that merely look like imports are not counted. Relative specifiers are resolved to the
 * .ts file they name (`./x.js` → `./x.ts`, a folder → its index.ts).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { parseTs } from './ts-parse.js';

/** One import of a file: the specifier as written, the repository path it resolves to (null: package, builtin or unresolved), its line. */
export interface ImportEdge {
  specifier: string;
  /** Repository-relative path with `/` separators (`src/model/vocabulary.ts`); null when the specifier is not relative or names no file. */
  target: string | null;
  line: number;
}

/** Every module specifier named in `source` (a TypeScript file's text), with its 1-based line. */
export function importSpecifiers(source: string, fileName = 'file.ts'): Array<{ specifier: string; line: number }> {
  const file = parseTs(source);
  const found: Array<{ specifier: string; line: number }> = [];
  const add = (node: ts.Node | undefined): void => {
    if (node && ts.isStringLiteralLike(node)) found.push({ specifier: node.text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Every .ts file under `dir` (absolute paths), sorted. */
export function tsFilesUnder(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(path);
    }
  };
  walk(dir);
  return files.sort();
}

/** `/repo/src/a/b.ts` → `src/a/b.ts` (always `/`). */
function repoPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** The .ts file a relative specifier names, or null. */
function resolveRelative(fromFile: string, specifier: string): string | null {
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base.replace(/\.(m|c)?js$/, '.$1ts'), base, `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((c) => c.endsWith('.ts') && existsSync(c) && statSync(c).isFile()) ?? null;
}

/** The import graph of every .ts file under `root`/`dir`: repository path → its imports. */
export function importGraph(root: string, dir = 'src'): Map<string, ImportEdge[]> {
  const graph = new Map<string, ImportEdge[]>();
  for (const file of tsFilesUnder(join(root, dir))) {
    const edges = importSpecifiers(readFileSync(file, 'utf8'), file).map(({ specifier, line }) => {
      const resolved = specifier.startsWith('.') ? resolveRelative(file, specifier) : null;
      return { specifier, line, target: resolved === null ? null : repoPath(root, resolved) };
    });
    graph.set(repoPath(root, file), edges);
  }
  return graph;
}

/**
 * The import cycles of a graph (node → the nodes it imports): one cycle per strongly connected
 * component with more than one node or a self-import, as a path that starts and ends at the same
 * node (`a → b → a`). Tarjan's algorithm, iterative; nodes and edges in the given order.
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const to = targets[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  const cycles: string[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const first = component[component.length - 1]!;
    if (members.size === 1 && !(graph.get(first) ?? []).includes(first)) continue;
    cycles.push(pathBack(graph, first, members));
  }
  return cycles;
}

/** A shortest path from `from` back to itself inside `members` (breadth first). */
function pathBack(graph: ReadonlyMap<string, readonly string[]>, from: string, members: ReadonlySet<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === from) {
        const path: string[] = [];
        for (let n = node; n !== from; n = cameFrom.get(n)!) path.unshift(n);
        return [from, ...path, from];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, node);
        queue.push(to);
      }
    }
  }
  return [from, from];
}
