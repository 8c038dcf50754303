/**
 * CLI input arguments → the list of inputs to read. An argument is `-` (standard input), a path
 * that exists (a file; a folder is passed on so that reading it reports a clear error), a glob
 * pattern (expanded with tinyglobby, sorted; quote it so the shell leaves it alone), or a path
 * that does not exist (passed on: reading it reports "no such file").
 */
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { DiagnosticBag } from '../diagnostics/bag.js';
import { InputError } from '../diagnostics/errors.js';
import { type CliIo, resolvePath } from './io.js';

/**
 * One expanded argument: an input to read (with the fixed folders of the glob pattern that matched
 * it, `base`, or null for a plain argument), or an error for a pattern that matched nothing.
 */
export type ExpandedInput = { kind: 'input'; path: string; base: string | null } | { kind: 'unmatched'; pattern: string; error: InputError };

/** Expands `args` in order; duplicates (a file named twice, or matched by two patterns) are read once. */
export async function expandInputs(args: readonly string[], io: Pick<CliIo, 'cwd'> = { cwd: process.cwd() }): Promise<ExpandedInput[]> {
  const out: ExpandedInput[] = [];
  const seen = new Set<string>();
  const add = (path: string, base: string | null = null): void => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ kind: 'input', path, base });
  };
  for (const arg of args) {
    if (arg === '-' || existsSync(resolvePath(io, arg)) || !isDynamicPattern(arg)) {
      add(arg);
      continue;
    }
    const matches = await glob(arg, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(arg), cwd: io.cwd });
    if (matches.length === 0) {
      const bag = new DiagnosticBag(arg);
      out.push({
        kind: 'unmatched',
        pattern: arg,
        error: new InputError(
          bag.report('NAP001', `No file matches the pattern "${arg}". Check the pattern and the working folder (${io.cwd}); quote the pattern so that the shell passes it on unexpanded.`),
        ),
      });
      continue;
    }
    for (const match of matches.sort()) add(match, patternBase(arg));
  }
  return out;
}

/** The leading path segments of a glob pattern that hold no glob syntax (`editions/**` + `/*.pdf` → `editions`); '' when the first segment is dynamic. */
export function patternBase(pattern: string): string {
  const fixed: string[] = [];
  for (const segment of pattern.split('/').slice(0, -1)) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/');
}
