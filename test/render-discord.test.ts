import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customIdKey, decodeCustomId, encodeCustomId, MAX_CUSTOM_ID, type ButtonState } from '../src/discord/custom-id.ts';
import { loadConfig } from '../src/config.ts';
import { readQueryLine } from '../src/discord/query-line.ts';
import { embedLength, escapeText, LIMITS, markForDiscord, renderDiscord, truncate } from '../src/discord/render.ts';
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
  const KEY = 'a-test-key-of-this-deployment';
  const state = fc.record({
    action: fc.constantFrom('page' as const, 'share' as const),
    command: fc.constantFrom('ask' as const, 'zone' as const, 'measure' as const, 'stats' as const, 'source' as const),
    page: fc.integer({ min: 1, max: 10_000 }),
    owner: fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n }).map(String),
    item: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  });
  const query = fc.string({ unit: 'binary', maxLength: 300 });

  it('round-trips every state with any query of up to 300 characters, within 100 characters', () => {
    fc.assert(
      fc.property(state, query, (s, q) => {
        const id = encodeCustomId(s as ButtonState, q, KEY);
        expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
        expect(decodeCustomId(id, q, KEY)).toEqual(Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)));
      }),
    );
  });

  it('refuses any edit of an id, another query, another key, and never throws on arbitrary input', () => {
    fc.assert(
      fc.property(state, query, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (s, q, at, ch) => {
        const id = encodeCustomId(s as ButtonState, q, KEY);
        const i = at % id.length;
        fc.pre(id[i] !== ch);
        expect(decodeCustomId(id.slice(0, i) + ch + id.slice(i + 1), q, KEY)).toBeUndefined();
        expect(decodeCustomId(id, q + ch, KEY)).toBeUndefined();
      }),
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), query, (junk, q) => void decodeCustomId(junk, q, KEY)));
    const id = encodeCustomId({ action: 'page', command: 'ask', page: 2, owner: '123456789012345678' }, 'x', KEY);
    expect(decodeCustomId(id, 'x', KEY)).toBeDefined();
    expect(decodeCustomId(id, 'x', 'another-deployment-key')).toBeUndefined();
  });

  it('derives a key from the token unless one is set, and no key equals another token\'s', () => {
    expect(customIdKey('token-a')).toBe(customIdKey('token-a'));
    expect(customIdKey('token-a')).not.toBe(customIdKey('token-b'));
    expect(customIdKey('token-a')).not.toContain('token-a');
    expect(customIdKey('token-a', 'configured-secret-value')).toBe('configured-secret-value');
  });

  it('takes CUSTOM_ID_SECRET from the settings, refusing a short one with a message naming it', () => {
    expect(loadConfig({ CUSTOM_ID_SECRET: 'a-long-enough-random-secret' }, '/nonexistent/.env').CUSTOM_ID_SECRET).toBe('a-long-enough-random-secret');
    expect(loadConfig({ CUSTOM_ID_SECRET: '' }, '/nonexistent/.env').CUSTOM_ID_SECRET).toBeUndefined();
    expect(() => loadConfig({ CUSTOM_ID_SECRET: 'short' }, '/nonexistent/.env')).toThrow(/CUSTOM_ID_SECRET must be at least 16 characters/);
  });
});

describe('renderDiscord', () => {
  it('keeps every Discord limit for arbitrary pages, never splitting a surrogate pair', () => {
    const text = fc.string({ unit: 'binary', maxLength: 3000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 30 }), text, (pairs, query) => {
        const hits = pairs.map(([t, a], i) => hit(`000-${i + 1}`, t + seedParagraph, a));
        const page = pageOf(hits, { query, total: 999, pages: 200, page: 7 });
        const message = renderDiscord(page, { owner: '123456789012345678', ephemeral: true, key: 'k' });
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

  it('labels the footer in the user’s language, with the query under it, and disables the buttons at the ends', () => {
    const options = { owner: '1234567890123456', key: 'k' };
    const zh = renderDiscord(pageOf([hit('000-11', seedParagraph)], { page: 1, pages: 3, total: 12 }), { ...options, ephemeral: false });
    expect(zh.embeds[0]!.footer!.text).toBe('第 1/3 页 · 共 12 条\n/ask 济北开发区签约额');
    const labels = zh.components[0]!.components.map((b) => ('label' in b ? [b.label, b.disabled] : []));
    expect(labels).toEqual([['◀', true], ['▶', false]]);
    const en = renderDiscord(pageOf([hit('000-11', seedParagraph)], { page: 5, pages: 5, total: 25 }), { ...options, ephemeral: true, locale: 'en-US' });
    expect(en.embeds[0]!.footer!.text).toBe('Page 5/5 · 25 in all\n/ask 济北开发区签约额');
    expect(en.components[0]!.components.map((b) => ('label' in b ? b.label : ''))).toEqual(['⏮', '◀', '▶', '⏭', 'Share to channel']);
    const ids = en.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes every query of up to 300 characters into the footer so that it reads back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 150 }).map((q) => q.trim()), (query) => {
        fc.pre(query.length > 0 && query.length <= 300);
        const message = renderDiscord(pageOf([hit('000-11', seedParagraph)], { query }), { owner: '1234567890123456', ephemeral: true, key: 'k' });
        expect(readQueryLine(message.embeds[0])).toEqual({ command: 'ask', query });
        expect(message.components.length).toBeGreaterThan(0);
      }),
    );
  });

  it('draws no button it could not honour: none without a key, none without a page footer', () => {
    expect(renderDiscord(pageOf([hit('000-11', seedParagraph)]), { owner: '1234567890123456', ephemeral: true }).components).toEqual([]);
    expect(renderDiscord(pageOf([], { total: 0, pages: 0 }), { owner: '1234567890123456', ephemeral: true, key: 'k' }).components).toEqual([]);
  });

  it('quotes each excerpt once, its answering sentence in bold inside the paragraph, the first one too', () => {
    const sentence = '签约额22.13亿元';
    const paragraph = `前文。${sentence}。后文。`;
    const embed = renderDiscord(pageOf([hit('000-11', paragraph, sentence), hit('000-12', sentence)]), { owner: '1', ephemeral: true, key: 'k' }).embeds[0]!;
    expect(embed.fields![0]!.value).toBe('前文。**__签约__额22.13亿元**。后文。');
    expect(embed.fields![1]!.value).toBe('**__签约__额22.13亿元**');
    for (const f of embed.fields!) expect(f.value.split('22.13').length - 1).toBe(1);
  });

  it('names a shared excerpt without a page line, and pings nobody, not even the sharer', () => {
    const shared = renderDiscord(pageOf([hit('000-11', seedParagraph)]), { owner: '1', ephemeral: false, sharedBy: '1234567890123456', excerpt: true, key: 'k' });
    expect(shared.embeds[0]!.footer!.text).toBe('/ask 济北开发区签约额');
    expect(shared.content).toContain('<@1234567890123456>');
    expect(shared.allowedMentions).toEqual({ parse: [] });
    expect(shared.components).toEqual([]);
  });

  it('shows no library text for a refused option and no title of spaces', () => {
    const page = pageOf([], { query: '   ', total: 0, pages: 0, notice: { code: 'empty-query', detail: 'question: Too small: expected string to have >=1 characters' } });
    const embed = renderDiscord(page, { owner: '1', ephemeral: true, key: 'k' }).embeds[0]!;
    expect(embed.title).toBe('/ask');
    expect(embed.description).toBe('请输入内容。');
  });
});

describe('underlined terms', () => {
  it('underline whole words, never half of one', () => {
    const text = '今年8月5日，开发区2024年度签约额22.13亿元';
    const at = (term: string): [number, number] => [text.indexOf(term), text.indexOf(term) + term.length];
    expect(markForDiscord(text, [at('年8')])).toBe('__今年8__月5日，开发区2024年度签约额22.13亿元');
    expect(markForDiscord(text, [at('2024年')])).toBe('今年8月5日，开发区__2024年度__签约额22.13亿元');
    // Marks that meet once widened become one underline, not two touching ones.
    expect(markForDiscord(text, [at('签约'), at('约额')])).toBe('今年8月5日，开发区2024年度__签约额__22.13亿元');
    expect(markForDiscord(text, [at('开发区')])).toBe('今年8月5日，__开发区__2024年度签约额22.13亿元');
  });
});
