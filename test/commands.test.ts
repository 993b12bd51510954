import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../commands/ask.ts';
import { measure } from '../commands/measure.ts';
import { source } from '../commands/source.ts';
import { stats } from '../commands/stats.ts';
import { zone } from '../commands/zone.ts';
import { execute } from '../src/command.ts';
import { renderDiscord } from '../src/discord/render.ts';
import { openEngine } from '../src/engine/open.ts';
import { renderTerminal } from '../src/render/terminal.ts';
import type { CommandContext } from '../src/results.ts';
import { toSimplified } from '../src/text/normalize.ts';
import { SEEDS_DIR } from './seeds.ts';

let context: CommandContext;
beforeAll(async () => {
  const opened = await openEngine({ corpusDir: SEEDS_DIR, snapshot: false });
  context = { engine: opened.engine, stats: opened.stats };
});

describe('/ask', () => {
  it('answers a plain-language question with the cited sentence first', () => {
    const page = execute(ask, context, { question: '请问一下，济北开发区是怎么给企业提供全程帮办服务的？谢谢' });
    expect(page.hits[0]!.citation).toMatch(/^000-\d+$/);
    expect(page.hits[0]!.answer).toContain('全程帮办');
    // The marks fall on the matched terms of the answer sentence.
    const marked = page.hits[0]!.answerMarks.map(([a, b]) => page.hits[0]!.answer.slice(a, b));
    expect(marked.join('|')).toContain('帮办');
  });

  it('meets a Traditional question with the Traditional article, shown in Traditional', () => {
    const page = execute(ask, context, { question: '濟南新材料產業園區融通科技產業園' });
    expect(page.hits[0]!.file.startsWith('002')).toBe(true);
    expect(page.hits[0]!.text).toContain('融通科技產業園');
    expect(page.hits[0]!.text).not.toContain('(jì)');
  });

  it('pages results: 5 a page, page N of M, total', () => {
    const first = execute(ask, context, { question: '营商环境', page: 1 });
    const second = execute(ask, context, { question: '营商环境', page: 2 });
    expect(first.hits).toHaveLength(5);
    expect(first.pages).toBe(Math.ceil(first.total / 5));
    expect(second.page).toBe(2);
    expect(second.hits.map((h) => h.citation)).not.toContain(first.hits[0]!.citation);
    expect(execute(ask, context, { question: '营商环境', page: 999 }).page).toBe(first.pages);
  });

  it('refuses empty and overlong questions with a notice, and finds nothing for unrelated text', () => {
    expect(execute(ask, context, { question: '   ' }).notice?.code).toBe('empty-query');
    expect(execute(ask, context, { question: '济'.repeat(301) }).notice?.code).toBe('too-long');
    expect(execute(ask, context, { question: '？？！！' }).notice?.code).toBe('no-results');
    expect(execute(ask, context, { question: 'zzzzqqq' }).notice?.code).toBe('no-results');
  });
});

describe('/zone', () => {
  it('resolves pinyin to 济北开发区 and builds its profile', () => {
    const page = execute(zone, context, { name: 'jibei' });
    expect(page.zone?.name).toBe('济北开发区');
    expect(page.zone?.aliases).toContain('濟北開發區');
    expect(page.zone?.articles.map((a) => a.file.slice(0, 3))).toEqual(expect.arrayContaining(['000', '001']));
    expect(page.zone?.facts.some((f) => f.value === '22.13' && f.metric === '签约额')).toBe(true);
    expect(page.zone?.measures.map((m) => m.name)).toContain('一次办成');
    expect(page.hits.every((h) => h.zones.includes('济北开发区'))).toBe(true);
  });

  it('offers candidates for an ambiguous name and a notice for an unknown one', () => {
    const ambiguous = execute(zone, context, { name: '济' });
    expect(ambiguous.notice?.code).toBe('ambiguous-zone');
    expect(ambiguous.candidates).toEqual(expect.arrayContaining(['济北开发区', '济阳区']));
    expect(execute(zone, context, { name: '火星开发区' }).notice?.code).toBe('unknown-zone');
  });
});

describe('/measure', () => {
  it('lists the zones applying 一窗受理 and passages from both articles', () => {
    const page = execute(measure, context, { name: '一窗受理' });
    expect(page.measure?.zones).toContain('济南新材料产业园区');
    expect(page.hits.map((h) => h.file.slice(0, 3)).sort()).toEqual(['002', '004']);
  });

  it('groups Traditional and Simplified variants: 一次辦成 finds 一次办成', () => {
    const page = execute(measure, context, { name: '一次辦成' });
    expect(page.measure?.name).toBe('一次办成');
    expect(page.hits.map((h) => h.file.slice(0, 3))).toEqual(expect.arrayContaining(['000', '002']));
  });

  it('without a name: the catalogue with zone and paragraph counts, paged', () => {
    const page = execute(measure, context, {});
    expect(page.catalogue).toHaveLength(5);
    expect(page.total).toBe(context.engine.knowledge.measures.length);
    expect(page.catalogue![0]!.paragraphs).toBeGreaterThan(0);
  });
});

describe('/stats', () => {
  it('filters figures by metric: 新签约项目 → 21 and 49', () => {
    const page = execute(stats, context, { metric: '新签约项目' });
    expect(page.facts?.map((f) => f.value)).toEqual(expect.arrayContaining(['21', '49']));
    expect(page.facts?.every((f) => /^\d{3}-\d+$/.test(f.citation))).toBe(true);
  });

  it('filters by zone and metric together, from free text too', () => {
    const page = execute(stats, context, { zone: '钢城', metric: '签约项目' });
    expect(page.facts?.[0]).toMatchObject({ zone: '钢城经济开发区', value: '14', unit: '个' });
    const typed = execute(stats, context, { text: '济北开发区 签约额' });
    expect(typed.facts?.[0]).toMatchObject({ zone: '济北开发区', metric: '签约额', value: '22.13', unit: '亿元', period: '截至5月份' });
  });

  it('without options: the corpus in numbers', () => {
    const page = execute(stats, context, {});
    expect(page.corpus).toMatchObject({ files: 5, skipped: 0, articles: 13 });
    expect(page.corpus!.zones).toBeGreaterThanOrEqual(8);
  });
});

describe('/source', () => {
  it('shows one paragraph in full with its article and neighbours', () => {
    const page = execute(source, context, { citation: '000-11' });
    const hit = page.hits[0]!;
    expect(hit.citation).toBe('000-11');
    expect(toSimplified(hit.text)).toContain('签约额22.13亿元');
    expect(hit.title).toContain('济北开发区构筑经济发展');
    expect(page.context?.before?.citation).toBe('000-10');
    expect(page.context?.after?.citation).toBe('000-12');
  });

  it('answers unknown and path-like citations with a notice', () => {
    for (const citation of ['999-1', '../../etc/passwd', '000-0', '000']) {
      expect(execute(source, context, { citation }).notice?.code, citation).toBe('unknown-citation');
    }
  });
});

describe('a related story’s headline as the answer', () => {
  it('is cited and marked as such, in the terminal and in Discord', () => {
    const page = execute(ask, context, { question: '高纯石英砂项目总投资多少' });
    const top = page.hits[0]!;
    expect(top.file.startsWith('002')).toBe(true);
    expect(top.relatedHeadline).toBe(true);
    expect(toSimplified(top.text)).toContain('总投资11亿元');
    expect(renderTerminal(page, { color: false, locale: 'zh-CN' })).toContain('〔页面所列相关报道的标题〕');
    expect(JSON.stringify(renderDiscord(page, { locale: 'en-US', owner: '1', ephemeral: false }))).toContain('a related story’s headline listed on the page');
  });
});
