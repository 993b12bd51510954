/**
 * Who wrote or edited an article: the credit lines a page gives (a byline under the headline, an editor block that
 * closes an article or the whole page) are kept as the article's credits, and a question of who wrote or edited
 * it is answered by them. A made-up newspaper page about 临河开发区, in this file's own words.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../commands/ask.ts';
import { execute } from '../src/command.ts';
import { articleMeta } from '../src/corpus/metadata.ts';
import { splitArticles } from '../src/corpus/structure.ts';
import { openEngine } from '../src/engine/open.ts';
import type { CommandContext } from '../src/results.ts';
import { citesOutlet } from '../src/corpus/metadata.ts';
import { askedCredit, creditLines } from '../src/search/asked-credit.ts';

const PAGE = [
  '临河开发区上半年经济运行稳中有进',
  '——全区上半年经济社会发展回顾',
  '□李青禾',
  '上半年,临河开发区规模以上工业总产值完成86.4亿元,同比增长7.5%,固定资产投资完成21.3亿元,各项指标稳中有进。',
  '开发区坚持项目为王,实行重点项目周调度、月通报,全年计划实施重点项目40个。',
  '',
  '孙晓明来开发区调研',
  '临河讯(赵明远)8月2日,市委常委孙晓明带队来开发区调研重点项目建设和企业服务工作,先后走访了三家企业。',
  '孙晓明要求,要持续优化营商环境,为企业发展提供更好服务。',
  '',
  '编辑：周林 组版：吴桐',
].join('\n');

describe('credits of an article', () => {
  it('keeps the byline under the headline, and an editor block at the page’s end for every article on it', () => {
    const drafts = splitArticles(PAGE);
    expect(drafts.length).toBe(2);
    const metas = drafts.map((d) => articleMeta(d, PAGE));
    expect(metas[0]!.credits).toEqual(['□李青禾', '编辑：周林 组版：吴桐']);
    // The second article's writer is named in its lede, a sentence of its text: only the page's editors are a credit line.
    expect(metas[1]!.credits).toEqual(['编辑：周林 组版：吴桐']);
    expect(metas[1]!.author).toBe('赵明远');
  });

  it('keeps the page’s editor block after a list of the page’s other stories (今日导读), and none of the list', () => {
    const page = [PAGE.replace('\n\n编辑：周林 组版：吴桐', ''), '', '今日导读', '', '青禾园区 新建标准厂房', '', '2版', '', '统稿:周林 本版责编:吴桐'].join('\n');
    const drafts = splitArticles(page);
    expect(drafts.length).toBe(2);
    expect(drafts.map((d) => articleMeta(d, page).credits)).toEqual([['□李青禾', '统稿:周林 本版责编:吴桐'], ['统稿:周林 本版责编:吴桐']]);
    expect(drafts.flatMap((d) => d.paragraphs.map((p) => p.text)).join('')).not.toContain('标准厂房');
  });

  it('credits an editor block between articles to the article before it, once, and names nobody with an empty credit', () => {
    // The editor block is repeated above the article, as a web page may show it: each line once.
    const text = ['责任编辑:钱程', '临河开发区签约项目12个', '作者：王青', '临河开发区今年签约项目12个,总投资58亿元。', '初审编辑:', '责任编辑:钱程', '青禾园区新增企业30家', '作者：何川', '青禾园区今年新增企业30家。'].join('\n');
    const metas = splitArticles(text).map((d) => articleMeta(d, text));
    expect(metas.map((m) => m.credits)).toEqual([['作者：王青', '责任编辑:钱程'], ['作者：何川']]);
  });

  it('puts first the credit line of the title the question names', () => {
    const article = { index: 0, file: 'a.txt', title: '', paragraphs: [], credits: ['作者：王青', '初审编辑:李川', '责任编辑:钱程'] };
    expect(creditLines(article, 'editor', '这篇的编辑是谁')).toEqual(['初审编辑:李川', '责任编辑:钱程']);
    expect(creditLines(article, 'editor', '这篇的责任编辑是谁')).toEqual(['责任编辑:钱程', '初审编辑:李川']);
    expect(creditLines(article, 'author', '这篇是谁写的')).toEqual(['作者：王青']);
    // A title asked as verb and object (谁统的稿) names the line with that title.
    const page = { ...article, credits: ['编辑：周林', '统稿:吴桐 本版责编:钱程'] };
    expect(creditLines(page, 'editor', '这版是谁统的稿')).toEqual(['统稿:吴桐 本版责编:钱程', '编辑：周林']);
  });
});

describe('a question of who wrote or edited it', () => {
  it('is read from who wrote, the author, the editor, in Chinese and English; not from whom a reporter met', () => {
    expect(askedCredit('那篇回顾是谁写的')).toBe('author');
    expect(askedCredit('这篇稿子的作者叫什么')).toBe('author');
    expect(askedCredit('那条稿子是哪位写的')).toBe('author');
    expect(askedCredit('Who wrote the report on Linhe?')).toBe('author');
    expect(askedCredit('这一版的编辑是谁')).toBe('editor');
    expect(askedCredit('临河那一版是谁组的版')).toBe('editor');
    expect(askedCredit('青禾那篇综述谁统的稿')).toBe('editor');
    expect(askedCredit('记者采访了谁')).toBeUndefined();
    expect(askedCredit('谁来开发区调研')).toBeUndefined();
  });

  it('is read from which outlet ran it, not from where money comes from', () => {
    expect(askedCredit('临河那篇稿子来源于哪家媒体')).toBe('source');
    expect(askedCredit('Which outlet published the Linhe report?')).toBe('source');
    expect(askedCredit('项目资金来源是什么')).toBeUndefined();
    const article = { index: 0, file: 'linhe.txt', title: '临河开发区上半年经济运行', source: '青禾日报', paragraphs: [] };
    expect(creditLines(article, 'source')).toEqual(['来源: 青禾日报']);
    expect(creditLines({ ...article, source: undefined }, 'source')).toEqual([]);
    // Nor from a which-question about an app or a platform.
    expect(askedCredit('临河开发区依托的是什么平台')).toBeUndefined();
    // A passage citing an outlet (a page of press coverage) answers it in the text.
    expect(citesOutlet('青禾日报:临河开发区加速打造新材料产业集群')).toBe(true);
    expect(citesOutlet('临河开发区加速打造新材料产业集群')).toBe(false);
  });

  let context: CommandContext;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-credits-'));
    writeFileSync(path.join(dir, 'linhe.txt'), PAGE);
    context = { engine: (await openEngine({ corpusDir: dir, snapshot: false })).engine };
  });

  it('is answered first by the credit line of the article its words find, marked as the credit', () => {
    const author = execute(ask, context, { question: '临河开发区上半年经济运行那篇回顾是谁写的' });
    expect(author.hits[0]!.answer).toBe('□李青禾');
    expect(author.hits[0]!.credit).toBe(true);
    const editor = execute(ask, context, { question: '临河开发区上半年经济运行那一版的编辑是谁' });
    expect(editor.hits[0]!.answer).toBe('编辑：周林 组版：吴桐');
  });

  it('is answered by the sentence naming the writer where the article names it in its text', () => {
    const page = execute(ask, context, { question: '孙晓明来开发区调研那篇是谁写的' });
    expect(page.hits[0]!.answer).toContain('临河讯(赵明远)');
    expect(page.hits[0]!.credit).toBeUndefined();
  });

  it('leaves other who-questions to the passages', () => {
    const page = execute(ask, context, { question: '谁带队来开发区调研' });
    expect(page.hits.every((h) => !h.credit)).toBe(true);
  });
});
