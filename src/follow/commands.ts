/**
 * `/follow`, `/unfollow` and `/following` as pure handlers over the store and the engine in service: the
 * channel and options in, a reply out (what happened, worded by `followText` in the user's language). Names
 * resolve as `/zone` and `/measure` resolve them, with the same "did you mean" candidates.
 */
import { resolveMeasure, resolveZone, type Resolution } from '../extract/resolve.ts';
import type { SearchEngine } from '../search/engine.ts';
import type { FollowKind, FollowStore, Subscription } from './store.ts';

export const FOLLOW_COMMANDS = ['follow', 'unfollow', 'following'] as const;
export type FollowCommand = (typeof FOLLOW_COMMANDS)[number];

export const isFollowCommand = (name: string): name is FollowCommand => (FOLLOW_COMMANDS as readonly string[]).includes(name);

export interface FollowRequest {
  command: FollowCommand;
  guild: string;
  channel: string;
  user: string;
  zone?: string | undefined;
  measure?: string | undefined;
}

export type FollowReply =
  | { code: 'followed' | 'already-following' | 'unfollowed'; kind: FollowKind; name: string }
  | { code: 'not-following'; kind: FollowKind; name: string; following: Subscription[] }
  | { code: 'unknown'; kind: FollowKind; name: string; candidates: string[] }
  | { code: 'ambiguous'; kind: FollowKind; name: string; candidates: string[] }
  | { code: 'one-option' }
  | { code: 'list'; following: Subscription[] };

/** The longest name an option takes, as for /zone and /measure. */
export const MAX_NAME_LENGTH = 100;

/** The option's kind and trimmed text, when exactly one of zone and measure is given. */
function target(request: FollowRequest): { kind: FollowKind; name: string } | undefined {
  const zone = request.zone?.trim().slice(0, MAX_NAME_LENGTH);
  const measure = request.measure?.trim().slice(0, MAX_NAME_LENGTH);
  if (zone && !measure) return { kind: 'zone', name: zone };
  if (measure && !zone) return { kind: 'measure', name: measure };
  return undefined;
}

function resolve(engine: SearchEngine, kind: FollowKind, name: string): Resolution<{ name: string }> {
  return kind === 'zone' ? resolveZone(name, engine.knowledge.zones) : resolveMeasure(name, engine.knowledge.measures);
}

export function runFollow(store: FollowStore, engine: SearchEngine, request: FollowRequest): FollowReply {
  const { channel } = request;
  if (request.command === 'following') return { code: 'list', following: store.list(channel) };
  const wanted = target(request);
  if (!wanted) return { code: 'one-option' };
  const { kind, name } = wanted;
  if (request.command === 'unfollow') {
    // The channel's own subscription by its stored name first: it may be a name the corpus no longer has.
    const following = store.list(channel);
    const stored = following.find((s) => s.kind === kind && s.name === name);
    const resolution = stored ? undefined : resolve(engine, kind, name);
    const canonical = stored?.name ?? (resolution && 'found' in resolution ? resolution.found.name : name);
    if (store.unfollow(channel, kind, canonical)) return { code: 'unfollowed', kind, name: canonical };
    return { code: 'not-following', kind, name, following };
  }
  const resolution = resolve(engine, kind, name);
  if ('none' in resolution) return { code: 'unknown', kind, name, candidates: resolution.near.map((n) => n.name) };
  if ('candidates' in resolution) return { code: 'ambiguous', kind, name, candidates: resolution.candidates.map((c) => c.name) };
  const canonical = resolution.found.name;
  const added = store.follow({ guild: request.guild, channel, kind, name: canonical, by: request.user });
  return { code: added ? 'followed' : 'already-following', kind, name: canonical };
}

const WORDS = {
  zh: {
    kind: { zone: '园区', measure: '举措' },
    followed: (what: string) => `本频道已关注${what}：语料中有关于它的新段落时，会发到这里。`,
    already: (what: string) => `本频道已经关注了${what}。`,
    unfollowed: (what: string) => `本频道不再关注${what}。`,
    notFollowing: (what: string) => `本频道没有关注${what}。`,
    unknown: (what: string) => `语料中没有找到${what}。`,
    ambiguous: (what: string) => `有多个名称符合${what}，请选择一个：`,
    candidates: '可能是：',
    oneOption: '请填写“园区”或“举措”中的一项（只填一项）。',
    none: '本频道还没有关注任何园区或举措。用 /follow 关注。',
    list: '本频道关注：',
    since: (by: string, at: string) => `${by} 关注于 ${at}`,
  },
  en: {
    kind: { zone: 'zone', measure: 'measure' },
    followed: (what: string) => `This channel now follows ${what}: new passages about it in the corpus will be posted here.`,
    already: (what: string) => `This channel already follows ${what}.`,
    unfollowed: (what: string) => `This channel no longer follows ${what}.`,
    notFollowing: (what: string) => `This channel does not follow ${what}.`,
    unknown: (what: string) => `The corpus has no ${what}.`,
    ambiguous: (what: string) => `Several names fit ${what}; pick one:`,
    candidates: 'Did you mean:',
    oneOption: 'Give either a zone or a measure (one of them).',
    none: 'This channel follows nothing yet. Use /follow.',
    list: 'This channel follows:',
    since: (by: string, at: string) => `by ${by}, ${at}`,
  },
};

/**
 * The reply in the user's language. `escape` makes echoed and corpus text inert where the text is markup
 * (Discord); `who` shows the follower (a mention in Discord, pinging nobody under allowed_mentions parse: []).
 */
export function followText(reply: FollowReply, locale: string | undefined, escape: (text: string) => string = (t) => t, who: (id: string) => string = (id) => id): string {
  const W = /^en/iu.test(locale ?? '') ? WORDS.en : WORDS.zh;
  const what = (kind: FollowKind, name: string) => `${W.kind[kind]} “${escape(name)}”`;
  const line = (s: Subscription) => `• ${what(s.kind, s.name)} (${W.since(who(s.by), s.at.slice(0, 10))})`;
  const list = (following: Subscription[]) => (following.length ? [W.list, ...following.map(line)] : [W.none]);
  switch (reply.code) {
    case 'followed':
      return W.followed(what(reply.kind, reply.name));
    case 'already-following':
      return W.already(what(reply.kind, reply.name));
    case 'unfollowed':
      return W.unfollowed(what(reply.kind, reply.name));
    case 'not-following':
      return [W.notFollowing(what(reply.kind, reply.name)), ...list(reply.following)].join('\n');
    case 'unknown':
      return [W.unknown(what(reply.kind, reply.name)), ...(reply.candidates.length ? [`${W.candidates} ${reply.candidates.map(escape).join('、')}`] : [])].join('\n');
    case 'ambiguous':
      return `${W.ambiguous(what(reply.kind, reply.name))} ${reply.candidates.map(escape).join('、')}`;
    case 'one-option':
      return W.oneOption;
    case 'list':
      return list(reply.following).join('\n');
  }
}
