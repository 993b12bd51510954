import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId, MAX_CUSTOM_ID, type ButtonState } from '../src/discord/custom-id.ts';
import { embedLength, escapeText, LIMITS, renderDiscord, truncate } from '../src/discord/render.ts';
import type { Hit, ResultPage } from '../src/page.ts';
import { seedText } from './seeds.ts';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
const seedParagraph = seedText('000').split('\n').find((l) => l.includes('签约额22.13亿元'))!;

const hit = (citation: string, text: string, answer = text): Hit => ({
  citation,
  file: '000_46244daebe81452e.txt',
  paragraph: 11,
  title: '济北开发区构筑经济发展“硬支撑”',
  zones: ['济北开发区'],
  text,
  answer,
  answerMarks: answer.length > 4 ? [[0, 2]] : [],
  score: 1,
});

const pageOf = (hits: Hit[], over: Partial<ResultPage> = {}): ResultPage => ({
  command: 'ask',
  query: '济北开发区签约额',
  page: 1,
  pages: 3,
  total: 12,
  pageSize: 5,
  hits,
  ...over,
});

describe('custom_id codec', () => {
  const state = fc.record({
    action: fc.constantFrom('page' as const, 'share' as const),
    command: fc.constantFrom('ask' as const, 'zone' as const, 'measure' as const, 'stats' as const, 'source' as const),
    query: fc.string({ unit: 'binary', maxLength: 300 }),
    page: fc.integer({ min: 1, max: 10_000 }),
    owner: fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n }).map(String),
    item: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  });

  it('round-trips every state within 100 characters, flagging a cut query', () => {
    fc.assert(
      fc.property(state, (s) => {
        const id = encodeCustomId(s as ButtonState);
        expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
        expect(LONE_SURROGATE.test(id.slice(id.lastIndexOf('|')))).toBe(LONE_SURROGATE.test(s.query));
        const decoded = decodeCustomId(id)!;
        expect(decoded).toMatchObject({ action: s.action, command: s.command, page: s.page, owner: s.owner });
        if (decoded.truncated) expect(s.query.startsWith(decoded.query)).toBe(true);
        else expect(decoded.query).toBe(s.query);
      }),
    );
  });

  it('rejects any edit of an id, and never throws on arbitrary input', () => {
    fc.assert(
      fc.property(state, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (s, at, ch) => {
        const id = encodeCustomId({ ...s, query: s.query.slice(0, 20) } as ButtonState);
        const i = at % id.length;
        fc.pre(id[i] !== ch);
        const edited = id.slice(0, i) + ch + id.slice(i + 1);
        const decoded = decodeCustomId(edited);
        // An edit may only survive where it cannot change the meaning (there is none): it must be refused.
        expect(decoded).toBeUndefined();
      }),
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (junk) => void decodeCustomId(junk)));
    expect(decodeCustomId(encodeCustomId({ action: 'page', command: 'ask', query: 'x', page: 2, owner: '123456789012345678' }), 'other-secret')).toBeUndefined();
  });
});

describe('renderDiscord', () => {
  it('keeps every Discord limit for arbitrary pages, never splitting a surrogate pair', () => {
    const text = fc.string({ unit: 'binary', maxLength: 3000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 30 }), text, (pairs, query) => {
        const hits = pairs.map(([t, a], i) => hit(`000-${i + 1}`, t + seedParagraph, a));
        const page = pageOf(hits, { query, total: 999, pages: 200, page: 7 });
        const message = renderDiscord(page, { owner: '123456789012345678', ephemeral: true });
        const embed = message.embeds[0]!;
        expect(embed.title!.length).toBeLessThanOrEqual(LIMITS.title);
        expect((embed.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
        expect(embed.fields!.length).toBeLessThanOrEqual(LIMITS.fields);
        for (const f of embed.fields!) {
          expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
          expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
        }
        expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.total);
        const all = [embed.title, embed.description, ...embed.fields!.flatMap((f) => [f.name, f.value])].join('\n');
        // Truncation must not create lone surrogates (the input may hold some of its own).
        if (!LONE_SURROGATE.test(query + pairs.flat().join(''))) expect(LONE_SURROGATE.test(all)).toBe(false);
        for (const row of message.components) {
          expect(row.components.length).toBeLessThanOrEqual(5);
          for (const b of row.components) expect('custom_id' in b && b.custom_id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
        }
        expect(message.allowedMentions).toEqual({ parse: [] });
      }),
      { numRuns: 60 },
    );
  });

  it('truncates on code points with an ellipsis', () => {
    expect(truncate('😀😀😀', 4)).toBe('😀…');
    expect(truncate('济北开发区', 10)).toBe('济北开发区');
    expect(truncate('济北开发区', 3)).toBe('济北…');
  });

  it('escapes mentions and markdown from users and the corpus', () => {
    const escaped = escapeText('@everyone @here <@123> <@!1> <@&456> <#789> **bold** __u__ `code` ||spoiler||');
    for (const raw of ['@everyone', '@here', '<@123>', '<@!1>', '<@&456>', '<#789>', '**bold**', '`code`', '||spoiler||']) expect(escaped).not.toContain(raw);
  });

  it('labels the footer in the user’s language and disables the buttons at the ends', () => {
    const zh = renderDiscord(pageOf([hit('000-11', seedParagraph)], { page: 1, pages: 3, total: 12 }), { owner: '1234567890123456', ephemeral: false });
    expect(zh.embeds[0]!.footer!.text).toBe('第 1/3 页 · 共 12 条');
    const labels = zh.components[0]!.components.map((b) => ('label' in b ? [b.label, b.disabled] : []));
    expect(labels).toEqual([['◀', true], ['▶', false]]);
    const en = renderDiscord(pageOf([hit('000-11', seedParagraph)], { page: 5, pages: 5, total: 25 }), { owner: '1234567890123456', ephemeral: true, locale: 'en-US' });
    expect(en.embeds[0]!.footer!.text).toBe('Page 5/5 · 25 in all');
    expect(en.components[0]!.components.map((b) => ('label' in b ? b.label : ''))).toEqual(['⏮', '◀', '▶', '⏭', 'Share to channel']);
    const ids = en.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
