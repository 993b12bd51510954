/**
 * The search engine: an inverted index over the corpus's paragraphs, fed with pre-segmented text, and the
 * answer picker that finds, in each hit, the sentence that answers and the terms to mark.
 */
import { sentencesOf } from '../corpus/sentences.ts';
import type { Corpus, Paragraph, Sentence } from '../corpus/types.ts';
import type { Knowledge } from '../extract/knowledge.ts';
import { mentionForms } from '../extract/zones.ts';
import { addUserWords } from '../text/jieba.ts';
import { normalizeForMatch, normalizeWithOffsets } from '../text/normalize.ts';
import type { Marks } from '../page.ts';
import { InvertedIndex, InvertedIndexBuilder, type IndexArrays, type QueryGroup } from './inverted-index.ts';
import { contentWords, fallbackGrams, hanBigrams, queryTerms, segment } from './tokenize.ts';

/** The indexed fields of a paragraph, in the index's field order, and how much a match in each counts. */
const FIELDS = ['title', 'zones', 'section', 'body', 'grams'] as const;
type Field = (typeof FIELDS)[number];
/** Zone names and titles say what a paragraph is about; bigrams only stand in for words jieba does not know. */
const FIELD_BOOST: Record<Field, number> = { title: 1.5, zones: 2, section: 1.2, body: 1, grams: 0.5 };
const fieldsOf = (names: Field[]) => names.map((name) => ({ field: FIELDS.indexOf(name), boost: FIELD_BOOST[name] }));
const WORD_FIELDS = fieldsOf(['title', 'zones', 'section', 'body']);
const GRAM_FIELDS = fieldsOf(['grams']);

/** Questions that ask for a number: the answer sentence should hold one. */
const ASKS_FOR_NUMBER = /多少|几|百分之|比例|比重|增长|增幅|率|金额|规模|数量/u;
const NUMBER = /\d+(?:\.\d+)?/gu;
const IS_NUMBER = /^\d+(?:\.\d+)?$/u;
const TWO_HAN = /^\p{Script=Han}{2,}$/u;
/** Questions that ask how long or when: the answer sentence should say a time. */
const ASKS_FOR_TIME = /多久|多长时间|几天|几个小时|什么时候|何时|哪天/u;
const HAS_TIME = /\d+\s*(?:个)?(?:小时|分钟|天|日|工作日|个月|年)|半小时|半天|当天|当日|一天/u;
/**
 * What a how-much question measures, by its words, and how the answer writes that: money in 元, a rate or share
 * in %, an area in square metres or mu. `投资多少` is answered by a sentence with an amount in 元.
 */
const MEASURED: [asks: RegExp, answer: RegExp][] = [
  [/投资|资金|金额|额|收入|产值|营收|钱|经费|基金|预算|利润|税收|外资/u, /\d(?:\.\d+)?(?:余|多)?(?:万|亿|千)?(?:美)?元/u],
  [/增速|增幅|增长|比例|比重|占比|百分之|率/u, /\d(?:\.\d+)?%/u],
  [/面积|多大/u, /\d(?:\.\d+)?(?:余|多)?(?:平方米|平方公里|亩|公顷)/u],
];

/** Nouns a which-question asks a name of (`哪家公司`): the sentence that answers names one (`…有限公司`). */
const NAME_NOUNS = '有限公司 公司 企业 集团 开发区 产业园 园区 片区 区 县 市 部门 单位 银行 医院 学校'.split(' ');
const ASKED_NAME = new RegExp(`哪(?:一)?(?:家|个|些|所|位|座)?(${NAME_NOUNS.join('|')})`, 'u');
/** Chinese numerals with a count unit (`三枚`, `五纵五横` is no count): numbers written in characters. */
const HAN_COUNT = /[一二三四五六七八九十两百千万]+(?:个|家|项|名|枚|条|批|次|所|处|座|种|类|年|天|倍)/gu;
/** Units a question may count in (`多少家`, `几个`); paragraphs with a number in that unit answer it. */
const COUNT_UNITS = '个 家 项 名 批次 批 亩 平方米 人次 场 处 条 套 亿元 万元 元 万美元 亿美元'.split(' ');
const ASKED_UNIT = new RegExp(`(?:多少|几)(${COUNT_UNITS.join('|')})`, 'u');
const COUNTED_NUMBER = new RegExp(`\\d(?:余|多)?(${COUNT_UNITS.join('|')})`, 'gu');
/** How much a paragraph that counts in the asked unit gains. */
const UNIT_BOOST = 1.25;

/** The unit a question counts in (`多少家` → `家`), if it counts in one. */
const askedUnit = (normalizedQuestion: string) => ASKED_UNIT.exec(normalizedQuestion)?.[1];

/** A pattern for a number in the unit the question counts in (`多少家` → `14家`), if it counts in one. */
function askedCount(normalizedQuestion: string): RegExp | undefined {
  const unit = askedUnit(normalizedQuestion);
  return unit ? new RegExp(`\\d(?:余|多)?${unit}`, 'u') : undefined;
}

/**
 * The units a text counts in, one bit per COUNT_UNITS entry: computed once per paragraph at build time, so a
 * question never runs a pattern over every matching paragraph. `3批次` counts in 批 as well, as the pattern
 * `\d批` would find.
 */
export function countedUnits(normalized: string): number {
  let mask = 0;
  for (const m of normalized.matchAll(COUNTED_NUMBER)) {
    COUNT_UNITS.forEach((unit, bit) => {
      if (m[1]!.startsWith(unit)) mask |= 1 << bit;
    });
  }
  return mask;
}

export interface SearchHit {
  /** Index into `corpus.paragraphs`. */
  index: number;
  score: number;
}

interface QuestionReading {
  /** Terms to mark in the answer: the question's words and fallback bigrams. */
  markable: string[];
  /** Words that are not zone names, and their bigrams: what the sentence should say. */
  topical: string[];
  topicalGrams: string[];
  zoneForms: string[][];
  wantsNumber: boolean;
  /** The question in matching form. */
  normalized: string;
  /** For a how-much question, how its answer is written (an amount in 元, a rate in %), if the question says. */
  measured: RegExp | undefined;
  /** For a which-question, a pattern for a name of the asked kind (`\p{Han}{2,}公司`). */
  askedName: RegExp | undefined;
  /** Numbers the question itself gives (a year, a count): a sentence repeating them has not answered yet. */
  givenNumbers: Set<string>;
  wantsTime: boolean;
  counted: RegExp | undefined;
}

export interface Answer {
  sentence: Sentence;
  marks: Marks;
  /** How well the sentence answers: what it shares with the question, and whether it holds the kind of answer asked. */
  score: number;
}

/** Words the dictionary must keep whole: zone names and their short forms, measure names. */
export function dictionaryWords(knowledge: Knowledge): string[] {
  const zoneWords = knowledge.zones.flatMap((z) => [...mentionForms(z), ...(z.short ? [z.short] : []), ...(z.bareForms ?? [])]);
  const measureWords = knowledge.measures.flatMap((m) => m.variants);
  return [...new Set([...zoneWords, ...measureWords])].filter((w) => w.length >= 2);
}

/**
 * Every written form of a zone, mapped to its name, so that 济南济北经济开发区 in a text and 济北开发区 in a
 * question (or the other way round) are the same term.
 */
function zoneCanon(knowledge: Knowledge): Map<string, string> {
  const canon = new Map<string, string>();
  for (const z of knowledge.zones) for (const form of [...z.forms, ...mentionForms(z)]) canon.set(form, z.name);
  return canon;
}

/**
 * The zone forms a question may use: those of the text, and a zone's name without its city (新材料产业园区), which in
 * a question means the corpus's one zone of that name but in running text may be another city's park.
 */
function questionCanon(knowledge: Knowledge): Map<string, string> {
  const canon = zoneCanon(knowledge);
  for (const z of knowledge.zones) for (const form of z.bareForms ?? []) if (!canon.has(form)) canon.set(form, z.name);
  return canon;
}

/** Terms of a text: words, with zone forms turned into their zone's name. */
const termsOf = (tokens: string[], canon: Map<string, string>) => contentWords(tokens).map((w) => canon.get(w) ?? w);

/** A paragraph's terms per field, in FIELDS order. The title's terms are the article's, segmented once. */
function fieldTerms(knowledge: Knowledge, canon: Map<string, string>, title: string[], p: Paragraph, index: number, text: string): string[][] {
  const tokens = segment(text);
  return [
    title,
    knowledge.paragraphZones[index]!,
    p.section ? termsOf(segment(normalizeForMatch(p.section)), canon) : [],
    termsOf(tokens, canon),
    fallbackGrams(tokens),
  ];
}

/** Clauses: the parts of a sentence between commas, semicolons and colons (normalized text has ASCII ones). */
const CLAUSE_END = /[,;:]/u;
/**
 * A sentence at least this much of whose text (in characters) is in clauses already seen is a copy. Half, chosen
 * on the development questions over 10,000 synthetic articles (0.8 missed copies with a dateline put before them).
 */
const COPY_SHARE = 0.5;

/**
 * The text of a paragraph that the index reads: its sentences, less the seen clauses of sentences that are
 * copies — sentences at least half of whose text is in clauses that stand word for word earlier in the corpus (files
 * in name order). A reposted or recycled passage, with a dateline put before it or a clause changed, is then found
 * where it first appears, rather than once per copy: in an archive that repeats a passage hundreds of times, its
 * copies would fill every page. Whatever a copy adds (the dateline, the changed clause) is indexed, the copies stay
 * in their paragraphs, shown and cited, and a paragraph is still found by everything else it says. `seen`
 * gathers the clauses read so far.
 */
function unseenText(p: Paragraph, seen: Set<string>): string {
  const kept: string[] = [];
  let start = 0;
  for (const [, end] of p.sentenceEnds) {
    const clauses = p.normalized.slice(start, end).split(CLAUSE_END).map((c) => c.trim()).filter(Boolean);
    start = end;
    const length = clauses.reduce((sum, c) => sum + c.length, 0);
    const seenLength = clauses.reduce((sum, c) => sum + (seen.has(c) ? c.length : 0), 0);
    const copy = seenLength >= COPY_SHARE * length;
    for (const clause of clauses) {
      if (!seen.has(clause)) seen.add(clause);
      else if (copy) continue;
      kept.push(clause);
    }
  }
  return kept.join(' ');
}

/** What a snapshot keeps of the index: its arrays, and how many paragraphs hold each common term. */
export interface IndexSnapshot {
  arrays: IndexArrays;
  common: [term: string, paragraphs: number][];
  /** Per paragraph: the units it counts in (see `countedUnits`). */
  unitMasks: Uint32Array;
}

/**
 * A term in more than this share of the paragraphs says little about which one answers (its BM25 weight is
 * near nothing) yet costs a score for each of them: such terms are left out of a query that has rarer ones.
 */
const COMMON_SHARE = 0.05;
/** Terms are only counted as common in a corpus large enough for the share to mean something. */
const COMMON_MIN_PARAGRAPHS = 2000;

export interface SearchOptions {
  /** Keeps only some paragraphs (by index). */
  filter?: (index: number) => boolean;
  /** How many of the best hits to return (all when not given); `total` still counts every match. */
  limit?: number;
}

/** From names per paragraph to paragraphs per name, in corpus order. */
function invert(namesOfParagraph: string[][]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  namesOfParagraph.forEach((names, i) => {
    for (const name of names) {
      const list = index.get(name);
      if (list) list.push(i);
      else index.set(name, [i]);
    }
  });
  return index;
}

export class SearchEngine {
  readonly corpus: Corpus;
  readonly knowledge: Knowledge;
  private readonly index: InvertedIndex;
  /** Zone names: they say which paragraphs to look at, not which sentence answers. */
  private readonly zoneWords: Set<string>;
  /** Zone forms a question may use, to the zone's name (`questionCanon`). */
  private readonly canon: Map<string, string>;
  /** Terms held by more than COMMON_SHARE of the paragraphs, with their counts. */
  private readonly common: Map<string, number>;
  private readonly unitMasks: Uint32Array;
  private readonly zoneNames: Set<string>;
  /** Every written form of each zone, by the zone's name. */
  private readonly formsOfZone = new Map<string, string[]>();

  private constructor(corpus: Corpus, knowledge: Knowledge, index: InvertedIndex, common: Map<string, number>, unitMasks: Uint32Array) {
    this.corpus = corpus;
    this.knowledge = knowledge;
    this.index = index;
    this.common = common;
    this.unitMasks = unitMasks;
    this.zoneWords = new Set(knowledge.zones.flatMap((z) => [...mentionForms(z), ...z.forms, ...(z.short ? [z.short] : []), ...(z.bareForms ?? [])]));
    this.canon = questionCanon(knowledge);
    this.zoneNames = new Set(this.canon.values());
    for (const [form, zone] of this.canon) {
      const forms = this.formsOfZone.get(zone);
      if (forms) forms.push(form);
      else this.formsOfZone.set(zone, [form]);
    }
  }

  /** Indexes every paragraph. Adds the knowledge's names to the dictionary first, so they stay whole. */
  static build(corpus: Corpus, knowledge: Knowledge, onProgress?: (stage: string, done: number, total: number) => void): SearchEngine {
    addUserWords(dictionaryWords(knowledge));
    const builder = new InvertedIndexBuilder(FIELDS.length);
    const canon = zoneCanon(knowledge);
    // Titles are shared by an article's paragraphs: segment each once.
    // An article without a headline is named by its opening words, which its first paragraph already holds.
    const titles = corpus.articles.map((a) => (a.untitled ? [] : termsOf(segment(normalizeForMatch(a.title)), canon)));
    const total = corpus.paragraphs.length;
    const paragraphsWith = new Map<string, number>();
    const unitMasks = new Uint32Array(total);
    const countOnce = (terms: Iterable<string>) => {
      for (const term of new Set(terms)) paragraphsWith.set(term, (paragraphsWith.get(term) ?? 0) + 1);
    };
    const seenSentences = new Set<string>();
    corpus.paragraphs.forEach((p, i) => {
      const text = unseenText(p, seenSentences);
      const fields = fieldTerms(knowledge, canon, titles[p.article]!, p, i, text);
      builder.add(fields);
      const [title, , section, body, grams] = fields;
      countOnce([...body!, ...section!, ...title!]);
      countOnce(grams!.map((g) => `#${g}`));
      unitMasks[i] = countedUnits(text);
      if (onProgress && (i % 1000 === 999 || i === total - 1)) onProgress('index', i + 1, total);
    });
    const threshold = total >= COMMON_MIN_PARAGRAPHS ? COMMON_SHARE * total : Infinity;
    const common = new Map([...paragraphsWith].filter(([, n]) => n > threshold));
    return new SearchEngine(corpus, knowledge, builder.finish(), common, unitMasks);
  }

  static load(corpus: Corpus, knowledge: Knowledge, index: IndexSnapshot): SearchEngine {
    addUserWords(dictionaryWords(knowledge));
    return new SearchEngine(corpus, knowledge, new InvertedIndex(index.arrays), new Map(index.common), index.unitMasks);
  }

  indexSnapshot(): IndexSnapshot {
    return { arrays: this.index.arrays, common: [...this.common], unitMasks: this.unitMasks };
  }

  /** In how many paragraphs' text a term stands (its body postings): how common a word of the corpus is. */
  paragraphsWith(term: string): number {
    const t = this.index.termId(term);
    if (t < 0) return 0;
    const { offsets, fieldCount } = this.index.arrays;
    const body = FIELDS.indexOf('body');
    return offsets[t * fieldCount + body + 1]! - offsets[t * fieldCount + body]!;
  }

  private corpusWords: string[] | undefined;

  /**
   * The corpus's own words: terms of the word fields (not the bigram field) with at least two Han characters.
   * Tables from the user's words to the corpus's (pinyin, English) are built over these, so that they only
   * ever lead to terms the index holds.
   */
  words(): string[] {
    if (this.corpusWords) return this.corpusWords;
    const { terms, offsets, fieldCount } = this.index.arrays;
    const wordFields = WORD_FIELDS.map((f) => f.field);
    this.corpusWords = terms.filter(
      (term, t) => TWO_HAN.test(term) && wordFields.some((f) => offsets[t * fieldCount + f + 1]! > offsets[t * fieldCount + f]!),
    );
    return this.corpusWords;
  }

  private citationIndex: Map<string, number> | undefined;
  private zoneIndex: Map<string, number[]> | undefined;

  /** The paragraph a citation names (case does not matter), by lookup rather than by scanning. */
  paragraphIndex(citation: string): number | undefined {
    this.citationIndex ??= new Map(this.corpus.paragraphs.map((p, i) => [p.citation.toLowerCase(), i]));
    return this.citationIndex.get(citation.toLowerCase());
  }

  private measureIndex: Map<string, number[]> | undefined;

  /** The paragraphs about a zone, in corpus order. */
  zoneParagraphs(zone: string): number[] {
    this.zoneIndex ??= invert(this.knowledge.paragraphZones);
    return this.zoneIndex.get(zone) ?? [];
  }

  /** The paragraphs that name a measure, in corpus order. */
  measureParagraphs(measure: string): number[] {
    this.measureIndex ??= invert(this.knowledge.paragraphMeasures);
    return this.measureIndex.get(measure) ?? [];
  }

  /** The corpus's zones a question names, by any form the text writes them in (济北, 济南济北经济开发区). */
  zonesNamedIn(question: string): string[] {
    return [...new Set(queryTerms(question).words.map((w) => this.canon.get(w)).filter((z) => z !== undefined))];
  }

  /** Every form the text writes a zone in, by the zone's name. */
  zoneForms(zone: string): string[] {
    return this.formsOfZone.get(zone) ?? [];
  }

  /** Leaves common terms out when rarer ones remain (keeping the two rarest at least). */
  private informative(terms: string[], key: (t: string) => string, keep: (t: string) => boolean = () => false): string[] {
    const rare = terms.filter((t) => keep(t) || !this.common.has(key(t)));
    if (rare.length >= 2 || rare.length === terms.length) return rare;
    const byCount = [...terms].sort((a, b) => (this.common.get(key(a)) ?? 0) - (this.common.get(key(b)) ?? 0));
    return [...new Set([...rare, ...byCount])].slice(0, Math.max(2, rare.length));
  }

  /** Ranked paragraphs for a free-text query, best first, and how many matched in all. */
  search(query: string, options: SearchOptions = {}): { hits: SearchHit[]; total: number } {
    const { words: w, tokens, normalized } = queryTerms(query);
    // A zone name counts once, as its canonical term; its characters' bigrams would count it again.
    const grams = fallbackGrams(tokens.filter((t) => !this.canon.has(t)));
    const allWords = [...new Set(w.map((word) => this.canon.get(word) ?? word))];
    // A zone the question names always counts: it says which paragraphs are meant.
    const wordTerms = this.informative(allWords, (t) => t, (t) => this.zoneNames.has(t));
    // Two-character words are also looked up among the bigrams, to meet the same characters inside longer words.
    const gramTerms = this.informative([...new Set([...grams, ...allWords.filter((t) => t.length === 2)])], (t) => `#${t}`);
    if (wordTerms.length === 0 && gramTerms.length === 0) return { hits: [], total: 0 };
    // Words are looked up in the word fields and bigrams in the bigram field only.
    const groups: QueryGroup[] = [
      { terms: wordTerms, fields: WORD_FIELDS },
      { terms: gramTerms, fields: GRAM_FIELDS },
    ];
    const unit = askedUnit(normalized);
    const bit = unit === undefined ? 0 : 1 << COUNT_UNITS.indexOf(unit);
    const { hits, total } = this.index.search(groups, {
      ...(options.filter ? { accept: options.filter } : {}),
      ...(bit ? { boost: (doc: number) => (this.unitMasks[doc]! & bit ? UNIT_BOOST : 1) } : {}),
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
    });
    return { hits: hits.map((h) => ({ index: h.doc, score: h.score })), total };
  }

  /** The sentence of a paragraph that answers the query best, with the query's terms marked in it. */
  /** What the answer picker reads from a question; a page asks it once per hit, so the last one is kept. */
  private lastQuestion: { query: string; reading: QuestionReading } | undefined;

  private readQuestion(query: string): QuestionReading {
    if (this.lastQuestion?.query === query) return this.lastQuestion.reading;
    const { words: w, tokens, normalized } = queryTerms(query);
    const topical = w.filter((word) => !this.zoneWords.has(word));
    const reading: QuestionReading = {
      markable: [...w, ...fallbackGrams(tokens)],
      topical,
      topicalGrams: hanBigrams(topical.join(' ')),
      // The zones the question names, each as all the forms the text may write it in.
      zoneForms: [...new Set(w.map((word) => this.canon.get(word)).filter((z) => z !== undefined))].map((name) => this.formsOfZone.get(name)!),
      normalized,
      wantsNumber: ASKS_FOR_NUMBER.test(normalized),
      askedName: askedNamePattern(normalized),
      measured: ASKS_FOR_NUMBER.test(normalized) ? measuredBy(normalized) : undefined,
      givenNumbers: new Set(normalized.match(NUMBER) ?? []),
      wantsTime: ASKS_FOR_TIME.test(normalized),
      counted: askedCount(normalized),
    };
    this.lastQuestion = { query, reading };
    return reading;
  }

  answer(paragraphIndex: number, query: string): Answer {
    const p = this.corpus.paragraphs[paragraphIndex]!;
    const reading = this.readQuestion(query);
    const { markable, topical, topicalGrams, zoneForms } = reading;
    const sentences = sentencesOf(p);
    let best = sentences[0] ?? { display: p.display, normalized: p.normalized };
    let bestScore = -1;
    for (const s of sentences) {
      // What the sentence shares with the question: where the answer is.
      let score = 0;
      // A number the question gives (a year) says where to look, not what answers: it counts as one word.
      for (const word of topical) if (s.normalized.includes(word)) score += IS_NUMBER.test(word) ? 1 : Math.min(word.length, 4);
      for (const forms of zoneForms) if (forms.some((f) => s.normalized.includes(f))) score += 1;
      for (const gram of topicalGrams) if (s.normalized.includes(gram)) score += 0.5;
      // What kind of answer it holds: a number in the asked unit, a number the question did not give, a time, a
      // name of the asked kind. The paragraph already matched the question; in it, a sentence that answers
      // comes before one that only repeats the question's words.
      score += ANSWER_TIER * answerTier(s.normalized, reading);
      if (score > bestScore) [best, bestScore] = [s, score];
    }
    return { sentence: best, marks: markTerms(best.display, markable), score: Math.max(0, bestScore) };
  }
}

/** How much a sentence that holds the asked kind of answer gains: more than any overlap of words. */
const ANSWER_TIER = 100;

/** 2: a number in the unit asked (counted or measured); 1: another answer of the asked kind; 0: none. */
function answerTier(sentence: string, asked: QuestionReading): number {
  const question = asked.normalized;
  if (asked.counted?.test(sentence) || asked.measured?.test(sentence)) return 2;
  if (asked.wantsNumber) {
    const numbers = [...(sentence.match(NUMBER) ?? []), ...(sentence.match(HAN_COUNT) ?? [])];
    if (numbers.some((n) => !asked.givenNumbers.has(n) && !question.includes(n))) return 1;
  }
  if (asked.wantsTime && HAS_TIME.test(sentence)) return 1;
  if (asked.askedName) {
    // A new name, in a sentence that also says something the question asks about besides the name itself.
    const names = [...sentence.matchAll(asked.askedName)].map(([name]) => name).filter((name) => !question.includes(name));
    if (names.length && asked.topical.some((w) => sentence.includes(w) && !names.some((name) => name.includes(w)))) return 1;
  }
  return 0;
}

/**
 * How the answer to a how-much question is written, by the last measure word it uses: the head of a Chinese noun
 * phrase comes last (产值同比增长 asks for a rate, 增长的产值 for an amount).
 */
function measuredBy(normalizedQuestion: string): RegExp | undefined {
  let best: { at: number; answer: RegExp } | undefined;
  for (const [asks, answer] of MEASURED) {
    const global = new RegExp(asks.source, 'gu');
    for (const m of normalizedQuestion.matchAll(global)) if (!best || m.index >= best.at) best = { at: m.index, answer };
  }
  return best?.answer;
}

/** For a which-question (`哪家公司`), a pattern for a name of that kind; else undefined. */
function askedNamePattern(normalizedQuestion: string): RegExp | undefined {
  const noun = ASKED_NAME.exec(normalizedQuestion)?.[1];
  return noun ? new RegExp(`\\p{Script=Han}{2,}${noun}`, 'gu') : undefined;
}

/** Ranges of `display` where any of the (normalized) terms occurs, merged where they touch. */
export function markTerms(display: string, terms: string[]): Marks {
  const { text, offsets } = normalizeWithOffsets(display);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
      ranges.push([offsets[i]!, offsets[i + term.length]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Marks = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
