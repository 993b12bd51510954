/**
 * The one door to nodejieba. Its dictionary is global to the process, so user words (zone names, measures)
 * are added here and remembered, which lets a snapshot restore exactly the dictionary it was built with.
 */
import nodejieba from 'nodejieba';
import { fileURLToPath } from 'node:url';

const userWords = new Set<string>();
let loaded = false;

/**
 * Loads the segmentation dictionaries once. The keyword-extraction tables (IDF, stop words) are replaced by
 * one-line files: zonebot never extracts keywords, and skipping them saves about a tenth of the load time and
 * 20 MiB (`tsx bench/jieba-cost.ts full|lean`). cppjieba refuses empty files, hence one line each.
 */
function ensureLoaded(): void {
  if (loaded) return;
  nodejieba.load({
    idfDict: fileURLToPath(new URL('./dict/idf-min.utf8', import.meta.url)),
    stopWordDict: fileURLToPath(new URL('./dict/stop-words-min.utf8', import.meta.url)),
  });
  loaded = true;
}

export interface TaggedToken {
  word: string;
  tag: string;
}

export function cut(text: string): string[] {
  ensureLoaded();
  return nodejieba.cut(text, true);
}

export function tag(text: string): TaggedToken[] {
  ensureLoaded();
  return nodejieba.tag(text);
}

/** Adds words to the segmentation dictionary so that, e.g., `济北` stays one token. Idempotent. */
export function addUserWords(words: Iterable<string>): void {
  for (const word of words) {
    if (!word || userWords.has(word) || /\s/u.test(word)) continue;
    ensureLoaded();
    nodejieba.insertWord(word);
    userWords.add(word);
  }
}

export function userWordList(): string[] {
  return [...userWords];
}
