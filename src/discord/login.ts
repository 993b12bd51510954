/**
 * Logging in, and what to do when it fails. A refused token is final: the process must exit and say which
 * setting to fix, not hang. A network fault may pass: it is retried with a growing delay, and the log says so,
 * up to a limit. Anything else is final too.
 */
import { Events, type Client } from 'discord.js';
import type { Logger } from '../log.ts';

/** Why the bot cannot start, in words an operator can act on. */
export class StartupError extends Error {}

export interface RetryPolicy {
  attempts: number;
  firstDelayMs: number;
}

/** Five tries over about 15 s: long enough for a network blip, short enough for a supervisor to notice. */
export const LOGIN_RETRY: RetryPolicy = { attempts: 5, firstDelayMs: 1000 };

/** Errors of the network under the request: the connection, not the answer. */
const NETWORK_CODES = /^(?:ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_\w+)$/u;
/** Gateway close codes that mean the token itself is refused. */
const AUTH_CLOSE_CODES = new Set([4004]);

type Fault = { kind: 'token' } | { kind: 'network'; code: string } | { kind: 'server'; status: number } | { kind: 'other' };

function codeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.test(code)) return code;
    if ((e as { name?: unknown }).name === 'AbortError') return 'timeout';
  }
  return undefined;
}

export function classify(err: unknown): Fault {
  const e = err as { code?: unknown; status?: unknown };
  if (e?.code === 'TokenInvalid' || e?.status === 401) return { kind: 'token' };
  const network = codeOf(err);
  if (network) return { kind: 'network', code: network };
  if (typeof e?.status === 'number' && e.status >= 500) return { kind: 'server', status: e.status };
  return { kind: 'other' };
}

/** Resolves when the client is ready; rejects when the gateway closes for good before that (a refused token). */
function connect(client: Client, token: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onReady = () => {
      client.off(Events.ShardDisconnect, onDisconnect);
      resolve();
    };
    const onDisconnect = (event: { code: number }) => {
      client.off(Events.ClientReady, onReady);
      reject(AUTH_CLOSE_CODES.has(event.code) ? Object.assign(new Error('gateway refused the token'), { status: 401 }) : new Error(`the gateway closed with code ${event.code}`));
    };
    client.once(Events.ClientReady, onReady);
    client.once(Events.ShardDisconnect, onDisconnect);
    client.login(token).catch((err: unknown) => {
      client.off(Events.ClientReady, onReady);
      client.off(Events.ShardDisconnect, onDisconnect);
      reject(err);
    });
  });
}

/** Logs in, retrying only faults that may pass; throws a StartupError that says what to fix. */
export async function login(client: Client, token: string, apiUrl: string | undefined, log: Logger, retry: RetryPolicy = LOGIN_RETRY): Promise<void> {
  const where = apiUrl ?? 'Discord (https://discord.com/api)';
  for (let attempt = 1; ; attempt++) {
    try {
      await connect(client, token);
      return;
    } catch (err) {
      const fault = classify(err);
      await client.destroy();
      if (fault.kind === 'token') {
        throw new StartupError('Discord refused the token. Set DISCORD_TOKEN to the bot token from the Developer Portal (your application → Bot → Reset Token).');
      }
      if (fault.kind === 'other') throw new StartupError(`could not log in to ${where}: ${err instanceof Error ? err.message : String(err)}`);
      const problem = fault.kind === 'network' ? `cannot reach ${where} (${fault.code})` : `${where} answered ${fault.status}`;
      if (attempt >= retry.attempts) {
        throw new StartupError(`${problem} after ${attempt} attempts. Check DISCORD_API_URL (leave it empty for Discord itself) and the network, then start again.`);
      }
      const delayMs = retry.firstDelayMs * 2 ** (attempt - 1);
      log.log('warn', 'login failed; retrying', { problem, attempt, of: retry.attempts, retryInMs: delayMs });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
