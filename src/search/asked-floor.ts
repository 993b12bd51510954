/**
 * Floor questions (几楼, 哪一层, 第几层): they ask where in a building something is. The sentence that answers
 * names a floor (二层, 3楼, 负一层), which a how-many reading of 几 would not look for.
 */

const ASKS_FLOOR = /几(?:楼|层)|哪(?:一|个)?(?:层|楼层)|第几层/u;
/** A floor as the text writes it: a number with 层 or 楼 (二层, 3楼, 负一层, B1层), not 楼 of a building's name. */
const FLOOR_STATED = /(?:负|地下|B)?[\d一二三四五六七八九十]+(?:层|楼)(?!盘|宇|房|市)/u;

export const asksFloor = (normalizedQuestion: string) => ASKS_FLOOR.test(normalizedQuestion);

/** 2: the sentence names a floor; 0: it does not. */
export const floorTier = (normalizedSentence: string) => (FLOOR_STATED.test(normalizedSentence) ? 2 : 0);
