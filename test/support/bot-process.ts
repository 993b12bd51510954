/**
 * The bot as operators run it, a child process (`node bin/zonebot.mjs`), its JSON log lines collected and copied
 * to the test log under a label.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, inject } from 'vitest';

export const BIN = path.join(import.meta.dirname, '..', '..', 'bin', 'zonebot.mjs');

export type LogLine = { message: string; [key: string]: unknown };

/**
 * Starts the bot with `env` over this process's environment, rate limits off and DATA_DIR (the /follow database)
 * in a folder of its own, not the project's .data/, unless `env` sets them.
 */
export function runBot(env: Record<string, string>, label: string) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-proc-data-'));
  const child = spawn('node', [BIN], { env: { ...process.env, RATE_LIMIT: 'off', DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: LogLine[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      appendFileSync(inject('logFile'), `${label} ${line}\n`);
      try {
        logs.push(JSON.parse(line));
      } catch {
        // not a log line
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    logs,
    exited,
    stderr: () => stderr,
    /** How many lines logged this message. */
    count: (message: string) => logs.filter((l) => l.message === message).length,
    logged: (message: string, timeout = 60_000) => expect.poll(() => logs.some((l) => l.message === message), { timeout, interval: 50 }).toBe(true),
  };
}
