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

/** A whole number from text: one message, naming the setting and what it takes, whatever is wrong with it. */
function wholeNumber(name: string, min: number, max?: number) {
  const error = max === undefined ? `${name} must be a whole number, at least ${min}` : `${name} must be a whole number from ${min} to ${max}`;
  const number = z.coerce.number<string | undefined>({ error }).int({ error }).min(min, { error });
  return optionalText.pipe((max === undefined ? number : number.max(max, { error })).optional());
}

/** A duration from text: `30m`, `90s`, `1h`, `500ms` (a bare number is seconds), at least `minMs`; in milliseconds. */
function duration(name: string, minMs: number) {
  const error = `${name} must be a duration such as 30s, 15m or 1h, at least ${minMs / 1000}s`;
  const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return optionalText.pipe(
    z
      .string()
      .regex(/^\d+(?:\.\d+)?\s*(?:ms|s|m|h)?$/iu, { error })
      .transform((v) => {
        const [, amount, unit] = /^(\S+?)\s*(ms|s|m|h)?$/iu.exec(v)!;
        return Math.round(Number(amount) * unitMs[(unit ?? 's').toLowerCase()]!);
      })
      .pipe(z.number().min(minMs, { error }))
      .optional(),
  );
}

/** A list of http(s) URLs, separated by commas or white space. */
const feedList = optionalText.pipe(
  z
    .string()
    .transform((v) => v.split(/[\s,]+/u).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/u, error: 'FEEDS must list http:// or https:// URLs, separated by commas or spaces' })))
    .optional(),
);

export const configSchema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  CUSTOM_ID_SECRET: optionalText.pipe(z.string().min(16, { message: 'CUSTOM_ID_SECRET must be at least 16 characters (a random string)' }).optional()),
  DISCORD_API_URL: optionalText.pipe(z.url({ message: 'DISCORD_API_URL must be a URL such as http://127.0.0.1:8080/api' }).optional()),
  CORPUS_DIR: optionalText,
  CACHE_DIR: optionalText,
  MAX_FILE_BYTES: wholeNumber('MAX_FILE_BYTES', 1),
  SHARDS: optionalText.pipe(z.union([z.literal('auto'), z.string().regex(/^[1-9]\d*$/u, { message: 'SHARDS must be "auto" or a positive number' })]).optional()),
  RATE_LIMIT: optionalText.pipe(z.string().regex(/^(?:0|off|\d+\s*\/\s*\d+\s*(?:ms|s|m)?)$/iu, { message: 'RATE_LIMIT must look like 5/10s, or off' }).optional()),
  PAGE_SIZE: wholeNumber('PAGE_SIZE', 1, 10),
  DATA_DIR: optionalText,
  FEEDS: feedList,
  FEED_INTERVAL: duration('FEED_INTERVAL', 60_000),
  FETCH_TIMEOUT: duration('FETCH_TIMEOUT', 100),
  FETCH_MAX_BYTES: wholeNumber('FETCH_MAX_BYTES', 1),
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
    throw new ConfigError(`invalid configuration (environment or .env):\n${problems}`);
  }
  return parsed.data;
}
