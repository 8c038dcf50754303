/**
 * Reads one CLI input: a file path, or `-` for standard input. Enforces the byte limit while
 * reading so that a huge input is refused without being loaded whole.
 */
import { open } from 'node:fs/promises';
import { DiagnosticBag } from '../diagnostics/bag.js';
import { InputError } from '../diagnostics/errors.js';
import { type CliIo, processIo, resolvePath } from './io.js';

/** Display name of standard input in messages and in `source.fileName`. */
export const STDIN_NAME = '<stdin>';

/** The NAP002 message: `size` when it is known exactly, else only that the input is larger. */
export function tooLargeMessage(maxBytes: number, size?: number): string {
  return `Input is ${size !== undefined ? `${size} bytes, ` : ''}larger than the limit of ${maxBytes} bytes. Raise --max-bytes if this file is genuine.`;
}

/**
 * Returns the bytes of `path` (or stdin for `-`; relative paths from `io.cwd`). Throws InputError NAP001 when the file cannot
 * be opened (with the system's reason) and NAP002 when it is larger than `maxBytes`. The limit is
 * enforced while reading, whatever the file's reported size: a device (`/dev/zero`), FIFO or
 * growing file stops at the first chunk over the limit.
 */
export async function readInput(path: string, maxBytes: number, io: Pick<CliIo, 'stdin' | 'cwd'> = processIo()): Promise<{ name: string; bytes: Uint8Array }> {
  const name = path === '-' ? STDIN_NAME : path;
  const diagnostics = new DiagnosticBag(name);
  const tooLarge = (size?: number): InputError => new InputError(diagnostics.report('NAP002', tooLargeMessage(maxBytes, size), {}, { ...(size !== undefined ? { actual: size } : {}), expected: maxBytes }));
  if (path === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of io.stdin) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      size += buffer.length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(buffer);
    }
    return { name, bytes: new Uint8Array(Buffer.concat(chunks)) };
  }
  let handle;
  try {
    handle = await open(resolvePath(io, path), 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(stat.size);
    // Read at most maxBytes + 1 bytes: one byte more than the limit proves the input too large.
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const want = Math.min(1 << 20, maxBytes + 1 - size);
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      size += bytesRead;
      if (size > maxBytes) throw tooLarge();
    }
    return { name, bytes: new Uint8Array(Buffer.concat(chunks, size)) };
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file. Check the path'
        : code === 'EISDIR'
          ? "it is a folder, not a file. Give a file, or a quoted glob pattern such as 'annexes/**/*.pdf'"
          : `${(error as Error).message}. Check that the file exists and is readable`;
    throw new InputError(diagnostics.report('NAP001', `Cannot read input: ${reason}.`, {}, code !== undefined ? { cause: code } : {}));
  } finally {
    await handle?.close();
  }
}
