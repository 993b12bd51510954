/**
 * Which of the corpus's metric words name the same figure as a word a question may use (签约 ~ 合同 ~ 协议, 增速
 * ~ 增幅, 营收 ~ 收入), made when the corpus is built: the words of its figures' metrics, related through CC-CEDICT
 * to each other and to the dictionary's other words by the English they are glossed with. Two words are related
 * as much as their closest senses share specific English words (weighted by how few entries use each word), so
 * `contract` relates 合同 and 签约 but `project` or `enterprise`, glossing hundreds of entries, relates nothing.
 * Generic words of the corpus (in more than a fifth of its paragraphs: 项目, 企业) are never expanded.
 */
import type { SearchEngine } from '../search/engine.ts';
import type { RelatedTable } from '../search/related-words.ts';
import { segment } from '../search/tokenize.ts';
import { compoundSenses, readEntries, sensesOf, type Entry, type Sense } from './dictionary.ts';

/** A gloss word used by more entries than this says too little to relate two words. */
const MAX_GLOSS_ENTRIES = 400;
/** Two words whose closest senses share less than this (weighted Jaccard) are not related. */
const MIN_SIMILARITY = 0.6;
/** A related word counts this much of its similarity: always below the asked word itself. */
const RELATED_WEIGHT = 0.7;
/** A word in more than this share of the paragraphs is generic: it names no figure of its own. */
const GENERIC_SHARE = 0.2;
/** How many related corpus words a word keeps at most. */
const MAX_RELATED = 4;
const HAN_WORD = /^\p{Script=Han}{2,6}$/u;

/**
 * The words that name what the corpus's figures measure: the head of each metric (its last word, with a one-
 * character suffix such as 额 or 数 joined to it) and the word before it (签约 of 新签约项目, 总产值 and 工业 of
 * 规模以上工业总产值), each once. The words further in front say whose or which figure, not what it measures.
 */
export function metricWords(engine: SearchEngine): string[] {
  const words = new Set<string>();
  // A growth's metric is the figure's and its growth word (规上服务业 同比增长): both name something measured.
  for (const metric of new Set(engine.knowledge.figures.flatMap((f) => f.metric.split(' ')))) {
    const tokens = segment(metric);
    let head = tokens.pop() ?? '';
    while (head.length === 1 && tokens.length) head = tokens.pop()! + head;
    for (const word of [head, tokens.at(-1) ?? '']) if (HAN_WORD.test(word)) words.add(word);
  }
  return [...words];
}

/** What a dictionary word means, for comparing: every English word of its senses, and their summed weight. */
interface Meaning {
  words: Set<string>;
  weight: number;
}

/**
 * How much two words mean the same: the weight of the English words they share over the weight of the one with
 * more to say, each English word weighted by how specific it is (今年 `this year` and 去年 `last year` share only
 * `year`, which is not enough).
 */
function similarity(a: Meaning, b: Meaning, weightOf: (word: string) => number): number {
  let shared = 0;
  for (const w of a.words) if (b.words.has(w)) shared += weightOf(w);
  return shared / Math.max(1e-9, a.weight, b.weight);
}

/** A sense of this many English words, given whole to two words, relates them by itself. */
const MIN_SENSE_WORDS = 2;

/**
 * Whether two words that share a character have a sense in the same English words (增速: to accelerate; growth
 * rate — 增幅: growth rate): a word with several senses is related by the one it shares whole, though its others
 * differ. A one-word sense (year, sign) says too little; and words with no character in common meet in a sense
 * by chance more often than not (吃豆腐 and 利用: to take advantage of).
 */
function shareSense(a: string, aSenses: Sense[], b: string, bSenses: Sense[]): boolean {
  if (![...a].some((ch) => b.includes(ch))) return false;
  const key = (sense: Sense) => [...new Set(sense.words)].sort().join(' ');
  const keys = new Set(aSenses.filter((s) => new Set(s.words).size >= MIN_SENSE_WORDS).map(key));
  return bSenses.some((s) => keys.has(key(s)));
}

/** The dictionary as the relation needs it: each Han word's English words, and the words each English word glosses. */
interface MeaningIndex {
  wordsOf: Map<string, Set<string>>;
  glossing: Map<string, string[]>;
  /** Senses of words and single characters, for the compounds the dictionary lacks (签约额 = 签约 + 额). */
  senses: Map<string, Sense[]>;
}

/** Kept for the process's next build: reading and parsing the dictionary costs about a second. */
let meaningIndex: MeaningIndex | undefined;

function indexMeanings(entries: Entry[]): MeaningIndex {
  const senses = new Map<string, Sense[]>();
  for (const [, simplified, pinyin, meanings] of entries) {
    if (!HAN_WORD.test(simplified) && !/^\p{Script=Han}$/u.test(simplified)) continue;
    if (/^[A-Z]/u.test(pinyin)) continue;
    const found = sensesOf(simplified, meanings);
    if (found.length) senses.set(simplified, [...(senses.get(simplified) ?? []), ...found]);
  }
  const glossing = new Map<string, string[]>();
  const wordsOf = new Map<string, Set<string>>();
  for (const [word, list] of senses) {
    if (!HAN_WORD.test(word)) continue;
    const english = new Set(list.flatMap((sense) => sense.words));
    wordsOf.set(word, english);
    for (const w of english) (glossing.get(w) ?? glossing.set(w, []).get(w)!).push(word);
  }
  return { wordsOf, glossing, senses };
}

/**
 * The relation table of a built engine: for each word a question may use (a corpus metric word, or a dictionary
 * word related to one), the corpus metric words related to it, with their weights. `entries` replaces the
 * package's dictionary (tests).
 */
export function relateMetricWords(engine: SearchEngine, entries?: Entry[]): RelatedTable {
  const paragraphs = Math.max(1, engine.corpus.paragraphs.length);
  const generic = (word: string) => engine.paragraphsWith(word) > GENERIC_SHARE * paragraphs;
  const metrics = metricWords(engine).filter((w) => !generic(w));
  if (!metrics.length) return [];
  const { wordsOf, glossing, senses } = entries ? indexMeanings(entries) : (meaningIndex ??= indexMeanings(readEntries()));
  const weightOf = (w: string) => Math.log(1 + wordsOf.size / (glossing.get(w)?.length ?? 1));
  const meaningOf = (english: Set<string>): Meaning => ({ words: english, weight: [...english].reduce((sum, w) => sum + weightOf(w), 0) });
  const related = new Map<string, Map<string, number>>();
  for (const metric of metrics) {
    const metricSenses = senses.get(metric) ?? compoundSenses(metric, senses);
    const english = wordsOf.get(metric) ?? new Set(metricSenses.flatMap((sense) => sense.words));
    if (!english.size) continue;
    const meaning = meaningOf(english);
    const candidates = new Set<string>();
    for (const w of english) {
      const words = glossing.get(w);
      if (words && words.length <= MAX_GLOSS_ENTRIES) for (const word of words) candidates.add(word);
    }
    for (const word of candidates) {
      if (word === metric || generic(word)) continue;
      // Only senses the dictionary gives the word itself are compared one by one: a compound's (签约额 = 签约 + 额)
      // are every sense of each of its characters.
      const shared = wordsOf.has(metric) && shareSense(metric, metricSenses, word, senses.get(word) ?? []);
      const score = shared ? 1 : similarity(meaning, meaningOf(wordsOf.get(word)!), weightOf);
      if (score < MIN_SIMILARITY) continue;
      const list = related.get(word) ?? related.set(word, new Map()).get(word)!;
      list.set(metric, RELATED_WEIGHT * Math.min(1, score));
    }
  }
  return [...related].map(([word, list]) => [word, [...list].sort((a, b) => b[1] - a[1]).slice(0, MAX_RELATED)]);
}
