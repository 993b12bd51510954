import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { source } from '../commands/source.ts';
import { buildCorpus } from '../src/corpus/build.ts';
import { declaredCharset, extractPage } from '../src/corpus/html.ts';
import { decodeCorpusBytes, isSkipped } from '../src/corpus/read.ts';
import type { DecodedFile } from '../src/corpus/types.ts';
import { openEngine } from '../src/engine/open.ts';

/** The test pages (written for these tests; see test/fixtures/html/README.md), as the bytes a site serves. */
const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'html');
const page = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const PAGES: Record<string, Buffer> = {
  'gov-portal.html': Buffer.from(page('gov-portal.html')),
  'news-site.html': Buffer.from(page('news-site.html')),
  'gbk-page.html': iconv.encode(page('gbk-page.html'), 'gbk'),
  'traditional-big5.html': iconv.encode(page('traditional-big5.html'), 'big5'),
  'old-table-page.html': iconv.encode(page('old-table-page.html'), 'gbk'),
};

function decoded(name: string, bytes = PAGES[name]!): DecodedFile {
  const result = decodeCorpusBytes(name, bytes);
  if (isSkipped(result)) throw new Error(`${name} skipped: ${result.reason}`);
  return result;
}

/** The articles of one page after the same stages a text file goes through. */
const articlesOf = (name: string) => {
  const corpus = buildCorpus([decoded(name)]);
  return corpus.articles.map((a) => ({
    title: a.title,
    date: a.date,
    source: a.source,
    author: a.author,
    paragraphs: a.paragraphs.map((c) => corpus.paragraphs.find((p) => p.citation === c)!.display),
  }));
};

/** Text of the page's menus, breadcrumbs, widgets, comments, scripts, styles and footers: never in a paragraph. */
const CHROME = [
  '首页', '当前位置', '您现在的位置', '政务公开', '通知公告', '栏目导航', '设为首页', '加入收藏', '请输入关键字',
  '打印', '关闭', '列印', '關閉', '分享到', '微信', '字号', '字体', '浏览次数', '上一篇', '下一篇',
  '相关新闻', '热点推荐', '网友评论', '发表评论', '说点什么', '网友甲', '点赞', '登录', '客户端',
  '版权所有', '版權所有', 'Copyright', '©', 'ICP', '主办单位', '技术支持', '举报电话', '网站标识码',
  '相关链接', '点击数', '要闻', '招商引资再创新高',
  '_hmt', 'adConfig', 'getElementById', 'text-indent', 'line-height', '责任编辑', '来源', '发布时间', '發佈時間', '信息来源',
];

describe('web pages as articles', () => {
  it('reads a government portal page: headline, date and source from its meta tags and byline, the body alone', () => {
    expect(articlesOf('gov-portal.html')).toEqual([
      {
        title: '青禾经济技术开发区推行“拿地即开工”审批新模式',
        date: '2024-04-18',
        source: '青禾区投资促进局',
        author: undefined,
        paragraphs: [
          '今年以来，青禾经济技术开发区聚焦项目建设堵点，推行“拿地即开工”审批新模式，企业从签订土地出让合同到取得施工许可平均用时压缩至7个工作日。',
          '开发区行政审批局会同自然资源、住建等部门组建项目服务专班，在土地出让前提前介入，指导企业同步开展方案设计、图纸审查和工程招标，变“串联审批”为“并联审批”，实现“交地即交证、拿地即开工”。',
          // A `<br>` in the middle of a sentence does not cut the paragraph.
          '据统计，一季度全区新开工项目23个，总投资86.5亿元，其中亿元以上项目15个。开发区还为重点项目配备“项目管家”，提供从立项到投产的全程帮办代办服务。',
          '下一步，开发区将总结推广试点经验，把“拿地即开工”覆盖到全部新供地产业项目。',
        ],
      },
    ]);
  });

  it('reads a news site page: og:title, article:published_time, the byline source and author; a subhead labels its section', () => {
    const corpus = buildCorpus([decoded('news-site.html')]);
    const [article] = articlesOf('news-site.html');
    expect(article).toMatchObject({ title: '星河高新区首批20家企业入驻科创孵化中心', date: '2024-05-09', source: '星河日报', author: '李明远' });
    expect(article!.paragraphs).toEqual([
      '5月8日，星河高新技术产业开发区科创孵化中心正式启用，首批20家科技型企业集中签约入驻，涵盖集成电路设计、工业软件和生物检测等领域。',
      '孵化中心建筑面积3.2万平方米，设有共享实验室、中试车间和路演大厅。高新区为入驻企业提供三年租金减免，并设立1亿元天使投资基金。',
      '高新区在孵化中心设立企业服务站，推行“一件事一次办”，企业注册、税务登记和社保开户可在同一窗口办结。',
      '“从递交材料到拿到营业执照只用了一个上午。”一家入驻企业的负责人说。',
    ]);
    expect(corpus.paragraphs[2]!.section).toBe('服务前移到企业门口');
  });

  it('reads a GBK page by its <meta charset="gbk">, with its own 信息来源/发布日期 line', () => {
    const file = decoded('gbk-page.html');
    expect(file.encoding).toBe('gb18030');
    expect(articlesOf('gbk-page.html')).toEqual([
      {
        title: '临川综合保税区前三季度进出口额增长18%',
        date: '2023-11-02',
        source: '临川综保区管委会',
        author: undefined,
        paragraphs: [
          '今年前三季度，临川综合保税区完成进出口额126.7亿元，同比增长18%，增速居全省综合保税区前列。',
          '综保区围绕保税加工、保税物流和跨境电商三大业务板块精准招商，新引进外贸企业14家，其中年进出口额超10亿元的企业2家。',
          '综保区管委会推行“提前申报、抵港直装”通关模式，出口货物平均通关时间较去年缩短一半。',
        ],
      },
    ]);
  });

  it('reads a Big5 page in Traditional characters, keeping its script for display', () => {
    expect(decoded('traditional-big5.html').encoding).toBe('big5hkscs');
    const [article] = articlesOf('traditional-big5.html');
    expect(article).toMatchObject({ title: '澄江工業園區推出企業服務專員制度', date: '2022-08-15', source: '澄江快訊' });
    expect(article!.paragraphs).toHaveLength(3);
    expect(article!.paragraphs[0]).toBe('澄江工業園區日前推出企業服務專員制度，由園區管委會選派三十名幹部，一對一聯繫園區內規模以上企業。');
  });

  it('reads an old table layout page: GB2312, paragraphs between <br><br>, the headline in <b>, `标题--网站` as its title', () => {
    expect(articlesOf('old-table-page.html')).toEqual([
      {
        title: '白鹭湾开发区召开项目推进会',
        date: '2019-08-06',
        source: '白鹭湾新闻网',
        author: '张三',
        paragraphs: [
          '8月5日，白鹭湾开发区召开重点项目推进会，听取十二个在建项目进展情况汇报，现场协调解决用地、用电等问题九项。',
          '会议要求，各项目责任单位要倒排工期、挂图作战，确保年内八个项目竣工投产。',
          '开发区还将建立项目周调度制度，每周通报一次进度。',
        ],
      },
    ]);
  });

  it('lets none of the pages’ chrome into a paragraph, a title or a section', () => {
    const corpus = buildCorpus(Object.keys(PAGES).map((name) => decoded(name)));
    expect(corpus.articles).toHaveLength(5);
    const texts = [...corpus.paragraphs.flatMap((p) => [p.display, p.section ?? '']), ...corpus.articles.map((a) => a.title)];
    for (const junk of CHROME) {
      for (const text of texts) expect(text, `"${junk}" reached the corpus`).not.toContain(junk);
    }
  });

  it('finds the declared charset in either form, and trusts valid UTF-8 over a stale declaration', () => {
    expect(declaredCharset(Buffer.from('<html><head><meta charset="GB2312">'))).toBe('gb2312');
    expect(declaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gbk" />'))).toBe('gbk');
    expect(declaredCharset(Buffer.from('<html><head><title>t</title>'))).toBeUndefined();
    const gb2312 = page('gbk-page.html').replace('<meta charset="gbk">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    expect(decoded('a.html', iconv.encode(gb2312, 'gbk')).text).toContain('临川综合保税区完成进出口额126.7亿元');
    // Saved by a browser as UTF-8 with the site's old declaration kept.
    expect(decoded('b.html', Buffer.from(page('gbk-page.html')))).toMatchObject({ encoding: 'utf-8' });
  });

  it('reads a page saved under a .txt name as the page it is, not its markup', () => {
    const asText = decoded('page.txt', PAGES['news-site.html']);
    expect(asText.text).toBe(decoded('news-site.html').text);
    expect(asText.text).not.toMatch(/<!doctype|<script|adConfig/iu);
  });

  it('skips a page with no article text as empty, and an undecodable page with the charsets it tried', () => {
    const menuOnly = '<html><body><ul><li><a href="/">首页</a></li><li><a href="/a">新闻</a></li><li><a href="/b">公告</a></li></ul></body></html>';
    expect(decodeCorpusBytes('menu.html', Buffer.from(menuOnly))).toMatchObject({ kind: 'empty' });
    const junk = Buffer.concat([Buffer.from('<meta charset="big5">'), Buffer.from(Array.from({ length: 64 }, (_, i) => (i % 2 ? 0xff : 0x80)))]);
    expect(decodeCorpusBytes('junk.html', junk)).toMatchObject({ kind: 'undecodable', reason: expect.stringContaining('big5') });
  });

  it('keeps a headline that ends in a question mark or is long as the title', () => {
    const question = '青禾开发区为什么能在三个月内把一个产业项目从签约推进到开工投产并且实现当年见效？';
    const html = `<html><head><meta property="og:title" content="${question}"></head><body><h1>${question}</h1>
      <div><p>这是一段由测试编写的正文，说明开发区如何组织专班推进项目建设，并在每周召开调度会解决问题。</p>
      <p>第二段正文，介绍项目从签约到开工的各个环节，以及审批部门如何并联办理各项手续。</p></div></body></html>`;
    const corpus = buildCorpus([decoded('q.html', Buffer.from(html))]);
    expect(corpus.articles.map((a) => a.title)).toEqual([question]);
    expect(corpus.paragraphs.map((p) => p.display)).not.toContain(question);
  });

  it('takes the headline without the site name the title adds, and not the site name a logo <h1> holds', () => {
    const body = `<p>这是一段由测试编写的正文，说明园区如何推进项目建设，并在每周召开调度会解决企业遇到的问题。</p>
      <p>第二段正文，介绍园区在人才公寓、子女入学和通勤班车方面为企业员工提供的配套服务。</p>`;
    const withLogo = (head: string, h1: string) => `<html><head>${head}</head><body><h1 class="logo">星河新闻网</h1>${h1}<div class="text">${body}</div></body></html>`;
    const title = '星河产业园区为入驻企业员工提供人才公寓';
    const cases = [
      withLogo(`<title>${title}_园区动态_星河新闻网</title>`, ''),
      withLogo(`<meta property="og:title" content="${title} - 星河新闻网"><title>星河新闻网</title>`, `<h1>${title}</h1>`),
      withLogo(`<title>${title} | 星河新闻网</title>`, `<h2>${title}</h2>`),
    ];
    for (const html of cases) expect(extractPage(html).title).toBe(title);
    // A date only a line of the page gives, labelled 时间：
    expect(extractPage(withLogo(`<title>${title}</title>`, '<div class="i">时间：2021年6月3日 浏览：12</div>')).date).toBe('2021-06-03');
  });

  it('reads a page whose whole body is one <form>, as ASP.NET pages are', () => {
    const html = page('gov-portal.html').replace('<body>', '<body><form id="form1" method="post"><input type="hidden" name="__VIEWSTATE" value="dDwtMTA4">').replace('</body>', '</form></body>');
    expect(extractPage(html)).toEqual(extractPage(page('gov-portal.html')));
  });

  it('extracts nothing from scripts and styles even where they sit inside the article', () => {
    const html = `<html><body><div class="content"><p>开发区今年新增高新技术企业三十家，研发投入增长两成，创新平台达到十五个。</p>
      <script>var trackingId = "UA-0000";</script><style>.x{color:red}</style>
      <p>开发区还设立了科技成果转化基金，支持企业与高校共建实验室，推动成果在园区落地。</p></div></body></html>`;
    const { paragraphs } = extractPage(html);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs.join('')).not.toMatch(/trackingId|color/);
  });
});

describe('any bytes in a .html file', () => {
  it('give an article or a skipped file with a reason, never an exception', () => {
    const markup = fc.constantFrom('<p>', '</p>', '<div class="x">', '</div>', '<br>', '<script>', '</script>', '<meta charset="gbk">', '<h1>', '<!--', '-->', '<a href="/">', '</a>', '来源：', '发布时间：2024-01-02', '。', '开发区', '\u0000');
    const page = fc.array(fc.oneof(markup, fc.string(), fc.constant('这是一段足够长的正文，用来让提取器有东西可以挑选，并带有几个逗号，和一个句号。')), { maxLength: 40 });
    fc.assert(
      fc.property(page, (parts) => {
        const result = decodeCorpusBytes('fuzz.html', Buffer.from(parts.join('')));
        expect(isSkipped(result) ? result.reason.length > 0 : result.text.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('web pages through the whole pipeline', () => {
  it('answers from a page and cites it as a text file is cited, /source included', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-html-'));
    for (const [name, bytes] of Object.entries(PAGES)) writeFileSync(path.join(dir, name), bytes);
    const { engine } = await openEngine({ corpusDir: dir, snapshot: false });
    expect(engine.corpus.skipped).toEqual([]);
    // A Simplified question finds the Traditional page.
    const { hits } = engine.search('澄江工业园区服务专员多久走访企业一次');
    const top = engine.corpus.paragraphs[hits[0]!.index]!;
    expect(top.file).toBe('traditional-big5.html');
    expect(top.citation).toBe('traditional-2');
    const page = source.run({ engine }, { citation: 'gov-3' });
    expect(page.hits[0]).toMatchObject({ title: '青禾经济技术开发区推行“拿地即开工”审批新模式', date: '2024-04-18', source: '青禾区投资促进局' });
    expect(page.hits[0]!.text).toContain('一季度全区新开工项目23个');
  });
});
