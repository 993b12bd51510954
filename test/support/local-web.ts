/**
 * A small web site on 127.0.0.1 for the tests of `zonebot add` and the feed poller: pages, feeds, redirects and
 * every kind of failure, all written for the tests. It counts the requests for each path, so a test can tell
 * whether something was fetched again, and records the User-Agent of the last request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse, site: LocalWeb) => void;

export interface LocalWeb {
  base: string;
  routes: Map<string, Route>;
  hits: Map<string, number>;
  userAgent: string | undefined;
  close(): Promise<void>;
}

/** An article page in the shape of a Chinese news site, written for these tests. */
export function articlePage(title: string, paragraph: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"><title>' + title + '</title></head>',
    '<body><div class="nav"><a href="/">首页</a></div>',
    `<h1>${title}</h1><div class="info">2025-05-06 来源：测试新闻网</div>`,
    `<div class="content"><p>${paragraph}</p></div>`,
    '</body></html>',
  ].join('\n');
}

export function rss(items: { title: string; link: string }[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0"><channel><title>测试园区新闻</title><link>http://example.invalid/</link><description>测试</description>',
    ...items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid isPermaLink="false">${i.title}</guid></item>`),
    '</channel></rss>',
  ].join('\n');
}

export function atom(entries: { title: string; link: string }[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom"><title>测试开发区动态</title><id>urn:test:feed</id><updated>2025-05-06T08:00:00Z</updated>',
    ...entries.map(
      (e, i) =>
        `<entry><title>${e.title}</title><id>urn:test:${i}</id><updated>2025-05-06T08:00:00Z</updated>` +
        `<link rel="related" href="http://example.invalid/related/${i}"/><link rel="alternate" type="text/html" href="${e.link}"/></entry>`,
    ),
    '</feed>',
  ].join('\n');
}

export function send(type: string, body: string | Buffer, status = 200): Route {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
}

export function redirect(to: string, status = 302): Route {
  return (_req, res) => {
    res.writeHead(status, { location: to });
    res.end();
  };
}

export async function startLocalWeb(): Promise<LocalWeb> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    site.userAgent = req.headers['user-agent'];
    const route = routes.get(url.pathname);
    if (route) route(req, res, site);
    else send('text/html; charset=utf-8', '<h1>Not Found</h1>', 404)(req, res, site);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const site: LocalWeb = {
    base: `http://127.0.0.1:${port}`,
    routes,
    hits,
    userAgent: undefined,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return site;
}
