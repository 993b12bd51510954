/**
 * Numbers and months as an English question writes them, rewritten the way the corpus writes them: English counts
 * large numbers in thousands (100 million), Chinese in 万 and 亿 (1亿); a sum in yuan or dollars is 元 or 美元 after
 * its number; a month is its number with 月, a range of months `first-last月` (January to October → 1-10月); a
 * half-year or quarter in words (H1 → 上半年, Q3 → 三季度).
 */

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const CURRENCIES: Record<string, string> = { yuan: '元', rmb: '元', renminbi: '元', dollar: '美元', dollars: '美元', 'us dollars': '美元' };
const MONTHS = 'january february march april may june july august september october november december'.split(' ');

/** A number as Chinese writes it: in 亿 from a hundred million, in 万 from ten thousand (1.2 million → 120万). */
export function chineseNumber(value: number): string {
  const plain = (n: number) => String(Number(n.toFixed(4)));
  if (value >= 1e8) return `${plain(value / 1e8)}亿`;
  if (value >= 1e4) return `${plain(value / 1e4)}万`;
  return plain(value);
}

/** A number with an optional scale word and currency: `100 million yuan`, `2.5 billion`, `US$ 30 million`. */
const AMOUNT = /(?:(\bus)?\$\s*)?(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion)\b)?(?:\s+(us dollars|dollars?|yuan|rmb|renminbi)\b)?/giu;
/** A month's name, in any case but `may`, which is also a verb; three-letter forms too (Jan, Sept). */
const MONTH_NAME = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\b\\.?';
const MONTH_RANGE = new RegExp(`(?:\\bfrom\\s+)?\\b(${MONTH_NAME})\\s*(?:to|through|till|until|-|–)\\s*(${MONTH_NAME})`, 'giu');
const ONE_MONTH = new RegExp(`\\b(${MONTH_NAME})`, 'giu');
const isVerbMay = (name: string) => name === 'may';

/** The month's number of its English name (or its first three letters). */
function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/u, '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

/** A half-year or quarter as business English abbreviates it (H1, Q3), written as the corpus writes it. */
const PERIOD = /\b([HQ])([1-4])\b/gu;
const HALVES = ['上半年', '下半年'];
const QUARTERS = ['一季度', '二季度', '三季度', '四季度'];

/** The question with its amounts, months and periods written as the corpus writes them; everything else as it was. */
export function rewriteNumbers(question: string): string {
  return question
    .replace(PERIOD, (whole, letter: string, digit: string) => ` ${(letter === 'H' ? HALVES : QUARTERS)[Number(digit) - 1] ?? whole} `)
    .replace(MONTH_RANGE, (whole, first: string, last: string) =>
      isVerbMay(first) || isVerbMay(last) ? whole : ` ${monthNumber(first)}-${monthNumber(last)}月 `,
    )
    .replace(ONE_MONTH, (whole, name: string) => (isVerbMay(name) ? whole : ` ${monthNumber(name)}月 `))
    .replace(AMOUNT, (whole, us: string | undefined, digits: string, scale: string | undefined, currency: string | undefined) => {
      const dollar = us !== undefined || whole.trimStart().startsWith('$');
      if (!scale && !currency && !dollar) return whole;
      const value = Number(digits.replace(/,/gu, '')) * (scale ? SCALES[scale.toLowerCase()]! : 1);
      const unit = dollar ? '美元' : currency ? CURRENCIES[currency.toLowerCase()]! : '';
      return `${chineseNumber(value)}${unit}`;
    });
}
