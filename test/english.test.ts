/**
 * English questions: read through CC-CEDICT (restricted to the corpus's words) into the corpus's Chinese terms,
 * zone names through their English forms; the dictionary loaded only when the first English question arrives;
 * excerpts carry the matched terms with their English, drawn by both renderers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../commands/ask.ts';
import { stats } from '../commands/stats.ts';
import { zone } from '../commands/zone.ts';
import { execute } from '../src/command.ts';
import { renderDiscord } from '../src/discord/render.ts';
import { openEngine } from '../src/engine/open.ts';
import { dictionaryReads, loadCorpusDictionary, type Entry } from '../src/lang/dictionary.ts';
import { derivedFrom, isEnglish, readEnglish } from '../src/lang/english.ts';
import { renderTerminal } from '../src/render/terminal.ts';
import type { CommandContext } from '../src/results.ts';
import { SEEDS_DIR } from './seeds.ts';

let context: CommandContext;
beforeAll(async () => {
  context = { engine: (await openEngine({ corpusDir: SEEDS_DIR, snapshot: false })).engine };
});

describe('which questions are English', () => {
  it('tells English from Chinese and from pinyin inside Chinese', () => {
    expect(isEnglish('How many projects did Gangcheng sign?')).toBe(true);
    expect(isEnglish('钢城签约了几个项目')).toBe(false);
    expect(isEnglish('gangcheng kaifaqu 主干道路框架')).toBe(false);
    expect(isEnglish('jibei')).toBe(false);
  });
});

describe('the corpus part of the dictionary', () => {
  // Entries in the package's shape, written here: [traditional, simplified, pinyin, meanings, variants, classifiers].
  const entries: Entry[] = [
    ['簽約', '签约', 'qian1 yue1', 'to sign a contract or agreement', [], []],
    ['標誌', '标志', 'biao1 zhi4', ['sign', 'mark', 'symbol'], [], []],
    ['新', '新', 'xin1', ['new', 'newly'], [], []],
    ['新', '新', 'Xin1', 'abbr. for Xinjiang', [], []],
    ['材料', '材料', 'cai2 liao4', ['(raw) material', 'data'], [], []],
    ['東湖', '东湖', 'Dong1 hu2', 'Donghu, a lake', [], []],
    ['外資', '外资', 'wai4 zi1', 'foreign investment', [], []],
  ];
  const dictionary = loadCorpusDictionary(['签约', '外资', '新材料'], ['东湖新材料'], entries);

  it('keeps only the corpus words, by each word of their senses and by whole senses', () => {
    expect(dictionary.byWord.get('sign')!.map((s) => s.term)).toEqual(['签约']);
    expect(dictionary.byPhrase.get('foreign investment')!.map((s) => s.term)).toEqual(['外资']);
    expect(dictionary.glossOf.get('外资')).toBe('foreign investment');
  });

  it("reads the field's own terms that the dictionary lacks (营商, 一窗受理), never showing them as a gloss", () => {
    const withTerms = loadCorpusDictionary(['营商', '环境', '一窗受理'], [], [['環境', '环境', 'huan2 jing4', 'environment', [], []]]);
    expect(withTerms.byPhrase.get('single window')!.map((s) => s.term)).toEqual(['一窗受理']);
    expect(withTerms.byWord.get('business')!.map((s) => s.term)).toContain('营商');
    expect(withTerms.glossOf.has('营商')).toBe(false);
    expect(withTerms.glossOf.get('环境')).toBe('environment');
  });

  it('reads an English word the dictionary lacks by the word it is derived from (registration → register, accountability → accountable)', () => {
    const entries: Entry[] = [['登記', '登记', 'deng1 ji4', 'to register', [], []], ['氣候', '气候', 'qi4 hou4', 'climate', [], []], ['懸崖', '悬崖', 'xuan2 ya2', 'cliff', [], []]];
    const small = loadCorpusDictionary(['登记', '悬崖'], [], entries);
    expect(derivedFrom('registration', small)).toBe('register');
    expect(derivedFrom('climate', small)).toBe('');
    const able = loadCorpusDictionary(['问责'], [], [['問責', '问责', 'wen4 ze2', 'to hold accountable', [], []]]);
    expect(derivedFrom('accountability', able)).toBe('accountable');
  });

  it('makes senses for a corpus word the dictionary lacks from two entries it has', () => {
    expect(dictionary.byPhrase.get('new material')!.map((s) => s.term)).toEqual(['新材料']);
  });

  it('reads a name proper noun by pinyin and common word by sense', () => {
    expect(dictionary.namesInEnglish.get('东湖新材料')).toEqual(['donghu', 'new', 'material']);
  });
});

describe('English questions about the seeds', () => {
  it('never reads the dictionary for a Chinese question, and reads it once for English ones', () => {
    // The build read it once, for the related metric words it keeps in the engine (and the snapshot).
    const afterBuild = dictionaryReads();
    execute(ask, context, { question: '钢城签约了几个项目' });
    execute(ask, context, { question: 'jibei kaifaqu' });
    expect(dictionaryReads()).toBe(afterBuild);
    execute(ask, context, { question: 'How many projects did Gangcheng sign?' });
    execute(ask, context, { question: 'foreign investment in Tianqiao District' });
    expect(dictionaryReads()).toBe(afterBuild + 1);
  });

  it('reads zone names in English and question words for the answer picker', () => {
    const { query } = readEnglish(context.engine, 'How many merchant visits did Gangcheng Economic Development Zone receive?');
    expect(query.split(' ')).toContain('钢城经济开发区');
    expect(query.split(' ')).toContain('多少');
    expect(readEnglish(context.engine, 'Jinan New Materials Industrial Park').query).toContain('济南新材料产业园区');
    // Without its city and with its kind shortened, as people write it.
    expect(readEnglish(context.engine, 'What does the New Materials park promise companies?').query.split(' ')).toContain('济南新材料产业园区');
    expect(readEnglish(context.engine, 'What did the Gangcheng zone sign?').query.split(' ')).toContain('钢城经济开发区');
    // A derived word the dictionary lacks is read by the word it comes from.
    expect(readEnglish(context.engine, 'What registration guide did the zone publish?').query.split(' ')).toContain('登记');
  });

  it('reads no word about the text itself (article, piece, thing, mention) as a word of the content', () => {
    expect(readEnglish(context.engine, 'per the article, the piece, the story, the things it mentions, what they said').query.trim()).toBe('');
    // The field's own terms are read from their own English, not from a common word of it (visit is no 一次办成).
    expect(readEnglish(context.engine, 'which companies did they visit').query.split(' ')).not.toContain('一次办成');
    expect(readEnglish(context.engine, 'per the Gangcheng article, what did the zone sign').query).toBe(readEnglish(context.engine, 'what did the Gangcheng zone sign').query);
  });

  it('reads a shortened kind (the … zone) only where one zone has it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zonebot-english-'));
    writeFileSync(
      join(dir, 'a.txt'),
      '广元高新区与广元经济开发区签约\n\n广元高新区新签约项目12个。广元经济开发区新签约项目8个。广元高新区和广元经济开发区共建园区。',
    );
    const { engine } = await openEngine({ corpusDir: dir, snapshot: false });
    const words = readEnglish(engine, 'What did the Guangyuan zone sign?').query.split(' ');
    expect(words).not.toContain('广元高新区');
    expect(words).not.toContain('广元经济开发区');
    expect(readEnglish(engine, 'What did Guangyuan High Tech Zone sign?').query.split(' ')).toContain('广元高新区');
  });

  it('reads a verb’s particle (strip off, set up) as part of the verb, never as a word of its own', () => {
    const words = readEnglish(context.engine, 'What did Jibei strip off?').query.split(' ');
    expect(words).toContain('剥离');
    // off alone would be 出发 (set off), 截至 (cut off), 一次性 (one-off).
    expect(words.filter((w) => ['出发', '截至', '一次性'].includes(w))).toEqual([]);
  });

  it('asks a count in the measure word the corpus counts the noun in, and a sum in 亿 as the corpus writes it', () => {
    expect(readEnglish(context.engine, 'How many companies did Jibei serve?').query.split(' ')[0]).toBe('多少家');
    expect(readEnglish(context.engine, 'How many projects over 100 million yuan came to Jibei?').query.split(' ')).toContain('1亿元');
  });

  it('takes the question word that comes first as the one asked, not one opening a later clause; a when-clause asks nothing', () => {
    const words = readEnglish(context.engine, 'How many shops does a buyer see in a week when prices rise?').query.split(' ');
    expect(words).toContain('多少');
    expect(words).not.toContain('多久');
    expect(words).not.toContain('什么时候');
    expect(readEnglish(context.engine, 'When did the park open, and how many firms came?').query.split(' ')[0]).toBe('什么时候');
    // What opens the question, though it has no Chinese word of its own: the when after it opens a clause.
    expect(readEnglish(context.engine, 'What rules does the park keep when roads are built?').query.split(' ')).not.toContain('什么时候');
    expect(readEnglish(context.engine, 'What year did the park open?').query.split(' ')[0]).toBe('哪一年');
    // A when-clause before the question proper asks no time.
    expect(readEnglish(context.engine, 'When the park started cloud investment promotion, what did it tell companies?').query).not.toContain('什么时候');
    expect(readEnglish(context.engine, 'When did the park sign the deal?').query.split(' ')[0]).toBe('什么时候');
    expect(readEnglish(context.engine, 'Jibei — how do they describe their role when they collect investment info?').query).not.toContain('什么时候');
  });

  it('asks which company as 哪家公司 and which official as 谁: a name of that kind answers', () => {
    expect(readEnglish(context.engine, "Which Jinan company's line makes the chips?").query.split(' ')[0]).toBe('哪家公司');
    expect(readEnglish(context.engine, 'Which park official met the investors?').query.split(' ')[0]).toBe('谁');
    expect(readEnglish(context.engine, 'Which zone signed the most projects?').query.split(' ')[0]).toBe('哪个');
    // Which three asks for a list of three.
    expect(readEnglish(context.engine, 'Which three principles does Jibei follow?').query.split(' ')[0]).toBe('哪三个');
    // Who took a photo asks for its caption's credit.
    expect(readEnglish(context.engine, 'Who took the photo of the signing?').query.split(' ')[0]).toBe('谁拍的');
    // A kind of company is asked, not a name.
    expect(readEnglish(context.engine, 'Which types of companies were picked as pilots?').query.split(' ')[0]).toBe('哪个');
  });

  it('asks why, and what a fact shows, as 为什么: a stated reason answers', () => {
    expect(readEnglish(context.engine, 'Why do firms move into the park?').query.split(' ')[0]).toBe('为什么');
    expect(readEnglish(context.engine, 'What does the award show about the park?').query.split(' ')[0]).toBe('为什么');
    expect(readEnglish(context.engine, 'What does the park build first?').query.split(' ')).not.toContain('为什么');
    // How fast is answered by at once (第一时间) as well as by a span.
    expect(readEnglish(context.engine, 'How quickly does the park answer firms?').query.split(' ')[0]).toBe('多快');
  });

  it('resolves a zone named in English in /zone and /stats (Jinan New Materials Park)', () => {
    const zonePage = execute(zone, context, { name: 'Jinan New Materials Park' });
    expect(zonePage.zone?.name).toBe('济南新材料产业园区');
    const statsPage = execute(stats, context, { zone: 'Gangcheng Economic Development Zone' });
    expect(statsPage.facts?.length).toBeGreaterThan(0);
    expect(execute(zone, context, { name: 'Pudong Software Park' }).notice?.code).toBe('unknown-zone');
  });

  it('answers with the sentence that holds the number asked for, and glosses the terms the excerpt holds', () => {
    const page = execute(ask, context, { question: 'How many projects did Gangcheng sign in 2024?' });
    const top = page.hits[0]!;
    expect(top.file.startsWith('003')).toBe(true);
    expect(top.answer).toContain('签约项目14个');
    const terms = top.glosses!.map((g) => g.term);
    expect(terms).toContain('签约');
    for (const g of top.glosses!) expect(top.text.includes(g.term) || top.text.includes(g.term.normalize())).toBe(true);

    const terminal = renderTerminal(page, { color: false, locale: 'en-US' });
    expect(terminal).toContain('Glossary (CC-CEDICT): ');
    expect(terminal).toMatch(/签约 = sign a contract/u);
    const discord = renderDiscord(page, { locale: 'en-US', owner: '1', ephemeral: true });
    const fields = discord.embeds[0]!.fields!.map((f) => f.value).join('\n');
    expect(fields).toMatch(/Glossary \(CC-CEDICT\): .*签约 = sign a contract/u);
  });

  it('shows no glossary for Chinese questions', () => {
    const page = execute(ask, context, { question: '钢城签约了几个项目' });
    expect(page.hits.every((h) => h.glosses === undefined)).toBe(true);
  });
});
