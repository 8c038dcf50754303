/**
 * The TypeScript parser's tree of a source text, parsed once per test worker: the architecture
 * and naming tests walk every file of src/ several times (imports, function lengths, decimal
 * literals, identifiers), and test files share worker processes (vitest.config.ts), so each text
 * is parsed once for all of them. A tree is only read, never changed.
 */
import ts from 'typescript';

const trees = new Map<string, ts.SourceFile>();

/** The syntax tree of `source` (TypeScript, parent pointers set), the same object for the same text. */
export function parseTs(source: string): ts.SourceFile {
  let tree = trees.get(source);
  if (tree === undefined) {
    tree = ts.createSourceFile('file.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    trees.set(source, tree);
  }
  return tree;
}
