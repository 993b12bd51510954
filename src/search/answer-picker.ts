/**
 * The answer picker: what kind of answer a question asks for (a number in a unit, a time, a name, a figure of a
 * metric), and which sentence of a paragraph gives it — the one that answers before the one that merely repeats
 * the question's words.
 */
import type { Sentence } from '../corpus/types.ts';
import { isZoneKind } from '../extract/zones.ts';
import type { Marks } from '../page.ts';
import { normalizeWithOffsets } from '../text/normalize.ts';
import { aimTier, askedAim, type AskedAim } from './asked-aim.ts';
import { askedName as readAskedName, nameTier, type AskedName } from './asked-name.ts';
import { asksFloor, floorTier } from './asked-floor.ts';
import { inList, setAsideWords, withoutWords } from './asked-besides.ts';
import { askedHeading, type AskedHeading } from './asked-heading.ts';
import { asksPhotographer, photoCreditTier } from './asked-photo.ts';
import { speakerOfQuote } from './asked-speaker.ts';
import { ASKS_FOR_DATE, ASKS_FOR_TIME, DATE, asksHowFast, asksUntil, statesUntil, timesStated } from './asked-time.ts';
import { askedItem, itemTier } from './asked-item.ts';
import { askedList, enumerations, listTier, type AskedList } from './asked-list.ts';
import { askedNoun, askedQuotedTerm, enumeratesTerm, nounCount } from './asked-noun.ts';
import { monthRanges, ofOtherMonths } from './asked-period.ts';
import { asksRank, rankTier } from './asked-rank.ts';
import { asksReason, isQuestionSentence, reasonTier } from './asked-reason.ts';
import { askedCount, askedUnitWord } from './asked-unit.ts';
import type { RelatedWords } from './related-words.ts';
import { fallbackGrams, hanBigrams, queryTerms } from './tokenize.ts';

/** Questions that ask for a number: the answer sentence should hold one. */
const ASKS_FOR_NUMBER = /多少|多大|几|百分之|比例|比重|增长|增幅|率|金额|规模|数量/u;
/** Questions that ask something other than a figure: how, what kind, whether, who, which. */
const ASKS_OTHERWISE = /什么|怎么|怎样|如何|为什么|哪|谁|是否|吗|呢/u;
const NUMBER = /\d+(?:\.\d+)?/gu;
const NUMBER_IN_NAME = /\d+(?:\.\d+)?[A-Za-z]+/gu;
/** The measure words of counts, not of dates or amounts. */
const COUNT_MEASURES = '个|家|项|名|位|条|种|类|批|所|处|场|次';
/** A count with its measure word, not a date's or a year's number: 5个, 11家. */
const GIVEN_COUNT = new RegExp(`(?<![\\d.])\\d+(?:${COUNT_MEASURES})`, 'gu');
/**
 * A number given with no unit or word after it, as an English question's read words give it (14 gazelle firms →
 * 14 瞪羚 企业): a count where a sentence writes it with a measure word. Not a year (in 2019).
 */
const BARE_NUMBER = /(?<![\d.])(?!(?:19|20)\d\d(?!\d))\d+(?![\d.%]|\p{Script=Han})/gu;
/** What a count the question gives adds where a sentence states it: as much as a word of the question's. */
const GIVEN_COUNT_WEIGHT = 3;
const IS_NUMBER = /^\d+(?:\.\d+)?$/u;
/**
 * What a how-much question measures, by its words, and how the answer writes that: money in 元, a rate or share
 * in %, an area in square metres or mu. `投资多少` is answered by a sentence with an amount in 元.
 */
const AREA = /\d(?:\.\d+)?(?:余|多)?(?:平方米|平方公里|亩|公顷)/u;
const MEASURED: [asks: RegExp, answer: RegExp][] = [
  [/投资|资金|金额|额|收入|产值|营收|钱|经费|基金|预算|利润|税收|外资/u, /\d(?:\.\d+)?(?:余|多)?(?:万|亿|千)?(?:美)?元/u],
  [/增速|增幅|增长|比例|比重|占比|百分之|率/u, /\d(?:\.\d+)?%/u],
  [/面积/u, AREA],
];
/** `多大` asks for an area only where nothing else says what is measured: 投资规模有多大 asks for an amount. */
const HOW_LARGE = /多大/u;

/** Chinese numerals with a count unit (`三枚`, `五纵五横` is no count): numbers written in characters. */
const HAN_COUNT = /[一二三四五六七八九十两百千万]+(?:个|家|项|名|枚|条|批|次|所|处|座|种|类|年|天|倍)/gu;
/** Words of a time scope (上半年, 今年, 一季度): they say which figure, never what it measures. */
const PERIOD_WORD = /^(?:[上下]半年|今年|去年|明年|全年|年度|[一二三四]?季度|前三季度|年初|年底|年末|同期|以来)$/u;

export interface QuestionReading {
  /** Terms to mark in the answer: the question's words and fallback bigrams. */
  markable: string[];
  /** Words that are not zone names, and their bigrams: what the sentence should say. */
  topical: string[];
  /** Per topical word, how much it counts: rarer words of the corpus say more. */
  topicalWeights: number[];
  /** Per topical word, what it adds to the choice of a passage's sentence for being in the clause that asks. */
  askingWeights: number[];
  topicalGrams: string[];
  /** Corpus words that name what a topical word names, with how much they count (below 1). */
  related: [term: string, weight: number][];
  /** The words that may name the asked figure's metric: topical words that are no time scope (only the head of a
   * question without a question word), and their related words. */
  metricWords: [term: string, weight: number][];
  zoneForms: string[][];
  wantsNumber: boolean;
  /** The question asks for a figure: a number, or names nothing but a metric (开发区上半年固定资产投资额). */
  wantsFigure: boolean;
  /** The question in matching form. */
  normalized: string;
  /** For a how-much question, how its answer is written (an amount in 元, a rate in %), if the question says. */
  measured: RegExp | undefined;
  /** For a which- or who-question, the kind of name asked (one ending in 公司, a person). */
  askedName: AskedName | undefined;
  /** Numbers the question itself gives (a year, a count): a sentence repeating them has not answered yet. */
  givenNumbers: Set<string>;
  /** Counts the question gives with their measure word (那5个预备类项目 → 5个): they say which items it is about. */
  givenCounts: string[];
  wantsTime: boolean;
  wantsDate: boolean;
  counted: RegExp | undefined;
  /** A number that counts the noun the question counts (几个层级 → 三级, 14个项目, 项目14个). */
  countsNoun: RegExp | undefined;
  /** The catchphrase a how-many question quotes (几个“第一时间”): a sentence spelling out its items answers. */
  quotedTerm: string | undefined;
  /** The question asks for a place in a ranking (排第几): the place answers, not the figure ranked. */
  wantsRank: boolean;
  /** The question asks for a list (哪些办法, 哪两个基础): an enumeration answers. */
  list: AskedList | undefined;
  /** The question asks for a floor (几楼, 哪一层): a floor answers, not a count. */
  wantsFloor: boolean;
  /** The ranges of months the question asks about (1-10月 → `1-10`). */
  months: string[];
  /** The question asks what a zone means to become (打造成什么样的园区): a stated aim answers. */
  aim: AskedAim | undefined;
  /** The question asks why, or what a fact shows (为啥, 说明了啥): a stated reason or meaning answers. */
  wantsReason: boolean;
  /** The numbered item the question asks for (第三条 → 三), answered by the sentence that opens with 三是. */
  item: string | undefined;
  /** The question asks how fast (多快): at once (第一时间) answers it as a span does. */
  wantsHowFast: boolean;
  /** The question asks until when (跟到啥时候): the end the text names (直至问题圆满解决) answers. */
  wantsUntil: boolean;
  /** The question asks who took a picture (照片是谁拍的): the caption's credit (张群 摄) answers. */
  wantsPhotographer: boolean;
  /** The question asks for a heading (那部分的小标题): the passage's section head or article title answers. */
  heading: AskedHeading | undefined;
  /** Words of what the question sets aside (除了责任意识): no answer's words. */
  setAside: string[];
}

/** What the picker needs to know of the corpus to read a question. */
export interface QuestionContext {
  /** Zone names in every form: they say which paragraphs to look at, not which sentence answers. */
  zoneWords: Set<string>;
  /** Zone forms to the zone's name, and every form of each zone by its name. */
  canon: Map<string, string>;
  formsOfZone: Map<string, string[]>;
  related: RelatedWords;
  /** How much a word of the question says about which sentence answers, by how rare it is in the corpus (1 when not given). */
  rarity?: (word: string) => number;
}

/** Chinese question words: the clause holding one is what is asked. */
const QUESTION_WORD = /啥|什么|哪|谁|几|多少|咋|怎么|怎样|如何|为何|吗|是否|有没有|有无/u;
const ASKING_CLAUSE_WEIGHT = 2;
/**
 * The words of the clause that asks (这背后少不了啥 of 天桥区成了焦点热点亮点，这背后少不了啥), when clauses before it
 * set the scene: the scene is often the sentence before the answer, and repeats more of the question's words.
 */
function askingClauseWords(normalized: string): Set<string> | undefined {
  const clauses = normalized.split(/[，,;；。:：]/u).filter((c) => c.trim());
  const asking = [...clauses].reverse().find((c) => QUESTION_WORD.test(c));
  return clauses.length > 1 && asking ? new Set(queryTerms(asking).words) : undefined;
}

export function readQuestion(query: string, context: QuestionContext): QuestionReading {
  const { words, tokens, normalized } = queryTerms(query);
  // The unit asked in (多少名) is what `counted` looks for, not a word the answer must share.
  const unitWord = askedUnitWord(normalized);
  // A zone kind alone (开发区 of 聊城开发区) refers to a zone, as a zone's name does: it says which paragraphs to look
  // at, not which sentence answers, where an article calls its own zone 开发区 throughout.
  const topical = words.filter((word) => !context.zoneWords.has(word) && !isZoneKind(word) && word !== unitWord);
  const stateAsked = STATE_ASKED.exec(normalized)?.[1];
  const asking = askingClauseWords(normalized);
  // The word a how-is-it question asks about (后劲咋样 → 后劲) says more than the others which sentence answers.
  const topicalWeights = topical.map((word) => (context.rarity?.(word) ?? 1) * (word === stateAsked ? STATE_ASKED_WEIGHT : 1));
  const related = topical.flatMap((word) => context.related.of(word)).filter(([term]) => !topical.includes(term));
  // A rank (排第几) or a list (哪几项) is asked for, not a number, though the question says 几.
  const wantsRank = asksRank(normalized);
  const askedName = readAskedName(normalized);
  // A list of names asked with their noun (哪两种专员) may be written as two such names joined by 和.
  const listAsked = askedList(normalized);
  const list = listAsked && askedName?.noun ? { ...listAsked, noun: askedName.noun } : listAsked;
  // A floor (几楼) is asked for, not a number, though the question says 几.
  const wantsFloor = asksFloor(normalized);
  const wantsNumber = ASKS_FOR_NUMBER.test(normalized) && !wantsRank && !list && !wantsFloor;
  const counted = askedCount(normalized);
  const quotedTerm = wantsNumber ? askedQuotedTerm(normalized) : undefined;
  const noun = wantsNumber ? (askedNoun(normalized) ?? (quotedTerm && quotedTerm.length >= 2 ? quotedTerm : undefined)) : undefined;
  const wantsTime = ASKS_FOR_TIME.test(normalized);
  // A question with no question word is a noun phrase; it asks for the figure its head names (开发区上半年固定资产
  // 投资额 → 投资额), and only that: 服务专员挂牌亮照 names no figure, though a figure may measure 服务.
  const bare = !wantsNumber && !wantsTime && !askedName && !wantsRank && !wantsFloor && !ASKS_OTHERWISE.test(normalized);
  const nouns = topical.filter((w) => w.length >= 2 && !PERIOD_WORD.test(w) && !IS_NUMBER.test(w));
  const metricNouns = bare ? nouns.slice(-1) : nouns;
  return {
    markable: [...words, ...fallbackGrams(tokens), ...related.map(([term]) => term)],
    topical,
    topicalWeights,
    askingWeights: topical.map((word, w) => (asking?.has(word) ? (ASKING_CLAUSE_WEIGHT - 1) * topicalWeights[w]! : 0)),
    topicalGrams: hanBigrams(topical.join(' ')),
    related,
    metricWords: metricNouns.flatMap((w): [string, number][] => [[w, 1], ...context.related.of(w)]),
    // The zones the question names, each as all the forms the text may write it in.
    zoneForms: [...new Set(words.map((word) => context.canon.get(word)).filter((z) => z !== undefined))].map((name) => context.formsOfZone.get(name)!),
    normalized,
    wantsNumber,
    wantsFigure: wantsNumber || bare,
    askedName,
    // A unit the question names (多少公里) says how the answer is written, whatever the topic's words measure.
    measured: wantsNumber && !counted ? measuredBy(normalized) : undefined,
    givenNumbers: new Set(normalized.match(NUMBER) ?? []),
    givenCounts: [...(normalized.match(GIVEN_COUNT) ?? []), ...(normalized.match(BARE_NUMBER) ?? [])],
    wantsTime,
    wantsDate: ASKS_FOR_DATE.test(normalized),
    counted,
    countsNoun: noun ? nounCount(noun) : undefined,
    quotedTerm,
    wantsRank,
    list,
    wantsFloor,
    months: monthRanges(normalized),
    aim: askedAim(normalized),
    wantsReason: asksReason(normalized),
    item: askedItem(normalized),
    wantsHowFast: asksHowFast(normalized),
    wantsPhotographer: asksPhotographer(normalized),
    wantsUntil: asksUntil(normalized),
    heading: askedHeading(normalized),
    setAside: setAsideWords(normalized),
  };
}

export interface Answer {
  sentence: Sentence;
  marks: Marks;
  /**
   * How well the passage answers: what its best sentence shares with the question, all the question's words alike,
   * and whether it holds the kind of answer asked.
   */
  score: number;
  /** The answer is the heading the passage stands under, asked for, not a sentence of the passage. */
  heading?: true;
}

/** A figure a sentence states: what it measures, the head word of that (投资 of 固定资产投资), its value as written. */
export interface StatedFigure {
  metric: string;
  head: string;
  written: string;
}

/** How much a sentence that holds the asked kind of answer gains: more than any overlap of words. */
const ANSWER_TIER = 100;

/**
 * The sentence of a paragraph that answers the question best, with the question's terms marked in it.
 * `figuresIn(i)` are the figures the knowledge step read from sentence i.
 */
export function pickAnswer(sentences: Sentence[], reading: QuestionReading, figuresIn: (sentence: number) => StatedFigure[]): Answer {
  const { markable, topical, topicalGrams, zoneForms, related } = reading;
  let best = sentences[0]!;
  let bestChoice = -Infinity;
  let bestAt = 0;
  let bestScore = -1;
  /** What a sentence's text shares with the question, and what the words of the clause that asks add to that. */
  const wordsOf = (text: string): { score: number; asked: number } => {
    // What the sentence shares with the question: where the answer is.
    let score = 0;
    // Within the passage, the words of the clause that asks count more: the clauses before it set a scene that
    // the sentence before the answer often repeats (成了焦点热点亮点，这背后少不了啥). Which passage answers is
    // still judged by all the question's words: the scene is what finds it.
    let asked = 0;
    // A number the question gives (a year) says where to look, not what answers: it counts as one word.
    topical.forEach((word, w) => {
      if (!text.includes(word)) return;
      score += IS_NUMBER.test(word) ? 1 : Math.min(word.length, 4) * reading.topicalWeights[w]!;
      if (!IS_NUMBER.test(word)) asked += Math.min(word.length, 4) * reading.askingWeights[w]!;
    });
    // A word the corpus uses for the same figure (合同 for 签约) counts as much as it is related.
    for (const [term, weight] of related) if (text.includes(term)) score += weight * Math.min(term.length, 4);
    for (const forms of zoneForms) if (forms.some((f) => text.includes(f))) score += 1;
    for (const gram of topicalGrams) if (text.includes(gram)) score += 0.5;
    // The same count (那5个预备类项目 → 预备类项目5个) says the sentence is about the items the question means.
    for (const count of reading.givenCounts) if (statesCount(text, count)) score += GIVEN_COUNT_WEIGHT;
    return { score, asked };
  };
  // What kind of answer a sentence holds: a figure of the asked metric, a number in the asked unit, a number the
  // question did not give, a time, a name of the asked kind. The paragraph already matched the question; in it, a
  // sentence that answers comes before one that only repeats the question's words. Figures of other months than the
  // asked ones answer nothing, nor does a question the text asks itself (缘何…?): it goes on to answer.
  const tierOf = (text: string, i: number): number =>
    !ofOtherMonths(text, reading.months) && !isQuestionSentence(text) ? ANSWER_TIER * Math.max(figureTier(figuresIn(i), reading), answerTier(text, reading)) : 0;
  // What the question sets aside (除了责任意识) answers nothing: a sentence is chosen by what else it says, and the
  // sentence after the one naming it goes on from there (…要强化责任意识；要强化安全意识), read with it.
  const setAside = reading.setAside;
  const aside = setAside.length ? sentences.map((s) => withoutWords(s.normalized, setAside)) : undefined;
  const asideWords = aside?.map(wordsOf);
  const namesSetAside = (i: number) => i >= 0 && setAside.every((w) => sentences[i]!.normalized.includes(w));
  sentences.forEach((s, i) => {
    const own = wordsOf(s.normalized);
    const score = own.score + tierOf(s.normalized, i);
    bestScore = Math.max(bestScore, score);
    let choice = score + own.asked;
    // Named in a list (再开发利用、协议收回、转让租赁), the set-aside items stand beside the answer: the sentence is read whole.
    if (aside && asideWords && !inList(s.normalized, setAside)) {
      const words = asideWords[i]!;
      const after = namesSetAside(i - 1);
      choice = words.score + words.asked + (after ? asideWords[i - 1]!.score / 2 : 0) + tierOf(after ? `${aside[i - 1]} ${aside[i]}` : aside[i]!, i);
    }
    if (choice > bestChoice) [best, bestChoice, bestAt] = [s, choice, i];
  });
  // Who said a quote: the sentence beside it that names the speaker answers, not the quote.
  const speaker = reading.askedName?.person ? speakerOfQuote(sentences, bestAt) : undefined;
  if (speaker !== undefined) best = sentences[speaker]!;
  return { sentence: best, marks: markTerms(best.display, markable), score: Math.max(0, bestScore) };
}

/**
 * Whether a sentence states a count as written, not as the tail of a longer number (15个 is no 5个); a bare number
 * with a measure word after it (14 as 14家).
 */
function statesCount(sentence: string, count: string): boolean {
  const bare = IS_NUMBER.test(count);
  for (let i = sentence.indexOf(count); i >= 0; i = sentence.indexOf(count, i + 1)) {
    if (i > 0 && /[\d.]/u.test(sentence[i - 1]!)) continue;
    if (!bare || COUNT_MEASURE_AT.test(sentence.slice(i + count.length))) return true;
  }
  return false;
}
const COUNT_MEASURE_AT = new RegExp(`^(?:余|多)?(?:${COUNT_MEASURES})`, 'u');

/** A how-is-it question (后劲咋样, 效果怎么样): the word before its question word is what it asks about. */
const STATE_ASKED = /(\p{Script=Han}{2})(?:的)?(?:咋样|怎么样|怎样|如何)/u;
const STATE_ASKED_WEIGHT = 2;

/** A related word this weak does not name a metric. */
const MIN_METRIC_WEIGHT = 0.5;

/**
 * 3: the sentence states a figure whose metric the question names (固定资产投资 for 固定资产投资额), in the asked
 * unit if one is asked; 0 otherwise. A number that only qualifies a noun (投资额1亿元以上的项目) is no figure. The
 * metric is named by its head, the last word of a Chinese noun phrase (产值 names 规模以上工业总产值; 工业
 * does not, nor does it name that figure's growth, 规模以上工业总产值 同比增长, whose head is 增长).
 */
function figureTier(figures: StatedFigure[], asked: QuestionReading): number {
  if (!asked.wantsFigure || !figures.length) return 0;
  const fits = (f: StatedFigure) => (!asked.counted || asked.counted.test(f.written)) && (!asked.measured || asked.measured.test(f.written));
  const named = (f: StatedFigure) =>
    asked.metricWords.some(([word, weight]) => weight >= MIN_METRIC_WEIGHT && (f.head.includes(word) || word.includes(f.head)));
  return figures.some((f) => f.head.length >= 2 && fits(f) && named(f)) ? 3 : 0;
}

/**
 * 3: a number of the noun asked (几个层级 → 三级), or the items of a quoted term spelled out; 2: a number in the unit
 * asked (counted or measured); 1: another answer of the asked kind; 0: none.
 */
function answerTier(sentence: string, asked: QuestionReading): number {
  const question = asked.normalized;
  // A numbered item's clause answers; where none opens so, the question's other kind decides.
  if (asked.item && itemTier(sentence, asked.item)) return 2;
  if (asked.wantsPhotographer) return photoCreditTier(sentence);
  if (asked.wantsUntil && statesUntil(sentence)) return 2;
  if (asked.wantsRank) return rankTier(sentence);
  if (asked.wantsFloor) return floorTier(sentence);
  if (asked.aim) return aimTier(sentence, asked.aim);
  if (asked.wantsReason) return reasonTier(sentence);
  if (asked.list) return Math.max(listTier(sentence, asked.list), nameTierOf(sentence, asked));
  if (asked.countsNoun?.test(sentence) || (asked.quotedTerm && enumeratesTerm(sentence, asked.quotedTerm))) return 3;
  if (asked.counted?.test(sentence) || asked.measured?.test(sentence)) return 2;
  if (asked.wantsNumber) {
    // A date says when, not how many: 12月4日 does not answer 多少家.
    // A number glued to letters names a thing (5G, 3D): it counts nothing.
    const counts = (asked.wantsDate ? sentence : sentence.replace(DATE, ' ')).replace(NUMBER_IN_NAME, ' ');
    const numbers = [...(counts.match(NUMBER) ?? []), ...(counts.match(HAN_COUNT) ?? [])];
    if (numbers.some((n) => !asked.givenNumbers.has(n) && !question.includes(n))) return 1;
    // How many of a noun no number counts (几个定位): a list of them answers, counted by the reader.
    if (asked.countsNoun && enumerations(sentence).some((e) => e.items >= 2)) return 1;
  }
  if (asked.wantsTime && statesNewTime(sentence, asked)) return 1;
  return nameTierOf(sentence, asked);
}

/**
 * Whether a sentence states a time the question does not give itself: 一天 in 一个人一天要待多久 is the span asked
 * about, not its answer. A date (8月5日, 2024年) says when, not how long, unless the question asks when.
 */
function statesNewTime(sentence: string, asked: QuestionReading): boolean {
  return timesStated(sentence, asked.wantsDate, asked.wantsHowFast).some((time) => !asked.normalized.includes(time));
}

const nameTierOf = (sentence: string, asked: QuestionReading) =>
  asked.askedName ? nameTier(sentence, asked.askedName, asked.normalized, asked.topical) : 0;

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
  return best?.answer ?? (HOW_LARGE.test(normalizedQuestion) ? AREA : undefined);
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
