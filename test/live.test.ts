/** The engine in service while the corpus changes: background rebuilds, bad files, half-written files. */
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../src/cli/run.ts';
import { LiveEngine } from '../src/engine/live.ts';
import type { Level } from '../src/log.ts';
import { SEEDS_DIR } from './seeds.ts';

const SUZHOU = [
  '苏州工业园区优化营商环境纪实',
  '',
  '2025-03-01 09:00:00 来源: 新华网 作者: 测试',
  '',
  '  今年以来，苏州工业园区推行“一网通办”服务，新签约项目30个，签约额45.6亿元。',
  '',
  '  苏州工业园区还为企业提供全程帮办服务，企业开办1个工作日完成。',
].join('\n');

const opened: LiveEngine[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((l) => l.close()));
});

async function liveOverSeeds(quietMs = 400) {
  const corpusDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-live-'));
  cpSync(SEEDS_DIR, corpusDir, { recursive: true });
  const logs: { level: Level; message: string; context: Record<string, unknown> }[] = [];
  const live = await LiveEngine.open({
    corpusDir,
    cacheDir: mkdtempSync(path.join(os.tmpdir(), 'zonebot-live-cache-')),
    quietMs,
    log: { log: (level, message, context = {}) => logs.push({ level, message, context }) },
  });
  opened.push(live);
  return { live, corpusDir, logs };
}

const zoneOf = (live: LiveEngine, name: string) => runCommand(live.context(), 'zone', name).zone?.name;

describe('the live engine', () => {
  it('indexes a new article after the folder goes quiet, answering from the old engine meanwhile', async () => {
    const { live, corpusDir } = await liveOverSeeds();
    live.watch();
    writeFileSync(path.join(corpusDir, '100_suzhou.txt'), SUZHOU);
    // Until the rebuild is swapped in, queries are answered (from the old engine).
    expect(runCommand(live.context(), 'ask', '济北开发区内设机构压缩成几个局').hits[0]!.citation).toMatch(/^000-/);
    expect(zoneOf(live, '苏州工业园区')).toBeUndefined();
    await expect.poll(() => live.rebuilds, { timeout: 30_000, interval: 100 }).toBe(1);
    expect(zoneOf(live, '苏州工业园区')).toBe('苏州工业园区');
    expect(runCommand(live.context(), 'stats', '苏州工业园区 签约额').facts?.[0]).toMatchObject({ value: '45.6', unit: '亿元' });
  }, 60_000);

  it('reports a new bad file and keeps every article in service', async () => {
    const { live, corpusDir, logs } = await liveOverSeeds();
    writeFileSync(path.join(corpusDir, '101_binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    const result = await live.rebuild('test');
    expect(result).toMatchObject({ ok: true, files: 5, skipped: 1 });
    expect(logs.some((l) => l.message === 'skipped corpus file' && l.context.file === '101_binary.txt')).toBe(true);
    expect(runCommand(live.context(), 'source', '003-1').hits).toHaveLength(1);
  }, 60_000);

  it('does not index a file half: a file still growing waits for the quiet period', async () => {
    const { live, corpusDir } = await liveOverSeeds(800);
    live.watch();
    const file = path.join(corpusDir, '102_suzhou.txt');
    const half = Math.floor(SUZHOU.length / 2);
    writeFileSync(file, SUZHOU.slice(0, half));
    await new Promise((resolve) => setTimeout(resolve, 300));
    appendFileSync(file, SUZHOU.slice(half));
    await expect.poll(() => live.rebuilds, { timeout: 30_000, interval: 100 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(live.rebuilds).toBe(1);
    const page = runCommand(live.context(), 'ask', '企业开办几个工作日完成');
    expect(page.hits.some((h) => h.text.includes('企业开办1个工作日完成'))).toBe(true);
  }, 60_000);

  it('keeps the engine in service when a rebuild fails', async () => {
    const { live, corpusDir, logs } = await liveOverSeeds();
    rmSync(corpusDir, { recursive: true, force: true });
    const result = await live.rebuild('test');
    expect(result.ok).toBe(false);
    expect(logs.some((l) => l.level === 'error' && l.message.startsWith('rebuild failed'))).toBe(true);
    expect(runCommand(live.context(), 'source', '000-11').hits).toHaveLength(1);
  }, 60_000);

  it('merges rebuild requests that arrive during a rebuild into one more', async () => {
    const { live } = await liveOverSeeds();
    const results = await Promise.all([live.rebuild('a'), live.rebuild('b'), live.rebuild('c'), live.rebuild('d')]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(live.rebuilds).toBe(2);
  }, 60_000);
});
