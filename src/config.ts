/**
 * Configuration from the environment (and `.env`), validated by zod with one clear message per bad setting.
 * The token is only ever checked for presence and shape, never printed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const configSchema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  CUSTOM_ID_SECRET: optionalText.pipe(z.string().min(16, { message: 'CUSTOM_ID_SECRET must be at least 16 characters (a random string)' }).optional()),
  DISCORD_API_URL: optionalText.pipe(z.url({ message: 'DISCORD_API_URL must be a URL such as http://127.0.0.1:8080/api' }).optional()),
  CORPUS_DIR: optionalText,
  CACHE_DIR: optionalText,
  MAX_FILE_BYTES: optionalText.pipe(z.coerce.number<string | undefined>().int().positive({ message: 'MAX_FILE_BYTES must be a positive integer' }).optional()),
  SHARDS: optionalText.pipe(z.union([z.literal('auto'), z.string().regex(/^[1-9]\d*$/u, { message: 'SHARDS must be "auto" or a positive number' })]).optional()),
  RATE_LIMIT: optionalText.pipe(z.string().regex(/^(?:0|off|\d+\s*\/\s*\d+\s*(?:ms|s|m)?)$/iu, { message: 'RATE_LIMIT must look like 5/10s, or off' }).optional()),
  PAGE_SIZE: optionalText.pipe(z.coerce.number<string | undefined>().int().min(1).max(10, { message: 'PAGE_SIZE must be between 1 and 10' }).optional()),
});

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads `.env` from the working directory if present (the environment wins), then validates. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = path.resolve('.env')): Config {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  // Inside a shard, discord.js's ShardingManager sets SHARDS to the shard's own ids: not our setting.
  const own = env.SHARDING_MANAGER === 'true' ? { ...env, SHARDS: undefined } : env;
  const parsed = configSchema.safeParse(own);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`invalid configuration:\n${problems}`);
  }
  return parsed.data;
}
