import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerLine, runBatch } from '../src/cli/batch.ts';
import { parseConsoleLine, startConsole } from '../src/cli/console.ts';
import { openEngine } from '../src/engine/open.ts';
import type { CommandContext } from '../src/results.ts';
import { SEEDS_DIR } from './seeds.ts';

const run = promisify(execFile);
const BIN = path.join(import.meta.dirname, '..', 'bin', 'zonebot.mjs');
// Each run gets its own cache folder, so the test also covers building and saving a snapshot.
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-cli-'));
const zonebot = (...args: string[]) => run('node', [BIN, ...args], { env: { ...process.env, CACHE_DIR: cacheDir, DISCORD_TOKEN: '' } });

let context: CommandContext;
beforeAll(async () => {
  context = { engine: (await openEngine({ corpusDir: SEEDS_DIR, snapshot: false })).engine };
});

describe('zonebot <command> --json', () => {
  it('prints the result page in the documented shape', async () => {
    const { stdout } = await zonebot('ask', '钢城经济开发区接待各地客商考察多少批次', '--json');
    const page = JSON.parse(stdout);
    expect(page).toMatchObject({ command: 'ask', query: '钢城经济开发区接待各地客商考察多少批次', page: 1 });
    expect(page.pages).toBeGreaterThanOrEqual(1);
    expect(page.total).toBeGreaterThanOrEqual(page.hits.length);
    const hit = page.hits[0];
    for (const key of ['citation', 'file', 'paragraph', 'title', 'zones', 'text', 'answer', 'score']) expect(hit).toHaveProperty(key);
    expect(hit.file).toBe('003_d63375f093e95ad0.txt');
    expect(hit.answer).toContain('150余批次');
  }, 60_000);

  it('gives zone and facts for zone and stats, and honours --page', async () => {
    const zonePage = JSON.parse((await zonebot('zone', '鋼城', '--json', '--page', '2')).stdout);
    expect(zonePage.zone).toMatchObject({ name: '钢城经济开发区' });
    // 钢城 is also a district's name (钢城区), so it is no alias of the zone; the Traditional form still finds it.
    expect(zonePage.zone.aliases).toContain('gangchengjingjikaifaqu');
    expect(zonePage.page).toBe(Math.min(2, zonePage.pages));
    const statsPage = JSON.parse((await zonebot('stats', '固定资产投资', '--json')).stdout);
    expect(statsPage.facts[0]).toMatchObject({ metric: '固定资产投资', value: '44.47', unit: '亿元' });
    for (const key of ['zone', 'metric', 'value', 'unit', 'text', 'citation']) expect(statsPage.facts[0]).toHaveProperty(key);
  }, 60_000);

  it('reads another corpus folder with --corpus, and says clearly when it is missing', async () => {
    await expect(zonebot('ask', '济北', '--corpus', '/nonexistent/corpus')).rejects.toMatchObject({
      stderr: expect.stringContaining('corpus folder not found: /nonexistent/corpus'),
    });
  }, 60_000);
});

describe('batch', () => {
  it('answers each line with its id, and a bad line with an error line', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const lines: string[] = [];
    output.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    const done = runBatch(context, input, output);
    input.write('{"id":"a","command":"ask","query":"续建项目复工率是多少"}\n');
    input.write('not json\n');
    input.write('{"id":"c","command":"nosuch","query":"x"}\n');
    input.write('{"id":"d","command":"zone","query":"jibei","page":2}\n');
    input.write('{"id":"e","page":-1}\n');
    input.end();
    await done;
    const answers = lines.map((l) => JSON.parse(l));
    expect(answers).toHaveLength(5);
    expect(answers[0]).toMatchObject({ id: 'a', command: 'ask' });
    expect(answers[0].hits[0].answer).toContain('96.87%');
    expect(answers[1].error).toBe('not JSON');
    expect(answers[2]).toMatchObject({ id: 'c', command: 'help' });
    expect(answers[3]).toMatchObject({ id: 'd', command: 'zone', page: 2 });
    expect(answers[4]).toMatchObject({ id: 'e', error: expect.stringContaining('command') });
  });

  it('answerLine never throws on odd input', () => {
    for (const line of ['', '[]', 'null', '{"command":""}', '{"command":"ask","query":"' + '😀'.repeat(400) + '"}']) {
      expect(() => JSON.parse(answerLine(context, line))).not.toThrow();
    }
  });
});

describe('console', () => {
  it('parses commands, page turns and plain questions', () => {
    expect(parseConsoleLine('/zone 济北')).toEqual({ command: 'zone', text: '济北' });
    expect(parseConsoleLine('钢城签约了几个项目')).toEqual({ command: 'ask', text: '钢城签约了几个项目' });
    expect(parseConsoleLine('n')).toEqual({ turn: 1 });
    expect(parseConsoleLine('p')).toEqual({ turn: -1 });
    expect(parseConsoleLine('/quit')).toEqual({ quit: true });
    expect(parseConsoleLine('  ')).toBeUndefined();
  });

  it('runs a session: a zone, the next page, help, a question; no colours when not a TTY', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const done = startConsole(context, { input, output });
    input.end('/zone 济北\nn\n/help\n/ask 钢城签约了几个项目\n/source ../../etc/passwd\n/quit\n');
    await done;
    expect(text).toContain('济北开发区');
    expect(text).toContain('第 1/');
    expect(text).toContain('第 2/');
    expect(text).toContain('/measure');
    expect(text).toMatch(/\[003-\d+\]/);
    expect(text).toContain('没有这个引用编号');
    expect(text).not.toContain('\u001b[');
  });
});
