/**
 * /follow at the console: followed under the pseudo channel `console` in the same database as the bot's, and
 * what a rebuild brings about it printed once, with its citations; nothing for what the console does not follow.
 */
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { startConsole } from '../src/cli/console.ts';
import { LiveEngine } from '../src/engine/live.ts';
import { ConsoleFollows, parseFollowText } from '../src/follow/console.ts';
import { DB_FILE, FollowStore } from '../src/follow/store.ts';
import { SEEDS_DIR } from './seeds.ts';
import { testLogger } from './support/test-log.ts';

const temp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));

it('reads `zone NAME`, `measure NAME` and a bare name', () => {
  expect(parseFollowText('zone 济北')).toEqual({ zone: '济北' });
  expect(parseFollowText('measure 一窗受理')).toEqual({ measure: '一窗受理' });
  expect(parseFollowText('举措 一窗受理')).toEqual({ measure: '一窗受理' });
  expect(parseFollowText('钢城')).toEqual({ zone: '钢城' });
  expect(parseFollowText('  ')).toEqual({});
});

it('follows a zone at the console and prints the new passages about it after a rebuild', async () => {
  const corpusDir = temp('zonebot-follow-console-corpus-');
  const dataDir = temp('zonebot-follow-console-data-');
  cpSync(SEEDS_DIR, corpusDir, { recursive: true });
  const log = testLogger('follow-console');
  const live = await LiveEngine.open({ corpusDir, cacheDir: temp('zonebot-follow-console-cache-'), log });
  const follows = new ConsoleFollows(dataDir, undefined, live, log);
  // Nothing is written to DATA_DIR until the console follows something.
  expect(existsSync(path.join(dataDir, DB_FILE))).toBe(false);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const done = startConsole(live, { input, output, follows });
  try {
    input.write('/follow zone jibei\n/following\n');
    await expect.poll(() => text, { timeout: 10_000, interval: 50 }).toContain('本频道关注：\n• 园区 “济北开发区”');
    expect(text).toContain('本频道已关注园区 “济北开发区”');

    writeFileSync(path.join(corpusDir, '300_station.txt'), '济北开发区新设企业服务驿站\n\n济北开发区近日在园区内新设企业服务驿站，提供政策咨询一站式服务。');
    writeFileSync(path.join(corpusDir, '301_another.txt'), '钢城经济开发区举办项目推介会\n\n钢城经济开发区本月举办项目推介会，现场签约项目8个。');
    await live.rebuild('/reload');
    await expect.poll(() => text, { timeout: 10_000, interval: 50 }).toContain('关注的新内容：济北开发区');
    const announced = text.slice(text.indexOf('关注的新内容'));
    expect(announced).toMatch(/\[300-\d+\] .*企业服务驿站/u);
    expect(announced).not.toContain('推介会');

    // The same database as the bot's, under the pseudo channel.
    const store = FollowStore.open(dataDir);
    expect(store.list('console')).toMatchObject([{ kind: 'zone', name: '济北开发区', guild: 'console' }]);
    store.close();

    input.write('/unfollow zone 济北开发区\n');
    await expect.poll(() => text, { timeout: 10_000, interval: 50 }).toContain('本频道不再关注园区 “济北开发区”');
    input.end('/quit\n');
    await done;
  } finally {
    input.end();
    await live.close();
    follows.close();
  }
}, 90_000);
