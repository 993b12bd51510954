/**
 * The unit a how-many question counts in (`多少家`, `几个`), and the units a text counts in: the index boosts the
 * paragraphs that count in the asked unit, and the answer picker prefers the sentence that does.
 */

/**
 * Units a question may count in (measure words, and units of money and area); paragraphs with a number in that
 * unit answer it. At most 32: a paragraph's units are one bit each of a 32-bit mask.
 */
export const COUNT_UNITS = '个 家 项 名 批次 批 亩 平方米 人次 场 处 条 套 亿元 万元 元 万美元 亿美元 本 台 辆 栋 户 件 座 种 部 篇'.split(' ');
const ASKED_UNIT = new RegExp(`(?:多少|几)(${COUNT_UNITS.join('|')})`, 'u');
const COUNTED_NUMBER = new RegExp(`\\d(?:余|多)?(${COUNT_UNITS.join('|')})`, 'gu');

/** The unit a question counts in (`多少家` → `家`), if it counts in one. */
export const askedUnit = (normalizedQuestion: string) => ASKED_UNIT.exec(normalizedQuestion)?.[1];

/** A pattern for a number in the unit the question counts in (`多少家` → `14家`), if it counts in one. */
export function askedCount(normalizedQuestion: string): RegExp | undefined {
  const unit = askedUnit(normalizedQuestion);
  return unit ? new RegExp(`\\d(?:余|多)?${unit}`, 'u') : undefined;
}

/**
 * The units a text counts in, one bit per COUNT_UNITS entry: computed once per paragraph at build time, so a
 * question never runs a pattern over every matching paragraph. `3批次` counts in 批 as well, as the pattern
 * `\d批` would find.
 */
export function countedUnits(normalized: string): number {
  let mask = 0;
  for (const m of normalized.matchAll(COUNTED_NUMBER)) {
    COUNT_UNITS.forEach((unit, bit) => {
      if (m[1]!.startsWith(unit)) mask |= 1 << bit;
    });
  }
  return mask;
}
