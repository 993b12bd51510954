/** `zonebot add` and the feed poller against a local web site on 127.0.0.1: pages, feeds and every failure. */
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.ts';
import type { Level } from '../src/log.ts';
import { addUrls, type Outcome } from '../src/web/add.ts';
import { FeedPoller } from '../src/web/feed-poller.ts';
import { FEED_STATE_FILE } from '../src/web/feed-state.ts';
import type { FetchLimits } from '../src/web/fetch.ts';
import { pageFile } from '../src/web/page-file.ts';
import { SEEDS_DIR } from './seeds.ts';
import { BIN, runBot } from './support/bot-process.ts';
import { startLocalDiscord } from './support/local-discord.ts';
import { articlePage, atom, redirect, rss, send, startLocalWeb, type LocalWeb } from './support/local-web.ts';

const HTML = 'text/html; charset=utf-8';
const limits: FetchLimits = { timeoutMs: 2000, maxBytes: 64 * 1024, maxRedirects: 5, userAgent: 'zonebot/test (+local)' };
const temp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));
/** Every file under a folder, relative to it, temporary ones included (none may be left). */
const filesUnder = (dir: string): string[] => (existsSync(dir) ? (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort() : []);

let site: LocalWeb;
const page = (n: number) => articlePage(`测试园区新闻第${n}篇`, `测试产业园区第${n}批项目集中开工，园区推行“拿地即开工”服务。`);

beforeAll(async () => {
  site = await startLocalWeb();
  const { routes } = site;
  routes.set('/news/park.html', send(HTML, page(0)));
  for (let n = 1; n <= 4; n++) routes.set(`/news/${n}.html`, send(HTML, page(n)));
  routes.set('/xhtml', send('application/xhtml+xml', page(9)));
  // /hop/N redirects N more times, then lands on a page; a relative Location is resolved against the hop.
  for (let n = 1; n <= 6; n++) routes.set(`/hop/${n}`, redirect(n === 1 ? '/news/1.html' : String(n - 1), n % 2 ? 301 : 302));
  routes.set('/to-ftp', redirect('ftp://127.0.0.1/file.html'));
  routes.set('/gone', send(HTML, '<h1>Gone</h1>', 404));
  routes.set('/broken', send(HTML, 'oops', 500));
  routes.set('/hang', () => undefined);
  // An endless body: only a limit checked while reading can end it.
  routes.set('/endless', (_req, res) => {
    res.writeHead(200, { 'content-type': HTML });
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const write = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', write);
    };
    write();
  });
  routes.set('/declared-huge', (_req, res) => {
    res.writeHead(200, { 'content-type': HTML, 'content-length': String(50 * 1024 * 1024) });
    res.write('<html>');
  });
  routes.set('/report.pdf', send('application/pdf', Buffer.from('%PDF-1.4\n%test\n')));
  routes.set('/no-type', (_req, res) => res.end('<p>plain</p>'));
  const items = [1, 2, 3].map((n) => ({ title: `第${n}篇`, link: `${site.base}/news/${n}.html` }));
  routes.set('/rss.xml', send('application/rss+xml; charset=utf-8', rss(items)));
  routes.set('/atom.xml', send('application/atom+xml', atom(items)));
  // A feed served as text/html, as some sites do: the body tells.
  routes.set('/feed-as-html', send(HTML, rss(items.slice(0, 1))));
  routes.set('/fake-feed.xml', send('application/rss+xml', page(5)));
  routes.set('/bad-feed.xml', send('text/xml', '<?xml version="1.0"?><rss><channel><item><link>x</link></channel></rss>'));
  routes.set('/other.xml', send('application/xml', '<?xml version="1.0"?><catalog><book/></catalog>'));
});
afterAll(() => site?.close());

async function add(...urls: string[]): Promise<{ corpusDir: string; outcomes: Outcome[] }> {
  const corpusDir = temp('zonebot-add-');
  return { corpusDir, outcomes: await addUrls(urls, { corpusDir, limits }) };
}

const reasonOf = (outcome: Outcome | undefined) => (outcome?.status === 'failed' ? outcome.reason : `(${outcome?.status})`);

describe('the file a page is kept in', () => {
  it('is named from the host, the path in letters and digits, and a hash of the whole URL', () => {
    const name = pageFile(new URL('https://www.example.gov.cn:8443/zwgk/2025/0506/%E5%BC%80%E5%8F%91%E5%8C%BA_news.shtml?id=12'));
    expect(name).toMatch(/^web\/www-example-gov-cn-8443\/zwgk-2025-0506-开发区-news-id-12-[0-9a-f]{10}\.html$/u);
    expect(pageFile(new URL('https://example.com/'))).toMatch(/^web\/example-com\/index-[0-9a-f]{10}\.html$/u);
  });

  it('is the same for the same URL and differs for two URLs of the same slug; a long path keeps its end', () => {
    const a = pageFile(new URL('https://example.com/a/b.html'));
    expect(pageFile(new URL('https://example.com/a/b.html'))).toBe(a);
    expect(pageFile(new URL('https://example.com/a-b.html'))).not.toBe(a);
    const long = pageFile(new URL(`https://example.com/${'section/'.repeat(20)}article-98765.html`));
    expect(path.basename(long).length).toBeLessThanOrEqual(60 + '-0123456789.html'.length);
    expect(long).toMatch(/article-98765-[0-9a-f]{10}\.html$/u);
  });
});

describe('zonebot add: pages', () => {
  it("keeps a page's bytes unchanged under web/<host>/, named from the URL, with no temporary file left", async () => {
    const url = `${site.base}/news/park.html`;
    const { corpusDir, outcomes } = await add(url);
    expect(outcomes).toEqual([{ status: 'added', url, file: expect.any(String) }]);
    const file = (outcomes[0] as { file: string }).file;
    expect(path.relative(corpusDir, file)).toMatch(/^web\/127-0-0-1-\d+\/news-park-[0-9a-f]{10}\.html$/u);
    expect(readFileSync(file, 'utf8')).toBe(page(0));
    expect(filesUnder(corpusDir)).toEqual([path.relative(corpusDir, file)]);
    expect(site.userAgent).toBe(limits.userAgent);
  });

  it('does not fetch or write a page twice: the second time it is present', async () => {
    const url = `${site.base}/news/4.html`;
    const corpusDir = temp('zonebot-add-');
    const first = await addUrls([url], { corpusDir, limits });
    const hits = site.hits.get('/news/4.html');
    const second = await addUrls([url, `${url}#comments`], { corpusDir, limits });
    expect(first[0]!.status).toBe('added');
    expect(second.map((o) => o.status)).toEqual(['present', 'present']);
    expect(second[0]).toMatchObject({ file: (first[0] as { file: string }).file });
    expect(site.hits.get('/news/4.html')).toBe(hits);
    expect(filesUnder(corpusDir)).toHaveLength(1);
  });

  it('gives two URLs two files, and takes XHTML', async () => {
    const { corpusDir, outcomes } = await add(`${site.base}/news/1.html`, `${site.base}/news/1.html?page=2`, `${site.base}/xhtml`);
    expect(outcomes.map((o) => o.status)).toEqual(['added', 'added', 'added']);
    expect(filesUnder(corpusDir)).toHaveLength(3);
  });

  it('follows up to 5 redirects, each hop checked, and names the file after the URL asked for', async () => {
    const { outcomes } = await add(`${site.base}/hop/5`);
    expect(outcomes[0]).toMatchObject({ status: 'added', file: expect.stringMatching(/hop-5-[0-9a-f]{10}\.html$/u) });
    expect(readFileSync((outcomes[0] as { file: string }).file, 'utf8')).toBe(page(1));
    const refused = await add(`${site.base}/hop/6`, `${site.base}/to-ftp`);
    expect(refused.outcomes.map(reasonOf)).toEqual(['too many redirects (more than 5)', 'redirected to a URL that is not fetched: only http:// and https:// URLs are fetched, not ftp://']);
    expect(filesUnder(refused.corpusDir)).toEqual([]);
  });

  it('gives each failure one reason and carries on with the other URLs', async () => {
    const urls = ['not a url', 'ftp://127.0.0.1/news.html', `${site.base}/gone`, `${site.base}/broken`, `${site.base}/report.pdf`, `${site.base}/no-type`, `${site.base}/news/2.html`];
    const { corpusDir, outcomes } = await add(...urls);
    expect(outcomes.map((o) => o.url)).toEqual(urls);
    expect(outcomes.map(reasonOf)).toEqual([
      'not a URL: "not a url"',
      'only http:// and https:// URLs are fetched, not ftp://',
      'HTTP 404 Not Found',
      'HTTP 500 Internal Server Error',
      'not HTML (Content-Type application/pdf)',
      'not HTML (Content-Type missing)',
      '(added)',
    ]);
    expect(outcomes.filter((o) => o.status === 'failed').map((o) => (o as { retry: boolean }).retry)).toEqual([false, false, false, true, false, false]);
    expect(filesUnder(corpusDir)).toHaveLength(1);
  });

  it('gives up on a server that never answers after the timeout', async () => {
    const corpusDir = temp('zonebot-add-');
    const [outcome] = await addUrls([`${site.base}/hang`], { corpusDir, limits: { ...limits, timeoutMs: 300 } });
    expect(outcome).toMatchObject({ status: 'failed', reason: 'timed out after 0.3 s', retry: true });
  });

  it('stops reading a body past the size limit, whether declared or streamed without end', async () => {
    const { corpusDir, outcomes } = await add(`${site.base}/endless`, `${site.base}/declared-huge`);
    expect(outcomes.map(reasonOf)).toEqual(['too large (more than 0.1 MiB)', 'too large (more than 0.1 MiB)']);
    expect(filesUnder(corpusDir)).toEqual([]);
  });

  it('says a refused connection is a network error, in words', async () => {
    const closed = await startLocalWeb();
    const base = closed.base;
    await closed.close();
    const { outcomes } = await add(`${base}/news/1.html`);
    expect(reasonOf(outcomes[0])).toBe('network error: the connection was refused');
  });
});

describe('zonebot add: feeds', () => {
  it.each([
    ['RSS 2.0', '/rss.xml', 'RSS'],
    ['Atom', '/atom.xml', 'Atom'],
  ])('adds the 3 items of an %s feed as 3 files, and none the second time', async (_name, feedPath, format) => {
    const corpusDir = temp('zonebot-feed-');
    const first = await addUrls([`${site.base}${feedPath}`], { corpusDir, limits });
    expect(first[0]).toEqual({ status: 'feed', url: `${site.base}${feedPath}`, format, items: 3 });
    expect(first.slice(1).map((o) => [o.status, o.url])).toEqual([1, 2, 3].map((n) => ['added', `${site.base}/news/${n}.html`]));
    expect(filesUnder(corpusDir)).toHaveLength(3);
    const second = await addUrls([`${site.base}${feedPath}`], { corpusDir, limits });
    expect(second.slice(1).map((o) => o.status)).toEqual(['present', 'present', 'present']);
    expect(filesUnder(corpusDir)).toHaveLength(3);
  });

  it('knows a feed by its body when it is served as HTML', async () => {
    const { outcomes } = await add(`${site.base}/feed-as-html`);
    expect(outcomes.map((o) => o.status)).toEqual(['feed', expect.stringMatching(/^(added|present)$/u)]);
  });

  it('reads a feed in the charset its XML declaration names (GBK)', async () => {
    const gbk = rss([{ title: '园区', link: `${site.base}/news/1.html?栏目=园区` }]).replace('encoding="UTF-8"', 'encoding="GBK"');
    site.routes.set('/gbk.xml', send('application/rss+xml', iconv.encode(gbk, 'gbk')));
    const { outcomes } = await add(`${site.base}/gbk.xml`);
    expect(outcomes.map((o) => [o.status, o.url])).toEqual([
      ['feed', `${site.base}/gbk.xml`],
      ['added', `${site.base}/news/1.html?%E6%A0%8F%E7%9B%AE=%E5%9B%AD%E5%8C%BA`],
    ]);
  });

  it('gives a body that claims to be a feed but is not one a clear line', async () => {
    const { corpusDir, outcomes } = await add(`${site.base}/fake-feed.xml`, `${site.base}/bad-feed.xml`, `${site.base}/other.xml`);
    expect(outcomes.map(reasonOf)).toEqual([
      expect.stringMatching(/^not a feed: the XML is malformed \(line \d+\)$/u),
      expect.stringMatching(/^not a feed: the XML is malformed \(line \d+\)$/u),
      'not a feed: the XML\'s root is <catalog>, not <rss>, <rdf:RDF> or <feed>',
    ]);
    expect(filesUnder(corpusDir)).toEqual([]);
  });
});

describe('the feed poller', () => {
  const quiet = () => {
    const lines: { level: Level; message: string; context: Record<string, unknown> }[] = [];
    return { lines, log: (level: Level, message: string, context: Record<string, unknown> = {}) => void lines.push({ level, message, context }) };
  };

  it('adds new items, remembers them in DATA_DIR, and fetches none of them again after a restart', async () => {
    const corpusDir = temp('zonebot-poll-');
    const dataDir = path.join(temp('zonebot-data-'), 'nested', '.data');
    const items = [1, 2, 3].map((n) => ({ title: `第${n}篇`, link: `${site.base}/poll/${n}.html` }));
    for (let n = 1; n <= 4; n++) site.routes.set(`/poll/${n}.html`, send(HTML, page(n)));
    site.routes.set('/poll.xml', send('application/rss+xml', rss(items)));
    const feed = `${site.base}/poll.xml`;
    const logs = quiet();
    const options = { feeds: [feed], intervalMs: 60_000, corpusDir, dataDir, limits, log: logs };

    const first = new FeedPoller(options);
    expect(await first.poll()).toEqual([{ feed, ok: true, items: 3, added: 3, present: 0, failed: 0 }]);
    await first.stop();
    expect(filesUnder(corpusDir)).toHaveLength(3);
    expect(filesUnder(dataDir)).toEqual([FEED_STATE_FILE]);
    expect(logs.lines.filter((l) => l.message === 'feed item added')).toHaveLength(3);

    // A restart: a new poller over the same DATA_DIR. Even with the pages deleted, nothing is fetched again.
    rmSync(path.join(corpusDir, 'web'), { recursive: true });
    const hitsBefore = [1, 2, 3].map((n) => site.hits.get(`/poll/${n}.html`));
    site.routes.set('/poll.xml', send('application/rss+xml', rss([...items, { title: '第4篇', link: `${site.base}/poll/4.html` }])));
    const second = new FeedPoller(options);
    expect(await second.poll()).toEqual([{ feed, ok: true, items: 4, added: 1, present: 0, failed: 0 }]);
    expect(await second.poll()).toEqual([{ feed, ok: true, items: 4, added: 0, present: 0, failed: 0 }]);
    await second.stop();
    expect([1, 2, 3].map((n) => site.hits.get(`/poll/${n}.html`))).toEqual(hitsBefore);
    expect(filesUnder(corpusDir)).toEqual([expect.stringMatching(/poll-4-[0-9a-f]{10}\.html$/u)]);
  });

  it('tries an item that failed for a passing reason again, and one refused for good never again', async () => {
    const corpusDir = temp('zonebot-poll-');
    const dataDir = temp('zonebot-data-');
    let busy = true;
    site.routes.set('/flaky.html', (req, res, s) => (busy ? send(HTML, 'busy', 503)(req, res, s) : send(HTML, page(7))(req, res, s)));
    site.routes.set('/flaky.xml', send('application/rss+xml', rss([{ title: 'a', link: `${site.base}/flaky.html` }, { title: 'b', link: `${site.base}/poll-gone.html` }])));
    const poller = new FeedPoller({ feeds: [`${site.base}/flaky.xml`], intervalMs: 60_000, corpusDir, dataDir, limits, log: quiet() });
    expect(await poller.poll()).toMatchObject([{ added: 0, failed: 2 }]);
    busy = false;
    expect(await poller.poll()).toMatchObject([{ added: 1, failed: 0 }]);
    expect(site.hits.get('/poll-gone.html')).toBe(1);
    await poller.stop();
  });

  it('logs a feed that cannot be read and polls the others; start() polls at once and stop() ends it', async () => {
    const corpusDir = temp('zonebot-poll-');
    const dataDir = temp('zonebot-data-');
    const logs = quiet();
    const feeds = [`${site.base}/gone`, `${site.base}/news/1.html`, `${site.base}/atom.xml`];
    const poller = new FeedPoller({ feeds, intervalMs: 60_000, corpusDir, dataDir, limits, log: logs });
    poller.start();
    await expect.poll(() => logs.lines.filter((l) => l.message === 'feed polled').length, { timeout: 10_000 }).toBe(1);
    await poller.stop();
    expect(logs.lines.filter((l) => l.message === 'feed not read').map((l) => l.context)).toEqual([
      { feed: feeds[0], reason: 'HTTP 404 Not Found' },
      { feed: feeds[1], reason: 'not a feed: the URL gives an HTML page' },
    ]);
    expect(filesUnder(corpusDir)).toHaveLength(3);
  });

  it('stops at once, a fetch under way aborted, nothing logged as a failure', async () => {
    const logs = quiet();
    const hits = site.hits.get('/hang') ?? 0;
    // Without the abort, stop() would wait for this deadline, longer than the test's own.
    const poller = new FeedPoller({ feeds: [`${site.base}/hang`], intervalMs: 60_000, corpusDir: temp('zonebot-poll-'), dataDir: temp('zonebot-data-'), limits: { ...limits, timeoutMs: 120_000 }, log: logs });
    poller.start();
    await expect.poll(() => site.hits.get('/hang') ?? 0).toBe(hits + 1);
    await poller.stop();
    expect(logs.lines.filter((l) => l.level !== 'info')).toEqual([]);
  });

  it('sets aside a state file it cannot read, and starts afresh', async () => {
    const corpusDir = temp('zonebot-poll-');
    const dataDir = temp('zonebot-data-');
    writeFileSync(path.join(dataDir, FEED_STATE_FILE), '{ not json');
    const logs = quiet();
    const poller = new FeedPoller({ feeds: [`${site.base}/rss.xml`], intervalMs: 60_000, corpusDir, dataDir, limits, log: logs });
    expect(await poller.poll()).toMatchObject([{ added: 3 }]);
    await poller.stop();
    expect(logs.lines.find((l) => l.message.startsWith('feed state unreadable'))?.level).toBe('warn');
    expect(filesUnder(dataDir)).toEqual([FEED_STATE_FILE, expect.stringMatching(/^feeds\.json\.unreadable-\d+$/u)]);
    expect(JSON.parse(readFileSync(path.join(dataDir, FEED_STATE_FILE), 'utf8')).feeds[`${site.base}/rss.xml`].handled).toHaveLength(3);
  });
});

describe('the settings of fetching and feeds', () => {
  const parse = (env: Record<string, string>) => {
    const parsed = configSchema.safeParse(env);
    return parsed.success ? parsed.data : parsed.error.issues.map((i) => i.message);
  };

  it('reads FEEDS as a list of http(s) URLs and durations with their units', () => {
    expect(parse({ FEEDS: ' https://a.example/rss.xml, http://b.example/atom\nhttp://c.example/feed ', FEED_INTERVAL: '1h', FETCH_TIMEOUT: '500ms' })).toEqual({
      FEEDS: ['https://a.example/rss.xml', 'http://b.example/atom', 'http://c.example/feed'],
      FEED_INTERVAL: 3_600_000,
      FETCH_TIMEOUT: 500,
    });
    expect(parse({ FEEDS: '', FEED_INTERVAL: '', FETCH_TIMEOUT: '20' })).toEqual({ FETCH_TIMEOUT: 20_000 });
  });

  it('refuses a feed that is not http(s), an interval under a minute, and a duration that is no duration', () => {
    expect(parse({ FEEDS: 'https://a.example/rss ftp://b.example/rss' })).toEqual(['FEEDS must list http:// or https:// URLs, separated by commas or spaces']);
    expect(parse({ FEED_INTERVAL: '30s' })).toEqual(['FEED_INTERVAL must be a duration such as 30s, 15m or 1h, at least 60s']);
    expect(parse({ FETCH_TIMEOUT: 'soon', FETCH_MAX_BYTES: '0' })).toEqual([
      'FETCH_TIMEOUT must be a duration such as 30s, 15m or 1h, at least 0.1s',
      'FETCH_MAX_BYTES must be a whole number, at least 1',
    ]);
  });
});

describe('npx zonebot add', () => {
  const zonebot = (env: Record<string, string>, ...args: string[]) =>
    promisify(execFile)('node', [BIN, 'add', ...args], { env: { ...process.env, DISCORD_TOKEN: '', FEEDS: '', ...env }, timeout: 60_000 });
  /** What no line may show: Node's errno names, a stack, undici's "fetch failed". */
  const LIBRARY_TEXT = /\bE[A-Z]{3,}\b|\n\s+at |fetch failed/u;

  it('prints one line per URL and exits 0 when all are in the corpus', async () => {
    const corpusDir = temp('zonebot-cli-add-');
    const { stdout } = await zonebot({}, `${site.base}/news/3.html`, `${site.base}/atom.xml`, '--corpus', corpusDir);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(new RegExp(`^added +${site.base}/news/3\\.html → .*web/127-0-0-1-\\d+/news-3-[0-9a-f]{10}\\.html$`, 'u'));
    expect(lines[1]).toBe(`feed     ${site.base}/atom.xml: Atom, 3 items`);
    expect(lines.slice(2).filter((l) => l.startsWith('present')).length).toBe(1);
    const again = await zonebot({}, `${site.base}/news/3.html`, '--corpus', corpusDir);
    expect(again.stdout).toMatch(/^present .*already in the corpus; not fetched again\)\n$/u);
  }, 60_000);

  it('exits 1 when any URL failed, each with its line, the rest added', async () => {
    const corpusDir = temp('zonebot-cli-add-');
    const failed = zonebot({ FETCH_TIMEOUT: '300ms' }, 'ftp://x/y', `${site.base}/hang`, `${site.base}/news/2.html`, '--corpus', corpusDir);
    await expect(failed).rejects.toMatchObject({ code: 1 });
    const { stdout, stderr } = (await failed.catch((e: { stdout: string; stderr: string }) => e)) as { stdout: string; stderr: string };
    expect(stdout.trim().split('\n')).toEqual([
      'failed   ftp://x/y: only http:// and https:// URLs are fetched, not ftp://',
      `failed   ${site.base}/hang: timed out after 0.3 s`,
      expect.stringMatching(/^added +/u),
    ]);
    expect(stdout + stderr).not.toMatch(LIBRARY_TEXT);
  }, 60_000);

  it('exits 2 without a URL, and 1 with a missing corpus folder or a bad setting', async () => {
    await expect(zonebot({})).rejects.toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('add needs at least one URL') });
    await expect(zonebot({}, `${site.base}/news/1.html`, '--corpus', '/nonexistent/corpus')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('corpus folder not found: /nonexistent/corpus'),
    });
    await expect(zonebot({ FETCH_TIMEOUT: 'soon' }, `${site.base}/news/1.html`)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('FETCH_TIMEOUT must be a duration such as 30s, 15m or 1h'),
    });
  }, 60_000);
});

describe('the console with FEEDS set', () => {
  it('polls the feeds when it starts, keeps what it handled in DATA_DIR, and stops polling when it quits', async () => {
    const corpusDir = temp('zonebot-console-feeds-');
    cpSync(SEEDS_DIR, corpusDir, { recursive: true });
    const dataDir = temp('zonebot-console-data-');
      const env = { ...process.env, DISCORD_TOKEN: '', CACHE_DIR: temp('zonebot-console-cache-'), DATA_DIR: dataDir, FEEDS: `${site.base}/rss.xml` };
    const child = spawn('node', [BIN, '--corpus', corpusDir], { env });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await expect.poll(() => filesUnder(path.join(corpusDir, 'web')).length, { timeout: 60_000, interval: 100 }).toBe(3);
      await expect.poll(() => existsSync(path.join(dataDir, FEED_STATE_FILE)), { timeout: 10_000, interval: 100 }).toBe(true);
      // The watcher indexes the pages (the reader extracts their articles): a question finds one, cited.
      await expect.poll(() => stdout, { timeout: 60_000, interval: 100 }).toMatch(/索引已更新：\d+ 个文件/u);
      child.stdin.write('/ask 测试产业园区第2批项目集中开工\n');
      await expect.poll(() => stdout, { timeout: 10_000, interval: 100 }).toMatch(/测试园区新闻第2篇/u);
      child.stdin.end('/quit\n');
      expect(await exited).toBe(0);
    } finally {
      child.kill();
    }
    expect(Object.keys(JSON.parse(readFileSync(path.join(dataDir, FEED_STATE_FILE), 'utf8')).feeds)).toEqual([`${site.base}/rss.xml`]);
    // The console writes only the feeds' warnings, and this feed had none.
    expect(stderr).not.toMatch(/"message":"feed/u);
  }, 90_000);
});

describe('the bot with FEEDS set', () => {
  it('polls the feeds once it serves the local Discord, its watcher indexes the pages, and SIGTERM ends both', async () => {
    const discord = await startLocalDiscord();
    const corpusDir = temp('zonebot-bot-feeds-');
    cpSync(SEEDS_DIR, corpusDir, { recursive: true });
    const dataDir = temp('zonebot-bot-data-');
    const { child, logs, exited, logged } = runBot(
      {
        DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAwNQ.feeds.test-token-that-must-never-be-logged',
        DISCORD_API_URL: discord.restBase,
        CORPUS_DIR: corpusDir,
        CACHE_DIR: temp('zonebot-bot-cache-'),
        DATA_DIR: dataDir,
        FEEDS: `${site.base}/atom.xml`,
      },
      'add.test',
    );
    try {
      await logged('ready');
      await logged('feed polled');
      expect(logs.find((l) => l.message === 'feed polled')).toMatchObject({ feed: `${site.base}/atom.xml`, items: 3, added: 3 });
      await logged('rebuild done; new engine in service');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill();
      await discord.stop();
    }
    expect(filesUnder(path.join(corpusDir, 'web'))).toHaveLength(3);
    expect(existsSync(path.join(dataDir, FEED_STATE_FILE))).toBe(true);
  }, 120_000);
});
