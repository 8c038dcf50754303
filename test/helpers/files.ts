/** Looking at folders the way a user's tools do (git, zip): every file, hidden ones included. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `folder` (relative paths, `/`-separated), hidden ones included, sorted. */
export function filesUnder(folder: string, prefix = ''): string[] {
  return readdirSync(join(folder, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(folder, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}
