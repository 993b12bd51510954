/**
 * Reason questions (为什么, 为啥能招来优质项目, 这说明了啥): they ask why something is so, or what it shows. News
 * writes the reason with a word that links it to what it explains (得益于, 全靠, 与…密不可分, 针对…的问题) or says
 * what a fact stands for (是对…的认可, 标志着); the sentence that only repeats the question's words (优质项目缘何
 * 青睐钢城经济开发区?) has not answered it.
 */

/** Why, and what a fact shows or means. */
const ASKS_REASON = /为什么|为何|为啥|缘何|何以|凭什么|凭啥|怎么会|原因|说明了?(?:什么|啥)|意味着(?:什么|啥)|意义/u;
/**
 * Words that give a reason, a purpose or a meaning. 针对 opens the problem a measure answers; 是对…的认可 and
 * 有力证明 say what a fact shows (a bare 证明 is as often a certificate).
 */
const REASON_STATED = /因为|由于|得益于|受益于|源于|源自|全靠|多亏|离不开|密不可分|归功于|归因于|关键在于|原因|之所以|为了|针对|是对.{1,40}?的(?:认可|肯定|褒奖)|证明了|有力证明|标志着|意味着|体现了/u;

/** Whether a question asks for a reason or a meaning. */
export function asksReason(normalizedQuestion: string): boolean {
  return ASKS_REASON.test(normalizedQuestion);
}

/** 1: the sentence gives a reason, a purpose or a meaning; 0: it does not. */
export function reasonTier(normalizedSentence: string): number {
  return REASON_STATED.test(normalizedSentence) ? 1 : 0;
}

/** A sentence that is itself a question (缘何…?) asks what the text goes on to answer: it answers nothing. */
export function isQuestionSentence(normalizedSentence: string): boolean {
  return /[?？]\s*$/u.test(normalizedSentence);
}
