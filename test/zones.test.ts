/**
 * Zones as proper names, and figures given to the zone or place the text names — on excerpts written here in the
 * shapes real news pages use (issue 9): generic kinds, fragments before a kind, a city's figure in a zone's
 * article, a city name that is no zone's short form, spellings of one zone.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../src/corpus/build.ts';
import { buildKnowledge, inNamedListItem } from '../src/extract/knowledge.ts';
import { findPlaces, placeOf } from '../src/extract/places.ts';
import { zoneForms } from '../src/extract/resolve.ts';
import { buildGazetteer, findZoneNames, mentionForms, zoneKey } from '../src/extract/zones.ts';
import { normalizeForMatch } from '../src/text/normalize.ts';

const knowledgeOf = (...articles: string[]) =>
  buildKnowledge(buildCorpus(articles.map((text, i) => ({ name: `a${i}_x.txt`, text, encoding: 'utf-8' }))));
/** The figures of a knowledge by value (the excerpts here give each value once). */
const figuresByValue = (knowledge: ReturnType<typeof buildKnowledge>) => new Map(knowledge.figures.map((f) => [f.value, f]));

describe('places', () => {
  it('knows divisions by full and short name, and not zones listed among them', () => {
    expect(placeOf('济南')).toMatchObject({ name: '济南市', level: 'city' });
    expect(placeOf('钢城区')).toMatchObject({ level: 'county' });
    expect(placeOf('济北')).toBeUndefined();
    expect(placeOf('济南高新技术产业开发区')).toBeUndefined();
    // A county's short form is matched as a word, never as the start of a longer one (资源 of 资源县 in 资源化).
    expect(findPlaces('推进资源化利用').map((p) => p.place.name)).toEqual([]);
    expect(findPlaces('东营市一般公共预算收入').map((p) => p.place.name)).toEqual(['东营市']);
  });

  it("knows Taiwan's cities and counties, which the division list leaves out, and reads parks named by them", () => {
    expect(placeOf('台中')).toMatchObject({ name: '台中市', level: 'city' });
    expect(placeOf('屏东县')).toMatchObject({ level: 'county' });
    expect(findZoneNames(normalizeForMatch('屏東農業生物科技園區進駐廠商增加'))).toEqual(['屏东农业生物科技园区']);
  });
});

describe('zone names', () => {
  it('needs a place or proper name before the kind: a kind alone names nothing', () => {
    for (const text of ['全市各类开发区加快转型', '国家高新区数量达到178家', '推动重点园区提质增效', '重大项目落户开发区', '总结自贸试验区经验', '建设城市废弃物资源化利用产业园']) {
      expect(findZoneNames(text), text).toEqual([]);
    }
  });

  it('starts the name at its place, not at the words before it', () => {
    expect(findZoneNames('市内有苏州工业园区等一批平台')).toEqual(['苏州工业园区']);
    expect(findZoneNames('项目落户东营经开区')).toEqual(['东营经开区']);
    expect(findZoneNames('武汉东湖新技术开发区发布新政')).toEqual(['武汉东湖新技术开发区']);
    expect(findZoneNames('潍坊综合保税区进出口增长')).toEqual(['潍坊综合保税区']);
  });

  it('keeps a generic word after the place when the name goes on (绵阳国家农业科技园区), not when the kind follows it', () => {
    expect(findZoneNames('绵阳国家农业科技园区完成投资12亿元')).toEqual(['绵阳国家农业科技园区']);
    expect(findZoneNames('广元边境贸易合作加工工业园区建成')).toEqual(['广元边境贸易合作加工工业园区']);
    // Though jieba takes 现代 for a time word.
    expect(findZoneNames('绵阳现代服务业开发区新增市场主体1200家')).toEqual(['绵阳现代服务业开发区']);
    expect(findZoneNames('绵阳市国家级开发区数量达到3家')).toEqual([]);
    // A place's zones taken together (各大园区, 其他开发区) are no zone of their own.
    expect(findZoneNames('广元各大园区已形成产业链12条')).toEqual([]);
    expect(findZoneNames('绵阳市其他开发区也在加快建设')).toEqual([]);
    expect(findZoneNames('广元市个别园区配套不足')).toEqual([]);
  });

  it('reads a place whose last character jieba cuts off as a measure word (涪江|口) as the whole place', () => {
    expect(findZoneNames('绵阳市涪江口产业集聚区新增企业12家')).toEqual(['绵阳市涪江口产业集聚区']);
  });

  it('reads 高新 inside a name as the name’s word, though jieba takes it for an adverb', () => {
    expect(findZoneNames('广元高新综合保税区进出口增长')).toEqual(['广元高新综合保税区']);
  });

  it('starts no name at a word jieba does not know right before a division (赋权|绵阳高新区)', () => {
    expect(findZoneNames('赋权绵阳高新区行政事权120项')).toEqual(['绵阳高新区']);
    expect(findZoneNames('粤澳深度合作区')).toEqual(['粤澳深度合作区']);
  });

  it('reads the whole of a name jieba cuts oddly: a province’s short form before it, a town it takes for a direction, a dash', () => {
    expect(findZoneNames('苏里格经济开发区今年引进项目')).toEqual(['苏里格经济开发区']);
    expect(findZoneNames('入驻前海深港合作区的港企')).toEqual(['前海深港合作区']);
    expect(findZoneNames('广西—东盟经开区一季度开工')).toEqual(['广西—东盟经开区']);
    expect(findZoneNames('横琴粤澳深度合作区澳资企业')).toEqual(['横琴粤澳深度合作区']);
    // A direction is still no place.
    expect(findZoneNames('以南经开区为界')).toEqual([]);
  });

  it('reads the kinds 综合实验区, 投资区, 工业集中区 and 出口加工区, and a free-trade block whose name holds a kind', () => {
    expect(findZoneNames('郑州航空港经济综合实验区货邮吞吐量')).toEqual(['郑州航空港经济综合实验区']);
    expect(findZoneNames('厦门海沧投资区新签项目')).toEqual(['厦门海沧投资区']);
    expect(findZoneNames('大竹县工业集中区新建厂房')).toEqual(['大竹县工业集中区']);
    expect(findZoneNames('上海金桥出口加工区转型')).toEqual(['上海金桥出口加工区']);
    expect(findZoneNames('广东自贸区南沙新区片区新设企业')).toEqual(['广东自贸区南沙新区片区']);
    // One zone under its full and its short kind; a zone the division list holds as a county is a zone, not a place.
    expect(zoneKey('郑州航空港实验区')).toBe(zoneKey('郑州航空港经济综合实验区'));
    expect(placeOf('郑州航空港经济综合实验区')).toBeUndefined();
  });

  it('reads a kind jieba does not know (经开区), twice in one stretch of text', () => {
    expect(findZoneNames('从长子经开区的上门审批到上党经开区的暖心驿站')).toEqual(['长子经开区', '上党经开区']);
  });

  it('takes a province alone as the place of its free-trade zone only', () => {
    expect(findZoneNames('广东省综保区进出口总额')).toEqual([]);
    expect(findZoneNames('山东自贸试验区新设立三年')).toEqual(['山东自贸试验区']);
    expect(findZoneNames('中国自贸试验区建设十周年')).toEqual([]);
    expect(findZoneNames('北京经济技术开发区发布政策')).toEqual(['北京经济技术开发区']);
  });

  it('merges the spellings of one zone and keeps two kinds of one city apart', () => {
    const key = zoneKey('东营经济技术开发区');
    for (const form of ['东营经开区', '山东东营经济技术开发区', '东营市经济技术开发区', '东营开发区']) expect(zoneKey(form), form).toBe(key);
    expect(zoneKey('东营高新区')).not.toBe(key);
    expect(zoneKey('东湖高新区')).toBe(zoneKey('武汉东湖新技术开发区'));
    const zones = buildGazetteer(['苏州工业园区推出新政。', '苏州园区新签约项目30个。', '苏州工业园区举办推介会。']);
    expect(zones.filter((z) => z.kind !== '行政区').map((z) => z.forms.sort())).toEqual([['苏州园区', '苏州工业园区'].sort()]);
  });

  it('merges two names of one zone written one in the other’s brackets, but not a zone of another kind within it', () => {
    const knowledge = knowledgeOf(
      [
        '广元青禾经济技术开发区(广元临河经济开发区)今年新签约项目18个。',
        '临河经济开发区新增规上企业12家。',
        '广元青禾经济技术开发区举办推介会。',
        '绵阳航空港经济综合实验区(绵阳综合保税区)进出口总额增长21%。',
        '绵阳综合保税区新设企业9家。',
      ].join('\n'),
    );
    const formsOf = (name: string) => knowledge.zones.find((z) => z.forms.includes(name))?.forms.sort();
    expect(formsOf('临河经济开发区')).toEqual(['广元临河经济开发区', '广元青禾经济技术开发区', '临河经济开发区'].sort());
    expect(formsOf('绵阳综合保税区')).toEqual(['绵阳综合保税区']);
  });

  it('reads a level in brackets and an industry named 先进制造业 as parts of a name, and a former name as no zone', () => {
    expect(findZoneNames('银川(国家级)经济技术开发区实际开工建设项目120个')).toEqual(['银川(国家级)经济技术开发区']);
    expect(zoneKey('银川(国家级)经济技术开发区')).toBe(zoneKey('银川经济技术开发区'));
    // Its level is no name: the zone gets no form of a kind alone.
    const [yinchuan] = buildGazetteer(['银川(国家级)经济技术开发区实际开工建设项目120个。', '银川(国家级)经济技术开发区举办推介会。']);
    expect(zoneForms(yinchuan!).filter((form) => /^[（(]?(?:国家级)?[）)]?(?:经济技术)?开发区$/u.test(form))).toEqual([]);
    expect(findZoneNames('新华区先进制造业开发区智能装备产业园开工')).toEqual(['新华区先进制造业开发区']);
    // An honour is still no name.
    expect(findZoneNames('该园区获评先进园区')).toEqual([]);
    expect(findZoneNames('该区前身是2003年设立的奎屯经济技术开发区')).toEqual([]);
    // A direction is no place, though a county is short-named 南部.
    expect(findZoneNames('安置区位于南部片区')).toEqual([]);
  });

  it('reads 高新开发区 as a kind, a town jieba takes for a person as a place, and no name inside a brand’s', () => {
    expect(findZoneNames('绵阳高新开发区内企业发展迅速')).toEqual(['绵阳高新开发区']);
    expect(zoneKey('绵阳高新开发区')).toBe(zoneKey('绵阳高新区'));
    // 梅山 is a town of Ningbo, which jieba tags as a person's name.
    expect(findZoneNames('专家指出,宁波保税区和梅山保税港区要加快转型')).toEqual(['宁波保税区', '梅山保税港区']);
    // A person jieba finds before a kind is still no place.
    expect(findZoneNames('上海市张江智慧示范区')).toEqual(['上海市张江智慧示范区']);
    // 富士康武汉科技园 is a company's park: 武汉科技园 is no zone.
    expect(findZoneNames('园区推进了富士康武汉科技园建设')).toEqual([]);
  });

  it('reads 综合经济开发区 and 智造园 as kinds, and an industry’s verb inside a park’s name', () => {
    expect(findZoneNames('青川临河综合经济开发区规划面积12平方公里')).toEqual(['青川临河综合经济开发区']);
    expect(findZoneNames('青川县青禾云谷临河工业智造园首批签约')).toEqual(['青川县青禾云谷临河工业智造园']);
    // 制造 and 加工 are verbs to jieba, but name what the park makes.
    expect(findZoneNames('青川县青禾装备制造产业园签约企业6户')).toEqual(['青川县青禾装备制造产业园']);
  });

  it("merges a free-trade block named in full with the block's own name (钦州港片区)", () => {
    const k = knowledgeOf(
      '中国(广西)自由贸易试验区钦州港片区新设企业120家。\n\n钦州港片区推行“一窗受理”。钦州港片区进出口增长12%。',
    );
    const blocks = k.zones.filter((z) => z.kind !== '行政区');
    expect(blocks.map((z) => z.name)).toEqual(['钦州港片区']);
    expect(blocks[0]!.fullName).toBe('中国(广西)自由贸易试验区钦州港片区');
  });

  it("merges a city's 自贸区 with the province's block named after that city (绵阳自贸区, …绵阳片区)", () => {
    const k = knowledgeOf(
      '记者走进绵阳自贸区。中国(四川)自由贸易试验区绵阳片区新设企业120家。\n\n绵阳自贸区推行“一窗受理”。绵阳自贸区进出口增长12%。',
    );
    const zones = k.zones.filter((z) => z.kind !== '行政区');
    expect(zones.map((z) => z.name)).toEqual(['绵阳自贸区']);
    expect(zones[0]!.fullName).toBe('中国(四川)自由贸易试验区绵阳片区');
    expect(k.figures.filter((f) => f.unit === '家').map((f) => f.zone)).toEqual(['绵阳自贸区']);
  });

  it("merges a county's bare 园区 with the one park named after the county, and reads the park's sub-parks as its own", () => {
    const k = knowledgeOf(
      '省政府批复青川大林工业园区享受省级开发区政策。青川大林工业园区是青川县重要工业平台。\n\n' +
        '该园区由食品产业园、物流产业园、皮革产业园三部分组成。2023年,园区实现产值43亿元。此次升级将加快推动青川县园区建设。',
    );
    const zones = k.zones.filter((z) => z.kind !== '行政区');
    expect(zones.map((z) => z.name)).toEqual(['青川大林工业园区']);
    expect(zones[0]!.forms).toContain('青川县园区');
    // Three 产业园 in the paragraph are the park's parts, not zones of another kind that the text is about.
    expect(figuresByValue(k).get('43')?.zone).toBe('青川大林工业园区');
  });

  it('merges a name an article shortens by a common word (广元生物科技园区 for 广元农业生物科技园区), not by a place', () => {
    const k = knowledgeOf('广元农业生物科技园区今年新引进企业12家。\n\n广元生物科技园区营业收入增长8%。广元农业生物科技园区推行“一窗受理”。广元生物科技园区扩区。');
    expect(k.zones.filter((z) => z.kind !== '行政区').map((z) => z.fullName)).toEqual(['广元农业生物科技园区']);
    const places = knowledgeOf('绵阳游仙开发区今年新引进企业12家。\n\n绵阳开发区营业收入增长8%。绵阳游仙开发区扩区。绵阳开发区推行“一窗受理”。');
    expect(places.zones.filter((z) => z.kind !== '行政区').map((z) => z.name).sort()).toEqual(['绵阳开发区', '绵阳游仙开发区']);
  });

  it('reads 国家 between a place and a high-tech or development zone as part of its name, one zone with the plain name', () => {
    expect(findZoneNames('广元国家高新区集中开工项目13个')).toEqual(['广元国家高新区']);
    expect(zoneKey('广元国家高新区')).toBe(zoneKey('广元高新区'));
    // 国家级 makes a class of the place's zones; 国家 after no place names none.
    expect(findZoneNames('绵阳市国家级开发区')).toEqual([]);
    expect(findZoneNames('全省国家高新区营收增长')).toEqual([]);
  });

  it('reads 高新技术产业园区 as a high-tech zone: one zone with the 高新区 of its place', () => {
    const k = knowledgeOf('广元高新区新签约项目12个。\n\n广元高新技术产业园区前身是广元工业园。广元高新技术产业园实现工业总产值80亿元。');
    expect(k.zones.filter((z) => z.kind !== '行政区').map((z) => z.name)).toEqual(['广元高新区']);
  });

  it("reads no zone in a company's park: the company's name is no place's", () => {
    expect(findZoneNames('广元石材有限公司智慧建材产业园项目开工')).toEqual([]);
    expect(findZoneNames('广元青川集团临河产业园投产')).toEqual(['临河产业园']);
  });

  it('reads a kind whose last character jieba joins to a locative (产业|园内)', () => {
    expect(findZoneNames('将成为广元数字经济产业园内首个智能工厂')).toEqual(['广元数字经济产业园']);
    expect(findZoneNames('新区域规划')).toEqual([]);
  });

  it("starts a cross-region park's name at the regions' one-character names (粤澳, 川渝)", () => {
    // 合作 is also a county's name: it does not start the name when the regions stand before it.
    expect(findZoneNames('粤澳合作产业园今年新签约项目5个')).toEqual(['粤澳合作产业园']);
    expect(findZoneNames('加快推动川渝合作示范区建设')).toEqual(['川渝合作示范区']);
    expect(findZoneNames('赋权大同高新区')).toEqual(['大同高新区']);
    expect(findZoneNames('推动制造产业园建设')).toEqual([]);
  });

  it('reads a park one city builds in another, the host in brackets (深圳(河源)产业园), as one name', () => {
    expect(findZoneNames('推进绵阳(广元)产业园建设')).toEqual(['绵阳(广元)产业园']);
    expect(findZoneNames('绵阳涪城(青川)产业园引进企业21家')).toEqual(['绵阳涪城(青川)产业园']);
    // The host must be a place: a level or a note in brackets is no partner.
    expect(findZoneNames('绵阳(筹)产业园')).toEqual([]);
  });

  it('gives no zone a city or district name as its short form', () => {
    const zones = buildGazetteer(['东营经济技术开发区新签约项目12个。', '东营经开区举办招商推介会。', '济北开发区新签约项目21个。', '济北开发区举办推介会。']);
    const dongying = zones.find((z) => z.name.startsWith('东营'))!;
    expect(dongying.short).toBeUndefined();
    expect(mentionForms(dongying)).not.toContain('东营');
    expect(zones.find((z) => z.name === '济北开发区')!.short).toBe('济北');
  });
});

  it('reads a district named a 新区 as a zone, whose article gives it the figures that name no zone', () => {
    const knowledge = knowledgeOf('前三季度，滨海新区地区生产总值增长7.9%。\n\n制造业增加值增长11.2%，进出口总额同比增长24.6%。');
    expect(knowledge.zones.map((z) => [z.name, z.kind])).toEqual([['滨海新区', '开发区']]);
    expect(figuresByValue(knowledge).get('11.2')?.zone).toBe('滨海新区');
    // A district of another kind stays a place.
    expect(knowledgeOf('历下区新签约项目12个。\n\n历下区举办推介会。').zones.map((z) => z.kind)).toEqual(['行政区']);
  });

describe('figures and their zone', () => {
  it("gives a city's figure in a zone's article to no zone, and the zone's own to the zone", () => {
    const knowledge = knowledgeOf(
      '临河经济开发区上半年成绩单\n\n今年以来，临河经济开发区新签约项目18个，签约额36.5亿元。',
      '同期，鹤城市一般公共预算收入完成210.4亿元。全区实际使用外资2300万美元。',
    );
    const byValue = figuresByValue(knowledge);
    expect(byValue.get('18')).toMatchObject({ zone: '临河经济开发区' });
    expect(byValue.get('36.5')).toMatchObject({ zone: '临河经济开发区' });
    // The second file names no zone: its city's revenue and its 全区 belong to no zone.
    expect(byValue.get('210.4')).toBeDefined();
    expect(byValue.get('210.4')!.zone).toBeUndefined();
    expect(byValue.get('2300')!.zone).toBeUndefined();
  });

  it('reads 该园区 as the zone last named before it, not the one its own sentence goes on to name', () => {
    const knowledge = knowledgeOf(
      [
        '7月20日，青川县青禾云谷临河工业智造园开工，首批12家企业签约入驻。',
        '',
        '该园区选址于青川经济开发区，总规划占地1800亩，首期投资约16亿元。项目建成后，计划招引企业200家以上。',
        '',
        '青川经济开发区今年新签约项目27个。',
      ].join('\n'),
    );
    const byValue = figuresByValue(knowledge);
    // The park, though the paragraph names the zone it sits in and the article names that zone most.
    expect(byValue.get('1800')?.zone).toBe('青川县青禾云谷临河工业智造园');
    expect(byValue.get('16')?.zone).toBe('青川县青禾云谷临河工业智造园');
    // The next sentence carries the same subject on.
    expect(byValue.get('200')?.zone).toBe('青川县青禾云谷临河工业智造园');
    expect(byValue.get('27')?.zone).toBe('青川经济开发区');
  });

  it('counts a paragraph that names only a district but speaks of 园区 as its article’s park’s too', () => {
    const knowledge = knowledgeOf(
      ['广元青禾新材料产业园区新签约项目8个。', '', '广元青禾新材料产业园区举办项目推介会。', '', '电视台将镜头对准园区一线，展现园区为利州区发展贡献力量的成效。', '', '利州区今年新建道路三条。'].join('\n'),
    );
    expect(knowledge.paragraphZones[2]).toEqual(['利州区', '广元青禾新材料产业园区']);
    // One that does not speak of 园区, and whose clause is about the district, is the district's alone.
    expect(knowledge.paragraphZones[3]).toEqual(['利州区']);
  });

  it('counts a paragraph that names only a district inside a clause, not as what it is about, as its article’s zone’s too', () => {
    const knowledge = knowledgeOf(
      ['广元青禾新材料产业园区新签约项目8个。', '', '广元青禾新材料产业园区举办项目推介会。', '', '在招商洽谈中，广聚利州区资源要素，对接企业需求清单。', '', '今年以来,利州区新建道路三条。'].join('\n'),
    );
    expect(knowledge.paragraphZones[2]).toEqual(['利州区', '广元青禾新材料产业园区']);
    // Opening a clause, after a time, the district is what the paragraph is about.
    expect(knowledge.paragraphZones[3]).toEqual(['利州区']);
  });

  it('gives a figure no zone that its paragraph names only after it, as a partner or a closing aside', () => {
    const knowledge = knowledgeOf(
      [
        '青禾区第五届投资贸易洽谈会昨日举行。',
        '',
        '据介绍，本届洽谈会共签约项目40个，总投资120亿元。另外，临河经济开发区也在分会场举行了签约活动。',
        '',
        '当天，青川高新区集中开工项目12个，与临河经济开发区共建产业园1个。',
      ].join('\n'),
    );
    const byValue = figuresByValue(knowledge);
    // The paragraph names 临河经济开发区 only after its figures: they are the fair's, which no sentence gives a zone.
    expect(byValue.get('40')).toBeDefined();
    expect(byValue.get('40')!.zone).toBeUndefined();
    expect(byValue.get('120')!.zone).toBeUndefined();
    expect(byValue.get('12')?.zone).toBe('青川高新区');
  });

  it('reads 开发区 and 全区 in an article about one zone as that zone, and a city named in the clause as the city', () => {
    const knowledge = knowledgeOf(
      [
        '青川经济开发区：项目建设提速',
        '',
        '青川经济开发区坚持项目为王。',
        '',
        '今年以来，开发区新签约项目27个；全区固定资产投资增长12.5%。',
        '',
        '同期，广元市一般公共预算收入完成58.2亿元。',
      ].join('\n'),
    );
    const byValue = figuresByValue(knowledge);
    expect(byValue.get('27')?.zone).toBe('青川经济开发区');
    expect(byValue.get('12.5')?.zone).toBe('青川经济开发区');
    expect(byValue.get('58.2')).toBeDefined();
    expect(byValue.get('58.2')!.zone).toBeUndefined();
    expect(knowledge.zones.map((z) => z.name)).not.toContain('开发区');
  });

  it("carries a sentence's subject into the next sentences that name none, but not a place inside a name", () => {
    const knowledge = knowledgeOf(
      [
        '青川经济开发区经济运行平稳',
        '',
        '青川经济开发区人均产值超过3万美元。',
        '',
        '今年前三季度，广元市完成地区生产总值640.5亿元，同比增长6.1%。完成工业总产值902.3亿元。实际利用外资3.12亿美元。',
        '',
        '青川经济开发区集中开工项目9个，总投资88亿元。其中，产业项目5个，分别是投资30亿元的鹤城新材料产业园、投资9亿元的绵阳市物流中心；社会事业项目4个，总投资12亿元。',
      ].join('\n'),
    );
    const byValue = figuresByValue(knowledge);
    // The city named as the subject holds the figures of the sentences after it, though they name no one.
    for (const value of ['640.5', '902.3', '3.12']) {
      expect(byValue.get(value), value).toBeDefined();
      expect(byValue.get(value)!.zone, value).toBeUndefined();
    }
    // A city inside a project's name (绵阳市物流中心) is no subject: the zone stays the holder.
    expect(byValue.get('12')?.zone).toBe('青川经济开发区');
    expect(byValue.get('5')?.zone).toBe('青川经济开发区');
    // A place a figure is compared with or measured from is not its holder.
    const compared = knowledgeOf('青川经济开发区简介\n\n青川经济开发区地处川北，工业投资占绵阳市工业投资的比重为41%。');
    expect(compared.figures.find((f) => f.value === '41')?.zone).toBe('青川经济开发区');
    // A park named as a project with its investment (投资30亿元的…产业园) is no zone.
    expect(knowledge.zones.map((z) => z.name)).not.toContain('鹤城新材料产业园');
    expect(findZoneNames('分别是投资30亿元的鹤城新材料产业园、开工项目中投资额最大的临河装备产业园')).toEqual([]);
  });

  it('carries a subject into a paragraph that opens by continuing (同时，…), and reads 在某市占比 as a share, not a subject', () => {
    const knowledge = knowledgeOf(
      [
        '青川经济开发区一季度成绩单',
        '',
        '青川经济开发区一季度新签约项目8个。',
        '',
        '一季度，全省6个省级高新区完成营业收入530.2亿元。',
        '',
        '同时，实现税收收入41.7亿元。',
        '',
        '青川经济开发区主导产业实现产值96.3亿元，在广元市占比达21.4%；完成技术合同交易额12.6亿元。',
      ].join('\n'),
    );
    const byValue = figuresByValue(knowledge);
    expect(byValue.get('41.7')).toMatchObject({ metric: '省级高新区税收收入' });
    expect(byValue.get('41.7')!.zone).toBeUndefined();
    expect(byValue.get('12.6')?.zone).toBe('青川经济开发区');
  });

  it('takes a city that names a newspaper (广元日报讯) for who reports, not for who has the figures', () => {
    const knowledge = knowledgeOf('广元日报讯 记者近日获悉，2024年，青川经济开发区经济稳中向好，完成工业总产值265亿元。');
    expect(knowledge.figures.find((f) => f.value === '265')?.zone).toBe('青川经济开发区');
  });

  it('reads the zone that published a page (来源：…) as the one its 经开区 means', () => {
    const knowledge = knowledgeOf(
      ['经开区召开项目推进会', '', '来源:青川经济技术开发区 发布时间:2024-03-08 浏览次数:12', '', '3月7日,经开区召开推进会,新签约项目11个。'].join('\n'),
    );
    expect(knowledge.figures.find((f) => f.value === '11')?.zone).toBe('青川经济技术开发区');
  });

  it('reads a district written as one body with a zone (某区(某经济技术开发区)) as that zone', () => {
    const knowledge = knowledgeOf(
      ['广元市利州区(青川经济技术开发区)召开产业大会。据了解,今年以来,利州区已新引进亿元以上项目17个。', '', '广元市新签约项目40个。'].join('\n'),
    );
    const figures = figuresByValue(knowledge);
    expect(figures.get('17')).toMatchObject({ zone: '青川经济技术开发区', metric: '亿元以上项目' });
    // The city is not the district: its figure is no zone's.
    expect(figures.get('40')?.zone).toBeUndefined();
  });

  it('reads a section head that names a zone as the zone of the figures under it', () => {
    const knowledge = knowledgeOf(
      ['两区年度数据发布', '', '临河保税区和青川保税港区发布了年度数据。', '', '临河保税区', '', '地区生产总值92亿元,同比增长8%。', '', '青川保税港区', '', '地区生产总值47亿元,同比增长12%。'].join('\n'),
    );
    const figures = figuresByValue(knowledge);
    expect(figures.get('92')?.zone).toBe('临河保税区');
    expect(figures.get('47')?.zone).toBe('青川保税港区');
  });

  it('takes a place inside a listed company’s name (中电国际、广元华鑫新能源等) for no holder, and a listed place for one', () => {
    const knowledge = knowledgeOf('青川高新区举行签约仪式,中电国际、广元华鑫新能源、时尚集团等10个项目集中签约。');
    expect(figuresByValue(knowledge).get('10')?.zone).toBe('青川高新区');
    const sentence = '广元、绵阳等城市和绵阳华鑫公司、临河集团等企业';
    const at = (place: string, from = 0) => [sentence.indexOf(place, from), sentence.indexOf(place, from) + place.length] as const;
    expect(inNamedListItem(sentence, ...at('广元'))).toBe(false);
    expect(inNamedListItem(sentence, ...at('绵阳'))).toBe(false);
    expect(inNamedListItem(sentence, ...at('绵阳', 8))).toBe(true);
  });

  it('gives what zones listed together did to none of them, and a zone listed with its district to the zone', () => {
    const together = knowledgeOf('青川经济开发区、临河高新区和绵阳高新区分别与企业签署协议,涉及项目8个。');
    expect(figuresByValue(together).get('8')).toBeDefined();
    expect(figuresByValue(together).get('8')!.zone).toBeUndefined();
    const oneBody = knowledgeOf('青川经济开发区举行推介会。青川经济开发区、利州区第二届营商环境观察员聘任仪式举行,55名观察员上任。');
    expect(figuresByValue(oneBody).get('55')?.zone).toBe('青川经济开发区');
  });

  it('gives no zone the figures of an article about zones of another kind than the one it names (综保区 vs 高新区)', () => {
    const knowledge = knowledgeOf(
      [
        '四川综保区发展提速',
        '',
        '今年前三季度,四川省内6个综合保税区进出口额增长。综保区数量稳居西部前列。',
        '',
        '综保区内保税物流业态集聚,区内保税物流进出口320亿元。',
        '',
        '这与绵阳高新区打造开放平台的目标契合,综保区将继续发挥作用。',
      ].join('\n'),
    );
    const figure = figuresByValue(knowledge).get('320');
    expect(figure).toBeDefined();
    expect(figure!.zone).toBeUndefined();
  });

  it('leaves the zone empty where an article speaks of several zones and the sentence names none', () => {
    const knowledge = knowledgeOf(
      ['园区动态', '', '临河经济开发区举办推介会。青川高新区举办路演。', '', '活动现场签约项目9个。'].join('\n'),
    );
    const figure = knowledge.figures.find((f) => f.value === '9');
    expect(figure).toBeDefined();
    expect(figure!.zone).toBeUndefined();
  });

  it("gives the figures of a place's zones together (全省工业园区, 赣州市重点园区) to no zone, and says so in the metric", () => {
    const knowledge = knowledgeOf(
      [
        '青川经济开发区：项目建设提速',
        '',
        '青川经济开发区坚持项目为王，开发区新签约项目27个。',
        '',
        '全省工业园区实现营业收入5000亿元。赣州市重点园区经济运行平稳，主营业务收入900.5亿元，同比增长6.2%。',
      ].join('\n'),
    );
    const byValue = figuresByValue(knowledge);
    expect(byValue.get('27')?.zone).toBe('青川经济开发区');
    for (const [value, metric] of [['5000', '工业园区营业收入'], ['900.5', '重点园区主营业务收入']] as const) {
      expect(byValue.get(value)).toMatchObject({ metric });
      expect(byValue.get(value)!.zone).toBeUndefined();
    }
    expect(byValue.get('6.2')!.metric).toBe('重点园区主营业务收入 同比增长');
  });

  it('gives the figures of a counted group of zones (9个省级园区) to the group, in the sentences it carries to', () => {
    const knowledge = knowledgeOf(
      [
        '临河经济开发区举办推介会。',
        '',
        '前三季度，9个省级园区实现营业收入1320.6亿元，同比增长8.8%。新增企业2140家。',
        '',
        '临河经济开发区新签约项目15个。',
      ].join('\n'),
    );
    const byValue = figuresByValue(knowledge);
    expect(byValue.get('1320.6')).toMatchObject({ metric: '省级园区营业收入' });
    expect(byValue.get('2140')).toMatchObject({ metric: '省级园区新增企业' });
    for (const value of ['1320.6', '8.8', '2140']) expect(byValue.get(value)!.zone, value).toBeUndefined();
    expect(byValue.get('15')?.zone).toBe('临河经济开发区');
  });

  it('names a counted group by the region before its count (西部地区28家国家级经开区), its count by the group', () => {
    const knowledge = knowledgeOf(
      [
        '国家级经开区运行情况',
        '',
        '全国210家国家级经开区实现营业收入8.2万亿元。西部地区28家国家级经开区实现营业收入0.9万亿元,其中:税收收入0.2万亿元。',
      ].join('\n'),
    );
    const byValue = figuresByValue(knowledge);
    expect(byValue.get('210')).toMatchObject({ metric: '全国国家级经开区', unit: '家' });
    expect(byValue.get('8.2')).toMatchObject({ metric: '全国国家级经开区营业收入', unit: '万亿元', group: '全国国家级经开区' });
    expect(byValue.get('8.2')?.zone).toBeUndefined();
    expect(byValue.get('28')).toMatchObject({ metric: '西部地区国家级经开区' });
    expect(byValue.get('0.9')).toMatchObject({ metric: '西部地区国家级经开区营业收入' });
    expect(byValue.get('0.2')).toMatchObject({ metric: '西部地区国家级经开区税收收入' });
    for (const value of ['210', '8.2', '28', '0.9', '0.2']) expect(byValue.get(value)!.zone, value).toBeUndefined();
  });

  it('takes a group’s name as the metric of its count, whatever words come before it (在全国150个综合保税区中)', () => {
    const knowledge = knowledgeOf(['综保区评估', '', '广元高新综合保税区在全国150个综合保税区中位列第三。'].join('\n'));
    expect(figuresByValue(knowledge).get('150')).toMatchObject({ metric: '全国综合保税区' });
    expect(figuresByValue(knowledge).get('150')!.zone).toBeUndefined();
  });

  it("takes a zone's name that opens a metric as the figure's zone, though jieba reads it as common words", () => {
    const knowledge = knowledgeOf(
      ['安定科技产业园项目观察', '', '安定科技产业园位于县城东部。安定科技产业园已顺利签约项目23个，规划面积4.8平方公里。'].join('\n'),
    );
    const figure = knowledge.figures.find((f) => f.value === '23');
    expect(figure).toMatchObject({ metric: '签约项目', zone: '安定科技产业园' });
  });

  it('counts a figure once when a later article copies its sentence', () => {
    const text = '临河经济开发区新签约项目18个，签约额36.5亿元。';
    const knowledge = knowledgeOf(`临河经济开发区动态\n\n${text}`, `转载：临河经济开发区动态\n\n${text}`);
    expect(knowledge.figures.filter((f) => f.value === '36.5')).toHaveLength(1);
  });
});

describe('a run-on sentence (a page without full stops)', () => {
  it('gives a clause naming no holder the subject of the nearest clause before it that opens with one', () => {
    const k = knowledgeOf(
      [
        '临河经开区十年发展答卷',
        '2012年,广元与绵阳,青川县一起成为首批试点,临河经开区地区生产总值从20.5亿元增长到62.4亿元,年均增长9.8%,进出口总额从3.1亿美元增长到8.6亿美元',
      ].join('\n'),
    );
    expect(figuresByValue(k).get('9.8')?.zone).toBe('临河经开区');
    expect(figuresByValue(k).get('3.1')?.zone).toBe('临河经开区');
  });
});

describe('an article about a whole division', () => {
  it('gives figures it does not say whose to no zone, where it says 全市 far more often than it names the zone', () => {
    const k = knowledgeOf(
      [
        '广元上半年利用外资稳中有进',
        '上半年,全市新设外资企业36家,实际使用外资2.1亿美元,同比增长9.4%。',
        '从行业看,全市制造业利用外资占比提高。其中,广元经开区新设外资企业8家。',
        '从来源看,投资总额超过1000万美元的项目12个,占全市合同外资近六成。',
      ].join('\n'),
    );
    expect(figuresByValue(k).get('12')?.zone ?? '').toBe('');
    expect(figuresByValue(k).get('8')?.zone).toBe('广元经开区');
  });

  it('still gives them to its zone where 全市 is only the yardstick (比全市占比高)', () => {
    const k = knowledgeOf(
      [
        '1-5月我区新兴产业势头良好',
        '发布时间：2024-06-03 来源：临河经济开发区 发布单位：临河经济开发区',
        '1-5月，实现新兴产业增加值18.6亿元，比全市占比高2.1个百分点；同比增长11%，比全市增速快6.5个百分点。',
        '完成新兴产业投资5.3亿元，比全市占比高40个百分点，比全市增速快70个百分点。',
      ].join('\n'),
    );
    expect(figuresByValue(k).get('18.6')?.zone).toBe('临河经济开发区');
    expect(figuresByValue(k).get('5.3')?.zone).toBe('临河经济开发区');
  });
});

describe('what an article is about', () => {
  it('is not the zones it names as partners: its figures stay with its own zone', () => {
    const k = knowledgeOf(
      [
        '青禾经开区综合考评排名提升',
        '青禾经开区在全省经开区中综合排名第一。青禾经开区全年地区生产总值210亿元。',
        '全年共签约项目26个，总投资96亿元。与广元经开区、绵阳经开区、临河经开区等建立友好合作关系并签订战略合作协议。',
      ].join('\n'),
    );
    expect(figuresByValue(k).get('26')?.zone).toBe('青禾经开区');
    expect(figuresByValue(k).get('96')?.zone).toBe('青禾经开区');
  });

  it("reads a section's kinds of zone with its article's title", () => {
    // The article says 高新区 in its title and body; the one development zone it names is a bank's branch.
    const k = knowledgeOf(
      [
        '高新区：多措并举优化营商环境',
        '记者从高新区获悉，今年以来，该区受理办结事项6200件，新增跨域通办事项119项。',
        '今年，临河经开区农行与高新区创业服务中心签约，授信8亿元。',
      ].join('\n'),
    );
    expect(figuresByValue(k).get('6200')?.zone ?? '').toBe('');
  });
});

describe('related headlines at the foot of a page', () => {
  it('give no figure, measure or zone of the page, and take no zone from it', () => {
    const k = knowledgeOf(
      [
        '青川经济开发区上半年经济运行良好',
        '上半年,青川经开区完成规上工业增加值18.6亿元,同比增长7.1%。开发区推行“拿地即开工”。',
        '- 总投资8亿元!年产3万吨新材料项目签约落户临河高新区',
        '- 临河高新区推行“容缺受理”',
      ].join('\n'),
    );
    expect(k.figures.map((f) => f.value).sort()).toEqual(['18.6', '7.1']);
    expect(k.zones.map((z) => z.name)).toEqual(['青川经开区']);
    expect(k.measures.map((m) => m.name)).toEqual(['拿地即开工']);
    expect(k.paragraphZones.at(-1)).toEqual([]);
  });
});

describe('a second build in one process', () => {
  it('finds the same zones as the first, though the first added their names to the dictionary', async () => {
    const { SearchEngine } = await import('../src/search/engine.ts');
    const texts = ['项目分布在市内主城区、两江新区和三北地区。', '临河经济开发区新签约项目18个。', '临河经济开发区举办推介会。'];
    const articles = texts.map((text, i) => ({ name: `b${i}_x.txt`, text: `园区动态\n\n${text}`, encoding: 'utf-8' }));
    const first = buildKnowledge(buildCorpus(articles));
    // Building the index adds every zone name and short form to jieba's process-wide dictionary.
    SearchEngine.build(buildCorpus(articles), first);
    const second = buildKnowledge(buildCorpus(articles));
    expect(second.zones.map((z) => z.name)).toEqual(first.zones.map((z) => z.name));
    expect(first.zones.map((z) => z.name)).toContain('两江新区');
  });
});

describe("a zone's name without its city", () => {
  it('serves a question but marks no mention in running text, where it may be another city’s park', async () => {
    const { SearchEngine } = await import('../src/search/engine.ts');
    const corpus = buildCorpus([
      { name: 'c0_x.txt', text: '园区动态\n\n鹤壁新材料产业园区新签约项目12个。\n\n鹤壁新材料产业园区举办推介会。', encoding: 'utf-8' },
      { name: 'c1_x.txt', text: '县域经济\n\n青川县规划建设新材料产业园区，占地3000亩。', encoding: 'utf-8' },
    ]);
    const knowledge = buildKnowledge(corpus);
    const zone = knowledge.zones.find((z) => z.name === '鹤壁新材料产业园区')!;
    expect(zone.bareForms).toContain('新材料产业园区');
    expect(mentionForms(zone)).not.toContain('新材料产业园区');
    // The other county's park is not taken for this zone.
    corpus.paragraphs.forEach((p, i) => {
      if (p.file === 'c1_x.txt') expect(knowledge.paragraphZones[i]).not.toContain('鹤壁新材料产业园区');
    });
    expect(SearchEngine.build(corpus, knowledge).zonesNamedIn('新材料产业园区签约了多少项目')).toEqual(['鹤壁新材料产业园区']);
  });

  it('serves a question with the park’s kind shortened to 园区 (新材料园区), where one zone has it', async () => {
    const { SearchEngine } = await import('../src/search/engine.ts');
    const corpus = buildCorpus([
      { name: 'c0_x.txt', text: '园区动态\n\n鹤壁新材料产业园区新签约项目12个。\n\n鹤壁新材料产业园区举办推介会。', encoding: 'utf-8' },
      { name: 'c1_x.txt', text: '园区动态\n\n广元食品产业园新签约项目5个。\n\n绵阳食品工业园区新签约项目8个。', encoding: 'utf-8' },
    ]);
    const knowledge = buildKnowledge(corpus);
    const engine = SearchEngine.build(corpus, knowledge);
    expect(engine.zonesNamedIn('新材料园区签约了多少项目')).toEqual(['鹤壁新材料产业园区']);
    // Two cities' food parks: 食品园区 says neither.
    expect(engine.zonesNamedIn('食品园区签约了多少项目')).toEqual([]);
  });
});
