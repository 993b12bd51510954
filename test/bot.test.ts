/**
 * The bot end to end: the real discord.js client, the real engine over the seeds, and the local Discord.
 */
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { createBot, type Bot } from '../src/discord/bot.ts';
import { customIdKey } from '../src/discord/custom-id.ts';
import { deployCommands } from '../src/discord/deploy.ts';
import { LiveEngine, type RebuildResult } from '../src/engine/live.ts';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Level, Logger } from '../src/log.ts';
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

let lastReload: RebuildResult | undefined;
const log: Logger = {
  log: (level, message, context = {}) => {
    logs.push({ level, message, context });
    fileLog.log(level, message, context);
  },
};

/** A bot process's life: a new client, nothing kept from the one before. */
async function startBot(customIdSecret?: string): Promise<Bot> {
  const started = createBot({
    token: TOKEN,
    apiUrl: discord.restBase,
    context: () => live.context(),
    reload: async () => (lastReload = await live.rebuild('/reload')),
    log,
    customIdSecret,
  });
  await started.start();
  return started;
}

/** Stops the bot and starts another, as a restart of the process would. */
async function restart(customIdSecret?: string): Promise<void> {
  await bot.stop();
  await expect.poll(() => discord.connectedSockets).toBe(0);
  bot = await startBot(customIdSecret);
}

beforeAll(async () => {
  discord = await startLocalDiscord();
  live = await LiveEngine.open({ corpusDir: SEEDS_DIR, cacheDir: mkdtempSync(path.join(os.tmpdir(), 'zonebot-bot-')), log: fileLog });
  citations = new Set(live.context().engine.corpus.paragraphs.map((p) => p.citation));
  bot = await startBot();
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
    expect(embedOf(replies.ask).footer.text).toMatch(/^第 1\/\d+ 页 · 共 \d+ 条\n\/ask 钢城经济开发区接待各地客商考察多少批次$/);
    // Each excerpt has text: none is a bare "—" (the top answer is in the description, its paragraph in a field).
    for (const [name, reply] of Object.entries(replies)) for (const f of embedOf(reply).fields) expect(f.value, name).not.toBe('—');
    expect(embedOf(replies.zone).description).toContain('济北开发区');
  });

  it('speaks English to an en-US user', async () => {
    const reply = await slash('ask', { question: '续建项目复工率' }, alice, 'en-US');
    expect(embedOf(reply).footer.text).toMatch(/^Page 1\/\d+ · \d+ in all\n\/ask 续建项目复工率$/);
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

  it('refuses a forged custom_id, and a real one on a message whose query was edited', async () => {
    const footer = { text: '第 1/3 页 · 共 12 条\n/ask 营商环境' };
    const forged = discord.dispatchInteraction(discord.buttonClick('z2|pa|2|5000000000000000002||AAAAAAAAAAAAAAAA', discord.messageFrom({ embeds: [{ footer }] }), bob));
    expect((await discord.waitForCallback(forged.id)).body.data).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('失效') });

    const reply = await slash('ask', { question: '营商环境' });
    const next = (reply.body.data.components[0].components as { label: string; custom_id: string }[]).find((b) => b.label === '▶')!;
    const edited = { ...reply.body.data, embeds: [{ ...embedOf(reply), footer: { text: embedOf(reply).footer.text.replace('营商环境', '招商引资') } }] };
    const click = discord.dispatchInteraction(discord.buttonClick(next.custom_id, discord.messageFrom(edited, MessageFlags.Ephemeral), alice));
    expect((await discord.waitForCallback(click.id)).body.data).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('失效') });
  });

  it('shares a page publicly with its citations, naming the sharer without pinging anyone', async () => {
    const reply = await slash('ask', { question: '一窗受理' });
    const share = (reply.body.data.components[0].components as { label: string; custom_id: string }[]).find((b) => b.label === '分享到频道')!;
    const click = discord.dispatchInteraction(discord.buttonClick(share.custom_id, discord.messageFrom(reply.body.data, MessageFlags.Ephemeral), alice));
    const posted = await discord.waitForCallback(click.id);
    expect(posted.body.type).toBe(4);
    expect(posted.body.data.flags ?? 0).toBe(0);
    expect(posted.body.data.content).toBe(`由 <@${alice.id}> 分享`);
    expect(posted.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(citedIn(posted.body.data.embeds[0])).toEqual(citedIn(embedOf(reply)));
  });

  it('escapes mentions and markdown in an echoed question and pings nobody', async () => {
    const reply = await slash('ask', { question: '@everyone <@123> <@&456> **济北** `code` 招商' });
    // Footers are plain text to Discord (no mention, no markdown is ever rendered there): the query is kept as typed.
    const { footer, ...rendered } = embedOf(reply);
    expect(footer.text.split('\n').at(-1)).toBe('/ask @everyone <@123> <@&456> **济北** `code` 招商');
    const text = JSON.stringify(rendered);
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

  it('never logs the token, nor the key derived from it', () => {
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
    expect(JSON.stringify(logs)).not.toContain(customIdKey(TOKEN));
  });
});

/** `base` repeated and cut to exactly `length` UTF-16 units, never splitting an emoji, never ending in a space. */
function questionOf(base: string, length: number): string {
  let out = '';
  for (const ch of base.repeat(Math.ceil(length / base.length) + 1)) {
    if (out.length + ch.length > length) break;
    out += ch;
  }
  while (out.length < length) out += '区';
  return out.replace(/\s$/u, '区');
}

const QUESTION_KINDS = {
  chinese: '请问钢城经济开发区在2024年一共签约了多少个项目，其中营商环境方面推出了哪些举措，一窗受理和一网通办的成效如何？',
  english: 'How many projects did 钢城经济开发区 sign in 2024, and what did it do for the business environment (营商环境)? ',
  emoji: '营商环境 🚀 一窗受理 😀 项目签约 📈 招商引资 🏭 ',
};
const QUESTIONS = [
  { kind: 'chinese', question: '年' },
  ...[61, 100, 200, 300].flatMap((length) => Object.entries(QUESTION_KINDS).map(([kind, base]) => ({ kind: `${kind} ${length}`, question: questionOf(base, length) }))),
];

type Button = { label: string; custom_id: string; disabled?: boolean };
const buttonsOf = (reply: RecordedRequest): Button[] => (reply.body.data.components ?? []).flatMap((row: { components: Button[] }) => row.components);

async function click(button: Button, reply: RecordedRequest, user = alice): Promise<RecordedRequest> {
  const sent = discord.dispatchInteraction(discord.buttonClick(button.custom_id, discord.messageFrom(reply.body.data, MessageFlags.Ephemeral), user));
  return discord.waitForCallback(sent.id);
}

describe('paging and sharing every question the option accepts, with no state in memory', () => {
  const replies = new Map<string, RecordedRequest>();

  it('pages and shares questions of 1, 61, 100, 200 and 300 characters (Chinese, English, emoji)', async () => {
    for (const { kind, question } of QUESTIONS) {
      const reply = await slash('ask', { question });
      replies.set(kind, reply);
      expect(embedOf(reply).footer.text.split('\n').at(-1), kind).toBe(`/ask ${question}`);
      const next = buttonsOf(reply).find((b) => b.label === '▶');
      expect(next, kind).toBeDefined();
      const page2 = await click(next!, reply);
      expect(page2.body.type, kind).toBe(7);
      expect(page2.body.data.embeds[0].footer.text, kind).toMatch(/^第 2\//);
      const posted = await click(buttonsOf(reply).find((b) => b.label === '分享到频道')!, reply);
      expect(posted.body.type, kind).toBe(4);
      expect(posted.body.data.content, kind).toBe(`由 <@${alice.id}> 分享`);
      expect(citedIn(posted.body.data.embeds[0]), kind).toEqual(citedIn(embedOf(reply)));
    }
  }, 60_000);

  it('pages the same messages after a restart, and refuses them under another deployment’s key', async () => {
    await restart();
    for (const [kind, reply] of replies) {
      const page2 = await click(buttonsOf(reply).find((b) => b.label === '▶')!, reply);
      expect(page2.body.data.embeds?.[0]?.footer.text, kind).toMatch(/^第 2\//);
    }
    await restart('another-deployment-s-secret');
    const [kind, reply] = [...replies][1]!;
    const refused = await click(buttonsOf(reply).find((b) => b.label === '▶')!, reply);
    expect(refused.body.data, kind).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('失效') });
    await restart();
  }, 60_000);
});

describe('notes', () => {
  it('says that a command is unknown (not that a button expired), in the user’s language', async () => {
    const zh = await slash('weather', {});
    expect(zh.body.data).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('没有 /weather 这个命令') });
    const en = await slash('weather', {}, alice, 'en-US');
    expect(en.body.data.content).toMatch(/^There is no \/weather command/);
  });

  it('answers empty or space-only input in the user’s words, without a library message or a title of spaces', async () => {
    for (const [question, locale, expected] of [['', 'zh-CN', '请输入内容。'], ['   ', 'zh-CN', '请输入内容。'], ['  ', 'en-US', 'Please type something.']] as const) {
      const reply = await slash('ask', { question }, alice, locale);
      expect(embedOf(reply).title).toBe('/ask');
      expect(embedOf(reply).description).toBe(expected);
      expect(JSON.stringify(reply.body.data)).not.toMatch(/Too small|expected string|>=1/);
    }
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
    // One excerpt is not "page 1 of 12": the footer only says what was asked.
    expect(posted.body.data.embeds[0].footer.text).toBe('/ask 营商环境');
    expect(posted.body.data.allowed_mentions).toEqual({ parse: [] });
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
    // This rebuild's own time, not the build time recorded in the snapshot it found; and what that means.
    expect(lastReload).toMatchObject({ ok: true, fromSnapshot: true });
    expect(edit.body.content).toContain(`用时 ${((lastReload as { ms: number }).ms / 1000).toFixed(1)} 秒`);
    expect(edit.body.content).toContain('语料没有变化');
  }, 90_000);
});

describe('every message', () => {
  it('carries allowed_mentions that ping nobody, whatever it says', () => {
    const messages = discord.requests.filter(
      (r) => !r.body?.__failed && ((/\/callback$/.test(r.path) && [4, 7].includes(r.body?.type)) || (/^\/webhooks\//.test(r.path) && ['POST', 'PATCH'].includes(r.method))),
    );
    expect(messages.length).toBeGreaterThan(40);
    for (const m of messages) {
      const data = /\/callback$/.test(m.path) ? m.body.data : m.body;
      expect(data.allowed_mentions, `${m.method} ${m.path}`).toEqual({ parse: [] });
    }
    // Notes and the /reload edit are among them, not only result pages.
    expect(messages.some((m) => m.method === 'PATCH')).toBe(true);
    expect(messages.some((m) => typeof m.body?.data?.content === 'string' && m.body.data.content.includes('只有发起这条命令的人'))).toBe(true);
  });
});
