/**
 * Figures: numeric facts in one normalized sentence — value, unit, what is measured (the metric), over what time
 * (the period) and of which place (the subject): `截至5月份，新签约项目21个，签约额22.13亿元` → 新签约项目 21 个,
 * 签约额 22.13 亿元, both 截至5月份. The metric is a noun phrase; where the words before a number are a verb, a
 * preposition, a person or a list, and no noun follows the number, the sentence gives no figure (a wrong metric is
 * worse than none).
 */
import { tag, type TaggedToken } from '../text/jieba.ts';

/** The place or zone a figure's clause is about, as written: 济南市, 天桥区, 济北开发区, or a generic 全市. */
export interface FigureSubject {
  text: string;
  /** UTF-16 offsets in the sentence. */
  start: number;
  end: number;
  /** 全市, 全区, 我区, 园区, 开发区 …: words that refer to a place without naming it. */
  generic?: boolean;
}

export interface FigureMention {
  metric: string;
  /** The number as written, ASCII digits: `22.13`, `150` (of 150余批次). */
  value: string;
  unit: string;
  /** 150余批次, 近7000平方米, 20多家. */
  approx?: boolean;
  /** Value and unit with their approximation words, as written: `150余批次`, `近7000平方米`, `80%以上`. */
  written: string;
  period?: string;
  subject?: FigureSubject;
  /** UTF-16 offsets of number and unit in the sentence. */
  start: number;
  end: number;
}

/** Longer units first, so 万美元 wins over 美元 and 亿元/平方公里 over 亿元. */
const UNITS = [
  '亿元/平方公里', '万元/亩', '万亿元', '亿美元', '万美元', '美元', '亿元', '万元', '元', '平方公里', '万平方米', '平方米', '万吨',
  '吨', '万人次', '人次', '万人', '批次', '个百分点', '%', '个', '家', '亩', '名', '场', '项', '处', '套', '本', '所',
  '条', '批', '辆', '户', '公里', '倍',
  // Written without 元 (GDP突破1000亿); tonnes, energy and containers (亿吨, 亿度, 万标箱); counts of larger things,
  // people and cases.
  '万亿', '亿立方米', '亿吨', '亿度', '亿千瓦时', '亿人次', '亿部', '亿件', '亿只', '亿', '万标准箱', '万标箱', '万千瓦时',
  '万千瓦', '万部', '万件', '万只', '万套', '万片', '万公顷', '公顷', '万亩', '万家', '万个', '万台', '台', '万辆', '万户',
  '人', '位', '件', '宗', '次',
  // Trillions as Taiwan writes them (2.43兆元); volumes (70万立方米 of earth moved).
  '兆美元', '兆元', '万立方米', '立方米',
];
/** 约 closing a word (签约12个项目, 节约30%) is no "about": the words before the number end in it. */
const WORD_ENDING_IN_YUE = /[签节制预合履违特公条契邀相解守]/u;
/** Nor is 过 closing a word (通过12项, 经过3年) an "over". */
const WORD_ENDING_IN_GUO = /[通经度错难不跨越路]/u;
const NUMBER_WITH_UNIT = new RegExp(
  `(近|(?<!${WORD_ENDING_IN_YUE.source})约|超过|超|逾|(?<!${WORD_ENDING_IN_GUO.source})过)?(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(余|多)?(${UNITS.join('|')})(以上|左右)?`,
  'gu',
);
/** Counts of time, not of things: 5个小时, 1个工作日, 3个月. */
const TIME_COUNT_AFTER = /^(?:小时|工作日|月|季度|星期)/u;
/**
 * An ordinal (第27名, 前20%, 列67位, 居12位) or a number glued to a longer number or letter is no figure: the character
 * before it.
 */
const ORDINAL_BEFORE = /^[第前列居\d.A-Za-z]$/u;
/** 营业收入超10亿元企业82家: a bound before a number and a counted noun after it make it a threshold, no figure. */
const THRESHOLD_BEFORE = /^(?:超过|超|逾|过)$/u;
const COUNTED_HEAD_AFTER = /^(?:的)?(?:企业|项目|公司|大项目|工程|园区)/u;
/**
 * A number that qualifies a noun (50亿元以上的项目, 10亿级项目) or bounds a range (10亿元至50亿元) measures nothing
 * itself.
 */
const QUALIFIER_AFTER = /^(?:的|至|到|级|[-—~～])/u;
/** A range's lower bound and its sign right before a number (1—, 10~, 5至). */
const RANGE_BEFORE = /\d(?:\.\d+)?\s*[—–\-~～至到]\s*$/u;
/** A session's number (市政府七届44次常务会议) counts no events: it says which meeting. */
const SESSION_AFTER = /^(?:常务)?(?:会议|全会|常委会)/u;
/** Time scopes a sentence gives its figures. */
const PERIOD =
  /截至目前|截至\d{1,2}月(?:份|底)?|截至\d{4}年(?:\d{1,2}月(?:份|底)?)?|截止\d{1,2}月(?:份|底)?|\d{1,2}\s*[-—–~至到]\s*\d{1,2}月份?|前\d{1,2}个?月(?:以?来)?|\d{1,2}月(?:末|底)|今年以来|上半年|下半年|前三季度|第?[一二三四]季度|今年|\d{4}年(?:度|以来)?/gu;
/** A short quoted term (“四上”) right before the words of a metric. */
const QUOTED_QUALIFIER = /[“"]\p{Script=Han}{1,6}[”"]$/u;
const BOUNDARY = /[，,；;。:：、！!？?（）()“”"《》\s]/u;

/** Words that name a place without naming which: subjects all the same. */
const GENERIC_SUBJECT =
  '全区|全市|全省|全县|我区|我市|我省|我县|本区|本市|该(?:园区|开发区|高新区|经开区|综合保税区|综保区|保税港区|保税区|新区|片区|区|市|县)|园区|(?:经济技术|经济|高新技术产业|高新技术)?开发区|工业园区|产业园区|综保区|综合保税区|高新区|经开区|新区|片区';
/**
 * A named place or zone: a name ending in an administrative or zone word. What precedes the bare 区 or 市 rules
 * out the areas that are no place (社区, 建成区, 城市 …).
 */
const NAMED_SUBJECT =
  '\\p{Script=Han}{2,14}?(?:经济技术开发区|高新技术产业开发区|开发区|产业园区|工业园区|产业园|园区|高新区|经开区|新区|片区|保税区|试验区|实验区|示范区|(?<!社|小|城|景|街|校|库|建成|功能|核心|集聚|保护|辖|厂|矿|老|主城|新城|示范)区|(?<!城|都|超|门)市|省|县|州|旗)';
const SUBJECT = new RegExp(`^在?((?:${GENERIC_SUBJECT})|${NAMED_SUBJECT})(?=[\\p{Script=Han}\\dA-Za-z]|$)`, 'u');
/** Words that end a zone's name. */
const ZONE_KIND = '开发区|园区|产业园|高新区|经开区|新区|片区|保税区|试验区|实验区|示范区';
const ZONE_KIND_ENDING = new RegExp(`(?:${ZONE_KIND})$`, 'u');
const GENERIC_ONLY = new RegExp(`^(?:${GENERIC_SUBJECT})$`, 'u');
/** Generic subjects wider than a zone: 全省开发区 are the province's zones, not the zone written about. */
const WIDE_AREA = /^(?:全市|全省|全县|我市|我省|我县|本市|该市|该县)$/u;
/** Verbs of going or settling somewhere, which jieba may tag as nouns (落户): the place after them is no subject. */
const MOVING_TO = /^(?:落户|入驻|入园|进驻|位于|来到|走进|走访|赴|到|去|前往|距离|距|离)/u;
/** Offices and people are no place: 某区人民政府副区长. */
const OFFICE = /政府|管委会|党工委|委员会|人民|局|办公室/u;
/** Tags no part of a place name has: verbs, prepositions, adverbs, particles, numbers, pronouns … */
const NOT_IN_NAME = /^(?:v|vd|p|c|u\w*|d|ad|f|m|mq|q|t|r|y|e|o|w|a)$/u;

/**
 * Words before a metric that are not part of it: sources, examples, conjunctions, scopes, verbs of completion, the
 * event reporting.
 */
const LEADING_FILLER =
  /^(?:数据显示|据统计|本报讯|像是|比如|例如|譬如|诸如|但是|但|此外|其中|而|并且|同时|全年|仅|只|就|连续[一二两三四五六七八九十\d]+年|(?:近|这)?[一二两三四五六七八九十\d]+个?多?个?(?:年|月|天|周)多?(?:以)?来|连续|(?:本次|此次|这次)?(?:活动|大会|会议)(?:现场|上)?|本次|此次|这次|目前|会上|现场|当天|当日|共计|共|累计|实现|完成|达到|确保|力争|预计|成功|顺利|占|有|是|为|了|已|还|等)+/u;
/** Speech: what follows 介绍 or 表示 is the figure, what precedes it a person. */
const SPEECH = /^.*?(?:介绍说|介绍|表示|指出|透露|称)/u;
const TRAILING_FILLER = /(?:不足|不到|累计完成|累计|完成了|完成|实现|达到了|达到|突破|超过|高达|达|为|共|有|是|了|的|占|已经|已|目前|就|也|还|均|都|(?<=\p{Script=Han}{2})(?:保持在|在))+$/u;
/**
 * A verb between who and what is measured (企业实现营业收入, 光电产业累计完成产值, 服务业依然完成营业收入); not after a
 * modal (可实现年产值, planned), nor before 投资, where 完成投资 is a measure of its own.
 */
const INNER_VERB = /(?<=\p{Script=Han}{2})(?<![可将能要需会拟划])(?:依然|仍然|共|累计|全年)?(?:实现|完成)(?!投资)(?=\p{Script=Han}{2})/u;
/**
 * Verbs opening a clause before what they create, bring in or hold (创建小型微型企业创业创新基地33个, 拥有上市企业2家),
 * with an adverb of effort before them (积极推动).
 */
const LEADING_VERB = /^(?:积极|大力|加快|全力|着力)?(?:创建|打造|培育|出台|引育|新引进|引进|举办|举行|开展|推动|带动|建立健全|建立|健全|拥有|投入)/u;
/** A metric that is only a verb, or an adverb and a verb, names nothing: 签约, 全面推进, 获批 (the noun after the count may). */
const VERB_ONLY =
  /^(?:全面|积极|大力|加快|持续|深入)?(?:签约|签下|签署|签订|签|推动|推进|引进|引入|举行|举办|开展|组织|成立|建成|建设|新建|派出|拿下|接待|帮扶|服务|培训|实施|启动|新增|获批)$/u;
/** Nor does a clause ending in a predicate: 本次活动共签, 内设机构压缩成, 管委会主任某某介绍. */
const VERB_ENDING = /(?:签约|签下|签署|签订|签|拟|成|介绍|表示|举行|举办|推动|引进|成立|派出|拿下|出台|打造|培育|创建|服务|帮扶|提出|拥有|拥|聚集|集聚|汇聚)了?$/u;
/** Verbs that name economic quantities, which jieba tags as verbs: 财政支出, 一般公共预算收入. */
const NOMINAL_VERB = /^(?:收入|支出|投资|产出|消费|出口|进口|增长|下降|利用|使用|销售|生产|贸易|经营|营收|就业|创收|纳税|增速|增幅)$/u;
/** A clause of subject and verb (市国资委选出, 两省市扎实推进): its last word a verb after a name or an adverb. */
function endsInPredicate(metric: string): boolean {
  const tokens = tagged(metric);
  const last = tokens.at(-1)!;
  if (tokens.length < 2 || last.tag !== 'v' || NOMINAL_VERB.test(last.word) || GROWTH_ONLY.test(last.word)) return false;
  // After a common noun the verb may name counted events (公益演出, 客商考察); after a name or an adverb it is a predicate.
  return /^(?:nr|ns|nt|nz|j|a|ad|d)$/u.test(tokens.at(-2)!.tag);
}

/** Words that are all verbs, particles, adverbs or times (带着, 推进了, 先后) name nothing. */
function onlyVerbs(metric: string): boolean {
  // 率, 额, 量 … make a measure of a verb (答复率), whatever jieba tags them.
  if (/[率额量数值比]$/u.test(metric)) return false;
  return tagged(metric).every((t) => (/^v[dg]?$/u.test(t.tag) && !NOMINAL_VERB.test(t.word)) || /^(?:u\w*|d|t)$/u.test(t.tag));
}
const PLACE_ENDING = new RegExp(`(?:${ZONE_KIND}|\\p{Script=Han}{2}[省市县])$`, 'u');

/** A clause opened by a preposition is an adverbial (将原先, 在库, 从十大条, 对70周岁以上老人), not a metric. */
const PREPOSITION = /^(?:的|到|在|将|把|从|对|向|由|比|按照|按|以|经|通过|围绕|给予|高于|低于|快于|慢于|超出)/u;
/** A change of state: the words before its start (由) or its result (整合为, 发展到) name no metric. */
const CHANGED_INTO =
  /(?:(?:整合|合并|压缩|调整|改|变|转变)[为成]|(?:发展|增加|增长|提高|提升|扩大|拓展|扩展|减少|下降|缩减|缩短|降低|上升|攀升|跃升|升|增|涨|降|跌|减|再)[到至]|[由从])$/u;
/** A clause opening with where a figure went (升至, 再到, 增加到): the same figure as the one just before, later. */
const CHANGED_TO_OPENING = /^[，,\s]*(?:也|又|进一步)?(?:上升|攀升|跃升|增长|增加|提高|提升|扩大|拓展|扩展|下降|减少|降低|回落|升|增|涨|降|跌|减|再)[到至]/u;
/** A metric a starting value follows (进出口贸易额从2018年的15亿元…, 批准面积由原有的133.3公顷…): the words before 从. */
const CHANGED_FROM = /^(\p{Script=Han}{2,}?)(?:也|均|都)?[从由](?:原有|原来|原先|之前)?的?$/u;
/** Words of a growth rate (成长 as Taiwan writes 增长). Alone, they measure the figure stated just before. */
const GROWTH_ONLY =
  /^(?:增幅|增速)?(?:同比|环比|较同期|(?:与|和|同|跟)?(?:比|较)?(?:上年|去年|上一年|前一年)(?:同期)?(?:相比|比较)?)?(?:[两三五]年)?(?:年均|平均)?(?:分别)?(?:增长|成长|下降|增速|增幅|提高|增加|减少|降低|上升|下滑|回落|加快)$/u;
/** A bracketed aside that a number follows at once. */
const ASIDE_BEFORE_NUMBER = /[（(][^（）()]{1,24}[）)](?=\d)/gu;
/** A completion rate alone (目标完成率 27.43%): of the figure stated just before, as a growth rate is. */
const COMPLETION_ONLY = /^(?:目标|计划|年度目标|年计划|全年目标)?完成率$/u;
/** The same rate closing a figure's metric, dropped when a growth after it takes the metric. */
const COMPLETION_TAIL = /\s(?:目标|计划|年度目标|年计划|全年目标)?完成率$/u;
/** The period a growth is compared with, inside a metric (总产值较上年同期增长): said by the growth word alone. */
const COMPARED_PERIOD = /(?:较|比|与|同)(?:上年|去年|上一年)?同期(?:相比)?(?=增长|成长|下降|增加|减少|提高)/u;
/** A clause that opens with 占 and names the whole (占全市工业投资的比重): a share of what the clause before measured. */
const SHARE_OF_PREVIOUS = /^(?:[，,\s]*)(占\p{Script=Han}{2,16}?(?:的)?(?:比重|比例|份额))(?:为|达|达到)?$/u;
/**
 * A comparison of the growth just stated with a whole's (增幅高于同期全国平均水平3个百分点): the rate's base, the
 * growth word (增速 where the text has none), the comparison and the whole make the metric.
 */
const COMPARED_TO_WHOLE = /^(?:[，,\s]*)(增幅|增速)?(?:均|也|还|仍)?(高于|低于|快于|慢于)(\p{Script=Han}{1,12}?)$/u;
/** A comparison a metric ends with, dropped when it is the base of what follows (占…比重). */
const COMPARED_TAIL = /(?:增幅|增速)(?:高于|低于|快于|慢于)\p{Script=Han}*$/u;
/** The figure a growth rate, a comparison or a share is of: a metric without its growth words or comparison. */
const baseMetric = (metric: string) => metric.replace(COMPARED_TAIL, '').replace(GROWTH_TAIL, '');
/** A total with no noun of its own (总投资): of what the count just before counted (签约项目10个，总投资…). */
const TOTAL_ONLY = /^(?:计划|协议|合同|签约)?(?:总投资额?|投资总额|投资总金额|投资金?额|总金额|总额|总产值)$/u;
/** An amount with no noun of its own (总量, 规模): of what the figure just before measured. */
const AMOUNT_ONLY = /^(?:总量|总规模|规模)$/u;
const COUNT_UNIT = /^(?:个|项|家|批|批次|宗|所|条|处)$/u;
/**
 * An event right after a counted noun says which of them are counted: 27个项目集中开工 → 集中开工项目,
 * 10个项目成功签约 → 签约项目.
 */
const EVENT_AFTER = /^(?:成功|顺利|正式|已经|已|陆续)?(?:进行了?|实现了?)?(新?(?:集中开工|集中签约|集中竣工|开工建设|开复工|复工|开工|签约|竣工|投产|落户|入驻|落地))/u;
/** The same events as the verb before a count, for a bare noun after it: 共签下12个项目 → 签下项目. */
const EVENT_BEFORE = /(?:集中开工|集中签约|签约|签下|签署|签订|新引进|引进|开工|竣工|投产|落户|入驻)$/u;
/**
 * Heads that name no figure without the words that say which: 项目, 总投资, 园区. (企业 alone does: how many
 * enterprises a place has.)
 */
const BARE_HEAD = /^(?:项目|工程|园区|开发区|工业园区|产业园区|总投资额?|投资额?|投资总额|资金|制度)$/u;
/** Those events are of projects and enterprises (100多名员工落户 counts employees, not 落户员工). */
const EVENTFUL_NOUN = /(?:项目|企业|公司|工程)$/u;
/** The growth words a metric ends with, dropped when a following growth rate takes the metric. */
const GROWTH_TAIL = /\s?(?:同比|环比)?(?:增长|成长|下降|增速|增幅)$/u;
/** Where the words after a count stop: punctuation, particles, conjunctions. */
const NOUN_AFTER_END = /[的等和与及并为到,，。;；、（(：:\s]/u;
const NOUN_AFTER_START = /^[的在和与及并为将已等到]/u;
/** Nouns end a noun phrase (签约已开工`项目`); the run of nouns a phrase starts with may include verbal nouns. */
const NOUN_TAG = /^(?:n|nr|ns|nt|nz|ng|nrt|j)$/u;
const NOUN_RUN_TAG = /^(?:n|nr|ns|nt|nz|ng|nrt|j|vn|an|a|b|x)$/u;
/** A predicate the words after a count end with: 17家外资项目落地, 33项审批业务集中办理. */
const PREDICATE_TAIL = /(?:落地|落户|入园|签约|入驻|开工|建成|完成|投产|办理|推进|实施)$/u;
const MAX_NOUN_AFTER = 10;
/** Words after the noun that sum it, distribute it or open its predicate: 5个园区合计…, 10个项目成功签约. */
const RUN_STOP = /^(?:合计|共计|累计|共|均|都|各|分别|全部|已|将|成功|顺利|陆续|集中|正式|共同|相继|先后|即将|正在)$/u;
const MAX_METRIC = 16;

/**
 * Tags of the short texts this module asks jieba about (place names, the words after a count), remembered: news
 * repeats them (全市, 项目, 企业), and tagging is most of the cost. Bounded, emptied when full.
 */
const tagMemo = new Map<string, TaggedToken[]>();
const MAX_TAG_MEMO = 50_000;
function tagged(text: string): TaggedToken[] {
  let tokens = tagMemo.get(text);
  if (!tokens) {
    if (tagMemo.size >= MAX_TAG_MEMO) tagMemo.clear();
    tagMemo.set(text, (tokens = tag(text)));
  }
  return tokens;
}

function findPeriods(sentence: string): { text: string; at: number }[] {
  return [...sentence.matchAll(PERIOD)].map((m) => ({ text: m[0].replace(/\s/gu, ''), at: m.index }));
}

/**
 * Strips the words a pattern finds at the start (`^…`) or end (`…$`) of a text, unless that leaves a single
 * character (完成率 stays 完成率, not 率). At the start, only where jieba puts a word boundary (共 of 共签约项目,
 * not of 共享; 占 of 占地面积 is part of the word) or cuts a word it does not know.
 */
function strip(text: string, pattern: RegExp): string {
  const m = pattern.exec(text);
  if (!m || !m[0]) return text;
  const cut = m.index === 0 ? m[0].length : m.index;
  const stripped = m.index === 0 ? text.slice(cut) : text.slice(0, cut);
  if (stripped.length === 1) return text;
  if (!stripped || m.index > 0) return stripped;
  let at = 0;
  for (const t of tagged(text)) {
    if (at >= cut) break;
    // A word jieba does not know (已新 of 已新引进) is no evidence of a boundary either way.
    if (t.tag === 'x' && at + t.word.length > cut) return stripped;
    at += t.word.length;
  }
  return at === cut ? stripped : text;
}

/**
 * Whether jieba's words of a text have a boundary at `at`, and what follows is a word of its own: 龙湖区|块 is cut
 * there, but 块 is bound (区块, a block), so 龙湖区 is no name here.
 */
function endsAtWord(text: string, at: number): boolean {
  if (at >= text.length) return true;
  let end = 0;
  for (const t of tagged(text)) {
    if (end === at) return !(t.word.length === 1 && BOUND_TAG.test(t.tag));
    end += t.word.length;
    if (end > at) return false;
  }
  return true;
}
/** jieba's tags of bound morphemes, characters that are no word alone. */
const BOUND_TAG = /^(?:zg|ng|g)$/u;

/** The place or zone a clause opens with (`济南市`一般公共预算收入, `在全省`…), when its words can be a name. */
function subjectAt(clause: string): { text: string; length: number } | undefined {
  const m = SUBJECT.exec(clause);
  if (!m) return undefined;
  const text = m[1]!;
  if (MOVING_TO.test(text) || OFFICE.test(text)) return undefined;
  // A name ends where a word ends: 力争|市级 is no place 力争市, 龙湖区块 (a block) no district 龙湖区.
  if (!endsAtWord(clause, m[0].length)) return undefined;
  if (!GENERIC_ONLY.test(text)) {
    // jieba tells a place (济南市, 天桥区) from a verb or adverb phrase that happens to end in 区 or 市 (落户历下区).
    const tokens = tagged(text);
    if (tokens.slice(0, -1).some((t) => NOT_IN_NAME.test(t.tag))) return undefined;
  }
  return { text, length: m[0].length };
}

/** Period words and fillers at the start of a clause, which come before its subject (1-10月,天桥区…). */
function skipOpening(clause: string, periods: { text: string }[]): number {
  let at = 0;
  for (let moved = true; moved; ) {
    moved = false;
    for (const p of periods) {
      if (clause.startsWith(p.text, at)) {
        at += p.text.length;
        moved = true;
      }
    }
    const filler = LEADING_FILLER.exec(clause.slice(at));
    if (filler && filler[0].length) {
      at += filler[0].length;
      moved = true;
    }
  }
  return at;
}

/** Words opening a clause that relates a figure to a whole or a distance (占全市…, 距离天津港…). */
const RELATION_OPENING = /^(?:占|距离|距|离|比|较|与)/u;
/** Quantities that say nothing of what produced them: 产值, 营业收入, 税收. */
const BARE_QUANTITY = /^(?:总?产值|工业总?产值|营业收入|营收|总收入|主营业务收入|销售收入|税收|增加值|利润)$/u;
/** An industry as a noun phrase: 工程机械产业, 汽车及零部件产业, 电子信息行业. */
const INDUSTRY = /^(\p{Script=Han}{2,10}?(?:产业|行业))(?!园|区|基地|链|集群)/u;
/** Tags no word of an industry's name has: verbs, prepositions, adverbs, particles, pronouns, numbers, times. */
const NOT_IN_INDUSTRY = /^(?:v|vd|p|d|ad|u\w*|r|m|t|f)$/u;
/** Words a clause may open with before its subject: a scope. */
const OPENING = /^(?:园区|全区|开发区|高新区|经开区|该区|其中|而)?/u;

/**
 * The industry the nearest clause before the figure's opens with (园区工程机械产业受益于…，实现产值…; 电子信息产业
 * 发展迅速，全年产值…): the subject of the quantities given after it. None when no clause before opens so.
 */
function openingIndustry(before: string): string {
  const clauses = before.split(/[，,；;]/u).slice(0, -1);
  for (const clause of clauses.reverse()) {
    const rest = clause.slice(OPENING.exec(clause)![0].length);
    const m = INDUSTRY.exec(rest);
    // The phrase names an industry (汽车及零部件产业, 第三产业), it is not a clause (加快发展产业).
    if (m && tagged(m[1]!).every((t) => !NOT_IN_INDUSTRY.test(t.tag) || /^第/u.test(t.word))) return m[1]!;
  }
  return '';
}

/** Quantities a project, base or centre has (计划总投资, 年产值, 占地面积): they say nothing of whose they are. */
const PROJECT_QUANTITY = /^(?:计划|协议|合同|预计)?(?:总投资额?|投资总额|投资额?)$|^(?:建成后|达产后|投产后|预计)?(?:年产值|年产能|年销售收入|年税收|年营收)$|^(?:规划|总|占地|用地)?(?:建筑)?面积$/u;
/** A project named as a noun phrase ending a clause: 签约的锂电池材料项目, 智能装备产业基地. Not a bare 项目. */
const PROJECT_ENDING = /(?:^|[的与和及、在])([^的与和及、在，,；;\s]{2,14}?(?:项目|工程|基地|中心))$/u;
/** A clause that says what something is (均为工业项目) names no project. */
const PREDICATE_OPENING = /^(?:均为|均是|都是|都为|全部为|全为|是|为|系|属于|包括|其中)/u;
/** Words that make a clause an event, not a project's name (开工项目 names no one project). */
const NOT_A_PROJECT_NAME = /^(?:重点|重大|新开工|开工|签约|在建|续建|新建|竣工|投产|招商|产业|工业|民生|优质)+(?:项目|工程)$/u;

/**
 * The project named by the clause just before a figure's, when that clause is only its name (…签约的锂电池材料项目，
 * 计划总投资10亿元): the owner of a quantity that does not say whose it is.
 */
function projectBefore(before: string): string {
  const clauses = before.split(/[，,；;]/u);
  if (clauses.length < 2) return '';
  const m = PROJECT_ENDING.exec(clauses.at(-2)!.trim());
  return m && !NOT_A_PROJECT_NAME.test(m[1]!) && !PREDICATE_OPENING.test(m[1]!) ? m[1]! : '';
}

/** Subjects opening the clauses of a sentence, in order. A subject holds for the clauses after it. */
function findSubjects(sentence: string, periods: { text: string }[]): FigureSubject[] {
  const subjects: FigureSubject[] = [];
  let clauseStart = 0;
  for (let i = 0; i <= sentence.length; i++) {
    if (i < sentence.length && !BOUNDARY.test(sentence[i]!)) continue;
    // A clause may name two places, the later the narrower scope: 济北开发区在全省160家省级以上开发区中.
    let at = clauseStart;
    // The place a share or a distance is taken of (占全市…, 距离天津港…) is no subject.
    if (RELATION_OPENING.test(sentence.slice(at, i))) at = i;
    while (at < i) {
      at += skipOpening(sentence.slice(at, i), periods);
      const found = subjectAt(sentence.slice(at, i));
      if (!found) break;
      const start = at + found.length - found.text.length;
      const previous = subjects.at(-1);
      const wide = previous?.generic && WIDE_AREA.test(previous.text);
      if (previous && previous.end === start && ZONE_KIND_ENDING.test(found.text) && (!previous.generic || wide)) {
        // A place right before a zone is part of its name (上饶市 + 工业园区), a wide area its scope (全省 + 开发区).
        previous.text += found.text;
        previous.end = start + found.text.length;
        delete previous.generic;
      } else {
        const subject: FigureSubject = { text: found.text, start, end: start + found.text.length };
        if (GENERIC_ONLY.test(found.text)) subject.generic = true;
        subjects.push(subject);
      }
      at += found.length;
    }
    clauseStart = i + 1;
  }
  return subjects;
}

/** How the words before a number read: a metric, or why they give none and whether a noun after may stand in. */
type Before = { metric: string } | { metric: ''; nounAfter: boolean; event?: string };

/** The words naming what a number measures, read backwards from the number to the last boundary. */
function metricBefore(clause: string, unit: string, periods: { text: string }[]): Before {
  let metric = clause;
  for (const p of periods) metric = metric.split(p.text).join('');
  metric = metric.replace(SPEECH, '');
  // 城乡居民人均可支配收入分别达到18687元、5634元: which number is which is not said.
  if (metric.includes('分别')) return { metric: '', nounAfter: false };
  // 贸易额从2018年的15亿元升至…: the metric is before 从; where a figure went (再到…的占比) says no metric of its own.
  metric = metric.replace(CHANGED_FROM, '$1').replace(CHANGED_TO_OPENING, '');
  if (CHANGED_INTO.test(metric)) return { metric: '', nounAfter: true };
  let previous = '';
  while (previous !== metric) {
    previous = metric;
    const subject = subjectAt(metric);
    if (subject && metric.length > subject.length) metric = metric.slice(subject.length);
    else if (subject && metric.length === subject.length) metric = '';
    metric = strip(strip(metric, LEADING_FILLER), LEADING_VERB);
    // Shares (占全年任务的139.6%) and qualified nouns (支持企业发展的20条政策) end in 的; 市场主体占33% is a share.
    // An event before 的 says which of the nouns after are counted (集中开工的11个项目).
    if (/的$/u.test(metric)) {
      const event = EVENT_BEFORE.exec(metric.slice(0, -1))?.[0];
      return event && unit !== '%' ? { metric: '', nounAfter: true, event } : { metric: '', nounAfter: unit !== '%' };
    }
    if (/占(?:到了?)?$/u.test(metric) && unit === '%') {
      const whole = metric.replace(/占(?:到了?)?$/u, '');
      return whole.length >= 2 ? { metric: `${whole}占比` } : { metric: '', nounAfter: false };
    }
    metric = strip(metric, TRAILING_FILLER);
  }
  if (PREPOSITION.test(metric)) return { metric: '', nounAfter: false };
  // 期间将188个产业园区整合为…: a preposition before the count leaves the noun after it.
  if (/(?:将|把|对|给|向|从)$/u.test(metric)) return { metric: '', nounAfter: true };
  // 宜明生物细胞产业基地项目等10个项目: the examples are no metric, the noun after the count is.
  if (/[等和与及或]$/u.test(metric) || VERB_ONLY.test(metric) || VERB_ENDING.test(metric)) {
    // 共签下12个项目: the event says which projects are counted.
    const event = EVENT_BEFORE.exec(metric)?.[0];
    return event ? { metric: '', nounAfter: true, event } : { metric: '', nounAfter: true };
  }
  // A location (长宁南路以西) or a threshold cut from its number (以下项目) says where or how big, not what.
  if (/(?:以[东南西北内外]|附近)$|^(?:以上|以下)/u.test(metric)) return { metric: '', nounAfter: false };
  if (!metric) return { metric: '', nounAfter: true };
  if (endsInPredicate(metric) || onlyVerbs(metric)) return { metric: '', nounAfter: true };
  // A zone's or place's name before a number is a list's item (X产业园区108.16亿元，全省第四十七位): what it measures is not said.
  if (PLACE_ENDING.test(metric)) return { metric: '', nounAfter: false };
  // A bare 占比 says a share of what it does not say; one character (这, 率) or a whole clause names nothing.
  if (metric.length < 2 || metric.length > MAX_METRIC || metric === '占比') return { metric: '', nounAfter: false };
  // A date left in the words (仅11月开发区就实现税收) makes them a clause.
  if (/\d+[年月日]/u.test(metric)) return { metric: '', nounAfter: false };
  // 企业实现营业收入, 装备制造业实现产值: the verb between who and what is measured is no part of the metric.
  return { metric: metric.replace(INNER_VERB, '').replace(COMPARED_PERIOD, '') };
}

/**
 * The metric left once a name that opens it is taken off (`平和科技产业园`已成功签约项目 → 签约项目), or '' when
 * what is left names nothing. For names only the corpus knows: jieba may read them as words (平和 "calm").
 */
export function metricAfterName(metric: string, nameLength: number): string {
  const rest = strip(strip(metric.slice(nameLength), LEADING_FILLER), LEADING_VERB);
  return rest.length >= 2 && !PREPOSITION.test(rest) && !VERB_ONLY.test(rest) ? rest : '';
}

/**
 * The noun a count is of, when it follows the count: 8个`签约拟开工项目`, 17家`外资项目`落地, 10个`招商专班`强力推进.
 * Words that end in a noun are one noun phrase; otherwise the nouns they start with are.
 */
function nounAfter(sentence: string, from: number): string {
  const rest = sentence.slice(from, from + 16);
  if (NOUN_AFTER_START.test(rest)) return '';
  const stop = rest.search(NOUN_AFTER_END);
  const span = /^\p{Script=Han}*/u.exec(stop >= 0 ? rest.slice(0, stop) : rest)![0];
  if (span.length < 2) return '';
  // A total right before the next number is that figure's (11个项目总投资25.3亿元): the noun is what precedes it.
  const nextFigure = /^\d/u.test(rest.slice(span.length));
  const total = nextFigure ? /(?:总投资额?|投资总额|总金额|总产值)$/u.exec(span) : null;
  if (total && span.length - total[0].length >= 2) return nounAfter(sentence.slice(0, from + span.length - total[0].length), from);
  const tokens = tagged(span);
  // A word cut by a number (世界|500强企业) is not the whole noun: what is counted is not read here.
  if (tokens.length === 1 && nextFigure) return '';
  // A span longer than a noun phrase may have been cut by the window, and its last word with it.
  const whole = span.length <= MAX_NOUN_AFTER;
  // Words ending in a noun are one noun phrase when they open with the verb of an attribute (签约已开工项目), not
  // when a noun comes first and a verb follows it (企业解决难题: the noun is 企业).
  const nounThenVerb = NOUN_RUN_TAG.test(tokens[0]!.tag) && tokens.some((t) => /^v/u.test(t.tag) && t.tag !== 'vn');
  if (whole && !nounThenVerb && NOUN_TAG.test(tokens.at(-1)!.tag) && !PREDICATE_TAIL.test(span) && !VERB_ENDING.test(span)) return span;
  let noun = '';
  let modifier = '';
  for (const t of tokens) {
    if (!NOUN_RUN_TAG.test(t.tag) && t.word !== '以上') break;
    // A word jieba does not know that opens with an adverb (已开 of 已开复工) starts the predicate.
    if (noun && (PREDICATE_TAIL.test(t.word) || RUN_STOP.test(t.word) || (t.tag === 'x' && /^[已将正均都]/u.test(t.word)))) break;
    // A one-character adjective qualifies a noun after it; one the run ends with (项目|新开工) is the predicate's.
    if (/^an?$/u.test(t.tag) && t.word.length === 1 && noun) {
      modifier += t.word;
      continue;
    }
    noun += modifier + t.word;
    modifier = '';
  }
  return noun.length >= 2 && noun.length <= MAX_NOUN_AFTER ? noun : '';
}

export function extractFigures(sentence: string): FigureMention[] {
  const periods = findPeriods(sentence);
  // Found when the first figure is: most sentences give none, and finding subjects costs a tagging.
  let subjects: FigureSubject[] | undefined;
  const figures: FigureMention[] = [];
  let lastEnd = 0;
  let lastMetric = '';
  let lastUnit = '';
  // The project the last figure's quantity was of (…锂电池材料项目，计划总投资…，年产值…).
  let lastProject = '';
  // Numbers inside quotes are names (“黄金16条”), not figures.
  const quoted: [number, number][] = [...sentence.matchAll(/[“"「][^”"」]*[”"」]/gu)].map((m) => [m.index, m.index + m[0].length]);
  // An aside in brackets right before a number (工业总产值(2000万元以上)65.82亿元) qualifies the metric before it: a
  // number inside is no figure, and the number after takes the words before the aside.
  const asides: [number, number][] = [...sentence.matchAll(ASIDE_BEFORE_NUMBER)].map((m) => [m.index, m.index + m[0].length]);
  for (const m of sentence.matchAll(NUMBER_WITH_UNIT)) {
    const [whole, before, value, after, unit, above] = m as unknown as [string, string | undefined, string, string | undefined, string, string | undefined];
    const start = m.index + (before?.length ?? 0);
    const end = m.index + whole.length;
    // Only the character before matters: testing it alone spares a scan of the sentence up to the number.
    if (m.index > 0 && ORDINAL_BEFORE.test(sentence[m.index - 1]!)) continue;
    if (unit === '个' && TIME_COUNT_AFTER.test(sentence.slice(m.index + whole.length - (above?.length ?? 0)))) continue;
    if (unit === '次' && SESSION_AFTER.test(sentence.slice(end))) continue;
    // The upper bound of a range whose lower bound has no unit (1—9亿元项目) is a class, as the range is.
    if (RANGE_BEFORE.test(sentence.slice(Math.max(0, m.index - 8), m.index))) continue;
    if (quoted.some(([a, b]) => start >= a && start < b) || asides.some(([a, b]) => start >= a && start < b)) continue;
    // 5000万元以上工业项目12个: a threshold qualifies the noun after it, and stays in that noun's metric.
    if (above === '以上' && /^\p{Script=Han}/u.test(sentence.slice(end, end + 1))) continue;
    if (before && THRESHOLD_BEFORE.test(before) && COUNTED_HEAD_AFTER.test(sentence.slice(end))) continue;
    if (QUALIFIER_AFTER.test(sentence.slice(end, end + 1))) {
      // A class (50亿级) stays in the metric of the count after it (50亿级项目1个).
      if (sentence[end] !== '级') lastEnd = end;
      lastMetric = '';
      continue;
    }
    const clauseEnd = asides.find(([, b]) => b === m.index)?.[0] ?? m.index;
    let clauseStart = clauseEnd;
    while (clauseStart > lastEnd && !BOUNDARY.test(sentence[clauseStart - 1]!)) clauseStart--;
    // A short quoted term that opens the words before the number qualifies them (“四上”企业营业收入).
    const quotedQualifier = QUOTED_QUALIFIER.exec(sentence.slice(Math.max(lastEnd, clauseStart - 10), clauseStart));
    if (quotedQualifier && clauseStart < m.index) clauseStart -= quotedQualifier[0].length;
    const clause = sentence.slice(clauseStart, clauseEnd);
    const previousEnd = lastEnd;
    lastEnd = end;
    const metricFollowsFigure = lastMetric !== '' && /^[，,、；;\s]*$/u.test(sentence.slice(previousEnd, clauseStart));
    const previousMetric = lastMetric;
    const previousUnit = lastUnit;
    const previousProject = lastProject;
    lastProject = '';
    lastMetric = '';
    // 7个品类、130多个品项: the second count of a list continues the first and names no metric of its own.
    if (!clause && sentence[m.index - 1] === '、' && previousEnd > 0) continue;
    // 娄葑、斜塘、金鸡湖5个街道: the words before are the last item of a list; the noun after is what is counted.
    // (制造业项目16个、服务业项目6个 is a list of figures, each with its metric.)
    const listItem = clauseStart > 0 && sentence[clauseStart - 1] === '、' && previousEnd !== clauseStart - 1;
    const read: Before = listItem ? { metric: '', nounAfter: true } : metricBefore(clause, unit, periods);
    let metric = read.metric;
    const share = SHARE_OF_PREVIOUS.exec(clause);
    const compared = COMPARED_TO_WHOLE.exec(clause);
    if (share && metricFollowsFigure && unit === '%') {
      // 完成工业投资增长18%，占全市工业投资比重71%: the share is the previous figure's, of the whole it names.
      metric = baseMetric(previousMetric) + share[1]!;
    } else if (compared && metricFollowsFigure && unit === '个百分点' && previousUnit === '%') {
      // 同比增长9.9%，增幅高于同期全国平均水平3个百分点: the growth just stated, against the whole's.
      metric = `${baseMetric(previousMetric)}${compared[1] ?? '增速'}${compared[2]}${compared[3]}`;
    } else if (CHANGED_TO_OPENING.test(clause) && metricFollowsFigure && previousUnit === unit) {
      // 贸易额从15亿元升至2022年的100亿元: where the figure just before went, in its unit.
      metric = previousMetric;
    } else if (GROWTH_ONLY.test(metric) || COMPLETION_ONLY.test(metric) || (!metric && /^[比较]/u.test(clause.trim()) && GROWTH_ONLY.test(clause.trim()))) {
      // 一般公共预算收入8.87亿元，同比增长8.32%: the growth is of the figure just before. A comparison opened by a
      // preposition (比上年同期增长) is no metric of its own, but is this growth all the same.
      if (!metricFollowsFigure) continue;
      // A growth after a completion rate (目标完成率27.43%，同比增长17.6%) is the measured figure's, not the rate's.
      metric = `${previousMetric.replace(GROWTH_TAIL, '').replace(COMPLETION_TAIL, '')} ${metric || clause.trim().replace(COMPARED_PERIOD, '')}`;
    } else if (TOTAL_ONLY.test(metric) && metricFollowsFigure && COUNT_UNIT.test(previousUnit)) {
      metric = previousMetric + metric;
    } else if (AMOUNT_ONLY.test(metric) && metricFollowsFigure) {
      // 工业投资增长20.7%，总量超过500亿元: the amount is of what the figure before measured.
      metric = previousMetric.replace(GROWTH_TAIL, '') + metric;
    } else if (!metric && unit === '%' && metricFollowsFigure && /^\s*占比\s*$/u.test(clause)) {
      // 营业收入4169亿元，占比86.8%: the share is of the figure just before.
      metric = `${previousMetric}占比`;
    } else if (!metric && 'nounAfter' in read && read.nounAfter && unit !== '%') {
      const noun = nounAfter(sentence, end);
      // The next count's words start after this noun (提出4个方面12项具体措施).
      if (sentence.startsWith(noun, end)) lastEnd = end + noun.length;
      const event = EVENTFUL_NOUN.test(noun) ? EVENT_AFTER.exec(sentence.slice(end + noun.length)) : null;
      metric = event ? event[1]! + noun : read.event && BARE_HEAD.test(noun) ? read.event + noun : noun;
      if (event && sentence.startsWith(noun, end)) lastEnd = end + noun.length + event[0].length;
    }
    // Investment completed (完成投资) is a measure of its own, unlike what 完成 opens elsewhere.
    if (BARE_HEAD.test(metric) && clause.endsWith(`完成${metric}`)) metric = `完成${metric}`;
    // A bare head (项目, 总投资) does not say which are counted: 5亿元~10亿元项目3个 is no count of 项目.
    if (!metric || BARE_HEAD.test(metric)) continue;
    // 园区工程机械产业受益于…，实现产值1046.3亿元: a bare quantity is of the industry the sentence opens with.
    if (BARE_QUANTITY.test(metric.replace(GROWTH_TAIL, ''))) {
      const industry = openingIndustry(sentence.slice(0, clauseStart));
      if (industry) metric = industry + metric;
    }
    // A project's quantity is of the project the clause before names, or the figure before was of.
    if (PROJECT_QUANTITY.test(metric)) {
      const project = metricFollowsFigure ? previousProject : projectBefore(sentence.slice(0, clauseStart));
      if (project) metric = `${project} ${metric}`;
      lastProject = project;
    }
    lastMetric = metric;
    lastUnit = unit;
    const nearest = periods.filter((p) => p.at < start).at(-1) ?? periods[0];
    subjects ??= findSubjects(sentence, periods);
    const subject = subjects.filter((s) => s.start < start).at(-1);
    const figure: FigureMention = {
      metric,
      value: value.replace(/,/gu, ''),
      unit,
      written: whole,
      start,
      end,
    };
    if (before || after || above) figure.approx = true;
    if (nearest) figure.period = nearest.text;
    if (subject) figure.subject = subject;
    figures.push(figure);
  }
  return figures;
}
