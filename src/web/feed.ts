/**
 * RSS (0.9x, 1.0 and 2.0) and Atom feeds: telling a feed from a page, and reading the links of its items with
 * fast-xml-parser. Only the links are needed: each item's page is fetched and kept as it is.
 */
import iconv from 'iconv-lite';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Media types that say "feed" outright. */
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml']);
/** Media types a feed is often served as, though they say only "XML". */
const XML_TYPES = new Set(['application/xml', 'text/xml']);
export const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** What a response is: a page to keep, a feed to read, something claiming to be a feed, or neither. */
export type Kind = 'html' | 'feed' | 'claimed-feed' | 'other';

export function kindOf(mediaType: string, body: Buffer): Kind {
  if (looksLikeFeed(body)) return 'feed';
  if (HTML_TYPES.has(mediaType)) return 'html';
  if (FEED_TYPES.has(mediaType) || XML_TYPES.has(mediaType)) return 'claimed-feed';
  return 'other';
}

/**
 * A feed's root element in its first 2 KB, past the XML declaration, comments, a doctype and processing
 * instructions (feeds are sent as text/html or text/plain by some servers, so the body decides, not the header).
 */
function looksLikeFeed(body: Buffer): boolean {
  // Read as latin1 (one character a byte): the UTF-8 byte order mark is then these three characters.
  const head = body.subarray(0, 2048).toString('latin1').replace(/^\xEF\xBB\xBF/u, '');
  const rest = head.replace(/^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/iu, '');
  return /^<(?:rss|feed|rdf:RDF)[\s>]/u.test(rest);
}

export type FeedLinks = { ok: true; format: 'RSS' | 'Atom'; links: string[] } | { ok: false; reason: string };

/** The links of a feed's items, absolute, in the feed's order, each once. */
export function feedLinks(body: Buffer, feedUrl: string, charset?: string): FeedLinks {
  const text = decode(body, charset);
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, reason: `not a feed: the XML is malformed (line ${valid.err.line})` };
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', parseTagValue: false, trimValues: true });
  const doc = parser.parse(text) as Record<string, unknown>;
  let format: 'RSS' | 'Atom';
  let raw: unknown[];
  if (isRecord(doc.rss)) {
    format = 'RSS';
    raw = list(field(doc.rss.channel, 'item')).map((item) => text_(field(item, 'link')) ?? permalink(field(item, 'guid')));
  } else if (isRecord(doc['rdf:RDF'])) {
    format = 'RSS';
    const rdf = doc['rdf:RDF'];
    // RSS 1.0 puts items beside the channel; 0.90 sometimes inside it.
    raw = [...list(rdf.item), ...list(field(rdf.channel, 'item'))].map((item) => text_(field(item, 'link')));
  } else if (isRecord(doc.feed)) {
    format = 'Atom';
    raw = list(doc.feed.entry).map((entry) => atomLink(field(entry, 'link')));
  } else {
    const root = Object.keys(doc).find((k) => !k.startsWith('?'));
    return { ok: false, reason: `not a feed: the XML's root is <${root ?? 'nothing'}>, not <rss>, <rdf:RDF> or <feed>` };
  }
  const links = new Set<string>();
  for (const link of raw) {
    if (typeof link !== 'string' || !link) continue;
    try {
      links.add(new URL(link, feedUrl).href);
    } catch {
      // An item whose link is no URL is left out; the others still count.
    }
  }
  return { ok: true, format, links: [...links] };
}

/** By a byte order mark, the charset of the header, the XML declaration, else UTF-8 (XML's default). */
function decode(body: Buffer, charset: string | undefined): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return body.subarray(3).toString('utf8');
  if (body[0] === 0xff && body[1] === 0xfe) return iconv.decode(body.subarray(2), 'utf16le');
  if (body[0] === 0xfe && body[1] === 0xff) return iconv.decode(body.subarray(2), 'utf16be');
  const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)/u.exec(body.subarray(0, 200).toString('latin1'))?.[1];
  const encoding = [charset, declared].find((e) => e && iconv.encodingExists(e)) ?? 'utf8';
  return iconv.decode(body, encoding);
}

type XmlRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is XmlRecord => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const field = (v: unknown, name: string): unknown => (isRecord(v) ? v[name] : undefined);
/** An element's text, whether it has attributes (an object with '#text') or not (a string). */
const text_ = (v: unknown): string | undefined => {
  const value = Array.isArray(v) ? v[0] : v;
  if (typeof value === 'string') return value;
  const inner = field(value, '#text');
  return typeof inner === 'string' ? inner : undefined;
};

/** An RSS guid is the item's URL unless it says isPermaLink="false". */
function permalink(guid: unknown): string | undefined {
  if (field(guid, '@isPermaLink') === 'false') return undefined;
  const value = text_(guid);
  return value && /^https?:\/\//iu.test(value) ? value : undefined;
}

/** Atom's link to the entry's page: rel="alternate", or no rel at all (which means alternate). */
function atomLink(links: unknown): string | undefined {
  const candidates = list(links).filter(isRecord);
  const page = candidates.find((l) => l['@rel'] === undefined || l['@rel'] === 'alternate');
  const href = page?.['@href'];
  return typeof href === 'string' ? href : undefined;
}
