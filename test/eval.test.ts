/**
 * Answer quality as a regression test: the shared question set (when ../shared is beside the project, as in
 * CI) and the project's own development set. The bars are those of the issue: ask hit@1 = 1.00, answer@1 ≥ 0.95,
 * and every zone, measure and stats question passes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readGold, scoreQuestion, summarize } from '../src/cli/eval.ts';
import { openEngine } from '../src/engine/open.ts';
import type { CommandContext } from '../src/results.ts';
import { SEEDS_DIR } from './seeds.ts';

const SHARED = path.join(import.meta.dirname, '..', '..', 'shared', 'eval', 'questions.jsonl');
const DEV = path.join(import.meta.dirname, 'fixtures', 'dev-questions.jsonl');

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

describe('answer quality', () => {
  it.skipIf(!existsSync(SHARED))('meets the bar on ../shared/eval/questions.jsonl', () => check(SHARED));
  it('meets the bar on the development questions', () => check(DEV));
});
