/**
 * Questions asking for a heading: the head of the section a passage stands under, or its article's title, is the
 * answer, in Chinese and in English. Excerpts written for these tests.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../commands/ask.ts';
import { openEngine } from '../src/engine/open.ts';
import { askedHeading } from '../src/search/asked-heading.ts';
import type { SearchEngine } from '../src/search/engine.ts';
import { execute } from '../src/command.ts';

const ARTICLE = [
  '青禾开发区上半年工作综述',
  '',
  '今年以来,青禾开发区围绕招商引资和项目建设两条主线,各项工作稳步推进。',
  '',
  '招商引资方面 坚持精准对接走在前',
  '',
  '青禾开发区组建招商小分队,上半年新签约项目12个,签约额30亿元。',
  '',
  '项目建设方面 坚持干在实处走在前',
  '',
  '青禾开发区重点项目完成投资20亿元,新开工项目8个。',
  '',
].join('\n');

let engine: SearchEngine;
beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-heading-'));
  writeFileSync(path.join(dir, '001_qinghe.txt'), ARTICLE);
  ({ engine } = await openEngine({ corpusDir: dir, snapshot: false }));
});

describe('a question asking for a heading', () => {
  it("is read as asking a section's heading or the article's title", () => {
    expect(askedHeading('青禾开发区招商那部分的小标题是啥')).toBe('section');
    expect(askedHeading('项目建设方面的标题是什么')).toBe('section');
    expect(askedHeading('那篇综述的标题是哪句话')).toBe('title');
    expect(askedHeading('青禾开发区获得了什么称号')).toBeUndefined();
  });

  it('is answered by the head of the section the passage stands under, marked as a heading', () => {
    const page = execute(ask, { engine }, { question: '青禾开发区讲项目建设那部分，小标题是啥' });
    expect(page.hits[0]!.answer).toBe('项目建设方面 坚持干在实处走在前');
    expect(page.hits[0]!.heading).toBe(true);
    // Asked in English, for the section or for the headline.
    const english = execute(ask, { engine }, { question: 'What is the subheading over the section on investment promotion in Qinghe?' });
    expect(english.hits[0]!.answer).toBe('招商引资方面 坚持精准对接走在前');
    const title = execute(ask, { engine }, { question: 'What is the headline of the Qinghe article?' });
    expect(title.hits[0]!.answer).toBe('青禾开发区上半年工作综述');
  });

  it('leaves other questions answered by a sentence of the passage', () => {
    const page = execute(ask, { engine }, { question: '青禾开发区新开工项目几个' });
    expect(page.hits[0]!.answer).toContain('新开工项目8个');
    expect(page.hits[0]!.heading).toBeUndefined();
    // Heading as a verb asks no heading.
    const moving = execute(ask, { engine }, { question: 'How many new projects is Qinghe heading into the second half with?' });
    expect(moving.hits.every((h) => !h.heading)).toBe(true);
  });
});
