/**
 * `npm run deploy -- [--guild ID]`: registers the commands of `commands/` with Discord by bulk overwrite —
 * to one guild (instant, for trying out) or globally. Running it twice changes nothing.
 */
import { REST, Routes, type APIApplication, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { followCommandsJSON } from '../follow/definitions.ts';
import { applicationCommands } from './definitions.ts';

export interface DeployOptions {
  token: string;
  applicationId?: string | undefined;
  guildId?: string | undefined;
  apiUrl?: string | undefined;
}

export async function deployCommands(options: DeployOptions): Promise<RESTPutAPIApplicationCommandsResult> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const applicationId = options.applicationId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  return (await rest.put(route, { body: [...applicationCommands(), ...followCommandsJSON()] })) as RESTPutAPIApplicationCommandsResult;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { guild: { type: 'string' } } });
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN is not set (environment or .env): deploy needs the bot token');
  const registered = await deployCommands({
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    guildId: values.guild,
    apiUrl: config.DISCORD_API_URL,
  });
  const where = values.guild ? `guild ${values.guild}` : 'all guilds (global; may take up to an hour to appear)';
  console.log(`registered ${registered.length} commands for ${where}: ${registered.map((c) => '/' + c.name).join(' ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : `deploy failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
