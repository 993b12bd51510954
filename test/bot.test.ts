/**
 * The bot end to end: the real discord.js client, the real engine over the seeds, and the local Discord.
 */
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { createBot, type Bot } from '../src/discord/bot.ts';
import { deployCommands } from '../src/discord/deploy.ts';
import { LiveEngine } from '../src/engine/live.ts';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Level } from '../src/log.ts';
import { SEEDS_DIR } from './seeds.ts';
import { startLocalDiscord, type LocalDiscord, type RecordedRequest } from './support/local-discord.ts';
import { testLogger } from './support/test-log.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAwMQ.local.test-token-that-must-never-be-logged';
const alice = { id: '5000000000000000001', username: 'alice' };
const bob = { id: '5000000000000000002', username: 'bob' };
const logs: { level: Level; message: string; context: Record<string, unknown> }[] = [];
const fileLog = testLogger('bot');
let discord: LocalDiscord;
let bot: Bot;
let citations: Set<string>;
let live: LiveEngine;

beforeAll(async () => {
  discord = await startLocalDiscord();
  live = await LiveEngine.open({ corpusDir: SEEDS_DIR, cacheDir: mkdtempSync(path.join(os.tmpdir(), 'zonebot-bot-')), log: fileLog });
  citations = new Set(live.context().engine.corpus.paragraphs.map((p) => p.citation));
  bot = createBot({
    token: TOKEN,
    apiUrl: discord.restBase,
    context: () => live.context(),
    reload: () => live.rebuild('/reload'),
    log: {
      log: (level, message, context = {}) => {
        logs.push({ level, message, context });
        fileLog.log(level, message, context);
      },
    },
  });
  await bot.start();
});

afterAll(async () => {
  await live.close();
  await bot.stop();
  await discord.stop();
});

/** Sends a slash command and returns the recorded reply. */
async function slash(name: string, options: Record<string, string | boolean>, user = alice, locale = 'zh-CN'): Promise<RecordedRequest> {
  const typed = Object.entries(options).map(([k, v]) => ({ name: k, type: typeof v === 'boolean' ? 5 : 3, value: v }));
  const sent = discord.dispatchInteraction(discord.slashCommand(name, typed, user, locale));
  return discord.waitForCallback(sent.id);
}

const embedOf = (r: RecordedRequest) => r.body.data.embeds[0];
const citedIn = (embed: any): string[] => [...JSON.stringify(embed).matchAll(/\[(\d{3}-\d+)\]/g)].map((m) => m[1]!);

describe('the bot against the local Discord', () => {
  it('becomes ready on the guild', () => {
    expect(bot.client.isReady()).toBe(true);
    expect(bot.client.guilds.cache.has(discord.guildId)).toBe(true);
  });

  it('deploys every command with localizations and option limits, idempotently', async () => {
    const first = await deployCommands({ token: TOKEN, guildId: discord.guildId, apiUrl: discord.restBase });
    const second = await deployCommands({ token: TOKEN, guildId: discord.guildId, apiUrl: discord.restBase });
    expect(second.map((c) => c.name)).toEqual(first.map((c) => c.name));
    const registered = discord.commands.get(discord.guildId)!;
    expect(registered.map((c) => c.name).sort()).toEqual([...commands.map((c) => c.definition.name), 'reload', 'follow', 'unfollow', 'following'].sort());
    // /reload is for members who may manage the server (0x20): Discord hides it from the others.
    expect(registered.find((c) => c.name === 'reload')).toMatchObject({ default_member_permissions: '32' });
    // /follow, /unfollow and /following have no `public` option (their replies are notes to the manager): test/follow.test.ts.
    for (const command of registered.filter((c) => !['reload', 'follow', 'unfollow', 'following'].includes(c.name))) {
      expect(command.name_localizations).toHaveProperty('zh-CN');
      expect(command.description_localizations).toHaveProperty('en-US');
      for (const option of command.options) {
        expect(option.description_localizations['en-US']).toBeTruthy();
        if (option.type === 3) expect(option.max_length).toBeGreaterThan(0);
      }
      expect(command.options.some((o: any) => o.name === 'public' && o.type === 5)).toBe(true);
    }
    const zone = registered.find((c) => c.name === 'zone');
    expect(zone.options.find((o: any) => o.name === 'name')).toMatchObject({ autocomplete: true, max_length: 100, required: true });
  });

  it('answers each of the five commands with an embed citing real paragraphs', async () => {
    const replies = {
      ask: await slash('ask', { question: '钢城经济开发区接待各地客商考察多少批次' }),
      zone: await slash('zone', { name: 'jibei' }),
      measure: await slash('measure', { name: '一窗受理' }),
      stats: await slash('stats', { metric: '新签约项目' }),
      source: await slash('source', { citation: '000-11' }),
    };
    for (const [name, reply] of Object.entries(replies)) {
      expect(reply.body.type, name).toBe(4);
      expect(reply.body.data.flags, name).toBe(MessageFlags.Ephemeral);
      const cited = citedIn(embedOf(reply));
      expect(cited.length, name).toBeGreaterThan(0);
      for (const c of cited) expect(citations.has(c), `${name} cites ${c}`).toBe(true);
    }
    expect(embedOf(replies.ask).description.replace(/__|\*\*/g, '')).toContain('150余批次');
    expect(embedOf(replies.ask).footer.text).toMatch(/^第 1\/\d+ 页 · 共 \d+ 条$/);
    expect(embedOf(replies.zone).description).toContain('济北开发区');
  });

  it('speaks English to an en-US user', async () => {
    const reply = await slash('ask', { question: '续建项目复工率' }, alice, 'en-US');
    expect(embedOf(reply).footer.text).toMatch(/^Page 1\/\d+ · \d+ in all$/);
  });

  it('autocompletes zones for 济 and for jibei with at most 25 fitting choices', async () => {
    for (const typed of ['济', 'jibei']) {
      const sent = discord.dispatchInteraction(discord.autocomplete('zone', { name: 'name', type: 3, value: typed }, [], alice));
      const reply = await discord.waitForCallback(sent.id);
      const choices = reply.body.data.choices as { name: string; value: string }[];
      expect(reply.body.type).toBe(8);
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
      if (typed === 'jibei') expect(choices[0]!.value).toBe('济北开发区');
      else expect(choices.every((c) => c.name.includes('济'))).toBe(true);
    }
  });

  it('pages forward and back with the buttons, and refuses someone else’s click', async () => {
    const reply = await slash('ask', { question: '营商环境' });
    const message = discord.messageFrom(reply.body.data, MessageFlags.Ephemeral);
    const buttons = reply.body.data.components[0].components as { label: string; custom_id: string; disabled?: boolean }[];
    const next = buttons.find((b) => b.label === '▶')!;
    expect(buttons.find((b) => b.label === '◀')!.disabled).toBe(true);

    const click = discord.dispatchInteraction(discord.buttonClick(next.custom_id, message, alice));
    const page2 = await discord.waitForCallback(click.id);
    expect(page2.body.type).toBe(7);
    expect(page2.body.data.embeds[0].footer.text).toMatch(/^第 2\//);
    const back = (page2.body.data.components[0].components as typeof buttons).find((b) => b.label === '◀')!;
    const click2 = discord.dispatchInteraction(discord.buttonClick(back.custom_id, discord.messageFrom(page2.body.data, MessageFlags.Ephemeral), alice));
    expect((await discord.waitForCallback(click2.id)).body.data.embeds[0].footer.text).toMatch(/^第 1\//);

    const intruder = discord.dispatchInteraction(discord.buttonClick(next.custom_id, message, bob));
    const refusal = await discord.waitForCallback(intruder.id);
    expect(refusal.body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('只有发起这条命令的人') } });
  });

  it('refuses a forged custom_id', async () => {
    const forged = discord.dispatchInteraction(discord.buttonClick('z1|pa|2|5000000000000000002||AAAAAAAA|=营商环境', discord.messageFrom({}), bob));
    expect((await discord.waitForCallback(forged.id)).body.data).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('失效') });
  });

  it('shares a page publicly with its citations, pinging only the sharer', async () => {
    const reply = await slash('ask', { question: '一窗受理' });
    const share = (reply.body.data.components[0].components as { label: string; custom_id: string }[]).find((b) => b.label === '分享到频道')!;
    const click = discord.dispatchInteraction(discord.buttonClick(share.custom_id, discord.messageFrom(reply.body.data, MessageFlags.Ephemeral), alice));
    const posted = await discord.waitForCallback(click.id);
    expect(posted.body.type).toBe(4);
    expect(posted.body.data.flags ?? 0).toBe(0);
    expect(posted.body.data.content).toBe(`由 <@${alice.id}> 分享`);
    expect(posted.body.data.allowed_mentions).toEqual({ parse: [], users: [alice.id] });
    expect(citedIn(posted.body.data.embeds[0])).toEqual(citedIn(embedOf(reply)));
  });

  it('escapes mentions and markdown in an echoed question and pings nobody', async () => {
    const reply = await slash('ask', { question: '@everyone <@123> <@&456> **济北** `code` 招商' });
    const text = JSON.stringify(reply.body.data.embeds);
    expect(text).not.toContain('@everyone');
    expect(text).not.toContain('<@123>');
    expect(text).not.toContain('<@&456>');
    expect(embedOf(reply).title).toContain('\\*\\*济北\\*\\*');
    expect(reply.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('logs an expired interaction and keeps serving', async () => {
    const payload = discord.slashCommand('ask', [{ name: 'question', type: 3, value: '济北' }], alice);
    discord.expireInteraction(payload.id);
    discord.dispatchInteraction(payload);
    await expect.poll(() => logs.some((l) => l.message.includes('expired') && l.context.interaction === payload.id)).toBe(true);
    expect((await slash('ask', { question: '济北' })).body.type).toBe(4);
  });

  it('resumes after the gateway closes the socket and answers the next command', async () => {
    const before = discord.resumes + discord.identifies;
    discord.closeGateway(4000);
    await expect.poll(() => discord.resumes + discord.identifies, { timeout: 10_000 }).toBeGreaterThan(before);
    expect((await slash('zone', { name: '钢城' })).body.data.embeds[0].description).toContain('钢城经济开发区');
  });

  it('never logs the token', () => {
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });
});

describe('sharing one excerpt', () => {
  it('posts only the chosen excerpt with its citation', async () => {
    const reply = await slash('ask', { question: '营商环境' });
    const perHit = reply.body.data.components[1].components as { label: string; custom_id: string }[];
    expect(perHit).toHaveLength(5);
    const third = perHit[2]!;
    const click = discord.dispatchInteraction(discord.buttonClick(third.custom_id, discord.messageFrom(reply.body.data, MessageFlags.Ephemeral), alice));
    const posted = await discord.waitForCallback(click.id);
    const citation = third.label.split(' ').at(-1)!;
    expect(posted.body.data.embeds[0].fields.map((f: { name: string }) => f.name.slice(1, f.name.indexOf(']')))).toEqual([citation]);
    expect(posted.body.data.allowed_mentions).toEqual({ parse: [], users: [alice.id] });
  });
});

describe('/reload', () => {
  it('refuses a member without Manage Server, and rebuilds for one with it', async () => {
    const refused = await slash('reload', {}, bob);
    expect(refused.body.data).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('管理服务器') });
    const admin = { ...alice, permissions: String(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages) };
    const sent = discord.dispatchInteraction(discord.slashCommand('reload', [], admin));
    expect((await discord.waitForCallback(sent.id)).body).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const edit = await discord.waitFor((r) => r.method === 'PATCH' && r.path.includes(`interaction-token-${sent.id}`), 60_000);
    expect(edit.body.content).toMatch(/^索引已重建：5 个文件，跳过 0 个/);
    expect(live.rebuilds).toBe(1);
  }, 90_000);
});
