/**
 * Fetching one URL politely and safely: http(s) only, redirects followed by hand (so each hop's scheme is checked
 * and the hops counted), one deadline for connecting and reading, and a size limit counted while the body streams
 * in, so a huge or endless body is cut off rather than buffered. Failures are values with a reason in words, never
 * thrown: one bad URL must not stop the others.
 */
import { errnoCode } from '../util/fs-errors.ts';

export interface FetchLimits {
  /** Connecting, every redirect and reading the body, all together. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const DEFAULT_FETCH_MAX_BYTES = 5 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

export interface Fetched {
  ok: true;
  /** Where the body came from, after redirects. */
  url: string;
  /** The media type, lower case, without parameters ('' when the server sent none). */
  mediaType: string;
  /** The charset parameter of Content-Type, if any. */
  charset: string | undefined;
  body: Buffer;
}

/** Why a URL gave nothing; `retry` when trying again later may succeed (a timeout, a 503), not when it cannot. */
export interface FetchFailure {
  ok: false;
  reason: string;
  retry: boolean;
}

const fail = (reason: string, retry = false): FetchFailure => ({ ok: false, reason, retry });

/** The URL if it is one zonebot may fetch, or why not. */
export function checkUrl(text: string, base?: string): URL | FetchFailure {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return fail(`not a URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(`only http:// and https:// URLs are fetched, not ${url.protocol}//`);
  url.hash = '';
  return url;
}

export async function fetchUrl(text: string, limits: FetchLimits, abort?: AbortSignal): Promise<Fetched | FetchFailure> {
  const first = checkUrl(text);
  if (!(first instanceof URL)) return first;
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const signal = abort ? AbortSignal.any([deadline, abort]) : deadline;
  const timedOut = () => fail(`timed out after ${limits.timeoutMs / 1000} s`, true);
  let url = first;
  try {
    for (let hops = 0; ; hops++) {
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': limits.userAgent, accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        if (hops >= limits.maxRedirects) return fail(`too many redirects (more than ${limits.maxRedirects})`);
        const next = checkUrl(response.headers.get('location')!, url.href);
        if (!(next instanceof URL)) return fail(`redirected to a URL that is not fetched: ${next.reason}`);
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        return fail(status, response.status === 408 || response.status === 429 || response.status >= 500);
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > limits.maxBytes) {
        await response.body?.cancel();
        return fail(tooLarge(limits.maxBytes));
      }
      const body = await readLimited(response, limits.maxBytes);
      if (!body) return fail(tooLarge(limits.maxBytes));
      const [type = '', ...params] = (response.headers.get('content-type') ?? '').split(';');
      const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)/iu.exec(p)?.[1]).find(Boolean);
      return { ok: true, url: url.href, mediaType: type.trim().toLowerCase(), charset, body };
    }
  } catch (err) {
    if (deadline.aborted) return timedOut();
    if (abort?.aborted) return fail('stopped', true);
    return fail(networkReason(err), true);
  }
}

const tooLarge = (max: number) => `too large (more than ${(max / 1024 / 1024).toFixed(1)} MiB)`;

/** The body, or undefined as soon as it passes `max` bytes (the rest is never read). */
async function readLimited(response: Response, max: number): Promise<Buffer | undefined> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, size);
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection closed unexpectedly',
  UND_ERR_HEADERS_TIMEOUT: 'the server sent no answer in time',
  UND_ERR_BODY_TIMEOUT: 'the server stopped sending',
};

/** A network failure in words: undici's own message is "fetch failed", and its cause names an errno. */
function networkReason(err: unknown): string {
  const cause = err instanceof Error && err.cause !== undefined ? err.cause : err;
  const code = errnoCode(cause);
  if (code && NETWORK[code]) return `network error: ${NETWORK[code]}`;
  if (code && /CERT|SSL|TLS/u.test(code)) return 'network error: the TLS certificate was not accepted';
  // The fetch standard blocks some ports (25, 6000 …) outright; undici then says only "bad port".
  if (cause instanceof Error && cause.message === 'bad port') return 'network error: fetch does not connect to that port';
  return 'network error';
}
