/** The local Discord itself, driven by the real discord.js client: if this fails, the bot tests mean nothing. */
import { Client, DiscordAPIError, Events, GatewayIntentBits, MessageFlags, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDiscord, type LocalDiscord } from './support/local-discord.ts';

const user = { id: '5000000000000000001', username: 'tester' };
let discord: LocalDiscord;
let client: Client;
let handler: (i: Interaction) => Promise<void> = async () => {};

beforeAll(async () => {
  discord = await startLocalDiscord();
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.restBase, retries: 3 } });
  client.on(Events.InteractionCreate, (i) => void handler(i).catch(() => {}));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('local-test-token-not-a-secret');
  await ready;
});

afterAll(async () => {
  await client.destroy();
  await discord.stop();
});

describe('the local Discord', () => {
  it('brings the real client to ready with the guild', () => {
    expect(client.isReady()).toBe(true);
    expect(client.guilds.cache.has(discord.guildId)).toBe(true);
    expect(discord.identifies).toBe(1);
  });

  it('delivers a slash command and records the reply', async () => {
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: `pong ${i.options.getString('question')}`, flags: MessageFlags.Ephemeral });
    };
    const sent = discord.dispatchInteraction(discord.slashCommand('ask', [{ name: 'question', type: 3, value: '济北' }], user));
    const callback = await discord.waitForCallback(sent.id);
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'pong 济北', flags: MessageFlags.Ephemeral } });
  });

  it('records deferReply and editReply on @original', async () => {
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.editReply('later');
    };
    const sent = discord.dispatchInteraction(discord.slashCommand('ask', [], user));
    expect((await discord.waitForCallback(sent.id)).body).toMatchObject({ type: 5 });
    const edit = await discord.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/interaction-token-${sent.id}/messages/@original`));
    expect(edit.body).toMatchObject({ content: 'later' });
  });

  it('answers autocomplete (type 8) and button updates (type 7)', async () => {
    handler = async (i) => {
      if (i.isAutocomplete()) await i.respond([{ name: i.options.getFocused(), value: 'x' }]);
      if (i.isButton()) await i.update({ content: `clicked ${i.customId}` });
    };
    const ac = discord.dispatchInteraction(discord.autocomplete('zone', { name: 'name', type: 3, value: 'jibei' }, [], user));
    expect((await discord.waitForCallback(ac.id)).body).toMatchObject({ type: 8, data: { choices: [{ name: 'jibei', value: 'x' }] } });
    const click = discord.dispatchInteraction(discord.buttonClick('b1', discord.messageFrom({ content: 'old' }), user));
    expect((await discord.waitForCallback(click.id)).body).toMatchObject({ type: 7, data: { content: 'clicked b1' } });
  });

  it('answers an expired interaction with Unknown interaction (10062)', async () => {
    let error: unknown;
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply('too late').catch((e: unknown) => (error = e));
    };
    const payload = discord.slashCommand('ask', [], user);
    discord.expireInteraction(payload.id);
    discord.dispatchInteraction(payload);
    await discord.waitFor((r) => r.path.startsWith(`/interactions/${payload.id}/`));
    await expect.poll(() => error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(10062);
  });

  it('retries after a 429 with retry_after and after a 500', async () => {
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply('eventually');
    };
    const limited = discord.slashCommand('ask', [], user);
    discord.failNext((r) => r.path.startsWith(`/interactions/${limited.id}/`), { status: 429, retryAfter: 0.2 });
    discord.dispatchInteraction(limited);
    expect((await discord.waitForCallback(limited.id)).body).toMatchObject({ type: 4, data: { content: 'eventually' } });
    expect(discord.callbacks(limited.id)).toHaveLength(2);
    const broken = discord.slashCommand('ask', [], user);
    discord.failNext((r) => r.path.startsWith(`/interactions/${broken.id}/`), { status: 500 });
    discord.dispatchInteraction(broken);
    expect((await discord.waitForCallback(broken.id, 10_000)).body).toMatchObject({ type: 4 });
  });

  it('resumes after the gateway socket is closed with 4000', async () => {
    const resumed = new Promise<void>((resolve) => client.once(Events.ShardResume, () => resolve()));
    discord.closeGateway(4000);
    await resumed;
    expect(discord.resumes).toBe(1);
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply('still here');
    };
    const sent = discord.dispatchInteraction(discord.slashCommand('ask', [], user));
    expect((await discord.waitForCallback(sent.id)).body).toMatchObject({ data: { content: 'still here' } });
  });
});
