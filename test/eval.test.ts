/**
 * Answer quality as a regression test: the shared question set (when ../shared is beside the project, as in
 * CI) and the project's own development set. The bars are those of the issue: ask hit@1 = 1.00, answer@1 ≥ 0.95,
 * and every zone, measure and stats question passes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { goldMatches, readGold, scoreQuestion, summarize } from '../src/cli/eval.ts';
import { openEngine } from '../src/engine/open.ts';
import type { CommandContext } from '../src/results.ts';
import { SEEDS_DIR } from './seeds.ts';

const SHARED = path.join(import.meta.dirname, '..', '..', 'shared', 'eval', 'questions.jsonl');
const DEV = path.join(import.meta.dirname, 'fixtures', 'dev-questions.jsonl');
/** Questions in users' own words (English, paraphrase, pinyin …); their held-out third is never run here. */
const USER = path.join(import.meta.dirname, 'fixtures', 'user-questions.jsonl');

let context: CommandContext;
beforeAll(async () => {
  context = { engine: (await openEngine({ corpusDir: SEEDS_DIR, snapshot: false })).engine };
});

async function check(file: string) {
  const scores = (await readGold(file)).map((q) => scoreQuestion(context, q));
  const failed = scores.filter((s) => !s.passed).map((s) => `${s.id} ${s.query}: ${s.why}`);
  expect(failed).toEqual([]);
  const ask = summarize(scores).find((s) => s.command === 'ask')!;
  expect(ask.hit1).toBe(1);
  expect(ask.answer1).toBeGreaterThanOrEqual(0.95);
}

/**
 * Floors per kind of question, at or under what the code reaches on the user set: the targets where
 * they are met (English hit@1 ≥ 0.60 and top-5 ≥ 0.85; pinyin and which/who ≥ 0.95), what is reached where
 * they are not yet (paraphrase and metric words, see the README), so that neither can slip back.
 */
const USER_FLOORS: Record<string, { hit1?: number; hit5?: number; answer1?: number }> = {
  english: { hit1: 0.6, hit5: 0.85, answer1: 0.6 },
  paraphrase: { hit1: 0.9, hit5: 1, answer1: 0.9 },
  pinyin: { hit1: 0.95, hit5: 1, answer1: 0.95 },
  metric: { hit1: 0.95, hit5: 0.95, answer1: 0.95 },
  which: { hit1: 0.95, hit5: 1, answer1: 0.95 },
  name: { hit5: 1 },
};

describe('the gold rule', () => {
  it('matches gold copied from a Traditional page with pinyin annotations against the text it names', () => {
    const text = '推進(jìn)臨河科技產(chǎn)業(yè)園建設(shè)';
    expect(goldMatches('009_x.txt', text, { file: '009', contains: '臨河科技產(chǎn)業(yè)園' })).toBe(true);
    expect(goldMatches('009_x.txt', text, { file: '009', contains: '临河科技产业园' })).toBe(true);
    expect(goldMatches('009_x.txt', text, { file: '009', contains: '青川科技產(chǎn)業(yè)園' })).toBe(false);
    expect(goldMatches('008_x.txt', text, { file: '009', contains: '临河' })).toBe(false);
  });
});

describe('scoring /stats', () => {
  it('scores a stats question with passage gold by the sentences of the facts it lists', () => {
    const question = (query: string, contains: string) => ({ id: 's', command: 'stats' as const, query, gold: [{ file: '001', contains }] });
    // 天桥区 figures come from 001; the same words about 钢城 are not there.
    expect(scoreQuestion(context, question('天桥区', '天桥区实际使用外资')).passed).toBe(true);
    expect(scoreQuestion(context, question('钢城', '天桥区实际使用外资')).passed).toBe(false);
  });
});

describe('answer quality', () => {
  it.skipIf(!existsSync(SHARED))('meets the bar on ../shared/eval/questions.jsonl', () => check(SHARED));
  it('meets the bar on the development questions', () => check(DEV));

  it('holds the floors per kind on the questions in users’ own words', async () => {
    const scores = (await readGold(USER)).map((q) => scoreQuestion(context, q));
    const kinds = summarize(scores, (s) => s.kind ?? '-');
    expect(kinds.map((k) => k.command).sort()).toEqual(Object.keys(USER_FLOORS).sort());
    for (const kind of kinds) {
      const floor = USER_FLOORS[kind.command]!;
      if (floor.hit1 !== undefined) expect(kind.hit1, `${kind.command} hit@1`).toBeGreaterThanOrEqual(floor.hit1);
      if (floor.hit5 !== undefined) expect(kind.hit5, `${kind.command} hit@5`).toBeGreaterThanOrEqual(floor.hit5);
      if (floor.answer1 !== undefined) expect(kind.answer1, `${kind.command} answer@1`).toBeGreaterThanOrEqual(floor.answer1);
    }
  });
});
