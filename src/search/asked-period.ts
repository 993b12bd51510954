/**
 * The period a question asks about, when it names months (1-10月): a sentence stating its figures for other months
 * (1-9月份) answers another question, however well its words fit.
 */

/** A range of months (1-10月, 1—6月份, 1至9月), as `first-last`. */
const MONTH_RANGE = /(\d{1,2})\s*[-—–~～至到]\s*(\d{1,2})\s*月/gu;

/** The ranges of months a text names, each as `first-last`. */
export function monthRanges(normalized: string): string[] {
  return [...normalized.matchAll(MONTH_RANGE)].map(([, first, last]) => `${Number(first)}-${Number(last)}`);
}

/** Whether a sentence names ranges of months and none is one the question asks about. */
export function ofOtherMonths(normalizedSentence: string, askedRanges: string[]): boolean {
  if (!askedRanges.length) return false;
  const stated = monthRanges(normalizedSentence);
  return stated.length > 0 && !stated.some((range) => askedRanges.includes(range));
}
