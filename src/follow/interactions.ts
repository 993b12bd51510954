/**
 * `/follow`, `/unfollow` and `/following` in Discord: the permission checked again (default_member_permissions
 * is a default that server admins can change), the pure handler run, its reply sent ephemeral and pinging
 * nobody. `/unfollow`'s autocomplete offers the channel's own subscriptions.
 */
import { MessageFlags, PermissionFlagsBits, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { MAX_CHOICES } from '../discord/autocomplete.ts';
import { escapeText, truncate } from '../discord/render.ts';
import type { SearchEngine } from '../search/engine.ts';
import { followText, runFollow, type FollowCommand } from './commands.ts';
import type { FollowKind, FollowStore } from './store.ts';

/** Discord's limit for a message's content. */
const MAX_CONTENT = 2000;

const REFUSED = {
  zh: { permission: '只有拥有“管理频道”权限的成员可以管理本频道的关注。', unavailable: '这个实例没有开启关注功能。' },
  en: { permission: 'Only members with Manage Channels can manage what this channel follows.', unavailable: 'Following is not available on this instance.' },
};

export async function onFollowCommand(interaction: ChatInputCommandInteraction, command: FollowCommand, engine: SearchEngine, store: FollowStore | undefined): Promise<void> {
  const refused = /^en/iu.test(interaction.locale) ? REFUSED.en : REFUSED.zh;
  const reply = (content: string) => interaction.reply({ content: truncate(content, MAX_CONTENT), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels)) return void (await reply(refused.permission));
  if (!store) return void (await reply(refused.unavailable));
  const result = runFollow(store, engine, {
    command,
    guild: interaction.guildId,
    channel: interaction.channelId,
    user: interaction.user.id,
    zone: interaction.options.getString('zone') ?? undefined,
    measure: interaction.options.getString('measure') ?? undefined,
  });
  await reply(followText(result, interaction.locale, escapeText, (id) => `<@${id}>`));
}

/** `/unfollow`'s choices: the channel's subscriptions of the option's kind whose name holds what was typed. */
export async function onUnfollowAutocomplete(interaction: AutocompleteInteraction, store: FollowStore): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const kind: FollowKind = focused.name === 'measure' ? 'measure' : 'zone';
  const typed = String(focused.value).trim();
  const choices = store
    .list(interaction.channelId ?? '')
    .filter((s) => s.kind === kind && s.name.includes(typed))
    .slice(0, MAX_CHOICES)
    .map((s) => ({ name: s.name, value: s.name }));
  await interaction.respond(choices);
}
