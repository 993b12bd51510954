/**
 * Figures: numeric facts in one normalized sentence — value, unit, what is measured (the metric) and over what
 * time (the period): `截至5月份，新签约项目21个，签约额22.13亿元` → 新签约项目 21 个, 签约额 22.13 亿元, both 截至5月份.
 */

export interface FigureMention {
  metric: string;
  /** The number as written, ASCII digits: `22.13`, `150` (of 150余批次). */
  value: string;
  unit: string;
  /** 150余批次, 近7000平方米, 20多家. */
  approx?: boolean;
  period?: string;
  /** UTF-16 offsets of number and unit in the sentence. */
  start: number;
  end: number;
}

/** Longer units first, so 万美元 wins over 美元 and 平方米 over 米. */
const UNITS = [
  '亿美元', '万美元', '美元', '亿元', '万元', '元', '平方公里', '平方米', '万吨', '吨', '人次', '批次', '个百分点',
  '%', '个', '家', '亩', '名', '场', '项', '处', '套', '本', '所', '条', '批', '辆', '户', '公里',
];
const NUMBER_WITH_UNIT = new RegExp(
  `(近|约|超过|超)?(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(余|多)?(${UNITS.map((u) => u.replace('%', '%')).join('|')})(以上)?`,
  'gu',
);
/** Counts of time, not of things: 5个小时, 1个工作日, 3个月. */
const TIME_COUNT_AFTER = /^(?:小时|工作日|月|季度|星期)/u;
/** An ordinal (第27名) or a number glued to a longer number or letter is no figure: the character before it. */
const ORDINAL_BEFORE = /^[第\d.A-Za-z]$/u;
/** Time scopes a sentence gives its figures. */
const PERIOD =
  /截至目前|截至\d{1,2}月(?:份|底)?|截至\d{4}年(?:\d{1,2}月(?:份|底)?)?|\d{1,2}\s*[-—–~至到]\s*\d{1,2}月份?|今年以来|上半年|下半年|前三季度|一季度|今年|\d{4}年(?:度|以来)?/gu;
const BOUNDARY = /[，,；;。:：、！!？?（）()“”"《》\s]/u;
/** Subjects written before a metric: 天桥区, 园区, 全区, 开发区, 济南济北经济开发区. */
const LEADING_SUBJECT = /^(?:全区|全市|全省|全县|我区|我市|园区|开发区|[\p{Script=Han}]{1,10}?(?:开发区|产业园区|园区|片区|区))(?=\p{Script=Han}{2})/u;
const LEADING_FILLER = /^(?:数据显示|其中|共计|共|累计|实现|完成|达到|占|有|是|为|在|了|已|还)+/u;
/** A subject with nothing after it names no metric: 全区23个社区服务中心. */
const BARE_SUBJECT = /^(?:全区|全市|全省|全县|我区|我市|园区|开发区|[\p{Script=Han}]{1,10}?(?:开发区|园区|区))$/u;
const TRAILING_FILLER = /(?:累计完成|累计|完成了|完成|实现|达到|达|为|共|约|近|超过|超|有|是|的|了|占)+$/u;
/** When the words before a count are only a verb (推动17家外资项目落地), the metric is the noun after it. */
const VERB_ONLY = /^(?:推动|引进|新建|成立|建成|拿下|派出|共派出|签约|建设|接待|帮扶|服务|开展|完成|举办|培训|拿下了|成立了|签约了|引进了|推动了|建设了|新增)$/u;
const NOUN_AFTER_END = /[已将等的和与及在并为,，。;；、（(]|落地|签约|入驻|开工|建成|完成|投产/u;
const MAX_METRIC = 16;

function findPeriods(sentence: string): { text: string; at: number }[] {
  return [...sentence.matchAll(PERIOD)].map((m) => ({ text: m[0].replace(/\s/gu, ''), at: m.index }));
}

/** The words naming what a number measures, read backwards from the number to the last boundary. */
function metricBefore(sentence: string, from: number, to: number, periods: { text: string }[]): string {
  let start = to;
  while (start > from && !BOUNDARY.test(sentence[start - 1]!)) start--;
  let metric = sentence.slice(start, to);
  for (const p of periods) metric = metric.split(p.text).join('');
  let previous = '';
  while (previous !== metric) {
    previous = metric;
    metric = metric.replace(LEADING_SUBJECT, '').replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '');
  }
  return BARE_SUBJECT.test(metric) ? '' : metric;
}

function nounAfter(sentence: string, from: number): string {
  const rest = sentence.slice(from, from + 12);
  const end = rest.slice(1).search(NOUN_AFTER_END) + 1; // a verb right after the unit belongs to the noun
  const noun = (end > 0 ? rest.slice(0, end) : rest).slice(0, 8);
  return /^\p{Script=Han}{2,}$/u.test(noun) ? noun : '';
}

export function extractFigures(sentence: string): FigureMention[] {
  const periods = findPeriods(sentence);
  const figures: FigureMention[] = [];
  let lastEnd = 0;
  // Numbers inside quotes are names (“黄金16条”), not figures.
  const quoted: [number, number][] = [...sentence.matchAll(/[“"「][^”"」]*[”"」]/gu)].map((m) => [m.index, m.index + m[0].length]);
  for (const m of sentence.matchAll(NUMBER_WITH_UNIT)) {
    const [whole, before, value, after, unit, above] = m as unknown as [string, string | undefined, string, string | undefined, string, string | undefined];
    const start = m.index + (before?.length ?? 0);
    const end = m.index + whole.length;
    // Only the character before matters: testing it alone spares a scan of the sentence up to the number.
    if (m.index > 0 && ORDINAL_BEFORE.test(sentence[m.index - 1]!)) continue;
    if (unit === '个' && TIME_COUNT_AFTER.test(sentence.slice(m.index + whole.length - (above?.length ?? 0)))) continue;
    if (quoted.some(([a, b]) => start >= a && start < b)) continue;
    let metric = metricBefore(sentence, lastEnd, m.index, periods);
    if ((!metric || VERB_ONLY.test(metric)) && unit !== '%') metric = nounAfter(sentence, end) || metric;
    lastEnd = end;
    if (!metric) continue;
    const nearest = periods.filter((p) => p.at < start).at(-1) ?? periods[0];
    const figure: FigureMention = { metric: [...metric].slice(-MAX_METRIC).join(''), value: value.replace(/,/gu, ''), unit, start, end };
    if (before || after || above) figure.approx = true;
    if (nearest) figure.period = nearest.text;
    figures.push(figure);
  }
  return figures;
}
