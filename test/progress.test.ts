import { describe, expect, it } from 'vitest';
import { progressLog, progressReporter } from '../src/engine/progress.ts';

const stream = (isTTY: boolean) => {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
};

describe('build progress', () => {
  it('draws a bar in place on a terminal', () => {
    const { writes, stream: tty } = stream(true);
    const report = progressReporter(tty);
    report('index', 1000, 4000);
    report('index', 4000, 4000);
    expect(writes[0]).toMatch(/^\rindex\s+\[#{8}\.{22}\] 1000\/4000$/);
    expect(writes[1]).toMatch(/\[#{30}\] 4000\/4000\n$/);
  });

  it('prints a line at each stage and at the end, not at every step, when not on a terminal', () => {
    const { writes, stream: pipe } = stream(false);
    const report = progressReporter(pipe);
    for (let done = 1000; done <= 10_000; done += 1000) report('index', done, 10_000);
    expect(writes).toEqual(['index: 1000/10000 (10%)\n', 'index: 10000/10000 (100%)\n']);
  });

  it('says nothing for a small corpus, and logs at most every few seconds for the bot', () => {
    const { writes, stream: pipe } = stream(false);
    progressReporter(pipe)('index', 50, 100);
    expect(writes).toEqual([]);
    const logged: number[] = [];
    const log = progressLog((_stage, done) => logged.push(done));
    for (let done = 1000; done <= 5000; done += 1000) log('index', done, 5000);
    expect(logged).toEqual([1000, 5000]);
  });
});
