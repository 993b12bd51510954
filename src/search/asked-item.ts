/**
 * Item questions (第三条说的是啥, 第二项措施是什么): they ask for one numbered item of a list the text sets out.
 * News numbers its points 一是…二是…三是 or 第一…第二, so the item asked is the sentence or clause that opens
 * with its number, whatever words it shares with the question.
 */
import { HAN_NUMERALS, hanNumeral } from '../text/normalize.ts';

/**
 * 第三条, 第2项, 第五个方面: the ordinal of a numbered item (not 第几, not a rank such as 第三名, not 第一个, which is
 * who came first).
 */
const ASKS_ITEM = /第([一二三四五六七八九十]|\d{1,2})(?:条|项|点|个方面|方面|件|步)/u;

/** The item a question asks for, as the Chinese numeral the text numbers it with (三), if it asks for one. */
export function askedItem(normalizedQuestion: string): string | undefined {
  const m = ASKS_ITEM.exec(normalizedQuestion);
  if (!m) return undefined;
  const n = m[1]!;
  return /\d/u.test(n) ? hanNumeral(Number(n)) : n;
}

/** Per numeral, a clause opening with it (三是…, 第三,…): built once, not per sentence read. */
const ITEM_OPENING = new Map(HAN_NUMERALS.map((n) => [n, new RegExp(`(?:^|[,;:。])\\s*(?:${n}是|第${n}[,、:是])`, 'u')]));

/** 1: the sentence opens a clause with the item's number (三是…, 第三,…); 0: it does not. */
export function itemTier(normalizedSentence: string, numeral: string): number {
  return ITEM_OPENING.get(numeral)?.test(normalizedSentence) ? 1 : 0;
}
