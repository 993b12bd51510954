/**
 * Counts and amounts in an English question, read as the corpus writes them: scale words in 万 and 亿, months by
 * number, and the measure word a how-many question counts in, taken from how the corpus counts the noun; and the
 * unit a question asks in, which says how the answer is written, not what it is about. Excerpts
 * about made-up zones, in this file's own words and numbers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../src/engine/open.ts';
import { chineseNumber, rewriteNumbers } from '../src/lang/english-numbers.ts';
import { countedNoun } from '../src/lang/english.ts';
import type { SearchEngine } from '../src/search/engine.ts';
import { measureWordOf } from '../src/search/measure-words.ts';

describe('amounts in English', () => {
  it('counts a scale word in 万 and 亿, as Chinese does', () => {
    expect(chineseNumber(1e8)).toBe('1亿');
    expect(chineseNumber(2.5e9)).toBe('25亿');
    expect(chineseNumber(1.2e6)).toBe('120万');
    expect(chineseNumber(10_000)).toBe('1万');
    expect(chineseNumber(800)).toBe('800');
  });

  it('writes a sum with its currency after the number, and leaves plain numbers and years alone', () => {
    expect(rewriteNumbers('projects over 100 million yuan')).toBe('projects over 1亿元');
    expect(rewriteNumbers('US$30 million of foreign capital')).toBe('3000万美元 of foreign capital');
    expect(rewriteNumbers('In 2019, 12 firms grew 8.5%')).toBe('In 2019, 12 firms grew 8.5%');
  });

  it('writes months by number, a range as first-last, and leaves the verb may alone', () => {
    expect(rewriteNumbers('from January to October').trim()).toBe('1-10月');
    expect(rewriteNumbers('by the end of May').trim()).toBe('by the end of  5月');
    expect(rewriteNumbers('output may rise')).toBe('output may rise');
  });

  it('writes a half-year or quarter (H1, Q3) as the corpus does, and leaves other letter-digit words alone', () => {
    expect(rewriteNumbers('Linhe H1 review').replace(/\s+/gu, ' ')).toBe('Linhe 上半年 review');
    expect(rewriteNumbers('exports in Q3').replace(/\s+/gu, ' ').trim()).toBe('exports in 三季度');
    expect(rewriteNumbers('H5 and Q7 and 5G')).toBe('H5 and Q7 and 5G');
  });
});

describe('what a how-many question counts', () => {
  it('is the first plural of its phrase, before the verb that ends it', () => {
    expect(countedNoun("How many of Linhe's signed projects have broken ground?")).toBe('projects');
    expect(countedNoun('how many supporting roads will the park build')).toBe('roads');
    expect(countedNoun('how many people work there')).toBeUndefined();
    expect(countedNoun('how much did Linhe invest')).toBeUndefined();
  });
});

describe('the measure word the corpus counts a noun in', () => {
  let engine: SearchEngine;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-counts-'));
    const text = [
      '临河开发区今年新增规上企业12家',
      '绵阳临河开发区今年新增规上企业12家,派出38名党员干部走访企业,签约项目7个。',
      '园区现有高新技术企业41家,其中9家企业入选省级“专精特新”名单;每一个企业都有专人对接。',
    ].join('\n\n');
    writeFileSync(path.join(dir, '001-linhe.txt'), text);
    engine = (await openEngine({ corpusDir: dir, snapshot: false })).engine;
  });

  it('is the unit its counts of the noun use most, before or after it, modifiers between', () => {
    expect(measureWordOf(engine, ['企业'])).toBe('家');
    expect(measureWordOf(engine, ['干部'])).toBe('名');
    expect(measureWordOf(engine, ['项目'])).toBe('个');
  });

  it('is none for a noun the corpus never counts', () => {
    expect(measureWordOf(engine, ['名单'])).toBeUndefined();
  });
});

describe('the unit a question asks in', () => {
  it('is no word to search by: a paragraph sharing only 名 with the question comes after one sharing its topic', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-unit-'));
    const paragraphs = ['临河开发区工作简报', '临河开发区派出干部38名驻企服务。', '临河开发区综合考评位居全省第5名。', '临河开发区干部培训班开班。'];
    writeFileSync(path.join(dir, '001-linhe.txt'), paragraphs.join('\n\n'));
    const { engine: small } = await openEngine({ corpusDir: dir, snapshot: false });
    const ranked = small.search('临河开发区派出多少名干部').hits.map((h) => small.corpus.paragraphs[h.index]!.display);
    expect(ranked.indexOf(paragraphs[3]!)).toBeLessThan(ranked.indexOf(paragraphs[2]!));
  });
});
