/** Real seed text for the tests: the project's own copy of the corpus. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEEDS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'seeds');

/** The text of the seed whose file name starts with `prefix` (`000`, `002` …). */
export function seedText(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(path.join(SEEDS_DIR, name), 'utf8');
}
