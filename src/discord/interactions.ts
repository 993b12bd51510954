/**
 * Turning Discord interactions into command runs and rendered replies. Handlers stay pure; this module is the
 * only place where a result page meets discord.js.
 *
 * Paging rule: only the person who ran a command may page or share its result (for an ephemeral result nobody
 * else can see it anyway; for a public one, paging would change the message under everyone's eyes). Anyone
 * else who clicks gets an ephemeral note telling them to run the command themselves.
 */
import {
  DiscordAPIError,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { findCommand } from '../../commands/index.ts';
import { execute } from '../command.ts';
import { runCommand } from '../cli/run.ts';
import type { Logger } from '../log.ts';
import type { CommandContext } from '../results.ts';
import type { RebuildResult } from '../engine/live.ts';
import { isFollowCommand } from '../follow/commands.ts';
import { onFollowCommand, onUnfollowAutocomplete } from '../follow/interactions.ts';
import type { FollowStore } from '../follow/store.ts';
import { autocompleteChoices } from './autocomplete.ts';
import type { RateLimiter } from './rate-limit.ts';
import { decodeCustomId } from './custom-id.ts';
import { readQueryLine } from './query-line.ts';
import { renderDiscord } from './render.ts';

const UNKNOWN_INTERACTION = 10062;

export interface InteractionDeps {
  context: () => CommandContext;
  log: Logger;
  /** The deployment's custom_id signing key. */
  key: string;
  rateLimit?: RateLimiter;
  /** Runs `/reload`; absent where the bot cannot rebuild. */
  reload?: () => Promise<RebuildResult>;
  /** What channels follow (`/follow`); absent where the bot keeps no database. */
  follows?: FollowStore;
}

const NOTES = {
  'zh-CN': {
    notYours: '只有发起这条命令的人可以翻页或分享。请自己运行一次命令。',
    expired: '这个按钮已失效，请重新运行命令。',
    unknownCommand: (name: string) => `没有 /${name} 这个命令，它可能已被移除。输入 / 查看可用的命令，或运行 /help。`,
    failed: '出错了，请稍后再试。',
    slowDown: (s: number) => `操作太频繁了，请 ${s} 秒后再试。`,
    adminOnly: '只有拥有“管理服务器”权限的成员可以重建索引。',
    reloaded: (files: number, skipped: number, seconds: string, unchanged: boolean) =>
      `索引已重建：${files} 个文件，跳过 ${skipped} 个，用时 ${seconds} 秒。${unchanged ? '语料没有变化，沿用了已有的快照。' : ''}`,
    reloadFailed: '重建失败，仍在使用原来的索引。原因已写入日志，请检查语料文件夹后再试。',
    noReload: '这个实例不能重建索引。',
  },
  'en-US': {
    notYours: 'Only the person who ran this command can page or share it. Run the command yourself.',
    expired: 'This button has expired; please run the command again.',
    unknownCommand: (name: string) => `There is no /${name} command; it may have been removed. Type / to see the commands, or run /help.`,
    failed: 'Something went wrong; please try again.',
    slowDown: (s: number) => `That was a lot of commands at once; please try again in ${s} s.`,
    adminOnly: 'Only members with Manage Server can rebuild the index.',
    reloaded: (files: number, skipped: number, seconds: string, unchanged: boolean) =>
      `Index rebuilt: ${files} files, ${skipped} skipped, in ${seconds} s.${unchanged ? ' The corpus had not changed; the existing snapshot was reused.' : ''}`,
    reloadFailed: 'Rebuild failed; the previous index stays in service. The reason is in the log: check the corpus folder and try again.',
    noReload: 'This instance cannot rebuild its index.',
  },
};
const notes = (locale: string) => (/^en/iu.test(locale) ? NOTES['en-US'] : NOTES['zh-CN']);
/** Every message pings nobody, whatever its text holds. */
const NO_MENTIONS = { parse: [] as [] };
/** A short ephemeral answer. */
const note = (content: string) => ({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }) as const;

/** `/reload`, checked again here: default_member_permissions is a default that server admins can change. */
async function onReload(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const n = notes(interaction.locale);
  if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    return void (await interaction.reply(note(n.adminOnly)));
  }
  if (!deps.reload) return void (await interaction.reply(note(n.noReload)));
  // A rebuild takes longer than Discord's 3 s: acknowledge first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  deps.log.log('info', 'reload requested', { user: interaction.user.id, guild: interaction.guildId });
  const result = await deps.reload();
  const content = result.ok ? n.reloaded(result.files, result.skipped, (result.ms / 1000).toFixed(1), result.fromSnapshot) : n.reloadFailed;
  await interaction.editReply({ content, allowedMentions: NO_MENTIONS });
}

async function onCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  if (interaction.commandName === 'reload') return onReload(interaction, deps);
  if (isFollowCommand(interaction.commandName)) return onFollowCommand(interaction, interaction.commandName, deps.context().engine, deps.follows);
  const module = findCommand(interaction.commandName);
  // A command Discord still lists but this version no longer has (an old registration).
  if (!module) return void (await interaction.reply(note(notes(interaction.locale).unknownCommand(interaction.commandName))));
  const raw: Record<string, unknown> = { page: 1 };
  for (const option of module.definition.options) {
    const value = interaction.options.get(option.name)?.value;
    if (value !== undefined) raw[option.name] = value;
  }
  const isPublic = interaction.options.getBoolean('public') ?? false;
  const page = execute(module, deps.context(), raw);
  const rendered = renderDiscord(page, {
    locale: interaction.locale,
    owner: interaction.user.id,
    ephemeral: !isPublic,
    key: deps.key,
  });
  await interaction.reply({ ...rendered, ...(isPublic ? {} : { flags: MessageFlags.Ephemeral }) });
}

async function onButton(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const n = notes(interaction.locale);
  // The query is on the message (its footer); the id says the rest and signs both together.
  const line = readQueryLine(interaction.message.embeds[0]?.data);
  const state = line && decodeCustomId(interaction.customId, line.query, deps.key);
  // A forged or edited id or footer, or another deployment's: nothing to replay.
  if (!line || !state || state.command !== line.command) return void (await interaction.reply(note(n.expired)));
  if (state.owner !== interaction.user.id) return void (await interaction.reply(note(n.notYours)));
  const page = runCommand(deps.context(), state.command, line.query, state.page);
  if (state.action === 'page') {
    const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
    await interaction.update(renderDiscord(page, { locale: interaction.locale, owner: state.owner, ephemeral, key: deps.key }));
    return;
  }
  // Share: post the page (or one excerpt of it) to the channel, naming the person who shared it.
  const hit = state.item === undefined ? undefined : page.hits[state.item];
  const shared = hit ? { ...page, hits: [hit] } : page;
  await interaction.reply(
    renderDiscord(shared, { locale: interaction.guildLocale ?? interaction.locale, owner: state.owner, ephemeral: false, sharedBy: interaction.user.id, excerpt: hit !== undefined }),
  );
}

async function onAutocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  if (interaction.commandName === 'unfollow' && deps.follows) return onUnfollowAutocomplete(interaction, deps.follows);
  const focused = interaction.options.getFocused(true);
  const choices = autocompleteChoices(deps.context().engine, interaction.commandName, focused.name, String(focused.value), interaction.locale);
  await interaction.respond(choices);
}

/** Handles one interaction; never throws. Failures are logged with context and answered where still possible. */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  const started = performance.now();
  const context = {
    interaction: interaction.id,
    type: interaction.type,
    user: interaction.user.id,
    guild: interaction.guildId,
    ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
    ...(interaction.isButton() ? { customId: interaction.customId } : {}),
  };
  try {
    const limited = (interaction.isChatInputCommand() || interaction.isButton()) && deps.rateLimit && !deps.rateLimit.allow(interaction.user.id);
    if (limited) {
      await interaction.reply(note(notes(interaction.locale).slowDown(deps.rateLimit!.retryAfter(interaction.user.id))));
      deps.log.log('info', 'rate limited', context);
    } else if (interaction.isChatInputCommand()) await onCommand(interaction, deps);
    else if (interaction.isButton()) await onButton(interaction, deps);
    else if (interaction.isAutocomplete()) await onAutocomplete(interaction, deps);
    deps.log.log('debug', 'interaction answered', { ...context, ms: Math.round(performance.now() - started) });
  } catch (err) {
    if (err instanceof DiscordAPIError && err.code === UNKNOWN_INTERACTION) {
      deps.log.log('warn', 'interaction expired before it was answered', { ...context, error: err });
      return;
    }
    deps.log.log('error', 'interaction failed', { ...context, error: err });
    if (!interaction.isRepliable()) return;
    const reply = note(notes(interaction.locale).failed);
    try {
      if (interaction.replied || interaction.deferred) await interaction.followUp(reply);
      else await interaction.reply(reply);
    } catch (again) {
      deps.log.log('warn', 'could not tell the user about the failure', { ...context, error: again });
    }
  }
}
