import { beforeAll, describe, expect, it } from 'vitest';
import { stats } from '../commands/stats.ts';
import { execute } from '../src/command.ts';
import { openEngine } from '../src/engine/open.ts';
import type { CommandContext } from '../src/results.ts';
import { SEEDS_DIR } from './seeds.ts';

/** The figures the seeds give, as `/stats` shows them: metrics that are noun phrases, not verbs or fragments. */
let context: CommandContext;
beforeAll(async () => {
  const opened = await openEngine({ corpusDir: SEEDS_DIR, snapshot: false });
  context = { engine: opened.engine, stats: opened.stats };
});

describe('/stats on the seeds', () => {
  it('钢城: its counts of projects, and no verb (签约, 签约拟) as a metric', () => {
    const first = execute(stats, context, { zone: '钢城' });
    const pages = [first];
    for (let n = 2; n <= first.pages; n++) pages.push(execute(stats, context, { zone: '钢城', page: n }));
    const metrics = pages.flatMap((page) => page.facts!.map((f) => f.metric));
    expect(metrics).toHaveLength(first.total);
    expect(metrics).toEqual(expect.arrayContaining(['签约项目', '签约已开工项目', '签约拟开工项目']));
    expect(metrics).not.toContain('签约');
    expect(metrics).not.toContain('签约拟');
  });

  it('no metric is a preposition phrase, a share or a fragment of the seeds', () => {
    const metrics = context.engine.knowledge.figures.map((f) => f.metric);
    for (const fragment of ['将原先', '品项', '连续两年在全省', '内设机构压缩成', '全年任务', '率']) {
      expect(metrics, fragment).not.toContain(fragment);
    }
    expect(metrics.filter((m) => /^(?:将|在|从|对|的)/u.test(m))).toEqual([]);
  });
});
