/**
 * The bot as operators run it: a separate process serving the local Discord. SIGHUP starts a rebuild, SIGTERM
 * during it exits cleanly and leaves the snapshot in service intact, and the token is not on the command line. A
 * refused token or an unreachable Discord ends the process with what to fix; a payload that trips discord.js does
 * not; buttons keep working across a restart and across shards.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEEDS_DIR } from './seeds.ts';
import { readSnapshotFile } from '../src/engine/snapshot.ts';
import { runBot } from './support/bot-process.ts';
import { startLocalDiscord, type LocalDiscord, type RecordedRequest } from './support/local-discord.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAwMw.process.test-token-that-must-never-be-logged';
let discord: LocalDiscord;

beforeAll(async () => {
  discord = await startLocalDiscord();
});
afterAll(async () => {
  await discord.stop();
});

it('rebuilds on SIGHUP, exits cleanly on SIGTERM mid-rebuild, and keeps the old snapshot intact', async () => {
  const corpusDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-proc-corpus-'));
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-proc-cache-'));
  cpSync(SEEDS_DIR, corpusDir, { recursive: true });
  const { child, logs, exited, stderr, logged } = runBot(
    { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.restBase, CORPUS_DIR: corpusDir, CACHE_DIR: cacheDir, DATA_DIR: cacheDir },
    'process',
  );

  await logged('ready', 30_000);
  expect(readFileSync(`/proc/${child.pid}/cmdline`, 'utf8')).not.toContain(TOKEN);
  const [snapshot] = readdirSync(cacheDir).filter((n) => n.endsWith('.zbs'));
  const before = readFileSync(path.join(cacheDir, snapshot!));

  writeFileSync(path.join(corpusDir, '200_new.txt'), '新文章\n\n  苏州工业园区推行“一网通办”服务。');
  child.kill('SIGHUP');
  await logged('rebuild started', 30_000);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(logs.some((l) => l.message === 'shutting down')).toBe(true);

  // The snapshot that was in service is untouched, and no half-written snapshot is left under a final name.
  expect(readFileSync(path.join(cacheDir, snapshot!)).equals(before)).toBe(true);
  for (const name of readdirSync(cacheDir).filter((n) => n.endsWith('.zbs'))) {
    await expect(readSnapshotFile(path.join(cacheDir, name)), name).resolves.toBeDefined();
  }
  expect(stderr()).not.toContain(TOKEN);
}, 90_000);

const carol = { id: '5000000000000000009', username: 'carol' };

it('exits non-zero, saying to fix DISCORD_TOKEN, when Discord refuses the token', async () => {
  const refusing = await startLocalDiscord();
  refusing.rejectToken();
  try {
    const bot = runBot({ DISCORD_TOKEN: 'abc', DISCORD_API_URL: refusing.restBase, CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'zonebot-401-')) }, 'token401');
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('Discord refused the token. Set DISCORD_TOKEN');
    expect(bot.logs.some((l) => l.message === 'login failed; retrying')).toBe(false);
  } finally {
    await refusing.stop();
  }
}, 90_000);

it('retries an unreachable DISCORD_API_URL with backoff, then exits non-zero saying what to check', async () => {
  const closed = await startLocalDiscord();
  const url = closed.restBase;
  await closed.stop(); // nothing listens on that port any more
  const bot = runBot({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: url, CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'zonebot-unreachable-')) }, 'unreachable');
  expect(await bot.exited).toBe(1);
  const retries = bot.logs.filter((l) => l.message === 'login failed; retrying');
  expect(retries.map((l) => l.attempt)).toEqual([1, 2, 3, 4]);
  expect(retries.map((l) => l.retryInMs)).toEqual([1000, 2000, 4000, 8000]);
  expect(bot.stderr()).toMatch(/cannot reach .* after 5 attempts\. Check DISCORD_API_URL/);
  expect(bot.stderr()).not.toContain(TOKEN);
}, 90_000);

it('logs a gateway payload that trips discord.js and answers the next command', async () => {
  const bot = runBot({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.restBase, CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'zonebot-crash-')) }, 'crash');
  await bot.logged('ready');
  // A message with interaction_metadata but no authorizing_integration_owners: discord.js throws building it.
  const message = { ...discord.messageFrom({}), interaction_metadata: { id: '6000000000000000001', type: 2, user: { id: carol.id, username: carol.username, discriminator: '0', avatar: null } } };
  discord.dispatchInteraction(discord.buttonClick('z2|pa|2|5000000000000000009||AAAAAAAAAAAAAAAA', message, carol));
  await bot.logged('unhandled rejection; still serving');
  const sent = discord.dispatchInteraction(discord.slashCommand('zone', [{ name: 'name', type: 3, value: 'jibei' }], carol));
  expect((await discord.waitForCallback(sent.id, 15_000)).body.data.embeds[0].description).toContain('济北开发区');
  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
}, 90_000);

it('pages a 300-character question on another shard than the one that answered it, and after a restart', async () => {
  const env = { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.restBase, CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'zonebot-shard-cache-')), SHARDS: '2' };
  const question = ('请问钢城经济开发区在2024年签约了多少个项目 🚀 营商环境和一窗受理有哪些举措？').repeat(10).slice(0, 300);
  expect(question.length).toBe(300);
  const next = (reply: RecordedRequest) => reply.body.data.components[0].components.find((b: { label: string }) => b.label === '▶');
  const clickNext = async (reply: RecordedRequest, shard: number) => {
    const sent = discord.dispatchInteraction(discord.buttonClick(next(reply).custom_id, discord.messageFrom(reply.body.data, 64), carol), shard);
    return discord.waitForCallback(sent.id, 15_000);
  };

  const first = runBot(env, 'shards');
  await expect.poll(() => discord.connectedShards, { timeout: 90_000, interval: 100 }).toEqual([0, 1]);
  expect(first.logs.filter((l) => l.message === 'shard launched')).toHaveLength(2);
  const sent = discord.dispatchInteraction(discord.slashCommand('ask', [{ name: 'question', type: 3, value: question }], carol), 0);
  const reply = await discord.waitForCallback(sent.id, 15_000);
  expect(reply.body.data.embeds[0].footer.text.split('\n').at(-1)).toBe(`/ask ${question}`);
  expect((await clickNext(reply, 1)).body.data.embeds[0].footer.text).toMatch(/^第 2\//);
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  await expect.poll(() => discord.connectedShards, { timeout: 15_000 }).toEqual([]);

  const second = runBot(env, 'shards-restarted');
  await expect.poll(() => discord.connectedShards, { timeout: 90_000, interval: 100 }).toEqual([0, 1]);
  expect((await clickNext(reply, 1)).body.data.embeds[0].footer.text).toMatch(/^第 2\//);
  expect((await clickNext(reply, 0)).body.data.embeds[0].footer.text).toMatch(/^第 2\//);
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  expect(first.stderr() + second.stderr()).not.toContain(TOKEN);
}, 240_000);
