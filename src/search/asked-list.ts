/**
 * List questions (哪些办法, 哪两个基础, 哪几项): they ask for several things at once. The sentence that answers
 * enumerates them (廉政建设、安全生产; 甲、乙和丙), with as many items as the question counts when it counts them.
 */

const HAN_DIGITS: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** 哪些, or 哪 with a count (哪两个, 哪3项, 哪几类): a list, of that many items when the count is a number. */
const ASKS_LIST = /哪些|哪([两二三四五六七八九十]|\d+|几)(?:个|项|家|类|种|条|方面|大|点|件|批|所|座|位|名)/u;
/** Where one clause of a sentence ends; an enumeration stays inside its clause. */
const CLAUSE_END = /[,;:。!?]/u;
/** The conjunction that may join an enumeration's last item (甲、乙和丙). */
const LAST_JOIN = /和|及|与|以及/u;

/** Particles between a verb and its object (参加了哪些): not part of the verb. */
const PARTICLES = /[了过着的]+$/u;

export interface AskedList {
  /** How many items the question asks for, when it says (哪两个 → 2). */
  count?: number;
  /** The two characters before the question word, a verb as a rule (参加 of 参加了哪些展会): the answer's list
   * follows it in the text too (参加丝博会、兰洽会). */
  verb?: string;
  /** The noun each item ends in, where the question names it (哪两种专员 → 专员). */
  noun?: string;
}

/** The list a question asks for, if it asks for one. */
export function askedList(normalizedQuestion: string): AskedList | undefined {
  const m = ASKS_LIST.exec(normalizedQuestion);
  if (!m) return undefined;
  const count = m[1] === undefined || m[1] === '几' ? undefined : (HAN_DIGITS[m[1]] ?? Number(m[1]));
  const verb = /\p{Script=Han}{2}$/u.exec(normalizedQuestion.slice(0, m.index).replace(PARTICLES, ''))?.[0];
  return { ...(count !== undefined ? { count } : {}), ...(verb ? { verb } : {}) };
}

export interface Enumeration {
  /** How many items it has. */
  items: number;
  /** The text of its clause before its first item. */
  lead: string;
  /** Its items end in the asked noun (驻厂专员、责任专员 for 专员). */
  ofNoun: boolean;
}

/**
 * Each enumeration of a sentence: the parts of a clause between enumeration commas (、); and, where the question
 * names the items' noun, two items of it joined by a conjunction (驻厂专员和项目责任专员).
 */
export function enumerations(normalizedSentence: string, noun?: string): Enumeration[] {
  const found: Enumeration[] = [];
  const endsInNoun = noun ? new RegExp(`${noun}(?:$|等)`, 'u') : undefined;
  const pairOfNoun = noun ? new RegExp(`\\p{Script=Han}${noun}(?:${LAST_JOIN.source})\\p{Script=Han}{1,8}?${noun}`, 'u') : undefined;
  for (const clause of normalizedSentence.split(CLAUSE_END)) {
    const items = clause.split('、');
    if (items.length >= 2) {
      const parts = items.flatMap((item, i) => (i === items.length - 1 ? item.split(LAST_JOIN) : [item]));
      const ofNoun = endsInNoun !== undefined && parts.filter((part) => endsInNoun.test(part)).length >= 2;
      found.push({ items: items.length + (LAST_JOIN.test(items.at(-1)!) ? 1 : 0), lead: items[0]!, ofNoun });
      continue;
    }
    const pair = pairOfNoun?.exec(clause);
    if (pair) found.push({ items: 2, lead: clause.slice(0, pair.index), ofNoun: true });
  }
  return found;
}

/**
 * 3: the sentence enumerates names of the asked noun, as many as the question counts; 2: it enumerates as many
 * items as the question counts, or right after the question's verb; 1: it enumerates several things; 0: nothing.
 */
export function listTier(normalizedSentence: string, asked: AskedList): number {
  const found = enumerations(normalizedSentence, asked.noun);
  if (!found.length) return 0;
  const counted = (e: Enumeration) => asked.count === undefined || e.items === asked.count;
  if (found.some((e) => e.ofNoun && counted(e))) return 3;
  const answers = (e: Enumeration) => (asked.count !== undefined ? e.items === asked.count : asked.verb !== undefined && e.lead.includes(asked.verb));
  return found.some(answers) ? 2 : 1;
}
