/** Pinyin inside questions: read into the corpus's own words, with or without spaces and tones, never guessed. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../commands/ask.ts';
import { execute } from '../src/command.ts';
import { openEngine } from '../src/engine/open.ts';
import type { CommandContext } from '../src/results.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPinyinTable, pinyinWords, rewritePinyin, soundsIn, spelledNextTo } from '../src/search/pinyin-query.ts';
import { SEEDS_DIR } from './seeds.ts';

let context: CommandContext;
beforeAll(async () => {
  context = { engine: (await openEngine({ corpusDir: SEEDS_DIR, snapshot: false })).engine };
});

describe('the pinyin table', () => {
  it('leaves out a key that two words share', () => {
    const table = buildPinyinTable(['试验', '实验', '园区', '园区']);
    expect(table.get('yuanqu')).toBe('园区');
    expect(table.has('shiyan')).toBe(false);
  });

  it('reads runs of words, joined or spaced, and keeps what spells no corpus word', () => {
    const table = buildPinyinTable(['东湖', '产业园区', '审批']);
    const read = (text: string) => pinyinWords(text.split(' '), table).map((p) => p.text).join('|');
    expect(read('donghu chanyeyuanqu')).toBe('东湖产业园区');
    expect(read('donghuchanyeyuanqu')).toBe('东湖产业园区');
    expect(read('dōnghú shenpi')).toBe('东湖审批');
    expect(read('hello donghu')).toBe('hello|东湖');
  });
});

describe('pinyin in questions about the seeds', () => {
  it('turns zone names and corpus words in pinyin into Han, with or without spaces and tones', () => {
    const { engine } = context;
    expect(rewritePinyin('jibei开发区签约额', engine)).toBe('济北开发区签约额');
    expect(rewritePinyin('gāngchéng 接待客商', engine)).toContain('钢城');
    expect(rewritePinyin('xincailiao chanyeyuanqu 审批大厅', engine)).toContain('新材料产业园区');
    expect(rewritePinyin('济北开发区', engine)).toBe('济北开发区');
  });

  it('/ask finds the passage for a question naming its zone in pinyin', () => {
    const page = execute(ask, context, { question: 'gangcheng kaifaqu 接待客商考察多少批次' });
    expect(page.hits[0]!.file.startsWith('003')).toBe(true);
    expect(page.hits[0]!.answer).toContain('150余批次');
    expect(page.query).toBe('gangcheng kaifaqu 接待客商考察多少批次');
  });
});

describe('a Chinese question with pinyin the table cannot read', () => {
  it('keeps its Chinese words: it is not taken for English', async () => {
    const { readUserQuestion } = await import('../src/lang/question.ts');
    // Three pinyin words spell no corpus word (新 and 实践站 are not words of the index); the Chinese still counts.
    const read = readUserQuestion(context.engine, 'liaocheng kaifaqu 建了多少处 xinshidai wenming shijianzhan');
    expect(read.glosses).toBeUndefined();
    expect(read.query).toContain('建了多少处');
    const page = execute(ask, context, { question: 'gangcheng 接待客商考察了多少批次 kehu kaocha pici jiedai shuliang' });
    expect(page.hits[0]!.answer).toContain('150余批次');
  });
});

describe('a typed pinyin checked by sound in a text', () => {
  it('holds where the text sounds so across punctuation, and nowhere else', () => {
    expect(soundsIn('实行周调度、月观摩、半年评比', 'zhou diaodu yue guanmo')).toBe(true);
    expect(soundsIn('实行周调度、月观摩、半年评比', 'Zhōu diàodù')).toBe(true);
    expect(soundsIn('实行周调度、月观摩、半年评比', 'zhou diaodu nian guanmo')).toBe(false);
    expect(soundsIn('实行周调度', '')).toBe(false);
  });
});

describe('a pinyin word no corpus word spells, next to one that was read', () => {
  it('is read by the sound of the text the corpus writes next to that word (国测 yidadui → 国测一大队)', () => {
    const { engine } = context;
    // 一大队 and 新时代 are no words of the index (jieba cuts 一|大队, 新|时代), 实践 alone sounds as 时间.
    expect(rewritePinyin('guoce yidadui 是哪个单位', engine)).toBe('国测一大队 是哪个单位');
    expect(rewritePinyin('xinshidai wenming shijianzhan 有几处', engine)).toBe('新时代文明实践站 有几处');
    // English words next to a name are no pinyin, and stay as typed.
    expect(rewritePinyin('What did Jibei sign', engine)).toBe('What did 济北 sign');
  });

  it('stays as typed where the corpus writes two different things that sound so', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-spelled-'));
    // 试验 and 实验 sound alike (shiyan): after 青川, the text has both.
    writeFileSync(path.join(dir, '001_qingchuan.txt'), '青川试验区扩区\n\n青川试验区今年新签约项目12个。青川实验室同步挂牌。\n');
    const { engine } = await openEngine({ corpusDir: dir, snapshot: false });
    expect(spelledNextTo(engine, '青川', 'shiyan', 1)).toBeUndefined();
    expect(spelledNextTo(engine, '青川', 'shiyanqu', 1)).toBe('试验区');
  });
});
