/**
 * The command modules' definitions as Discord application commands: names, descriptions and option texts in
 * zh-CN (the default) and en-US, string limits, autocomplete, and the `public` option every command has.
 */
import {
  ApplicationCommandOptionType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { commands } from '../../commands/index.ts';
import type { CommandDefinition, Localized, OptionDefinition } from '../command.ts';

/** Every reply is ephemeral unless the user asks for it to be posted to the channel. */
export const PUBLIC_OPTION: OptionDefinition = {
  name: 'public',
  names: { 'zh-CN': '公开', 'en-US': 'public' },
  description: { 'zh-CN': '发到频道里让所有人看到（默认仅自己可见）', 'en-US': 'Post to the channel for everyone (default: only you)' },
  type: 'boolean',
};

const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
} as const;

/** Discord's default texts are its own; zh-CN is ours, so the default is the Chinese text, en-US localized. */
export const localized = (texts: Localized) => ({ 'zh-CN': texts['zh-CN'], 'en-US': texts['en-US'], 'en-GB': texts['en-US'] });

export function optionJSON(option: OptionDefinition) {
  return {
    type: OPTION_TYPES[option.type],
    name: option.name,
    name_localizations: localized(option.names),
    description: option.description['zh-CN'],
    description_localizations: localized(option.description),
    required: option.required ?? false,
    ...(option.maxLength !== undefined ? { max_length: option.maxLength } : {}),
    ...(option.minValue !== undefined ? { min_value: option.minValue } : {}),
    ...(option.autocomplete ? { autocomplete: true } : {}),
  };
}

export function commandJSON(definition: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  // Discord wants required options first.
  const options = [...definition.options, PUBLIC_OPTION].sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));
  return {
    name: definition.name,
    name_localizations: localized(definition.names),
    description: definition.description['zh-CN'],
    description_localizations: localized(definition.description),
    options: options.map(optionJSON) as RESTPostAPIChatInputApplicationCommandsJSONBody['options'],
  };
}

/**
 * `/reload`: rebuilds the index from the corpus folder. Only for members who may manage the server: Discord
 * hides it from others (default_member_permissions), and the bot checks the permission again when it runs.
 */
export const RELOAD_COMMAND: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  name: 'reload',
  name_localizations: localized({ 'zh-CN': '重建索引', 'en-US': 'reload' }),
  description: '从语料文件夹重建索引（仅限服务器管理员）',
  description_localizations: localized({
    'zh-CN': '从语料文件夹重建索引（仅限服务器管理员）',
    'en-US': 'Rebuild the index from the corpus folder (server managers only)',
  }),
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
  contexts: [InteractionContextType.Guild],
};

export function applicationCommands(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...commands.map((c) => commandJSON(c.definition)), RELOAD_COMMAND];
}
