/** The benchmark's query mix: the eval questions plus Traditional and plain-language forms of the same needs. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

export function queryMix(): { command: string; query: string }[] {
  let questions: { command: string; query: string }[] = [];
  for (const file of [path.join(ROOT, '..', 'shared', 'eval', 'questions.jsonl'), path.join(ROOT, 'test', 'fixtures', 'dev-questions.jsonl')]) {
    try {
      questions = [...questions, ...readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))];
    } catch {
      // ../shared is optional for the benchmark
    }
  }
  return [
    ...questions.map(({ command, query }) => ({ command, query })),
    { command: 'ask', query: '请问一下，济北开发区是怎么给企业提供全程帮办服务的？谢谢' },
    { command: 'ask', query: '鋼城經濟開發區簽約了幾個項目' },
    { command: 'zone', query: 'gangcheng' },
    { command: 'zone', query: '濟' },
    { command: 'measure', query: '' },
    { command: 'measure', query: '一次辦成' },
    { command: 'stats', query: '' },
    { command: 'stats', query: '钢城 签约项目' },
    { command: 'source', query: '000-11' },
    { command: 'source', query: '004-3' },
  ];
}
