/**
 * Once per test run: a log file for every bot under test, and, at the end, a check that no test token reached
 * it — tokens are registered secrets and must come out as [redacted] wherever they would appear.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    logFile: string;
  }
}

/** Every token the tests give a bot has this in it. */
export const TOKEN_MARK = 'test-token-that-must-never-be-logged';

export default function setup(project: TestProject) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'zonebot-test-logs-')), 'bots.log');
  project.provide('logFile', file);
  return () => {
    const logged = existsSync(file) ? readFileSync(file, 'utf8') : '';
    // Vitest reports an error thrown here but still exits 0, so the failure is also set as the exit code.
    const fail = (message: string) => {
      process.exitCode = 1;
      throw new Error(message);
    };
    if (logged.includes(TOKEN_MARK)) fail(`a token was logged during the test run (see ${file})`);
  };
}
