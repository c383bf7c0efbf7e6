// Housekeeping of the upload folder, where uploaded catalog files live while they are read.

import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Age after which a file left in the upload folder belongs to no running request. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Delete upload files older than an hour, left behind by a crash or a kill during an upload. */
export async function removeStaleUploads(uploadDir: string, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(uploadDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }

  let removed = 0;
  for (const name of names) {
    if (!name.startsWith('catalog-')) continue;
    const file = path.join(uploadDir, name);
    const info = await stat(file).catch(() => null);
    if (!info || now - info.mtimeMs < STALE_AFTER_MS) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  return removed;
}
