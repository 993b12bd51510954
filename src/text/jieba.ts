/**
 * The one door to nodejieba. Its dictionary is global to the process, so user words (zone names, measures)
 * are added here and remembered, which lets a snapshot restore exactly the dictionary it was built with.
 */
import nodejieba from 'nodejieba';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const userWords = new Set<string>();
let loaded = false;

/**
 * Words rarer than this in jieba's own counts are left out of the dictionary it loads. Loading its 349,000 words
 * takes 1.4 s, most of a cold start; the 137,000 counted five times or more load in 0.5 s. A word left out is
 * still found by the HMM or matched by the fallback bigrams, and the eval questions score the same.
 */
const MIN_WORD_COUNT = 5;

/** jieba's dictionary without its rarest words, made once per machine from the installed one. */
export function trimmedDictionary(): string {
  const source = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;
  // Keyed by the installed file's path, size and time (not its content, which would cost a read per start).
  const { size, mtimeMs } = statSync(source);
  const key = createHash('sha256').update(`${source}|${size}|${mtimeMs}|${MIN_WORD_COUNT}`).digest('hex').slice(0, 16);
  const target = path.join(os.tmpdir(), `zonebot-jieba-${key}.utf8`);
  if (!existsSync(target)) {
    const kept = readFileSync(source, 'utf8').split('\n').filter((line) => Number(line.split(' ')[1]) >= MIN_WORD_COUNT);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, kept.join('\n') + '\n');
    renameSync(temporary, target);
  }
  return target;
}

/**
 * Loads the segmentation dictionaries once: the trimmed word list, and one-line files for the keyword-extraction
 * tables (IDF, stop words), which zonebot never uses (cppjieba refuses empty files). `tsx bench/jieba-cost.ts`
 * measures what each choice costs. Called by the first cut or tag.
 */
function loadDictionary(): void {
  if (loaded) return;
  nodejieba.load({
    dict: trimmedDictionary(),
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
  loadDictionary();
  return nodejieba.cut(text, true);
}

export function tag(text: string): TaggedToken[] {
  loadDictionary();
  return nodejieba.tag(text);
}

/** How jieba tagged each user word before it was added (see `tagAsBuilt`). */
const tagsBeforeAdding = new Map<string, TaggedToken[]>();

/** Adds words to the segmentation dictionary so that, e.g., `济北` stays one token. Idempotent. */
export function addUserWords(words: Iterable<string>): void {
  for (const word of words) {
    if (!word || userWords.has(word) || /\s/u.test(word)) continue;
    loadDictionary();
    tagsBeforeAdding.set(word, nodejieba.tag(word));
    nodejieba.insertWord(word);
    userWords.add(word);
  }
}

/**
 * Tags as jieba's own dictionary does, before any user word was added: a user word comes back as the tokens it
 * was before (济北开发区 → 济北/x 开发区/n, 两江 → 两江/ns rather than x). The dictionary is global to the
 * process, so without this a second build in one process (a rebuild, a test) would read names differently from
 * the first.
 */
export function tagAsBuilt(text: string): TaggedToken[] {
  const tokens = tag(text);
  if (!tokens.some((t) => tagsBeforeAdding.has(t.word))) return tokens;
  const before: TaggedToken[] = [];
  for (const t of tokens) {
    const was = tagsBeforeAdding.get(t.word);
    // Fresh objects, as jieba's own are: callers may add to them.
    if (was) for (const w of was) before.push({ word: w.word, tag: w.tag });
    else before.push(t);
  }
  return before;
}

export function userWordList(): string[] {
  return [...userWords];
}
