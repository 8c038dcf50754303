/**
 * Atomic output: every file is first written to a temporary file in the same folder, then all are
 * renamed over their targets. When any step fails, the temporary files are removed and existing
 * outputs stay exactly as they were (targets already replaced are restored from a backup taken
 * before the first rename); a reader never sees a half-written file.
 */
import { copyFile, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * One file to write: absolute or relative path and its content, or a function that makes the
 * content when it is written (so that a large output is built, written and released one file at a
 * time instead of all at once).
 */
export interface OutputFile {
  path: string;
  content: string | Uint8Array | (() => string | Uint8Array);
}

/**
 * Writes all `files` atomically (per file: temp + rename; as a set: all temps are written and
 * every target checked before the first rename, and a failed rename puts back the targets already
 * replaced). Creates missing folders. Rejects with the underlying fs error.
 */
export async function writeFilesAtomically(files: OutputFile[]): Promise<void> {
  const stamp = `${process.pid}.${Date.now()}`;
  const temps: { temp: string; path: string; backup: string | null }[] = [];
  const replaced: { path: string; backup: string | null }[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${basename(file.path)}.${stamp}.tmp`);
      temps.push({ temp, path: file.path, backup: null });
      await writeFile(temp, typeof file.content === 'function' ? file.content() : file.content);
    }
    for (const t of temps) {
      const existing = await lstat(t.path).catch(() => null);
      if (existing && !existing.isFile()) {
        throw Object.assign(new Error(`${t.path} exists and is not a regular file`), { code: 'EISDIR', path: t.path });
      }
      if (existing) {
        t.backup = join(dirname(t.path), `.${basename(t.path)}.${stamp}.bak`);
        await copyFile(t.path, t.backup);
      }
    }
    for (const t of temps) {
      await rename(t.temp, t.path);
      replaced.push({ path: t.path, backup: t.backup });
    }
    await Promise.all(temps.map((t) => (t.backup ? rm(t.backup, { force: true }) : undefined)));
  } catch (error) {
    for (const r of replaced.reverse()) {
      if (r.backup) await rename(r.backup, r.path).catch(() => undefined);
      else await rm(r.path, { force: true });
    }
    await Promise.all(temps.flatMap((t) => [rm(t.temp, { force: true }), t.backup ? rm(t.backup, { force: true }) : undefined]));
    throw error;
  }
}
