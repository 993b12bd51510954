/**
 * /follow with two shards, as operators run it: `SHARDS=2`, one database in DATA_DIR. The local Discord gives
 * the guild to both shards, so both see the new article and both try to announce it: the store lets exactly one
 * of them post.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FollowStore } from '../src/follow/store.ts';
import { SEEDS_DIR } from './seeds.ts';
import { runBot } from './support/bot-process.ts';
import { startLocalDiscord, type LocalDiscord } from './support/local-discord.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAwNg.shards.test-token-that-must-never-be-logged';
let discord: LocalDiscord;

beforeAll(async () => {
  discord = await startLocalDiscord();
});
afterAll(async () => {
  await discord.stop();
});

it('posts a new article once with SHARDS=2', async () => {
  const temp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));
  const corpusDir = temp('zonebot-shards-corpus-');
  const dataDir = temp('zonebot-shards-data-');
  cpSync(SEEDS_DIR, corpusDir, { recursive: true });
  const store = FollowStore.open(dataDir);
  store.follow({ guild: discord.guildId, channel: discord.channelId, kind: 'zone', name: '济北开发区', by: '5000000000000000012' });
  store.close();

  const { child, logs, exited, count } = runBot(
    { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.restBase, CORPUS_DIR: corpusDir, CACHE_DIR: temp('zonebot-shards-cache-'), DATA_DIR: dataDir, SHARDS: '2' },
    'shards',
  );
  try {
    await expect.poll(() => count('ready'), { timeout: 90_000, interval: 100 }).toBe(2);
    writeFileSync(
      path.join(corpusDir, '300_station.txt'),
      '济北开发区新设企业服务驿站\n\n济北开发区近日在园区内新设企业服务驿站，为入驻企业提供登记、审批和政策咨询一站式服务。',
    );
    // Each shard watches the folder, rebuilds, and tries to announce; wait until both have tried.
    await expect.poll(() => count('follow announcements'), { timeout: 90_000, interval: 100 }).toBe(2);
    const posts = discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${discord.channelId}/messages`);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.body.embeds)).toContain('企业服务驿站');
    expect(logs.filter((l) => l.message === 'follow announcements').map((l) => l.posted).sort()).toEqual([0, 1]);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
}, 240_000);
