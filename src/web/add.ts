/**
 * Adding pages from the web to the corpus folder: each page's bytes are kept unchanged as a `.html` file (the
 * corpus reader extracts the article, the folder watcher indexes it), written whole through a temporary file. A
 * feed's items are added as pages. Every URL ends in one outcome; none stops the others.
 */
import { readFileSync } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { plainFsReason } from '../util/fs-errors.ts';
import { feedLinks, kindOf } from './feed.ts';
import { checkUrl, DEFAULT_FETCH_MAX_BYTES, DEFAULT_FETCH_TIMEOUT_MS, fetchUrl, MAX_REDIRECTS, type Fetched, type FetchLimits } from './fetch.ts';
import { pageFile } from './page-file.ts';

export type Outcome =
  | { status: 'added' | 'present'; url: string; file: string }
  | { status: 'failed'; url: string; reason: string; retry: boolean }
  /** A feed read: its items follow, each with its own outcome. */
  | { status: 'feed'; url: string; format: string; items: number };

export interface AddOptions {
  corpusDir: string;
  limits: FetchLimits;
  signal?: AbortSignal;
}

function version(): string {
  const manifest = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The limits of fetching from the settings, and a User-Agent that says who is asking. */
export function fetchLimits(config: Config): FetchLimits {
  return {
    timeoutMs: config.FETCH_TIMEOUT ?? DEFAULT_FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES ?? DEFAULT_FETCH_MAX_BYTES,
    maxRedirects: MAX_REDIRECTS,
    userAgent: `zonebot/${version()} (cited answers about Chinese development zones; fetches pages it is given and feeds it follows)`,
  };
}

const exists = (file: string) => access(file).then(() => true, () => false);

/** The URL's response, unless the URL is refused or its page is already in the folder (then nothing is fetched). */
async function fetchUnlessPresent(url: string, options: AddOptions): Promise<Outcome | { file: string; fetched: Fetched }> {
  const checked = checkUrl(url);
  if (!(checked instanceof URL)) return { status: 'failed', url, reason: checked.reason, retry: checked.retry };
  const file = path.join(options.corpusDir, pageFile(checked));
  if (await exists(file)) return { status: 'present', url, file };
  const fetched = await fetchUrl(checked.href, options.limits, options.signal);
  if (!fetched.ok) return { status: 'failed', url, reason: fetched.reason, retry: fetched.retry };
  return { file, fetched };
}

/** One page: already in the folder, added, or why not. */
export async function addPage(url: string, options: AddOptions): Promise<Outcome> {
  const response = await fetchUnlessPresent(url, options);
  if ('status' in response) return response;
  const kind = kindOf(response.fetched.mediaType, response.fetched.body);
  if (kind !== 'html') return { status: 'failed', url, reason: notHtml(response.fetched, kind), retry: false };
  return save(url, response.file, response.fetched.body);
}

async function save(url: string, file: string, body: Buffer): Promise<Outcome> {
  try {
    await writeFileAtomic(file, body);
    return { status: 'added', url, file };
  } catch (err) {
    return { status: 'failed', url, reason: `cannot write ${file}: ${plainFsReason(err)}`, retry: false };
  }
}

function notHtml(fetched: Fetched, kind: ReturnType<typeof kindOf>): string {
  if (kind === 'feed') return 'a feed, not a page (feeds listed in a feed are not followed)';
  return `not HTML (Content-Type ${fetched.mediaType || 'missing'})`;
}

/** The links of a feed's items, or why the URL gave none. */
export async function readFeed(url: string, options: AddOptions): Promise<{ ok: true; format: string; links: string[] } | { ok: false; reason: string; retry: boolean }> {
  const fetched = await fetchUrl(url, options.limits, options.signal);
  if (!fetched.ok) return fetched;
  const kind = kindOf(fetched.mediaType, fetched.body);
  if (kind !== 'feed' && kind !== 'claimed-feed') return { ok: false, reason: notFeed(fetched, kind), retry: false };
  const read = feedLinks(fetched.body, fetched.url, fetched.charset);
  return read.ok ? read : { ...read, retry: false };
}

const notFeed = (fetched: Fetched, kind: ReturnType<typeof kindOf>) =>
  kind === 'html' ? 'not a feed: the URL gives an HTML page' : `not a feed (Content-Type ${fetched.mediaType || 'missing'})`;

/**
 * What `zonebot add` does with each URL: a page is added; a feed's items are added as pages. The outcomes are
 * handed to `report` as they happen (a feed's line before its items'), and returned.
 */
export async function addUrls(urls: string[], options: AddOptions, report: (outcome: Outcome) => void = () => undefined): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const tell = (outcome: Outcome) => {
    outcomes.push(outcome);
    report(outcome);
  };
  for (const url of urls) {
    const response = await fetchUnlessPresent(url, options);
    if ('status' in response) {
      tell(response);
      continue;
    }
    const { file, fetched } = response;
    const kind = kindOf(fetched.mediaType, fetched.body);
    if (kind === 'html') tell(await save(url, file, fetched.body));
    else if (kind === 'other') tell({ status: 'failed', url, reason: notHtml(fetched, kind), retry: false });
    else {
      const read = feedLinks(fetched.body, fetched.url, fetched.charset);
      if (!read.ok) {
        tell({ status: 'failed', url, reason: read.reason, retry: false });
        continue;
      }
      tell({ status: 'feed', url, format: read.format, items: read.links.length });
      for (const link of read.links) tell(await addPage(link, options));
    }
  }
  return outcomes;
}

/** One line for an outcome, as `zonebot add` prints it. */
export function outcomeLine(outcome: Outcome, cwd = process.cwd()): string {
  // Relative where that is shorter to read: inside the working folder.
  const shown = (file: string) => {
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
  };
  switch (outcome.status) {
    case 'added':
      return `added    ${outcome.url} → ${shown(outcome.file)}`;
    case 'present':
      return `present  ${outcome.url} → ${shown(outcome.file)} (already in the corpus; not fetched again)`;
    case 'feed':
      return `feed     ${outcome.url}: ${outcome.format}, ${outcome.items} item${outcome.items === 1 ? '' : 's'}`;
    case 'failed':
      return `failed   ${outcome.url}: ${outcome.reason}`;
  }
}
