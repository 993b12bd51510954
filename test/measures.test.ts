/**
 * Measures named in running news text, on excerpts written for these tests (made-up zones 青川/临河, real
 * cities 广元/绵阳): practices named without quotes in lists, the endings that say a quoted name is a practice,
 * and what stays out — slogans, places, what the text gives up, 招商 as part of another word.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../src/corpus/build.ts';
import { buildKnowledge } from '../src/extract/knowledge.ts';
import { findListedMeasures } from '../src/extract/listed-measures.ts';
import { findMeasureNames } from '../src/extract/measures.ts';
import { resolveMeasure } from '../src/extract/resolve.ts';
import { nameKey } from '../src/search/name-key.ts';

describe('ways of attracting investment named without quotes', () => {
  it('reads a list of them after the verb that leads it in, each item its own name', () => {
    expect(findMeasureNames('青川经济开发区改进招商办法，突出链式招商、以企引企招商和驻点招商，推动线上招商、小分队招商。')).toEqual([
      '链式招商',
      '以企引企招商',
      '驻点招商',
      '线上招商',
      '小分队招商',
    ]);
    // A list needs no verb before it: two or more such names say what they are.
    expect(findListedMeasures('临河高新区把飞地招商和代理招商结合起来')).toEqual(['飞地招商', '代理招商']);
  });

  it('reads one of them alone only right after a verb that puts it into effect', () => {
    expect(findListedMeasures('今年临河高新区持续开展驻点招商。')).toEqual(['驻点招商']);
    expect(findListedMeasures('临河高新区的驻点招商取得成效。')).toEqual([]);
  });

  it('leaves out 招商 inside another word or before a noun it qualifies (招商引资, 招商平台)', () => {
    expect(findListedMeasures('青川经开区全力推进招商引资，开展链式招商活动')).toEqual([]);
    expect(findListedMeasures('青川经开区建立驻点招商、以企引企招商团队')).toEqual(['驻点招商']);
  });

  it('leaves out where investment is sought (a place, the zone itself): 绵阳招商, 园区招商', () => {
    expect(findListedMeasures('青川经开区组织园区招商和广元招商')).toEqual([]);
    expect(findListedMeasures('青川经开区持续开展绵阳招商')).toEqual([]);
    // 以 says by what means: 以产业园区招商 is a way, not a place.
    expect(findListedMeasures('临河高新区推行以产业园区招商、以产业基金招商')).toEqual(['以产业园区招商', '以产业基金招商']);
  });

  it('leaves out the ways the text says are given up', () => {
    expect(findListedMeasures('过去依靠的优惠招商、土地招商已难以为继')).toEqual([]);
    expect(findListedMeasures('临河高新区告别坐等招商、撒网招商，实施链式招商')).toEqual(['链式招商']);
  });
});

describe('lists closed by a category of practices (等模式, 等改革举措)', () => {
  it('reads the parts when most of them are named as practices', () => {
    expect(findListedMeasures('青川经开区灵活运用容缺受理、承诺预审等审批模式')).toEqual(['容缺受理', '承诺预审']);
    expect(findListedMeasures('绵阳市实行企业投资项目备案制度、区域评估制度等改革举措')).toEqual(['企业投资项目备案制度', '区域评估制度']);
  });

  it('leaves out lists of activities, goals and verb phrases', () => {
    expect(findListedMeasures('鼓励企业通过设备更新、股权合作等方式扩大产能')).toEqual([]);
    expect(findListedMeasures('临河高新区采取加大对企业的扶持力度、改善营商环境等措施')).toEqual([]);
    // A part that is a phrase (对…的…) is no name, though it ends like one: the list is no list of names.
    expect(findListedMeasures('临河高新区采取容缺受理、并联审批、对重点企业的上门服务等措施')).toEqual([]);
    // No verb leads the list in: where the first part starts is unknown.
    expect(findListedMeasures('容缺受理、承诺预审等审批模式在广元推广')).toEqual([]);
  });
});

describe('quoted names that say they are practices', () => {
  it('takes a quoted way of attracting investment or of handling a case by its ending', () => {
    expect(findMeasureNames('青川经开区坚持“全员招商”，项目进展顺利')).toEqual(['全员招商']);
    expect(findMeasureNames('临河高新区让审批“全程网办、智能秒批”成为常态')).toEqual(['全程网办', '智能秒批']);
    expect(findMeasureNames('青川经开区扩大“掌上办、就近办”覆盖面')).toEqual(['掌上办', '就近办']);
    // A green channel is a practice by its name; a quoted name an 工程 follows is one by that noun (「」 as Taiwan and
    // Hong Kong pages quote).
    expect(findMeasureNames('临河开发区开辟“项目审批绿色通道”，压缩审批时间')).toEqual(['项目审批绿色通道']);
    expect(findMeasureNames('青川园区大力推进「三个一」工程，打造一套标准')).toEqual(['三个一']);
    // A service named with a few words between (定制服务), and the ways a case is handled (上门办, 跨域办).
    expect(findMeasureNames('临河开发区对落地项目提供“一对一”定制服务')).toEqual(['一对一']);
    expect(findMeasureNames('青川园区让群众办事有了“上门办”“跨域办”')).toEqual(['上门办', '跨域办']);
  });

  it('keeps every part of a quoted list a verb puts into effect when one part is named as a practice', () => {
    expect(new Set(findMeasureNames('临河高新区组建服务专班，实行“专人对接、全程帮办”'))).toEqual(new Set(['专人对接', '全程帮办']));
    // A list named as one model stays whole, and a fragment stays inside its list.
    expect(findMeasureNames('推行“窗口集中受理、限时出件”的服务模式')).toEqual(['窗口集中受理、限时出件']);
    expect(findMeasureNames('推行“两集中、一到位”审批模式')).toEqual(['两集中、一到位']);
  });

  it('reads quotes in a row that a category of practices closes (“A”“B”等方式) as practices, each of them', () => {
    expect(findMeasureNames('青川经开区通过“容缺预审”“多图联审”等审批方式压缩时限')).toEqual(['容缺预审', '多图联审']);
    expect(findMeasureNames('“创新高地”“创业热土”等成为临河高新区的新标签')).toEqual([]);
  });

  it('leaves out a slogan whose parts end like a practice but no verb puts it into effect', () => {
    expect(findMeasureNames('营造“事事马上办、人人敢担当、个个争一流”的氛围')).toEqual([]);
  });
});

describe('/measure finds the ways a page lists', () => {
  it('resolves each listed way to the paragraph that names it', () => {
    const corpus = buildCorpus([
      {
        name: 'a0_qingchuan.txt',
        text: '青川经济开发区招商观察\n\n青川经济开发区改进招商办法，突出链式招商、驻点招商和以企引企招商。\n\n上半年新签约项目12个。',
        encoding: 'utf-8',
      },
    ]);
    const knowledge = buildKnowledge(corpus);
    const found = resolveMeasure('驻点招商', knowledge.measures);
    expect('found' in found && found.found.citations.map((c) => c.slice(-2))).toEqual(['-1']);
  });
});

describe('/measure typed with digits for a name counted in Chinese numerals', () => {
  it('finds 五个一 for 5个一机制, and keeps digits of a longer number or before a letter', () => {
    const corpus = buildCorpus([
      {
        name: 'a0_qinghe.txt',
        text: '青禾经济开发区优化服务\n\n青禾经济开发区落实“五个一”项目推进机制，推行“四个一”服务模式。\n\n园区推行“三张清单”管理。',
        encoding: 'utf-8',
      },
    ]);
    const { measures } = buildKnowledge(corpus);
    const found = resolveMeasure('5个一机制', measures);
    expect('found' in found && found.found.name).toBe('五个一');
    expect(nameKey('5G产业园')).toBe('5g产业园');
    expect(nameKey('2024年')).toBe('2024年');
  });
});
