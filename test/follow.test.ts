/**
 * /follow end to end: the real discord.js client against the local Discord, the live engine watching a copy of
 * the seeds, the subscriptions in SQLite. A new article dropped into the folder is posted once, to the channel
 * that follows its zone, with its cited excerpts and no mention.
 */
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zone } from '../commands/zone.ts';
import { execute } from '../src/command.ts';
import { createBot, type Bot } from '../src/discord/bot.ts';
import { deployCommands } from '../src/discord/deploy.ts';
import { LiveEngine } from '../src/engine/live.ts';
import { Announcer } from '../src/follow/announce.ts';
import { discordTarget } from '../src/follow/discord.ts';
import { FollowStore } from '../src/follow/store.ts';
import type { Level } from '../src/log.ts';
import type { SearchEngine } from '../src/search/engine.ts';
import { SEEDS_DIR } from './seeds.ts';
import { startLocalDiscord, type LocalDiscord, type RecordedRequest } from './support/local-discord.ts';
import { testLogger } from './support/test-log.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAwNQ.follow.test-token-that-must-never-be-logged';
const member = { id: '5000000000000000011', username: 'member' };
const manager = { id: '5000000000000000012', username: 'manager', permissions: String(PermissionFlagsBits.ManageChannels | PermissionFlagsBits.SendMessages) };
const ZONE = '济北开发区';
const logs: { level: Level; message: string; context: Record<string, unknown> }[] = [];
const fileLog = testLogger('follow');
const log = {
  log: (level: Level, message: string, context: Record<string, unknown> = {}) => {
    logs.push({ level, message, context });
    fileLog.log(level, message, context);
  },
};

let discord: LocalDiscord;
let corpusDir: string;
let dataDir: string;
let cacheDir: string;
let live: LiveEngine;
let store: FollowStore;
let bot: Bot;
/** Each rebuild's engines and its announcements, in order. */
const swaps: { before: SearchEngine; after: SearchEngine; announced: Promise<number> }[] = [];

/** The bot as `serveDiscord` wires it, with a short gap between posts to a channel. */
async function startBot(): Promise<void> {
  live = await LiveEngine.open({ corpusDir, cacheDir, log, quietMs: 200 });
  store = FollowStore.open(dataDir);
  bot = createBot({ token: TOKEN, apiUrl: discord.restBase, context: () => live.context(), follows: store, log });
  const announcer = new Announcer({ store: () => store, target: discordTarget(bot.client), log, gapMs: 50 });
  live.onSwap((before, after) => swaps.push({ before: before.engine, after: after.engine, announced: announcer.announce(before.engine, after.engine) }));
  live.watch();
  await bot.start();
}

async function stopBot(): Promise<void> {
  await live.close();
  await bot.stop();
  store.close();
}

beforeAll(async () => {
  discord = await startLocalDiscord();
  corpusDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-follow-corpus-'));
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-follow-data-'));
  cacheDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-follow-cache-'));
  cpSync(SEEDS_DIR, corpusDir, { recursive: true });
  await startBot();
});

afterAll(async () => {
  await stopBot();
  await discord.stop();
});

async function slash(name: string, options: Record<string, string>, user: { id: string; username: string; permissions?: string } = manager, locale = 'zh-CN'): Promise<RecordedRequest> {
  const typed = Object.entries(options).map(([k, v]) => ({ name: k, type: 3, value: v }));
  const sent = discord.dispatchInteraction(discord.slashCommand(name, typed, user, locale));
  return discord.waitForCallback(sent.id);
}

const postsTo = (channel: string) => discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages` && !r.body?.__failed);

/** Writes articles into the corpus folder and waits until the rebuild they start has announced what it brought. */
async function drop(files: Record<string, string>): Promise<{ before: SearchEngine; after: SearchEngine }> {
  const count = swaps.length;
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(corpusDir, name), text);
  await expect.poll(() => swaps.length, { timeout: 60_000, interval: 100 }).toBeGreaterThan(count);
  const swap = swaps.at(-1)!;
  await swap.announced;
  return swap;
}

/** Articles written for these tests: one about the followed zone (with text that would ping if it could), one not. */
const ABOUT_ZONE = [
  '济北开发区新设企业服务驿站',
  '',
  '2026-11-20 来源：园区通讯',
  '',
  '济北开发区近日在园区内新设企业服务驿站，为入驻企业提供登记、审批和政策咨询一站式服务。@everyone <@123>',
  '',
  '济北开发区企业服务驿站开放首月共接待企业咨询120余次，办结事项96件。',
].join('\n');
const ABOUT_ANOTHER = ['钢城经济开发区举办项目推介会', '', '钢城经济开发区本月举办项目推介会，现场签约项目8个。'].join('\n');

describe('/follow through the real discord.js client', () => {
  it('registers /follow, /unfollow and /following for members who may manage channels, localized', async () => {
    await deployCommands({ token: TOKEN, guildId: discord.guildId, apiUrl: discord.restBase });
    const registered = discord.commands.get(discord.guildId)!;
    for (const name of ['follow', 'unfollow', 'following']) {
      const command = registered.find((c) => c.name === name);
      expect(command, name).toMatchObject({ default_member_permissions: String(PermissionFlagsBits.ManageChannels), contexts: [0] });
      expect(command.name_localizations['zh-CN']).toBeTruthy();
      expect(command.description_localizations['en-US']).toBeTruthy();
    }
    const follow = registered.find((c) => c.name === 'follow');
    expect(follow.options.map((o: { name: string; autocomplete: boolean }) => [o.name, o.autocomplete])).toEqual([
      ['zone', true],
      ['measure', true],
    ]);
  });

  it('refuses a member without Manage Channels, and follows for one with it', async () => {
    const refused = await slash('follow', { zone: 'jibei' }, member);
    expect(refused.body.data).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('管理频道') });
    expect(store.list(discord.channelId)).toEqual([]);

    const accepted = await slash('follow', { zone: 'jibei' });
    expect(accepted.body.data).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining(`“${ZONE}”`), allowed_mentions: { parse: [] } });
    expect(store.list(discord.channelId)).toMatchObject([{ guild: discord.guildId, kind: 'zone', name: ZONE, by: manager.id }]);
    expect((await slash('follow', { zone: ZONE })).body.data.content).toContain('已经关注');
  });

  it('gives a name the corpus lacks the did-you-mean treatment, and asks for exactly one option', async () => {
    // The candidates /zone offers for the same names.
    for (const name of ['火星开发区', '济']) {
      const page = execute(zone, live.context(), { name });
      const reply = (await slash('follow', { zone: name })).body.data.content as string;
      expect(reply).toMatch(page.notice?.code === 'unknown-zone' ? /^语料中没有找到园区/u : /^有多个名称符合园区/u);
      for (const candidate of page.candidates ?? []) expect(reply).toContain(candidate);
    }
    expect((await slash('follow', { zone: '济' })).body.data.content).toContain('济阳区');
    expect((await slash('follow', {})).body.data.content).toContain('只填一项');
    expect(store.list(discord.channelId)).toHaveLength(1);
  });

  it('autocompletes /follow like /zone and /measure, and /unfollow from the channel’s subscriptions', async () => {
    const zone = discord.dispatchInteraction(discord.autocomplete('follow', { name: 'zone', type: 3, value: 'jibei' }, [], manager));
    expect((await discord.waitForCallback(zone.id)).body.data.choices[0].value).toBe(ZONE);
    const measure = discord.dispatchInteraction(discord.autocomplete('follow', { name: 'measure', type: 3, value: '一窗' }, [], manager));
    expect((await discord.waitForCallback(measure.id)).body.data.choices.map((c: { value: string }) => c.value)).toContain('一窗受理');
    const unfollow = discord.dispatchInteraction(discord.autocomplete('unfollow', { name: 'zone', type: 3, value: '' }, [], manager));
    expect((await discord.waitForCallback(unfollow.id)).body.data.choices).toEqual([{ name: ZONE, value: ZONE }]);
  });

  it('lists the channel’s subscriptions', async () => {
    const listed = await slash('following', {}, manager, 'en-US');
    expect(listed.body.data.content).toMatch(/^This channel follows:\n• zone “济北开发区” \(by <@5000000000000000012>, \d{4}-\d\d-\d\d\)$/u);
    expect(listed.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('posts a new article about the zone once, with its cited excerpts and no mention', async () => {
    const { after } = await drop({ '300_station.txt': ABOUT_ZONE, '301_another.txt': ABOUT_ANOTHER });
    const posts = postsTo(discord.channelId);
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post!.body.allowed_mentions).toEqual({ parse: [] });
    expect(post!.body.components).toEqual([]);
    const embed = post!.body.embeds[0];
    expect(embed.title).toBe(`关注的新内容：${ZONE}`);

    // Exactly the new article's paragraphs about the zone, cited; nothing of the other new article.
    const expected = after
      .zoneParagraphs(ZONE)
      .map((i) => after.corpus.paragraphs[i]!)
      .filter((p) => p.file === '300_station.txt')
      .map((p) => p.citation);
    expect(expected.length).toBeGreaterThan(0);
    const cited = embed.fields.map((f: { name: string }) => f.name.slice(1, f.name.indexOf(']')));
    expect(cited).toEqual(expected);
    const text = JSON.stringify(embed);
    expect(text).toContain('120余次');
    expect(text).not.toContain('钢城经济开发区举办');
    expect(text).not.toContain('@everyone');
    expect(text).not.toContain('<@123>');
  });

  it('never posts an announcement twice: a second process with the same database claims nothing', async () => {
    const { before, after } = swaps.at(-1)!;
    const other = FollowStore.open(dataDir);
    try {
      const again = new Announcer({ store: () => other, target: discordTarget(bot.client), log, gapMs: 0 });
      expect(await again.announce(before, after)).toBe(0);
    } finally {
      other.close();
    }
    expect(postsTo(discord.channelId)).toHaveLength(1);
  });

  it('after a restart, keeps the subscription and posts nothing again', async () => {
    await stopBot();
    await startBot();
    expect(store.list(discord.channelId).map((s) => s.name)).toEqual([ZONE]);
    const before = swaps.length;
    await live.rebuild('test');
    await swaps.at(-1)!.announced;
    expect(swaps.length).toBe(before + 1);
    expect(postsTo(discord.channelId)).toHaveLength(1);
  }, 90_000);

  it('stops posting after /unfollow', async () => {
    const reply = await slash('unfollow', { zone: ZONE });
    expect(reply.body.data.content).toContain('不再关注');
    expect(store.list(discord.channelId)).toEqual([]);
    expect((await slash('unfollow', { zone: ZONE })).body.data.content).toContain('没有关注');
    await drop({ '302_station.txt': ABOUT_ZONE.replace('120余次', '130余次') });
    expect(postsTo(discord.channelId)).toHaveLength(1);
  }, 90_000);

  it('ends the subscriptions of a channel that is gone (10003), with a log line', async () => {
    const gone = '3000000000000000099';
    expect(store.follow({ guild: discord.guildId, channel: gone, kind: 'zone', name: ZONE, by: manager.id })).toBe(true);
    discord.failNext((r) => r.method === 'POST' && r.path === `/channels/${gone}/messages`, { status: 404, code: 10003, message: 'Unknown Channel' });
    await drop({ '303_station.txt': ABOUT_ZONE.replace('120余次', '140余次') });
    expect(discord.requests.filter((r) => r.path === `/channels/${gone}/messages`).map((r) => r.body?.__failed)).toEqual([404]);
    expect(store.list(gone)).toEqual([]);
    expect(logs.find((l) => l.message.startsWith('follow ended'))?.context).toMatchObject({ channel: gone, code: 10003, subscriptions: 1 });
  }, 90_000);

  it('never logs the token', () => {
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });
});
