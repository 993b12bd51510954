/**
 * Writing a file so that readers see it whole or not at all: the bytes go to a hidden temporary file beside it,
 * which is then renamed over the target (a rename within one folder is atomic). The temporary name starts with a
 * dot and ends in `.tmp`, so neither the corpus reader nor the folder watcher takes it for a file of the corpus.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}
