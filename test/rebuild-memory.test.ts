/**
 * Rebuilds give their memory back: each one runs in a child process that exits, so the serving process's RSS after
 * twenty rebuilds stays within 10% of its RSS after the first. (In worker threads, each rebuild kept the ~85 MiB
 * of nodejieba's natively loaded dictionaries for good.) The ratio is asserted, not a time.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, expect, it } from 'vitest';
import { LiveEngine } from '../src/engine/live.ts';
import { SEEDS_DIR } from './seeds.ts';
import { testLogger } from './support/test-log.ts';

let live: LiveEngine | undefined;
afterAll(async () => live?.close());

it('keeps RSS after 20 rebuilds within 10% of RSS after the first', async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const corpusDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-rss-corpus-'));
  cpSync(SEEDS_DIR, corpusDir, { recursive: true });
  live = await LiveEngine.open({ corpusDir, cacheDir: mkdtempSync(path.join(os.tmpdir(), 'zonebot-rss-cache-')), log: testLogger('rebuild-memory') });
  const rss = () => {
    gc();
    return process.memoryUsage().rss;
  };
  const rebuilds: { fromSnapshot: boolean }[] = [];
  let afterFirst = 0;
  for (let i = 1; i <= 20; i++) {
    // Every fifth rebuild has a changed corpus to build; the others find the snapshot already there.
    if (i % 5 === 0) writeFileSync(path.join(corpusDir, `9${i}_added.txt`), `新增文章${i}\n\n  开发区推行一窗受理服务，第${i}批项目签约。`);
    const result = await live.rebuild(`test ${i}`);
    expect(result.ok, `rebuild ${i}`).toBe(true);
    if (result.ok) rebuilds.push({ fromSnapshot: result.fromSnapshot });
    if (i === 1) afterFirst = rss();
  }
  const afterTwenty = rss();
  const mib = (n: number) => (n / 2 ** 20).toFixed(0);
  console.log(`rss after 1 rebuild ${mib(afterFirst)} MiB, after 20 ${mib(afterTwenty)} MiB`);
  expect(rebuilds.filter((r) => !r.fromSnapshot).length).toBe(4);
  expect(afterTwenty / afterFirst).toBeLessThan(1.1);
  expect(live.context().engine.corpus.files.length).toBe(9);
}, 240_000);
