/**
 * Reads one CLI input: a file path, or `-` for standard input. Enforces the byte limit while
 * reading so that a huge input is refused without being loaded whole.
 */
import { open } from 'node:fs/promises';
import { DiagnosticBag, InputError } from '../model/diagnostics.js';

/** Display name of standard input in messages and in `source.fileName`. */
export const STDIN_NAME = '<stdin>';

/**
 * Returns the bytes of `path` (or stdin for `-`). Throws InputError NAP001 when the file cannot
 * be opened (with the system's reason) and NAP002 when it is larger than `maxBytes`.
 */
export async function readInput(path: string, maxBytes: number): Promise<{ name: string; bytes: Uint8Array }> {
  const name = path === '-' ? STDIN_NAME : path;
  const diagnostics = new DiagnosticBag(name);
  /** `size` is exact for a file; for standard input, reading stops at the first chunk over the limit. */
  const tooLarge = (size: number, exact: boolean): InputError =>
    new InputError(diagnostics.report('NAP002', `Input is ${exact ? size : `over ${maxBytes}`} bytes, over the limit of ${maxBytes} bytes. Raise --max-bytes if this file is genuine.`));
  if (path === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge(size, false);
      chunks.push(chunk as Buffer);
    }
    return { name, bytes: new Uint8Array(Buffer.concat(chunks)) };
  }
  let handle;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (stat.size > maxBytes) throw tooLarge(stat.size, true);
    return { name, bytes: new Uint8Array(await handle.readFile()) };
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file. Check the path'
        : code === 'EISDIR'
          ? "it is a folder, not a file. Give a file, or a quoted glob pattern such as 'annexes/**/*.pdf'"
          : `${(error as Error).message}. Check that the file exists and is readable`;
    throw new InputError(diagnostics.report('NAP001', `Cannot read input: ${reason}.`));
  } finally {
    await handle?.close();
  }
}
