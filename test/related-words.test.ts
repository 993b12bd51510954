/**
 * Metric words that name the same figure: related at build time through CC-CEDICT (entries written here), kept
 * in the snapshot, counted below the asked word in the index as the same term; and the answer picker's figure
 * rule: the sentence stating the asked metric's figure answers, not one where a number only qualifies a noun.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dictionaryReads, type Entry } from '../src/lang/dictionary.ts';
import { relateMetricWords } from '../src/lang/metric-relations.ts';
import { openEngine } from '../src/engine/open.ts';
import { InvertedIndexBuilder } from '../src/search/inverted-index.ts';
import type { SearchEngine } from '../src/search/engine.ts';
import { SEEDS_DIR } from './seeds.ts';

let engine: SearchEngine;
beforeAll(async () => {
  engine = (await openEngine({ corpusDir: SEEDS_DIR, snapshot: false })).engine;
});

describe('related metric words', () => {
  // [traditional, simplified, pinyin, meanings, variants, classifiers], as the package has them.
  const entries: Entry[] = [
    ['簽約', '签约', 'qian1 yue1', 'to sign a contract or agreement', [], []],
    ['合同', '合同', 'he2 tong5', ['contract', 'agreement'], [], []],
    // `sign` glosses many entries: it says little.
    ['標誌', '标志', 'biao1 zhi4', ['sign', 'mark'], [], []],
    ['簽名', '签名', 'qian1 ming2', 'to sign (one\'s name)', [], []],
    ['符號', '符号', 'fu2 hao4', ['sign', 'symbol'], [], []],
    ['招牌', '招牌', 'zhao1 pai5', 'signboard; sign', [], []],
    ['今年', '今年', 'jin1 nian2', 'this year', [], []],
    ['去年', '去年', 'qu4 nian2', 'last year', [], []],
    ['項目', '项目', 'xiang4 mu4', ['item', 'project'], [], []],
    ['工程', '工程', 'gong1 cheng2', ['project', 'engineering'], [], []],
  ];

  it('relates a word to the corpus metric word glossed with the same specific English, weighted below 1', () => {
    const table = new Map(relateMetricWords(engine, entries));
    const signing = table.get('合同')?.find(([term]) => term === '签约');
    expect(signing).toBeDefined();
    expect(signing![1]).toBeGreaterThan(0);
    expect(signing![1]).toBeLessThan(1);
  });

  it('relates no words that share only a general English word, and never expands a generic corpus word', () => {
    const table = new Map(relateMetricWords(engine, entries));
    expect(table.get('今年') ?? []).not.toContainEqual(expect.arrayContaining(['去年']));
    // 项目 is in more than a fifth of the seeds' paragraphs.
    expect(table.has('项目')).toBe(false);
    expect(table.get('工程') ?? []).not.toContainEqual(expect.arrayContaining(['项目']));
  });

  it('keeps the table in the snapshot, and a loaded engine answers a Chinese question without the dictionary', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-related-'));
    const built = await openEngine({ corpusDir: SEEDS_DIR, cacheDir });
    const reads = dictionaryReads();
    const loaded = await openEngine({ corpusDir: SEEDS_DIR, cacheDir });
    expect(loaded.stats.fromSnapshot).toBe(true);
    expect(loaded.engine.related.table()).toEqual(built.engine.related.table());
    expect(loaded.engine.related.size).toBeGreaterThan(0);
    loaded.engine.search('济北开发区合同金额多少');
    loaded.engine.answer(loaded.engine.search('济北开发区合同金额多少', { limit: 1 }).hits[0]!.index, '济北开发区合同金额多少');
    expect(dictionaryReads()).toBe(reads);
  });
});

describe('words sharing a sense of several English words', () => {
  // A made-up zone whose figures measure 增速 among other things, in paragraphs enough for it not to be generic.
  let zone: SearchEngine;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-senses-'));
    const filler = ['园区道路两侧种上了新的行道树。', '管委会组织职工开展了义务劳动。', '夜校开设了电工和焊工课程。', '社区食堂在周末照常开放。', '志愿者为老人检修了家用电器。'];
    const text = ['青禾经济开发区前三季度经济运行平稳', '', '2023-10-20 09:00:00 来源: 青禾日报', '', '今年前三季度,青禾经济开发区规上工业增速12.5%,新签约项目23个。', ...filler.flatMap((f) => ['', f])];
    writeFileSync(path.join(dir, '001.txt'), text.join('\n'));
    zone = (await openEngine({ corpusDir: dir, snapshot: false })).engine;
  });
  const entries: Entry[] = [
    ['增速', '增速', 'zeng1 su4', ['to speed up; to accelerate', '(economics) growth rate'], [], []],
    ['增幅', '增幅', 'zeng1 fu2', ['growth rate', 'amplification'], [], []],
    // The same sense, with no character in common; and a sense of one English word only.
    ['漲率', '涨率', 'zhang3 lu:4', 'growth rate', [], []],
    ['提速', '提速', 'ti2 su4', 'to speed up', [], []],
  ];

  it('relates a word to a corpus metric word with a sense in the same English words, though their other senses differ', () => {
    const table = new Map(relateMetricWords(zone, entries));
    expect(table.get('增幅')?.map(([term]) => term)).toContain('增速');
  });

  it('does not relate words without a character in common, nor by a one-word sense', () => {
    const table = new Map(relateMetricWords(zone, entries));
    expect(table.get('涨率') ?? []).toEqual([]);
    expect(table.get('提速') ?? []).toEqual([]);
  });
});

describe('a related term in the index', () => {
  // Documents: 0 holds the asked word, 1 a related word, 2 both.
  const builder = new InvertedIndexBuilder(1);
  for (const terms of [['合同', '金额'], ['签约', '金额'], ['合同', '签约', '金额'], ['其他']]) builder.add([terms]);
  const index = builder.finish();
  const fields = [{ field: 0, boost: 1 }];

  it('counts below the word it stands for, and with it as one term matched', () => {
    const { hits } = index.search([
      { terms: ['合同', '金额'], fields },
      { terms: ['签约'], fields, weights: [0.5], standsFor: ['合同'] },
    ]);
    const score = new Map(hits.map((h) => [h.doc, h.score]));
    expect(score.get(0)!).toBeGreaterThan(score.get(1)!);
    // Document 2 matches two distinct terms (合同 or 签约, and 金额), as document 0 does: not three.
    const alone = index.search([{ terms: ['合同', '金额'], fields }]).hits.find((h) => h.doc === 2)!.score;
    const withRelated = score.get(2)!;
    expect(withRelated / alone).toBeLessThan(1.5);
  });
});

describe('the answer sentence of a figure question', () => {
  it('is the one stating the asked metric, not the one where the number only qualifies a noun', () => {
    const question = '开发区上半年固定资产投资额';
    const paragraph = engine.corpus.paragraphs.findIndex((p) => p.normalized.includes('实现固定资产投资44.47亿元'));
    expect(engine.answer(paragraph, question).sentence.display).toContain('44.47亿元');
  });

  it('is not a date for a how-many question', () => {
    const question = '智能传感器产业园有多少家企业签约入园';
    const paragraph = engine.corpus.paragraphs.findIndex((p) => p.normalized.includes('智能传感器产业园开工'));
    expect(engine.answer(paragraph, question).sentence.display).toMatch(/\d+家/u);
  });
});
