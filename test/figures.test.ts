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

  it('001: a count after a verb takes the noun that follows (推动17家外资项目落地)', () => {
    const figures = figuresOf('推动17家外资项目落地,合同外资达2.92亿美元,实际使用外资9046万美元,完成全年任务的139.66%');
    expect(figures[0]).toEqual({ metric: '外资项目', value: '17', unit: '家' });
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
    expect(figures.map((f) => f.value)).toEqual(['140.17', '8.32', '44.47', '8.87', '52.1']);
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
  });
});
