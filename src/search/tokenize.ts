/**
 * Tokenization for the index and for queries, as a pipeline of small steps: normalize → segment with jieba →
 * drop stop words and punctuation; plus character bigrams of every Han run, so that words the dictionary does
 * not know still match.
 */
import { cut } from '../text/jieba.ts';
import { normalizeForMatch } from '../text/normalize.ts';

/**
 * Function words, politeness and question words: they carry no topic. Question words (多少, 几) are kept out of
 * matching but read by the answer picker, which prefers sentences with figures for such questions. A lone time
 * unit of a date (月 of 每个月, which jieba cuts 每个 / 月) is in every dated paragraph (7月30日): it says nothing either.
 */
const STOP_WORDS = new Set(
  (
    '的 了 在 和 与 及 或 是 为 对 于 把 被 从 向 以 将 也 都 就 又 还 而 并 等 之 其 这 那 这些 那些 这个 那个 ' +
    '一个 每个 一下 一些 有 有没有 没有 吗 呢 吧 啊 呀 么 嘛 哦 请 请问 问 问一下 谢谢 麻烦 您 你 我 我们 你们 他们 它 ' +
    '什么 怎么 怎样 怎么样 如何 多少 几 几个 哪 哪些 哪个 哪里 哪儿 为什么 是否 是不是 能否 可以 能 会 ' +
    '给 让 使 得 着 过 个 家 所 到 上 中 下 里 内 后 前 关于 一 该 该区 方面 情况 相关 进行 工作 月 日'
  ).split(' '),
);
const HAN_RUN = /\p{Script=Han}+/gu;
const SINGLE_HAN = /^\p{Script=Han}$/u;
const WORDLIKE = /[\p{Script=Han}\p{L}\p{N}]/u;

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Character bigrams of each Han run (a lone character stands for itself). */
export function hanBigrams(text: string): string[] {
  const grams: string[] = [];
  for (const [run] of text.matchAll(HAN_RUN)) {
    if (run.length === 1) {
      if (!STOP_WORDS.has(run)) grams.push(run);
      continue;
    }
    for (let i = 0; i + 2 <= run.length; i++) grams.push(run.slice(i, i + 2));
  }
  return grams;
}

/**
 * Punctuation becomes a space before segmentation: jieba's HMM leaves a word it does not know in single
 * characters when quotes surround it (“瞪羚” → 瞪 / 羚), but finds it between spaces.
 */
const PUNCTUATION = /[\p{P}\p{S}]/gu;

/**
 * The fallback terms of a text's words: the bigrams inside long words (产业园区 → 产业 业园 园区), so that a part of
 * a compound still matches, and the bigrams across runs of single characters, which is how jieba leaves words
 * it does not know. Ordinary two-character words need none: they are terms already.
 */
export function fallbackGrams(tokens: string[]): string[] {
  const grams: string[] = [];
  let run = '';
  const flush = () => {
    if (run.length >= 2) grams.push(...hanBigrams(run));
    run = '';
  };
  for (const token of tokens) {
    if (SINGLE_HAN.test(token)) {
      run += token;
      continue;
    }
    flush();
    if (token.length >= 3) grams.push(...hanBigrams(token));
  }
  flush();
  return grams;
}

/** jieba's tokens of an already normalized text, punctuation and spaces left out. */
export function segment(normalized: string): string[] {
  return cut(normalized.replace(PUNCTUATION, ' ')).filter((w) => WORDLIKE.test(w));
}

/** The tokens that carry meaning: stop words left out. */
export function contentWords(tokens: string[]): string[] {
  return tokens.filter((w) => !STOP_WORDS.has(w));
}

/** Words of an already normalized text: jieba tokens minus stop words, punctuation and spaces. */
export function words(normalized: string): string[] {
  return contentWords(segment(normalized));
}

/** A query's words (without repeats) and its tokens, for the fallback terms. */
export function queryTerms(query: string): { words: string[]; tokens: string[]; normalized: string } {
  const normalized = normalizeForMatch(query);
  const tokens = segment(normalized);
  return { words: [...new Set(contentWords(tokens))], tokens, normalized };
}
