/**
 * The unit a how-many question counts in (`多少家`, `几个`), and the units a text counts in: the index boosts the
 * paragraphs that count in the asked unit, and the answer picker prefers the sentence that does. A span of time
 * (for 多久) and a floor (for 几楼) are kinds of answer the index boosts the same way.
 */
import { asksFloor, floorTier } from './asked-floor.ts';
import { asksDuration, timesStated } from './asked-time.ts';

/**
 * Units a question may count in (measure words, and units of money and area); paragraphs with a number in that
 * unit answer it. At most 30: a paragraph's units are one bit each of a 32-bit mask, and two bits follow them.
 */
export const COUNT_UNITS = '个 家 项 名 批次 批 亩 平方米 人次 场 处 条 套 亿元 万元 元 万美元 亿美元 本 台 辆 栋 户 件 座 种 部 篇'.split(' ');
/** The measure words among them: what things are counted in, as against sums of money and areas. */
export const MEASURE_WORDS = COUNT_UNITS.filter((unit) => !/[元亩米]/u.test(unit));
const ASKED_UNIT = new RegExp(`(?:多少|几)(${COUNT_UNITS.join('|')})`, 'u');
const COUNTED_NUMBER = new RegExp(`\\d(?:余|多)?(${COUNT_UNITS.join('|')})`, 'gu');
/**
 * Units of measurement a question may ask in besides those (多少公里, 多少吨, 多少人, 网速多少兆): the answer picker
 * looks for a number in them, the index does not. 人 before 才 or 员 is the start of a noun (多少人才), not a unit.
 */
const MEASUREMENT_UNITS = '平方公里 公顷 公里 千米 米 万吨 吨 公斤 千克 千瓦时 千瓦 兆瓦 兆(?!瓦) 立方米 万人 人(?![才员士民]) 倍'.split(' ');
const literal = (unit: string) => unit.replace(/\(.*\)/u, '');
/** Every unit a question may ask in, longest first, so that 平方公里 is not read as 平方 and 公里. */
const ANY_UNIT = [...COUNT_UNITS, ...MEASUREMENT_UNITS].sort((a, b) => literal(b).length - literal(a).length);
const ASKED_ANY_UNIT = new RegExp(`(?:多少|几)(${ANY_UNIT.join('|')})`, 'u');

/** The unit a question counts in (`多少家` → `家`), if it counts in one the index knows. */
export const askedUnit = (normalizedQuestion: string) => ASKED_UNIT.exec(normalizedQuestion)?.[1];

/**
 * The unit a question asks in, of any kind (`多少名` → 名, `多少公里` → 公里): it says how the answer is written, not
 * what it is about, so it is no word to search or to match sentences by.
 */
export const askedUnitWord = (normalizedQuestion: string) => ASKED_ANY_UNIT.exec(normalizedQuestion)?.[1];

/**
 * A pattern for a number in the unit the question asks in (`多少家` → `14家`, `多少公里` → `2000多公里`, `多少兆` →
 * `千兆`), if it names one.
 */
export function askedCount(normalizedQuestion: string): RegExp | undefined {
  const unit = askedUnitWord(normalizedQuestion);
  if (!unit) return undefined;
  // A measurement may be written in Chinese numerals (千兆接入); a count in them is often no count (一个平台).
  const digit = MEASURE_WORDS.includes(unit) ? '\\d' : '(?:\\d|[一二两三四五六七八九十百千万])';
  return new RegExp(`${digit}(?:余|多)?${unit}`, 'u');
}

/** The bits after the units': the text states a span of time, a floor. */
const DURATION_BIT = 1 << COUNT_UNITS.length;
const FLOOR_BIT = 1 << (COUNT_UNITS.length + 1);

/**
 * The kinds of answer a text holds: one bit per COUNT_UNITS entry it counts in, then one if it states a span of
 * time and one if it names a floor. Computed once per paragraph at build time, so a question never runs a pattern
 * over every matching paragraph. `3批次` counts in 批 as well, as the pattern `\d批` would find.
 */
export function statedKinds(normalized: string): number {
  let mask = 0;
  for (const m of normalized.matchAll(COUNTED_NUMBER)) {
    COUNT_UNITS.forEach((unit, bit) => {
      if (m[1]!.startsWith(unit)) mask |= 1 << bit;
    });
  }
  if (timesStated(normalized).length) mask |= DURATION_BIT;
  if (floorTier(normalized)) mask |= FLOOR_BIT;
  return mask;
}

/** The bit of `statedKinds` a question asks for (its count unit, a span of time, a floor), or 0. */
export function askedKind(normalizedQuestion: string): number {
  const unit = askedUnit(normalizedQuestion);
  if (unit !== undefined) return 1 << COUNT_UNITS.indexOf(unit);
  if (asksDuration(normalizedQuestion)) return DURATION_BIT;
  return asksFloor(normalizedQuestion) ? FLOOR_BIT : 0;
}
