/**
 * Input nobody should type, typed: every command gets results or a clear notice, never an exception, and the
 * normalizer and tokenizer hold their properties on arbitrary text.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { answerLine } from '../src/cli/batch.ts';
import { runCommand } from '../src/cli/run.ts';
import { execute } from '../src/command.ts';
import { renderDiscord } from '../src/discord/render.ts';
import { openEngine } from '../src/engine/open.ts';
import { renderTerminal } from '../src/render/terminal.ts';
import type { CommandContext } from '../src/results.ts';
import { fallbackGrams, queryTerms, segment } from '../src/search/tokenize.ts';
import { normalizeForMatch } from '../src/text/normalize.ts';
import { SEEDS_DIR } from './seeds.ts';

const NASTY = [
  '',
  '   \t  ',
  '？？！！。。，，',
  '的了吗呢吧',
  '济'.repeat(6000),
  '😀🇨🇳👨‍👩‍👧‍👦 钢城',
  '济\u200b北\u200d开\ufeff发区',
  '\u0000\u0007\u001b[31m钢城\u007f',
  '\u202e区发开北济\u202c',
  '@everyone @here <@123> <@&456> <#789>',
  '**粗体** __下划线__ `code` ```js\nalert(1)\n``` > quote ||spoiler||',
  'https://example.com/a?b=c&d=e 济北',
  '.*+?^${}()|[]\\ 钢城 (a+)+$',
  "'; DROP TABLE zones; -- 济北",
  'ji bei kai fa qu',
  'What is the contract value of Jibei development zone?',
  '濟北開發區簽約額 jibei 济北 ＪＩＢＥＩ',
  '../../etc/passwd',
  '000-11; rm -rf /',
  'null',
  '\ud800 lone surrogate \udc00',
];

let context: CommandContext;
beforeAll(async () => {
  context = { engine: (await openEngine({ corpusDir: SEEDS_DIR, snapshot: false })).engine };
});

describe('every command, every nasty input', () => {
  for (const command of commands.map((c) => c.definition.name)) {
    it(`/${command} answers with a page or a notice`, () => {
      for (const text of NASTY) {
        const page = runCommand(context, command, text);
        expect(page.command === command || page.command === 'help').toBe(true);
        expect(page.hits.length > 0 || page.notice !== undefined || page.catalogue !== undefined || page.corpus !== undefined || (page.facts?.length ?? 0) > 0 || page.zone !== undefined).toBe(true);
        // Both renderers take every page; the terminal's shows no validator wording (zod's), only its own notice.
        expect(() => renderTerminal(page, { color: true })).not.toThrow();
        expect(renderTerminal(page, { color: false })).not.toMatch(/Too small|Too big|expected \w+, received|Invalid input/u);
        const message = renderDiscord(page, { owner: '123456789012345678', ephemeral: true });
        // Echoed text is escaped everywhere but in the footer's query line, which must read back exactly for paging:
        // Discord renders no mentions in a footer, and every message allows none (allowedMentions below).
        const embeds = message.embeds.map((e) => ({ ...e, footer: { text: e.footer?.text.split('\n')[0] ?? '' } }));
        expect(JSON.stringify(embeds)).not.toMatch(/@everyone|@here|<@\d|<@&|<#\d/);
        expect(message.allowedMentions).toEqual({ parse: [] });
      }
    });
  }

  it('says "too long" for 6,000 characters and "unknown citation" for a path', () => {
    expect(runCommand(context, 'ask', '济'.repeat(6000)).notice?.code).toBe('too-long');
    expect(renderTerminal(runCommand(context, 'ask', '济'.repeat(6000)), { color: false })).toBe('输入太长了。 (≤ 300)');
    expect(renderTerminal(runCommand(context, 'ask', '   '), { color: false, locale: 'en' })).toBe('Please type something.');
    expect(runCommand(context, 'source', '../../etc/passwd').notice?.code).toBe('unknown-citation');
    expect(runCommand(context, 'ask', '的了吗呢吧').notice?.code).toBe('no-results');
  });

  it('takes options of the wrong type as an invalid-option notice', () => {
    for (const module of commands) {
      for (const raw of [{ page: 'x' }, { page: -3 }, { page: 1e9 }, { question: 42, name: {}, citation: [], zone: true, metric: null }]) {
        const page = execute(module, context, raw as Record<string, unknown>);
        expect(page).toBeDefined();
      }
    }
    expect(execute(commands[0]!, context, { question: 42 }).notice?.code).toBe('invalid-option');
  });

  it('batch lines of any shape get an answer or an error line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (line) => {
        expect(() => JSON.parse(answerLine(context, line))).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('properties', () => {
  it('the normalizer never throws and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const once = normalizeForMatch(text);
        expect(normalizeForMatch(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('the normalizer is idempotent on Chinese text with pinyin annotations', () => {
    const han = fc.constantFrom(...'濟南新材料產業園區开发区招商引资營商環境'.split(''));
    const annotated = fc.array(fc.tuple(han, fc.option(fc.constantFrom('(jì)', '(chǎn)', '(qū)', '（yè）'), { nil: '' })), { maxLength: 60 }).map((parts) => parts.map(([h, p]) => h + p).join(''));
    fc.assert(
      fc.property(annotated, (text) => {
        const once = normalizeForMatch(text);
        expect(normalizeForMatch(once)).toBe(once);
        expect(once).not.toMatch(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/u);
      }),
    );
  });

  it('the tokenizer never throws and yields clean terms', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const { words, tokens } = queryTerms(text);
        for (const term of [...words, ...fallbackGrams(tokens)]) {
          expect(term.length).toBeGreaterThan(0);
          expect(term).not.toMatch(/\s/u);
        }
        expect(() => segment(normalizeForMatch(text))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
