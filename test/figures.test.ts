import { describe, expect, it } from 'vitest';
import { extractFigures } from '../src/extract/figures.ts';

/** Sentences copied from the seeds, normalized as the pipeline does. */
const figuresOf = (sentence: string) =>
  extractFigures(sentence.normalize('NFKC')).map(({ metric, value, unit, period, approx }) => ({
    metric,
    value,
    unit,
    ...(period ? { period } : {}),
    ...(approx ? { approx } : {}),
  }));

describe('extractFigures on seed sentences', () => {
  it('000: two figures sharing the period 截至5月份', () => {
    expect(figuresOf('截至5月份，新签约项目21个，签约额22.13亿元，涵盖特医食品、半导体、智能装备、新材料、生物医药等重点产业')).toEqual([
      { metric: '新签约项目', value: '21', unit: '个', period: '截至5月份' },
      { metric: '签约额', value: '22.13', unit: '亿元', period: '截至5月份' },
    ]);
  });

  it('001: foreign investment in 万美元 with its period, the zone name not in the metric', () => {
    expect(figuresOf('数据显示,1-10月,天桥区实际使用外资9046万美元,占全年任务的139.6%,完成率在全市排名第二;')[0]).toEqual({
      metric: '实际使用外资',
      value: '9046',
      unit: '万美元',
      period: '1-10月',
    });
  });

  it('001: 新签约项目 49 个, 签约额 129.46 亿元, a share in %', () => {
    const figures = figuresOf('今年以来,园区新签约项目49个,签约额129.46亿元,签约制造业项目占比91.8%;');
    expect(figures.map((f) => [f.metric, f.value, f.unit])).toEqual([
      ['新签约项目', '49', '个'],
      ['签约额', '129.46', '亿元'],
      ['签约制造业项目占比', '91.8', '%'],
    ]);
  });

  it('001: growth rates name what grew', () => {
    expect(figuresOf('1-10月,开发区规上工业企业产值同比增长20.5%,规上服务业同比增长7.25%。').map((f) => f.metric)).toEqual([
      '规上工业企业产值同比增长',
      '规上服务业同比增长',
    ]);
  });

  it('001: a count after a verb takes the noun that follows, with the event that follows it (推动17家外资项目落地)', () => {
    const figures = figuresOf('推动17家外资项目落地,合同外资达2.92亿美元,实际使用外资9046万美元,完成全年任务的139.66%');
    expect(figures[0]).toEqual({ metric: '落地外资项目', value: '17', unit: '家' });
    expect(figures[1]).toEqual({ metric: '合同外资', value: '2.92', unit: '亿美元' });
  });

  it('003: approximate counts (150余批次)', () => {
    const figures = figuresOf('这一年,开发区接待各地客商考察150余批次,洽谈对接项目200余批次;签约项目14个;');
    expect(figures).toEqual([
      { metric: '接待各地客商考察', value: '150', unit: '批次', approx: true },
      { metric: '洽谈对接项目', value: '200', unit: '批次', approx: true },
      { metric: '签约项目', value: '14', unit: '个' },
    ]);
  });

  it('004: the half-year figures', () => {
    const figures = figuresOf('规模以上工业完成总产值140.17亿元,同比增长8.32%,增速列全市第三名;实现固定资产投资44.47亿元,投资总量居全市第二位;一般公共预算收入累计完成8.87亿元,完成年初预算任务的52.1%……');
    expect(figures.find((f) => f.metric === '固定资产投资')).toMatchObject({ value: '44.47', unit: '亿元' });
    expect(figures.find((f) => f.metric === '一般公共预算收入')).toMatchObject({ value: '8.87', unit: '亿元' });
    expect(figures.find((f) => f.value === '8.32')).toMatchObject({ metric: '规模以上工业总产值 同比增长', unit: '%' });
    // 完成年初预算任务的52.1%: a share of a target, whose metric the text does not name.
    expect(figures.map((f) => f.value)).toEqual(['140.17', '8.32', '44.47', '8.87']);
  });

  it('reads a growth against last year, however written, as the growth of the figure before it', () => {
    const figures = figuresOf('青川开发区合同外资额2300万美元,与去年同期相比增长26%;营业收入12亿元,比上年同期增长8%。');
    expect(figures.map((f) => [f.metric, f.value])).toEqual([
      ['合同外资额', '2300'],
      ['合同外资额 增长', '26'],
      ['营业收入', '12'],
      ['营业收入 增长', '8'],
    ]);
  });

  it('004: 23个社区服务中心, 11个专班, 1—6月份 figures', () => {
    expect(figuresOf('截至目前,全区23个社区服务中心已全部建成,建设新时代文明实践站(所)20处。')[0]).toEqual({
      metric: '社区服务中心',
      value: '23',
      unit: '个',
      period: '截至目前',
    });
    expect(figuresOf('为加快重点项目建设,开发区成立了11个专班,建立专班帮包推进机制')).toEqual([{ metric: '专班', value: '11', unit: '个' }]);
    const h1 = figuresOf('1—6月份,全区重点项目完成投资50.66亿元,续建项目复工率96.87%,新建项目开工14个。');
    expect(h1.map((f) => [f.metric, f.value, f.period])).toEqual([
      ['重点项目完成投资', '50.66', '1—6月份'],
      ['续建项目复工率', '96.87', '1—6月份'],
      ['新建项目开工', '14', '1—6月份'],
    ]);
  });

  it('reads no figure from dates, ordinals, hours or names', () => {
    expect(figuresOf('2024-12-03 09:09:32 来源: 大众网 作者: 毕东方')).toEqual([]);
    expect(figuresOf('7月30日,市委常委、宣传部部长刘升勤带队就市级重点项目建设来开发区调研。')).toEqual([]);
    expect(figuresOf('济北开发区在全省160家省级以上开发区中,位居第27名').map((f) => f.value)).toEqual(['160']);
    expect(figuresOf('每人每天深入企业5个小时以上').map((f) => f.value)).toEqual([]);
    expect(figuresOf('深入贯彻区委区政府支持园区“黄金16条”实施意见')).toEqual([]);
    expect(figuresOf('在全国高新区综合排名中列67位，居全省12位').map((f) => f.value)).toEqual([]);
    // A range whose lower bound has no unit (1—9亿元项目) is a class, as the range is.
    expect(extractFigures('其中1—9亿元项目20个，10—19亿元项目5个').map((f) => [f.metric, f.value])).toEqual([
      ['1—9亿元项目', '20'],
      ['10—19亿元项目', '5'],
    ]);
    // A session's number, and a class (50亿级) that qualifies the count after it.
    expect(figuresOf('方案已经市政府七届44次常务会议讨论通过')).toEqual([]);
    expect(extractFigures('其中50亿级项目1个、20亿级项目3个').map((f) => [f.metric, f.value])).toEqual([
      ['50亿级项目', '1'],
      ['20亿级项目', '3'],
    ]);
  });
});

/** Excerpts written for these tests, one per pattern met in news pages about zones. */
describe('extractFigures: what news pages write', () => {
  const metrics = (sentence: string) => extractFigures(sentence).map((f) => f.metric);

  it("a project's quantity (计划总投资, 占地面积, 年产值) is of the project the clause before names, and so is the next one", () => {
    expect(metrics('当日,园区与青禾新能源公司签约的储能电池项目,计划总投资12亿元,达产后年产值30亿元。')).toEqual([
      '储能电池项目 计划总投资',
      '储能电池项目 达产后年产值',
    ]);
    expect(metrics('青川智能装备产业基地,占地面积260亩。')).toEqual(['青川智能装备产业基地 占地面积']);
    // A clause saying what the projects are (均为工业项目) or an event (新开工项目) names no one project.
    expect(metrics('签约项目8个,均为工业项目,协议投资总额48.5亿元。')).toEqual(['签约项目', '协议投资总额']);
  });

  it('a bare quantity is of the industry the nearest clause before opens with, and an amount (总量) of the figure before it', () => {
    expect(metrics('去年,园区电子信息产业受益于订单回流,实现产值812.4亿元,增长9.3%')).toEqual(['电子信息产业产值', '电子信息产业产值 增长']);
    expect(metrics('汽车及零部件产业加快转型,实现产值300亿元')).toEqual(['汽车及零部件产业产值']);
    // Each industry holds the quantities after its own clause, its growth too, mid-sentence as well.
    expect(metrics('纺织产业逆势上扬,全年产值同比增长4.8%,生物医药产业发展迅速,全年产值同比增长16.2%。')).toEqual([
      '纺织产业产值同比增长',
      '生物医药产业产值同比增长',
    ]);
    // A clause that is no industry (加快发展产业) qualifies nothing.
    expect(metrics('全区加快发展产业,实现产值300亿元')).toEqual(['产值']);
    expect(metrics('工业投资增长12.6%,总量超过210亿元')).toEqual(['工业投资增长', '工业投资总量']);
  });

  it('reads the noun after a count where 拥有 comes before it, up to ten characters long', () => {
    expect(metrics('截至去年底,临河拥有96家国家级专精特新企业')).toEqual(['国家级专精特新企业']);
  });

  it('a person reporting a figure is not its metric', () => {
    expect(metrics('管委会主任王明介绍新落户企业25家')).toEqual(['新落户企业']);
  });

  it('a verb or a clause before a count is no metric: the noun after it is, else no figure', () => {
    // A total with no noun of its own is the total of what was just counted.
    expect(metrics('本次活动共签下12个项目，总投资86亿元')).toEqual(['签下项目', '签下项目总投资']);
    expect(metrics('今年以来，27个项目集中开工，总投资170亿元')).toEqual(['集中开工项目', '集中开工项目总投资']);
    expect(metrics('新签约工业项目9个，合同投资额13.2亿元')).toEqual(['新签约工业项目', '新签约工业项目合同投资额']);
    expect(metrics('6个重点项目集中签约，投资总金额95.3亿元')).toEqual(['集中签约重点项目', '集中签约重点项目投资总金额']);
    expect(metrics('会上签约8个')).toEqual([]);
    expect(metrics('有5个签约拟开工项目')).toEqual(['签约拟开工项目']);
    expect(metrics('将原有12个科室整合为5个部门')).toEqual(['部门']);
    expect(metrics('会上共签署了20个合作项目')).toEqual(['合作项目']);
    expect(metrics('这8个项目总投资达50亿元')).toEqual(['项目总投资']);
    expect(metrics('两个月来已为60家企业解决难题')).toEqual(['企业']);
  });

  it('shares of a target and numbers whose order is not said give no figure; a comparison is of the growth before it', () => {
    expect(extractFigures('完成全年目标的75%')).toEqual([]);
    expect(extractFigures('两个园区的规划面积分别为12平方公里、8平方公里')).toEqual([]);
    expect(metrics('实际使用外资5.2亿美元，同比增长12%，高于全省平均水平3.4个百分点')).toEqual(['实际使用外资', '实际使用外资 同比增长', '实际使用外资增速高于全省平均水平']);
    // With no growth stated before it, a comparison says of what it does not say.
    expect(metrics('高于全省平均水平3.4个百分点')).toEqual([]);
    expect(metrics('投资10亿元至50亿元的项目有32个')).toEqual([]);
  });

  it('strips words before a metric only where they are words of their own (占地面积, 有效投资, 共享)', () => {
    expect(metrics('工业园区占地面积33平方公里')).toEqual(['占地面积']);
    expect(metrics('有效投资完成12亿元')).toEqual(['有效投资']);
    expect(metrics('共享单车3000辆')).toEqual(['共享单车']);
    expect(metrics('全区共有企业120家')).toEqual(['企业']);
  });

  it('takes a place off the metric only where the place is a word of the text (力争|市级, 龙湖区块)', () => {
    expect(figuresOf('力争二季度市级重点项目开工率达到55%')).toEqual([{ metric: '市级重点项目开工率', value: '55', unit: '%', period: '二季度' }]);
    expect(figuresOf('龙湖区块规划面积3.15平方公里，四至范围另附')[0]).toMatchObject({ metric: '龙湖区块规划面积' });
  });

  it('gives no figure for a bare head that does not say which are counted; a location is no metric', () => {
    expect(metrics('其中，20亿元以上项目2个，5亿元~20亿元项目6个')).toEqual(['20亿元以上项目']);
    expect(metrics('拟入驻该园区6个，总投资22.5亿元')).toEqual([]);
    expect(metrics('1—6月完成投资8.61亿元')).toEqual(['完成投资']);
    expect(metrics('其起步区为滨河路以东、纬二路以北8.4平方公里')).toEqual([]);
    expect(metrics('财政支出增长12%，增幅同比提高3.9个百分点')).toEqual(['财政支出增长', '财政支出 增幅同比提高']);
    expect(metrics('等5个签约项目，总投资额高达31.2亿元')).toEqual(['签约项目', '签约项目总投资额']);
  });

  it('reads the noun after a count where the words before are a list item, a preposition, or a noun a number cuts', () => {
    expect(metrics('园区下辖东城、西城、北湖5个街道，常住人口40万')).toEqual(['街道']);
    expect(metrics('其中制造业项目16个、服务业项目6个')).toEqual(['制造业项目', '服务业项目']);
    expect(metrics('“十四五”期间将36个工业集中区整合为20个')).toEqual(['工业集中区']);
    expect(metrics('已有57家世界500强企业落户')).toEqual([]);
    expect(metrics('全区人均GDP目前已经超过2万美元')).toEqual(['人均GDP']);
    expect(metrics('目前辖区总面积为312平方公里')).toEqual(['辖区总面积']);
  });

  it('keeps compound units whole', () => {
    const figures = extractFigures('园区亩均税收达到45万元/亩，单位面积产出120亿元/平方公里');
    expect(figures.map((f) => [f.metric, f.value, f.unit])).toEqual([
      ['亩均税收', '45', '万元/亩'],
      ['单位面积产出', '120', '亿元/平方公里'],
    ]);
  });

  it('reads amounts written without 元, areas in 公顷, and counts of things, people and cases', () => {
    const figures = extractFigures('青禾经开区地区生产总值突破1000亿，规划面积162.5公顷，年产手机2.58亿部，新增就业320人，办理业务4600件');
    expect(figures.map((f) => [f.metric, f.value, f.unit])).toEqual([
      ['地区生产总值', '1000', '亿'],
      ['规划面积', '162.5', '公顷'],
      ['年产手机', '2.58', '亿部'],
      ['新增就业', '320', '人'],
      ['办理业务', '4600', '件'],
    ]);
    expect(extractFigures('港口通过能力1.3亿吨，集装箱吞吐量达到702万标箱').map((f) => f.unit)).toEqual(['亿吨', '万标箱']);
    // Trillions as Taiwan writes them, and volumes; 兆瓦 (megawatts) is no 兆元.
    expect(extractFigures('青川园区计划投资额2.43兆元，回填土方70万立方米').map((f) => [f.metric, f.unit])).toEqual([
      ['计划投资额', '兆元'],
      ['回填土方', '万立方米'],
    ]);
  });

  it('reads 约 and 过 that close a word (签约, 通过) as no approximation', () => {
    expect(extractFigures('全年共签约12个项目，总投资20亿元').map((f) => [f.metric, f.value, f.approx ?? false])).toEqual([
      ['签约项目', '12', false],
      ['签约项目总投资', '20', false],
    ]);
    expect(extractFigures('新增注册企业约120家').map((f) => [f.value, f.approx])).toEqual([['120', true]]);
    expect(metrics('全区拥有产值过10亿元企业10家')).toEqual(['产值过10亿元企业']);
  });

  it('reads no example, conjunction, lede mark or verb of holding as part of a metric', () => {
    expect(metrics('像是总投资13亿元的青川智能制造项目正在建设')).toEqual([]);
    expect(metrics('本报讯临河县今年投入工业专项资金6000万元')).toEqual(['工业专项资金']);
    expect(metrics('但是园区引进高新技术企业45家')).toEqual(['高新技术企业']);
    const held = extractFigures('该园区拥有上市企业2家');
    expect(held.map((f) => [f.metric, f.subject?.text])).toEqual([['上市企业', '该园区']]);
    expect(extractFigures('该保税区已一期建设面积1.01平方公里').map((f) => [f.metric, f.subject?.text])).toEqual([['一期建设面积', '该保税区']]);
    expect(metrics('临河开发区积极推动二期南扩区域4.12平方公里开发建设')).toEqual(['二期南扩区域']);
  });

  it('reads an adverb and a verb, or 获批, as no metric, and the noun after the count as what is counted', () => {
    expect(metrics('青川园区获批3项省级改革试点')).toEqual(['省级改革试点']);
    expect(metrics('临河开发区全面推进18家企业技术改造')).toEqual(['企业']);
  });

  it('reads 已开复工 after a counted noun as its event, and 在 closing a metric as no part of it', () => {
    expect(metrics('青川物流园等4个项目已开复工建设')).toEqual(['开复工项目']);
    expect(metrics('青川园区工业增速在12%以上')).toEqual(['工业增速']);
    // 在 alone opens a place for a count: no metric, and no figure of what follows.
    expect(metrics('主要指标增速全面赶超,在16个县市区综合排名第一')).toEqual([]);
  });

  it('reads 这次 opening a clause as no part of its subject', () => {
    const [signed] = extractFigures('这次广元市开发区集中签约活动,签约项目41个');
    expect([signed!.metric, signed!.subject?.text]).toEqual(['签约项目', '广元市开发区']);
  });

  it('reads an average growth and a completion rate alone as of the figure just before, and a growth after the rate as the figure’s', () => {
    expect(metrics('临河试验区地区生产总值达到120亿元，年均增长10.5%')).toEqual(['地区生产总值', '地区生产总值 年均增长']);
    expect(metrics('青川经开区完成工业总产值50亿元，目标完成率27.43%，同比增长17.6%')).toEqual(['工业总产值', '工业总产值 目标完成率', '工业总产值 同比增长']);
    // The period a growth is compared with is said by the growth word alone.
    expect(metrics('青川园区实现总产值较上年同期增长56%')).toEqual(['总产值增长']);
  });

  it('reads a bracketed aside right before a number as qualifying the metric, no figure of its own', () => {
    expect(extractFigures('园区实现工业总产值(2000万元以上)65.82亿元,同比增长17.6%').map((f) => [f.metric, f.value])).toEqual([
      ['工业总产值', '65.82'],
      ['工业总产值 同比增长', '17.6'],
    ]);
  });

  it('reads an extent and where it grew to as one metric (由原有的…拓展至)', () => {
    expect(metrics('临河工业园区批准面积由原有的133.3公顷拓展至594.44公顷')).toEqual(['批准面积', '批准面积']);
  });

  it('reads the event before 的 as which nouns are counted, and a total before the next number as its metric', () => {
    expect(metrics('本次集中开工的11个项目总投资25.3亿元')).toEqual(['集中开工项目', '集中开工项目总投资']);
  });

  it('reads 成长, as Taiwan writes growth, as a growth of the figure just before', () => {
    expect(metrics('青川园区上半年营业额820.5亿元，较2024年同期成长8.14%')).toEqual(['营业额', '营业额 成长']);
  });

  it('reads the event after a counted noun where 进行了 opens it (16个项目进行了集中签约)', () => {
    expect(metrics('仪式上，先进制造、新兴产业等16个项目进行了集中签约，预计总投资达200亿元')).toEqual(['集中签约项目', '集中签约项目总投资']);
  });

  it('keeps the approximation with the value as written (150余)', () => {
    const [visits, jobs] = extractFigures('全年接待客商考察150余批次，新增就业岗位近3000个');
    expect(visits).toMatchObject({ metric: '接待客商考察', value: '150', unit: '批次', approx: true, written: '150余批次' });
    expect(jobs).toMatchObject({ metric: '新增就业岗位', value: '3000', approx: true, written: '近3000个' });
  });

  it('a growth rate alone takes the metric of the figure before it', () => {
    expect(metrics('规模以上工业增加值增速为7.5%')).toEqual(['规模以上工业增加值增速']);
    expect(metrics('全市工业投资同比增长5.0%，两年平均增长4.0%')).toEqual(['工业投资同比增长', '工业投资 两年平均增长']);
    expect(metrics('同比增长6.1%')).toEqual([]);
  });

  it("gives each figure the place its clause names: a city's figure is the city's", () => {
    const sentence = '今年前三季度，临河市一般公共预算收入312.5亿元，同比增长6.1%，江东经济开发区实际使用外资3800万美元';
    const figures = extractFigures(sentence);
    expect(figures.map((f) => [f.metric, f.subject?.text])).toEqual([
      ['一般公共预算收入', '临河市'],
      ['一般公共预算收入 同比增长', '临河市'],
      ['实际使用外资', '江东经济开发区'],
    ]);
    const city = figures[0]!.subject!;
    expect(sentence.slice(city.start, city.end)).toBe('临河市');
    expect(city.generic).toBeUndefined();
    expect(extractFigures('全市新增市场主体1200家')[0]!.subject).toEqual({ text: '全市', start: 0, end: 2, generic: true });
    // The narrower scope named later in the clause: the province's count, not the zone's.
    expect(extractFigures('高新区在全省18家高新区中排名第三')[0]!.subject?.text).toBe('全省');
    expect(extractFigures('落户历下区的企业有30家')[0]?.subject).toBeUndefined();
    // Offices, people and distances name no subject; a zone kind alone is generic.
    expect(extractFigures('东山区人民政府副区长王明介绍，此次共有签约项目33个')[0]!.subject?.text).toBe('东山区');
    expect(extractFigures('园区距临河市120公里')[0]?.subject?.text).not.toBe('距临河市');
    expect(extractFigures('其中经济开发区实现销售收入109.3亿元')[0]!.subject).toMatchObject({ text: '经济开发区', generic: true });
    // A city written before its zone is part of the zone's name.
    expect(extractFigures('情况显示，临河市工业园区经济运行良好，主营业务收入150亿元')[0]!.subject?.text).toBe('临河市工业园区');
  });

  it('no subject and verb, no target year as a metric; 分别 leaves growth rates unassigned', () => {
    expect(metrics('市国资委选出30个招商项目')).toEqual(['招商项目']);
    expect(metrics('力争到2030年地区生产总值突破800亿元')).toEqual([]);
    expect(metrics('6户企业带着100多名员工落户')).toEqual(['企业', '员工']);
    expect(metrics('建立健全工作机制4个')).toEqual(['工作机制']);
    expect(metrics('园区签约和储备重点项目已达34个')).toEqual(['签约和储备重点项目']);
    expect(metrics('仅8月园区就实现税收3.2亿元')).toEqual([]);
    expect(metrics('前10个月来共实现税收21.01亿元')).toEqual(['税收']);
    // A threshold qualifies the noun after it: 亿元以上项目 is no figure of 亿元, and part of the metric.
    expect(metrics('其中5000万元以上工业项目12个')).toEqual(['5000万元以上工业项目']);
    expect(metrics('江北高新技术产业园区108.16亿元，全省第四十七位')).toEqual([]);
    expect(metrics('新批外资项目28个、协议注册外资4.1亿美元，分别增长21.7%和79.5%')).toEqual(['新批外资项目', '协议注册外资']);
  });

  it('keeps a short quoted qualifier, drops 实现 between who and what, and reads a bare 占比 as the share of the figure before', () => {
    expect(metrics('前三季度，“专精特新”企业实现营业收入212.4亿元，占比31.5%。')).toEqual(['“专精特新”企业营业收入', '“专精特新”企业营业收入占比']);
  });

  it('drops 实现 or 完成 between an industry and what it measures, not after a modal nor in 完成投资', () => {
    expect(metrics('其中,新材料产业累计完成产值86.3亿元。')).toEqual(['新材料产业产值']);
    expect(metrics('软件服务业依然实现营业收入41亿元。')).toEqual(['软件服务业营业收入']);
    expect(metrics('项目建成后可实现年产值12亿元。')).toEqual(['项目建成后可实现年产值']);
    expect(metrics('年内计划完成投资18亿元。')).toEqual(['年内计划完成投资']);
  });

  it('reads 超10亿元 before a counted noun as a threshold of that noun, and 而 as no part of a metric', () => {
    expect(metrics('全区营业收入超5亿元企业27家')).toEqual(['营业收入超5亿元企业']);
    expect(metrics('全市人均产值不足8万元，而园区人均产值达到15万元')).toEqual(['人均产值', '人均产值']);
  });

  it('reads a comparison with a whole (增幅高于全国平均水平…个百分点) as one of the growth before it, and its share after it', () => {
    const figures = extractFigures('今年,临河开发区实现税收收入1.2万亿元,同比增长7.5%,增幅高于同期全省平均水平2.1个百分点,占全省税收收入的比重为9.4%;工业投资增长12%,高于全市3个百分点。');
    expect(figures.map((f) => [f.metric, f.written])).toEqual([
      ['税收收入', '1.2万亿元'],
      ['税收收入 同比增长', '7.5%'],
      ['税收收入增幅高于同期全省平均水平', '2.1个百分点'],
      ['税收收入占全省税收收入的比重', '9.4%'],
      ['工业投资增长', '12%'],
      ['工业投资增速高于全市', '3个百分点'],
    ]);
  });

  it('reads where a figure went (从…升至…, 再到) as the same metric, and a time or adverb before a count as none', () => {
    expect(metrics('临河综保区进出口额从2019年的12亿元升至2023年的86亿元')).toEqual(['进出口额', '进出口额']);
    expect(metrics('份额从3.1%上升到20%,再到今年前5个月的占比38%')).not.toContain('再到的占比');
    expect(metrics('去年以来,先后为36个省、市重点项目提供代办服务')).toEqual([]);
    expect(metrics('推动青川电子等9个项目新开工建设')).toEqual(['新开工建设项目']);
    expect(metrics('规划范围内聚集168家企业')).toEqual(['企业']);
  });

  it('reads a share that opens with 占 as the share of the figure before it, and its whole as no subject', () => {
    const figures = extractFigures('上半年，临河开发区完成工业投资增长9.2%，占广元市工业投资的比重为38.5%；实现税收3.4亿元。');
    expect(figures.map((f) => [f.metric, f.value, f.subject?.text])).toEqual([
      ['工业投资增长', '9.2', '临河开发区'],
      ['工业投资占广元市工业投资的比重', '38.5', '临河开发区'],
      ['税收', '3.4', '临河开发区'],
    ]);
  });
});

describe('extractFigures on the seeds: no verb as a metric', () => {
  it('003: 签约已开工项目 and 签约拟开工项目, never 签约 or 签约拟', () => {
    const figures = figuresOf('这一年,开发区接待各地客商考察150余批次,洽谈对接项目200余批次;签约项目14个;有6个签约已开工项目,8个签约拟开工项目,9个在库成熟度高的项目');
    expect(figures.map((f) => f.metric)).toEqual(['接待各地客商考察', '洽谈对接项目', '签约项目', '签约已开工项目', '签约拟开工项目']);
  });

  it("001: Jinan's budget revenue has the city as its subject", () => {
    const [revenue] = extractFigures('2023年济南市一般公共预算收入1001.4亿元');
    expect(revenue).toMatchObject({ metric: '一般公共预算收入', subject: { text: '济南市' } });
  });
});
