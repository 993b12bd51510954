/**
 * Logs of the bots under test go to one file per run (set up in global-setup.ts), so that the run's teardown
 * can check that no token was ever logged.
 */
import { appendFileSync } from 'node:fs';
import { inject } from 'vitest';
import { jsonLogger, type Logger } from '../../src/log.ts';

export function testLogger(source: string): Logger & { lines: string[] } {
  const file = inject('logFile');
  const lines: string[] = [];
  const logger = jsonLogger((line) => {
    lines.push(line);
    appendFileSync(file, `${source} ${line}\n`);
  }, 'debug');
  return Object.assign(logger, { lines });
}
