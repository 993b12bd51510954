/**
 * Aim questions (打造成什么样的园区, 想变成什么样): they ask what a zone means to become. The sentence that answers
 * says so with a verb of becoming or a goal (建设成为…的现代化产业园区, 打造…的“旗舰型”开发区, 以…为发展目标),
 * which the words of the question, all about the zone, do not single out.
 */

/** 什么样, 怎样的, 啥样: what kind; and the noun asked about, when one follows (什么样的园区 → 园区). */
const ASKS_KIND = /(?:什么样|怎样|啥样|怎么样)(?:的)?(\p{Script=Han}{2,3})?/u;
/** The question is about becoming: a verb of making or turning into, or the future. */
const ASKS_BECOMING = /打造|建设成|建成|变成|成为|发展成|定位|目标|以后|未来|将来/u;
/** A verb of becoming or a goal, as the text states an aim. */
const AIM_STATED = /打造|建设成为|建成|成为|发展成为|定位为|目标/u;

export interface AskedAim {
  /** The noun the aim is of (园区, 开发区), when the question names it. */
  noun?: string;
}

/** The aim a question asks for, if it asks for one. */
export function askedAim(normalizedQuestion: string): AskedAim | undefined {
  const m = ASKS_KIND.exec(normalizedQuestion);
  if (!m || !ASKS_BECOMING.test(normalizedQuestion)) return undefined;
  return m[1] ? { noun: m[1] } : {};
}

/**
 * 1: the sentence states an aim, of the asked noun when the question names one (…的现代化产业园区 after 建设成为,
 * for 园区); 0: it does not.
 */
export function aimTier(normalizedSentence: string, asked: AskedAim): number {
  const m = AIM_STATED.exec(normalizedSentence);
  if (!m) return 0;
  if (!asked.noun) return 1;
  // The aim describes the noun: a 的 after the verb, then the noun.
  const after = normalizedSentence.slice(m.index + m[0].length);
  const described = after.indexOf('的');
  return described >= 0 && after.indexOf(asked.noun, described) > described ? 1 : 0;
}
