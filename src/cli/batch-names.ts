/**
 * Folder names of a batch `extract` (several inputs or a glob into `-o <dir>`): one subfolder per
 * input, named by what the input is, so that adding or removing other inputs never renames it.
 *
 * - The edition, when known (`source.edition`: printed in the document, or --edition-date /
 *   --kamerstuk): its date `2024-03-18`, else its Kamerstuk `kst-34843-109`.
 * - Otherwise the distinguishing part of its path: the path below the fixed folders of the glob
 *   pattern it matched (`editions/**` + `/2024/bijlage-1.pdf` → `2024-bijlage-1`), or the file
 *   name of a plain argument (`in/a.txt` → `a`), without the extension.
 *
 * Two inputs of one run that come to the same name (two files of one edition, `x.pdf` and
 * `x.txt`) are told apart: the one whose folder from an earlier run records it (its annex.json
 * or datapackage.json names the same file or the same sha256) keeps the name, and the others get
 * their whole path with its extension (after the edition, if any): `2024-03-18` and
 * `2024-03-18-bijlage-1-txt`, `a-x-pdf` and `b-x-pdf`. A name is never a number that depends on
 * the order of the inputs (only paths that clean to the same text, `a b.pdf` and `a_b.pdf`, get
 * `-2` as a last resort).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { annexSetNames, EXCEL_DIR } from '../emit/annex-set.js';
import { LOCK_FILE, STAGING_DIR } from '../emit/output-set.js';

/** What names one input's folder: its path, the fixed folders of the pattern it matched, and what extraction found. */
export interface BatchInput {
  path: string;
  /** The static folders of the glob pattern that matched it (`editions` for `editions/**` + `/*`); null for a plain argument. */
  base: string | null;
  /** The edition, when extraction found it. */
  edition: { date: string | null; kamerstuk: string | null } | null;
  /** The input's base name and sha256, when it was read (to recognise its folder of an earlier run). */
  fileName: string | null;
  sha256: string | null;
}

/** A string as a folder name: characters other than letters, digits, `.`, `_` and `-` as `_`, no leading dot, never empty. */
function clean(part: string): string {
  return part.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '_');
}

/**
 * The path part of an input's name: its path below `base` for a glob match (`2024/bijlage-1.pdf`
 * → `2024-bijlage-1`), or for a plain argument its file name (`in/a.txt` → `a`); `full` keeps
 * the folders of a plain argument's path as given and the extension (`in/a.txt` → `in-a-txt`),
 * which tells any two inputs apart.
 */
export function pathPart(path: string, base: string | null, full = false, cwd = process.cwd()): string {
  let rel = path.replace(/\\/g, '/');
  if (base !== null && base !== '') rel = relative(base, path).replace(/\\/g, '/');
  else if (isAbsolute(path)) {
    const inside = relative(cwd, path).replace(/\\/g, '/');
    if (!inside.startsWith('..')) rel = inside;
  }
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  const file = parts.pop() ?? '';
  const dot = file.lastIndexOf('.');
  const stem = dot > 0 ? file.slice(0, dot) : file;
  const extension = dot > 0 ? file.slice(dot + 1) : '';
  const folders = base !== null || full ? parts : [];
  const name = [...folders, stem, ...(full && extension ? [extension] : [])].map(clean).filter((p) => p !== '').join('-');
  return name || 'input';
}

/** The name an input asks for on its own: its edition when known, else its path part. */
export function ownName(input: BatchInput, cwd?: string): string {
  return editionName(input) ?? pathPart(input.path, input.base, false, cwd);
}

function editionName(input: BatchInput): string | null {
  if (input.edition?.date) return input.edition.date;
  if (input.edition?.kamerstuk) return `kst-${clean(input.edition.kamerstuk)}`;
  return null;
}

/** The file name and sha256 that an output folder of an earlier run records (annex.json, else datapackage.json), or null. */
export function recordedSource(folder: string): { fileName: string | null; sha256: string | null } | null {
  for (const name of ['annex.json', 'datapackage.json']) {
    let head: string;
    try {
      head = readFileSync(join(folder, name), 'utf8').slice(0, 4000);
    } catch {
      continue;
    }
    const sha256 = /"sha256"\s*:\s*"([0-9a-f]{64})"/.exec(head)?.[1] ?? /\(sha256 ([0-9a-f]{64})\)/.exec(head)?.[1] ?? null;
    const fileName = /"fileName"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(head)?.[1] ?? /from (.+?) \(sha256 [0-9a-f]{64}\)/.exec(head)?.[1] ?? null;
    if (sha256 !== null || fileName !== null) return { fileName: fileName === null ? null : (JSON.parse(`"${fileName}"`) as string), sha256 };
  }
  return null;
}

/**
 * The folder names of `inputs` inside `output` (see the module doc): each input's own name; where
 * two ask for the same name (case ignored), the one its folder records keeps it and the others
 * get their path part (with extension) added.
 */
export function batchFolderNames(inputs: readonly BatchInput[], output: string, cwd?: string): string[] {
  const key = (name: string): string => name.toLowerCase();
  const names = inputs.map((input) => ownName(input, cwd));
  const groups = new Map<string, number[]>();
  names.forEach((name, i) => groups.set(key(name), [...(groups.get(key(name)) ?? []), i]));
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const name = names[members[0]!]!;
    const recorded = recordedSource(join(output, name));
    // The same content first; else the same file name, when only one input has it.
    const bySha = recorded?.sha256 ? members.filter((i) => inputs[i]!.sha256 === recorded.sha256) : [];
    const byName = recorded?.fileName ? members.filter((i) => inputs[i]!.fileName === recorded.fileName) : [];
    const owner = bySha.length === 1 ? bySha[0] : bySha.length === 0 && byName.length === 1 ? byName[0] : undefined;
    for (const i of members) {
      if (i === owner) continue;
      const full = pathPart(inputs[i]!.path, inputs[i]!.base, true, cwd);
      const edition = editionName(inputs[i]!);
      names[i] = edition === null ? full : `${edition}-${full}`;
    }
  }
  // Paths that clean to the same text (`a b.pdf`, `a_b.pdf`): the last resort is input order.
  const taken = new Set<string>();
  return names.map((base) => {
    let name = base;
    for (let n = 2; taken.has(key(name)); n++) name = `${base}-${n}`;
    taken.add(key(name));
    return name;
  });
}

/**
 * Subfolders of `output` that look like extract folders of an earlier run (they hold only names
 * an extract folder holds, among them annex.json or datapackage.json) and are not in `current`:
 * stale. Sorted by name.
 */
export function staleFolders(output: string, current: ReadonlySet<string>): string[] {
  let entries: string[];
  try {
    entries = readdirSync(output);
  } catch {
    return [];
  }
  const known = new Set([...annexSetNames().filter((n) => !n.includes('/')), EXCEL_DIR, LOCK_FILE, STAGING_DIR]);
  return entries
    .filter((name) => !current.has(name) && !name.startsWith('.'))
    .filter((name) => {
      const dir = join(output, name);
      try {
        if (!statSync(dir).isDirectory()) return false;
        const inside = readdirSync(dir);
        return inside.length > 0 && inside.every((n) => known.has(n)) && (inside.includes('annex.json') || inside.includes('datapackage.json'));
      } catch {
        return false;
      }
    })
    .sort();
}
