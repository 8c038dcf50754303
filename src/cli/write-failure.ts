/**
 * Why writing failed, in words a user can act on (exit 73): a read-only folder is named as
 * read-only, a full disk as full, not as the raw errno of whichever call hit it first.
 */
import { OutputInTheWayError } from '../emit/output-set.js';

/** A sentence (no full stop) for a failed write into `target` (a folder, or "standard output"). */
export function writeFailureReason(error: unknown, target: string): string {
  if (error instanceof OutputInTheWayError) return error.message.replace(/\.$/, '');
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EROFS':
      return `${target} is on a read-only file system (EROFS)`;
    case 'EACCES':
    case 'EPERM':
      return `${target} is read-only for this user (${e.code}: no permission to create files in it); fix its permissions or choose another folder with -o`;
    case 'ENOSPC':
      return `the disk holding ${target} is full (ENOSPC)`;
    case 'EDQUOT':
      return `the disk quota for ${target} is used up (EDQUOT)`;
    case 'EEXIST':
    case 'ENOTDIR':
      return `${target} or a folder above it is a file, not a folder`;
    case 'EIO':
      return `an input/output error on the device of ${target} (EIO)`;
    case 'EFBIG':
      return `a file grew beyond the size the file system allows (EFBIG)`;
    default:
      return e.message ?? String(error);
  }
}
