import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../src/corpus/build.ts';
import { buildMeasureCatalogue, findMeasureNames } from '../src/extract/measures.ts';
import { resolveMeasure, resolveZone } from '../src/extract/resolve.ts';
import { buildGazetteer, findZoneNames, mentionForms, zoneKey } from '../src/extract/zones.ts';
import { buildKnowledge } from '../src/extract/knowledge.ts';
import { normalizeForMatch } from '../src/text/normalize.ts';
import { SEEDS_DIR, seedText } from './seeds.ts';
import { readdirSync } from 'node:fs';

const seedCorpus = () =>
  buildCorpus(readdirSync(SEEDS_DIR).map((name) => ({ name, text: seedText(name.slice(0, 3)), encoding: 'utf-8' })));

describe('zones', () => {
  it('finds zone names in real sentences, with their left boundary', () => {
    expect(findZoneNames(normalizeForMatch('近年来，济北开发区主要工业经济指标占到了全区的80%以上'))).toEqual(['济北开发区']);
    expect(findZoneNames('今年，面对更为复杂的经济形势和当前投资推广困境，济南济北经济开发区及时调整招商策略')).toEqual(['济南济北经济开发区']);
    expect(findZoneNames(normalizeForMatch('濟(jì)南新材料產(chǎn)業(yè)園區(qū)作為全區(qū)經(jīng)濟(jì)建設(shè)的主戰(zhàn)場'))).toEqual(['济南新材料产业园区']);
    expect(findZoneNames('中国(山东)自贸试验区济南片区国际推广大使闪亮登场')).toEqual(['中国(山东)自贸试验区济南片区']);
    expect(findZoneNames('近日,央视国际网络有限公司山东分公司顺利落户历下区。')).toEqual(['历下区']);
  });

  it('finds no zone in generic phrases', () => {
    expect(findZoneNames('连续两年在全省160家省级以上开发区综合发展水平评价中位列前20%')).toEqual([]);
    expect(findZoneNames('党建联盟驱动园区发展')).toEqual([]);
  });

  it('groups variants under one key', () => {
    expect(zoneKey('济南济北经济开发区')).toBe(zoneKey('济北开发区'));
    expect(zoneKey('济北经济开发区')).toBe('济北开发区');
  });

  it('builds the gazetteer of the seeds with short forms, Traditional and pinyin aliases', () => {
    const zones = buildGazetteer(seedCorpus().paragraphs.map((p) => p.normalized));
    const byName = new Map(zones.map((z) => [z.name, z]));
    const jibei = byName.get('济北开发区')!;
    expect(jibei.fullName).toBe('济南济北经济开发区');
    expect(jibei.aliases).toEqual(expect.arrayContaining(['济北', 'jibei', '濟北開發區', '济南济北经济开发区']));
    expect(mentionForms(jibei)).toContain('济北');
    // 钢城 is the name of a district too (钢城区): not the zone's short form, so /zone 钢城 is not taken for it.
    const gangcheng = byName.get('钢城经济开发区')!;
    expect(gangcheng.short).toBeUndefined();
    expect(gangcheng.aliases).not.toContain('钢城');
    expect(byName.get('济南新材料产业园区')!.bareForms).toEqual(['新材料产业园区', '新材料产业园', '新材料园区']);
    for (const name of ['济南新材料产业园区', '自贸试验区济南片区', '历下区', '天桥区', '历城区', '市中区']) {
      expect(byName.has(name), name).toBe(true);
    }
  });

  it('finds a zone no code knows about: an article on 苏州工业园区', () => {
    const texts = ['苏州工业园区推出“一网通办”服务。', '今年以来，苏州工业园区新签约项目30个。'];
    expect(buildGazetteer(texts).map((z) => z.name)).toContain('苏州工业园区');
  });
});

describe('measures', () => {
  it('reads a combination of practices as each of them, where they are practices', () => {
    expect(findMeasureNames('临河开发区推行“容缺受理+告知承诺”审批机制')).toEqual(['容缺受理', '告知承诺']);
    expect(findMeasureNames('以“承诺制+标准地+全代办”改革为抓手')).toEqual(['承诺制', '标准地', '全代办']);
    // Domains joined by + are no practices, whatever follows them.
    expect(findMeasureNames('坚持“产业+城市+生态”融合发展')).toEqual([]);
    expect(findMeasureNames('深化“互联网+政务服务”改革')).toEqual([]);
  });

  it('reads quoted practices and practice nouns from real paragraphs', () => {
    const text = normalizeForMatch('对落户开发区的每一个工业项目，认真落实“五个一”项目推进机制，一对一为企业提供从项目立项到竣工验收所涉及的行政审批事项全程帮办服务，真正做到客商“零跑腿”。');
    expect(findMeasureNames(text)).toEqual(expect.arrayContaining(['五个一', '全程帮办']));
    expect(findMeasureNames(normalizeForMatch('实行“一窗受理、集成服務”，真正实现企业的事园区办'))).toEqual(['一窗受理', '集成服务']);
    expect(findMeasureNames('聚焦“科技服务、现代金融、文化旅游、新型消费”等重点领域')).toEqual([]);
    expect(findMeasureNames('营商环境不仅是一座城市的“软实力”，更是推动经济社会高质量发展的“硬支撑”。')).toEqual([]);
  });

  it('groups variants: 一次办成/一次辦成, 帮办代办/帮代办/全程帮办, the 专员 roles', () => {
    const texts = ['持续推进“一次办成”改革', normalizeForMatch('持續推進“一次辦成”改革'), '全程帮办', '“精准点单帮代办服务”', '“保姆式”帮办代办服务', '公示服务专员的照片', '重点企业驻厂专员和重点项目责任专员'];
    const catalogue = buildMeasureCatalogue(texts);
    const groupOf = (v: string) => catalogue.find((m) => m.variants.includes(v))!;
    expect(groupOf('一次办成').variants).toEqual(['一次办成']);
    expect(groupOf('帮代办')).toBe(groupOf('全程帮办'));
    expect(groupOf('帮办代办')).toBe(groupOf('全程帮办'));
    expect(groupOf('服务专员')).toBe(groupOf('驻厂专员'));
  });
});

describe('measures: what news pages write (excerpts written for these tests)', () => {
  it('leaves out what the text replaces or rejects', () => {
    expect(findMeasureNames('将“串联审批”变为“并联审批”，审批时间大幅缩短')).toEqual(['并联审批']);
    expect(findMeasureNames('由“坐等审批”转变为“上门服务”')).toEqual(['上门服务']);
    expect(findMeasureNames('园区告别“多头审批”，推行“一窗受理”')).toEqual(['一窗受理']);
  });

  it('finds a quoted practice named before the mechanism it is (“进出”招商机制)', () => {
    expect(findMeasureNames('园区的“双向进出”招商机制发挥作用')).toEqual(['双向进出']);
    expect(findMeasureNames('打造“金字招牌”，擦亮城市名片')).toEqual([]);
  });

  it('finds a short practice that reads as a common word (进出) only where the text quotes it, not in 进出口', () => {
    const corpus = buildCorpus([
      { name: 'a0_x.txt', text: '临河经济开发区招商观察\n\n临河经济开发区推行“进出”联动招商机制。\n\n上半年进出口总额增长12%。', encoding: 'utf-8' },
    ]);
    const knowledge = buildKnowledge(corpus);
    expect(knowledge.measures.map((m) => m.name)).toContain('进出');
    const mentions = knowledge.paragraphMeasures.map((names, i) => [corpus.paragraphs[i]!.display, names.includes('进出')] as const);
    expect(mentions.filter(([, named]) => named).map(([text]) => text)).toEqual(['临河经济开发区推行“进出”联动招商机制。']);
  });

  it('leaves out goals and strategies', () => {
    expect(findMeasureNames('实施“东拓南进”战略，推行“一窗受理”')).toEqual(['一窗受理']);
    expect(findMeasureNames('实施“湾区战略”')).toEqual([]);
  });

  it('leaves out slogans and their parts', () => {
    const names = findMeasureNames('坚持“工业强区、科技兴区、人才立区、生态美区”，推行“容缺办理”');
    expect(new Set(names)).toEqual(new Set(['容缺办理']));
    expect(findMeasureNames('坚持“科技兴市”')).toEqual([]);
  });

  it('keeps an enumeration whole where its parts are no practices alone', () => {
    expect(findMeasureNames('推行“三集中、一分开”审批模式')).toEqual(['三集中、一分开']);
    expect(findMeasureNames('实行“一窗受理、集成服务”')).toEqual(['一窗受理', '集成服务']);
  });

  it('groups a practice with its modified forms (前台一窗受理, a time word added)', () => {
    const catalogue = buildMeasureCatalogue(['推行“一窗受理”', '实行“一窗受理”', '推行“前台一窗受理”', '实现“拿地即开工”', '实现“拿地当日即开工”', '推行“互联网+一窗受理”']);
    const groupOf = (v: string) => catalogue.find((m) => m.variants.includes(v))!;
    expect(groupOf('前台一窗受理').name).toBe('一窗受理');
    expect(groupOf('拿地当日即开工')).toBe(groupOf('拿地即开工'));
    expect(groupOf('互联网+一窗受理')).not.toBe(groupOf('一窗受理'));
    // Joined whichever is mentioned more: a short name inside a longer one, and a longer one built on a short one.
    for (const texts of [['“一条龙”服务', '“一条龙服务”', '“一条龙服务”'], ['“一条龙”服务', '“一条龙”服务', '“一条龙服务”']]) {
      const grouped = buildMeasureCatalogue(texts);
      expect(grouped.map((m) => m.variants.sort())).toEqual([['一条龙', '一条龙服务']]);
    }
  });

  it('003: the service the zone replaced (企业上门求服务) is no measure; the one it applies is', () => {
    const names = findMeasureNames(normalizeForMatch(seedText('003')));
    expect(names).not.toContain('企业上门求服务');
    expect(names).not.toContain('企业找政策');
    expect(names).toContain('干部主动送服务');
  });
});

describe('knowledge of the seeds', () => {
  const corpus = seedCorpus();
  const knowledge = buildKnowledge(corpus);

  it('links measures to the zones and paragraphs that name them', () => {
    const oneWindow = resolveMeasure('一窗受理', knowledge.measures);
    expect('found' in oneWindow).toBe(true);
    if (!('found' in oneWindow)) return;
    expect(oneWindow.found.citations.map((c) => c.slice(0, 3)).sort()).toEqual(['002', '004']);
    expect(oneWindow.found.zones).toContain('济南新材料产业园区');
  });

  it('resolves a zone from pinyin, Traditional and short forms', () => {
    for (const typed of ['jibei', 'Ji Bei', '濟北開發區', '济北', '济南济北经济开发区']) {
      const r = resolveZone(typed, knowledge.zones);
      expect('found' in r && r.found.name, typed).toBe('济北开发区');
    }
    const ambiguous = resolveZone('济', knowledge.zones);
    expect('candidates' in ambiguous).toBe(true);
  });

  it('reads figures with their zone: 签约额 22.13亿元 in 济北开发区 (000)', () => {
    const figure = knowledge.figures.find((f) => f.value === '22.13');
    expect(figure).toMatchObject({ metric: '签约额', unit: '亿元', zone: '济北开发区', period: '截至5月份' });
    expect(figure!.citation.startsWith('000-')).toBe(true);
    const fdi = knowledge.figures.find((f) => f.value === '9046');
    expect(fdi).toMatchObject({ unit: '万美元', zone: '天桥区' });
  });

  it("gives Jinan's budget revenue (001-1) to no zone, and 004's figures, whose article never names its zone, to none", () => {
    const jinan = knowledge.figures.find((f) => f.value === '1001.4');
    expect(jinan).toBeDefined();
    expect(jinan!.zone).toBeUndefined();
    const fixedAssets = knowledge.figures.find((f) => f.value === '44.47');
    expect(fixedAssets!.citation.startsWith('004-')).toBe(true);
    expect(fixedAssets!.zone).toBeUndefined();
    // A value is shown as written: 150余批次, not 150批次.
    expect(knowledge.figures.find((f) => f.value === '150' && f.unit === '批次')).toMatchObject({ written: '150余批次', zone: '钢城经济开发区' });
    // 园区 in 001-23 refers to the one zone its paragraph names.
    expect(knowledge.figures.find((f) => f.value === '129.46')).toMatchObject({ zone: '济北开发区' });
  });
});
