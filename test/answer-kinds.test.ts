/**
 * Kinds of answer the picker knows besides a number: a place in a ranking (排第几), a list (哪些, 哪两个), a count
 * in a measure word such as 本, a floor (几楼), a span of time (多久). Excerpts about made-up zones, in this file's own words and numbers.
 */
import { describe, expect, it } from 'vitest';
import { pickAnswer, readQuestion, type QuestionContext } from '../src/search/answer-picker.ts';
import { aimTier, askedAim } from '../src/search/asked-aim.ts';
import { asksFloor } from '../src/search/asked-floor.ts';
import { asksPhotographer, photoCreditTier } from '../src/search/asked-photo.ts';
import { speakerOfQuote } from '../src/search/asked-speaker.ts';
import { setAsideWords } from '../src/search/asked-besides.ts';
import { askedItem, itemTier } from '../src/search/asked-item.ts';
import { askedList, enumerations } from '../src/search/asked-list.ts';
import { askedNoun, askedQuotedTerm, enumeratesTerm, nounCount } from '../src/search/asked-noun.ts';
import { monthRanges } from '../src/search/asked-period.ts';
import { asksRank, rankTier } from '../src/search/asked-rank.ts';
import { asksReason, isQuestionSentence, reasonTier } from '../src/search/asked-reason.ts';
import { asksUntil, statesUntil, timesStated } from '../src/search/asked-time.ts';
import { askedCount, askedKind, askedUnitWord, statedKinds } from '../src/search/asked-unit.ts';
import { RelatedWords } from '../src/search/related-words.ts';
import { normalizeForMatch } from '../src/text/normalize.ts';

const context: QuestionContext = { zoneWords: new Set(['青禾开发区']), canon: new Map(), formsOfZone: new Map(), related: new RelatedWords() };
const sentences = (...texts: string[]) => texts.map((display) => ({ display, normalized: normalizeForMatch(display) }));
const answerOf = (question: string, texts: string[]) => pickAnswer(sentences(...texts), readQuestion(question, context), () => []).sentence.display;

describe('a rank question', () => {
  it('is one asking 第几 or for a ranking, not 第几年', () => {
    expect(asksRank('青禾开发区营收增速在全省排第几')).toBe(true);
    expect(asksRank('青禾开发区综合排名')).toBe(true);
    expect(asksRank('青禾开发区第几年获评')).toBe(false);
  });

  it('is answered by the place, before a place class, and never by a bare ordinal', () => {
    expect(rankTier('利润增速居全省第四位')).toBe(2);
    expect(rankTier('营收总量排名第七')).toBe(2);
    expect(rankTier('综合评价位列前15%')).toBe(1);
    expect(rankTier('第一时间回应企业诉求')).toBe(0);
  });

  it('picks the sentence saying the place over the one stating the growth figure in %', () => {
    const texts = ['青禾开发区营收增速达到12.4%,创近年新高;', '营收增速在全省排名第五,较去年前移两位。'];
    expect(answerOf('青禾开发区营收增速在全省排第几', texts)).toBe(texts[1]);
  });
});

describe('a list question', () => {
  it('is 哪些 or 哪 with a count, and keeps the count and the verb before it', () => {
    expect(askedList('青禾开发区要守住哪三条底线')).toEqual({ count: 3, verb: '守住' });
    expect(askedList('招商组参加了哪些论坛')).toEqual({ verb: '参加' });
    expect(askedList('哪个园区最大')).toBeUndefined();
  });

  it('counts the items of each enumeration, a last one joined by 和 too', () => {
    expect(enumerations('抓好育苗、引种和推广三件事,其余从简').map((e) => e.items)).toEqual([3]);
    expect(enumerations('只说一件事')).toEqual([]);
  });

  it('picks the enumeration with as many items as asked', () => {
    // The first sentence repeats the question's words; the second enumerates two.
    const texts = ['园区守住红线不放松,推行“早、快、准、实”四字要求。', '今年,“用地集约、排放达标”两条底线从严执行。'];
    expect(answerOf('青禾开发区守住了哪两条红线', texts)).toBe(texts[1]);
  });

  it('picks the enumeration after the question’s verb, over one elsewhere', () => {
    const texts = ['招商组为展会走南闯北、日夜兼程,从不叫苦。', '他们先后参加了农博会、种业会、花卉展,带回意向项目11个。'];
    expect(answerOf('招商组参加了哪些展会', texts)).toBe(texts[1]);
  });
});

describe('a count in a measure word', () => {
  it('is answered by a number in that unit (本), not by another count', () => {
    const texts = ['农家书屋上半年送书下乡23场;', '共计图书5600余本,受益群众过万人。'];
    expect(answerOf('青禾开发区给农家书屋送了多少本书', texts)).toBe(texts[1]);
  });
});

describe('a count in a unit of measurement', () => {
  it('is answered in the unit the question names, whatever its topic measures', () => {
    // 投资 would ask for a sum in 元; 多少公里 asks for a distance.
    const texts = ['跑投资的小分队一周签下项目5个,总投资3.2亿元。', '小分队一周行程1500多公里。'];
    expect(answerOf('青禾开发区跑投资的小分队一周要跑多少公里', texts)).toBe(texts[1]);
  });

  it('takes the unit asked in as how the answer is written, not as a word the answer must share', () => {
    expect(askedUnitWord('青禾开发区派出多少名干部')).toBe('名');
    expect(readQuestion('青禾开发区派出多少名干部', context).topical).not.toContain('名');
  });

  it('reads 多少人 as a count of people, not 多少人才', () => {
    expect(askedCount('招商会来了多少人')?.test('到场客商320人')).toBe(true);
    expect(askedCount('园区引进了多少人才')).toBeUndefined();
    // A measurement may be written in Chinese numerals (千兆); a count in them is left alone (一个平台 is no count).
    expect(askedCount('宽带网速能到多少兆')?.test('光纤入企、千兆接入')).toBe(true);
    expect(askedCount('宽带网速能到多少兆')?.test('新建兆瓦级电站')).toBe(false);
    expect(askedCount('园区建了几个平台')?.test('打造一个平台')).toBe(false);
  });
});

describe('a floor question', () => {
  it('is 几楼 or 哪一层, and is answered by a floor, not by a count', () => {
    expect(asksFloor('临河开发区的进口商品展厅在几楼')).toBe(true);
    expect(asksFloor('展厅在大厦哪一层')).toBe(true);
    expect(asksFloor('展厅有几个展位')).toBe(false);
    const texts = ['临河开发区进口商品展厅设展位120个,入驻商户36家。', '展厅位于绵阳临河国际大厦三层。'];
    expect(answerOf('临河开发区的进口商品展厅在几楼', texts)).toBe(texts[1]);
  });
});

describe('a how-long question', () => {
  it('is not answered by the span the question gives itself', () => {
    const texts = ['帮办员一天内走访企业三家,现场解决难题。', '帮办员每人每天驻企4个小时以上。'];
    expect(answerOf('青川开发区帮办员一天要在企业待多久', texts)).toBe(texts[1]);
  });

  it('is not answered by a date, which says when', () => {
    const texts = ['青川开发区营业执照办理窗口于3月18日启用,营业执照当场打印。', '执照申领压缩至2个工作日。'];
    expect(answerOf('在青川开发区办营业执照要几天', texts)).toBe(texts[1]);
  });

  it('reads a span written in characters, and no date', () => {
    expect(timesStated('仅用两个多小时就拿到执照')).toEqual(['两个多小时']);
    expect(timesStated('窗口于2024年3月18日启用')).toEqual([]);
  });

  it('asks for a kind of answer the index can tell a paragraph holds: a span, a floor', () => {
    expect(askedKind('办执照要几天') & statedKinds('执照1个工作日办结')).not.toBe(0);
    expect(askedKind('办执照要几天') & statedKinds('窗口于3月18日启用')).toBe(0);
    expect(askedKind('展厅在几楼') & statedKinds('展厅位于大厦二层')).not.toBe(0);
    expect(askedKind('展厅在几楼') & statedKinds('展厅设展位120个')).toBe(0);
  });
});

describe('a question about some months', () => {
  it('reads ranges of months as the text writes them', () => {
    expect(monthRanges('1—6月份完成投资8.2亿元,1至9月完成12亿元')).toEqual(['1-6', '1-9']);
  });

  it('is not answered by the figure of other months, however well its words fit', () => {
    const texts = ['1-7月份,实际到位资金6.2亿元,完成率58.3%;', '1-8月,实际到位资金7.1亿元,占全年任务的66.4%。'];
    expect(answerOf('青禾开发区1-8月实际到位资金完成率是多少', texts)).toBe(texts[1]);
  });
});

describe('the words a sentence shares with the question', () => {
  it('count more the rarer they are in the corpus: the word that tells two figures apart decides', () => {
    // Both state a sum in 元 and share as many characters with the question; only one says 储备, rare in the corpus.
    const texts = ['实施类重点项目计划投资20.5亿元;', '储备类重点项目投资9.8亿元。'];
    const rarity = (word: string) => (word === '储备' ? 1.4 : 0.8);
    const reading = readQuestion('青禾开发区储备类重点项目全年计划投资多少', { ...context, rarity });
    expect(pickAnswer(sentences(...texts), reading, () => []).sentence.display).toBe(texts[1]);
  });
});

describe('a zone kind in the question', () => {
  it('refers to the zone, as its name does: it does not pull the answer to a sentence saying 开发区', () => {
    // The article calls its zone 开发区 in one sentence and 全区 in the other; the question names the zone by a
    // place and a kind the corpus does not hold.
    const texts = ['今年开发区共有9个项目列入省级清单,1—6月完成投资3.2亿元;', '1—6月份,全区重点项目完成投资27.5亿元,新建项目开工11个。'];
    expect(answerOf('临河开发区1-6月重点项目投资额是多少', texts)).toBe(texts[1]);
  });
});

describe('a how-large question', () => {
  const texts = ['临河产业园总投资6亿元,年产1.5万吨硅材料项目落户;', '项目占地120亩,明年建成投产。'];
  it('asks for an amount where it says what is measured (投资规模有多大)', () => {
    expect(answerOf('临河产业园那个硅材料项目投资规模有多大', texts)).toBe(texts[0]);
  });
  it('asks for an area where nothing else says (项目有多大)', () => {
    expect(answerOf('临河产业园那个硅材料项目有多大', texts)).toBe(texts[1]);
  });
});

describe('a which-question about a kind of name beyond companies and places', () => {
  it('is answered by the sentence naming one of that kind, over the one repeating the question', () => {
    const texts = [
      '此前,临河物流公司经办人来到青禾开发区审批局,想尽快办好营业执照。',
      '“青禾帮您办登记服务专班”团队了解诉求后,立即启动上门服务,半天办结。',
    ];
    expect(answerOf('帮临河物流公司办执照的是哪个服务专班', texts)).toBe(texts[1]);
  });

  it('reads the noun before 是 where the which-word comes last (请来的置业公司是哪家)', () => {
    const texts = ['不久,一场由政府牵线的产品推介会在青禾开发区召开。', '推介会邀请了广元建工集团有限公司、临河安居置业有限公司等80余家企业参加。'];
    expect(answerOf('青禾开发区那场产品推介会请来的置业公司是哪家', texts)).toBe(texts[1]);
  });

  it('asks no name for 哪位: a person is not named by the noun (县级领导 names nobody)', () => {
    const texts = ['7月3日,市政协主席周明来青禾开发区调研。', '由县级领导带队调研,帮包部门共同帮包,明确责任人。'];
    expect(answerOf('7月3日是哪位领导来青禾开发区调研', texts)).toBe(texts[0]);
  });
});

describe('a who-question', () => {
  it('is answered by the sentence naming a person by title or address, over the one repeating the question', () => {
    const texts = ['8月2日,青禾开发区召开三季度项目调度会暨安全生产会议。', '开发区党工委书记、管委会主任罗文清主持会议并讲话。'];
    expect(answerOf('谁主持了青禾开发区三季度项目调度会', texts)).toBe(texts[1]);
    const errand = ['近日,临河物流公司分公司落户青禾开发区。', '不到一小时,经办人宋女士就领到了营业执照。'];
    expect(answerOf('临河物流公司的营业执照是谁来办的', errand)).toBe(errand[1]);
  });

  it('takes no function word after a title for a surname (专员和重点)', () => {
    const texts = ['青禾开发区选派驻厂专员和项目专员进企服务。', '办公室主任葛明说,专员每周走访企业一次。'];
    expect(answerOf('青禾开发区的专员制度是谁介绍的', texts)).toBe(texts[1]);
  });
});

describe('a which-question whose noun follows a modifier (哪个区属集团)', () => {
  it('asks for names ending in the head noun, not in a word inside the phrase', () => {
    const texts = ['不久,青禾区政府牵线的一场对接会召开,请来多家企业。', '对接会上,青禾城投集团与临河物流公司签约。'];
    expect(answerOf('青禾区政府牵线的对接会请了哪个区属集团', texts)).toBe(texts[1]);
  });

  it('is answered by two names of the noun joined by 和, over another list of as many items', () => {
    const texts = [
      '7月5日,青禾开发区召开帮包专员工作会,党委书记、管委会主任出席。',
      '会上明确,开发区选派驻厂专员和项目责任专员,帮扶骨干企业。',
    ];
    expect(answerOf('青禾开发区的帮包专员是哪两种专员', texts)).toBe(texts[1]);
  });
});

describe('an aim question', () => {
  it('is 什么样 with becoming or the future, and keeps the noun it is of', () => {
    expect(askedAim('青禾开发区想打造成什么样的园区')).toEqual({ noun: '园区' });
    expect(askedAim('青禾开发区以后想变成什么样')).toEqual({});
    expect(askedAim('青禾开发区的路网是什么样的')).toBeUndefined();
  });

  it('is answered by a stated aim of the asked noun', () => {
    expect(aimTier('努力把园区建设成为更具活力的绿色工业园区', { noun: '园区' })).toBe(1);
    expect(aimTier('园区新建道路三条', { noun: '园区' })).toBe(0);
    expect(aimTier('打造一流营商环境', { noun: '园区' })).toBe(0);
  });

  it('picks the sentence stating the aim over the one repeating the question words', () => {
    const texts = [
      '展望未来,青禾开发区将以更坚定的步伐迈向新阶段。',
      '接下来,开发区将努力建设成为更具创新力和带动力的现代化工业园区。',
    ];
    expect(answerOf('青禾开发区未来想变成一个什么样的园区', texts)).toBe(texts[1]);
  });
});

describe('a reason question', () => {
  it('is why, or what a fact shows, in everyday words too', () => {
    expect(asksReason('为啥项目都愿意落户青禾开发区')).toBe(true);
    expect(asksReason('青禾开发区获评示范园区说明了啥')).toBe(true);
    expect(asksReason('青禾开发区去年签约了多少项目')).toBe(false);
  });

  it('is answered by a sentence giving a reason or a meaning, not by a certificate', () => {
    expect(reasonTier('这与开发区一直坚持的“店小二”式服务密不可分。')).toBe(1);
    expect(reasonTier('这是对园区产业链配套成果的肯定。')).toBe(1);
    expect(reasonTier('企业当天拿到了营业执照和项目备案证明。')).toBe(0);
  });

  it('passes over the question the text asks itself for the sentence that answers it', () => {
    expect(isQuestionSentence(normalizeForMatch('好项目为何纷纷落户青禾开发区？'))).toBe(true);
    const texts = [
      '好项目为何纷纷落户青禾开发区？',
      '这得益于开发区推行的“拿地即开工”审批服务。',
      '青禾开发区今年举办项目推介会三场。',
    ];
    expect(answerOf('为啥好项目都愿意落户青禾开发区', texts)).toBe(texts[1]);
  });
});

describe('an item question', () => {
  it('asks for a numbered item (第三条, 第2项), not a rank or 第几', () => {
    expect(askedItem('青禾开发区作风建设第三条说的是啥')).toBe('三');
    expect(askedItem('第2项措施是什么')).toBe('二');
    expect(askedItem('青禾开发区营收排第几')).toBeUndefined();
    expect(askedItem('青禾开发区获评第三名')).toBeUndefined();
    expect(askedItem('哪个园区第一个拿到批复')).toBeUndefined();
  });

  it('is answered by the clause that opens with its number', () => {
    const texts = ['一是压实工作责任。', '二是优化审批流程,推行并联审批。', '三是强化督查问责,对推诿扯皮的严肃追责。'];
    expect(answerOf('青禾开发区提出的第三条要求说的是啥', texts)).toBe(texts[2]);
    expect(itemTier('第三,强化督查问责', '三')).toBe(1);
    expect(itemTier('三是强化督查问责', '二')).toBe(0);
    // Where no clause opens with the number, the question's other kind decides: here a count.
    const unnumbered = ['园区第三条措施聚焦审批窗口建设,新增审批窗口广受好评。', '目前已建成并启用12个。'];
    expect(answerOf('青禾开发区第三条措施新增了多少个审批窗口', unnumbered)).toBe(unnumbered[1]);
  });
});

describe('a how-fast question', () => {
  it('is answered by at once (第一时间) as by a span; a how-long question is not', () => {
    expect(timesStated('专员第一时间回应企业诉求', false, true)).toEqual(['第一时间']);
    expect(timesStated('专员第一时间回应企业诉求')).toEqual([]);
    const texts = ['服务专员每周走访企业,收集企业诉求。', '对企业提出的问题,专员第一时间上门回应。'];
    expect(answerOf('青禾开发区的专员对企业的问题回应得有多快', texts)).toBe(texts[1]);
  });
});

describe('a count of a noun (几个层级, 多少家企业)', () => {
  it('reads the noun counted, not a list (哪几个) or a rank (第几)', () => {
    expect(askedNoun('青禾开发区的人才培养体系分几个层级')).toBe('层级');
    expect(askedNoun('青禾开发区多少家企业入驻')).toBe('企业');
    expect(askedNoun('服务中心要配几个功能室')).toBe('功能室');
    expect(askedNoun('青禾开发区主要聚焦哪几个产业')).toBeUndefined();
    expect(askedNoun('青禾开发区营收排第几')).toBeUndefined();
  });

  it('finds the number that counts it: after it, before it, or in its last character as the measure word', () => {
    expect(nounCount('层级').test('构建市、县、园区三级人才培养体系')).toBe(true);
    expect(nounCount('企业').test('入驻企业32家')).toBe(true);
    expect(nounCount('企业').test('推行一业一证改革')).toBe(false);
    expect(nounCount('工作日').test('5日起实施')).toBe(false);
    expect(nounCount('年度').test('在2020年度考评中位居前列')).toBe(false);
  });

  it('is answered by that number before another count in the same measure word', () => {
    const texts = ['今年新建学校2所,新增班级60个。', '园区构建市、县、园区三级人才培养体系,开展专题培训。'];
    expect(answerOf('青禾开发区的人才培养体系一共分几个层级', texts)).toBe(texts[1]);
  });
});

describe('a count of a quoted term (几个“第一时间”, 几种“感”)', () => {
  it('reads the quoted term, of any length, right after the count word', () => {
    expect(askedQuotedTerm(normalizeForMatch('青禾开发区讲究几个“第一时间”'))).toBe('第一时间');
    expect(askedQuotedTerm(normalizeForMatch('青禾开发区要带着几种“感”干事'))).toBe('感');
    expect(askedQuotedTerm(normalizeForMatch('青禾开发区推行“一窗受理”多少年了'))).toBeUndefined();
  });

  it('is answered by the sentence that spells out its items, or by a number that counts it', () => {
    expect(enumeratesTerm('以“坐不住”的责任感、“等不起”的紧迫感干事', '感')).toBe(true);
    expect(enumeratesTerm('增强企业获得感', '感')).toBe(false);
    const texts = ['园区派出30名干部服务企业。', '专员第一时间上门，第一时间协调，第一时间反馈。'];
    expect(answerOf('青禾开发区的专员讲究几个“第一时间”', texts)).toBe(texts[1]);
    expect(nounCount('第一时间').test('做到三个“第一时间”')).toBe(true);
  });
});

describe('a count the question gives (那5个预备类项目)', () => {
  it('says which items it is about: the sentence stating that count answers', () => {
    const texts = ['今年共10个项目列入重点项目，其中在建类项目6个，年度计划投资12.3亿元；', '储备类项目4个，年度计划投资8.6亿元。'];
    expect(answerOf('青禾开发区那4个储备类重点项目今年计划投资多少', texts)).toBe(texts[1]);
    // 14个 is no 4个.
    const others = ['新开工项目14个，年度计划投资20亿元。', '储备类项目4个，年度计划投资8.6亿元。'];
    expect(answerOf('青禾开发区那4个储备类项目计划投资多少', others)).toBe(others[1]);
  });
});

describe('a bare number the question gives (as an English question is read: 14 瞪羚 企业)', () => {
  it('is a count where a sentence writes it with a measure word, and a year is none', () => {
    const texts = ['青禾开发区青川制药有限公司等两家企业荣获省级“瞪羚”企业称号。', '截至目前,青禾开发区“瞪羚”企业达到14家,创历史新高。'];
    expect(answerOf('青禾开发区 14 瞪羚 企业 公司 纪录', texts)).toBe(texts[1]);
    // A year, a rate and an amount are no counts.
    expect(readQuestion('青禾开发区 14 瞪羚 企业 in 2014 纪录', context).givenCounts).toEqual(['14']);
    expect(readQuestion('青禾开发区 增长14% 投资14亿元', context).givenCounts).toEqual([]);
  });
});

describe('a question whose clauses before the one that asks set the scene', () => {
  it('is answered by the sentence holding the asking clause’s words, not the one repeating the scene', () => {
    const texts = ['近年来,这里逐渐成为客商关注的焦点、投资的热点、创新的亮点。', '这一变化的背后,少不了招商引资工作的助力。'];
    expect(answerOf('青禾开发区成了焦点热点亮点，这背后少不了啥', texts)).toBe(texts[1]);
    // Asked in one clause, every word counts alike.
    expect(answerOf('青禾开发区成了哪些方面的焦点热点亮点', texts)).toBe(texts[0]);
  });

  it('still judges the passage by all the question’s words: the scene is what finds it', () => {
    const reading = readQuestion('青禾开发区成了焦点热点亮点，这背后少不了啥', context);
    const scene = pickAnswer(sentences('近年来,这里逐渐成为客商关注的焦点、投资的热点、创新的亮点。'), reading, () => []).score;
    const asking = pickAnswer(sentences('这一变化的背后,少不了招商引资工作的助力。'), reading, () => []).score;
    expect(scene).toBeGreaterThan(asking);
  });
});

describe('a who-said-it question about a quoted line', () => {
  it('is answered by the sentence beside the quote that names the speaker', () => {
    // The speaker is no named person: only the verb of speech beside the quote says who spoke.
    const after = ['“厂房拎包就能入驻,省了一大笔钱。”', '说起落地的便利,各企业负责人纷纷表示,园区服务周到。'];
    expect(answerOf('青禾开发区说厂房“拎包就能入驻”的是谁', after)).toBe(after[1]);
    const before = ['谈及园区服务,各企业负责人纷纷说：', '“厂房拎包就能入驻,省了一大笔钱。”'];
    expect(answerOf('青禾开发区说厂房“拎包就能入驻”的是谁', before)).toBe(before[0]);
    // A question that asks no person keeps the quote.
    expect(answerOf('青禾开发区的厂房“拎包就能入驻”吗', after)).toBe(after[0]);
    expect(speakerOfQuote([{ display: '园区服务周到。' }, { display: '李明表示满意。' }], 0)).toBeUndefined();
  });
});

describe('a question that sets something aside (除了X，还…)', () => {
  it('is answered by what else the text says, the sentence after the one naming X read with it', () => {
    const texts = ['李明强调,青禾开发区各部门要强化责任意识,主动作为;', '要强化安全意识,严把质量关。'];
    expect(answerOf('李明来调研，除了责任意识，还让青禾开发区各部门强化哪种意识', texts)).toBe(texts[1]);
    expect(setAsideWords('李明来调研,除了责任意识,还让各部门强化哪种意识')).toEqual(['责任']);
  });

  it('keeps the sentence that lists X beside other items: they are the answer', () => {
    const texts = ['青禾开发区通过再开发利用、协议收回、转让租赁等方式盘活闲置土地。', '青禾开发区盘活闲置地的措施取得成效,园区面貌一新。'];
    expect(answerOf('青禾开发区盘活闲置地的措施，除了协议收回、转让租赁还有啥', texts)).toBe(texts[0]);
  });
});

describe('a how-many question about a noun no number counts (几个定位)', () => {
  it('is answered by a list of them, and a number glued to letters (5G) counts nothing', () => {
    const texts = ['青禾开发区率先实现5G网络全覆盖。', '青禾开发区以“智造之城、千亿集群、生态之区”为发展目标。'];
    expect(answerOf('青禾开发区今年定的发展目标里，一共有几个定位', texts)).toBe(texts[1]);
  });
});

describe('a who-took-the-photo question', () => {
  it('is answered by the caption sentence holding the credit', () => {
    expect(asksPhotographer('那张照片是谁拍的')).toBe(true);
    expect(asksPhotographer('照片墙设在哪里')).toBe(false);
    expect(photoCreditTier('(李明 摄)')).toBe(2);
    expect(photoCreditTier('园区开展摄影比赛')).toBe(0);
    const caption = ['青禾开发区智能装备项目。', '(李明 摄)'];
    expect(answerOf('青禾开发区智能装备项目那张照片是谁拍的', caption)).toBe(caption[1]);
  });
});

describe('a how-is-it question (后劲咋样)', () => {
  it('is answered by the sentence about the word it asks about, over one sharing more of its other words', () => {
    const texts = [
      '主任李明指出,今年以来,青禾开发区经济运行稳中向好,重点工作全面推进,经济社会发展保持良好态势。',
      '经济运行呈现出速度“趋稳”、后劲“增强”的特点。',
    ];
    expect(answerOf('李明说青禾开发区经济运行的后劲咋样', texts)).toBe(texts[1]);
  });
});

describe('a how-long question about a span (年限有多长)', () => {
  it('asks for a time, answered by the span the text states', () => {
    const texts = ['本期节目讲了青禾开发区技能大师李明的事迹。', '30年来，李明加工过数万个零件，从没出过一个次品。'];
    expect(answerOf('李明的从业年限有多长', texts)).toBe(texts[1]);
  });
});

describe('an until-when question (跟到啥时候)', () => {
  it('is answered by the end the text names (直至…), not by a sentence repeating its words', () => {
    expect(asksUntil('专员要跟到啥时候才撒手')).toBe(true);
    expect(asksUntil('专员什么时候上门')).toBe(false);
    expect(statesUntil('全程跟踪,直至问题解决')).toBe(true);
    const texts = ['青禾开发区为每家企业配一名服务专员,专员接到企业难题后马上上门。', '专员全程跟踪协调,直至问题圆满解决。'];
    expect(answerOf('青禾开发区的服务专员接了企业难题要跟到啥时候', texts)).toBe(texts[1]);
  });
});
