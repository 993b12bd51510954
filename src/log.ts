/**
 * Logging: one JSON object a line on stderr, with the context of what happened. Secrets registered here are
 * replaced wherever they would appear, so a token cannot reach a log even through an error message.
 */
const secrets = new Set<string>();

export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 8) secrets.add(secret);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: Level, message: string, context?: Record<string, unknown>): void;
}

function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, ...('code' in value ? { code: value.code } : {}) };
  return value;
}

export function jsonLogger(write: (line: string) => void = (line) => process.stderr.write(line + '\n'), minLevel: Level = 'info'): Logger {
  const order: Level[] = ['debug', 'info', 'warn', 'error'];
  return {
    log(level, message, context = {}) {
      if (order.indexOf(level) < order.indexOf(minLevel)) return;
      const fields = Object.fromEntries(Object.entries(context).map(([k, v]) => [k, describe(v)]));
      write(redact(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })));
    },
  };
}
