/**
 * Rank questions (排第几, 第几名, 排名): they ask for a place in a ranking, not for the figure ranked. The sentence
 * that answers says the place (列全市第三名, 排名第二, 居全市第二位), however many figures its neighbours state.
 */

/** A question asking for a place: 第几 (not 第几年, a date), or a ranking word. */
const ASKS_RANK = /第几(?!年)|排名|名次|排位/u;
const ORDINAL_NUMBER = '[\\d一二三四五六七八九十百]+';
const RANK_VERB = '(?:排名|排在|排|位居|位列|名列|居|列)(?:全[国省市区县]|[省市区县]内)?';
/**
 * A place as the text writes it: an ordinal with a ranking measure word (第三名, 第二位) or after a ranking verb
 * (排名第二, 居全市第二). A bare ordinal (第一时间, 第一梯队) is no place.
 */
const PLACE_STATED = new RegExp(`第${ORDINAL_NUMBER}(?:名|位)|${RANK_VERB}第${ORDINAL_NUMBER}`, 'u');
/** A top share or group after a ranking verb (位列前20%, 排名前十): a class of places, not one. */
const TOP_STATED = new RegExp(`${RANK_VERB}前${ORDINAL_NUMBER}`, 'u');

export const asksRank = (normalizedQuestion: string) => ASKS_RANK.test(normalizedQuestion);

/** 2: the sentence states a place; 1: a top group; 0: neither. */
export const rankTier = (normalizedSentence: string) => (PLACE_STATED.test(normalizedSentence) ? 2 : TOP_STATED.test(normalizedSentence) ? 1 : 0);
