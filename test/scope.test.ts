/**
 * Saying what is not there (issue 9): a question about a place the corpus lacks is told so before any passage, and
 * the passages are marked as not about it; a question naming a zone gets that zone's passages first; /zone shows
 * every article about the zone on its first page. The seeds plus two articles written here about another zone
 * whose figures compete with the seeds' for the same words.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../commands/ask.ts';
import { zone } from '../commands/zone.ts';
import { execute } from '../src/command.ts';
import { openEngine } from '../src/engine/open.ts';
import type { CommandContext } from '../src/results.ts';
import { scopeOf } from '../src/search/scope.ts';
import { SEEDS_DIR } from './seeds.ts';

let context: CommandContext;
beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-scope-'));
  cpSync(SEEDS_DIR, dir, { recursive: true });
  writeFileSync(
    path.join(dir, '900_linhe.txt'),
    '临河经济开发区招商引资成效显著\n\n今年以来，临河经济开发区新签约项目30个，签约额45.2亿元，新签约项目数量和签约额均居全市第一。\n\n临河经济开发区推行“拿地即开工”，新签约项目平均用时缩短一半。\n',
  );
  writeFileSync(path.join(dir, '901_linhe.txt'), '临河经济开发区：新签约项目再提速\n\n截至9月底，临河经济开发区新签约项目41个，签约额58.6亿元。\n');
  const opened = await openEngine({ corpusDir: dir, snapshot: false });
  context = { engine: opened.engine, stats: opened.stats };
});

describe('a question about what the corpus does not hold', () => {
  it('says so first and marks every passage as not about it', () => {
    const page = execute(ask, context, { question: '上海浦东新区新签约了多少项目' });
    expect(page.notice).toEqual({ code: 'not-in-corpus', detail: '上海浦东新区' });
    expect(page.hits.length).toBeGreaterThan(0);
    for (const hit of page.hits) expect(hit.notAbout).toEqual(['上海浦东新区']);
  });

  it('knows a zone of a city the corpus lacks, and a city it lacks, by the names the question writes', () => {
    expect(scopeOf(context.engine, '东营经开区实际使用外资多少').missing).toEqual(['东营经开区']);
    expect(scopeOf(context.engine, '杭州市的营商环境怎么样').missing).toEqual(['杭州市']);
    // A district by its short name, as people ask.
    expect(scopeOf(context.engine, '浦东签约了多少项目').missing).toEqual(['浦东']);
  });

  it('knows a place asked in English or pinyin, which reading the question into Chinese would drop', () => {
    const page = execute(ask, context, { question: 'How many projects did Pudong New Area sign?' });
    expect(page.notice).toEqual({ code: 'not-in-corpus', detail: 'Pudong' });
    expect(page.hits.every((h) => h.notAbout?.includes('Pudong'))).toBe(true);
    for (const question of ["What did Jinan's budget revenue reach?", 'jibei kaifaqu qianyue xiangmu', 'How many projects did Gangcheng Economic Development Zone sign?']) {
      expect(execute(ask, context, { question }).notice, question).toBeUndefined();
    }
  });

  it('says nothing of the kind for places and zones the corpus covers', () => {
    // 钢城 is a district's short name and the corpus's 钢城经济开发区; 资源 of 资源化 is a county's short name inside a word.
    for (const question of ['济南市一般公共预算收入', '济北开发区新签约项目多少个', '濟南新材料產業園區融通科技產業園', '历下区落户了哪家公司', '钢城签约了几个项目', '资源化利用项目有多少']) {
      const page = execute(ask, context, { question });
      expect(page.notice, question).toBeUndefined();
      expect(page.hits.every((h) => h.notAbout === undefined), question).toBe(true);
    }
  });
});

describe('a zone typed with a character of the same sound', () => {
  it('is the corpus zone that sounds so, not a zone the corpus lacks (钢成经开区 is 钢城经济开发区)', () => {
    const page = execute(ask, context, { question: '钢成经开区签约了多少项目' });
    expect(page.notice).toBeUndefined();
    expect(page.hits[0]!.zones).toContain('钢城经济开发区');
    // Another sound is another zone: 北京 is not 济北, nor anything the corpus holds.
    expect(execute(ask, context, { question: '北京经开区签约了多少项目' }).notice?.code).toBe('not-in-corpus');
  });
});

describe('a question that names a zone', () => {
  it("puts that zone's passages before other zones' passages", () => {
    for (const [question, named] of [
      ['济北开发区新签约项目多少个，签约额多少', '济北开发区'],
      ['临河经济开发区新签约项目多少个', '临河经济开发区'],
    ] as const) {
      const page = execute(ask, context, { question });
      const about = page.hits.map((h) => h.zones.includes(named));
      expect(about[0], question).toBe(true);
      // Once a passage about another zone comes, none about the named zone follows.
      expect(about.slice(about.indexOf(false) >= 0 ? about.indexOf(false) : about.length).every((a) => !a), question).toBe(true);
    }
  });
});

describe('paging a question that names a zone', () => {
  it('shows every matching passage once across the pages, the named zone first', () => {
    const question = '临河经济开发区新签约项目和签约额';
    const first = execute(ask, context, { question });
    const seen: string[] = [];
    for (let page = 1; page <= first.pages; page++) seen.push(...execute(ask, context, { question, page }).hits.map((h) => h.citation));
    expect(first.pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(first.total);
  });
});

describe('/zone', () => {
  it('shows a passage of every article about the zone on its first page', () => {
    const page = execute(zone, context, { name: '济北' });
    const articles = new Set(page.hits.map((h) => h.file));
    expect(articles.size).toBe(Math.min(page.zone!.articles.length, page.pageSize));
    expect(page.zone!.articles.length).toBeGreaterThan(1);
  });
});
