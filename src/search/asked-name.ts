/**
 * Name questions (哪个服务专班, 哪家公司, 哪些区属集团, 谁主持, 哪位领导): they ask for a name. The sentence that
 * answers names one of the asked kind that the question does not give — a name ending in the asked noun
 * (…服务专班, 天桥控股集团), or a person, whom news names by title or by address (主任杨广平, 经办人杨女士) —
 * and says something the question asks about besides the name.
 */
import { tag } from '../text/jieba.ts';

export interface AskedName {
  /** The noun a name of the asked kind ends in (公司 of 哪家公司, 专班 of 哪个服务专班). */
  noun?: string;
  /** The question asks for a person (谁, 哪位, 哪名). */
  person?: boolean;
}

/** Nouns a which-word asks a name of even when they are one character or jieba reads them otherwise. */
const NAME_NOUNS = '有限公司 公司 企业 集团 开发区 产业园 园区 片区 区 县 市 部门 单位 银行 医院 学校'.split(' ');
const ASKED_NAME = new RegExp(`哪(?:一)?(?:家|个|些|所|座)?(${NAME_NOUNS.join('|')})`, 'u');
const ASKS_PERSON = /谁|哪位|哪名|什么人/u;
/** Tags of the words of a noun phrase after 哪个: nouns, verbal nouns, abbreviations, words jieba does not know. */
const NOUN_PHRASE_TAG = /^(?:n|nz|nt|ng|vn|j|x)$/u;
/** The verb between a noun and the which-word after it (置业公司是哪家). */
const COPULA = /^(?:是|为)$/u;
/** A count between the which-word and its noun (哪两种专员, 哪三条): not part of the noun phrase. */
const COUNT_TAG = /^(?:m|mq|q)$/u;

/** The name a question asks for, if it asks for one. */
export function askedName(normalizedQuestion: string): AskedName | undefined {
  const person = ASKS_PERSON.test(normalizedQuestion);
  const noun = person ? undefined : (askedHeadNoun(normalizedQuestion) ?? ASKED_NAME.exec(normalizedQuestion)?.[1]);
  if (!person && !noun) return undefined;
  return person ? { person } : { noun };
}

/**
 * The head of the noun phrase a which-word asks about: 哪个服务专班 → 专班, 哪些区属集团 → 集团 (a name ends in its
 * head: 佳佳帮您办商事登记服务专班, 天桥控股集团). A head of one character says too little (哪个省 is a place,
 * asked by NAME_NOUNS).
 */
function askedHeadNoun(normalizedQuestion: string): string | undefined {
  if (!normalizedQuestion.includes('哪')) return undefined;
  const tokens = tag(normalizedQuestion);
  const at = tokens.findIndex((t) => t.word.startsWith('哪') && !/^哪(?:里|儿)/u.test(t.word));
  if (at < 0) return undefined;
  let head: string | undefined;
  let nouns = 0;
  for (const t of tokens.slice(at + 1)) {
    if (nouns === 0 && COUNT_TAG.test(t.tag)) continue;
    if (!NOUN_PHRASE_TAG.test(t.tag) || !/^\p{Script=Han}+$/u.test(t.word)) break;
    head = t.word;
    nouns++;
  }
  // The noun may come first, the which-word after 是 (请来的置业公司是哪家 → 公司).
  const before = tokens[at - 1];
  const subject = tokens[at - 2];
  if (!head && before && COPULA.test(before.word) && subject && NOUN_PHRASE_TAG.test(subject.tag)) head = subject.word;
  return head && head.length >= 2 ? head : undefined;
}

/**
 * Common surnames (the most frequent of China's census), single characters; those that are also common function
 * words (和, 于, 时, 成, 全, 应, 向, 同) are left out, where a title before them is a far likelier reading.
 */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳穆农卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝亓';
/** Titles news writes right before a person's name (主任杨广平, 通讯员 王菊). */
const TITLES =
  '书记|主任|检察长|庭长|区长|县长|市长|省长|镇长|局长|处长|科长|部长|厅长|主席|院长|校长|所长|站长|队长|董事长|总经理|经理|总裁|总监|负责人|经办人|工作人员|记者|通讯员|专员|代表|委员|教授|博士|工程师|厂长|行长|社长|台长|秘书长';
/** A person: a title, then a surname and the first character of the given name; or a surname and an address. */
const PERSON = new RegExp(`(?:${TITLES})\\s*[${SURNAMES}]\\p{Script=Han}|[${SURNAMES}](?:女士|先生|同志)`, 'gu');

interface Span {
  text: string;
  start: number;
  end: number;
}

/** Tags that end a name read backwards from its head: particles, prepositions, conjunctions, pronouns, adverbs. */
const NAME_BREAK_TAG = /^(?:p|c|u\w*|r\w*|y|e|o|d|f)$/u;
const LONGEST_NAME = 16;

/** Names ending in `noun` (天桥控股集团 for 集团): the noun with the words before it that may be part of a name. */
function namesEndingIn(sentence: string, noun: string): Span[] {
  if (!sentence.includes(noun)) return [];
  const tokens = tag(sentence);
  const starts: number[] = [];
  let offset = 0;
  for (const t of tokens) {
    starts.push(offset);
    offset += t.word.length;
  }
  const names: Span[] = [];
  tokens.forEach((t, i) => {
    if (!t.word.endsWith(noun)) return;
    let first = i;
    while (first > 0) {
      const before = tokens[first - 1]!;
      if (NAME_BREAK_TAG.test(before.tag) || !/^\p{Script=Han}+$/u.test(before.word)) break;
      if (starts[i]! + t.word.length - starts[first - 1]! > LONGEST_NAME) break;
      first--;
    }
    const [start, end] = [starts[first]!, starts[i]! + t.word.length];
    if (end - start >= noun.length + 2) names.push({ text: sentence.slice(start, end), start, end });
  });
  return names;
}

function personsIn(sentence: string): Span[] {
  return [...sentence.matchAll(PERSON)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * 1: the sentence names a new name of the asked kind (one the question does not give) and, outside the names,
 * says something the question asks about (`topical`); 0 otherwise. A question word inside a name (服务 of
 * …服务专班) says no more than the name.
 */
export function nameTier(normalizedSentence: string, asked: AskedName, normalizedQuestion: string, topical: string[]): number {
  const found = asked.person ? personsIn(normalizedSentence) : namesEndingIn(normalizedSentence, asked.noun!);
  const names = found.filter((name) => !normalizedQuestion.includes(name.text));
  if (!names.length) return 0;
  let rest = normalizedSentence;
  for (const name of names) rest = rest.slice(0, name.start) + ' '.repeat(name.end - name.start) + rest.slice(name.end);
  return topical.some((word) => rest.includes(word)) ? 1 : 0;
}
