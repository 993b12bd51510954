import { describe, expect, it } from 'vitest';
import { classifyLine, isBulletHeadline, stripDetailStub } from '../src/corpus/boilerplate.ts';
import { articleMeta } from '../src/corpus/metadata.ts';
import { RELATED_HEADLINES, splitArticles } from '../src/corpus/structure.ts';
import { seedText } from './seeds.ts';

const allText = (text: string) =>
  splitArticles(text)
    .flatMap((a) => [...a.headings, ...a.meta, ...a.paragraphs.map((p) => p.text)])
    .join('\n');

describe('boilerplate', () => {
  it('classifies editor credits, promotions and page numbers from the seeds', () => {
    expect(classifyLine('初审编辑:')).toBe('editor');
    expect(classifyLine('责任编辑:葛思琦')).toBe('editor');
    expect(classifyLine('编辑：彭传刚 组版：颜莉')).toBe('editor');
    expect(classifyLine('统稿:赵宏磊 视觉 徐民 本版责编:杨万绘 校对:姜小皓')).toBe('editor');
    expect(classifyLine('扫码下载齐鲁壹点')).toBe('drop');
    expect(classifyLine('找记者 上壹点')).toBe('drop');
    expect(classifyLine('2版')).toBe('drop');
    expect(classifyLine('千帆竞,满目新。')).toBe('text');
    // A web page's furniture, as its text reads once the markup is gone.
    for (const chrome of ['【打印本页】【关闭窗口】', '字体：【大中小】', '字号:〖大 中 小〗', '分享：', '【TOP】', '上一篇：青禾区召开安全生产会议', '当前位置：首页 > 政务公开', '版权所有 © 青禾区人民政府', '扫一扫在手机打开当前页', '【打印页面】', '訪問量:0', '當前位置：首頁 > 園區介紹']) {
      expect(classifyLine(chrome), chrome).toBe('drop');
    }
    // A sentence that mentions one of those words is text.
    expect(classifyLine('园区企业可在网站上一键分享到各政务平台，实现信息互通。')).toBe('text');
  });

  it('strips the [详细] stub and recognizes headline bullets', () => {
    expect(stripDetailStub('盒马济南首店终于亮相。[详细]')).toBe('盒马济南首店终于亮相。');
    expect(isBulletHeadline('- 大眾日報:濟南新材料產業園區加速打造百億級新型功能材料產業集群')).toBe(true);
    expect(isBulletHeadline('近日,一组可喜数据公布:济南市一般公共预算收入完成1001.4亿元。')).toBe(false);
  });

  it('keeps no boilerplate of any seed in the articles', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const text = allText(seedText(prefix));
      for (const junk of ['责任编辑', '初审编辑', '扫码下载', '上壹点', '组版', '[详细]', '相关新闻', '推荐阅读', '今日导读', '本版责编']) {
        expect(text, `${prefix} keeps ${junk}`).not.toContain(junk);
      }
    }
  });

  it('files the headline list that ends 002 under related headlines, each headline a paragraph without its bullet', () => {
    const paragraphs = splitArticles(seedText('002')).flatMap((a) => a.paragraphs);
    const related = paragraphs.filter((p) => p.section === RELATED_HEADLINES);
    expect(related.length).toBe(8);
    expect(related.at(-1)!.text).toMatch(/^安可森連續三年/u);
    // The article's own paragraphs are not among them.
    expect(paragraphs.filter((p) => p.section !== RELATED_HEADLINES).every((p) => !p.text.startsWith('-'))).toBe(true);
    expect(related.some((p) => p.text.includes('針對企業不斷增加'))).toBe(false);
  });

  it('drops a bullet list before the article’s text: the site’s menu or the page’s labels', () => {
    const text = ['园区介绍', '- 分类:园区介绍', '- 发布时间:2021-12-21', '青川经开区成立于2006年,规划面积12平方公里。', '- 青川经开区召开招商推介会'].join('\n');
    const paragraphs = splitArticles(text).flatMap((a) => a.paragraphs);
    expect(paragraphs.map((p) => [p.text, p.section ?? ''])).toEqual([
      ['青川经开区成立于2006年,规划面积12平方公里。', ''],
      ['青川经开区召开招商推介会', RELATED_HEADLINES],
    ]);
  });
});

describe('splitArticles', () => {
  it('finds the two articles of seed 000 with their titles', () => {
    const articles = splitArticles(seedText('000'));
    expect(articles.map((a) => a.headings.join(' '))).toEqual([
      '提升营商环境“软实力”，擦亮“投资济阳，快乐体验”金字招牌 济北开发区构筑经济发展“硬支撑”',
      '以榜样激发建功新时代的“她”力量 济阳区妇联机关党支部集中收看《榜样的力量》专题节目',
    ]);
    // Section heads are not paragraphs, but label the paragraphs under them.
    const first = articles[0]!;
    expect(first.paragraphs.some((p) => p.text === '体制机制改革方面 坚持改革创新走在前')).toBe(false);
    expect(first.paragraphs[0]!.section).toBe('体制机制改革方面 坚持改革创新走在前');
  });

  it('finds the seven articles of the newspaper page 004', () => {
    const titles = splitArticles(seedText('004')).map((a) => a.headings.join(' '));
    expect(titles).toEqual([
      '高质量发展的“开发区答卷” ——全区上半年经济社会发展综述',
      '刘升勤来开发区调研',
      '王钦杰来开发区调研',
      '开发区:召开党工委(扩大)会议',
      '开发区组织收听收看 全国安全生产电视电话会议',
      '开发区召开2019年上半年工作总结暨经济运行分析会议 总结上半年工作 部署下半年重点任务',
      '深入开展调查研究、帮助解决企业难题,开发区—— “两个专员”助力经济高质量发展',
    ]);
  });

  it('joins a paragraph that the page layout broke in two (004: 并出台实 / 体项目奖励政策)', () => {
    const paragraphs = splitArticles(seedText('004')).flatMap((a) => a.paragraphs.map((p) => p.text));
    expect(paragraphs.some((p) => p.includes('并出台实体项目奖励政策'))).toBe(true);
    expect(paragraphs.some((p) => p.includes('切实帮助企业解决问题。各帮包专员将主动'))).toBe(true);
  });
});

const metaOfText = (text: string) => splitArticles(text).map((a) => articleMeta(a, text));

describe('articleMeta', () => {
  const metaOf = (prefix: string) => {
    const text = seedText(prefix);
    return splitArticles(text).map((a) => articleMeta(a, text));
  };

  it('reads date, source, author and credits from a dateline (003)', () => {
    expect(metaOf('003')[0]).toEqual({
      title: '【岁末答卷一】钢城经济开发区:“优”无止境 “营”在经开',
      date: '2024-12-03',
      source: '大众网',
      author: '毕东方',
      // The byline line as written, and the two editor lines after the article.
      credits: ['2024-12-03 09:09:32 来源: 大众网 作者: 毕东方', '初审编辑:亓国明', '责任编辑:贺存玲'],
    });
  });

  it('gives 7月30日 the year the page names (004) and reads the desk and correspondent', () => {
    const meta = metaOf('004');
    expect(meta[1]).toMatchObject({ title: '刘升勤来开发区调研', date: '2019-07-30', source: '开发区讯', author: '王小涵' });
    expect(meta[0]).toMatchObject({ author: '高庆贺' });
  });

  it('reads a byline that shares its line with a visit counter, and keeps the paragraph after it whole', () => {
    const text = [
      '临河经开区召开项目推进会',
      '',
      '来源:临河经济技术开发区 发布时间:2024-03-08 09:30 浏览次数:12',
      '',
      '3月7日,经开区召开一季度项目推进会,新签约项目11个。',
    ].join('\n');
    const [article] = splitArticles(text);
    expect(article!.paragraphs.map((p) => p.text)).toEqual(['3月7日,经开区召开一季度项目推进会,新签约项目11个。']);
    expect(articleMeta(article!, text)).toMatchObject({ title: '临河经开区召开项目推进会', source: '临河经济技术开发区', date: '2024-03-08' });
  });

  it('reads 通讯员 and the paper named with its reporters', () => {
    expect(metaOf('000')[0]).toMatchObject({ author: '王菊' });
    expect(metaOf('001')[0]).toMatchObject({ source: '济南日报' });
  });
});

describe('titles', () => {
  it('gives an article without a headline no title rather than its opening sentence (001 starts with its first paragraph)', () => {
    const [first] = metaOfText(seedText('001'));
    expect(first).toMatchObject({ title: '', untitled: true, source: '济南日报' });
  });

  it('keeps the headline where the text has one', () => {
    // Written for this test: a headline, a dateline, a body.
    const text = ['青禾开发区推出企业服务专员制度', '2024-06-01 来源：青禾日报', '', '6月1日，青禾开发区选派二十名干部担任企业服务专员，一对一联系重点企业。'].join('\n');
    expect(metaOfText(text)).toEqual([{ title: '青禾开发区推出企业服务专员制度', date: '2024-06-01', source: '青禾日报' }]);
    // The same body without its headline: no title, and nothing of the body promoted to one.
    expect(metaOfText(text.split('\n').slice(2).join('\n'))[0]).toMatchObject({ title: '', untitled: true });
  });

  it('shows no invented title for an untitled article in the terminal and in Discord', async () => {
    const { buildCorpus } = await import('../src/corpus/build.ts');
    const { buildKnowledge } = await import('../src/extract/knowledge.ts');
    const { SearchEngine } = await import('../src/search/engine.ts');
    const { source } = await import('../commands/source.ts');
    const { renderTerminal } = await import('../src/render/terminal.ts');
    const { renderDiscord } = await import('../src/discord/render.ts');
    const corpus = buildCorpus([{ name: '001.txt', text: seedText('001'), encoding: 'utf-8' }]);
    const engine = SearchEngine.build(corpus, buildKnowledge(corpus));
    const page = source.run({ engine }, { citation: '001-1' });
    expect(page.hits[0]!.title).toBe('');
    const opening = '近日,一组可喜数据公布';
    // The paragraph itself is shown once, as the excerpt; never again as a title.
    const terminal = renderTerminal(page, { color: false });
    expect(terminal.split(opening)).toHaveLength(2);
    const embed = renderDiscord(page, { owner: '1', ephemeral: true }).embeds[0]!;
    expect(embed.fields!.map((f) => f.name).join('\n')).not.toContain(opening);
    expect(embed.fields![0]!.name).toBe('[001-1] · 济南日报');
    // A zone's list of articles says an article has no headline rather than leave a blank.
    const { zone } = await import('../commands/zone.ts');
    const profile = zone.run({ engine }, { name: '济北', page: 1 });
    const listed = profile.zone!.articles.find((a) => a.citation === '001-1')!;
    expect(listed.title).toBe('');
    expect(renderTerminal(profile, { color: false })).toContain('[001-1] （原文无标题）');
    const zoneEmbed = renderDiscord(profile, { owner: '1', ephemeral: true }).embeds[0]!;
    expect(zoneEmbed.fields!.find((f) => f.name === '相关文章')!.value).toContain('[001-1] *（原文无标题）*');
  });
});

describe('sentencesOf', () => {
  it('slices the same sentences as splitting and normalizing each one (002, Traditional with annotations)', async () => {
    const { buildCorpus } = await import('../src/corpus/build.ts');
    const { sentencesOf } = await import('../src/corpus/sentences.ts');
    const { normalizeForMatch, splitSentences } = await import('../src/text/normalize.ts');
    const corpus = buildCorpus([{ name: '002.txt', text: seedText('002'), encoding: 'utf-8' }]);
    expect(corpus.paragraphs.length).toBeGreaterThan(5);
    for (const p of corpus.paragraphs) {
      expect(sentencesOf(p)).toEqual(splitSentences(p.display).map((s) => ({ display: s, normalized: normalizeForMatch(s) })));
    }
  });
});
