import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLine, runBatch } from '../src/cli/batch.ts';
import { parseConsoleLine, startConsole, type ConsoleEngine } from '../src/cli/console.ts';
import { ConsoleLiveLog } from '../src/cli/live-log.ts';
import { messagesFor } from '../src/cli/messages.ts';
import { LiveEngine } from '../src/engine/live.ts';
import type { CommandContext } from '../src/results.ts';
import { SEEDS_DIR } from './seeds.ts';

const run = promisify(execFile);
const BIN = path.join(import.meta.dirname, '..', 'bin', 'zonebot.mjs');
const temp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));
// Each run gets its own cache folder, so the test also covers building and saving a snapshot.
const cacheDir = temp('zonebot-cli-');
const zonebot = (...args: string[]) => run('node', [BIN, ...args], { env: { ...process.env, CACHE_DIR: cacheDir, DISCORD_TOKEN: '' }, timeout: 60_000 });
/** What no message to a user may show: Node's errno names, zod's wording, a stack. */
const LIBRARY_TEXT = /\bE[A-Z]{3,}\b|Too small|Too big|expected \w+|received|\n\s+at /u;

/** A new article, written for these tests, about a zone none of the seeds mentions. */
const NEW_ARTICLE = [
  '滨海测试产业园区一季度招商纪实',
  '',
  '2025-04-02 10:00:00 来源: 测试日报',
  '',
  '  滨海测试产业园区一季度新签约项目17个，推行“拿地即开工”审批服务。',
].join('\n');

// One engine for the whole file: a second build in one process finds fewer zones (jieba's dictionary is global
// and keeps the first build's user words), so batch and console share the live engine's.
let live: LiveEngine;
let context: CommandContext;
beforeAll(async () => {
  live = await LiveEngine.open({ corpusDir: SEEDS_DIR, cacheDir: temp('zonebot-cli-live-'), log: { log: () => undefined } });
  context = live.context();
}, 60_000);
afterAll(() => live?.close());

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
    expect(zonePage.page).toBe(2);
    const statsPage = JSON.parse((await zonebot('stats', '固定资产投资', '--json')).stdout);
    expect(statsPage.facts[0]).toMatchObject({ metric: '固定资产投资', value: '44.47', unit: '亿元' });
    for (const key of ['zone', 'metric', 'value', 'unit', 'text', 'citation']) expect(statsPage.facts[0]).toHaveProperty(key);
  }, 60_000);

  it('says there is no such page rather than showing the last one', async () => {
    const last = JSON.parse((await zonebot('zone', '济北', '--json', '--page', '1')).stdout).pages as number;
    await expect(zonebot('zone', '济北', '--page', String(last + 1))).rejects.toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining(`there is no page ${last + 1}: this answer has ${last} pages`),
    });
  }, 60_000);

  it('reads another corpus folder with --corpus, and says clearly when it is missing or a file', async () => {
    await expect(zonebot('ask', '济北', '--corpus', '/nonexistent/corpus')).rejects.toMatchObject({
      stderr: expect.stringContaining('corpus folder not found: /nonexistent/corpus'),
    });
    const file = path.join(SEEDS_DIR, '000_46244daebe81452e.txt');
    const refused = await zonebot('ask', '济北', '--corpus', file).catch((err: { code: number; stderr: string }) => err);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining(`the corpus folder ${file} is a file`) });
    expect((refused as { stderr: string }).stderr).not.toMatch(LIBRARY_TEXT);
  }, 60_000);
});

describe('the command line refuses what it does not know, with exit code 2 and a message on stderr', () => {
  it.each([
    [['foo', '济北'], 'unknown command "foo"; the commands are ask, zone, measure, stats, source, add, batch, help'],
    [['济北开发区'], 'unknown command "济北开发区"'],
    [['ask', '济北', '--locale', 'fr'], '--locale takes zh, zh-CN, en, en-US (or another region of zh or en), not "fr"'],
    [['ask', '济北', '--bogus'], 'unknown option --bogus'],
    [['ask', '济北', '--page'], '--page needs a value'],
    [['ask', '济北', '--page', 'two'], '--page takes a whole number from 1, not "two"'],
  ])('%j', async (args, message) => {
    const failed = await zonebot(...args).catch((err: { code: number; stdout: string; stderr: string }) => err);
    expect(failed).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining(message) });
    expect((failed as { stderr: string }).stderr).not.toMatch(LIBRARY_TEXT);
  }, 60_000);

  it('--version prints the version; --help lists every option and command', async () => {
    expect((await zonebot('--version')).stdout.trim()).toMatch(/^zonebot \d+\.\d+\.\d+$/);
    const { stdout } = await zonebot('--help');
    for (const option of ['--page', '--corpus', '--json', '--no-snapshot', '--locale zh|en', '--version', '--help']) expect(stdout).toContain(option);
    for (const command of ['ask', 'zone', 'measure', 'stats', 'source', 'batch', 'help']) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'mu'));
    expect(stdout).toContain('300 characters');
  }, 60_000);

  it('an unusable CACHE_DIR is told at once, with what to do, and the process ends', async () => {
    const failed = await run('node', [BIN, 'ask', '济北'], { env: { ...process.env, DISCORD_TOKEN: '', CACHE_DIR: '/proc/zonebot-x' }, timeout: 60_000 }).catch(
      (err: { code: number; killed: boolean; stderr: string }) => err,
    );
    expect(failed).toMatchObject({ code: 1, killed: false, stderr: expect.stringContaining('cannot create the cache folder /proc/zonebot-x') });
    expect((failed as { stderr: string }).stderr).toContain('Set CACHE_DIR to a folder zonebot may write');
  }, 60_000);

  it('a bad setting in .env names the setting and what it takes', async () => {
    const dir = temp('zonebot-env-');
    writeFileSync(path.join(dir, '.env'), 'PAGE_SIZE=abc\n');
    // The environment wins over .env: this run's PAGE_SIZE must come from the file.
    const { PAGE_SIZE: _fromEnvironment, ...inherited } = process.env;
    const env = { ...inherited, DISCORD_TOKEN: '', CACHE_DIR: cacheDir };
    const failed = await run('node', [BIN, 'ask', '济北'], { cwd: dir, env, timeout: 60_000 }).catch((err: { code: number; stderr: string }) => err);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('PAGE_SIZE must be a whole number from 1 to 10') });
    expect((failed as { stderr: string }).stderr).not.toMatch(LIBRARY_TEXT);
  }, 60_000);
});

describe('npm run eval', () => {
  const evalScript = (...args: string[]) => run('node', ['--import', 'tsx', path.join(import.meta.dirname, '..', 'src', 'cli', 'eval.ts'), ...args], { timeout: 60_000 });

  it('a missing question file or a bad line is one line on stderr and exit code 2, no stack', async () => {
    const missing = await evalScript('/nonexistent/questions.jsonl').catch((err: { code: number; stderr: string }) => err);
    expect(missing).toMatchObject({ code: 2, stderr: 'eval: question file not found: /nonexistent/questions.jsonl\n' });
    const file = path.join(temp('zonebot-eval-'), 'q.jsonl');
    writeFileSync(file, '{"id":"a","command":"ask","query":"济北"}\n{"id":"b","command":"chat"}\n');
    const bad = await evalScript(file).catch((err: { code: number; stderr: string }) => err);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/^eval: .*q\.jsonl:2: command, query missing or invalid; each line is /u) });
    expect((bad as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});

describe('batch', () => {
  it('answers each line with its id, and a bad line or an unknown command with an error line', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const lines: string[] = [];
    output.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    const done = runBatch(context, input, output);
    input.write('{"id":"a","command":"ask","query":"续建项目复工率是多少"}\n');
    input.write('not json\n');
    input.write('{"id":"c","command":"foo","query":"x"}\n');
    input.write('{"id":"d","command":"zone","query":"jibei","page":2}\n');
    input.write('{"id":"e","page":-1}\n');
    input.end();
    await done;
    const answers = lines.map((l) => JSON.parse(l));
    expect(answers).toHaveLength(5);
    expect(answers[0]).toMatchObject({ id: 'a', command: 'ask' });
    expect(answers[0].hits[0].answer).toContain('96.87%');
    expect(answers[1].error).toBe('not JSON');
    expect(answers[2]).toEqual({ id: 'c', error: 'unknown command: foo (one of ask, zone, measure, stats, source, help)' });
    expect(answers[3]).toMatchObject({ id: 'd', command: 'zone', page: 2 });
    expect(answers[4]).toEqual({ id: 'e', error: 'command is missing: give one of ask, zone, measure, stats, source, help; page must be a whole number from 1' });
  });

  it('answerLine never throws on odd input, and its errors are its own words', () => {
    for (const line of ['', '[]', 'null', '{"command":""}', '{"command":"ask","query":5}', '{"command":"ask","query":"' + '😀'.repeat(400) + '"}']) {
      const answer = JSON.parse(answerLine(context, line));
      if (answer.error) expect(answer.error).not.toMatch(LIBRARY_TEXT);
    }
  });
});

/** A console session over `engine` with the typed `lines`; resolves to everything it printed. */
async function session(engine: ConsoleEngine, lines: string, locale?: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const done = startConsole(engine, { input, output, locale });
  input.end(lines);
  await done;
  return text;
}

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
    const text = await session(live, '/zone 济北\nn\n/help\n/ask 钢城签约了几个项目\n/source ../../etc/passwd\n/quit\n');
    expect(text).toContain('济北开发区');
    expect(text).toContain('第 1/');
    expect(text).toContain('第 2/');
    expect(text).toContain('/measure');
    expect(text).toContain('/reload');
    expect(text).toMatch(/\[003-\d+\]/);
    expect(text).toContain('没有这个引用编号');
    expect(text).toContain(`正在监视语料文件夹 ${SEEDS_DIR}`);
    expect(text).not.toContain('\u001b[');
  });

  it('says what is wrong with a page turn or a command instead of showing something else', async () => {
    const pages = JSON.parse(answerLine(context, '{"command":"zone","query":"济北"}')).pages as number;
    const text = await session(live, ['n', 'p', '/foo 济北', '/zone 济北', 'p', ...Array.from({ length: pages }, () => 'n'), '/quit', ''].join('\n'));
    const said = text.split('\n').map((l) => l.replace(/^(zonebot> )+/u, ''));
    // n and p before any question; then an unknown command; p on page 1; n past the last page.
    expect(said.filter((l) => l === '先提一个问题。')).toHaveLength(2);
    expect(said).toContain('未知命令 /foo（unknown command）。输入 /help 查看所有命令。');
    expect(said).toContain('已是第一页。');
    expect(said).toContain('已是最后一页。');
    expect(text).toContain(`第 ${pages}/${pages} 页`);
    expect(text).not.toContain('选项无效');
    expect(text).not.toMatch(LIBRARY_TEXT);
  });

  it('speaks English with --locale en', async () => {
    const text = await session(live, 'n\n/foo\n/zone jibei\np\n/quit\n', 'en');
    for (const line of ['Ask a question first.', 'Unknown command /foo. Type /help for the list of commands.', 'This is the first page.', 'Watching the corpus folder']) {
      expect(text).toContain(line);
    }
  });
});

describe('the console over a changing corpus folder', () => {
  it('indexes a file dropped into the folder after the quiet period, tells so in one line; /reload rebuilds on demand; a failed rebuild is told and the index stays', async () => {
    const corpusDir = temp('zonebot-console-corpus-');
    cpSync(SEEDS_DIR, corpusDir, { recursive: true });
    const liveLog = new ConsoleLiveLog(messagesFor(undefined), () => undefined);
    const watched = await LiveEngine.open({ corpusDir, cacheDir: temp('zonebot-console-cache-'), quietMs: 300, log: liveLog });
    watched.watch();
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const done = startConsole(watched, { input, output, liveLog });
    try {
      writeFileSync(path.join(corpusDir, '100_binhai.txt'), NEW_ARTICLE);
      await expect.poll(() => text, { timeout: 30_000, interval: 100 }).toContain('索引已更新：6 个文件，跳过 0 个。');
      input.write('/ask 拿地即开工\n');
      await expect.poll(() => text, { timeout: 10_000, interval: 50 }).toMatch(/\[100-\d+\]/);

      writeFileSync(path.join(corpusDir, '101_broken.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
      input.write('/reload\n');
      await expect.poll(() => text, { timeout: 30_000, interval: 100 }).toContain('索引已更新：6 个文件，跳过 1 个（101_broken.txt: binary file (NUL bytes, and not UTF-16 text)）。');
      expect(text).toContain('正在重建索引');

      rmSync(corpusDir, { recursive: true, force: true });
      input.write('/reload\n');
      await expect.poll(() => text, { timeout: 30_000, interval: 100 }).toContain(`索引重建失败，继续使用原来的索引：corpus folder not found: ${corpusDir}`);
      input.write('/ask 拿地即开工\n');
      await expect.poll(() => text.split('索引重建失败').at(-1), { timeout: 10_000, interval: 50 }).toMatch(/\[100-\d+\]/);
      input.end('/quit\n');
      await done;
    } finally {
      input.end();
      await watched.close();
    }
  }, 90_000);

  it('runs as a process: the console started by `zonebot` picks up a new file on /reload and ends on /quit', async () => {
    const corpusDir = temp('zonebot-console-corpus-');
    cpSync(SEEDS_DIR, corpusDir, { recursive: true });
    const child = spawn('node', [BIN, '--corpus', corpusDir], { env: { ...process.env, CACHE_DIR: temp('zonebot-console-cache-'), DISCORD_TOKEN: '' } });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await expect.poll(() => text, { timeout: 60_000, interval: 100 }).toContain('zonebot> ');
      child.stdin.write('/ask 拿地即开工\n');
      await expect.poll(() => text, { timeout: 10_000, interval: 50 }).toMatch(/zonebot> [\s\S]*\n\s*zonebot> /u);
      expect(text).not.toMatch(/\[100-\d+\]/);
      writeFileSync(path.join(corpusDir, '100_binhai.txt'), NEW_ARTICLE);
      child.stdin.write('/reload\n');
      await expect.poll(() => text, { timeout: 60_000, interval: 100 }).toContain('索引已更新：6 个文件');
      child.stdin.write('/ask 拿地即开工\n');
      await expect.poll(() => text, { timeout: 10_000, interval: 50 }).toMatch(/\[100-\d+\]/);
      child.stdin.end('/quit\n');
      expect(await exited).toBe(0);
    } finally {
      child.kill();
    }
  }, 120_000);
});
