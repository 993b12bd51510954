/**
 * What a rebuild brought that a channel follows: the paragraphs of the new engine that the engine before it did
 * not have (a new file, or a changed file's new or changed paragraphs, compared by file and text), grouped by
 * article, for the zones and measures each channel follows. Pure: two engines and the subscriptions in, the
 * announcements out; who posts them, and where, is `announce.ts`'s business.
 */
import { createHash } from 'node:crypto';
import { resolveMeasure, resolveZone, type Resolution } from '../extract/resolve.ts';
import { mentionForms } from '../extract/zones.ts';
import type { Hit, ResultPage } from '../page.ts';
import { hitFor } from '../results.ts';
import type { SearchEngine } from '../search/engine.ts';
import type { Subscription } from './store.ts';

/** At most this many excerpts of one article in one message; Discord's limits cut further where they must. */
export const MAX_EXCERPTS = 10;

export interface Announcement {
  guild: string;
  channel: string;
  /** The file and a hash of its new paragraphs: announced once per channel and subscription, across restarts. */
  article: string;
  /** The channel's subscriptions the article's new passages are about. */
  subscriptions: Subscription[];
  /** The new passages about them, cited, in the article's order; `query` names what was followed. */
  page: ResultPage;
}

/** The line above an announcement: what is followed. The bot's own words; everything under it is corpus text. */
export function announcementHeading(names: string, locale?: string): string {
  return /^en/iu.test(locale ?? '') ? `New about ${names}` : `关注的新内容：${names}`;
}

const paragraphKey = (file: string, text: string) => `${file}\u0000${text}`;

/** Indexes (into `after`'s paragraphs) of the paragraphs `before` did not have, file and text alike. */
export function newParagraphs(before: SearchEngine, after: SearchEngine): Set<number> {
  const known = new Set(before.corpus.paragraphs.map((p) => paragraphKey(p.file, p.display)));
  const fresh = new Set<number>();
  after.corpus.paragraphs.forEach((p, i) => {
    if (!known.has(paragraphKey(p.file, p.display))) fresh.add(i);
  });
  return fresh;
}

/** The item named `name` exactly, else the one it resolves to; none when the corpus no longer has it. */
function current<T extends { name: string }>(items: T[], name: string, resolve: (name: string, items: T[]) => Resolution<T>): T | undefined {
  const exact = items.find((item) => item.name === name);
  if (exact) return exact;
  const resolved = resolve(name, items);
  return 'found' in resolved ? resolved.found : undefined;
}

/**
 * The followed zone's or measure's paragraphs in `engine`, and the words to mark in them. The name is the
 * canonical one of the time it was followed; a later corpus may have merged it under another spelling.
 */
function followed(engine: SearchEngine, s: Subscription): { paragraphs: number[]; query: string } {
  const { zones, measures } = engine.knowledge;
  if (s.kind === 'zone') {
    const zone = current(zones, s.name, resolveZone);
    return zone ? { paragraphs: engine.zoneParagraphs(zone.name), query: [zone.name, ...mentionForms(zone)].join(' ') } : { paragraphs: [], query: s.name };
  }
  const measure = current(measures, s.name, resolveMeasure);
  return measure ? { paragraphs: engine.measureParagraphs(measure.name), query: [measure.name, ...measure.variants].join(' ') } : { paragraphs: [], query: s.name };
}

/** A short, stable key for an article's new passages. */
function articleKey(engine: SearchEngine, file: string, fresh: number[]): string {
  const hash = createHash('sha256');
  for (const i of fresh) hash.update(engine.corpus.paragraphs[i]!.display).update('\u0000');
  return `${file}#${hash.digest('hex').slice(0, 16)}`;
}

/**
 * One announcement per channel and article with new passages about what the channel follows, in corpus order.
 * `subscriptions` are those this process posts for.
 */
export function announcements(before: SearchEngine, after: SearchEngine, subscriptions: Subscription[]): Announcement[] {
  if (!subscriptions.length) return [];
  const fresh = newParagraphs(before, after);
  if (!fresh.size) return [];
  const { corpus } = after;
  // The new paragraphs of each article, for its key.
  const freshByArticle = new Map<number, number[]>();
  for (const i of fresh) {
    const a = corpus.paragraphs[i]!.article;
    freshByArticle.set(a, [...(freshByArticle.get(a) ?? []), i]);
  }
  const out: Announcement[] = [];
  const byChannel = new Map<string, Subscription[]>();
  for (const s of subscriptions) byChannel.set(s.channel, [...(byChannel.get(s.channel) ?? []), s]);
  for (const [channel, subs] of byChannel) {
    // Per article: which subscriptions its new paragraphs are about, and which paragraphs, with their marks.
    const perArticle = new Map<number, { subs: Set<Subscription>; paragraphs: Map<number, string> }>();
    for (const s of subs) {
      const { paragraphs, query } = followed(after, s);
      for (const i of paragraphs) {
        if (!fresh.has(i)) continue;
        const a = corpus.paragraphs[i]!.article;
        const entry = perArticle.get(a) ?? { subs: new Set(), paragraphs: new Map() };
        entry.subs.add(s);
        entry.paragraphs.set(i, entry.paragraphs.has(i) ? `${entry.paragraphs.get(i)} ${query}` : query);
        perArticle.set(a, entry);
      }
    }
    for (const [a, { subs: about, paragraphs }] of [...perArticle].sort(([x], [y]) => x - y)) {
      const ordered = [...paragraphs.keys()].sort((x, y) => x - y);
      const hits: Hit[] = ordered.slice(0, MAX_EXCERPTS).map((i) => hitFor(after, i, paragraphs.get(i)!, 0));
      const names = [...about].map((s) => s.name).join('、');
      const article = corpus.articles[a]!;
      out.push({
        guild: subs[0]!.guild,
        channel,
        article: articleKey(after, article.file, freshByArticle.get(a)!),
        subscriptions: [...about],
        page: { command: about.values().next().value!.kind, query: names, page: 1, pages: 1, total: ordered.length, pageSize: MAX_EXCERPTS, hits },
      });
    }
  }
  return out;
}
