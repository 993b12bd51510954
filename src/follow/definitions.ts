/**
 * `/follow`, `/unfollow` and `/following` as Discord application commands. They change what the bot posts in a
 * channel, so they are for members who may manage channels: Discord hides them from the others
 * (default_member_permissions), and the bot checks the permission again when they run.
 */
import { InteractionContextType, PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Localized, OptionDefinition } from '../command.ts';
import { localized, optionJSON } from '../discord/definitions.ts';
import { MAX_NAME_LENGTH, type FollowCommand } from './commands.ts';

const option = (name: 'zone' | 'measure', names: Localized, description: Localized): OptionDefinition => ({
  name,
  names,
  description,
  type: 'string',
  maxLength: MAX_NAME_LENGTH,
  autocomplete: true,
});

const ZONE = option(
  'zone',
  { 'zh-CN': '园区', 'en-US': 'zone' },
  { 'zh-CN': '园区名称、简称、繁体或拼音，如 济北、jibei', 'en-US': 'Zone name, short form, Traditional or pinyin, e.g. jibei' },
);
const MEASURE = option('measure', { 'zh-CN': '举措', 'en-US': 'measure' }, { 'zh-CN': '举措名称，如 一窗受理', 'en-US': 'Measure name, e.g. 一窗受理' });

const TEXTS: Record<FollowCommand, { names: Localized; description: Localized; options: OptionDefinition[] }> = {
  follow: {
    names: { 'zh-CN': '关注', 'en-US': 'follow' },
    description: {
      'zh-CN': '语料中有关于这个园区或举措的新段落时，发到本频道（需要“管理频道”权限）',
      'en-US': 'Post new passages about a zone or measure to this channel (Manage Channels)',
    },
    options: [ZONE, MEASURE],
  },
  unfollow: {
    names: { 'zh-CN': '取消关注', 'en-US': 'unfollow' },
    description: { 'zh-CN': '本频道不再关注这个园区或举措（需要“管理频道”权限）', 'en-US': 'Stop following a zone or measure in this channel (Manage Channels)' },
    options: [ZONE, MEASURE],
  },
  following: {
    names: { 'zh-CN': '关注列表', 'en-US': 'following' },
    description: { 'zh-CN': '本频道关注的园区和举措（需要“管理频道”权限）', 'en-US': 'What this channel follows (Manage Channels)' },
    options: [],
  },
};

export function followCommandsJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return (Object.entries(TEXTS) as [FollowCommand, (typeof TEXTS)[FollowCommand]][]).map(([name, t]) => ({
    name,
    name_localizations: localized(t.names),
    description: t.description['zh-CN'],
    description_localizations: localized(t.description),
    options: t.options.map(optionJSON) as RESTPostAPIChatInputApplicationCommandsJSONBody['options'],
    default_member_permissions: PermissionFlagsBits.ManageChannels.toString(),
    contexts: [InteractionContextType.Guild],
  }));
}
