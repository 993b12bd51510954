/**
 * The noun a how-many question counts (几个层级 → 层级, 多少家企业 → 企业), and the number that counts it. News
 * counts with the noun after the number (14个项目), with the noun before it (签约项目14个), or with the noun's last
 * character as the measure word (三级 for 层级, 八室 for 功能室). Such a number answers before any other number in
 * the same measure word: 新增班级105个 does not say how many 层级 there are.
 */
import { cut } from '../text/jieba.ts';
import { isStopWord } from './tokenize.ts';

/** A measure word, if one is written: in the question (几个, 多少家) and between a number and its noun (14个项目). */
const MEASURE = '(?:个|家|项|名|位|条|种|类|批|所|处|座|件|套|台|户|只)?';
/** 几个, 多少家, 多少: a count asked, with its measure word if it has one (哪几个 asks for a list, not a count). */
const ASKS_COUNT = new RegExp(`(?<!哪|第)(?:多少|几)${MEASURE}`, 'u');
const HAN_RUN = /^\p{Script=Han}+/u;
/** A number that counts (a year, 2020年度, counts nothing). */
const NUMBER = '(?:(?<!\\d)(?!(?:19|20)\\d\\d年)\\d+(?:\\.\\d+)?|[一二三四五六七八九十两百千万]+)(?:余|多)?';
/** A short quoted term opening the rest of a question (“第一时间”, “感”). */
const QUOTED_AT_START = /^[“"「]([^”"」]{1,8})[”"」]/u;
/**
 * Last characters of a noun that serve as its measure word after a number (三级 for 层级, 八室 for 功能室, 两期 for
 * 工期): a closed class. Others do not (一业一证 counts no 企业; 5日 is a date, not 工作日).
 */
const NOUN_AS_MEASURE = /[级室层期届轮档段片栋间组支队类种型]/u;

/**
 * The noun a how-many question counts: the first word after its count word, with the single characters jieba
 * leaves after it (功能 / 室 → 功能室). A noun of one character (几个人) is a measure word already.
 */
export function askedNoun(normalizedQuestion: string): string | undefined {
  const after = afterCountWord(normalizedQuestion);
  const run = after === undefined ? undefined : HAN_RUN.exec(after)?.[0];
  if (!run) return undefined;
  const [first, ...rest] = cut(run);
  if (!first || first.length < 2 || isStopWord(first)) return undefined;
  let noun = first;
  for (const token of rest) {
    if (token.length !== 1 || isStopWord(token)) break;
    noun += token;
  }
  return noun;
}

/**
 * The term a how-many question quotes (几个“第一时间”, 几种“感”): a catchphrase of the article, whose count the
 * article may never write as a number but spells out, one item after another (第一时间掌握…，第一时间了解…).
 */
export function askedQuotedTerm(normalizedQuestion: string): string | undefined {
  const after = afterCountWord(normalizedQuestion);
  return after === undefined ? undefined : QUOTED_AT_START.exec(after)?.[1];
}

/** What a how-many question writes after its count word (几个, 多少家), if it has one. */
function afterCountWord(normalizedQuestion: string): string | undefined {
  const m = ASKS_COUNT.exec(normalizedQuestion);
  return m ? normalizedQuestion.slice(m.index + m[0].length) : undefined;
}

/** Whether a sentence spells out the items of a quoted term: the term written twice or more. */
export function enumeratesTerm(sentence: string, term: string): boolean {
  const first = sentence.indexOf(term);
  return first >= 0 && sentence.includes(term, first + term.length);
}

/** A pattern for a number that counts the noun (`14个项目`, `三个“第一时间”`, `项目14个`, `三级` for 层级). */
export function nounCount(noun: string): RegExp {
  const last = noun.at(-1)!;
  const after = NOUN_AS_MEASURE.test(last) ? `(?:${noun}|${last})` : noun;
  return new RegExp(`${NUMBER}${MEASURE}[“"]?${after}|${noun}(?:共|达|有|为)?${NUMBER}${MEASURE}`, 'u');
}
