/**
 * Atomic output: every file is first written to a temporary file in the same folder, then all are
 * renamed over their targets. When any write fails, the temporary files are removed and existing
 * outputs stay exactly as they were; a reader never sees a half-written file.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** One file to write: absolute or relative path and its content. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes all `files` atomically (per file: temp + rename; as a set: all temps are written before
 * the first rename). Creates missing folders. Rejects with the underlying fs error.
 */
export async function writeFilesAtomically(files: OutputFile[]): Promise<void> {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.${Date.now()}.tmp`);
      temps.push({ temp, path: file.path });
      await writeFile(temp, file.content);
    }
    for (const { temp, path } of temps) await rename(temp, path);
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
}
