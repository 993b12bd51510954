/**
 * Time questions: how long (多久, 几天) and when (哪天, 什么时候). The sentence that answers states a span (5个小时,
 * 1个工作日) or, for when, a date; a date says when something happened, never how long it took.
 */

/** Questions that ask how long or when: the answer sentence should say a time. */
export const ASKS_FOR_TIME = /多久|多长时间|(?:年限|时间|工期|周期|期限|时长)(?:有|是)?多长|多快|多迅速|几天|几个小时|几个工作日|几小时|什么时候|何时|哪天/u;
/** Questions that ask for a date; any other how-many or how-long question is not answered by one. */
export const ASKS_FOR_DATE = /几月|几号|几日|哪天|哪一天|哪年|哪一年|什么时候|何时|第几年/u;
/** Until when (跟到啥时候才撒手, 要管到什么时候): the end the text names answers (直至问题圆满解决), not a date. */
const ASKS_UNTIL = /到(?:啥|什么|哪个)时候|到何时|到哪一步/u;
/** The end of an action as the text writes it: 直至 or 直到 what, or up to what 为止. */
const STATES_UNTIL = /直至|直到|为止/u;

export function asksUntil(normalizedQuestion: string): boolean {
  return ASKS_UNTIL.test(normalizedQuestion);
}

export function statesUntil(normalizedSentence: string): boolean {
  return STATES_UNTIL.test(normalizedSentence);
}

/** A date (2024年, 2024年8月, 12月4日): when something happened, not how many of it there are. */
export const DATE = /\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日/gu;
/** A span of time as the text writes it, in digits or characters (5个小时, 1个工作日, 两个多小时, 半天). */
const TIME_STATED = /(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百半]+)\s*(?:个)?(?:多|余)?(?:个)?(?:小时|分钟|天|日|工作日|个月|周|年)|当天|当日/gu;

/** How fast (多快): answered by a span, or by at once (第一时间, 当场), which answers no how-long question. */
const ASKS_HOW_FAST = /多快|多迅速/u;
const AT_ONCE = /第一时间|立即|立刻|马上|当场|即时/gu;

/**
 * The spans of time a sentence states, dates left out unless `withDates`; with `atOnce`, also its words for at
 * once.
 */
export function timesStated(normalizedSentence: string, withDates = false, atOnce = false): string[] {
  const text = withDates ? normalizedSentence : normalizedSentence.replace(DATE, ' ');
  return [...text.matchAll(TIME_STATED), ...(atOnce ? text.matchAll(AT_ONCE) : [])].map(([time]) => time);
}

/** Whether a question asks how fast, which at once answers. */
export const asksHowFast = (normalizedQuestion: string) => ASKS_HOW_FAST.test(normalizedQuestion);

/** A how-long question: a time asked for that is not a date. */
export const asksDuration = (normalizedQuestion: string) => ASKS_FOR_TIME.test(normalizedQuestion) && !ASKS_FOR_DATE.test(normalizedQuestion);
