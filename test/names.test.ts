/**
 * Name lookup (src/search/names.ts) and what uses it: autocomplete, and resolution in /zone, /measure, /stats.
 * Partial pinyin, typos, abbreviations and English find the name; Han input is never matched fuzzily.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { measure } from '../commands/measure.ts';
import { stats } from '../commands/stats.ts';
import { zone } from '../commands/zone.ts';
import { execute } from '../src/command.ts';
import { measureChoices, metricChoices, zoneChoices } from '../src/discord/autocomplete.ts';
import { openEngine } from '../src/engine/open.ts';
import { englishName, resolveZone } from '../src/extract/resolve.ts';
import type { CommandContext } from '../src/results.ts';
import { NameIndex } from '../src/search/names.ts';
import { editDistance, syllableTypos } from '../src/search/syllable-match.ts';
import { SEEDS_DIR } from './seeds.ts';

let context: CommandContext;
beforeAll(async () => {
  context = { engine: (await openEngine({ corpusDir: SEEDS_DIR, snapshot: false })).engine };
});

describe('NameIndex', () => {
  // Names of our own making, each with its pinyin, as the gazetteer gives them.
  const names = [
    ['北京经济技术开发区', 'beijingjingjijishukaifaqu'],
    ['南京高新区', 'nanjinggaoxinqu'],
    ['东湖产业园', 'donghuchanyeyuan'],
  ];
  const index = new NameIndex(names, (n) => n);
  const found = (typed: string) => index.find(typed).map((m) => m.item[0]);

  it('never matches Han input fuzzily: 北京 is not 南京', () => {
    expect(found('北京')).toEqual(['北京经济技术开发区']);
    expect(found('西京')).toEqual([]);
  });

  it('matches Han input by prefix, substring and in-order abbreviation', () => {
    expect(found('东湖')).toEqual(['东湖产业园']);
    expect(found('高新')).toEqual(['南京高新区']);
    expect(found('北京经开')).toEqual(['北京经济技术开发区']);
    expect(found('北开京')).toEqual([]);
  });

  it('reads Han input that matches no name by its sound, exactly: a character of the same sound is a slip', () => {
    expect(found('北荆经开区')).toEqual(['北京经济技术开发区']);
    expect(found('南经高新去')).toEqual(['南京高新区']);
    // Another sound is another name, and a sound not spelled in order is none.
    expect(found('北金经开区')).toEqual([]);
    expect(found('经开北荆')).toEqual([]);
  });

  it('matches Latin input by prefix, with or without spaces, tones and typos', () => {
    expect(found('donghu')[0]).toBe('东湖产业园');
    expect(found('dong hu chan')[0]).toBe('东湖产业园');
    expect(found('dōnghú')[0]).toBe('东湖产业园');
    expect(found('donghuchanyeyaun')[0]).toBe('东湖产业园');
    // Short input allows no typo: `xx` finds nothing rather than anything.
    expect(found('xx')).toEqual([]);
  });

  it('matches a whole name typed with more words after it, as Han input may hold one, but not a name begun', () => {
    expect(found('donghu chanyeyuan guanweihui')).toEqual(['东湖产业园']);
    expect(found('dong hu chan ye yaun xinwen')).toEqual(['东湖产业园']);
    expect(found('nanjing xinwen')).toEqual([]);
  });

  it('matches pinyin abbreviated as the characters are, with a swapped pair of letters in a syllable', () => {
    expect(found('beijing jingkaiqu')).toEqual(['北京经济技术开发区']);
    expect(found('beijnig jingkaiqu')).toEqual(['北京经济技术开发区']);
    expect(found('donghu chanye')).toEqual(['东湖产业园']);
    // Syllables out of order, a kind the zone is not, a first letter off: no match.
    expect(found('jingkai beijingqu')).toEqual([]);
    expect(found('nanjing jingkaiqu')).toEqual([]);
    expect(found('veijing jingkaiqu')).toEqual([]);
  });
});

describe('syllable matching', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('chneg', 'cheng')).toBe(1);
    expect(editDistance('cheng', 'cheng')).toBe(0);
    expect(editDistance('ji', 'qi')).toBe(1);
  });

  it('spells syllables in order from the first, leaving some out, within the typo budget', () => {
    const syllables = ['bei', 'jing', 'jing', 'ji', 'ji', 'shu', 'kai', 'fa', 'qu'];
    expect(syllableTypos('beijingjingkaiqu', syllables, 2)).toBe(0);
    expect(syllableTypos('beijingjnigkaiqu', syllables, 2)).toBe(1);
    expect(syllableTypos('beijingjnigkaiqu', syllables, 0)).toBeUndefined();
    // A short syllable holds no typo: qi is not ji.
    expect(syllableTypos('beijingqikaiqu', syllables, 2)).toBeUndefined();
    // A name still being typed: the last syllable a prefix.
    expect(syllableTypos('beijingjingk', syllables, 2)).toBe(0);
  });
});

describe('zone names in English', () => {
  it('are the pinyin of the proper part and the English of the kind', () => {
    expect(englishName('钢城经济开发区')).toBe('gangcheng economic development zone');
    expect(englishName('东湖产业园区')).toBe('donghu industrial park');
    expect(englishName('历下区')).toBe('lixia district');
    expect(englishName('开发区')).toBeUndefined();
  });
});

describe('resolution of what users type', () => {
  it('resolves partial pinyin, typos, abbreviations and English to the one zone', () => {
    const zones = context.engine.knowledge.zones;
    for (const [typed, name] of [
      ['jibie', '济北开发区'],
      ['gangchen', '钢城经济开发区'],
      ['jibei kaifa', '济北开发区'],
      ['济北开发', '济北开发区'],
      ['钢城经开', '钢城经济开发区'],
      ['钢成经开区', '钢城经济开发区'],
      ['Gangcheng Economic Development Zone', '钢城经济开发区'],
      ['Jibei Development Zone', '济北开发区'],
    ]) {
      const r = resolveZone(typed!, zones);
      expect('found' in r && r.found.name, typed).toBe(name);
    }
  });

  it('/zone offers the nearest names when nothing matches, never a zone for a place the corpus lacks', () => {
    const page = execute(zone, context, { name: '浦东新区' });
    expect(page.notice?.code).toBe('unknown-zone');
    expect(page.zone).toBeUndefined();
    const near = execute(zone, context, { name: '钢城新城区' });
    expect(near.zone?.name ?? near.candidates).toBeTruthy();
  });

  it('/stats takes a zone typed in pinyin with a typo', () => {
    const page = execute(stats, context, { zone: 'gangchen' });
    expect(page.notice).toBeUndefined();
    expect(page.facts!.length).toBeGreaterThan(0);
    expect(page.facts!.every((f) => f.zone === '钢城经济开发区')).toBe(true);
  });

  it('a typed word that spells a city exactly names that city, not a slip for a zone spelled one letter apart', () => {
    const zones = context.engine.knowledge.zones;
    // liaocheng is 聊城, which the seeds do not cover; licheng, lichen are 历城区 typed whole or with a slip.
    for (const typed of ['liaocheng', 'liaocheng kaifaqu']) {
      const r = resolveZone(typed, zones);
      expect('found' in r ? r.found.name : 'candidates' in r ? r.candidates.map((c) => c.name) : r.near.map((c) => c.name), typed).not.toContain('历城区');
    }
    for (const typed of ['licheng', 'lichen']) {
      const r = resolveZone(typed, zones);
      expect('found' in r && r.found.name, typed).toBe('历城区');
    }
  });

  it('/stats typed as text takes a zone name mistyped by its sound when the text names no zone and fits no metric', () => {
    const page = execute(stats, context, { text: '天侨区' });
    expect(page.notice).toBeUndefined();
    expect(page.facts!.length).toBeGreaterThan(0);
    expect(page.facts!.every((f) => f.zone === '天桥区')).toBe(true);
    // A metric alone is still a metric: every zone's figures of it.
    expect(execute(stats, context, { text: '签约额' }).facts![0]!.metric).toBe('签约额');
  });

  it('/stats takes a short form followed by the rest of the name mistyped as that name, not a metric', () => {
    const page = execute(stats, context, { text: '钢城经开去' });
    expect(page.notice).toBeUndefined();
    expect(page.facts!.length).toBeGreaterThan(0);
    expect(page.facts!.every((f) => f.zone === '钢城经济开发区')).toBe(true);
    // A metric the zone has no figure of is still that: no figures, not all of the zone's.
    expect(execute(stats, context, { text: '钢城 GDP' }).notice?.code).toBe('no-figures');
  });

  it("/stats takes a short form followed by a kind of the zone's family, or any zone's, as that zone, not a metric", () => {
    for (const text of ['钢城园区', '钢城 经开区', 'Gangcheng EDZ', 'gangcheng park', 'gangcheng jingkaiqu']) {
      const page = execute(stats, context, { text });
      expect(page.notice, text).toBeUndefined();
      expect(page.facts!.every((f) => f.zone === '钢城经济开发区'), text).toBe(true);
    }
    // Another family's kind is another zone, which the corpus does not have.
    for (const text of ['钢城高新区', 'Gangcheng high-tech zone', 'gangcheng gaoxinqu']) expect(execute(stats, context, { text }).notice?.code, text).toBe('no-figures');
  });

  it('/stats takes a metric typed in pinyin, alone or after a zone', () => {
    const metric = execute(stats, context, { metric: 'qianyuee' });
    expect(metric.facts!.length).toBeGreaterThan(0);
    expect(metric.facts![0]!.metric).toBe('签约额');
    expect(metric.facts!.map((f) => f.value)).toContain('22.13');
    const text = execute(stats, context, { text: 'gangcheng qianyue xiangmu' });
    expect(text.facts![0]!.zone).toBe('钢城经济开发区');
    expect(text.facts![0]!.metric).toBe('签约项目');
  });

  it('/measure resolves pinyin of a measure', () => {
    const page = execute(measure, context, { name: 'yichuangshouli' });
    expect(page.measure?.name).toBe('一窗受理');
  });

  it('/measure with a name not in the catalogue shows the passages that use its words and the nearest entries', () => {
    const page = execute(measure, context, { name: '一窗办理' });
    expect(page.notice?.code).toBe('measure-not-catalogued');
    expect(page.candidates).toContain('一窗受理');
    expect(page.hits.length).toBeGreaterThan(0);
    for (const h of page.hits) expect(h.text).toMatch(/一窗/u);
  });

  it('/measure with a practice noun the text does not write shows the passages writing the practice itself', () => {
    // 002 writes “多庫聯動” with no 机制 after it.
    const page = execute(measure, context, { name: '多库联动机制' });
    expect(page.notice?.code).toBe('measure-not-catalogued');
    expect(page.hits.map((h) => h.citation)).toContain('002-9');
    for (const h of page.hits) expect(h.text).toMatch(/多[库庫][联聯][动動]/u);
    // Only the practice as typed, not its words scattered: 不存在的 is in no passage.
    expect(execute(measure, context, { name: '不存在的机制' }).notice?.code).toBe('unknown-measure');
  });

  it('/measure with a practice typed in pinyin, not in the catalogue, shows the passages that write it', () => {
    // 004 writes 实行周调度、月观摩 without quotes; zhou and yue alone are no words (周 or 州, 月 or 约).
    const page = execute(measure, context, { name: 'zhou diaodu yue guanmo' });
    expect(page.notice?.code).toBe('measure-not-catalogued');
    expect(page.hits.map((h) => h.citation)).toEqual(['004-7']);
    // A syllable the text does not sound there is no match, though the words read are in the same passage.
    expect(execute(measure, context, { name: 'zhou diaodu yue guanbo' }).notice?.code).toBe('unknown-measure');
  });

  it('/measure shows the one catalogue entry near a name no passage holds, and says it is another name', () => {
    // The seeds write “一线工作法”; no passage holds 方法 with 一线.
    const page = execute(measure, context, { name: '一线工作方法' });
    expect(page.notice).toEqual({ code: 'measure-nearest', detail: '一线工作法' });
    expect(page.measure?.name).toBe('一线工作法');
    expect(page.hits.length).toBeGreaterThan(0);
    for (const h of page.hits) expect(h.text).toMatch(/一线工作法/u);
  });

  it('/measure says there is no such measure when the text lacks its words', () => {
    const page = execute(measure, context, { name: '月球基地审批' });
    expect(page.notice?.code).toBe('unknown-measure');
    expect(page.hits).toEqual([]);
  });
});

describe('autocomplete', () => {
  it('offers zones for partial pinyin, typos, abbreviations and English', () => {
    for (const typed of ['jibie', 'gangchen', 'jibei kaifa', '济北开发', '钢城经开', 'Jinan xincailiao']) {
      expect(zoneChoices(context.engine, typed).length, typed).toBeGreaterThan(0);
    }
    expect(zoneChoices(context.engine, 'jibie')[0]!.value).toBe('济北开发区');
    expect(zoneChoices(context.engine, '钢城经开')[0]!.value).toBe('钢城经济开发区');
  });

  it('says in words how far a measure reaches, in the user’s language', () => {
    const zh = measureChoices(context.engine, 'yichuang')[0]!;
    expect(zh.value).toBe('一窗受理');
    expect(zh.name).toMatch(/^一窗受理 — \d+ 个园区 · \d+ 段原文$/u);
    const en = measureChoices(context.engine, 'yichuang', 'en-US')[0]!;
    expect(en.name).toMatch(/^一窗受理 — \d+ zones? · \d+ passages?$/u);
  });

  it('offers metrics by pinyin', () => {
    expect(metricChoices(context.engine, 'qianyue').map((c) => c.value)).toContain('签约额');
  });
});
